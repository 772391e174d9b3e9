"""Chinese templates (Simplified).

Each template registers itself with @T(topic, lang, *more categories) and returns
(title, summary), written with the context c (context.Ctx). The order of the templates
matters: the generator chooses among a topic's templates by position.
"""

from __future__ import annotations

from .context import P
from .templates import T


def zh_ta(p: P) -> str:
    return "她" if p.female else "他"


@T("labor.conditions", "zh")
def _(c):
    n = c.n("n", 5, 19)
    return (
        f"{c.place()}制衣厂火灾致{n}人死亡",
        f"{c.When()}{c.place()}一家制衣厂发生火灾，造成{n}名工人死亡。幸存者说，工厂为防"
        f"盗锁闭了紧急出口，工人每天工作{c.n('h', 12, 15)}小时。劳动监察部门已有"
        f"{c.n('y', 3, 6)}年未检查该厂。",
    )


@T("labor.conditions", "zh", "labor.discrimination")
def _(c):
    v = c.person("v1", "victim", "migrant worker")
    return (
        f"{c.place()}餐馆工人长期被克扣工资",
        f"{c.place()}多家餐馆的厨房工人反映，雇主每月只支付约定工资的一半，并以“培训费”"
        f"名义扣留首月工资。工人{v}说，{zh_ta(v)}每周工作七天，从未拿到加班费，"
        f"{c.on()}向劳动部门投诉后即被解雇。",
    )


@T("labor.forced", "zh", "trafficking.profile")
def _(c):
    return (
        f"{c.w('company2')}渔船船员护照被扣",
        f"{c.When()}{c.w('company2')}名下渔船上的{c.n('n', 8, 30)}名外籍船员向工会求助，"
        f"称船长没收了他们的护照，并以中介债务相威胁，迫使他们连续在海上作业"
        f"{c.n('mo', 5, 14)}个月。",
    )


@T("labor.forced", "zh")
def _(c):
    v = c.person("v1", "victim", "migrant worker", female=False)
    return (
        "建筑工人证件被中介扣押",
        f"{c.When()}在{c.place()}建筑工地打工的{v}说，中介扣押了他的护照，要求他先偿还"
        f"{c.n('k', 2, 6)}万{c.w('currency')}的中介费才能离开工地。工地上至少还有"
        f"{c.n('n', 10, 40)}名工人处境相同。",
    )


@T("trafficking.profile", "zh")
def _(c):
    return (
        "以高薪工作诱骗女性从事性服务",
        f"人口贩运团伙以餐馆和美容院的高薪工作为诱饵，从海外招募年轻女性，入境后没收其证件，"
        f"强迫她们在{c.place()}的按摩店从事性服务。{c.on()}经民间组织协助逃出的"
        f"{c.n('n', 3, 11)}名女性均背负所谓“旅费债务”。",
    )


@T("trafficking.profile", "zh", "labor.forced")
def _(c):
    return (
        "外籍渔工登船前被收取高额中介费",
        f"在{c.place(tag='port')}靠港的远洋渔船上，外籍渔工登船前被收取相当于"
        f"{c.n('mo', 6, 12)}个月工资的中介费，工资由船长代管，多数人无法自行离船。",
    )


@T("trafficking.protection", "zh", only="XA")
def _(c):
    return (
        f"{c.place()}农场强迫劳动受害者获认定",
        f"{c.When()}经转介，{c.n('n', 7, 26)}名在{c.place()}农场被强迫劳动的工人被劳动部"
        f"认定为人口贩运受害者，获得临时居留许可、庇护所安置和法律援助。",
    )


@T("trafficking.protection", "zh", "refugees", only="XB")
def _(c):
    return (
        "逃离渔船的工人未经甄别即被遣返",
        f"{c.When()}{c.n('n', 6, 24)}名从渔船上逃出的外籍工人被警方以非法滞留为由拘押在"
        f"{c.w('immigration_centre')}，未经任何人口贩运受害者甄别程序即被遣返。",
    )


@T("expression.internet", "zh", "expression.press")
def _(c):
    return (
        f"当局依据{c.w('cyber_law')}屏蔽{c.n('n', 20, 90)}个网站",
        f"{c.When()}当局依据{c.w('cyber_law')}，要求网络服务商屏蔽了{c.n('n', 20, 90)}个"
        f"网站，其中包括华人社区新闻网站{c.actor('outlet')}。屏蔽决定未经法院审查。",
    )


@T("expression.internet", "zh", "assembly")
def _(c):
    return (
        f"{c.place()}抗议期间移动网络中断",
        f"{c.When()}{c.place()}发生抗议期间，移动网络中断{c.n('d', 2, 8)}天，居民无法联系"
        f"家人，也无法使用电子支付购买食品。当局未就断网作出任何解释。",
    )


@T("civic.surveillance", "zh", "civic.hacking")
def _(c):
    v = c.person("v1", "victim", "labour activist")
    return (
        "劳工活动人士手机被植入间谍软件",
        f"{c.When()}劳工活动人士{v}发现自己的手机被植入间谍软件。技术人员的取证分析显示，"
        f"感染时间与{zh_ta(v)}组织工人讨薪集会的日期吻合。",
    )


@T("civic.surveillance", "zh", "privacy.interference")
def _(c):
    n = c.n("n", 40, 300)
    return (
        f"{c.place()}华人街区加装人脸识别摄像头",
        f"{c.When()}{c.place()}当局在华人聚居街区新装了{n}个带人脸识别功能的摄像头，"
        f"并与警方数据库联网。居民不知道图像保存多久、作何用途。",
    )


@T("civic.hacking", "zh")
def _(c):
    org = c.actor("ngo")
    return (
        "工作人员设备在检查站被没收",
        f"{c.When()}警方在{c.place()}附近的检查站没收了{org}{c.n('k', 2, 6)}名工作人员的"
        f"手机和电脑，{c.n('wk', 2, 6)}周后才归还，设备有被打开过的痕迹。",
    )


@T("civic.hacking", "zh", "expression.press")
def _(c):
    outlet = c.actor("outlet")
    return (
        f"{outlet}社交媒体账号被盗",
        f"{c.When()}{outlet}的社交媒体账号被盗，并被用来发布伪造的声明，时间恰在其报道"
        f"{c.w('special')}执法问题之后。",
    )


@T("transnational-repression", "zh")
def _(c):
    v = c.person("v1", "victim", "exiled dissident")
    return (
        "异见人士在原籍国的家人受到施压",
        f"{c.When()}旅居{c.w('country')}的异见人士{v}说，原籍国警察多次联系"
        f"{zh_ta(v)}的父母，要求{zh_ta(v)}停止在网上批评政府，否则家人将受到牵连。",
    )


@T("transnational-repression", "zh", "civic.surveillance")
def _(c):
    return (
        "悼念活动参加者被拍照",
        f"{c.When()}{c.place()}华人社区中心的活动人士说，有不明身份的人拍摄参加悼念活动"
        f"的人，随后至少{c.n('n', 3, 9)}名参加者在原籍国的亲属被警方约谈。",
    )


@T("religion.government-practices", "zh", only="XA")
def _(c):
    return (
        f"{c.place()}华人佛寺以消防为由被关闭",
        f"{c.When()}{c.place()}市政府以消防不合格为由，关闭了华人佛教徒使用的一处小型"
        f"寺院，而同一街区的其他宗教场所未受检查。寺院已按要求整改两次。",
    )


@T("religion.government-practices", "zh", "religion.legal-framework", only="XB")
def _(c):
    return (
        "新建佛寺申请被拒",
        f"{c.When()}宗教事务部拒绝了在{c.place()}设立新佛寺的申请，理由是非穆斯林宗教团体"
        f"的礼拜场所“数量已足”。当地约{c.n('n', 3, 9)}千名佛教徒只能在私人住宅中礼佛。",
    )


@T("religion.societal", "zh")
def _(c):
    return (
        f"{c.place()}佛寺遭破坏",
        f"{c.When()}{c.place()}一座佛寺遭人破坏，佛像被砸，入口被纵火。多个宗教的领袖"
        f"前往寺院表示声援，警方至今未逮捕任何嫌疑人。",
    )


@T("religion.societal", "zh", "discrimination.ethnic", only="XB")
def _(c):
    v = c.person("v1", "victim", "religious minority member")
    return (
        "华人基督徒住所被喷涂侮辱性标语",
        f"{c.When()}华人基督徒{v}在{c.place()}的住所门上被喷涂侮辱性标语，"
        f"{zh_ta(v)}报警后警方至今未立案。",
    )


@T("discrimination.ethnic", "zh", "detention.arbitrary")
def _(c):
    return (
        f"{c.place()}警方针对亚裔店主查验证件",
        f"{c.When()}{c.place()}警方在华人商铺集中的街区进行突击检查，只针对亚裔店主查验"
        f"证件，{c.n('n', 8, 30)}人被带回警局，其中多数持有合法居留证件。",
    )


@T("discrimination.ethnic", "zh", "expression.speech")
def _(c):
    return (
        "议员发表针对华人移民的言论后发生砸店事件",
        f"{c.When()}一名议员在电视节目中称华人移民“抢走本地人的工作”，此后{c.place()}"
        f"发生{c.n('n', 3, 9)}起针对华人商店的砸窗事件。",
    )


@T("defenders.attacks", "zh", "labor.association")
def _(c):
    v = c.person("v1", "victim", "labour rights defender")
    return (
        "劳工维权人士遭殴打",
        f"{c.When()}劳工维权人士{v}在{c.place()}遭两名陌生男子殴打，对方警告{zh_ta(v)}"
        f"“不要再管工人的事”。{zh_ta(v)}此前帮助{c.n('n', 20, 90)}名工人追讨欠薪。",
    )


@T("defenders.attacks", "zh")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    return (
        "协助渔工投诉的志愿者收到威胁",
        f"{c.on() + '起，' if c.on() else ''}协助渔工投诉的志愿者{v}多次收到匿名威胁短信，"
        f"对方知道{zh_ta(v)}"
        f"孩子就读的学校。{zh_ta(v)}已向警方报案。",
    )


@T("detention.arbitrary", "zh", "assembly")
def _(c):
    v = c.person("v1", "victim", "migrant worker")
    return (
        f"{c.place()}讨薪工人被拘留",
        f"{c.When()}警方在{c.place()}以“扰乱公共秩序”为由拘留了{c.n('n', 6, 25)}名参加"
        f"讨薪抗议的工人，其中包括组织者{v}。他们被关押{c.n('h', 20, 60)}小时，期间无法"
        f"联系律师。",
    )


@T("detention.arbitrary", "zh", "expression.press")
def _(c):
    v = c.person("v1", "victim", "journalist")
    return (
        "华文报纸编辑在机场被扣留审问",
        f"{c.When()}{c.w('intel')}人员在{c.w('capital')}机场扣留了华文报纸编辑{v}，审问"
        f"{c.n('h', 5, 11)}小时，追问{zh_ta(v)}的消息来源，并复制了{zh_ta(v)}手机中的资料。",
    )


@T("expression.press", "zh")
def _(c):
    v = c.person("v1", "victim", "journalist")
    outlet = c.actor("outlet")
    return (
        f"{outlet}记者采访时被警察推倒",
        f"{c.When()}{outlet}的记者{v}在报道{c.place()}强制拆迁时被警察推倒，相机被没收，"
        f"至今未归还。",
    )


@T("expression.press", "zh", "civic.lawsuits")
def _(c):
    outlet = c.actor("outlet")
    return (
        f"{outlet}因报道污染问题被起诉",
        f"{c.When()}{c.w('company')}以诽谤为由起诉{outlet}，索赔{c.n('n', 50, 300)}万"
        f"{c.w('currency')}，起因是该报关于{c.w('mine')}污染问题的系列报道。",
    )


@T("assembly", "zh", "property.seizure")
def _(c):
    return (
        f"{c.place()}商户抗议强拆被驱散",
        f"{c.When()}约{c.n('n', 80, 400)}名商户在{c.place()}举行和平集会，抗议商铺被"
        f"强制拆迁。警方以未获批准为由驱散集会，并拘留了{c.n('k', 3, 12)}人。",
    )


@T("labor.discrimination", "zh", "discrimination.women")
def _(c):
    v = c.person("v1", "victim", "factory worker", female=True)
    return (
        "电子厂女工同工不同酬",
        f"女工{v}说，她在{c.place()}的电子厂工作{c.n('y', 3, 9)}年，工资比同岗位的本地"
        f"男工低约{c.n('pct', 20, 35)}%，且从未获得晋升机会。",
    )


@T("movement", "zh", "labor.forced", only="XB")
def _(c):
    return (
        "外籍工人因雇主未签字无法出境",
        f"{c.When()}{c.n('n', 5, 20)}名外籍工人在{c.w('capital')}机场被拦下，原因是雇主"
        f"未签署离境许可。他们的合同均已到期。",
    )


@T("statelessness", "zh", "discrimination.children")
def _(c):
    return (
        "移民子女无法办理出生登记",
        f"{c.place()}华人移民的子女中，有{c.n('n', 30, 120)}人因父母没有合法身份而未能"
        f"办理出生登记，无法入学，面临无国籍风险。",
    )


@T("labor.child", "zh", "discrimination.children")
def _(c):
    return (
        f"{c.place()}家庭作坊查获童工",
        f"{c.When()}劳动监察部门在{c.place()}的一家家庭作坊查获{c.n('n', 5, 18)}名未满"
        f"15岁的童工，他们每天工作{c.n('h', 9, 12)}小时，负责包装和缝制。",
    )


@T("discrimination.women", "zh", "labor.conditions")
def _(c):
    v = c.person("v1", "victim", "domestic worker", female=True)
    return (
        "家政女工遭雇主性骚扰",
        f"{c.When()}家政女工{v}向劳工组织求助，称雇主多次对她性骚扰，并以解雇和注销居留相"
        f"威胁。她不敢报警。",
    )


@T("refugees", "zh")
def _(c):
    return (
        "寻求庇护者被关押在移民拘留中心",
        f"{c.When()}{c.at('immigration_centre')}关押了{c.n('n', 30, 120)}名寻求庇护者，"
        f"其中包括儿童。被关押者说他们无法提交庇护申请，也见不到律师。",
    )
