"""Arabic templates.

Each template registers itself with @T(topic, lang, *more categories) and returns
(title, summary), written with the context c (context.Ctx). The order of the templates
matters: the generator chooses among a topic's templates by position.
"""

from __future__ import annotations

from .templates import T


@T("detention.arbitrary", "ar")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    return (
        f"اعتقال {c.g(v, 'ناشطة', 'ناشط')} في {c.place()} دون مذكرة توقيف",
        f"{c.When()}اعتقلت عناصر من {c.w('intel')} {c.g(v, 'الناشطة', 'الناشط')} {v} من "
        f"{c.g(v, 'منزلها', 'منزله')} في {c.place()} دون إبراز مذكرة توقيف، ولم تُبلَّغ "
        f"{c.g(v, 'عائلتها بمكان احتجازها', 'عائلته بمكان احتجازه')} إلا بعد "
        f"{c.n('d', 3, 9)} أيام.",
    )


@T("detention.arbitrary", "ar", "discrimination.ethnic")
def _(c):
    return (
        f"حملة اعتقالات ليلية في {c.place()}",
        f"{c.When()}أوقفت {c.w('police')} {c.n('n', 30, 120)} شاباً في {c.place()} خلال "
        f"حملة مداهمات ليلية استهدفت أحياء يقطنها أبناء الأقلية {c.w('minority')}، وأُفرج "
        f"عن معظمهم بعد {c.n('h', 24, 72)} ساعة دون توجيه أي تهمة إليهم.",
    )


@T("torture", "ar", "detention.conditions")
def _(c):
    v = c.person("v1", "victim", "former detainee", female=False)
    return (
        "معتقل سابق يروي تعرّضه للتعذيب",
        f"قال المعتقل السابق {v} إن المحققين في {c.w('remand')} علّقوه من يديه وضربوه "
        f"بالعصي لانتزاع اعتراف منه، وإن طبيباً شرعياً وثّق آثار الضرب بعد الإفراج عنه "
        f"{c.on()}.",
    )


@T("torture", "ar", "killing.arbitrary")
def _(c):
    v = c.person("v1", "victim", "detainee", female=False)
    return (
        f"وفاة محتجز في مركز شرطة {c.place()}",
        f"{c.When()}توفي {v} بعد يومين من احتجازه في مركز شرطة {c.place()}، وتقول عائلته "
        f"إن جثته حملت آثار تعذيب واضحة، فيما نسبت السلطات الوفاة إلى أزمة قلبية.",
    )


@T("disappearance", "ar", "detention.arbitrary")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["student", "farmer", "blogger"]))
    return (
        f"اختفاء {c.g(v, 'شابة', 'شاب')} بعد توقيف{c.g(v, 'ها', 'ه')} عند حاجز",
        f"{c.When()}اقتاد رجال بملابس مدنية {v} من حاجز تفتيش قرب {c.place()}، ولا تزال "
        f"السلطات تنكر احتجاز{c.g(v, 'ها', 'ه')}. وقدّمت والدت{c.g(v, 'ها', 'ه')} شكوى "
        f"إلى {c.w('ombudsman')} دون أن تتلقى أي رد.",
    )


@T("disappearance", "ar", "conflict.abuses", period=True)
def _(c):
    return (
        "حالات اختفاء قسري جديدة",
        f"وُثّقت {c.n('n', 12, 40)} حالة اختفاء قسري جديدة {c.on()}، معظمها لشبان من "
        f"{c.at('conflict_region')} اقتيدوا من حواجز عسكرية. ولم تفتح النيابة تحقيقاً إلا "
        f"في {c.n('k', 3, 9)} حالات.",
    )


@T("defenders.attacks", "ar")
def _(c):
    v = c.person("v1", "victim", "woman human rights defender", female=True)
    return (
        "اعتداء على مدافعة عن حقوق الإنسان",
        f"{c.When()}تعرّضت المدافعة عن حقوق الإنسان {v} لاعتداء من مجهولين أمام منزلها في "
        f"{c.place()}، بعد أيام من مشاركتها في اجتماع مع مقرر أممي. وقالت إن المعتدين "
        f"هددوها بالقتل إن واصلت عملها.",
    )


@T("defenders.attacks", "ar", "trial.fairness")
def _(c):
    v = c.person("v1", "victim", "lawyer")
    return (
        f"استدعاء {c.g(v, 'محامية', 'محامٍ')} للتحقيق بسبب عمل{c.g(v, 'ها', 'ه')}",
        f"{c.When()}{c.arv('intel', 'استدعت', 'استدعى')} {c.w('intel')} "
        f"{c.g(v, 'المحامية', 'المحامي')} {v} للتحقيق "
        f"{c.g(v, 'معها', 'معه')} لمدة {c.n('h', 4, 9)} ساعات بسبب "
        f"{c.g(v, 'تمثيلها', 'تمثيله')} عائلات معتقلين، "
        f"{c.g(v, 'وهدّدتها', 'وهدّدته')} بسحب ترخيص مزاولة المهنة.",
    )


@T("expression.press", "ar", "detention.arbitrary")
def _(c):
    v = c.person("v1", "victim", "journalist")
    return (
        f"اعتقال {c.g(v, 'صحفية', 'صحفي')} أثناء تغطية احتجاجات في {c.place()}",
        f"{c.When()}اعتقلت قوات الأمن {c.g(v, 'الصحفية', 'الصحفي')} {v} من "
        f"{c.actor('outlet')} أثناء تغطية احتجاجات في {c.place()}، وصادرت "
        f"{c.g(v, 'معداتها', 'معداته')}، ثم {c.g(v, 'أُفرج عنها', 'أُفرج عنه')} بعد "
        f"{c.n('d', 2, 9)} أيام دون توجيه تهمة.",
    )


@T("expression.press", "ar", "conflict.abuses")
def _(c):
    outlet = c.actor("outlet")
    return (
        f"إغلاق {outlet} بسبب تقرير عن الضحايا المدنيين",
        f"{c.When()}أغلقت وزارة الإعلام {outlet} لمدة {c.n('d', 15, 60)} يوماً بسبب نشر "
        f"تقرير عن الضحايا المدنيين في {c.w('conflict_region')}.",
    )


@T("assembly", "ar", "detention.arbitrary")
def _(c):
    v = c.person("v1", "victim", "protester")
    return (
        f"تفريق وقفة احتجاجية سلمية في {c.place()}",
        f"{c.When()}فرّقت {c.w('police')} بالقوة وقفة احتجاجية سلمية نظّمتها "
        f"{c.actor('movement')} أمام مبنى المحافظة في {c.place()}، واعتقلت "
        f"{c.n('n', 3, 10)} مشاركين، بينهم {v}.",
    )


@T("assembly", "ar")
def _(c):
    return (
        f"رفض طلبات تنظيم مسيرات سلمية في {c.place()}",
        f"رفضت وزارة الداخلية {c.on()} {c.n('k', 3, 9)} طلبات لتنظيم مسيرات سلمية في "
        f"{c.place()} بحجة الحفاظ على النظام العام، فيما سُمح بمسيرات مؤيدة للحكومة في "
        f"المكان نفسه.",
    )


@T("refugees", "ar", only="XB")
def _(c):
    return (
        "ترحيل طالبي لجوء دون النظر في طلباتهم",
        f"{c.When()}رحّلت السلطات {c.n('n', 20, 90)} طالب لجوء محتجزين في "
        f"{c.at('immigration_centre')} دون تمكينهم من تقديم طلبات الحماية، بينهم "
        f"{c.n('k', 3, 10)} أطفال.",
    )


@T("refugees", "ar", "labor.conditions", only="XA")
def _(c):
    v = c.person("v1", "victim", "refugee", female=False)
    return (
        f"لاجئون في {c.place()} بلا تصاريح عمل",
        f"يعيش نحو {c.n('n', 300, 1500)} لاجئ عربي في {c.place()} دون تصاريح عمل، ويعمل "
        f"أغلبهم في الزراعة والبناء بأجور أقل من الحد الأدنى. وقال اللاجئ {v} إن صاحب "
        f"العمل امتنع عن دفع أجره {c.on()}.",
    )


@T("displacement", "ar", "conflict.abuses")
def _(c):
    return (
        f"نزوح عائلات من قرى {c.w('conflict_region')}",
        f"{c.When()}نزحت نحو {c.n('n', 100, 600)} عائلة من قرى {c.at('conflict_region')} "
        f"بعد قصف مدفعي، وتقيم في مدارس في {c.place('place2', tag='urban')} تفتقر إلى "
        f"المياه والصرف الصحي.",
    )


@T("displacement", "ar", "property.seizure")
def _(c):
    return (
        "نازحون بلا حلول دائمة",
        f"لا تزال {c.n('n', 200, 900)} عائلة نازحة من {c.w('conflict_region')} تعيش في مخيم "
        f"قرب {c.place()} منذ أكثر من {c.n('y', 3, 7)} سنوات، دون حلول دائمة أو تعويضات "
        f"عن منازلها المدمرة.",
    )


@T("conflict.abuses", "ar", "killing.arbitrary")
def _(c):
    return (
        f"مقتل مدنيين بقذائف على سوق في {c.w('conflict_region')}",
        f"{c.When()}قُتل {c.n('n', 4, 10)} مدنيين بينهم {c.n('k', 3, 8)} أطفال بقذائف "
        f"سقطت على سوق شعبي في {c.at('conflict_region')}. وقال شهود إنه لم يكن في السوق "
        f"أي مسلحين.",
    )


@T("conflict.abuses", "ar")
def _(c):
    return (
        "ألغام قرب الآبار والطرق الزراعية",
        f"{c.When()}قُتل {c.n('k', 3, 9)} رعاة بألغام زُرعت قرب الآبار والطرق الزراعية في "
        f"{c.at('conflict_region')}، واتهم السكان {c.w('armed_group')} بزرعها.",
    )


@T("conflict.sexual-violence", "ar", "discrimination.women", period=True)
def _(c):
    v = c.person("v1", "victim", "survivor", female=True)
    return (
        "ناجية تروي تعرّضها للعنف الجنسي عند حاجز",
        f"روت الناجية {v} أن جنوداً عند حاجز قرب {c.place(tag='conflict')} احتجزوها مع "
        f"{c.n('k', 3, 9)} نساء أخريات {c.on()} وتعرّضن للعنف الجنسي. ولم تتقدم أي منهن "
        f"بشكوى خوفاً من الانتقام.",
    )


@T("religion.legal-framework", "ar", "expression.speech", only="XB")
def _(c):
    return (
        "مواد «الإساءة إلى الأديان» في قانون العقوبات",
        f"{c.When()}وُثّقت {c.n('n', 3, 10)} قضايا بموجب مواد «الإساءة إلى الأديان» في قانون "
        f"العقوبات، التي تعاقب بالسجن حتى {c.n('y', 5, 7)} سنوات، معظمها بسبب منشورات على "
        f"مواقع التواصل الاجتماعي.",
    )


@T("religion.legal-framework", "ar", "discrimination.women", only="XB")
def _(c):
    return (
        "تعديلات قانون الأحوال الشخصية",
        f"{c.When()}{c.arv('legislature', 'صادقت', 'صادق')} {c.w('legislature')} "
        f"على تعديلات لقانون الأحوال الشخصية تُبقي على "
        f"منع تسجيل زواج المسلمة من غير المسلم، وتشترط موافقة وزارة الأوقاف على تسجيل أي "
        f"طائفة دينية جديدة.",
    )


@T("religion.government-practices", "ar", "expression.speech", only="XB")
def _(c):
    k = c.known("cleric", "victim")
    return (
        "منع رجل دين شيعي من إلقاء خطبة الجمعة",
        f"{c.When()}منعت الأجهزة الأمنية رجل الدين الشيعي {k} من إلقاء خطبة الجمعة في "
        f"{c.place()}، واستدعته للتحقيق بعد خطبة طالب فيها بالمساواة في التوظيف.",
    )


@T("religion.societal", "ar", only="XB")
def _(c):
    return (
        f"هجوم على حسينية في {c.place()}",
        f"{c.When()}هاجم مجهولون حسينية في {c.place()} وكتبوا عبارات طائفية على جدرانها. "
        f"وسُجّلت {c.n('k', 3, 9)} حوادث مماثلة منذ بداية العام.",
    )


@T("religion.societal", "ar", "discrimination.other", only="XA")
def _(c):
    return (
        "تعليقات معادية للمسلمين بعد افتتاح مصلى",
        f"{c.When()}اشتكى أعضاء الجالية المسلمة في {c.place()} من حملة تعليقات معادية "
        f"للمسلمين على مواقع التواصل الاجتماعي بعد افتتاح مصلى جديد، تضمّنت دعوات إلى "
        f"إحراقه.",
    )


@T("discrimination.women", "ar")
def _(c):
    v = c.person("v1", "victim", None, female=True)
    return (
        f"مقتل امرأة في {c.place()} بدعوى «الشرف»",
        f"{c.When()}قُتلت {v} على يد شقيقها في {c.place()} بدعوى «الدفاع عن الشرف». وتخشى "
        f"منظمات نسائية أن يستفيد الجاني من المادة التي تخفف العقوبة في مثل هذه الجرائم.",
    )


@T("discrimination.women", "ar", "movement", only="XB")
def _(c):
    return (
        "اشتراط موافقة ولي الأمر على السفر",
        f"{c.When()}رصدت منظمات نسائية {c.n('n', 20, 80)} شكوى من نساء مُنعن من السفر مع "
        f"أطفالهن، لأن قانون الأحوال الشخصية لا يزال يشترط موافقة ولي الأمر على سفر الأطفال.",
    )


@T("trafficking.profile", "ar", "labor.forced")
def _(c):
    v = c.person("v1", "victim", "domestic worker", female=True)
    return (
        f"عاملات منزليات يلجأن إلى مركز إيواء في {c.place()}",
        f"{c.When()}لجأت {c.n('n', 3, 10)} عاملات منزليات إلى مركز إيواء في {c.place()} "
        f"بعد أن صادر أصحاب العمل جوازات سفرهن وحرموهن من الأجور لأشهر. وقالت إحداهن، "
        f"{v}، إنها كانت تعمل {c.n('h', 15, 18)} ساعة يومياً دون يوم راحة.",
    )


@T("labor.forced", "ar", "business.conduct")
def _(c):
    v = c.person("v1", "victim", "mine worker", female=False)
    return (
        f"احتجاز رواتب العمال في {c.w('mine')}",
        f"{c.When()}قال {c.n('nw', 10, 40)} عاملاً في {c.w('mine')} إن {c.w('company')} "
        f"تحتجز رواتب ثلاثة أشهر «ضماناً» "
        f"لعدم مغادرتهم العمل، وتهدد من يستقيل بإبلاغ الشرطة عنه. وأكد العامل {v} أنه لم "
        f"يتسلم أجره منذ {c.n('mo', 3, 7)} أشهر.",
    )


@T("killing.extrajudicial", "ar")
def _(c):
    v = c.person("v1", "victim", "youth", female=False)
    return (
        f"مقتل شاب في {c.place()} برصاص قوات الأمن",
        f"{c.When()}قتلت {c.w('special')} الشاب {v} في {c.place()}، وقالت السلطات إنه قُتل "
        f"في تبادل لإطلاق النار مع مطلوبين. غير أن شهوداً قالوا إنه كان أعزل وإن عناصر الأمن "
        f"أطلقوا النار عليه بعد اعتقاله.",
    )


@T("detention.conditions", "ar")
def _(c):
    return (
        f"إضراب عن الطعام في {c.w('prison')}",
        f"{c.When()}أضرب {c.n('n', 20, 90)} معتقلاً في {c.at('prison')} عن الطعام احتجاجاً "
        f"على منع الزيارات العائلية والاكتظاظ الشديد. وقالت عائلات المعتقلين إن إدارة السجن "
        f"نقلت {c.n('k', 3, 9)} منهم إلى الحبس الانفرادي.",
    )


@T("trial.political-prisoners", "ar", "trial.fairness", only="XB")
def _(c):
    k = c.known("defender", "victim")
    return (
        "تأييد الحكم بسجن مدافعة عن حقوق الإنسان",
        f"{c.When()}أيّدت {c.w('supreme')} الحكم بسجن المدافعة عن حقوق الإنسان {k} بسبب "
        f"نشاطها السلمي، في محاكمة لم يُسمح لمراقبين مستقلين بحضورها.",
    )
