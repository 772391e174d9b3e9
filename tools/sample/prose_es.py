"""Spanish templates.

Each template registers itself with @T(topic, lang, *more categories) and returns
(title, summary), written with the context c (context.Ctx). The order of the templates
matters: the generator chooses among a topic's templates by position.
"""

from __future__ import annotations

from .templates import T


@T("detention.arbitrary", "es", "labor.association", twin="detain_union")
def _(c):
    v = c.person("v1", "victim", "trade unionist")
    return (
        f"Detenidos sindicalistas en {c.place()}",
        f"{c.When()}la policía de {c.place()} detuvo a {c.n('n', 7, 19)} integrantes de "
        f"{c.actor('union')}, entre ellos {c.g(v, 'a su secretaria general', 'a su secretario general')}, "  # noqa: E501
        f"{v}, cuando salían de una reunión sobre salarios adeudados. Permanecieron "
        f"{c.n('h', 18, 52)} horas sin acceso a abogados y fueron liberados sin cargos.",
    )


@T("detention.arbitrary", "es", "defenders.attacks")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    return (
        f"Detención sin orden judicial en {c.place()}",
        f"{c.When()}agentes de {c.w('intel')} detuvieron en su domicilio de {c.place()} "
        f"a {v}, {c.g(v, 'defensora', 'defensor')} de derechos humanos, sin orden "
        f"judicial. Su familia no supo dónde se encontraba durante {c.n('d', 3, 9)} días. "
        f"La fiscalía le imputa 'asociación ilícita'.",
    )


@T("assembly", "es", "detention.arbitrary", twin="protest")
def _(c):
    v = c.person("v1", "victim", "protester")
    return (
        f"Dispersan con gases una marcha pacífica en {c.place()}",
        f"{c.When()}{c.w('special')} dispersó con gases lacrimógenos y balas de goma una "
        f"marcha pacífica de unas {c.n('n', 300, 4000)} personas convocada por "
        f"{c.actor('movement')} en {c.place()}. Se documentaron {c.n('inj', 12, 60)} "
        f"personas heridas y {c.n('arr', 8, 45)} detenciones, entre ellas la de {v}.",
    )


@T("assembly", "es", "business.conduct")
def _(c):
    return (
        f"Negado el permiso para una concentración en {c.place()}",
        f"{c.When()}la gobernación de {c.place()} negó el permiso para una concentración "
        f"de {c.actor('movement')} frente a las oficinas de {c.w('company')}, alegando "
        f"'riesgo para el orden público'. Es la {c.n('k', 3, 6)}.ª negativa en lo que va "
        f"del año.",
    )


@T("expression.press", "es", twin="press_attack")
def _(c):
    v = c.person("v1", "victim", "journalist")
    return (
        f"Agreden a {c.g(v, 'una periodista', 'un periodista')} en {c.place()}",
        f"{c.When()}agentes de la policía golpearon "
        f"{c.g(v, 'a la periodista', 'al periodista')} {v}, de {c.actor('outlet')}, "
        f"mientras grababa el desalojo de una protesta en {c.place()}, y borraron las "
        f"imágenes de su cámara. {c.g(v, 'Fue atendida', 'Fue atendido')} en el hospital "
        f"por una fractura de muñeca.",
    )


@T("expression.press", "es", "corruption")
def _(c):
    outlet = c.actor("outlet")
    return (
        f"Incendian vehículo de {outlet}",
        f"{c.When()}desconocidos incendiaron el vehículo de {outlet} en {c.place()}, dos "
        f"días después de que el medio denunciara irregularidades en la compra de "
        f"medicamentos del hospital municipal. El equipo ya había recibido amenazas.",
    )


@T("defenders.attacks", "es", twin="defender_shot")
def _(c):
    v = c.person(
        "v1",
        "victim",
        c.pick("grp", ["environmental defender", "human rights defender", "Indigenous leader"]),
    )
    return (
        f"Disparan contra el vehículo de {c.g(v, 'una defensora', 'un defensor')}",
        f"{c.When()}dos hombres en motocicleta dispararon contra el vehículo de {v}, "
        f"quien encabeza la campaña de {c.actor('ngo')} contra la tala ilegal, en una "
        f"carretera cerca de {c.place()}. {c.g(v, 'Resultó ilesa', 'Resultó ileso')}. "
        f"Es el {c.n('k', 2, 4)}.º ataque en su contra desde que declaró ante "
        f"{c.w('ombudsman')}.",
    )


@T("defenders.attacks", "es", "business.conduct")
def _(c):
    v = c.person("v1", "victim", "community leader", female=True)
    return (
        f"Amenazas de muerte contra lideresa de {c.place()}",
        f"{c.When()}{v}, lideresa comunitaria de {c.place()}, recibió "
        f"{c.n('n', 3, 8)} amenazas de muerte por mensajes de texto tras denunciar la "
        f"contaminación del río por {c.w('mine')}. La policía no le ha ofrecido medidas "
        f"de protección.",
    )


@T("labor.association", "es", twin="union_dismissal")
def _(c):
    return (
        f"Despidos tras la creación de un sindicato en {c.w('company')}",
        f"{c.When()}{c.w('company')} despidió a {c.n('n', 12, 60)} trabajadores de "
        f"{c.w('mine')} pocos días después de que registraran un sindicato, incluido todo "
        f"su comité ejecutivo. La inspección de trabajo ordenó su reintegro, pero la "
        f"empresa no ha cumplido.",
    )


@T("labor.association", "es", "labor.conditions", only="XA")
def _(c):
    return (
        f"Contratos condicionados a no sindicarse en {c.place()}",
        f"Jornaleros de las plantaciones de {c.w('company2')} en {c.place(tag='rural')} "
        f"denunciaron {c.on()} que la empresa les obliga a firmar una renuncia a afiliarse "
        f"a {c.actor('union')} como condición para renovar sus contratos.",
    )


@T("discrimination.indigenous", "es", "civic.participation", "business.conduct", only="XA")
def _(c):
    k = c.known("leader", "source")
    return (
        f"Obras sin consulta previa en territorio {c.w('indigenous')}",
        f"{c.When()}autoridades comunitarias del pueblo {c.w('indigenous')} de "
        f"{c.place(tag='indigenous')} denunciaron que {c.w('company2')} inició obras en "
        f"su territorio sin la consulta previa, libre e informada que exige la ley. "
        f"El líder {k} pidió ante el tribunal la suspensión de las obras.",
    )


@T("discrimination.indigenous", "es", "discrimination.women", only="XA")
def _(c):
    v = c.person("v1", "victim", "Indigenous woman", female=True)
    return (
        "Sin intérpretes en el hospital regional",
        f"{c.When()}{v}, de {c.age(v)} años, dio a luz en el hospital de "
        f"{c.place(tag='indigenous')}, que no cuenta con intérpretes de lengua "
        f"{c.w('indigenous')}. Nadie le explicó los procedimientos que le practicaron.",
    )


@T("labor.conditions", "es", "business.conduct", only="XA")
def _(c):
    n = c.n("n", 14, 60)
    return (
        f"Intoxicación de jornaleros en {c.place()}",
        f"{c.When()}{n} jornaleros de una finca de {c.w('company2')} en "
        f"{c.place(tag='rural')} sufrieron intoxicación por plaguicidas fumigados mientras "
        f"trabajaban. La empresa no les había entregado equipo de protección.",
    )


@T("labor.conditions", "es", "labor.forced", only="XB", twin="domestic_worker")
def _(c):
    v = c.person("v1", "victim", "domestic worker", female=True)
    return (
        "Trabajadora doméstica huye tras meses sin salario",
        f"{c.When()}{v}, trabajadora doméstica migrante empleada en {c.place()}, huyó de "
        f"la casa de sus empleadores tras {c.n('mo', 4, 11)} meses sin cobrar y con el "
        f"pasaporte retenido. Relató que trabajaba {c.n('h', 15, 18)} horas diarias sin "
        f"ningún día libre.",
    )


@T("refugees", "es", "detention.arbitrary", only="XB", twin="migrant_raid")
def _(c):
    return (
        f"Redada en un barrio de migrantes en {c.place()}",
        f"{c.When()}la policía hizo una redada en un barrio de {c.place()} donde viven "
        f"migrantes latinoamericanos y detuvo a {c.n('n', 25, 90)} personas por no tener "
        f"permiso de residencia, entre ellas {c.n('k', 3, 12)} solicitantes de asilo con "
        f"trámites pendientes. Fueron trasladadas a {c.w('immigration_centre')}.",
    )


@T("discrimination.women", "es")
def _(c):
    v = c.person("v1", "victim", None, female=True)
    return (
        f"Feminicidio en {c.place()} pese a denuncias previas",
        f"{c.When()}{v}, de {c.age(v)} años, fue asesinada por su expareja en {c.place()} "
        f"pese a que había denunciado amenazas en {c.n('k', 2, 5)} ocasiones. La "
        f"fiscalía no había dictado ninguna medida de protección.",
    )


@T("discrimination.women", "es", "labor.conditions", only="XB", period=True)
def _(c):
    return (
        "Acoso sexual a trabajadoras domésticas",
        f"Trabajadoras domésticas latinoamericanas en {c.place()} relataron "
        f"{c.on()} casos de acoso sexual por parte de sus empleadores. Ninguna denunció "
        f"ante la policía por miedo a perder su permiso de residencia.",
    )


@T("civic.lawsuits", "es", "defenders.attacks")
def _(c):
    v = c.person("v1", "victim", "land defender")
    return (
        f"Imputan 'usurpación agravada' a {c.g(v, 'defensora', 'defensor')} de la tierra",
        f"{c.When()}la fiscalía imputó a {v}, {c.g(v, 'defensora', 'defensor')} de la "
        f"tierra en {c.place(tag='rural')}, el delito de 'usurpación agravada' por "
        f"participar en una ocupación pacífica de tierras. Se enfrenta a hasta "
        f"{c.n('y', 6, 10)} años de prisión.",
    )


@T("civic.lawsuits", "es", "expression.press")
def _(c):
    v = c.person("v1", "victim", "journalist")
    return (
        f"{c.w('company')} querella a un medio por difamación",
        f"{c.When()}{c.w('company')} presentó una querella por difamación contra "
        f"{c.actor('outlet')} y {c.g(v, 'la reportera', 'el reportero')} {v}, y reclama "
        f"{c.n('n', 2, 9)} millones de {c.w('currency')} por un reportaje sobre vertidos "
        f"de {c.w('mine')}.",
    )


@T("displacement", "es", "conflict.abuses", only="XA")
def _(c):
    return (
        f"Familias desplazadas por combates en {c.w('conflict_region')}",
        f"{c.When()}unas {c.n('n', 80, 400)} familias abandonaron sus veredas en "
        f"{c.at('conflict_region')} por los combates entre {c.w('army')} y "
        f"{c.w('armed_group')}. Se refugian en el coliseo municipal de "
        f"{c.place('place2', tag='urban')} sin agua potable suficiente.",
    )


@T("displacement", "es", "property.seizure", only="XA")
def _(c):
    return (
        f"Desalojo de familias campesinas en {c.place()}",
        f"{c.When()}la policía desalojó a {c.n('n', 20, 90)} familias campesinas de tierras "
        f"en {c.place(tag='rural')} que ocupaban desde hacía {c.n('y', 10, 30)} años, tras "
        f"una orden judicial obtenida por {c.w('company2')}. Las casas fueron demolidas "
        f"el mismo día.",
    )


@T("property.seizure", "es", "discrimination.indigenous", only="XA")
def _(c):
    return (
        f"Títulos sobre tierras ancestrales {c.w('indigenous')}",
        f"{c.When()}el registro de la propiedad otorgó a particulares títulos sobre "
        f"{c.n('n', 2, 9) * 1000} hectáreas reclamadas como territorio ancestral por "
        f"comunidades {c.w('indigenous')} de {c.place(tag='indigenous')}, que no fueron "
        f"notificadas.",
    )


@T("business.conduct", "es", "civic.surveillance")
def _(c):
    return (
        f"Vigilancia privada en las comunidades cercanas a {c.w('mine')}",
        f"{c.When()}{c.n('nv', 20, 90)} vecinos de las comunidades cercanas a {c.w('mine')} "
        f"denunciaron que "
        f"{c.w('company')} contrató a una empresa de seguridad privada que fotografía a "
        f"quienes asisten a las asambleas comunitarias en {c.place()}.",
    )


@T("refugees", "es", only="XA")
def _(c):
    return (
        f"Deportación de solicitantes de asilo en {c.place()}",
        f"{c.When()}las autoridades migratorias de {c.place(tag='border')} deportaron a "
        f"{c.n('n', 20, 80)} solicitantes de asilo, entre ellos {c.n('k', 4, 15)} niños y "
        f"niñas, sin permitirles presentar su solicitud de protección.",
    )


@T("disappearance", "es", "detention.arbitrary", only="XA")
def _(c):
    v = c.person("v1", "victim", "student")
    return (
        f"Desaparición de {c.g(v, 'una estudiante', 'un estudiante')} en {c.place()}",
        f"{c.When()}{v}, estudiante de {c.age(v)} años, fue {c.g(v, 'vista', 'visto')} "
        f"por última vez cuando agentes de {c.w('special')} "
        f"{c.g(v, 'la subieron', 'lo subieron')} a una patrulla en {c.place()}. La policía "
        f"niega tenerle bajo custodia y su madre presentó un recurso de hábeas corpus.",
    )


@T("disappearance", "es", only="XA")
def _(c):
    return (
        "Lista de personas desaparecidas entregada a la fiscalía",
        f"{c.When()}familiares entregaron a la fiscalía una lista de "
        f"{c.n('n', 40, 120)} personas desaparecidas en {c.w('conflict_region')} desde "
        f"2015, con datos sobre los últimos lugares donde fueron vistas. Solo "
        f"{c.n('k', 3, 9)} casos tienen una investigación abierta.",
    )


@T("trafficking.profile", "es", "discrimination.women", only="XA", period=True)
def _(c):
    return (
        f"Captación de jóvenes de {c.place()} con ofertas falsas",
        f"Redes de trata captan a mujeres jóvenes de {c.place(tag='rural')} con ofertas "
        f"falsas de empleo en hoteles de {c.w('capital')} y las explotan sexualmente en "
        f"bares de la zona portuaria, según casos atendidos {c.on()}.",
    )


@T("trafficking.profile", "es", "labor.forced", only="XB")
def _(c):
    return (
        "Trabajadoras latinoamericanas explotadas en el servicio doméstico",
        f"{c.When()}se documentaron {c.n('nc', 5, 30)} casos de mujeres "
        f"latinoamericanas que llegaron a {c.w('country')} con contratos de trabajo "
        f"doméstico y terminaron en situaciones de trabajo forzoso: retención de pasaporte, "
        f"encierro y deudas por la contratación de hasta {c.n('n', 2, 5)} mil dólares.",
    )


@T("trafficking.protection", "es", only="XA")
def _(c):
    return (
        "Víctimas de trata trasladadas a albergue estatal",
        f"{c.When()}el Ministerio de Desarrollo Social trasladó a {c.n('n', 6, 25)} "
        f"víctimas de trata identificadas en {c.place()} al nuevo albergue estatal, donde "
        f"reciben atención psicológica y asesoría legal.",
    )


@T("trafficking.protection", "es", "refugees", only="XB")
def _(c):
    return (
        "Trabajadoras que huyeron no reconocidas como víctimas",
        f"{c.When()}la parroquia acogió a {c.n('n', 8, 30)} trabajadoras domésticas que "
        f"huyeron de sus empleadores en {c.place()}. Ninguna fue reconocida oficialmente "
        f"como víctima de trata y {c.n('k', 2, 6)} fueron deportadas.",
    )


@T("religion.societal", "es", only="XA")
def _(c):
    v = c.person("v1", "victim", "religious leader")
    return (
        f"Profanan capilla evangélica en {c.place()}",
        f"{c.When()}desconocidos profanaron la capilla evangélica de {c.place()} y "
        f"pintaron amenazas contra {c.g(v, 'la pastora', 'el pastor')} {v}. La comunidad "
        f"católica local condenó el ataque.",
    )


@T("religion.societal", "es", "civic.dialogue", only="XA")
def _(c):
    return (
        f"Pacto de convivencia interreligiosa en {c.place()}",
        f"{c.When()}líderes católicos, evangélicos y de la espiritualidad "
        f"{c.w('indigenous')} de {c.place()} firmaron un pacto de convivencia tras meses de "
        f"tensiones por el uso de la plaza central para celebraciones religiosas.",
    )


@T("religion.government-practices", "es", "assembly", only="XB")
def _(c):
    return (
        f"Interrumpen una misa de migrantes en {c.place()}",
        f"{c.When()}la policía interrumpió una misa en español celebrada en un salón "
        f"alquilado en {c.place()} y tomó los datos de los {c.n('n', 40, 120)} asistentes, "
        f"alegando que el local no estaba registrado como lugar de culto.",
    )


@T("killing.arbitrary", "es", only="XA")
def _(c):
    v = c.person("v1", "victim", "street vendor", female=False)
    return (
        f"Muere vendedor ambulante por disparo policial en {c.place()}",
        f"{c.When()}{v}, vendedor ambulante de {c.age(v)} años, murió tras recibir un "
        f"disparo de un agente de {c.w('police')} durante un operativo contra el comercio "
        f"informal en {c.place()}. Testigos afirman que estaba desarmado.",
    )


@T("torture", "es", "detention.arbitrary", only="XA")
def _(c):
    v = c.person("v1", "victim", "detainee")
    return (
        f"Denuncia de torturas en una comisaría de {c.place()}",
        f"{v} denunció ante {c.w('ombudsman')} que agentes de la comisaría de {c.place()} "
        f"le colocaron una bolsa de plástico en la cabeza y le aplicaron descargas "
        f"eléctricas {c.on()} para que confesara un robo. El examen médico legal "
        f"confirmó las lesiones.",
    )


@T("civic.participation", "es", "discrimination.indigenous", only="XA")
def _(c):
    return (
        f"Plan territorial aprobado sin audiencias en {c.place()}",
        f"{c.When()}el concejo municipal de {c.place()} aprobó el plan de ordenamiento "
        f"territorial sin las audiencias públicas que exige la ley. Las comunidades "
        f"{c.w('indigenous')} afectadas se enteraron por la radio.",
    )
