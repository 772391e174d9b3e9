#!/usr/bin/env python3
"""Generate the bundled sample records: compiler/sample/records.jsonl and countries.yaml.

The sample is entirely fictional: two made-up countries with ISO 3166-1
user-assigned codes (XA, XB), made-up places, organisations, officials and
people. It is what `hrdraft demo` compiles and what many tests run on.

Deterministic: a fixed seed, no clock, no set iteration, so every run writes
the same bytes. Run from the repository root:

    .venv/bin/python tools/make_sample.py           # write the files
    .venv/bin/python tools/make_sample.py --check   # fail if they are out of date

Every record is validated against compiler.records.Record with the shipped
vocabulary; any invalid record stops the run with its errors. The generator
also checks the properties tests rely on (coverage, unique ids, unconsented
names only where the record lists the person, distinctive confidential text).
"""

from __future__ import annotations

import argparse
import calendar
import json
import random
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "compiler" / "sample"
RECORDS_FILE = OUT_DIR / "records.jsonl"
COUNTRIES_FILE = OUT_DIR / "countries.yaml"
VOCABULARY_FILE = ROOT / "compiler" / "vocabulary.yaml"

SEED = 20230414
YEARS = (2023, 2024)
LANGS = ("en", "es", "zh", "ar")
RECORD_LANG_TAG = {"en": "en", "es": "es", "zh": "zh-Hans", "ar": "ar"}

# Short names, as the reports print them ("The Government of Esterra ...").
COUNTRY_NAMES = {"XA": "Esterra", "XB": "Morvane"}

# Target share of each language per country. XA has a large Spanish-speaking
# population and a Chinese community; XB an Arabic-speaking majority outside
# the capital's English-language NGO scene and a Chinese-origin community.
LANG_TARGET = {
    "XA": {"en": 0.58, "es": 0.25, "zh": 0.12, "ar": 0.05},
    "XB": {"en": 0.62, "es": 0.05, "zh": 0.18, "ar": 0.15},
}

# ---------------------------------------------------------------------------
# The world: places, institutions and groups, each in en / es / zh / ar.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Place:
    en: str
    es: str
    zh: str
    ar: str
    tags: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return getattr(self, lang)


def _places(rows: list[tuple]) -> list[Place]:
    return [Place(*r[:4], tags=tuple(r[4].split())) for r in rows]


PLACES = {
    "XA": _places(
        [
            ("Aldena", "Aldena", "阿尔德纳", "ألدينا", "capital urban"),
            ("Marrowgate", "Marrowgate", "马罗盖特", "ماروغيت", "urban industrial"),
            ("Ternvale", "Ternvale", "特恩维尔", "تيرنفيل", "rural"),
            ("San Caelo", "San Caelo", "圣凯洛", "سان كايلو", "urban university"),
            ("Río Umbral", "Río Umbral", "翁布拉尔河", "ريو أومبرال", "rural indigenous"),
            ("Kestrel Bay", "Bahía Kestrel", "凯斯特雷尔湾", "خليج كيستريل", "coast port"),
            (
                "Palomares Norte",
                "Palomares Norte",
                "北帕洛马雷斯",
                "بالوماريس الشمالية",
                "rural border",
            ),
            ("Hollin Cross", "Hollin Cross", "霍林克罗斯", "هولين كروس", "urban"),
            ("Nuevo Amparo", "Nuevo Amparo", "新安帕罗", "نويفو أمبارو", "rural indigenous"),
            (
                "the Brennic Highlands",
                "las Tierras Altas de Brennic",
                "布伦尼克高地",
                "مرتفعات برينيك",
                "conflict rural indigenous",
            ),
            ("Calvio", "Calvio", "卡尔维奥", "كالفيو", "urban industrial"),
            (
                "the Harbour district of Aldena",
                "el barrio del Puerto de Aldena",
                "阿尔德纳港区",
                "حي الميناء في ألدينا",
                "urban port chinese",
            ),
        ]
    ),
    "XB": _places(
        [
            ("Halvorn", "Halvorn", "哈尔沃恩", "هالفورن", "capital urban university"),
            ("Ras Tamir", "Ras Tamir", "拉斯塔米尔", "رأس تامر", "urban coast port"),
            ("Wadi Selan", "Wadi Selan", "瓦迪塞兰", "وادي سيلان", "conflict rural"),
            ("Nerith", "Nerith", "内里斯", "نيريث", "urban university"),
            ("Kovran", "Kovran", "科夫兰", "كوفران", "rural border"),
            ("East Mirel", "Mirel Oriental", "东米雷尔", "ميريل الشرقية", "urban industrial"),
            ("the Jadeh Coast", "la costa de Jadeh", "贾德海岸", "ساحل جادة", "coast rural"),
            ("Sarrow", "Sarrow", "萨罗", "سارو", "rural indigenous"),
            ("Bayt Oran", "Bayt Oran", "贝特奥兰", "بيت أوران", "urban"),
            (
                "the Lowen Delta",
                "el delta del Lowen",
                "洛文三角洲",
                "دلتا لوين",
                "industrial rural port chinese",
            ),
            ("Qarsel", "Qarsel", "卡尔塞尔", "قارسل", "urban"),
            (
                "the Old City of Halvorn",
                "la ciudad vieja de Halvorn",
                "哈尔沃恩老城",
                "المدينة القديمة في هالفورن",
                "urban capital",
            ),
        ]
    ),
}

# Institutions and groups: key -> (en, es, zh, ar)
WORLD = {
    "XA": {
        "country": ("Esterra", "Esterra", "埃斯特拉", "إستيرا"),
        "currency": ("solares", "solares", "索拉雷斯", "سولاريس"),
        "people": ("Esterran", "esterrense", "埃斯特拉", "الإستيري"),
        "capital": ("Aldena", "Aldena", "阿尔德纳", "ألدينا"),
        "police": ("the National Police", "la Policía Nacional", "国家警察", "الشرطة الوطنية"),
        "special": (
            "the Special Operations Command (COE)",
            "el Comando de Operaciones Especiales (COE)",
            "特别行动指挥部",
            "قيادة العمليات الخاصة",
        ),
        "army": (
            "the Army's 4th Brigade",
            "la Cuarta Brigada del Ejército",
            "陆军第四旅",
            "اللواء الرابع في الجيش",
        ),
        "intel": (
            "the National Intelligence Service (SNI)",
            "el Servicio Nacional de Inteligencia (SNI)",
            "国家情报局",
            "جهاز الاستخبارات الوطني",
        ),
        "armed_group": (
            "the Brennic Popular Army (BPA)",
            "el Ejército Popular de Brennic (EPB)",
            "布伦尼克人民军",
            "جيش برينيك الشعبي",
        ),
        "conflict_region": (
            "the Brennic Highlands",
            "las Tierras Altas de Brennic",
            "布伦尼克高地",
            "مرتفعات برينيك",
        ),
        "prison": (
            "Aldena Central Prison",
            "la Prisión Central de Aldena",
            "阿尔德纳中央监狱",
            "سجن ألدينا المركزي",
        ),
        "prison2": (
            "La Quebrada prison",
            "el penal de La Quebrada",
            "拉克夫拉达监狱",
            "سجن لا كيبرادا",
        ),
        "remand": (
            "the Marrowgate Remand Centre",
            "el Centro de Detención Preventiva de Marrowgate",
            "马罗盖特羁押中心",
            "مركز ماروغيت للحبس الاحتياطي",
        ),
        "immigration_centre": (
            "the Kestrel Bay immigration holding centre",
            "el centro de retención migratoria de Bahía Kestrel",
            "凯斯特雷尔湾移民拘留中心",
            "مركز احتجاز المهاجرين في خليج كيستريل",
        ),
        "indigenous": ("Tayuni", "tayuni", "塔尤尼", "التايوني"),
        "minority": ("Mareño", "mareña", "马雷尼奥", "الماريينيو"),
        "legislature": (
            "the National Assembly",
            "la Asamblea Nacional",
            "国民议会",
            "الجمعية الوطنية",
        ),
        "head": ("President", "presidente", "总统", "الرئيس"),
        "interior": (
            "Ministry of the Interior",
            "Ministerio del Interior",
            "内政部",
            "وزارة الداخلية",
        ),
        "labour_ministry": (
            "Ministry of Labour and Social Security",
            "Ministerio de Trabajo y Seguridad Social",
            "劳动和社会保障部",
            "وزارة العمل والضمان الاجتماعي",
        ),
        "ombudsman": (
            "the National Human Rights Ombudsman",
            "la Defensoría del Pueblo",
            "国家人权监察专员",
            "أمين المظالم الوطني لحقوق الإنسان",
        ),
        "court": (
            "the Aldena Criminal Court",
            "el Tribunal Penal de Aldena",
            "阿尔德纳刑事法院",
            "محكمة ألدينا الجنائية",
        ),
        "supreme": ("the Supreme Court", "la Corte Suprema", "最高法院", "المحكمة العليا"),
        "univ": (
            "San Caelo National University",
            "la Universidad Nacional de San Caelo",
            "圣凯洛国立大学",
            "جامعة سان كايلو الوطنية",
        ),
        "mine": (
            "the Cerro Pardo copper mine",
            "la mina de cobre Cerro Pardo",
            "塞罗帕尔多铜矿",
            "منجم سيرو باردو للنحاس",
        ),
        "company": ("Orizon Minerals", "Orizon Minerals", "奥里松矿业公司", "شركة أوريزون للمعادن"),
        "company2": (
            "Palmaris Agro",
            "Palmaris Agro",
            "帕尔马里斯农业公司",
            "شركة بالماريس الزراعية",
        ),
        "ngo_law": (
            "the Foreign Agents Registration Law",
            "la Ley de Registro de Agentes Extranjeros",
            "《外国代理人登记法》",
            "قانون تسجيل العملاء الأجانب",
        ),
        "cyber_law": (
            "the Cybercrime Law",
            "la Ley de Delitos Informáticos",
            "《网络犯罪法》",
            "قانون الجرائم الإلكترونية",
        ),
        "election_body": (
            "the National Electoral Council",
            "el Consejo Nacional Electoral",
            "国家选举委员会",
            "المجلس الوطني للانتخابات",
        ),
        "party": (
            "the Democratic Renewal Party",
            "el Partido de Renovación Democrática",
            "民主革新党",
            "حزب التجديد الديمقراطي",
        ),
        "ruling_party": (
            "the National Unity Movement",
            "el Movimiento de Unidad Nacional",
            "民族团结运动",
            "حركة الوحدة الوطنية",
        ),
    },
    "XB": {
        "country": ("Morvane", "Morvane", "莫尔凡", "مورفان"),
        "currency": ("dinars", "dinares", "第纳尔", "دينار"),
        "people": ("Morvanian", "morvanense", "莫尔凡", "المورفاني"),
        "capital": ("Halvorn", "Halvorn", "哈尔沃恩", "هالفورن"),
        "police": ("the Royal Police", "la Policía Real", "皇家警察", "الشرطة الملكية"),
        "special": (
            "the Royal Guard's rapid intervention unit",
            "la unidad de intervención rápida de la Guardia Real",
            "皇家卫队快速干预部队",
            "وحدة التدخل السريع في الحرس الملكي",
        ),
        "army": (
            "the Royal Armed Forces",
            "las Fuerzas Armadas Reales",
            "皇家武装部队",
            "القوات المسلحة الملكية",
        ),
        "intel": (
            "the General Intelligence Directorate (GID)",
            "la Dirección General de Inteligencia (DGI)",
            "情报总局",
            "مديرية المخابرات العامة",
        ),
        "armed_group": (
            "the Selan Liberation Movement (SLM)",
            "el Movimiento de Liberación de Selan (MLS)",
            "塞兰解放运动",
            "حركة تحرير سيلان",
        ),
        "conflict_region": ("Wadi Selan", "Wadi Selan", "瓦迪塞兰", "وادي سيلان"),
        "prison": (
            "Qarsel Central Prison",
            "la Prisión Central de Qarsel",
            "卡尔塞尔中央监狱",
            "سجن قارسل المركزي",
        ),
        "prison2": (
            "Halvorn Women's Prison",
            "la Prisión de Mujeres de Halvorn",
            "哈尔沃恩女子监狱",
            "سجن النساء في هالفورن",
        ),
        "remand": (
            "the Wadi Selan military detention facility",
            "el centro de detención militar de Wadi Selan",
            "瓦迪塞兰军事拘留设施",
            "مرفق الاحتجاز العسكري في وادي سيلان",
        ),
        "immigration_centre": (
            "the Ras Tamir deportation centre",
            "el centro de deportación de Ras Tamir",
            "拉斯塔米尔遣返中心",
            "مركز الترحيل في رأس تامر",
        ),
        "indigenous": ("Haddani", "haddani", "哈达尼", "الحدّاني"),
        "minority": ("Arvani", "arvani", "阿尔瓦尼", "الأرفاني"),
        "legislature": (
            "the Consultative Assembly",
            "la Asamblea Consultiva",
            "协商议会",
            "مجلس الشورى",
        ),
        "head": ("King", "rey", "国王", "الملك"),
        "interior": (
            "Royal Ministry of Interior",
            "Ministerio Real del Interior",
            "王室内政部",
            "وزارة الداخلية الملكية",
        ),
        "labour_ministry": (
            "Ministry of Human Resources",
            "Ministerio de Recursos Humanos",
            "人力资源部",
            "وزارة الموارد البشرية",
        ),
        "ombudsman": (
            "the National Human Rights Council",
            "el Consejo Nacional de Derechos Humanos",
            "国家人权理事会",
            "المجلس الوطني لحقوق الإنسان",
        ),
        "court": (
            "the State Security Court",
            "el Tribunal de Seguridad del Estado",
            "国家安全法院",
            "محكمة أمن الدولة",
        ),
        "supreme": (
            "the Court of Cassation",
            "el Tribunal de Casación",
            "最高上诉法院",
            "محكمة التمييز",
        ),
        "univ": (
            "Halvorn University",
            "la Universidad de Halvorn",
            "哈尔沃恩大学",
            "جامعة هالفورن",
        ),
        "mine": (
            "the Kovran phosphate works",
            "la planta de fosfatos de Kovran",
            "科夫兰磷酸盐厂",
            "مصنع فوسفات كوفران",
        ),
        "company": (
            "Morvane Phosphate Company",
            "Morvane Phosphate Company",
            "莫尔凡磷酸盐公司",
            "شركة مورفان للفوسفات",
        ),
        "company2": (
            "Lowen Marine Products",
            "Lowen Marine Products",
            "洛文海产公司",
            "شركة لوين للمنتجات البحرية",
        ),
        "ngo_law": (
            "the Law on Associations and Private Foundations",
            "la Ley de Asociaciones y Fundaciones Privadas",
            "《社团和私人基金会法》",
            "قانون الجمعيات والمؤسسات الخاصة",
        ),
        "cyber_law": (
            "the Electronic Publications Law",
            "la Ley de Publicaciones Electrónicas",
            "《电子出版物法》",
            "قانون المطبوعات الإلكترونية",
        ),
        "election_body": (
            "the Higher Elections Commission",
            "la Comisión Superior Electoral",
            "最高选举委员会",
            "اللجنة العليا للانتخابات",
        ),
        "party": (
            "the National Reform Bloc",
            "el Bloque Nacional de Reforma",
            "全国改革集团",
            "كتلة الإصلاح الوطني",
        ),
        "ruling_party": (
            "the Loyalist Coalition",
            "la Coalición Leal",
            "忠诚联盟",
            "الائتلاف الموالي",
        ),
    },
}

# Organisations that are actors in events (not the record's source): key -> per lang lists.
ACTORS = {
    "XA": {
        "union": {
            "en": [
                "Farmers' Solidarity Union",
                "Port Workers' Federation",
                "National Teachers' Union",
                "Calvio Textile Workers' Union",
                "Union of Mine and Metal Workers",
            ],
            "es": [
                "el Sindicato de Trabajadores Agrícolas del Umbral",
                "la Federación de Trabajadores Portuarios",
                "el Sindicato Nacional de Docentes",
                "el Sindicato Textil de Calvio",
                "el Sindicato de Mineros y Metalúrgicos",
            ],
            "zh": ["港区华人餐饮业工会", "卡尔维奥纺织工人工会"],
            "ar": ["نقابة عمال الموانئ", "اتحاد عمال النسيج في كالفيو"],
        },
        "students": {
            "en": ["Students' Federation of San Caelo", "Aldena Student Assembly"],
            "es": ["la Federación Estudiantil de San Caelo", "la Asamblea Estudiantil de Aldena"],
            "zh": ["圣凯洛学生联合会"],
            "ar": ["اتحاد طلبة سان كايلو"],
        },
        "community": {
            "en": [
                "Río Umbral Water Committee",
                "Nuevo Amparo Residents' Association",
                "Mareño Fishers' Cooperative",
                "Tayuni Women's Weavers' Circle",
            ],
            "es": [
                "el Comité del Agua del Río Umbral",
                "la Junta Vecinal de Nuevo Amparo",
                "la Cooperativa Pesquera Mareña",
                "el Círculo de Tejedoras Tayuni",
            ],
            "zh": ["港区华人街坊会"],
            "ar": ["لجنة سكان حي الميناء"],
        },
        "movement": {
            "en": ["Citizens for Clean Water", "No to the Dam coalition", "Movement 8 March"],
            "es": [
                "Ciudadanía por el Agua Limpia",
                "la Coordinadora No a la Represa",
                "el Movimiento 8 de Marzo",
            ],
            "zh": ["清洁水源公民行动"],
            "ar": ["حركة المواطنين من أجل المياه النظيفة"],
        },
        "outlet": {
            "en": [
                "Esterra Today",
                "the weekly El Faro de Calvio",
                "Radio Ternvale",
                "Canal 9 Noticias",
                "the Kestrel Bay Chronicle",
            ],
            "es": [
                "Esterra Today",
                "el semanario El Faro de Calvio",
                "Radio Ternvale",
                "Canal 9 Noticias",
                "el Kestrel Bay Chronicle",
            ],
            "zh": ["阿尔德纳华声报", "港区之声网站"],
            "ar": ["قناة 9 الإخبارية"],
        },
        "ngo": {
            "en": [
                "the Centre for Legal Action",
                "Esterra Rights Watch",
                "the Tayuni Land Council",
                "Free Press Esterra",
                "the Marrowgate Defenders' Network",
                "the Esterran Prison Observatory",
            ],
            "es": [
                "el Centro de Acción Legal",
                "Esterra Rights Watch",
                "el Consejo de Tierras Tayuni",
                "Free Press Esterra",
                "la Red de Defensores de Marrowgate",
                "el Observatorio de Prisiones de Esterra",
            ],
            "zh": ["阿尔德纳华人劳工互助会", "埃斯特拉移民权益观察"],
            "ar": ["جمعية التضامن مع المهاجرين في إستيرا"],
        },
        "lgbt": {
            "en": ["Open Streets Collective"],
            "es": ["Colectivo Calles Abiertas"],
            "zh": ["开放街道团体"],
            "ar": ["مجموعة الشوارع المفتوحة"],
        },
    },
    "XB": {
        "union": {
            "en": [
                "Lowen Delta Dockworkers' Committee",
                "Phosphate Workers' Syndicate",
                "Independent Teachers' Association",
                "Jadeh Coast Fishermen's Guild",
            ],
            "es": ["el Comité de Trabajadoras Domésticas", "la Asociación de Pescadores Migrantes"],
            "zh": ["洛文三角洲华人渔工互助组", "东米雷尔电子厂工人委员会"],
            "ar": ["نقابة عمال الفوسفات", "لجنة عمال الموانئ في دلتا لوين"],
        },
        "students": {
            "en": ["Halvorn University Student Council", "Nerith Students for Reform"],
            "es": ["el Consejo Estudiantil de la Universidad de Halvorn"],
            "zh": ["哈尔沃恩大学学生会"],
            "ar": ["مجلس طلبة جامعة هالفورن", "طلاب نيريث من أجل الإصلاح"],
        },
        "community": {
            "en": [
                "Bayt Oran Neighbourhood Council",
                "Sarrow Herders' Council",
                "Arvani Cultural Society",
                "Kovran Families' Committee",
            ],
            "es": ["la Comunidad Latinoamericana de Ras Tamir"],
            "zh": ["洛文三角洲华人同乡会"],
            "ar": ["مجلس حي بيت أوران", "مجلس رعاة سارو", "الجمعية الثقافية الأرفانية"],
        },
        "movement": {
            "en": [
                "Bread and Dignity movement",
                "Mothers of Wadi Selan",
                "Youth for a Constitutional Monarchy",
            ],
            "es": ["el Movimiento Pan y Dignidad"],
            "zh": ["面包与尊严运动"],
            "ar": ["حركة خبز وكرامة", "أمهات وادي سيلان", "شباب من أجل ملكية دستورية"],
        },
        "outlet": {
            "en": [
                "the Morvane Times",
                "Selan Voice",
                "the news site Mirel24",
                "the Halvorn Daily Tribune",
            ],
            "es": ["Boletín Migrante", "el portal Mirel24"],
            "zh": ["莫尔凡华文日报"],
            "ar": ["صحيفة الفجر", "موقع ميريل 24", "إذاعة صوت سيلان"],
        },
        "ngo": {
            "en": [
                "the Morvane Human Rights Association",
                "Justice for Detainees Morvane",
                "the Halvorn Centre for Press Freedom",
                "Civic Space Monitor Morvane",
                "Women's Legal Aid Morvane",
                "Migrant Care Morvane",
            ],
            "es": ["la Pastoral de Migrantes de Halvorn"],
            "zh": ["莫尔凡华人互助协会", "洛文三角洲外籍劳工关怀中心"],
            "ar": [
                "الجمعية المورفانية لحقوق الإنسان",
                "مركز هالفورن للدفاع عن الصحفيين",
                "رابطة أمهات المختفين",
            ],
        },
        "lgbt": {
            "en": ["Safe Harbour Morvane"],
            "es": ["Refugio Seguro Morvane"],
            "zh": ["安全港湾小组"],
            "ar": ["مجموعة الملاذ الآمن"],
        },
    },
}


# ---------------------------------------------------------------------------
# Sources: the organisations and individuals who report. (name, kind,
# reliability, language, website slug or "", tags)
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Src:
    name: str
    kind: str
    reliability: str
    lang: str
    site: str
    tags: tuple[str, ...]


def _srcs(rows: list[tuple]) -> list[Src]:
    return [Src(r[0], r[1], r[2], r[3], r[4], tuple(r[5].split())) for r in rows]


SOURCES = {
    "XA": _srcs(
        [
            (
                "Esterra Rights Watch",
                "ngo",
                "B",
                "en",
                "esterra-rights",
                "general detention defenders assembly torture killing",
            ),
            (
                "Centre for Legal Action",
                "ngo",
                "A",
                "en",
                "cla-esterra",
                "detention trial defenders lawsuits civic",
            ),
            (
                "Marrowgate Defenders' Network",
                "ngo",
                "B",
                "en",
                "",
                "defenders assembly civic surveillance",
            ),
            (
                "Free Press Esterra",
                "ngo",
                "A",
                "en",
                "freepress-esterra",
                "press expression internet academic",
            ),
            ("Tayuni Land Council", "ngo", "B", "en", "", "indigenous land business participation"),
            (
                "Women's Shelter Network of Esterra",
                "ngo",
                "B",
                "en",
                "wsn-esterra",
                "women children trafficking",
            ),
            (
                "Committee of Families of the Disappeared (COFADE)",
                "ngo",
                "B",
                "en",
                "cofade",
                "disappearance killing conflict",
            ),
            ("Open Streets Collective", "ngo", "C", "en", "", "lgbtqi"),
            (
                "Aldena Digital Rights Lab",
                "ngo",
                "A",
                "en",
                "digitalrights-aldena",
                "digital surveillance internet hacking",
            ),
            (
                "Esterran Prison Observatory",
                "ngo",
                "B",
                "en",
                "prison-observatory",
                "detention conditions torture",
            ),
            (
                "Harbour Workers' Solidarity Centre",
                "ngo",
                "C",
                "en",
                "",
                "labor migrants trafficking",
            ),
            (
                "Coalition Against Trafficking in Esterra (CATE)",
                "ngo",
                "B",
                "en",
                "cate-esterra",
                "trafficking",
            ),
            ("Esterran Disability Rights Forum", "ngo", "B", "en", "", "disability"),
            (
                "Transparency Circle Esterra",
                "ngo",
                "B",
                "en",
                "transparency-esterra",
                "corruption elections",
            ),
            (
                "Citizens' Electoral Observatory",
                "ngo",
                "A",
                "en",
                "electoral-observatory",
                "elections",
            ),
            ("Highlands Humanitarian Monitor", "ngo", "C", "en", "", "conflict displacement"),
            ("Aldena Underground (anonymous blog)", "media", "E", "en", "", "general"),
            ("Highlands Citizens' Bulletin", "media", "D", "en", "", "general conflict"),
            ("Concerned Residents of Hollin Cross", "ngo", "F", "en", "", "general"),
            (
                "Refugee Legal Aid Esterra",
                "ngo",
                "B",
                "en",
                "rla-esterra",
                "refugees statelessness movement migrants",
            ),
            ("Esterran Interfaith Council", "ngo", "C", "en", "", "religion"),
            ("Evangelical Alliance of Esterra", "ngo", "C", "en", "", "religion"),
            ("The Aldena Courier", "media", "B", "en", "aldenacourier", "general press"),
            ("Radio Ternvale", "media", "C", "en", "", "general"),
            ("Kestrel Bay Chronicle", "media", "C", "en", "", "general migrants"),
            ("Esterra Today", "media", "B", "en", "esterratoday", "general press elections"),
            ("Odile Brightwick", "journalist", "B", "en", "", "general press"),
            ("Caelan Merriden", "journalist", "C", "en", "", "general corruption"),
            ("Marisela Jessamond", "defender", "B", "en", "", "general defenders indigenous"),
            ("Perrin Hallowfield", "defender", "C", "en", "", "general detention"),
            (
                "Office of the UN High Commissioner for Human Rights (OHCHR)",
                "un",
                "A",
                "en",
                "",
                "general defenders detention civic",
            ),
            (
                "UN Refugee Agency (UNHCR) office in Aldena",
                "un",
                "A",
                "en",
                "",
                "refugees statelessness displacement",
            ),
            (
                "UN Special Rapporteur on the rights of Indigenous Peoples",
                "un",
                "A",
                "en",
                "",
                "indigenous",
            ),
            ("UN Working Group on Arbitrary Detention", "un", "A", "en", "", "detention trial"),
            ("UN Children's Fund (UNICEF) in Esterra", "un", "A", "en", "", "children"),
            (
                "International Labour Organization country office",
                "un",
                "A",
                "en",
                "",
                "labor trafficking",
            ),
            (
                "International Organization for Migration (IOM)",
                "un",
                "A",
                "en",
                "",
                "trafficking migrants",
            ),
            ("Ministry of the Interior", "government", "C", "en", "", "general detention police"),
            (
                "Office of the Prosecutor General",
                "government",
                "B",
                "en",
                "",
                "trafficking trial corruption",
            ),
            (
                "National Institute of Statistics and Census",
                "government",
                "A",
                "en",
                "",
                "statistics",
            ),
            (
                "Ministry of Labour and Social Security",
                "government",
                "B",
                "en",
                "",
                "labor trafficking",
            ),
            ("National Anti-Trafficking Commission", "government", "B", "en", "", "trafficking"),
            (
                "National Human Rights Ombudsman",
                "government",
                "B",
                "en",
                "",
                "general detention defenders civic",
            ),
            (
                "Ministry of Social Development",
                "government",
                "B",
                "en",
                "",
                "trafficking children women disability",
            ),
            ("National Electoral Council", "government", "C", "en", "", "elections"),
            (
                "University of Aldena, Centre for Migration Studies",
                "academic",
                "B",
                "en",
                "",
                "migrants refugees trafficking statelessness",
            ),
            (
                "Institute for Social Research, San Caelo National University",
                "academic",
                "B",
                "en",
                "",
                "general indigenous women labor",
            ),
            (
                "Centre for the Study of Religion, University of Aldena",
                "academic",
                "A",
                "en",
                "",
                "religion statistics",
            ),
            ("U.S. Embassy Aldena", "mission", "A", "en", "", "general religion civic"),
            ("U.S. Consulate San Caelo", "mission", "A", "en", "", "general"),
            (
                "Red de Defensoras del Río Umbral",
                "ngo",
                "B",
                "es",
                "defensoras-umbral",
                "general defenders indigenous women land",
            ),
            (
                "Observatorio Ciudadano de San Caelo",
                "ngo",
                "B",
                "es",
                "observatorio-sancaelo",
                "general assembly detention",
            ),
            (
                "Colectivo de Abogados Palomares",
                "ngo",
                "A",
                "es",
                "",
                "detention trial lawsuits torture",
            ),
            (
                "Asociación de Familiares de Detenidos y Desaparecidos (AFADE)",
                "ngo",
                "B",
                "es",
                "afade",
                "disappearance detention killing",
            ),
            ("Consejo del Pueblo Tayuni", "ngo", "B", "es", "", "indigenous land"),
            ("Fundación Voz Campesina", "ngo", "C", "es", "", "land labor displacement business"),
            ("Sindicato Unificado de Trabajadores Portuarios", "ngo", "C", "es", "", "labor"),
            ("Diario del Umbral", "media", "B", "es", "diariodelumbral", "general press"),
            ("Radio Comunitaria Nuevo Amparo", "media", "C", "es", "", "general indigenous"),
            ("Ximena Artolaz Urquidel", "journalist", "B", "es", "", "general press"),
            ("Rosendo Castromonte", "defender", "B", "es", "", "general defenders"),
            (
                "Defensoría del Pueblo de Esterra",
                "government",
                "B",
                "es",
                "",
                "general detention civic",
            ),
            (
                "Centro de Estudios Religiosos, Universidad de San Caelo",
                "academic",
                "A",
                "es",
                "",
                "religion statistics",
            ),
            ("阿尔德纳华人劳工互助会", "ngo", "B", "zh", "", "general labor migrants trafficking"),
            ("港区华人社区服务中心", "ngo", "C", "zh", "", "general migrants religion"),
            (
                "埃斯特拉移民权益观察",
                "ngo",
                "B",
                "zh",
                "",
                "general migrants refugees surveillance",
            ),
            ("阿尔德纳华声报", "media", "B", "zh", "", "general press"),
            ("邝楚澜", "journalist", "C", "zh", "", "general press"),
            ("埃斯特拉佛教协会", "ngo", "C", "zh", "", "religion"),
            (
                "رابطة اللاجئين العرب في ألدينا",
                "ngo",
                "C",
                "ar",
                "",
                "general refugees migrants religion",
            ),
            (
                "جمعية التضامن مع المهاجرين في إستيرا",
                "ngo",
                "B",
                "ar",
                "",
                "general migrants refugees labor trafficking",
            ),
            ("المركز الإسلامي في سان كايلو", "ngo", "C", "ar", "", "religion"),
        ]
    ),
    "XB": _srcs(
        [
            (
                "Morvane Human Rights Association (MHRA)",
                "ngo",
                "B",
                "en",
                "mhra-morvane",
                "general detention defenders assembly torture killing",
            ),
            (
                "Halvorn Centre for Press Freedom",
                "ngo",
                "A",
                "en",
                "hcpf",
                "press expression internet academic",
            ),
            ("Wadi Selan Monitoring Group", "ngo", "C", "en", "", "conflict displacement killing"),
            (
                "Justice for Detainees Morvane",
                "ngo",
                "B",
                "en",
                "jfd-morvane",
                "detention torture trial disappearance",
            ),
            ("Arvani Rights Forum", "ngo", "C", "en", "", "ethnic statelessness"),
            ("Lowen Delta Workers' Union", "ngo", "C", "en", "", "labor"),
            (
                "Women's Legal Aid Morvane",
                "ngo",
                "B",
                "en",
                "wla-morvane",
                "women children trafficking",
            ),
            (
                "Digital Safety Collective",
                "ngo",
                "A",
                "en",
                "digitalsafety",
                "digital surveillance internet hacking",
            ),
            (
                "Migrant Care Morvane",
                "ngo",
                "B",
                "en",
                "migrantcare",
                "migrants trafficking labor refugees",
            ),
            ("Morvane Anti-Trafficking Coalition", "ngo", "B", "en", "", "trafficking"),
            ("Kingdom Watch for Transparency", "ngo", "C", "en", "", "corruption elections"),
            ("Haddani Pastoralists' Association", "ngo", "C", "en", "", "indigenous land"),
            ("Morvane Disability Alliance", "ngo", "B", "en", "", "disability"),
            ("Safe Harbour Morvane", "ngo", "C", "en", "", "lgbtqi"),
            ("Morvane Council of Churches", "ngo", "C", "en", "", "religion"),
            (
                "Civic Space Monitor Morvane",
                "ngo",
                "B",
                "en",
                "civicspace-morvane",
                "civic defenders assembly surveillance",
            ),
            ("Wadi Selan Now (Telegram channel)", "media", "D", "en", "", "general conflict"),
            ("Free Morvane Front online", "media", "E", "en", "", "general"),
            ("Committee for Truth in Sarrow", "ngo", "F", "en", "", "general"),
            ("Morvane Times", "media", "B", "en", "morvanetimes", "general press"),
            ("Halvorn Daily Tribune", "media", "C", "en", "", "general"),
            ("Selan Voice", "media", "C", "en", "selanvoice", "general conflict press"),
            ("The Jadeh Coast Herald", "media", "C", "en", "", "general labor"),
            ("Leyla Tamiri", "journalist", "B", "en", "", "general press"),
            ("Sorin Castemir", "journalist", "C", "en", "", "general corruption"),
            ("Nabil Halvorni", "defender", "B", "en", "", "general defenders detention"),
            ("Mireille Oltevi", "defender", "B", "en", "", "general women defenders"),
            (
                "Office of the UN High Commissioner for Human Rights (OHCHR)",
                "un",
                "A",
                "en",
                "",
                "general defenders detention civic",
            ),
            ("UN Special Rapporteur on torture", "un", "A", "en", "", "torture detention"),
            (
                "UN Working Group on Enforced or Involuntary Disappearances",
                "un",
                "A",
                "en",
                "",
                "disappearance",
            ),
            (
                "UN Special Rapporteur on freedom of religion or belief",
                "un",
                "A",
                "en",
                "",
                "religion",
            ),
            (
                "UN Refugee Agency (UNHCR) office in Halvorn",
                "un",
                "A",
                "en",
                "",
                "refugees statelessness displacement",
            ),
            (
                "International Organization for Migration (IOM)",
                "un",
                "A",
                "en",
                "",
                "trafficking migrants",
            ),
            ("UN Population Fund (UNFPA) in Morvane", "un", "A", "en", "", "women population"),
            ("Royal Ministry of Interior", "government", "C", "en", "", "general detention police"),
            (
                "Public Prosecution Office",
                "government",
                "C",
                "en",
                "",
                "trafficking trial corruption",
            ),
            ("Central Statistics Authority", "government", "A", "en", "", "statistics"),
            ("Ministry of Human Resources", "government", "C", "en", "", "labor trafficking"),
            (
                "National Committee to Combat Human Trafficking",
                "government",
                "C",
                "en",
                "",
                "trafficking",
            ),
            (
                "National Human Rights Council",
                "government",
                "C",
                "en",
                "",
                "general detention civic",
            ),
            ("Ministry of Awqaf and Religious Affairs", "government", "C", "en", "", "religion"),
            (
                "Ministry of Social Solidarity",
                "government",
                "C",
                "en",
                "",
                "trafficking children women disability",
            ),
            (
                "Halvorn University, Centre for Religious Studies",
                "academic",
                "A",
                "en",
                "",
                "religion statistics",
            ),
            (
                "Nerith Institute for Social Studies",
                "academic",
                "B",
                "en",
                "",
                "general labor women migrants",
            ),
            ("U.S. Embassy Halvorn", "mission", "A", "en", "", "general religion civic"),
            (
                "الجمعية المورفانية لحقوق الإنسان",
                "ngo",
                "B",
                "ar",
                "",
                "general detention defenders torture",
            ),
            (
                "مرصد وادي سيلان لحقوق الإنسان",
                "ngo",
                "C",
                "ar",
                "",
                "general conflict displacement killing",
            ),
            ("مركز هالفورن للدفاع عن الصحفيين", "ngo", "B", "ar", "", "general press"),
            ("رابطة أمهات المختفين", "ngo", "B", "ar", "", "disappearance detention"),
            ("جمعية النساء للمساعدة القانونية", "ngo", "B", "ar", "", "general women trafficking"),
            ("صحيفة الفجر", "media", "C", "ar", "", "general press"),
            ("إذاعة صوت سيلان", "media", "C", "ar", "", "general conflict"),
            ("فراس النيريثي", "defender", "B", "ar", "", "general defenders"),
            ("المجلس الوطني لحقوق الإنسان", "government", "C", "ar", "", "general religion"),
            ("莫尔凡华人互助协会", "ngo", "B", "zh", "", "general migrants"),
            (
                "洛文三角洲外籍劳工关怀中心",
                "ngo",
                "B",
                "zh",
                "",
                "general labor migrants trafficking",
            ),
            ("莫尔凡佛教协会", "ngo", "C", "zh", "", "religion"),
            ("莫尔凡华文日报", "media", "C", "zh", "", "general press"),
            ("岑晓岚", "journalist", "B", "zh", "", "general press"),
            (
                "Pastoral de Migrantes de Halvorn",
                "ngo",
                "B",
                "es",
                "",
                "general migrants trafficking labor religion",
            ),
            (
                "Red de Trabajadoras Latinoamericanas en Morvane",
                "ngo",
                "C",
                "es",
                "",
                "general labor women trafficking",
            ),
            ("Boletín Migrante", "media", "C", "es", "", "general migrants"),
        ]
    ),
}

# ---------------------------------------------------------------------------
# Names. All invented; surnames are made up or derived from the fictional
# places so that no combination reads as a real public figure.
# ---------------------------------------------------------------------------

NAMES = {
    ("XA", "en"): {
        "f": [
            "Ilse",
            "Tamsin",
            "Brisa",
            "Mirela",
            "Hesper",
            "Liora",
            "Elowen",
            "Cosima",
            "Maelis",
            "Rosalind",
            "Yara",
            "Quilla",
            "Darya",
            "Sabine",
            "Wren",
            "Isolde",
            "Greta",
            "Anouk",
            "Perpetua",
            "Clementine",
            "Delphine",
            "Nerea",
            "Solange",
            "Oriana",
            "Briony",
            "Letizia",
        ],
        "m": [
            "Anselm",
            "Edvin",
            "Gideon",
            "Joren",
            "Kasimir",
            "Leander",
            "Oriel",
            "Tobiah",
            "Ulric",
            "Viggo",
            "Zeno",
            "Bastien",
            "Dario",
            "Fenn",
            "Halvard",
            "Jovan",
            "Nils",
            "Evander",
            "Lucan",
            "Marek",
            "Teodor",
            "Emeric",
            "Rafferty",
            "Silvano",
            "Tancredo",
            "Quentin",
        ],
        "s": [
            "Aldervane",
            "Corrigane",
            "Dunholt",
            "Everleigh",
            "Fairhollow",
            "Grennock",
            "Ivesworth",
            "Larkmoor",
            "Pemberlin",
            "Quillfeather",
            "Rookhaven",
            "Stalbridge",
            "Underhay",
            "Vantreese",
            "Wexcombe",
            "Yarrowby",
            "Zellicott",
            "Ostmarin",
            "Orrendale",
            "Haskettle",
            "Varrow",
            "Pellinor",
            "Drummel",
            "Ambrevin",
            "Caldermoor",
            "Thistlecombe",
            "Marlowend",
            "Brennack",
            "Sollery",
            "Tarrowind",
            "Vellacott",
            "Ashcombe-Lir",
            "Quintavalle",
            "Mendravo",
        ],
    },
    ("XB", "en"): {
        "f": [
            "Yusra",
            "Rania",
            "Noor",
            "Zahra",
            "Elif",
            "Hiba",
            "Dunya",
            "Sawsan",
            "Amal",
            "Iman",
            "Thuraya",
            "Maysa",
            "Lubna",
            "Nadine",
            "Selin",
            "Farah",
            "Reem",
            "Ghada",
            "Aseel",
            "Najwa",
            "Shireen",
            "Widad",
        ],
        "m": [
            "Tarek",
            "Amir",
            "Kasim",
            "Dariush",
            "Ilan",
            "Sorin",
            "Ziad",
            "Marwan",
            "Idris",
            "Fadi",
            "Halim",
            "Bassem",
            "Yasin",
            "Rami",
            "Jalal",
            "Sameh",
            "Tawfiq",
            "Karam",
            "Munir",
            "Wael",
            "Anwar",
            "Basil",
        ],
        "s": [
            "Al-Selani",
            "Kovrani",
            "Tamirani",
            "Al-Orani",
            "Jadehi",
            "Nerithi",
            "Sarrowi",
            "Qarseli",
            "Mireli",
            "Al-Lowani",
            "Qaddisar",
            "Maranth",
            "Sarrazek",
            "Djorvan",
            "Ibrashen",
            "Kavoussin",
            "Tellarek",
            "Yazdamir",
            "Belkassen",
            "Fendrevi",
            "Rastaqi",
            "Zoubrani",
            "Mehtrani",
            "Haldoun",
            "Al-Kessar",
            "Warrani",
            "Tibrizan",
            "Al-Mirazi",
            "Soukhani",
            "Baddour-Selim",
        ],
    },
    ("*", "es"): {
        "f": [
            "Ximena",
            "Itzel",
            "Maite",
            "Begoña",
            "Eulalia",
            "Leocadia",
            "Jacinta",
            "Teófila",
            "Marisol",
            "Consuelo",
            "Amparo",
            "Iratxe",
            "Rocío",
            "Azucena",
            "Guadalupe",
            "Maricruz",
            "Nayeli",
            "Araceli",
            "Fernanda",
            "Yolanda",
            "Candelaria",
            "Aurelia",
        ],
        "m": [
            "Anselmo",
            "Fermín",
            "Baltasar",
            "Nazario",
            "Olegario",
            "Evaristo",
            "Florián",
            "Gumersindo",
            "Sabás",
            "Eliseo",
            "Teodoro",
            "Wenceslao",
            "Abundio",
            "Cirilo",
            "Macario",
            "Ulises",
            "Ramiro",
            "Jacinto",
            "Porfirio",
            "Leoncio",
            "Casimiro",
        ],
        "s": [
            "Barrancal",
            "Quiñonero",
            "Montesclaro",
            "Valdeserra",
            "Ocharán",
            "Torrealdea",
            "Belmonteza",
            "Iriarteche",
            "Lanzagorta",
            "Echaluce",
            "Villaumbral",
            "Aranzubía",
            "Sotomarino",
            "Cuevasanta",
            "Albarregas",
            "Oyarbide",
            "Montealegre",
            "Garrastazu",
            "Peñascal",
            "Robledano",
            "Zurbitegui",
            "Almazarra",
            "Quebradillo",
            "Tayunco",
        ],
    },
    ("*", "zh"): {
        "s": [
            "林",
            "邝",
            "闵",
            "钟",
            "简",
            "庄",
            "卓",
            "麦",
            "葛",
            "阮",
            "缪",
            "邵",
            "柯",
            "骆",
            "童",
            "蒲",
            "欧阳",
            "司徒",
            "上官",
            "龚",
            "裴",
            "聂",
        ],
        "f": [
            "若溪",
            "晓岚",
            "静姝",
            "青禾",
            "砚秋",
            "澄溪",
            "语桐",
            "念慈",
            "书瑶",
            "映雪",
            "秋池",
            "佳禾",
            "梦婷",
            "素心",
            "婉清",
            "芷若",
        ],
        "m": [
            "嘉禾",
            "文澜",
            "思远",
            "泽宁",
            "逸舟",
            "明澈",
            "致远",
            "景行",
            "立言",
            "浩川",
            "子谦",
            "承熙",
            "鸿儒",
            "砺锋",
            "启航",
            "振邦",
        ],
    },
    ("*", "ar"): {
        "f": [
            "سلمى",
            "رنا",
            "ليلى",
            "هالة",
            "منى",
            "دعاء",
            "سوسن",
            "ريم",
            "نور",
            "هبة",
            "يسرى",
            "أمل",
            "لبنى",
            "ميساء",
            "ثريا",
            "سماح",
        ],
        "m": [
            "يوسف",
            "طارق",
            "نادر",
            "كريم",
            "عماد",
            "باسل",
            "فراس",
            "زياد",
            "مروان",
            "إدريس",
            "فادي",
            "حليم",
            "جلال",
            "رامي",
            "توفيق",
            "سامح",
        ],
        "s": [
            "الهالفورني",
            "السيلاني",
            "التامري",
            "الكوفراني",
            "الأوراني",
            "الجادي",
            "القارسلي",
            "الميريلي",
            "اللويني",
            "الصرّاوي",
            "القرطاني",
            "البرقاني",
            "الدوماني",
            "العسقاوي",
            "الوادياني",
            "الحجيلي",
        ],
    },
}


# People who recur across records (a prominent defender, a jailed blogger).
# key -> (names per lang, female, group, consent)
RECURRING = {
    "XA": {
        "lawyer": ({"en": "Tamsin Ostmarin", "es": "Tamsin Ostmarin"}, True, "lawyer", "named"),
        "leader": (
            {"en": "Anselmo Quebradillo Tayunco", "es": "Anselmo Quebradillo Tayunco"},
            False,
            "Indigenous leader",
            "named",
        ),
        "journalist": (
            {"en": "Joren Vellacott", "es": "Joren Vellacott"},
            False,
            "journalist",
            "anonymous",
        ),
        "student": (
            {"en": "Briony Caldermoor", "es": "Briony Caldermoor"},
            True,
            "student",
            "withheld",
        ),
    },
    "XB": {
        "defender": (
            {"en": "Yusra Al-Selani", "ar": "يسرى السيلاني"},
            True,
            "human rights defender",
            "named",
        ),
        "blogger": ({"en": "Tarek Kovrani", "ar": "طارق الكوفراني"}, False, "blogger", "anonymous"),
        "lawyer": ({"en": "Idris Qarseli", "ar": "إدريس القارسلي"}, False, "lawyer", "named"),
        "cleric": (
            {"en": "Munir Haldoun", "ar": "منير حلدون"},
            False,
            "religious leader",
            "withheld",
        ),
    },
}

# ---------------------------------------------------------------------------
# Dates in four languages.
# ---------------------------------------------------------------------------

MONTHS_EN = list(calendar.month_name)[1:]
MONTHS_ES = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
]
MONTHS_AR = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
]

NUM_EN = [
    "no",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]

ORD_EN = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
]


@dataclass(frozen=True)
class Event:
    kind: str  # day, month, range, none
    start: date | None = None
    end: date | None = None

    def iso(self) -> str | None:
        if self.kind == "none":
            return None
        if self.kind == "day":
            return self.start.isoformat()
        if self.kind == "month":
            return f"{self.start:%Y-%m}"
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


def _day_en(d: date, year: bool) -> str:
    return f"{d.day} {MONTHS_EN[d.month - 1]}" + (f" {d.year}" if year else "")


def _day_es(d: date, year: bool) -> str:
    return f"{d.day} de {MONTHS_ES[d.month - 1]}" + (f" de {d.year}" if year else "")


def _day_zh(d: date, year: bool) -> str:
    return (f"{d.year}年" if year else "") + f"{d.month}月{d.day}日"


def _day_ar(d: date, year: bool) -> str:
    return f"{d.day} {MONTHS_AR[d.month - 1]}" + (f" {d.year}" if year else "")


def when_phrase(ev: Event, lang: str, year: bool, lead: bool) -> str:
    """How a submission says when: "On 14 March" (lead) or "on 14 March" (mid-sentence)."""
    if ev.kind == "none":
        return ""
    s, e = ev.start, ev.end
    if lang == "en":
        if ev.kind == "day":
            out = f"on {_day_en(s, year)}"
        elif ev.kind == "month":
            out = f"in {MONTHS_EN[s.month - 1]}" + (f" {s.year}" if year else "")
        elif s.month == e.month:
            out = f"between {s.day} and {_day_en(e, year)}"
        else:
            out = f"between {_day_en(s, False)} and {_day_en(e, year)}"
        return out[:1].upper() + out[1:] if lead else out
    if lang == "es":
        if ev.kind == "day":
            out = f"el {_day_es(s, year)}"
        elif ev.kind == "month":
            out = f"en {MONTHS_ES[s.month - 1]}" + (f" de {s.year}" if year else "")
        elif s.month == e.month:
            out = f"entre el {s.day} y el {_day_es(e, year)}"
        else:
            out = f"entre el {_day_es(s, False)} y el {_day_es(e, year)}"
        return out[:1].upper() + out[1:] if lead else out
    if lang == "zh":
        if ev.kind == "day":
            return _day_zh(s, year)
        if ev.kind == "month":
            return (f"{s.year}年" if year else "") + f"{s.month}月"
        if s.month == e.month:
            return f"{_day_zh(s, year)}至{e.day}日"
        return f"{_day_zh(s, year)}至{e.month}月{e.day}日"
    # ar
    if ev.kind == "day":
        return f"في {_day_ar(s, year)}"
    if ev.kind == "month":
        return f"خلال شهر {MONTHS_AR[s.month - 1]}" + (f" {s.year}" if year else "")
    if s.month == e.month:
        return f"بين {s.day} و{_day_ar(e, year)}"
    return f"بين {_day_ar(s, False)} و{_day_ar(e, year)}"


LEAD_SEP = {"en": ", ", "es": ", ", "zh": "，", "ar": "، "}


# ---------------------------------------------------------------------------
# The generation context a template writes with.
# ---------------------------------------------------------------------------

CONSENT_WEIGHTS = {
    "victim": (("named", 26), ("anonymous", 54), ("withheld", 20)),
    "witness": (("named", 18), ("anonymous", 60), ("withheld", 22)),
    "source": (("named", 36), ("anonymous", 50), ("withheld", 14)),
    "perpetrator": (("named", 60), ("anonymous", 34), ("withheld", 6)),
}

# Institutions whose Arabic name is grammatically masculine (verbs agree with them).
AR_FEMININE = {("XA", "intel"): False, ("XB", "legislature"): False, ("XA", "armed_group"): False}

CONSENT_TARGET = {"named": 0.30, "anonymous": 0.55, "withheld": 0.15}

AGES = {
    "student": (18, 26),
    "child": (9, 16),
    "journalist": (26, 61),
    "blogger": (21, 40),
    "migrant worker": (19, 48),
    "domestic worker": (20, 45),
    "refugee": (17, 55),
}


def weighted(rng: random.Random, pairs) -> object:
    items = list(pairs)
    total = sum(w for _, w in items)
    x = rng.uniform(0, total)
    for value, w in items:
        x -= w
        if x <= 0:
            return value
    return items[-1][0]


class NameBook:
    """Hands out fictional names, never the same full name twice."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.order: list[str] = []

    def reserve(self, name: str) -> None:
        if name in self.used:
            raise SystemExit(f"name {name!r} reserved twice")
        self.used.add(name)
        self.order.append(name)

    def new(self, rng: random.Random, country: str, lang: str, female: bool) -> str:
        key = (country, "en") if lang == "en" else ("*", lang)
        if lang == "en" and country == "XA" and rng.random() < 0.3:
            key = ("*", "es")  # XA is partly Spanish-speaking
        pool = NAMES[key]
        given = pool["f" if female else "m"]
        for _ in range(200):
            first, last = rng.choice(given), rng.choice(pool["s"])
            if key[1] == "zh":
                name = last + first
            elif key[1] == "es" and rng.random() < 0.6:
                second = rng.choice(pool["s"])
                if second == last:
                    continue
                name = f"{first} {last} {second}"
            else:
                name = f"{first} {last}"
            # A name inside another ("Ana Ruiz" in "Ana Ruiz Soto", ريم in كريم) would
            # survive the other's scrubbing, so no name may contain another.
            if name not in self.used and not any(name in u or u in name for u in self.order):
                self.reserve(name)
                return name
        raise SystemExit(f"ran out of names for {key}")


class P:
    """A person as a template uses them: prints as the full name."""

    def __init__(self, entry: dict, female: bool) -> None:
        self.entry = entry
        self.female = female

    @property
    def name(self) -> str:
        return self.entry["name"]

    def __str__(self) -> str:
        return self.name

    def __format__(self, spec: str) -> str:
        return format(self.name, spec)

    # English pronouns
    @property
    def she(self) -> str:
        return "she" if self.female else "he"

    @property
    def She(self) -> str:
        return "She" if self.female else "He"

    @property
    def her(self) -> str:
        return "her" if self.female else "his"

    @property
    def Her(self) -> str:
        return "Her" if self.female else "His"

    @property
    def him(self) -> str:
        return "her" if self.female else "him"

    @property
    def group(self) -> str:
        return self.entry.get("group", "person")


@dataclass
class Facts:
    """What two submissions about the same event share."""

    event: Event
    values: dict = field(default_factory=dict)


class Ctx:
    def __init__(
        self,
        gen: Generator,
        country: str,
        year: int,
        lang: str,
        src: Src,
        facts: Facts,
        rng: random.Random,
        confidential: bool,
    ) -> None:
        self.gen, self.country, self.year, self.lang = gen, country, year, lang
        self.src, self.facts, self.rng = src, facts, rng
        self.event = facts.event
        self.persons: list[dict] = []
        self.location: str | None = None
        self.with_year = rng.random() < 0.25
        self.confidential = confidential
        self.figures: dict[str, int] = {}

    # -- dates ------------------------------------------------------------
    def When(self) -> str:
        phrase = when_phrase(self.event, self.lang, self.with_year, lead=True)
        return phrase + LEAD_SEP[self.lang] if phrase else ""

    def on(self) -> str:
        return when_phrase(self.event, self.lang, self.with_year, lead=False)

    @property
    def month(self) -> str:
        d = self.event.start or date(self.year, 6, 1)
        return {"en": MONTHS_EN, "es": MONTHS_ES, "ar": MONTHS_AR}.get(
            self.lang, [f"{m}月" for m in range(1, 13)]
        )[d.month - 1]

    def later(self, days_lo: int, days_hi: int) -> str:
        """A day some days after the event, as "16 March" in the record's language."""
        base = self.event.end or self.event.start or date(self.year, 6, 1)
        d = base + timedelta(days=self.n("_later", days_lo, days_hi))
        return {"en": _day_en, "es": _day_es, "zh": _day_zh, "ar": _day_ar}[self.lang](d, False)

    # -- facts --------------------------------------------------------------
    def _cached(self, key: str, make):
        if key not in self.facts.values:
            self.facts.values[key] = make()
        return self.facts.values[key]

    def n(self, key: str, lo: int, hi: int) -> int:
        return self._cached(key, lambda: self.rng.randint(lo, hi))

    def nw(self, key: str, lo: int, hi: int) -> str:
        """A number as a submission writes it: words up to twenty in English."""
        value = self.n(key, lo, hi)
        if self.lang == "en" and value <= 20 and self.rng.random() < 0.8:
            return NUM_EN[value]
        return str(value)

    def pick(self, key: str, options: list):
        return self._cached(key, lambda: self.rng.choice(options))

    def place(self, key: str = "place", tag: str | None = None) -> str:
        def make() -> Place:
            places = PLACES[self.country]
            if tag:
                tagged = [p for p in places if tag in p.tags]
                places = tagged or places
            used = [v for k, v in self.facts.values.items() if k.startswith("place")]
            fresh = [p for p in places if p not in used] or places
            return self.rng.choice(fresh)

        place = self._cached(key, make)
        name = place.name(self.lang)
        if self.location is None and key == "place":
            self.location = re.sub(r"^(the|el|la|las|los) ", "", name)
        return name

    def at(self, key: str) -> str:
        """A world name (a region, a prison) that is also the record's location."""
        name = self.w(key)
        if self.location is None:
            self.location = re.sub(r"^(the|el|la|las|los) ", "", name)
        return name

    def w(self, key: str) -> str:
        return WORLD[self.country][key][LANGS.index(self.lang)]

    def actor(self, kind: str, key: str | None = None) -> str:
        """An organisation that acts in the event (a union, an outlet), in the record's language.

        The choice is cached as an index, so a submission in another language about
        the same event names the same organisation in its own language.
        """
        names = ACTORS[self.country][kind]
        index = self._cached(key or f"actor_{kind}", lambda: self.rng.randrange(len(names["en"])))
        options = names.get(self.lang) or names["en"]
        return options[index % len(options)]

    # -- people -------------------------------------------------------------
    def person(
        self,
        key: str,
        role: str,
        group: str | None,
        *,
        female: bool | None = None,
        age: int | None = None,
        consent: str | None = None,
        gender: str | None = None,
    ) -> P:
        def make() -> P:
            f = self.rng.random() < 0.5 if female is None else female
            entry: dict = {
                "name": self.gen.names.new(self.rng, self.country, self.lang, f),
                "role": role,
                "consent": consent or self.gen.consent(role),
            }
            if group:
                entry["group"] = group
            if gender or self.rng.random() < 0.45:
                entry["gender"] = gender or ("female" if f else "male")
            years = age
            if years is None and role == "victim" and self.rng.random() < 0.35:
                years = self.rng.randint(*AGES.get(group or "", (23, 67)))
            if years is not None:
                entry["age"] = years
            return P(entry, f)

        p = self._cached(key, make)
        self._register(p)
        return p

    def known(self, key: str, role: str) -> P:
        """A person who recurs across records (same consent everywhere)."""
        names, female, group, consent = RECURRING[self.country][key]
        name = names.get(self.lang) or names["en"]
        entry = {
            "name": name,
            "role": role,
            "consent": consent,
            "group": group,
            "gender": "female" if female else "male",
        }
        p = P(entry, female)
        if all(e["name"] != name for e in self.persons):
            self.gen.consents[consent] += 1  # fixed consent still counts towards the mix
        self._register(p)
        return p

    def _register(self, p: P) -> None:
        if all(e["name"] != p.name for e in self.persons):
            self.persons.append(dict(p.entry))

    def age(self, p: P) -> int:
        return p.entry.get("age") or self.n(f"_age_{p.name}", 24, 58)

    def g(self, p: P, female: str, male: str) -> str:
        return female if p.female else male

    def arv(self, key: str, female: str, male: str) -> str:
        """An Arabic verb agreeing with an institution's grammatical gender."""
        return female if AR_FEMININE.get((self.country, key), True) else male

    def fig(self, **values: int) -> None:
        self.figures.update(values)


# ---------------------------------------------------------------------------
# Templates: registered per topic (the record's main category) and language.
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Tpl:
    fn: object
    cats: tuple[str, ...]
    only: str | None  # a country code, or None for both
    twin: str | None  # a twin-group label: templates that share fact keys
    period: bool = False  # the text sums up a period (a range or a month), not one day


TEMPLATES: dict[tuple[str, str], list[Tpl]] = {}


def T(
    topic: str,
    lang: str = "en",
    *extra: str,
    only: str | None = None,
    twin: str | None = None,
    period: bool = False,
):
    """Register a template: T("assembly", "en", "detention.arbitrary")."""

    def deco(fn):
        TEMPLATES.setdefault((topic, lang), []).append(Tpl(fn, (topic, *extra), only, twin, period))
        return fn

    return deco


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def a_(noun: str) -> str:
    """The noun with its indefinite article: "an Indigenous leader", "a lawyer"."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun


# ===========================================================================
# English templates
# ===========================================================================

# -- Integrity of the person ------------------------------------------------


@T("killing.arbitrary")
def _(c):
    v = c.person(
        "v1", "victim", c.pick("grp", ["farmer", "student", "market vendor"]), female=False
    )
    return (
        f"Man killed in police raid in {c.place()}",
        f"{c.When()}police in {c.place()} shot and killed {v}, a {c.age(v)}-year-old "
        f"{v.group}, during a night raid on his family's home. Relatives said {v} was "
        f"unarmed and asleep; police stated that officers had fired in self-defence. "
        f"{cap(c.w('ombudsman'))} opened an inquiry on {c.later(2, 9)}.",
    )


@T("killing.arbitrary", "en", "assembly")
def _(c):
    v = c.person("v1", "victim", "protester")
    return (
        f"Protester dies after being hit by tear-gas canister in {c.place()}",
        f"{c.When()}{v}, a {c.age(v)}-year-old protester, died after {c.w('special')} fired "
        f"a tear-gas canister at close range during a demonstration in {c.place()}. "
        f"Video reviewed by the organisation shows an officer aiming directly at the crowd. "
        f"No officer had been suspended by the time of this submission.",
    )


@T("killing.arbitrary", "en", "defenders.attacks")
def _(c):
    v = c.person("v1", "victim", "environmental defender")
    return (
        f"Environmental defender shot dead near {c.place()}",
        f"{c.When()}unidentified gunmen shot dead {v}, a leader of the "
        f"{c.actor('community')}, outside {v.her} home near {c.place()}. {v.She} had "
        f"reported threats to police after opposing {c.w('company')}'s plans to expand "
        f"{c.w('mine')}. Police had arrested no suspects {c.nw('wk', 3, 8)} weeks later.",
    )


@T("killing.arbitrary", "en", "torture", "detention.conditions")
def _(c):
    v = c.person("v1", "victim", "detainee", female=False)
    return (
        f"Death in custody at {c.w('prison')}",
        f"{c.When()}{v}, {c.age(v)}, died in {c.w('prison')}, where he had been held "
        f"for {c.nw('mo', 2, 11)} months awaiting trial. Authorities attributed the death "
        f"to heart failure, but relatives who washed the body saw bruising on the back and "
        f"wrists and were refused an independent autopsy.",
    )


@T("killing.extrajudicial", "en", "conflict.abuses")
def _(c):
    w = c.person("w1", "witness", "farmer")
    return (
        f"Detainees allegedly executed at checkpoint near {c.place(tag='conflict')}",
        f"{c.When()}soldiers of {c.w('army')} executed {c.nw('n', 3, 7)} men they had "
        f"detained at a checkpoint near {c.place(tag='conflict')}, according to two "
        f"witnesses interviewed by the organisation, one of them {w}. The bodies were "
        f"found the next morning in a ravine, with hands bound.",
    )


@T("killing.extrajudicial")
def _(c):
    v = c.person(
        "v1", "victim", c.pick("grp", ["youth worker", "taxi driver", "student"]), female=False
    )
    return (
        f"Killing staged as 'exchange of fire' in {c.place()}",
        f"{c.When()}{c.w('special')} killed {v} in {c.place()} in what the "
        f"{c.w('interior')} described as an exchange of fire with criminals. Neighbours "
        f"said {v} had been taken alive from a shop an hour earlier, and photographs seen "
        f"by the organisation show a single gunshot wound to the back of the head.",
    )


@T("killing.extrajudicial", "en", "discrimination.ethnic", period=True)
def _(c):
    n = c.n("n", 9, 23)
    return (
        f"Pattern of killings of young men in {c.place()}",
        f"The organisation documented {n} killings of young men in {c.place()} "
        f"{c.on() or 'during the year'} that witnesses attributed to off-duty police "
        f"officers operating as a 'clean-up' squad. Most victims were from the "
        f"{c.w('minority')} community and had prior minor convictions; prosecutors had "
        f"charged no one.",
    )


@T("disappearance", "en", "detention.arbitrary")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["blogger", "student", "trade unionist"]))
    return (
        f"{cap(v.group)} taken by plainclothes agents in {c.place()}",
        f"{c.When()}men in plain clothes who said they were from {c.w('intel')} took "
        f"{v}, {a_(v.group)}, from {v.her} home in {c.place()}. Authorities deny holding "
        f"{v.him} and {v.her} whereabouts remain unknown. {v.Her} family filed a habeas "
        f"corpus petition on {c.later(3, 12)}.",
    )


@T("disappearance", period=True)
def _(c):
    n = c.n("n", 11, 34)
    return (
        f"{n} new cases of enforced disappearance registered",
        f"The organisation registered {n} new cases of enforced disappearance "
        f"{c.on() or 'during the year'}, most of them young men taken at checkpoints around "
        f"{c.place()}. In {c.nw('k', 3, 8)} cases the person later reappeared in official "
        f"custody after more than a month without contact with family or lawyers.",
    )


@T("disappearance", "en", "defenders.attacks")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    w = c.person("w1", "witness", "family member")
    return (
        f"Defender missing since abduction in {c.place()}",
        f"{c.When()}{v}, who documented land conflicts for {c.actor('ngo')}, was forced "
        f"into an unmarked van in {c.place()}, according to {v.her} sister {w}, who "
        f"witnessed the abduction. Police refused to register a complaint for "
        f"{c.nw('d', 2, 6)} days.",
    )


@T("torture", "en", "detention.arbitrary")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["student", "street vendor", "protester"]))
    return (
        f"Detainee tortured at {c.place()} police station",
        f"{c.When()}officers at the {c.place()} police station beat {v}, "
        f"a {c.age(v)}-year-old {v.group}, with batons and applied electric shocks to "
        f"force a confession, according to {v.her} lawyer. A medical examination on "
        f"{c.later(2, 6)} documented bruising and burns consistent with {v.her} account.",
    )


@T("torture", "en", "detention.conditions")
def _(c):
    v = c.person("v1", "victim", "former detainee")
    return (
        f"Former detainee describes ill-treatment at {c.w('remand')}",
        f"{v}, released {c.on() or 'this year'}, told the organisation that guards at "
        f"{c.w('remand')} held {v.him} in a stress position for {c.nw('h', 6, 14)} hours "
        f"and threatened {v.her} family. {v.She} identified one of the guards by name and "
        f"has filed a complaint with {c.w('ombudsman')}.",
    )


@T("torture", period=True)
def _(c):
    n = c.n("n", 14, 41)
    return (
        f"{n} cases of ill-treatment in police custody documented",
        f"The organisation documented {n} cases of torture or ill-treatment in police "
        f"custody in {c.place()} {c.on() or 'during the year'}, including beatings, "
        f"suffocation with plastic bags and mock executions. Prosecutors opened "
        f"investigations in only {c.nw('k', 2, 5)} of them.",
    )


@T("torture", "en", "killing.arbitrary", "trial.fairness")
def _(c):
    p = c.person("p1", "perpetrator", "police officer")
    v = c.person("v1", "victim", "detainee", female=False)
    return (
        "Court acquits officers in custodial torture case",
        f"{c.When()}{c.w('court')} acquitted Captain {p} and {c.nw('k', 2, 4)} other "
        f"officers charged over the torture of {v}, who suffered permanent kidney damage "
        f"in custody. The judge excluded the forensic report as filed late; the family "
        f"will appeal.",
    )


@T("detention.conditions")
def _(c):
    cap_ = c.n("cap", 600, 1400)
    held = cap_ + c.n("extra", 700, 1900)
    return (
        f"Severe overcrowding at {c.w('prison')}",
        f"{c.When()}a monitoring team from the organisation visited {c.w('prison')}, "
        f"which held {held} prisoners in space built for {cap_}. Inmates reported one "
        f"meal a day and no regular access to clean water, and {c.nw('k', 3, 9)} "
        f"prisoners had died of tuberculosis since January.",
    )


@T("detention.conditions", "en", "detention.pretrial")
def _(c):
    v = c.person("v1", "victim", "detainee")
    return (
        f"Hunger strike at {c.w('remand')}",
        f"{c.When()}{c.nw('n', 30, 140)} detainees at {c.w('remand')} began a hunger strike "
        f"against overcrowding, lack of medical care and the suspension of family visits. "
        f"Authorities transferred alleged organisers, among them {v}, to solitary "
        f"confinement.",
    )


@T("detention.conditions", "en", "discrimination.women")
def _(c):
    w = c.person("w1", "witness", "former prisoner", female=True)
    return (
        f"Conditions for women at {c.w('prison2')}",
        f"A former prisoner, {w}, told the organisation that women at {c.w('prison2')} "
        f"shared cells of {c.nw('n', 14, 20)} with a single latrine and that pregnant "
        f"women received no antenatal care. {w.She} said guards demanded payment for "
        f"sanitary products and blankets.",
    )


@T("detention.arbitrary", "en", "labor.association", twin="detain_union")
def _(c):
    v = c.person("v1", "victim", "trade unionist")
    return (
        f"Union members detained after meeting in {c.place()}",
        f"{c.When()}police in {c.place()} detained {c.nw('n', 7, 19)} members of the "
        f"{c.actor('union')}, including its secretary {v}, as they left a meeting on "
        f"unpaid wages. They were held for {c.n('h', 18, 52)} hours without access to "
        f"lawyers and released without charge.",
    )


@T("detention.arbitrary", "en", "expression.speech")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["academic", "blogger", "human rights defender"]))
    return (
        f"{cap(v.group)} arrested at airport on return from abroad",
        f"{c.When()}agents of {c.w('intel')} arrested {v}, {a_(v.group)}, at {c.w('capital')} "
        f"airport on {v.her} return from a conference abroad. {v.She} was held "
        f"incommunicado for {c.nw('d', 4, 12)} days before being charged with 'spreading "
        f"false news'.",
    )


@T("detention.arbitrary", "en", "discrimination.ethnic")
def _(c):
    n = c.n("n", 40, 160)
    return (
        f"Mass arrests of {c.w('minority')} youths in {c.place()}",
        f"{c.When()}police rounded up {n} people in {c.place()}, most of them young men "
        f"from the {c.w('minority')} community, in what the {c.w('interior')} called a "
        f"preventive operation. The organisation interviewed {c.nw('k', 9, 17)} of those "
        f"held; none had been told why they were arrested.",
    )


@T("detention.arbitrary", "en", "detention.pretrial")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["teacher", "lawyer", "community leader"]))
    return (
        f"Administrative detention without charge in {c.place()}",
        f"{c.When()}the governor of {c.place()} ordered the administrative detention of "
        f"{v}, {a_(v.group)}, for 90 days under the Public Order Decree, which allows "
        f"detention without charge or judicial review. {v.Her} detention was renewed on "
        f"expiry.",
    )


@T("detention.arbitrary", "en", "trial.political-prisoners")
def _(c):
    k = c.known("student" if c.country == "XA" else "blogger", "victim")
    return (
        f"Re-arrest of {k.group} days after release",
        f"{c.When()}police re-arrested {k}, {a_(k.group)} released from {c.w('prison')} "
        f"only {c.nw('d', 4, 11)} days earlier, at a bus station in {c.place()}. "
        f"No arrest warrant was shown, and {k.her} lawyer was not told where {k.she} "
        f"was taken.",
    )


@T("detention.pretrial")
def _(c):
    v = c.person("v1", "victim", "detainee")
    pct = c.n("pct", 38, 71)
    return (
        f"Most {c.w('remand')} detainees held beyond legal limit",
        f"The organisation reviewed the files of {c.n('n', 120, 260)} detainees held at "
        f"{c.w('remand')} and found that {pct} percent had spent more than two years in "
        f"pretrial detention, beyond the legal maximum. One of them, {v}, has waited "
        f"{c.nw('mo', 30, 44)} months for a first hearing.",
    )


@T("detention.pretrial", "en", "trial.fairness")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["student", "journalist", "trade unionist"]))
    return (
        f"Pretrial detention of {v.group} extended again",
        f"{c.When()}{c.w('court')} extended for the fourth time the pretrial detention "
        f"of {v}, {a_(v.group)} held since the previous year on terrorism charges that the "
        f"defence says rest only on social media posts. The court gave no reasons.",
    )


@T("trial.fairness", "en", "trial.political-prisoners")
def _(c):
    v = c.person("v1", "victim", "opposition activist")
    n = c.n("n", 4, 11)
    return (
        f"{n + 1} opposition activists convicted after one-day closed trial",
        f"{c.When()}{c.w('court')} convicted {v} and {n} co-defendants of 'undermining "
        f"the constitutional order' after a one-day trial closed to the public and to "
        f"diplomats. Defence lawyers received the case file only the night before the "
        f"hearing. Sentences ranged from **{c.n('lo', 3, 6)} to {c.n('hi', 9, 15)} "
        f"years**.",
    )


@T("trial.fairness", "en", "torture", period=True)
def _(c):
    n = c.n("n", 25, 60)
    return (
        f"Trial monitoring in {c.place()}: confessions under duress admitted",
        f"The organisation monitored {n} criminal hearings in {c.place()} "
        f"{c.on() or 'during the year'}. In {c.nw('k', 8, 19)} of them the defendant had "
        f"no lawyer present, and judges admitted confessions that defendants said had "
        f"been extracted under duress.",
    )


@T("trial.fairness", "en", "detention.pretrial", only="XB")
def _(c):
    v = c.person("v1", "victim", "civil engineer")
    return (
        "Civilian tried before military court",
        f"{c.When()}a military court in {c.place()} sentenced {v}, a civilian, to "
        f"{c.nw('y', 5, 12)} years for 'aiding insurgents' after {v.she} repaired a water "
        f"pump in a village held by {c.w('armed_group')}. {v.She} had been held for "
        f"{c.nw('mo', 9, 20)} months before trial and met {v.her} lawyer once.",
    )


@T("trial.political-prisoners")
def _(c):
    k = c.known("lawyer" if c.country == "XA" else "defender", "victim")
    return (
        f"Appeal court upholds sentence of {k.group}",
        f"{c.When()}{c.w('supreme')} upheld the {c.nw('y', 5, 9)}-year sentence of {k}, "
        f"{a_(k.group)} convicted over {k.her} public advocacy for detainees. The "
        f"organisation considers {k.him} one of {c.n('n', 60, 140)} political prisoners "
        f"in {c.w('country')}.",
    )


@T("trial.political-prisoners", "en", "detention.conditions")
def _(c):
    v1 = c.person("v1", "victim", "opposition politician")
    v2 = c.person("v2", "victim", "student")
    return (
        "Updated list of political prisoners published",
        f"{c.When()}the organisation published its updated list of "
        f"{c.n('n', 70, 150)} political prisoners, including {v1} and {v2}. Both are held "
        f"in {c.w('prison')}, where relatives say they are denied medical care and "
        f"visits are limited to ten minutes a month.",
    )


@T("transnational-repression", "en", "privacy.interference")
def _(c):
    v = c.person("v1", "victim", "exiled dissident")
    return (
        "Relatives of exiled dissident summoned and threatened",
        f"{c.When()}{v}, a {c.w('people')} dissident living in exile, told the "
        f"organisation that {c.w('intel')} summoned {v.her} parents in {c.place()} and "
        f"told them to persuade {v.him} to stop {v.her} online commentary. Days later "
        f"{v.her} brother was dismissed from his job at the port authority.",
    )


@T("transnational-repression", "en", "expression.press")
def _(c):
    v = c.person("v1", "victim", "journalist")
    return (
        "Extradition sought against exiled journalist",
        f"{c.When()}authorities requested an international arrest notice against {v}, "
        f"an exiled journalist whose outlet reports on corruption, on fraud charges the "
        f"organisation considers politically motivated. {v.She} reports being followed "
        f"in {v.her} country of residence.",
    )


@T("transnational-repression", "en", "civic.hacking", period=True)
def _(c):
    n = c.n("n", 6, 14)
    return (
        "Spyware targeting of diaspora activists",
        f"{c.When()}forensic analysis by the organisation found spyware on the phones of "
        f"{n} {c.w('people')} activists living abroad. The "
        f"infrastructure matches servers previously linked to {c.w('intel')}.",
    )


@T("property.seizure", "en", "discrimination.indigenous", "business.conduct")
def _(c):
    n = c.n("n", 18, 65)
    return (
        f"{c.w('indigenous')} homes demolished for plantation in {c.place()}",
        f"{c.When()}authorities in {c.place(tag='indigenous')} demolished {n} homes "
        f"belonging to {c.w('indigenous')} families to make way for a "
        f"{c.w('company2')} plantation, without the consultation or compensation the law "
        f"requires. Families said police gave them two hours to remove belongings.",
    )


@T("property.seizure", "en", "association")
def _(c):
    org = c.actor("ngo")
    return (
        "NGO offices and accounts confiscated",
        f"{c.When()}the {c.w('interior')} confiscated the offices, vehicles and bank "
        f"accounts of {org} under {c.w('ngo_law')}, citing unpaid registration fees. The "
        f"organisation had not been notified of any proceedings and has appealed.",
    )


@T("property.seizure", "en", "displacement")
def _(c):
    n = c.n("n", 120, 900)
    return (
        "No restitution for families evicted in earlier conflict",
        f"{c.When()}the organisation reported that {n} families who fled "
        f"{c.w('conflict_region')} have still not recovered land now occupied by others. The "
        f"restitution commission created in 2019 has resolved {c.nw('k', 4, 20)} of "
        f"{n + c.n('m', 200, 600)} claims.",
    )


@T("privacy.interference", "en", "civic.hacking")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["journalist", "lawyer", "human rights defender"]))
    return (
        f"Warrantless search of {v.group}'s home",
        f"{c.When()}police searched the home of {v}, {a_(v.group)}, in {c.place()} without "
        f"a warrant, seizing laptops, notebooks and {v.her} children's tablets. The "
        f"devices had not been returned {c.nw('wk', 3, 9)} weeks later.",
    )


@T("privacy.interference", "en", "trial.political-prisoners")
def _(c):
    v = c.person("v1", "victim", "political prisoner")
    return (
        "Prisoner's correspondence with lawyers monitored",
        f"{v}, held in {c.w('prison')}, told {v.her} family that guards open letters from "
        f"{v.her} lawyers and sit in on their meetings. The organisation considers this "
        f"a violation of lawyer-client privilege and has raised it with "
        f"{c.w('ombudsman')}.",
    )


@T("privacy.interference", "en", "civic.surveillance")
def _(c):
    return (
        f"Police collect biometric data door to door in {c.place()}",
        f"{c.When()}police officers went door to door in {c.place()} collecting "
        f"fingerprints and facial photographs of residents aged over 14, without a legal "
        f"basis or information on how the data will be used. Residents who refused were "
        f"told they could lose access to social benefits.",
    )


@T("conflict.abuses", "en", "killing.arbitrary", only="XA")
def _(c):
    n = c.n("n", 5, 14)
    return (
        f"Armed group attack on village in {c.w('conflict_region')}",
        f"{c.When()}fighters of {c.w('armed_group')} attacked a village in "
        f"{c.at('conflict_region')}, killing {n} civilians accused of informing for the "
        f"army and burning {c.nw('k', 8, 20)} houses. Survivors fled to "
        f"{c.place('place2', tag='urban')}.",
    )


@T("conflict.abuses", "en", only="XB")
def _(c):
    n = c.n("n", 6, 21)
    return (
        "Airstrike on market in Wadi Selan",
        f"{c.When()}an airstrike by {c.w('army')} hit a market in {c.w('conflict_region')}, "
        f"killing {n} civilians, including {c.nw('k', 2, 5)} children. Residents said no "
        f"fighters were present; the army said it targeted an insurgent meeting.",
    )


@T("conflict.abuses", "en", "discrimination.children", period=True)
def _(c):
    n = c.n("n", 14, 60)
    return (
        f"Child recruitment by {c.w('armed_group')}",
        f"The organisation documented the recruitment of {n} children, some as young as "
        f"{c.nw('a', 12, 14)}, by {c.w('armed_group')} in {c.w('conflict_region')} "
        f"{c.on() or 'during the year'}. Families said fighters demanded one child per "
        f"household.",
    )


@T("conflict.abuses", "en", "movement")
def _(c):
    return (
        f"Landmines block access to fields in {c.w('conflict_region')}",
        f"{c.When()}{c.nw('n', 2, 6)} farmers were killed by landmines laid near "
        f"irrigation channels in {c.w('conflict_region')}. Residents can no longer reach "
        f"their fields, and neither the army nor the armed group has shared maps of "
        f"mined areas.",
    )


@T("conflict.sexual-violence", "en", "conflict.abuses", "discrimination.women")
def _(c):
    n = c.n("n", 3, 9)
    return (
        f"Sexual violence at checkpoint near {c.place(tag='conflict')}",
        f"{c.When()}the organisation documented the rape of {n} women by soldiers at a "
        f"checkpoint near {c.place(tag='conflict')}. Survivors said they were detained "
        f"for lacking identity papers; none has filed a complaint for fear of reprisals.",
    )


@T("conflict.sexual-violence", period=True)
def _(c):
    v = c.person("v1", "victim", "survivor", female=True)
    return (
        "Survivor describes captivity by armed group",
        f"A survivor, {v}, told the organisation that fighters of {c.w('armed_group')} "
        f"held her and {c.nw('k', 2, 6)} other women for {c.nw('d', 9, 30)} days "
        f"{c.on()} and subjected them to repeated sexual violence. She now lives in a "
        f"displacement camp without access to medical or psychological care.",
    )


@T(
    "population-control.coercion",
    "en",
    "discrimination.indigenous",
    "discrimination.women",
    only="XA",
)
def _(c):
    v = c.person("v1", "victim", "Indigenous woman", female=True)
    return (
        f"Non-consensual sterilisations of {c.w('indigenous')} women",
        f"{c.When()}the organisation documented that {c.n('n', 9, 40)} women from "
        f"{c.w('indigenous')} communities in {c.place(tag='indigenous')} were sterilised "
        f"after caesarean deliveries at "
        f"the public hospital without informed consent. {v}, {c.age(v)}, said she learned "
        f"of the procedure only months later when she sought fertility treatment.",
    )


@T("population-control.coercion", "en", "discrimination.ethnic", only="XB")
def _(c):
    return (
        "Child benefits tied to contraceptive implants",
        f"{c.When()}health officials in {c.place()} made access to child benefits "
        f"conditional on {c.w('minority')} women accepting long-acting contraceptive "
        f"implants, according to women interviewed by the organisation. Officials denied "
        f"any such policy.",
    )


@T("population-control.coercion", "en", "discrimination.women")
def _(c):
    n = c.n("n", 150, 400)
    return (
        "Sterilisation quotas for district health workers",
        f"Under a family planning drive launched {c.on() or 'this year'}, district health "
        f"workers in {c.place(tag='rural')} were given monthly quotas of "
        f"{n} 'acceptors' of sterilisation and warned their pay would be cut if they fell "
        f"short. Women reported being offered food parcels to consent.",
    )


# -- Civil liberties --------------------------------------------------------


@T("expression.speech", "en", "civic.lawsuits")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["schoolteacher", "retired engineer", "nurse"]))
    fine = c.n("fine", 3, 40) * 1000
    return (
        f"Fine for social media post criticising mayor of {c.place()}",
        f"{c.When()}a court in {c.place()} fined {v}, {a_(v.group)}, {fine:,} "
        f"{c.w('currency')} for 'insulting a public official' over a social media post "
        f"criticising the mayor's response to the floods. The complaint was filed by the "
        f"mayor's office the day after the post.",
    )


@T("expression.speech", "en", "detention.arbitrary", "expression.academic")
def _(c):
    v = c.person("v1", "victim", "musician", female=False)
    return (
        f"Rapper arrested after concert in {c.place()}",
        f"{c.When()}{c.w('police')} arrested the rapper {v} after a concert in "
        f"{c.place()} at which he performed a song mocking the {c.w('head')}. He was "
        f"charged with 'incitement' and released on bail after {c.nw('d', 3, 9)} days; "
        f"two other venues then cancelled his shows.",
    )


@T("expression.speech", "en", only="XB", period=True)
def _(c):
    n = c.n("n", 12, 37)
    return (
        "Prosecutions for 'offending the dignity of the Crown'",
        f"The organisation counted {n} prosecutions under article 207 of the Penal Code, "
        f"which criminalises 'offending the dignity of the Crown', "
        f"{c.on() or 'during the year'}. Most concerned comments on messaging apps; "
        f"{c.nw('k', 4, 9)} defendants received prison terms of one year or more.",
    )


@T("expression.speech", "en", "elections", only="XA")
def _(c):
    return (
        "Decree restricts 'disinformation' ahead of elections",
        f"{c.When()}the government issued a decree allowing {c.w('election_body')} to "
        f"order the removal of online content it deems 'electoral disinformation' within "
        f"six hours, with no appeal. Press groups said the wording covers ordinary "
        f"criticism of candidates.",
    )


@T("expression.press", twin="press_attack")
def _(c):
    v = c.person("v1", "victim", "journalist")
    outlet = c.actor("outlet")
    return (
        f"Journalist beaten while covering protest in {c.place()}",
        f"{c.When()}police beat the journalist {v} of {outlet} while {v.she} was filming "
        f"the dispersal of a protest in {c.place()}, and deleted the footage from {v.her} "
        f"camera. {v.She} was treated in hospital for a broken wrist.",
    )


@T("expression.press", "en", "ngo.access")
def _(c):
    outlet = c.actor("outlet")
    return (
        f"Broadcast licence of {outlet} suspended",
        f"{c.When()}the broadcasting regulator suspended the licence of {outlet} for "
        f"{c.nw('d', 15, 45)} days after it aired an interview with a member of "
        f"{c.w('party')}. The regulator cited 'threats to public order' but gave no "
        f"details of the content concerned.",
    )


@T("expression.press", "en", "corruption")
def _(c):
    v = c.person("v1", "victim", "journalist")
    return (
        "Editor sentenced over procurement reporting",
        f"{c.When()}{c.w('court')} sentenced the editor {v} to {c.nw('y', 2, 5)} years "
        f"in prison for criminal defamation over a series of articles on procurement "
        f"contracts at the {c.w('interior')}. The articles relied on leaked invoices that "
        f"the ministry has not disputed.",
    )


@T("expression.press", period=True)
def _(c):
    n = c.n("n", 24, 70)
    m = c.n("m", 10, 22)
    return (
        "Attacks on journalists rise",
        f"The organisation recorded {n} attacks on journalists and media workers "
        f"{c.on() or 'in the first half of the year'}, compared with {m} in the same "
        f"period a year earlier. Police officers were the alleged perpetrators in "
        f"{c.nw('k', 8, 19)} cases; none has led to a conviction.",
    )


@T("expression.press", "en", "civic.surveillance")
def _(c):
    v = c.person("v1", "victim", "journalist")
    return (
        "Tracking device found on investigative reporter's car",
        f"{c.When()}the investigative reporter {v} found a GPS tracking device under "
        f"{v.her} car, weeks after publishing an article on contracts for {c.w('mine')}. "
        f"Police declined to investigate, telling {v.him} the device was 'probably "
        f"commercial'.",
    )


@T("expression.press", "en", "expression.internet", only="XB")
def _(c):
    outlet = c.actor("outlet")
    return (
        f"Website of {outlet} blocked",
        f"{c.When()}internet providers blocked the website of {outlet} on the orders of "
        f"the {c.w('interior')}, days after it reported on casualties in "
        f"{c.w('conflict_region')}. The outlet now publishes through mirror sites.",
    )


@T("expression.internet", "en", "assembly")
def _(c):
    return (
        f"Mobile internet shut down in {c.place()} during protests",
        f"{c.When()}authorities cut mobile internet in {c.place()} for "
        f"{c.nw('d', 2, 9)} days while protests over water shortages continued. Network "
        f"measurements collected by the organisation showed the outage began an hour "
        f"before a planned march and ended when it was called off.",
    )


@T("expression.internet", "en", "expression.press")
def _(c):
    n = c.n("n", 30, 210)
    return (
        f"{n} websites blocked under {c.w('cyber_law')}",
        f"{c.When()}the telecommunications authority ordered the blocking of {n} "
        f"websites under {c.w('cyber_law')}, including news sites, a women's health forum "
        f"and two virtual private network providers. No court order was issued.",
    )


@T("expression.internet", "en", "expression.speech")
def _(c):
    v = c.person("v1", "victim", "blogger")
    return (
        f"Blogger sentenced under {c.w('cyber_law')}",
        f"{c.When()}a court in {c.place()} sentenced the blogger {v} to "
        f"{c.nw('mo', 8, 30)} months in prison under {c.w('cyber_law')} for posts "
        f"alleging nepotism in local hiring. The judge ordered {v.her} accounts closed.",
    )


@T("expression.academic")
def _(c):
    return (
        f"{c.w('univ')} cancels conference after ministry call",
        f"{c.When()}{c.w('univ')} cancelled a conference on land rights and historical "
        f"memory two days before it was due to open, after a call from the ministry of "
        f"education. Organisers said speakers from {c.actor('ngo')} had been named in "
        f"the call.",
    )


@T("expression.academic", "en", "labor.discrimination")
def _(c):
    v = c.person("v1", "victim", "academic")
    return (
        "Sociologist dismissed after publishing study",
        f"{c.When()}{c.w('univ')} dismissed the sociologist {v} after {v.she} published a "
        f"study on police killings in {c.place()}. The dismissal letter cited 'conduct "
        f"incompatible with the institution's neutrality'.",
    )


@T("expression.academic", "en", "expression.speech")
def _(c):
    return (
        f"Film screening and book fair events banned in {c.place()}",
        f"{c.When()}the governor of {c.place()} banned the screening of a documentary on "
        f"{c.w('minority')} history and the launch of {c.nw('k', 2, 4)} books at the local "
        f"book fair, citing 'risk to social harmony'.",
    )


@T("assembly", "en", "detention.arbitrary", twin="protest")
def _(c):
    v = c.person("v1", "victim", "protester")
    return (
        f"Peaceful march dispersed with tear gas in {c.place()}",
        f"{c.When()}{c.w('special')} used tear gas and rubber bullets to disperse a "
        f"peaceful march of about {c.n('n', 300, 4000):,} people in {c.place()} organised "
        f"by {c.actor('movement')}. The organisation documented {c.n('inj', 12, 60)} "
        f"injuries and {c.n('arr', 8, 45)} arrests, among them {v}.",
    )


@T("assembly")
def _(c):
    return (
        f"March by {c.actor('movement')} refused permission",
        f"{c.When()}the governor of {c.place()} refused permission for a march by "
        f"{c.actor('movement')}, citing 'public order', the {ORD_EN[c.n('k', 3, 6)]} "
        f"refusal this year. The organisers had "
        f"proposed a route away from government buildings.",
    )


@T("assembly", "en", "detention.arbitrary", "expression.academic")
def _(c):
    v = c.person("v1", "victim", "student")
    return (
        f"Students arrested at sit-in at {c.w('univ')}",
        f"{c.When()}police entered the campus of {c.w('univ')} and arrested "
        f"{c.nw('n', 12, 40)} students holding a sit-in against tuition increases, "
        f"including the student union president {v}. University rules require the "
        f"rector's consent for police to enter campus; it had not been given.",
    )


@T("assembly", "en", "civic.lawsuits")
def _(c):
    n = c.n("n", 6, 18)
    return (
        "Protest organisers charged with 'unlawful assembly'",
        f"{c.When()}prosecutors charged {n} organisers of the water protests in "
        f"{c.place()} with 'unlawful assembly' and 'obstructing traffic', offences "
        f"carrying up to {c.nw('y', 2, 4)} years in prison. The protests had been "
        f"notified to the municipality in advance.",
    )


@T("assembly", "en", "civic.registration", only="XB")
def _(c):
    return (
        "Vigil dispersed under Public Gatherings Law",
        f"{c.When()}police dispersed a candlelight vigil by {c.actor('movement')} in "
        f"{c.place()} under the Public Gatherings Law, which requires 72 hours' notice "
        f"and Interior Ministry approval for any gathering of more than "
        f"{c.nw('n', 5, 20)} people. Participants' names were recorded.",
    )


@T("assembly", "en", "defenders.protection", only="XA")
def _(c):
    return (
        f"Large march in {c.place()} passes peacefully",
        f"{c.When()}about {c.n('n', 5, 30) * 1000:,} people marched in {c.place()} for "
        f"the {c.actor('movement')} without incident. The organisation noted that police "
        f"followed the new protocol on the policing of demonstrations, kept a distance and "
        f"facilitated traffic.",
    )


@T("association", "en", "civic.registration")
def _(c):
    org = c.actor("ngo")
    return (
        "NGO dissolved for 'political activity'",
        f"{c.When()}a court ordered the dissolution of {org} at the request of the "
        f"{c.w('interior')}, which accused it of 'engaging in political activity' by "
        f"publishing a report on detention conditions. The group has appealed.",
    )


@T("association", "en", "discrimination.lgbtqi")
def _(c):
    org = c.actor("lgbt")
    return (
        f"Registration of {org} refused again",
        f"{c.When()}the registrar rejected for the {ORD_EN[c.n('k', 2, 4)]} time the "
        f"application of {org} to register as an association, stating that its aims "
        f"were 'contrary to public morals'. Without registration the group cannot rent "
        f"an office or open a bank account.",
    )


@T("association", "en", "labor.association")
def _(c):
    return (
        "Independent union denied registration",
        f"{c.When()}the {c.w('labour_ministry')} refused to register an independent "
        f"union of {c.n('n', 300, 1200)} workers at {c.w('mine')}, saying a union "
        f"affiliated with {c.w('ruling_party')} already represented them.",
    )


@T("movement", "en", "defenders.attacks", "ngo.access")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    return (
        "Defender stopped from travelling to UN session",
        f"{c.When()}border police at {c.w('capital')} airport prevented {v}, a human "
        f"rights defender, from boarding a flight to Geneva, where {v.she} was due to "
        f"speak at a UN Human Rights Council side event. Officers cited an unspecified "
        f"travel ban.",
    )


@T("movement", "en", "conflict.abuses", period=True)
def _(c):
    return (
        f"Checkpoints cut off villages in {c.w('conflict_region')}",
        f"{c.When()}{c.nw('n', 9, 20)} army checkpoints around {c.at('conflict_region')} "
        f"limited movement to daylight hours and required a pass for each trip. Patients "
        f"needing dialysis missed treatment.",
    )


@T("movement", "en", "privacy.interference", period=True)
def _(c):
    n = c.n("n", 20, 80)
    return (
        "Travel bans on relatives of activists",
        f"The organisation documented {n} travel bans {c.on() or 'this year'} on "
        f"relatives of jailed or exiled activists, imposed without court orders. Those "
        f"affected learned of the bans only at the airport.",
    )


@T("refugees", "en", "detention.conditions")
def _(c):
    n = c.n("n", 140, 480)
    return (
        f"Conditions at {c.w('immigration_centre')}",
        f"{c.When()}{c.at('immigration_centre')} held {n} asylum seekers, including "
        f"{c.nw('k', 20, 70)} children, in a facility built for {n // 2}. Detainees "
        f"told the organisation they had no access to the asylum procedure or to "
        f"lawyers.",
    )


@T("refugees")
def _(c):
    n = c.n("n", 25, 140)
    return (
        f"Asylum seekers returned at the border near {c.place(tag='border')}",
        f"{c.When()}border guards near {c.place(tag='border')} returned {n} people, "
        f"among them families with small children, across the border without assessing "
        f"their protection claims. {c.nw('k', 3, 9)} had registered with UNHCR.",
    )


@T("refugees", "en", "labor.discrimination")
def _(c):
    return (
        "Refugees barred from formal employment",
        f"{c.When()}the organisation reported that the {c.n('n', 2, 9) * 1000:,} recognised "
        f"refugees in {c.w('country')} still "
        f"cannot obtain work permits, {c.nw('y', 2, 4)} years after the government "
        f"promised reform. Most work informally in construction and agriculture for "
        f"below the minimum wage.",
    )


@T("displacement", "en", "conflict.abuses")
def _(c):
    n = c.n("n", 20, 90) * 100
    return (
        f"Fighting displaces {n:,} people in {c.w('conflict_region')}",
        f"{c.When()}fighting between {c.w('army')} and {c.w('armed_group')} displaced "
        f"about {n:,} people from villages in {c.at('conflict_region')}. Most are "
        f"sheltering in schools in {c.place('place2', tag='urban')}, where classes have been "
        f"suspended.",
    )


@T("displacement", "en", "discrimination.children")
def _(c):
    n = c.n("n", 800, 3000)
    return (
        "Camp for displaced families lacks water and schooling",
        f"{c.When()}the organisation visited a camp near {c.place()} hosting "
        f"{n:,} internally displaced people. Residents have one water point for every "
        f"{c.n('k', 300, 600)} people, and children have had no schooling since they "
        f"arrived.",
    )


@T("displacement", "en", "property.seizure", "business.conduct")
def _(c):
    n = c.n("n", 60, 240)
    return (
        f"Families evicted for dam project near {c.place()}",
        f"{c.When()}{n} families were evicted from villages near {c.place(tag='rural')} "
        f"to make way for a hydroelectric dam. Resettlement plots lack water, and "
        f"compensation paid so far covers a fraction of land values.",
    )


@T("statelessness", "en", "discrimination.ethnic", only="XB")
def _(c):
    n = c.n("n", 40, 95) * 1000
    return (
        f"About {n:,} Arvani residents without nationality",
        f"About {n:,} {c.w('minority')} residents remain without nationality, according "
        f"to the organisation, because their grandparents were not registered in the 1961 "
        f"census. Their children cannot obtain birth certificates, sit national exams or "
        f"own property.",
    )


@T("statelessness", "en", "discrimination.children")
def _(c):
    return (
        "Children of migrants denied birth registration",
        f"{c.When()}civil registry offices in {c.place()} refused to register the births "
        f"of children of undocumented migrant parents, leaving them at risk of "
        f"statelessness. The organisation is assisting {c.nw('n', 30, 120)} families.",
    )


@T("statelessness", "en", "movement")
def _(c):
    v = c.person("v1", "victim", "stateless person")
    return (
        "Stateless man detained for lack of papers",
        f"{c.When()}police detained {v}, who was born in {c.place()} but has never held "
        f"any nationality, for {c.nw('d', 12, 40)} days for lacking identity documents. "
        f"No country accepts {v.him} for deportation.",
    )


# -- Political process and governance --------------------------------------


@T("elections")
def _(c):
    n = c.n("n", 8, 31)
    return (
        f"{n} opposition candidates disqualified",
        f"{c.When()}{c.w('election_body')} disqualified {n} candidates of "
        f"{c.w('party')} from the upcoming elections over alleged irregularities in "
        f"signature lists. Candidates of {c.w('ruling_party')} with similar errors were "
        f"allowed to correct them.",
    )


@T("elections", "en", "corruption")
def _(c):
    return (
        f"Vote buying and intimidation reported in {c.place()}",
        f"{c.When()}the organisation's {c.n('obs', 20, 140)} observers in {c.place()} "
        f"reported vote buying "
        f"with food parcels and intimidation of voters by local officials "
        f"{c.on() or 'on election day'}. In {c.nw('k', 6, 20)} polling stations, "
        f"observers were expelled before the count.",
    )


@T("elections", "en", "detention.arbitrary")
def _(c):
    v = c.person("v1", "victim", "opposition politician")
    return (
        "Opposition candidate arrested before election",
        f"{c.When()}police arrested {v}, candidate of {c.w('party')} for mayor of "
        f"{c.place()}, on charges of 'misusing public funds' dating from a decade "
        f"earlier. {v.She} was held until after the vote.",
    )


@T("elections", "en", "discrimination.disability")
def _(c):
    n = c.n("n", 55, 85)
    return (
        "Polling stations inaccessible to voters with disabilities",
        f"{c.When()}a survey by the organisation of {c.n('ps', 40, 200)} polling stations in "
        f"{c.place()} found that "
        f"{n} percent had no step-free access and that no ballot guides in Braille were "
        f"available.",
    )


@T("corruption")
def _(c):
    p = c.person("p1", "perpetrator", "former mayor")
    return (
        f"Former mayor of {c.place()} charged with embezzlement",
        f"{c.When()}prosecutors charged {p}, former mayor of {c.place()}, with embezzling "
        f"{c.n('n', 3, 40)} million {c.w('currency')} earmarked for flood reconstruction. "
        f"It is the first such case against a member of {c.w('ruling_party')} in "
        f"{c.nw('y', 4, 9)} years.",
    )


@T("corruption", "en", "expression.press")
def _(c):
    pct = c.n("pct", 18, 46)
    return (
        "Audit finds unaccounted public funds",
        f"An audit report leaked to {c.actor('outlet')} {c.on()} showed that {pct} "
        f"percent of funds for school meals in {c.place()} could not be accounted for. "
        f"The reporter who published it was questioned by police about the source.",
    )


@T("corruption", "en", "trial.fairness")
def _(c):
    p = c.person("p1", "perpetrator", "judge")
    return (
        "Judge suspended over bribery allegations",
        f"{c.When()}the judicial council suspended Judge {p} of {c.place()} after "
        f"recordings surfaced of {p.him} negotiating payments for favourable bail "
        f"decisions. The organisation said at least {c.nw('n', 6, 15)} detainees had "
        f"been held because their families could not pay.",
    )


@T("ngo.access", "en", "defenders.attacks")
def _(c):
    return (
        "UN Special Rapporteur's visit postponed again",
        f"{c.When()}the government again postponed the visit of the UN Special "
        f"Rapporteur on human rights defenders, first requested {c.nw('y', 3, 6)} years "
        f"ago, citing 'scheduling constraints'.",
    )


@T("ngo.access", "en", "detention.conditions")
def _(c):
    return (
        "Prison visits by monitors suspended",
        f"{c.When()}the prison administration suspended monitoring visits by "
        f"{c.actor('ngo')} to {c.at('prison')} until further notice, days after the group "
        f"published findings on overcrowding. The International Committee of the Red "
        f"Cross retained access.",
    )


@T("ngo.access")
def _(c):
    n = c.n("n", 6, 19)
    return (
        "Government silent on UN communications",
        f"{c.When()}the organisation noted that the government had not replied to {n} "
        f"communications from UN special procedures sent since January, including "
        f"urgent appeals on {c.nw('k', 3, 8)} detained defenders. It also reported that "
        f"its own requests to meet the {c.w('interior')} went unanswered.",
    )


@T("ngo.access", "en", "civic.dialogue", only="XA")
def _(c):
    return (
        "Ombudsman opens regional office and invites NGOs",
        f"{c.When()}{c.w('ombudsman')} opened a regional office in {c.place()} and "
        f"signed a cooperation agreement with {c.nw('n', 8, 25)} local organisations for "
        f"joint monitoring of detention facilities.",
    )


# -- Civic space and defenders ---------------------------------------------


@T("defenders.attacks", twin="defender_shot")
def _(c):
    v = c.person(
        "v1",
        "victim",
        c.pick("grp", ["environmental defender", "human rights defender", "Indigenous leader"]),
    )
    return (
        f"Shots fired at defender's car near {c.place()}",
        f"{c.When()}two men on a motorcycle fired at the car of {v}, {a_(v.group)} who "
        f"leads {c.actor('ngo')}'s campaign against illegal logging, on a road outside "
        f"{c.place()}. {v.She} was unhurt. It was the {ORD_EN[c.n('k', 2, 4)]} attack on "
        f"{v.him} since {v.she} testified before {c.w('ombudsman')}.",
    )


@T("defenders.attacks", "en", "defenders.protection")
def _(c):
    v = c.person(
        "v1", "victim", c.pick("grp", ["woman human rights defender", "lawyer"]), female=True
    )
    return (
        f"Death threats against {v.group} in {c.place()}",
        f"{c.When()}{v}, {a_(v.group)} in {c.place()}, received {c.nw('n', 3, 9)} death "
        f"threats by text message after she represented families of detainees. Police "
        f"registered her complaint but have not requested the phone records.",
    )


@T("defenders.attacks", "en", "civic.hacking")
def _(c):
    org = c.actor("ngo")
    return (
        "Break-in at NGO office; case files taken",
        f"{c.When()}unknown persons broke into the office of {org} in {c.place()} and "
        f"took {c.nw('n', 2, 6)} laptops, a hard drive and case files on torture "
        f"complaints, leaving cash and other valuables untouched. The alarm system had "
        f"been disabled.",
    )


@T("defenders.attacks", "en", "expression.speech", period=True)
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    return (
        "Smear campaign labels defender a 'foreign agent'",
        f"{c.When()}pro-government accounts published {c.n('n', 200, 900)} posts "
        f"labelling {v}, who leads {c.actor('ngo')}, a "
        f"'foreign agent' and sharing {v.her} home address. A state television presenter "
        f"repeated the claims on air.",
    )


@T("defenders.attacks", "en", "privacy.interference")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    w = c.person("w1", "victim", "family member")
    return (
        "Relatives of defender questioned by intelligence officers",
        f"{c.When()}officers of {c.w('intel')} questioned {w}, the mother of the defender "
        f"{v}, for {c.nw('h', 3, 7)} hours about {v.her} work and contacts with "
        f"foreign embassies. The defender says the aim was to pressure {v.him} through "
        f"{v.her} family.",
    )


@T("defenders.attacks", "en", "civic.lawsuits", only="XB")
def _(c):
    k = c.known("defender", "victim")
    return (
        "Travel ban and new charges against Yusra Al-Selani",
        f"{c.When()}prosecutors brought new charges of 'receiving foreign funds without "
        f"authorisation' against {k}, whose sentence for her advocacy on behalf of "
        f"Wadi Selan detainees ended last year. A travel ban prevents her from leaving "
        f"the country.",
    )


@T("defenders.protection", "en", only="XA")
def _(c):
    v = c.person("v1", "victim", "Indigenous leader")
    return (
        "Protection mechanism grants measures to Indigenous leader",
        f"{c.When()}the National Protection Mechanism for Human Rights Defenders granted "
        f"{v} a panic button, a satellite phone and police patrols at {v.her} home in "
        f"{c.place(tag='indigenous')}. The mechanism has a backlog of "
        f"{c.n('n', 80, 190)} requests.",
    )


@T("defenders.protection", "en", "defenders.attacks")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    return (
        "Investigation into attack on defender closed without suspects",
        f"{c.When()}prosecutors closed the investigation into the beating of {v} "
        f"without identifying suspects, although {v.she} had given them the registration "
        f"number of the car used. The organisation has asked for the case to be "
        f"reopened.",
    )


@T("defenders.protection", "en", only="XB")
def _(c):
    return (
        "No protection mechanism for defenders",
        f"{c.When()}the organisation noted that {c.w('country')} still has no protection "
        f"mechanism "
        f"for defenders and that {c.nw('n', 6, 15)} complaints of threats filed with the "
        f"police this year produced no investigation.",
    )


@T("defenders.protection", "en", "trial.fairness")
def _(c):
    p = c.person("p1", "perpetrator", "landowner")
    return (
        "Conviction for murder of land defender",
        f"{c.When()}a court in {c.place()} convicted {c.nw('n', 2, 3)} gunmen of the "
        f"murder of a land defender and, for the first time, the landowner who ordered "
        f"the killing, {p}. The organisation welcomed the verdict.",
    )


@T("civic.registration", "en", "association")
def _(c):
    k = c.n("k", 40, 140)
    return (
        f"{c.w('ngo_law')}: re-registration deadline",
        f"{c.When()}{c.w('ngo_law')} came into force, requiring all NGOs to re-register "
        f"within {c.nw('n', 60, 90)} days and disclose the names of all donors and "
        f"beneficiaries. Of the groups the organisation assisted, {k} of "
        f"{k + c.n('m', 30, 90)} had been refused or were still waiting.",
    )


@T("civic.registration")
def _(c):
    return (
        "Women's rights group waits 14 months for registration",
        f"{c.When()}a women's rights group in {c.place()} told the organisation it had "
        f"waited fourteen months for a decision on its registration, after submitting "
        f"documents {c.nw('k', 4, 6)} times at the registrar's request.",
    )


@T("civic.funding", "en", "association")
def _(c):
    pct = c.n("pct", 20, 35)
    return (
        "Cap on foreign funding for NGOs",
        f"{c.When()}{c.w('legislature')} adopted amendments to {c.w('ngo_law')} capping "
        f"foreign funding at {pct} percent of an organisation's annual budget and "
        f"requiring prior approval of each grant by the {c.w('interior')}.",
    )


@T("civic.funding", "en", "civic.lawsuits")
def _(c):
    org = c.actor("ngo")
    return (
        "Bank accounts of NGO frozen over foreign grant",
        f"{c.When()}the central bank froze the accounts of {org} over a grant from a "
        f"European foundation for legal aid to detainees. Staff have not been paid for "
        f"{c.nw('mo', 2, 5)} months.",
    )


@T("civic.lawsuits", "en", "business.conduct")
def _(c):
    v = c.person("v1", "victim", "environmental defender")
    return (
        f"{c.w('company')} sues defender over pollution report",
        f"{c.When()}{c.w('company')} filed a defamation suit seeking "
        f"{c.n('n', 2, 15)} million {c.w('currency')} in damages against {v} over a "
        f"report on river pollution downstream of {c.w('mine')}. The organisation "
        f"describes the suit as a strategic lawsuit against public participation.",
    )


@T("civic.lawsuits", "en", "defenders.attacks")
def _(c):
    v = c.person("v1", "victim", "human rights defender")
    return (
        "Money-laundering charges against defender",
        f"{c.When()}prosecutors charged {v}, director of {c.actor('ngo')}, with 'money "
        f"laundering' over transfers from an international donor that the organisation "
        f"had declared to the authorities. If convicted, {v.she} faces up to "
        f"{c.nw('y', 8, 12)} years.",
    )


@T("civic.lawsuits", "en", "assembly")
def _(c):
    k = c.known("leader" if c.country == "XA" else "lawyer", "victim")
    return (
        f"Criminal complaint against {k.group} dismissed after two years",
        f"{c.When()}a court dismissed the criminal complaint for 'obstructing public works' "
        f"against {k}, brought after a protest in {c.place()} two years earlier. "
        f"{k.She} had been required to report to police weekly in the meantime.",
    )


@T("civic.surveillance", "en", "civic.hacking")
def _(c):
    v = c.person("v1", "victim", c.pick("grp", ["journalist", "human rights defender", "lawyer"]))
    return (
        "Spyware found on defender's phone",
        f"{c.When()}forensic analysis by the organisation confirmed that the phone of "
        f"{v}, {a_(v.group)}, had been infected with commercial spyware on at least "
        f"{c.nw('n', 3, 7)} occasions. Infections coincided with {v.her} work on cases "
        f"of disappearances.",
    )


@T("civic.surveillance", "en", "assembly")
def _(c):
    return (
        "Plainclothes officers film workshop participants",
        f"{c.When()}plainclothes officers photographed and filmed participants arriving "
        f"at a workshop on the rights of detainees in {c.place()}, and later visited "
        f"{c.nw('n', 3, 8)} of them at home to ask about the organisers.",
    )


@T("civic.surveillance", "en", "privacy.interference")
def _(c):
    n = c.n("n", 200, 900)
    return (
        f"Facial recognition cameras installed in {c.place()}",
        f"{c.When()}the municipality of {c.place()} installed {n} cameras with facial "
        f"recognition in the city centre, linked to a police database. No law regulates "
        f"their use or how long images are kept.",
    )


@T("civic.hacking")
def _(c):
    org = c.actor("ngo")
    return (
        "Devices of NGO staff confiscated at checkpoint",
        f"{c.When()}police at a checkpoint near {c.place()} confiscated the phones and "
        f"laptops of {c.nw('n', 3, 7)} staff of {org} returning from a field visit. The "
        f"devices were returned {c.nw('wk', 2, 6)} weeks later with signs of having been "
        f"accessed.",
    )


@T("civic.hacking", "en", "expression.press")
def _(c):
    outlet = c.actor("outlet")
    return (
        f"Accounts of {outlet} hacked",
        f"{c.When()}the social media accounts of {outlet} were taken over and used to "
        f"publish fabricated statements, after the outlet reported on "
        f"{c.w('special')}. Its editor's email account was accessed the same night.",
    )


@T("civic.dialogue", "en", "civic.participation")
def _(c):
    return (
        "Consultation on national human rights action plan",
        f"{c.When()}the {c.w('interior')} convened {c.n('n', 20, 60)} civil society "
        f"organisations for a consultation on the national human rights action plan. "
        f"Participants welcomed the meeting but noted that {c.actor('ngo')} was not "
        f"invited.",
    )


@T("civic.dialogue", "en", only="XB")
def _(c):
    return (
        "Quarterly dialogue with NGOs cancelled",
        f"{c.When()}the {c.w('interior')} cancelled the quarterly dialogue with civil "
        f"society for the {ORD_EN[c.n('k', 2, 3)]} time, without explanation. NGOs said "
        f"the channel had been their only regular contact with the ministry.",
    )


@T("civic.dialogue", "en", "defenders.protection", only="XA")
def _(c):
    return (
        "Working group with defenders set up",
        f"{c.When()}{c.w('ombudsman')} and the {c.w('interior')} set up a working group "
        f"with {c.nw('n', 8, 14)} defenders' organisations to review threats reported in "
        f"{c.place()}. The first meeting agreed on a monthly schedule.",
    )


@T("civic.participation", "en", "business.conduct")
def _(c):
    return (
        f"Licence for {c.w('mine')} expansion approved without hearing",
        f"{c.When()}authorities approved the environmental licence for the expansion of "
        f"{c.w('mine')} without the public hearing required by law. Residents of "
        f"{c.place()} learned of the decision from the press.",
    )


@T("civic.participation", "en", "elections")
def _(c):
    return (
        "Law passed without public consultation",
        f"{c.When()}{c.w('legislature')} passed the new water code in a single session, "
        f"without the public consultation its own rules require. Farmers' groups had "
        f"asked {c.nw('n', 2, 5)} times to be heard.",
    )


@T("civic.participation", "en", "discrimination.indigenous")
def _(c):
    return (
        "Prior consultation held in Indigenous language",
        f"{c.When()}the {c.w('interior')} held a prior consultation with "
        f"{c.w('indigenous')} communities in {c.place(tag='indigenous')} on a road "
        f"project, with interpretation and {c.nw('n', 3, 5)} sessions. Community "
        f"representatives said their objections were recorded in the minutes.",
    )


@T("business.conduct", "en", "labor.conditions")
def _(c):
    w = c.person("w1", "witness", "mine worker")
    return (
        f"Workers at {c.w('mine')} report unsafe conditions",
        f"{c.When()}{c.nw('nw', 5, 20)} workers at {c.w('mine')}, operated by "
        f"{c.w('company')}, told the organisation "
        f"that safety equipment is deducted from their wages and that "
        f"{c.nw('n', 2, 5)} workers died in a tunnel collapse in the previous weeks. "
        f"One worker, {w}, "
        f"said the company discouraged reporting injuries.",
    )


@T("business.conduct", "en", "defenders.attacks")
def _(c):
    v = c.person("v1", "victim", "community leader")
    return (
        f"Private security guards harass community leaders near {c.place()}",
        f"{c.When()}private security guards employed by {c.w('company2')} detained "
        f"{v}, a community leader opposing the company's land claims near {c.place()}, "
        f"for {c.nw('h', 3, 8)} hours and photographed {v.her} documents.",
    )


@T("business.conduct", "en", "civic.dialogue")
def _(c):
    return (
        f"{c.w('company2')} agrees grievance mechanism with communities",
        f"{c.When()}{c.w('company2')} signed an agreement with {c.actor('community')} "
        f"establishing a grievance mechanism with an independent mediator, after "
        f"{c.nw('n', 2, 4)} years of disputes over water use.",
    )


# -- Discrimination and societal abuses ----------------------------------------


@T("discrimination.women", period=True)
def _(c):
    n = c.n("n", 40, 130)
    return (
        "Femicides recorded",
        f"The organisation recorded {n} femicides {c.on() or 'in the first nine months'}. "
        f"In {c.nw('k', 9, 30)} cases the victim had previously filed a complaint against "
        f"the perpetrator, and in only {c.nw('j', 2, 8)} had a protection order been "
        f"issued.",
    )


@T("discrimination.women", "en", "labor.discrimination")
def _(c):
    v = c.person("v1", "victim", "factory worker", female=True)
    return (
        "Worker dismissed after announcing pregnancy",
        f"{c.When()}{v}, a worker at a garment factory in {c.place()}, was dismissed "
        f"days after announcing her pregnancy. The labour inspectorate found "
        f"{c.nw('n', 4, 11)} similar dismissals at the same factory.",
    )


@T("discrimination.women")
def _(c):
    return (
        f"Women's shelter in {c.place()} closes",
        f"{c.When()}the only shelter for survivors of domestic violence in {c.place()} "
        f"closed after the municipality withdrew its funding. The shelter had received "
        f"{c.n('n', 90, 260)} women and children the previous year.",
    )


@T("discrimination.ethnic", "en", "privacy.interference")
def _(c):
    return (
        f"Police raid {c.w('minority')} neighbourhood in {c.place()}",
        f"{c.When()}police raided homes in a {c.w('minority')} neighbourhood of "
        f"{c.place()} without warrants, searching {c.n('n', 30, 90)} houses. An officer "
        f"was filmed using ethnic slurs.",
    )


@T("discrimination.ethnic", "en", "expression.speech")
def _(c):
    p = c.person("p1", "perpetrator", "politician")
    return (
        "Member of parliament calls minority 'a threat'",
        f"{c.When()}{p}, a member of {c.w('legislature')} for {c.w('ruling_party')}, "
        f"described the {c.w('minority')} community as 'a threat to national unity' in a "
        f"televised debate. No disciplinary action followed.",
    )


@T("discrimination.ethnic")
def _(c):
    pct = c.n("pct", 18, 40)
    return (
        "School enrolment gap for minority children",
        f"A study by the organisation found that only {pct} percent of "
        f"{c.w('minority')} children in {c.place()} complete secondary school, compared "
        f"with {pct + c.n('gap', 30, 45)} percent nationally.",
    )


@T("discrimination.children")
def _(c):
    n = c.n("n", 6, 19)
    return (
        f"Teacher arrested for abusing pupils in {c.place()}",
        f"{c.When()}police arrested a teacher at a state boarding school in {c.place()} "
        f"accused of sexually abusing {n} pupils over several years. Parents said earlier "
        f"complaints to the school director were ignored.",
    )


@T("discrimination.children", "en", "discrimination.women", period=True)
def _(c):
    n = c.n("n", 40, 180)
    return (
        "Child marriages registered",
        f"The organisation documented {n} marriages of girls under 18 in "
        f"{c.place(tag='rural')} {c.on() or 'during the year'}, most arranged in religious "
        f"ceremonies that are never registered.",
    )


@T("discrimination.children", "en", "detention.conditions")
def _(c):
    n = c.n("n", 20, 70)
    return (
        "Children held with adults in police cells",
        f"{c.When()}monitors found {n} children held together with adults in police "
        f"cells in {c.place()}, some for more than a week, in breach of the juvenile "
        f"justice law.",
    )


@T("discrimination.indigenous", "en", "property.seizure", "civic.participation")
def _(c):
    return (
        f"{c.w('indigenous')} territory titled to agribusiness",
        f"{c.When()}the land registry issued titles to {c.w('company2')} over "
        f"{c.n('n', 3, 12) * 1000:,} hectares claimed as ancestral territory by "
        f"{c.w('indigenous')} communities in {c.place(tag='indigenous')}. The communities "
        f"were not consulted.",
    )


@T("discrimination.indigenous", "en", "trial.fairness")
def _(c):
    v = c.person("v1", "victim", "Indigenous farmer")
    return (
        "Indigenous defendant tried without interpreter",
        f"{c.When()}a court in {c.place(tag='indigenous')} convicted {v}, a "
        f"{c.w('indigenous')} farmer who speaks little of the official language, after a "
        f"trial held without an interpreter.",
    )


@T("discrimination.indigenous", "en", "discrimination.children")
def _(c):
    n = c.n("n", 8, 30)
    return (
        "Schools in Indigenous communities without teachers",
        f"{c.When()}the organisation found that {n} schools in {c.w('indigenous')} "
        f"communities in {c.place(tag='indigenous')} had opened the school year without "
        f"teachers.",
    )


@T("discrimination.lgbtqi", "en", "detention.arbitrary", "privacy.interference")
def _(c):
    n = c.n("n", 9, 31)
    return (
        f"Police raid private party in {c.place()}",
        f"{c.When()}police raided a private party in {c.place()} and arrested {n} people "
        f"they accused of 'indecency'. Detainees said officers photographed them and "
        f"searched their phones for contacts.",
    )


@T("discrimination.lgbtqi")
def _(c):
    v = c.person("v1", "victim", "transgender woman", female=True, gender="female")
    return (
        f"Transgender woman beaten in {c.place()}",
        f"{c.When()}{v}, a transgender woman, was beaten by a group of men in "
        f"{c.place()} while bystanders filmed. Police initially refused to register "
        f"her complaint under her name.",
    )


@T("discrimination.lgbtqi", "en", "assembly")
def _(c):
    org = c.actor("lgbt")
    return (
        "Pride event banned",
        f"{c.When()}the governor of {c.place()} banned a Pride event planned by {org}, "
        f"citing 'threats from counter-protesters', and did not offer police protection "
        f"instead.",
    )


@T("discrimination.disability")
def _(c):
    n = c.n("n", 150, 600)
    return (
        "Persons with disabilities held in psychiatric institution",
        f"{c.When()}monitors visited a state psychiatric institution near {c.place()} "
        f"holding {n} persons with disabilities, some for decades, without periodic "
        f"judicial review. Several residents were restrained to beds.",
    )


@T("discrimination.disability", "en", "discrimination.children")
def _(c):
    pct = c.n("pct", 40, 75)
    return (
        "Children with disabilities out of school",
        f"The organisation estimates that {pct} percent of children with disabilities "
        f"in {c.place()} do not attend school, because schools lack ramps, trained "
        f"teachers and transport.",
    )


@T("discrimination.other", period=True)
def _(c):
    n = c.n("n", 20, 75)
    return (
        "People living with HIV denied treatment",
        f"The organisation documented {n} cases {c.on() or 'this year'} in which public "
        f"clinics in {c.place()} refused dental or surgical care to people living with "
        f"HIV.",
    )


@T("discrimination.other", "en", "labor.discrimination")
def _(c):
    return (
        "Waste pickers barred from municipal sites",
        f"{c.When()}the municipality of {c.place()} barred informal waste pickers from "
        f"the city dump and recycling points. Waste pickers, many of them older women, "
        f"said they were insulted and beaten by municipal guards.",
    )


@T("antisemitism", "en", "religion.societal")
def _(c):
    n = c.n("n", 8, 24)
    return (
        f"Synagogue in {c.w('capital')} vandalised",
        f"{c.When()}vandals painted swastikas on the walls of the synagogue in "
        f"{c.w('capital')} and broke its windows. The Jewish community council reported "
        f"{n} antisemitic incidents so far this year.",
    )


@T("antisemitism", "en", "expression.speech")
def _(c):
    p = c.person("p1", "perpetrator", "television presenter")
    return (
        "Television presenter repeats antisemitic conspiracy claims",
        f"{c.When()}the television presenter {p} claimed on a prime-time programme that "
        f"'Jewish financiers' were behind the rise in food prices. The broadcasting "
        f"regulator opened proceedings after complaints.",
    )


@T("antisemitism", "en", "religion.government-practices")
def _(c):
    return (
        "Jewish cemetery desecrated",
        f"{c.When()}{c.nw('n', 12, 40)} gravestones were overturned in the Jewish "
        f"cemetery of {c.place()}. The {c.w('interior')} condemned the attack and police "
        f"arrested {c.nw('k', 2, 3)} suspects.",
    )


# -- Worker rights ------------------------------------------------------------


@T("labor.association", twin="union_dismissal")
def _(c):
    n = c.n("n", 12, 60)
    return (
        f"Workers dismissed after forming union at {c.w('company')}",
        f"{c.When()}{c.w('company')} dismissed {n} workers at {c.w('mine')} days after "
        f"they registered a union, including its entire executive committee. The labour "
        f"inspectorate ordered their reinstatement; the company has not complied.",
    )


@T("labor.association", "en", "assembly")
def _(c):
    return (
        "Strike declared illegal",
        f"{c.When()}a labour court declared illegal a strike by "
        f"{c.n('n', 800, 5000):,} members of the {c.actor('union')}, ruling that the "
        f"sector is an 'essential service'. The ILO considers the sector non-essential.",
    )


@T("labor.association", "en", "detention.arbitrary")
def _(c):
    v = c.person("v1", "victim", "trade unionist")
    return (
        "Union leader arrested during wage negotiations",
        f"{c.When()}police arrested {v}, chief negotiator of the {c.actor('union')}, on "
        f"the second day of wage negotiations in {c.place()}, on a complaint of "
        f"'incitement' filed by the employer.",
    )


@T("labor.forced", "en", "trafficking.profile")
def _(c):
    return (
        f"Passports confiscated on fishing vessels of {c.w('company2')}",
        f"{c.When()}crew members on fishing vessels owned by {c.w('company2')} told the "
        f"organisation that their passports were confiscated on arrival and that they "
        f"worked {c.nw('h', 16, 20)} hours a day to repay recruitment debts.",
    )


@T("labor.forced", "en", "detention.conditions")
def _(c):
    return (
        "Prisoners made to work without pay",
        f"{c.When()}{c.nw('k', 3, 12)} former inmates of {c.at('prison2')} told the "
        f"organisation that prisoners are "
        f"made to work on private farms for no pay and are punished with solitary "
        f"confinement if they refuse.",
    )


@T("labor.child", "en", "discrimination.children")
def _(c):
    n = c.n("n", 20, 90)
    return (
        f"Children found working at brick kilns in {c.place()}",
        f"{c.When()}labour inspectors found {n} children, some aged "
        f"{c.nw('a', 8, 10)}, working at brick kilns in {c.place(tag='rural')}. The owners "
        f"were fined; no criminal case was opened.",
    )


@T("labor.child", "en", "labor.conditions", period=True)
def _(c):
    pct = c.n("pct", 9, 22)
    return (
        "Child labour in harvest",
        f"A survey by the organisation estimated that {pct} percent of workers in the "
        f"coffee harvest in {c.place(tag='rural')} were children under 15, most working "
        f"alongside their parents for piece rates.",
    )


@T("labor.discrimination", "en", "discrimination.women")
def _(c):
    pct = c.n("pct", 18, 34)
    return (
        "Gender pay gap in public sector",
        f"{c.When()}the organisation found that women in the public sector earn {pct} "
        f"percent less "
        f"than men in equivalent grades, and that job advertisements in "
        f"{c.place()} routinely specify gender and age.",
    )


@T("labor.discrimination", "en", "discrimination.ethnic", period=True)
def _(c):
    return (
        "Minority job applicants rejected",
        f"A testing exercise by the organisation {c.on()} found that applicants with "
        f"{c.w('minority')} surnames received a third as many call-backs as others for "
        f"identical CVs.",
    )


@T("labor.conditions")
def _(c):
    n = c.n("n", 6, 29)
    return (
        f"{n} workers die in factory fire in {c.place()}",
        f"{c.When()}{n} workers died in a fire at a garment factory in {c.place()}. "
        f"Survivors said the emergency exits were locked to prevent theft. The factory had "
        f"not been inspected in {c.nw('y', 3, 6)} years.",
    )


@T("labor.conditions", "en", "refugees", period=True)
def _(c):
    n = c.n("n", 4, 15)
    return (
        "Heat-stress deaths of migrant construction workers",
        f"The organisation documented {n} deaths of migrant construction workers from "
        f"heat stress {c.on() or 'over the summer'} in {c.place()}. The midday work ban "
        f"was not enforced on several sites.",
    )


@T("labor.conditions", "en", "labor.association")
def _(c):
    return (
        "Minimum wage unpaid in export zone",
        f"{c.When()}labour inspections in the export processing zone of {c.place()} found "
        f"that {c.n('n', 30, 70)} percent of workers were paid below the minimum wage and "
        f"worked unpaid overtime.",
    )


# -- Trafficking in persons (narrative records; figures come separately) --------


@T("trafficking.prosecution", "en", "trafficking.profile", only="XA")
def _(c):
    n = c.n("n", 5, 14)
    return (
        f"Police dismantle recruitment network in {c.place()}",
        f"{c.When()}the anti-trafficking unit of {c.w('police')} dismantled a network "
        f"that recruited young women from {c.place(tag='rural')} with false offers of "
        f"hotel work and exploited them in commercial sex in {c.w('capital')}. Police "
        f"arrested {n} suspects and referred {c.nw('k', 9, 24)} victims to shelters.",
    )


@T("trafficking.prosecution", "en", "labor.forced", only="XA")
def _(c):
    p = c.person("p1", "perpetrator", "labour recruiter")
    return (
        "Labour recruiter sentenced for forced labour",
        f"{c.When()}{c.w('court')} sentenced the labour recruiter {p} to "
        f"{c.nw('y', 9, 14)} years in prison for the forced labour of "
        f"{c.nw('n', 12, 35)} farm workers, the first conviction for labour trafficking "
        f"under the amended Penal Code.",
    )


@T("trafficking.prosecution", "en", "corruption", only="XB")
def _(c):
    p = c.person("p1", "perpetrator", "police officer")
    return (
        "Officer accused of protecting brothels transferred, not prosecuted",
        f"{c.When()}the Royal Police transferred {p}, a police officer accused by "
        f"victims of protecting brothels in {c.place()}, to another province instead of "
        f"opening a criminal case. Victims identified {p.him} in a statement to "
        f"prosecutors.",
    )


@T("trafficking.prosecution", "en", only="XB")
def _(c):
    n = c.n("n", 3, 9)
    return (
        "Trafficking charges against recruitment agencies dropped",
        f"{c.When()}prosecutors dropped trafficking charges against {n} owners of "
        f"recruitment agencies in {c.place()}, reclassifying the cases as labour "
        f"disputes. Workers had reported confiscated passports and unpaid wages.",
    )


@T("trafficking.protection", "en", only="XA")
def _(c):
    return (
        f"New shelter for trafficking victims opens in {c.place()}",
        f"{c.When()}the Ministry of Social Development opened a shelter for trafficking "
        f"victims in {c.place()} with {c.n('n', 20, 40)} beds, psychological care and "
        f"legal aid, the {ORD_EN[c.n('k', 2, 4)]} government shelter in the country.",
    )


@T("trafficking.protection", "en", "refugees", only="XB")
def _(c):
    return (
        "Trafficking victims deported without screening",
        f"{c.When()}authorities deported {c.n('n', 18, 60)} foreign women arrested in "
        f"raids on massage parlours in {c.place()} for immigration violations, without "
        f"screening them as potential trafficking victims.",
    )


@T("trafficking.protection", "en", "discrimination.women", period=True)
def _(c):
    n = c.n("n", 30, 120)
    return (
        "NGO shelter assists victims without public funding",
        f"The organisation assisted {n} trafficking victims {c.on() or 'during the year'} "
        f"at its shelter in {c.place()}, most of them women exploited in domestic work. "
        f"It receives no public funding and relies on foreign donors.",
    )


@T("trafficking.prevention", "en", "labor.forced", only="XA")
def _(c):
    return (
        "Recruitment agencies licensed and inspected",
        f"{c.When()}the {c.w('labour_ministry')} revoked the licences of "
        f"{c.nw('n', 6, 15)} recruitment agencies that charged workers fees, and launched "
        f"an online register of licensed agencies.",
    )


@T("trafficking.prevention", "en", only="XA")
def _(c):
    return (
        "Awareness campaign and hotline",
        f"{c.When()}the National Anti-Trafficking Commission launched an awareness "
        f"campaign in {c.nw('k', 3, 5)} languages in bus stations and border crossings. "
        f"The national hotline received {c.n('n', 400, 1500):,} calls during the "
        f"campaign.",
    )


@T("trafficking.prevention", "en", only="XB")
def _(c):
    return (
        "National action plan expired without replacement",
        f"{c.When()}the organisation noted that the national action plan against trafficking "
        f"expired in 2021 and that no new plan had been adopted since. The national "
        f"committee met only {c.pick('met', ['once', 'twice'])} during the year.",
    )


@T("trafficking.prevention", "en", "labor.forced", only="XB")
def _(c):
    return (
        "Sponsorship system still ties workers to employers",
        f"{c.When()}the {c.w('labour_ministry')} reaffirmed that migrant workers need "
        f"their employer's consent to change jobs. The organisation called on the "
        f"government to abolish the requirement, which traffickers exploit.",
    )


@T("trafficking.profile", "en", "labor.forced")
def _(c):
    return (
        "Trafficking profile: fishing and agriculture",
        f"{c.When()}the organisation reported that traffickers exploit migrant men in forced "
        f"labour on fishing vessels operating "
        f"from {c.place(tag='port')} and in the harvest in {c.place('place2', tag='rural')}, "
        f"and that recruiters in the workers' home regions charge "
        f"fees equal to {c.nw('mo', 6, 12)} months' wages.",
    )


@T("trafficking.profile", "en", "discrimination.children")
def _(c):
    return (
        "Children exploited in forced begging",
        f"{c.When()}the organisation identified {c.nw('n', 12, 40)} children forced to "
        f"beg in {c.place()}, brought from rural areas by intermediaries who promised "
        f"their parents schooling.",
    )


@T("trafficking.profile", "en", "discrimination.women", period=True)
def _(c):
    return (
        "Women recruited online for sex trafficking",
        f"{c.nw('n', 6, 25).capitalize()} cases handled by the organisation "
        f"{c.on() or 'this year'} show traffickers recruiting women through social media "
        f"job offers for work as models or waitresses and exploiting them in commercial "
        f"sex in {c.place()}.",
    )


# -- Religious freedom --------------------------------------------------------


@T("religion.legal-framework", only="XA")
def _(c):
    return (
        "Bill would require religious groups to re-register",
        f"{c.When()}the government submitted to {c.w('legislature')} a bill requiring "
        f"all religious groups to re-register and show {c.n('n', 3, 5) * 100} members, "
        f"a threshold most Indigenous spiritual communities and smaller evangelical "
        f"churches cannot meet.",
    )


@T("religion.legal-framework", "en", "religion.government-practices", only="XA")
def _(c):
    return (
        "Court strikes down school religion requirement",
        f"{c.When()}{c.w('supreme')} struck down a regulation requiring state schools to "
        f"hold daily Catholic prayers, ruling it incompatible with the constitutional "
        f"guarantee of freedom of religion.",
    )


@T("religion.legal-framework", only="XB")
def _(c):
    return (
        "Blasphemy provisions of the Penal Code",
        f"{c.When()}the organisation reported that articles 301 to 304 of the Penal Code, "
        f"which "
        f"punish 'insulting a revealed religion' with up to {c.nw('y', 5, 7)} years in "
        f"prison, were used in {c.nw('n', 6, 15)} prosecutions this year.",
    )


@T("religion.legal-framework", "en", "religion.government-practices", only="XB")
def _(c):
    return (
        "Religious associations must register with ministry",
        f"{c.When()}a new regulation required all non-Muslim congregations to register "
        f"with the Ministry of Awqaf and Religious Affairs and submit sermon topics in "
        f"advance. Unregistered worship is punishable by fines.",
    )


@T("religion.government-practices", "en", "property.seizure", only="XA")
def _(c):
    return (
        f"Building permit for mosque denied in {c.place()}",
        f"{c.When()}the municipality of {c.place()} denied a building permit for a mosque "
        f"for the {ORD_EN[c.n('k', 3, 5)]} time, although the plot is zoned for places "
        f"of worship. The Muslim community has worshipped in a rented warehouse for "
        f"{c.nw('y', 6, 12)} years.",
    )


@T("religion.government-practices", "en", "discrimination.indigenous", only="XA")
def _(c):
    return (
        "Police disrupt Indigenous ceremony",
        f"{c.When()}police disrupted a {c.w('indigenous')} harvest ceremony at a sacred "
        f"site in {c.place(tag='indigenous')} claimed by a mining concession, and "
        f"detained {c.nw('n', 3, 8)} participants for trespass.",
    )


@T("religion.government-practices", "en", "detention.arbitrary", only="XB")
def _(c):
    k = c.known("cleric", "victim")
    return (
        "Shia cleric detained over Friday sermon",
        f"{c.When()}security officers detained {k}, a Shia cleric in {c.place()}, over "
        f"a Friday sermon calling for equal access to public employment. He was released "
        f"after {c.nw('d', 5, 19)} days on condition that he stop preaching.",
    )


@T("religion.government-practices", "en", "association", only="XB")
def _(c):
    n = c.n("n", 3, 11)
    return (
        "Unlicensed house churches closed",
        f"{c.When()}authorities closed {n} unlicensed house churches in {c.place()} "
        f"attended mainly by migrant workers and fined their hosts. Baha'i residents "
        f"reported that their applications for a community centre remain unanswered.",
    )


@T("religion.societal", "en", "discrimination.other")
def _(c):
    return (
        f"Buddhist temple vandalised in {c.place()}",
        f"{c.When()}unknown persons smashed statues and set fire to the entrance of a "
        f"Buddhist temple in {c.place()} used by the Chinese-origin community. Religious "
        f"leaders of several faiths visited the temple in solidarity.",
    )


@T("religion.societal", "en", only="XB")
def _(c):
    v = c.person("v1", "victim", "convert")
    return (
        "Convert threatened by relatives",
        f"{c.When()}{v}, who converted from Islam to Christianity, fled {c.place()} after "
        f"relatives threatened {v.him} and a local preacher denounced {v.him} by name. "
        f"Police advised {v.him} to leave the area.",
    )


@T("religion.societal", "en", "civic.dialogue", only="XA")
def _(c):
    return (
        "Interfaith council mediates dispute",
        f"{c.When()}the interfaith council mediated a dispute in {c.place()} between "
        f"Catholic parish authorities and an evangelical congregation over access to the "
        f"municipal cemetery; both agreed to shared use.",
    )


@T("religion.us-engagement")
def _(c):
    return (
        "Ambassador meets religious leaders",
        f"{c.When()}the Ambassador hosted leaders of {c.nw('n', 5, 9)} faith communities, "
        f"including minority groups, to discuss registration requirements and attacks on "
        f"places of worship, and urged the government to ensure equal treatment.",
    )


@T("religion.us-engagement", "en", "religion.government-practices")
def _(c):
    return (
        "Embassy raises detained religious figures with ministry",
        f"{c.When()}embassy officers raised with the ministry responsible for religious "
        f"affairs the cases of religious figures detained for their sermons and the "
        f"pending registration applications of minority communities.",
    )


@T("religion.us-engagement", "en", "religion.societal")
def _(c):
    return (
        "Embassy funds interfaith youth programme",
        f"{c.When()}the embassy launched an exchange programme bringing "
        f"{c.nw('n', 12, 20)} young leaders of different faiths from {c.place()} to "
        f"work on joint community projects.",
    )


@T("labor.conditions", "en", "labor.forced", only="XB", twin="domestic_worker")
def _(c):
    v = c.person("v1", "victim", "domestic worker", female=True)
    return (
        "Migrant domestic worker escapes employer after months without pay",
        f"{c.When()}{v}, a migrant domestic worker employed in {c.place()}, escaped from "
        f"her employers' house after {c.nw('mo', 4, 11)} months without pay and with her "
        f"passport withheld. She said she worked {c.n('h', 15, 18)} hours a day with no "
        f"day off.",
    )


@T("refugees", "en", "detention.arbitrary", only="XB", twin="migrant_raid")
def _(c):
    return (
        f"Raid on migrant neighbourhood in {c.place()}",
        f"{c.When()}police raided a neighbourhood of {c.place()} where Latin American "
        f"migrants live and detained {c.n('n', 25, 90)} people for lacking residence "
        f"papers, including {c.n('k', 3, 12)} asylum seekers with pending applications. "
        f"They were taken to {c.w('immigration_centre')}.",
    )


# ===========================================================================
# Spanish templates
# ===========================================================================


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


# ===========================================================================
# Chinese templates (Simplified)
# ===========================================================================


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


# ===========================================================================
# Arabic templates
# ===========================================================================


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


# ===========================================================================
# Tails, confidential details, citations
# ===========================================================================

# How a submission refers to its own author, by source kind ("the organisation").
WE = {
    "ngo": "the organisation",
    "media": "the outlet",
    "journalist": "the journalist",
    "defender": "the defender",
    "un": "the UN office",
    "mission": "the embassy",
    "academic": "the research team",
    "government": "the ministry",
}


INCIDENT_TOPICS = frozenset(
    (
        "killing.arbitrary",
        "killing.extrajudicial",
        "disappearance",
        "torture",
        "detention.arbitrary",
        "detention.conditions",
        "assembly",
        "expression.press",
        "expression.speech",
        "defenders.attacks",
        "discrimination.lgbtqi",
        "discrimination.ethnic",
        "conflict.abuses",
        "conflict.sexual-violence",
        "privacy.interference",
        "civic.hacking",
        "civic.surveillance",
        "labor.association",
        "labor.forced",
        "labor.conditions",
        "transnational-repression",
        "religion.societal",
        "antisemitism",
        "refugees",
        "trafficking.profile",
        "discrimination.women",
        "property.seizure",
    )
)


def tails(c: Ctx, topic: str) -> list:
    """Optional closing sentences (as callables), by the source's kind and language."""
    kind = c.src.kind
    if topic not in INCIDENT_TOPICS:
        return []  # codas about witnesses and comment requests fit incidents only

    def witness(text_for) -> object:
        def make() -> str:
            w = c.person("tw", "witness", None)
            return text_for(w)

        return make

    if c.lang == "en":
        out = {
            "ngo": [
                lambda: (
                    f"The organisation interviewed {c.nw('_tk', 3, 9)} witnesses and "
                    f"reviewed photographs taken at the scene."
                ),
                lambda: f"The organisation has filed a complaint with {c.w('ombudsman')}.",
                lambda: "Authorities did not respond to the organisation's request for comment.",
                lambda: (
                    f"The organisation asks the embassy to raise the case with the "
                    f"{c.w('interior')}."
                ),
            ],
            "media": [
                lambda: f"The {c.w('interior')} declined to comment.",
                lambda: "Authorities did not respond to requests for comment.",
            ],
            "un": [
                lambda: (
                    "The UN raised the matter with the government and had received no "
                    "reply by the time of writing."
                )
            ],
            "mission": [
                lambda: (
                    f"Embassy officers raised the matter with the "
                    f"{c.w('interior')} on {c.later(3, 20)}."
                )
            ],
            "defender": [
                lambda: (
                    "The defender spoke to those affected by phone and shared "
                    "their voice messages with the embassy."
                )
            ],
            "journalist": [
                lambda: (
                    "The journalist confirmed the account with two officials "
                    "who spoke on condition of anonymity."
                )
            ],
        }.get(kind, [])
        if kind not in ("government", "academic"):
            confirm = witness(lambda w: f"The account was confirmed by {w}, who was present.")
            out += [confirm, confirm]  # the likeliest coda: it names someone
        return out
    if c.lang == "es":
        return [
            lambda: "Las autoridades no respondieron a la solicitud de comentarios.",
            witness(lambda w: f"El relato fue confirmado por {w}, que presenció los hechos."),
        ]
    if c.lang == "zh":
        return [lambda: "当地媒体也报道了此事。", witness(lambda w: f"在场的{w}证实了上述说法。")]
    return [
        lambda: "ولم تردّ السلطات على طلب للتعليق.",
        witness(
            lambda w: c.g(
                w, f"وأكّدت هذه الرواية شاهدة عيان هي {w}.", f"وأكّد هذه الرواية شاهد عيان هو {w}."
            )
        ),
    ]


def confidential_detail(c: Ctx) -> str:
    """A sentence of the kind that must never reach a draft."""
    place2 = c.place("_conf_place")
    ngo = c.actor("ngo", "_conf_ngo")
    options = {
        "en": [
            f"Not for sharing: the family is now staying at a safe house near {place2} "
            f"arranged by {ngo}.",
            f"The source is a serving official at {c.w('prison')} and asked that nothing "
            f"identifying them be kept outside this note.",
            f"Medical records and photographs are held by a lawyer in {place2} and will be "
            f"shown to the embassy only in person.",
            f"The witnesses can be reached only through a contact at {ngo}; please do not "
            f"approach them directly.",
            f"Internal note: a contact inside {c.w('intel')} warned that the family's phones "
            f"are monitored.",
        ],
        "es": [
            f"Dato reservado: la familia se encuentra en una casa de acogida en {place2} "
            f"gestionada por {ngo}.",
            f"La fuente trabaja en {c.w('prison')} y pidió que no quede constancia de su "
            f"identidad fuera de esta nota.",
        ],
        "zh": [
            f"内部信息：受害者家属目前暂住在{place2}的一处安全屋，请勿对外透露。",
            f"提供消息的人是{c.w('prison')}的在职人员，要求不在任何文件中留下其身份信息。",
        ],
        "ar": [
            f"معلومة سرية: تقيم العائلة حالياً في منزل آمن قرب {place2}، ويُرجى عدم تداول "
            f"هذه المعلومة.",
            f"المصدر موظف حالي في {c.w('prison')}، وقد طلب عدم تدوين أي معلومات تكشف هويته "
            f"خارج هذه المذكرة.",
        ],
    }[c.lang]
    return c.rng.choice(options)


def _fmt_day(d: date, lang: str) -> str:
    return {"en": _day_en, "es": _day_es, "zh": _day_zh, "ar": _day_ar}[lang](d, True)


def citation(rng: random.Random, src: Src, lang: str, received: date, year: int) -> dict | None:
    if rng.random() < 0.12:
        return None
    k = rng.randint(2, 60)
    day = _fmt_day(received, lang)
    individual = src.kind in ("defender", "journalist")
    if lang == "en":
        if individual:
            text = rng.choice(
                [
                    f"Interview with the embassy's human rights officer, {day}",
                    f"Message to the embassy via secure channel, {day}",
                ]
            )
        else:
            text = rng.choice(
                {
                    "ngo": [
                        f"{src.name}, submission to the embassy, {day}",
                        f"{src.name}, monthly bulletin no. {k}",
                        f"{src.name}, urgent action {year % 100}/{k:03d}",
                    ],
                    "media": [f"{src.name}, {day}", f"{src.name}, online edition, {day}"],
                    "un": [
                        f"{src.name}, communication {year}-{k}",
                        f"{src.name}, press briefing notes, {day}",
                    ],
                    "government": [
                        f"{src.name}, press release, {day}",
                        f"{src.name}, reply to embassy note verbale, {day}",
                    ],
                    "academic": [f"{src.name}, working paper {year}-{k}"],
                    "mission": [
                        f"Embassy meeting notes, {day}",
                        f"Embassy field visit report, {day}",
                    ],
                }[src.kind]
            )
    elif lang == "es":
        text = (
            f"Entrevista con la embajada, {day}"
            if individual
            else rng.choice(
                [
                    f"{src.name}, informe presentado a la embajada, {day}",
                    f"{src.name}, comunicado, {day}",
                ]
            )
        )
    elif lang == "zh":
        text = (
            f"与使馆人权官员的谈话，{day}"
            if individual
            else rng.choice([f"{src.name}致使馆的材料，{day}", f"{src.name}声明，{day}"])
        )
    else:
        text = (
            f"مقابلة مع السفارة، {day}"
            if individual
            else rng.choice(
                [f"{src.name}، مذكرة مقدمة إلى السفارة، {day}", f"{src.name}، بيان، {day}"]
            )
        )
    out = {"text": text}
    if src.site and rng.random() < 0.7:
        path = rng.choice(
            [
                f"reports/{year}-{k:02d}",
                f"news/{year}/{received.month:02d}/{k}",
                f"urgent-actions/{year}-{k}",
                f"bulletin/{k}",
            ]
        )
        out["url"] = f"https://{src.site}.example/{path}"
    return out


# Individual sources (defenders, journalists) keep one consent status everywhere.
INDIVIDUAL_CONSENT = {
    "Odile Brightwick": "named",
    "Caelan Merriden": "anonymous",
    "Marisela Jessamond": "named",
    "Perrin Hallowfield": "withheld",
    "Ximena Artolaz Urquidel": "anonymous",
    "Rosendo Castromonte": "named",
    "邝楚澜": "anonymous",
    "Leyla Tamiri": "named",
    "Sorin Castemir": "anonymous",
    "Nabil Halvorni": "anonymous",
    "Mireille Oltevi": "named",
    "فراس النيريثي": "withheld",
    "岑晓岚": "anonymous",
}

# ===========================================================================
# Topics: where sources come from and how sensitive records tend to be.
# ===========================================================================

TOPIC_TAGS = {
    "killing": "killing",
    "disappearance": "disappearance",
    "torture": "torture detention",
    "detention": "detention",
    "trial": "trial detention",
    "transnational-repression": "surveillance digital",
    "property": "land indigenous",
    "privacy": "surveillance digital",
    "conflict": "conflict",
    "population-control": "women indigenous population",
    "expression.speech": "expression",
    "expression.press": "press",
    "expression.internet": "internet digital",
    "expression.academic": "academic expression",
    "assembly": "assembly",
    "association": "civic",
    "movement": "movement refugees",
    "refugees": "refugees migrants",
    "displacement": "displacement conflict",
    "statelessness": "statelessness ethnic",
    "elections": "elections",
    "corruption": "corruption",
    "ngo": "civic",
    "defenders": "defenders",
    "civic": "civic defenders",
    "civic.surveillance": "surveillance digital",
    "civic.hacking": "hacking digital",
    "business": "business land labor",
    "discrimination.women": "women",
    "discrimination.ethnic": "ethnic",
    "discrimination.children": "children",
    "discrimination.indigenous": "indigenous",
    "discrimination.lgbtqi": "lgbtqi",
    "discrimination.disability": "disability",
    "discrimination.other": "general",
    "antisemitism": "religion",
    "labor": "labor migrants",
    "trafficking": "trafficking migrants",
    "religion": "religion",
}

ABUSE_KINDS = {
    "ngo": 55,
    "media": 13,
    "defender": 7,
    "journalist": 6,
    "un": 6,
    "mission": 9,
    "academic": 2,
}
POLICY_KINDS = {
    "ngo": 45,
    "media": 12,
    "defender": 3,
    "journalist": 4,
    "un": 7,
    "mission": 9,
    "academic": 8,
    "government": 12,
}
POLICY_TOPICS = {
    "civic.dialogue",
    "civic.registration",
    "civic.funding",
    "civic.participation",
    "elections",
    "religion.legal-framework",
    "religion.societal",
    "trafficking.prevention",
    "trafficking.protection",
    "labor.conditions",
    "labor.child",
    "labor.discrimination",
    "discrimination.disability",
    "discrimination.children",
    "discrimination.other",
    "discrimination.women",
    "statelessness",
    "refugees",
    "displacement",
    "corruption",
    "ngo.access",
    "defenders.protection",
    "business.conduct",
}
SENSITIVE_TOPICS = {
    "torture",
    "disappearance",
    "defenders.attacks",
    "civic.surveillance",
    "civic.hacking",
    "transnational-repression",
    "conflict.sexual-violence",
    "discrimination.lgbtqi",
    "killing.extrajudicial",
    "trial.political-prisoners",
    "labor.forced",
    "trafficking.profile",
    "privacy.interference",
}


def topic_tags(topic: str) -> tuple[str, ...]:
    for key in (topic, topic.split(".")[0]):
        if key in TOPIC_TAGS:
            return tuple(TOPIC_TAGS[key].split())
    return ("general",)


def topic_kinds(topic: str) -> dict[str, int]:
    if topic == "religion.us-engagement":
        return {"mission": 1}
    return POLICY_KINDS if topic in POLICY_TOPICS else ABUSE_KINDS


def topic_sensitivity(topic: str) -> tuple:
    if topic == "religion.us-engagement":
        return (("public", 60), ("restricted", 40))
    if topic in SENSITIVE_TOPICS:
        return (("public", 32), ("restricted", 45), ("confidential", 23))
    return (("public", 58), ("restricted", 35), ("confidential", 7))


# ===========================================================================
# The plan: how many records per main category, per country and year.
# ===========================================================================

PLAN = {
    "killing.arbitrary": 2,
    "killing.extrajudicial": 2,
    "disappearance": 2,
    "torture": 3,
    "detention.conditions": 2,
    "detention.arbitrary": 5,
    "detention.pretrial": 2,
    "trial.fairness": 2,
    "trial.political-prisoners": 2,
    "transnational-repression": 2,
    "property.seizure": 2,
    "privacy.interference": 2,
    "conflict.abuses": 2,
    "conflict.sexual-violence": 2,
    "population-control.coercion": 2,
    "expression.speech": 3,
    "expression.press": 5,
    "expression.internet": 2,
    "expression.academic": 2,
    "assembly": 5,
    "association": 2,
    "movement": 2,
    "refugees": 2,
    "displacement": 2,
    "statelessness": 2,
    "elections": 2,
    "corruption": 2,
    "ngo.access": 2,
    "defenders.attacks": 5,
    "defenders.protection": 2,
    "civic.registration": 2,
    "civic.funding": 2,
    "civic.lawsuits": 2,
    "civic.surveillance": 2,
    "civic.hacking": 2,
    "civic.dialogue": 2,
    "civic.participation": 2,
    "business.conduct": 2,
    "discrimination.women": 3,
    "discrimination.ethnic": 2,
    "discrimination.children": 2,
    "discrimination.indigenous": 2,
    "discrimination.lgbtqi": 2,
    "discrimination.disability": 2,
    "discrimination.other": 2,
    "antisemitism": 2,
    "labor.association": 2,
    "labor.forced": 2,
    "labor.child": 2,
    "labor.discrimination": 2,
    "labor.conditions": 3,
    "trafficking.prosecution": 1,
    "trafficking.protection": 1,
    "trafficking.prevention": 2,
    "trafficking.profile": 2,
    "religion.legal-framework": 2,
    "religion.government-practices": 2,
    "religion.societal": 2,
    "religion.us-engagement": 2,
}
PLAN_EXTRA = {
    "XA": {
        "discrimination.indigenous": 1,
        "property.seizure": 1,
        "assembly": 1,
        "labor.association": 1,
    },
    "XB": {
        "conflict.abuses": 1,
        "killing.extrajudicial": 1,
        "detention.arbitrary": 1,
        "expression.speech": 1,
    },
}

TIP_TOPICS = (
    "trafficking.prosecution",
    "trafficking.protection",
    "trafficking.prevention",
    "trafficking.profile",
)

# Two submissions about one event, from different sources: (country, year, twin
# label, languages of the first and second submission).
TWINS = [
    ("XA", 2023, "detain_union", ("en", "es")),
    ("XA", 2023, "press_attack", ("es", "en")),
    ("XA", 2024, "protest", ("es", "en")),
    ("XA", 2024, "defender_shot", ("en", "es")),
    ("XA", 2024, "union_dismissal", ("en", "es")),
    ("XB", 2023, "domestic_worker", ("en", "es")),
    ("XB", 2024, "migrant_raid", ("es", "en")),
]

# Explicit section targets: (country, year, main category, sections).
SECTION_TARGETS = [
    ("XA", 2023, "detention.arbitrary", ["hrr:1.d"]),
    ("XA", 2023, "ngo.access", ["hrr:5"]),
    ("XA", 2023, "association", ["hrr:2.b"]),
    ("XB", 2023, "expression.press", ["hrr:2.a"]),
    ("XA", 2024, "expression.press", ["hrr:2.a"]),
    ("XB", 2024, "torture", ["hrr:3.a", "hrr:1.c"]),
    ("XA", 2023, "religion.government-practices", ["irf:II.government-practices"]),
    ("XB", 2024, "religion.societal", ["irf:III"]),
    ("XA", 2024, "trafficking.prevention", ["tip:prevention"]),
]

DEFAULT_DATE_KINDS = (("day", 74), ("month", 12), ("range", 8), ("none", 6))
TIP_DATE_KINDS = (("day", 80), ("month", 12), ("range", 8))
PERIOD_DATE_KINDS = (("range", 50), ("month", 30), ("none", 20))
TIP_PERIOD_DATE_KINDS = (("range", 60), ("month", 40))

SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[。！？]")
QUOTED = re.compile(r"(?<![A-Za-z])'([a-z][^']{3,60})'(?![A-Za-z])")


PREFIXES = {
    "en": [
        "In a submission dated {d}, ",
        "In an update sent to the embassy on {d}, ",
        "Writing to the embassy on {d}, ",
    ],
    "mission": ["In a report dated {d}, ", "In a reporting cable of {d}, "],
    "government": ["In a statement dated {d}, ", "In a note to the embassy dated {d}, "],
    "media": ["In an article published on {d}, ", "In a report published on {d}, "],
    "es": ["En un informe enviado a la embajada el {d}, ", "En una comunicación del {d}, "],
    "zh": ["在{d}提交给使馆的材料中，", "据{d}提交给使馆的材料，"],
    "ar": ["في مذكرة قُدّمت إلى السفارة في {d}، ", "في رسالة إلى السفارة بتاريخ {d}، "],
}
LOWER_STARTS = frozenset(
    (
        "the",
        "a",
        "an",
        "two",
        "police",
        "authorities",
        "workers",
        "former",
        "crew",
        "unknown",
        "vandals",
        "men",
        "fighters",
        "agents",
        "officers",
        "plainclothes",
        "forensic",
        "prosecutors",
        "labour",
        "traffickers",
        "observers",
        "residents",
        "families",
        "under",
        "since",
        "internet",
        "private",
        "survivors",
        "children",
        "fighting",
        "monitors",
        "more",
        "pro-government",
        "security",
        "soldiers",
        "border",
        "dozens",
        "la",
        "el",
        "los",
        "las",
        "desconocidos",
        "agentes",
        "vecinos",
        "autoridades",
        "jornaleros",
        "trabajadoras",
        "mujeres",
        "redes",
        "familiares",
        "dos",
        "líderes",
    )
)


def with_prefix(
    rng: random.Random, summary: str, lang: str, received: date, kind: str = "ngo"
) -> str:
    day = {"en": _day_en, "es": _day_es, "zh": _day_zh, "ar": _day_ar}[lang](received, True)
    options = PREFIXES[kind] if lang == "en" and kind in PREFIXES else PREFIXES[lang]
    prefix = rng.choice(options).format(d=day)
    first = re.match(r"[\w'-]+", summary)
    if (
        lang in ("en", "es")
        and first
        and first[0].lower() in LOWER_STARTS
        and not (len(first[0]) > 1 and first[0].isupper())
    ):
        summary = summary[:1].lower() + summary[1:]
    return prefix + summary


def sentences(text: str) -> int:
    return len(SENTENCE_END.findall(text))


def clean(text: str, lang: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:،])", r"\1", text)
    text = re.sub(r",\s*,", ",", text)
    if lang == "zh":
        text = re.sub(r"，+", "，", text).replace(" ，", "，")
    if lang in ("en", "es"):
        text = text[:1].upper() + text[1:]
    if lang == "es":
        text = re.sub(r"\b([Aa]) el ", r"\1l ", text)
        text = re.sub(r"\b([Dd])e el ", r"\1el ", text)
    return text


@dataclass
class Row:
    """A record under construction, with what the generator needs to know about it."""

    data: dict
    topic: str
    start: date | None
    facts: Facts | None = None


class Generator:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.names = NameBook()
        for country in SOURCES:
            for src in SOURCES[country]:
                if src.kind in ("defender", "journalist"):
                    self.names.reserve(src.name)
        for people in RECURRING.values():
            for names, *_ in people.values():
                for name in dict.fromkeys(names.values()):
                    self.names.reserve(name)
        self.rows: list[Row] = []
        self.usage: Counter = Counter()
        self.consents: Counter = Counter()

    def consent(self, role: str) -> str:
        """A consent status: the role's usual mix, steered towards 30/55/15 overall."""
        total = sum(self.consents.values()) + 1
        pairs = []
        for value, w in CONSENT_WEIGHTS[role]:
            gap = CONSENT_TARGET[value] - self.consents[value] / total
            pairs.append((value, w * max(0.05, 1 + 12 * gap)))
        value = weighted(self.rng, pairs)
        self.consents[value] += 1
        return value

    # -- building blocks ------------------------------------------------------
    def make_event(
        self,
        year: int,
        window=None,
        exact: date | None = None,
        kinds=DEFAULT_DATE_KINDS,
        long: bool = False,
    ) -> Event:
        if exact:
            return Event("day", exact, exact)
        lo, hi = window or (date(year, 1, 1), date(year, 12, 31))
        kind = weighted(self.rng, kinds)
        if kind == "none":
            return Event("none")
        if kind == "range":
            if long:  # a few months, starting on the first of a month
                d = lo + timedelta(days=self.rng.randrange(max(1, (hi - lo).days - 60)))
                d = d.replace(day=1) if d.replace(day=1) >= lo else d
                end = min(d + timedelta(days=self.rng.randint(60, 240)), hi)
                end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
                return Event("range", d, min(end, hi))
            d = lo + timedelta(days=self.rng.randrange((hi - lo).days - 5))
            end = min(d + timedelta(days=self.rng.randint(3, 40)), hi)
            return Event("range", d, end)
        d = lo + timedelta(days=self.rng.randrange((hi - lo).days + 1))
        if kind == "day":
            return Event("day", d, d)
        last = calendar.monthrange(d.year, d.month)[1]
        return Event("month", d.replace(day=1), d.replace(day=last))

    def received(self, event: Event, year: int) -> date:
        if event.kind == "none":
            return date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))
        return event.end + timedelta(days=self.rng.randint(1, 45))

    def pick_source(self, country: str, lang: str, topic: str) -> Src:
        cands = [
            s
            for s in SOURCES[country]
            if s.lang == lang
            and not (s.kind == "government" and getattr(self, "_no_government", False))
        ]
        kinds = [(k, w) for k, w in topic_kinds(topic).items() if any(s.kind == k for s in cands)]
        if not kinds:
            kinds = [(k, 1) for k in sorted({s.kind for s in cands})]
        kind = weighted(self.rng, kinds)
        tags = set(topic_tags(topic))
        pool = []
        for s in cands:
            if s.kind != kind:
                continue
            w = 3.0 if tags & set(s.tags) else 1.0 if "general" in s.tags else 0.03
            if s.reliability in "DEF":
                w *= 0.35
            pool.append((s, w))
        return weighted(self.rng, pool)

    def source_by_name(self, country: str, name: str) -> Src:
        return next(s for s in SOURCES[country] if s.name == name)

    def credibility(self, src: Src) -> int:
        if src.kind == "government":
            return weighted(self.rng, ((2, 30), (3, 40), (4, 20), (5, 10)))
        return weighted(self.rng, ((1, 28), (2, 36), (3, 20), (4, 8), (5, 5), (6, 3)))

    def templates(self, country: str, topic: str, lang: str) -> list[tuple[tuple, Tpl]]:
        return [
            ((topic, lang, i), t)
            for i, t in enumerate(TEMPLATES.get((topic, lang), []))
            if t.only in (None, country)
        ]

    def languages(self, country: str, topic: str) -> list[str]:
        return [lang for lang in LANGS if self.templates(country, topic, lang)]

    # -- one record -------------------------------------------------------------
    def record(
        self,
        country: str,
        year: int,
        topic: str,
        lang: str,
        *,
        tpl=None,
        facts: Facts | None = None,
        window=None,
        exact: date | None = None,
        kinds=DEFAULT_DATE_KINDS,
        src: Src | None = None,
        sensitivity: str | None = None,
    ) -> Row:
        self._no_government = False
        for attempt in range(30):
            row = self._attempt(
                country,
                year,
                topic,
                lang,
                tpl=tpl,
                facts=facts,
                window=window,
                exact=exact,
                kinds=kinds,
                src=src,
                attempt=attempt,
                sensitivity=sensitivity,
            )
            if row is not None:
                return row
        raise SystemExit(f"could not write a distinct {topic} record for {country} {year}")

    def _choose_template(self, country: str, topic: str, lang: str) -> tuple[tuple, Tpl]:
        options = self.templates(country, topic, lang)
        if not options:
            raise SystemExit(f"no {lang} template for {topic} in {country}")
        least = min(self.usage[key] for key, _ in options)
        key, tpl = self.rng.choice([(k, t) for k, t in options if self.usage[k] == least])
        return key, tpl

    def _attempt(
        self,
        country,
        year,
        topic,
        lang,
        *,
        tpl,
        facts,
        window,
        exact,
        kinds,
        src,
        attempt,
        sensitivity,
    ):
        rng = self.rng
        if tpl is None:
            key, chosen = self._choose_template(country, topic, lang)
        else:
            key, chosen = tpl
        if facts is None and chosen.period:
            kinds = PERIOD_DATE_KINDS if window is None else TIP_PERIOD_DATE_KINDS
        own_facts = facts or Facts(self.make_event(year, window, exact, kinds, long=chosen.period))
        sensitivity = sensitivity or weighted(rng, topic_sensitivity(topic))
        source = src or self.pick_source(country, lang, topic)
        event = own_facts.event
        received = self.received(event, year)
        c = Ctx(
            self,
            country,
            year,
            lang,
            source,
            own_facts,
            rng,
            confidential=sensitivity == "confidential",
        )
        title, summary = chosen.fn(c)
        if lang == "en" and source.kind == "government" and "organisation" in summary:
            # A ministry does not write "the organisation documented": another source.
            self._no_government = True
            return None
        summary = clean(summary, lang)
        # A submission that does not say when (or repeats another's opening) says when it
        # was sent: "In a submission dated 4 May, police ...".
        if attempt > 0 or (event.kind == "none" and rng.random() < 0.5):
            summary = with_prefix(rng, summary, lang, received, source.kind)
        base = sentences(summary)
        budget = 4 - base - (1 if c.confidential else 0)
        joiner = "" if lang == "zh" else " "
        options = tails(c, topic)
        if (
            options
            and budget >= 1
            and len(c.persons) <= 1
            and rng.random() < (0.65 if base <= 2 else 0.25)
        ):
            summary = summary + joiner + rng.choice(options)()
        if c.confidential:
            summary = summary + joiner + confidential_detail(c)
        summary = clean(summary, lang)
        if lang == "en":
            we = WE[source.kind]
            summary = summary.replace("The organisation", cap(we)).replace("the organisation", we)
            if rng.random() < 0.3:
                summary = QUOTED.sub(r"*\1*", summary, count=1)
        if sentences(summary) > 4:
            raise SystemExit(f"too many sentences ({topic}, {lang}): {summary}")
        if not self._distinct(summary):
            return None
        if (
            self.rng.random() < 0.5
            and source.kind in ("defender", "journalist")
            and len(c.persons) <= 2
        ):
            self.consents[INDIVIDUAL_CONSENT[source.name]] += 1
            c.persons.append(
                {
                    "name": source.name,
                    "role": "source",
                    "consent": INDIVIDUAL_CONSENT[source.name],
                    "group": "human rights defender" if source.kind == "defender" else "journalist",
                }
            )
        self.usage[key] += 1
        data = {
            "country": country,
            "year": year,
            "event_date": event.iso(),
            "location": c.location,
            "title": clean(title, lang),
            "summary": summary,
            "language": RECORD_LANG_TAG[lang],
            "categories": list(dict.fromkeys(chosen.cats)),
            "source": {"name": source.name, "kind": source.kind, "reliability": source.reliability},
            "credibility": self.credibility(source),
            "citation": citation(rng, source, lang, received, year),
            "persons": c.persons,
            "figures": c.figures,
            "sensitivity": sensitivity,
            "received": received.isoformat(),
        }
        row = Row(data, topic, event.start, own_facts)
        self.rows.append(row)
        return row

    def _distinct(self, summary: str) -> bool:
        """No summary's opening (what tests look for) may appear in another summary."""
        head = summary[:60]
        for row in self.rows:
            other = row.data["summary"]
            if head in other or other[:60] in summary:
                return False
        return True

    # -- the plan ----------------------------------------------------------------
    def sensitivities(self, slots: list) -> list[str]:
        """Exact shares per country and year; sensitive topics are likelier to be confidential.

        The records written out in full (figures, laws, demography) are all public, so
        the planned ones carry a little more than the overall target of 55/35/10.
        """
        n = len(slots)
        confidential, restricted = round(n * 0.11), round(n * 0.385)

        def key(slot) -> float:
            topic = slot[0]
            if topic == "religion.us-engagement":
                return -1.0
            return self.rng.random() + (0.45 if topic in SENSITIVE_TOPICS else 0.0)

        keys = [key(slot) for slot in slots]
        order = sorted(range(n), key=lambda i: -keys[i])
        out = ["public"] * n
        for rank, i in enumerate(order):
            if rank < confidential:
                out[i] = "confidential"
            elif rank < confidential + restricted:
                out[i] = "restricted"
        return out

    def plan(self, country: str, year: int) -> list[tuple[str, tuple | None]]:
        counts = dict(PLAN)
        for topic, extra in PLAN_EXTRA[country].items():
            counts[topic] += extra
        slots: list[tuple[str, tuple | None]] = []
        windows = [(date(year, 1, 1), date(year, 3, 31)), (date(year, 4, 1), date(year, 12, 31))]
        tip_index = 0
        for topic, n in counts.items():
            for _ in range(n):
                window = None
                if topic in TIP_TOPICS:
                    window = windows[tip_index % 2]
                    tip_index += 1
                slots.append((topic, window))
        self.rng.shuffle(slots)
        return slots

    def assign_languages(self, country: str, slots: list) -> list[str]:
        target = LANG_TARGET[country]
        counts: Counter = Counter()
        out = []
        for total, (topic, _) in enumerate(slots):
            avail = self.languages(country, topic)

            def score(lang: str, total: int = total) -> float:
                return target[lang] * (total + 1) - counts[lang] + self.rng.random() * 0.4

            best = max(avail, key=score)
            counts[best] += 1
            out.append(best)
        return out

    def build(self) -> list[dict]:
        for country in COUNTRY_NAMES:
            for year in YEARS:
                slots = self.plan(country, year)
                langs = self.assign_languages(country, slots)
                levels = self.sensitivities(slots)
                for (topic, window), lang, level in zip(slots, langs, levels, strict=True):
                    kinds = TIP_DATE_KINDS if window else DEFAULT_DATE_KINDS
                    self.record(
                        country, year, topic, lang, window=window, kinds=kinds, sensitivity=level
                    )
        self.twins()
        special_records(self)
        return self.finish()

    def twins(self) -> None:
        for country, year, label, (first, second) in TWINS:
            found = {}
            for (topic, lang), tpls in TEMPLATES.items():
                for i, t in enumerate(tpls):
                    if t.twin == label and t.only in (None, country):
                        found[lang] = (topic, ((topic, lang, i), t))
            topic, tpl = found[first]
            row = self.record(country, year, topic, first, tpl=tpl)
            facts = row.facts
            topic2, tpl2 = found[second]
            used = row.data["source"]["name"]
            for _ in range(20):
                src = self.pick_source(country, second, topic2)
                if src.name != used:
                    break
            self.record(country, year, topic2, second, tpl=tpl2, facts=facts, src=src)

    def finish(self) -> list[dict]:
        def order(row: Row) -> tuple:
            d = row.data
            return (d["country"], d["year"], d["event_date"] or "9999", d["received"], d["summary"])

        self.rows.sort(key=order)
        numbers: Counter = Counter()
        for row in self.rows:
            d = row.data
            numbers[(d["country"], d["year"])] += 1
            d["id"] = f"{d['country']}-{d['year']}-{numbers[(d['country'], d['year'])]:04d}"
        for country, year, topic, sections in SECTION_TARGETS:
            matches = [
                r
                for r in self.rows
                if r.data["country"] == country
                and r.data["year"] == year
                and r.topic == topic
                and not r.data.get("sections")
            ]
            # Prefer a public record, so the target shows in public drafts too.
            row = next((r for r in matches if r.data["sensitivity"] == "public"), matches[0])
            row.data["sections"] = sections
        return [tidy(r.data) for r in self.rows]


FIELD_ORDER = (
    "id",
    "country",
    "year",
    "event_date",
    "location",
    "title",
    "summary",
    "language",
    "categories",
    "sections",
    "source",
    "credibility",
    "citation",
    "persons",
    "figures",
    "sensitivity",
    "received",
)


def tidy(data: dict) -> dict:
    """The record as JSON: fields in the model's order, empty ones left out."""
    return {k: data[k] for k in FIELD_ORDER if data.get(k) not in (None, [], {})}


# ===========================================================================
# Records written out in full: TIP figures and legislation, the period
# boundaries (31 March / 1 April), and religious demography.
# ===========================================================================


def special(
    gen: Generator,
    country: str,
    year: int,
    event: Event,
    title: str,
    summary: str,
    cats: list[str],
    src_name: str,
    *,
    lang: str = "en",
    sensitivity: str = "public",
    figures: dict | None = None,
    sections: list[str] | None = None,
    location: str | None = None,
    received: date | None = None,
) -> None:
    src = gen.source_by_name(country, src_name)
    received = received or gen.received(event, year)
    summary = clean(summary, lang)
    if not gen._distinct(summary):
        raise SystemExit(f"special record repeats another: {summary[:60]}")
    if sentences(summary) > 4:
        raise SystemExit(f"too many sentences: {summary}")
    data = {
        "country": country,
        "year": year,
        "event_date": event.iso(),
        "location": location,
        "title": title,
        "summary": summary,
        "language": RECORD_LANG_TAG[lang],
        "categories": cats,
        "sections": sections or [],
        "source": {"name": src.name, "kind": src.kind, "reliability": src.reliability},
        "credibility": gen.credibility(src),
        "citation": citation(gen.rng, src, lang, received, year),
        "persons": [],
        "figures": figures or {},
        "sensitivity": sensitivity,
        "received": received.isoformat(),
    }
    gen.rows.append(Row(data, cats[0], event.start))


def _d(text: str) -> date:
    return date.fromisoformat(text)


def _period(report_year: int) -> Event:
    return Event("range", date(report_year - 1, 4, 1), date(report_year, 3, 31))


# Law-enforcement and victim figures per TIP reporting period (the report year
# it feeds). XA's efforts grow; XB's shrink.
TIP_FIGURES = {
    "XA": {
        2023: ((38, 24, 14), (17, 11, 6), (6, 4, 2), (112, 87)),
        2024: ((51, 29, 22), (26, 15, 11), (11, 7, 4), (164, 139)),
        2025: ((64, 33, 31), (35, 19, 16), (17, 10, 7), (205, 188)),
    },
    "XB": {
        2023: ((29, 21, 8), (14, 10, 4), (7, 6, 1), (73, 41)),
        2024: ((18, 15, 3), (9, 8, 1), (3, 3, 0), (46, 19)),
        2025: ((11, 10, 1), (5, 5, 0), (1, 1, 0), (31, 9)),
    },
}
TIP_SOURCES = {
    "XA": ("Office of the Prosecutor General", "Ministry of Social Development"),
    "XB": ("National Committee to Combat Human Trafficking", "Ministry of Social Solidarity"),
}
NUMBER_WORDS_LIMIT = 20


def _words(n: int) -> str:
    return NUM_EN[n] if n <= NUMBER_WORDS_LIMIT else str(n)


def tip_figures(gen: Generator) -> None:
    for country, periods in TIP_FIGURES.items():
        enforcement_src, care_src = TIP_SOURCES[country]
        for report_year, (inv, pros, conv, care) in periods.items():
            event = _period(report_year)
            # The record belongs to the calendar year the period starts in, except the
            # first period, which the 2023 material needs.
            year = max(event.start.year, YEARS[0])
            span = f"between April {report_year - 1} and March {report_year}"
            figures = {
                "investigations": inv[0],
                "investigations_sex": inv[1],
                "investigations_labor": inv[2],
                "prosecutions": pros[0],
                "prosecutions_sex": pros[1],
                "prosecutions_labor": pros[2],
                "convictions": conv[0],
                "convictions_sex": conv[1],
                "convictions_labor": conv[2],
            }
            received = date(report_year, 4, gen.rng.randint(10, 28))
            if country == "XA":
                text = (
                    f"{cap(span)}, police opened {inv[0]} trafficking investigations "
                    f"({inv[1]} for sex trafficking and {inv[2]} for labor trafficking), "
                    f"prosecutors initiated prosecutions against {pros[0]} suspects "
                    f"({pros[1]} sex, {pros[2]} labor) and courts convicted {conv[0]} "
                    f"traffickers ({conv[1]} sex, {conv[2]} labor). Sentences ranged from "
                    f"{_words(4 + report_year - 2023)} to {_words(12 + report_year - 2023)} "
                    f"years' imprisonment."
                )
            else:
                text = (
                    f"The committee reported that {span} the authorities investigated "
                    f"{inv[0]} trafficking cases ({inv[1]} sex trafficking, {inv[2]} labor "
                    f"trafficking), prosecuted {pros[0]} suspects ({pros[1]} sex, {pros[2]} "
                    f"labor) and convicted {conv[0]} ({conv[1]} sex, {conv[2]} labor). "
                    f"Most convicted traffickers received fines or suspended sentences."
                )
            special(
                gen,
                country,
                year,
                event,
                f"Anti-trafficking law enforcement data, April {report_year - 1} – "
                f"March {report_year}",
                text,
                ["trafficking.prosecution"],
                enforcement_src,
                figures=figures,
                received=received,
            )
            identified, referred = care
            if country == "XA":
                text = (
                    f"{cap(span)}, the government identified {identified} trafficking "
                    f"victims and referred {referred} of them to shelters or other care. "
                    f"Most were Esterran women and girls exploited in commercial sex; "
                    f"foreign men exploited in agriculture and fishing made up about a "
                    f"quarter."
                )
            else:
                text = (
                    f"{cap(span)}, the ministry identified {identified} trafficking victims "
                    f"and referred {referred} to care; the others were deported or returned "
                    f"to their employers. Nearly all were foreign domestic workers."
                )
            special(
                gen,
                country,
                year,
                event,
                f"Trafficking victims identified and referred, April {report_year - 1} – "
                f"March {report_year}",
                text,
                ["trafficking.protection"],
                care_src,
                figures={"victims_identified": identified, "victims_referred": referred},
                received=received + timedelta(days=gen.rng.randint(2, 9)),
            )
    # A provincial figure outside the national statistics, without a split.
    special(
        gen,
        "XB",
        2024,
        Event("day", _d("2024-10-15"), _d("2024-10-15")),
        "Provincial prosecutions not in national statistics",
        "On 15 October the chief prosecutor of Nerith province told embassy officers that "
        "his office had initiated prosecutions against two suspects for trafficking since "
        "April, cases not included in the national committee's statistics. He could not "
        "say whether they concerned sex or labor trafficking.",
        ["trafficking.prosecution"],
        "U.S. Embassy Halvorn",
        sensitivity="restricted",
        figures={"prosecutions": 2},
        location="Nerith",
    )


def tip_fixed(gen: Generator) -> None:
    """Legislation and the records on the period boundaries (31 March, 1 April)."""

    def day(text: str) -> Event:
        return Event("day", _d(text), _d(text))

    def month(text: str) -> Event:
        first = _d(text + "-01")
        return Event(
            "month", first, first.replace(day=calendar.monthrange(first.year, first.month)[1])
        )

    xa = [
        (
            2023,
            day("2023-03-31"),
            "Penal Code amended: child sex trafficking and penalties",
            "On 31 March 2023 the National Assembly adopted Law 9/2023 amending article 188 of the "
            "Penal Code. The amendment removes the requirement to prove force, fraud or coercion "
            "in "
            "cases of child sex trafficking and raises the penalty for trafficking to **eight to "
            "fifteen years' imprisonment**.",
            ["trafficking.legislation", "trafficking.prosecution"],
            "Coalition Against Trafficking in Esterra (CATE)",
        ),
        (
            2023,
            day("2023-04-01"),
            "National action plan against trafficking enters into force",
            "On 1 April 2023 the National Action Plan against Trafficking in Persons 2023–2026 "
            "entered into force, with a budget of 14 million solares and, for the first time, "
            "targets for labour inspections in agriculture and fishing.",
            ["trafficking.prevention"],
            "National Anti-Trafficking Commission",
        ),
        (
            2023,
            month("2023-09"),
            "Decree regulates recruitment agencies",
            "In September the Ministry of Labour and Social Security issued Decree 311/2023 "
            "regulating private recruitment agencies. It bans recruitment fees charged to workers, "
            "requires written contracts in a language the worker understands and creates a public "
            "register of licensed agencies.",
            ["trafficking.legislation", "trafficking.prevention"],
            "Ministry of Labour and Social Security",
        ),
        (
            2024,
            day("2024-03-31"),
            "Inspection campaign on fishing vessels ends",
            "On 31 March 2024 labour inspectors completed a three-month inspection campaign on "
            "fishing vessels in Kestrel Bay. They identified 23 potential victims of forced "
            "labour, "
            "all of whom accepted referral to the state shelter in Aldena.",
            ["trafficking.protection", "labor.forced"],
            "International Labour Organization country office",
        ),
        (
            2024,
            day("2024-04-01"),
            "Victims of Trafficking Protection Act enters into force",
            "On 1 April 2024 the Victims of Trafficking Protection Act (Law 3/2024) entered into "
            "force. It establishes a national referral mechanism, grants foreign victims a "
            "renewable "
            "one-year residence permit whether or not they cooperate with prosecutors, and exempts "
            "victims from punishment for unlawful acts traffickers compelled them to commit.",
            ["trafficking.legislation", "trafficking.protection"],
            "National Anti-Trafficking Commission",
        ),
        (
            2024,
            day("2024-10-22"),
            "Confiscated trafficker assets to fund victim compensation",
            "On 22 October the National Assembly amended the Organised Crime Act to allow the "
            "confiscation of the assets of convicted traffickers. The proceeds will finance a "
            "victims' compensation fund run by the Ministry of Social Development.",
            ["trafficking.legislation"],
            "The Aldena Courier",
        ),
        (
            2024,
            day("2024-05-20"),
            "Coalition calls for shelters outside the capital",
            "On 20 May the coalition welcomed the new referral mechanism but urged the government "
            "to fund shelters outside the capital and to train labour inspectors to identify "
            "forced labour in domestic work.",
            ["trafficking.protection"],
            "Coalition Against Trafficking in Esterra (CATE)",
        ),
    ]
    xb = [
        (
            2023,
            day("2023-02-14"),
            "Amendment allows fines instead of prison for traffickers",
            "On 14 February the Consultative Assembly approved an amendment to the 2011 "
            "Anti-Trafficking Law allowing judges to impose fines instead of imprisonment on "
            "first-time offenders. The coalition warned that such penalties are not commensurate "
            "with those for other grave crimes.",
            ["trafficking.legislation", "trafficking.prosecution"],
            "Morvane Anti-Trafficking Coalition",
        ),
        (
            2023,
            day("2023-03-31"),
            "Women arrested in raid not screened as victims",
            "On 31 March 2023 police raided three massage parlours in Ras Tamir and arrested 14 "
            "foreign women for prostitution and immigration offences. None was screened for "
            "indicators of trafficking before being transferred to the deportation centre.",
            ["trafficking.protection", "trafficking.profile"],
            "Women's Legal Aid Morvane",
        ),
        (
            2023,
            day("2023-04-01"),
            "Government shelter stops admitting victims",
            "On 1 April 2023 the government shelter for trafficking victims in Halvorn stopped "
            "admitting new residents after its operating contract expired. Victims were referred "
            "instead to NGO shelters with no public funding.",
            ["trafficking.protection"],
            "Migrant Care Morvane",
        ),
        (
            2023,
            month("2023-07"),
            "Draft Domestic Workers Law withdrawn",
            "In July the cabinet withdrew the draft Domestic Workers Law, which would have "
            "extended labour code protections, including a weekly rest day and limits on working "
            "hours, to about 180,000 domestic workers.",
            ["trafficking.legislation", "labor.conditions"],
            "Migrant Care Morvane",
        ),
        (
            2023,
            day("2023-06-12"),
            "Coalition recommendations to the government",
            "The Morvane Anti-Trafficking Coalition urged the government to restore the national "
            "committee's own budget, to screen all foreign women arrested in raids for trafficking "
            "indicators, and to prosecute officials complicit in trafficking.",
            ["trafficking.prevention"],
            "Morvane Anti-Trafficking Coalition",
        ),
        (
            2024,
            day("2024-03-31"),
            "Decree folds anti-trafficking committee into Interior",
            "On 31 March 2024 a royal decree moved the National Committee to Combat Human "
            "Trafficking from the Prime Minister's Office to the Royal Ministry of Interior and "
            "abolished its separate budget line.",
            ["trafficking.legislation", "trafficking.prevention"],
            "Morvane Times",
        ),
        (
            2024,
            day("2024-04-01"),
            "Shelter reopens for nationals only",
            "On 1 April 2024 the government shelter in Halvorn reopened with 12 beds, but only for "
            "Morvanian nationals. Foreign victims, who make up most of those identified, remain "
            "excluded.",
            ["trafficking.protection"],
            "Women's Legal Aid Morvane",
        ),
        (
            2024,
            month("2024-11"),
            "Migrant workers allowed to change employer after two years",
            "In November the Consultative Assembly passed a law allowing migrant workers to change "
            "employer after two years of service without the first employer's consent; workers "
            "who leave earlier still need a release letter.",
            ["trafficking.legislation", "labor.forced"],
            "Ministry of Human Resources",
        ),
    ]
    for country, rows in (("XA", xa), ("XB", xb)):
        for year, event, title, summary, cats, src in rows:
            sections = (
                ["tip:recommendations"] if title.startswith("Coalition recommendations") else None
            )
            special(gen, country, year, event, title, summary, cats, src, sections=sections)


# Religious demography: (country, year, source, event date, population, shares in
# percent by group slug). Shares add up to a little under 100: the rest did not say.
DEMOGRAPHY = [
    (
        "XA",
        2023,
        "National Institute of Statistics and Census",
        "2023-05-17",
        8_412_300,
        {
            "roman_catholic": 48.6,
            "evangelical_protestant": 19.4,
            "indigenous_traditional": 6.1,
            "sunni_muslim": 4.9,
            "buddhist": 3.8,
            "jewish": 0.2,
            "other": 1.4,
            "none": 15.3,
        },
    ),
    (
        "XA",
        2024,
        "Centre for the Study of Religion, University of Aldena",
        "2024-03",
        8_468_000,
        {
            "roman_catholic": 46.9,
            "evangelical_protestant": 21.2,
            "indigenous_traditional": 6.4,
            "sunni_muslim": 5.0,
            "buddhist": 3.7,
            "jewish": 0.2,
            "other": 1.5,
            "none": 14.8,
        },
    ),
    (
        "XB",
        2023,
        "Central Statistics Authority",
        "2023-06-10",
        12_760_000,
        {
            "sunni_muslim": 68.9,
            "shia_muslim": 12.1,
            "orthodox_christian": 5.2,
            "roman_catholic": 1.7,
            "buddhist": 3.1,
            "bahai": 0.4,
            "jewish": 0.05,
            "other": 8.25,
        },
    ),
    (
        "XB",
        2024,
        "Halvorn University, Centre for Religious Studies",
        None,
        12_905_000,
        {
            "sunni_muslim": 66.8,
            "shia_muslim": 13.0,
            "orthodox_christian": 5.4,
            "roman_catholic": 1.8,
            "buddhist": 3.4,
            "bahai": 0.5,
            "jewish": 0.05,
            "none": 6.9,
            "other": 1.9,
        },
    ),
]
GROUP_NAMES = {
    "roman_catholic": "Roman Catholics",
    "evangelical_protestant": "evangelical Protestants",
    "indigenous_traditional": "followers of Tayuni traditional spirituality",
    "sunni_muslim": "Sunni Muslims",
    "shia_muslim": "Shia Muslims",
    "orthodox_christian": "Orthodox Christians",
    "buddhist": "Buddhists",
    "jewish": "Jews",
    "bahai": "Baha'is",
    "none": "people with no religion",
    "other": "others",
}


def demography(gen: Generator) -> None:
    for country, year, src, when, population, shares in DEMOGRAPHY:
        figures = {"population": population}
        for slug, pct in shares.items():
            figures[f"adherents_{slug}"] = round(population * pct / 100)
        main = [s for s in shares if s not in ("jewish", "other", "bahai")]
        parts = [f"{GROUP_NAMES[s]} {shares[s]:g} percent" for s in main]
        parts[-1] = "and " + parts[-1]
        small = [
            f"{round(figures['adherents_' + s], -2):,} {GROUP_NAMES[s]}"
            for s in ("bahai", "jewish")
            if s in shares
        ]
        rest = f" Smaller communities include about {' and '.join(small)}." if small else ""
        if when is None:
            event = Event("none")
            opening = (
                f"A national survey by the {src.split(', ')[1]} estimates the "
                f"population at {population:,}."
            )
        elif len(when) == 7:
            event = Event(
                "month",
                _d(when + "-01"),
                _d(when + "-01").replace(day=calendar.monthrange(int(when[:4]), int(when[5:]))[1]),
            )
            opening = (
                f"In {MONTHS_EN[event.start.month - 1]} the {src.split(', ')[0]} "
                f"published a national survey estimating the population at "
                f"{population:,}."
            )
        else:
            event = Event("day", _d(when), _d(when))
            opening = (
                f"On {_day_en(event.start, False)} the {src} published the religion "
                f"tables of the {year - 1} census, which counted {population:,} "
                f"residents."
            )
        summary = (
            f"{opening} {cap(GROUP_NAMES[main[0]])} make up {shares[main[0]]:g} "
            f"percent, {', '.join(parts[1:])}.{rest}"
        )
        if country == "XB" and "none" not in shares:
            summary += " The census form offers no 'no religion' option."
        special(
            gen,
            country,
            year,
            event,
            f"Religious demography, {year}",
            summary,
            ["religion.demography"],
            src,
            figures=figures,
        )
    singles = [
        (
            "XA",
            2023,
            "2023-08-09",
            "en",
            "Evangelical Alliance of Esterra",
            "Evangelical churches estimate their membership",
            "On 9 August the Evangelical Alliance of Esterra estimated that 1.9 million people, "
            "about 23 percent of the population, belong to evangelical churches, more than the "
            "census shows because many members also identify as Catholic.",
            {"adherents_evangelical_protestant": 1_900_000},
        ),
        (
            "XA",
            2024,
            "2024-06-18",
            "es",
            "Centro de Estudios Religiosos, Universidad de San Caelo",
            "Estimación de practicantes de la espiritualidad tayuni",
            "El 18 de junio el Centro de Estudios Religiosos estimó que unas 540.000 personas "
            "practican la espiritualidad tayuni, muchas de ellas junto con el catolicismo.",
            {"adherents_indigenous_traditional": 540_000},
        ),
        (
            "XB",
            2023,
            "2023-09-05",
            "zh",
            "莫尔凡佛教协会",
            "佛教徒人数估计",
            "9月5日，莫尔凡佛教协会估计全国约有45万名佛教徒，多数为华人后裔和来自亚洲的外籍劳工，"
            "高于官方统计数字。",
            {"adherents_buddhist": 450_000},
        ),
        (
            "XB",
            2024,
            "2024-02-27",
            "en",
            "Morvane Council of Churches",
            "Churches estimate Orthodox community",
            "On 27 February the Morvane Council of Churches estimated the Orthodox Christian "
            "community at about 760,000, including migrant workers not counted in official "
            "figures.",
            {"adherents_orthodox_christian": 760_000},
        ),
        (
            "XB",
            2024,
            "2024-07-14",
            "ar",
            "المجلس الوطني لحقوق الإنسان",
            "تقدير عدد المواطنين الشيعة",
            "في 14 يوليو قدّر المجلس الوطني لحقوق الإنسان عدد المواطنين الشيعة بنحو 1.7 مليون "
            "نسمة، وهو رقم يفوق ما تنشره الإحصاءات الرسمية.",
            {"adherents_shia_muslim": 1_700_000},
        ),
    ]
    for country, year, when, lang, src, title, summary, figures in singles:
        special(
            gen,
            country,
            year,
            Event("day", _d(when), _d(when)),
            title,
            summary,
            ["religion.demography"],
            src,
            lang=lang,
            figures=figures,
        )


def special_records(gen: Generator) -> None:
    tip_figures(gen)
    tip_fixed(gen)
    demography(gen)


# ===========================================================================
# Checks, validation and output
# ===========================================================================


def validate(records: list[dict]) -> None:
    """Every record must validate against the real model with the shipped vocabulary."""
    sys.path.insert(0, str(ROOT))
    from compiler.records import Record, Vocabulary, load_vocabulary_file

    vocabulary = Vocabulary(load_vocabulary_file(VOCABULARY_FILE))
    errors = []
    for obj in records:
        try:
            Record.model_validate(obj, context={"vocabulary": vocabulary})
        except Exception as exc:  # pydantic.ValidationError, reported in full
            errors.append(f"{obj.get('id')}: {exc}")
    if errors:
        raise SystemExit("invalid sample records:\n" + "\n".join(errors))


def event_start(value: str) -> date:
    first = value.split("/")[0]
    return _d(first + "-01") if len(first) == 7 else _d(first)


def check(records: list[dict]) -> None:
    """The properties the demo and the tests rely on; any failure stops the run."""
    problems: list[str] = []
    ids = [r["id"] for r in records]
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids")
    vocabulary = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))["categories"]
    for entry in vocabulary:
        for country in COUNTRY_NAMES:
            for year in YEARS:
                n = sum(
                    1
                    for r in records
                    if r["country"] == country
                    and r["year"] == year
                    and entry["id"] in r["categories"]
                )
                if n < 2:
                    problems.append(f"{entry['id']}: only {n} record(s) for {country} {year}")
    # Unconsented names may appear only in records that list the person.
    named = {p["name"] for r in records for p in r.get("persons", []) if p["consent"] == "named"}
    unconsented = sorted(
        {
            p["name"]
            for r in records
            for p in r.get("persons", [])
            if p["consent"] != "named" and p["name"] not in named
        }
    )
    for r in records:
        listed = {p["name"] for p in r.get("persons", [])}
        text = " ".join(
            [
                r["title"],
                r["summary"],
                r.get("location") or "",
                r["source"]["name"],
                (r.get("citation") or {}).get("text", ""),
            ]
        )
        for name in unconsented:
            if name in text and name not in listed and r["source"]["name"] != name:
                problems.append(f"{r['id']} mentions {name} without listing them")
    # TIP periods and boundaries.
    for country in COUNTRY_NAMES:
        for report_year in (2023, 2024, 2025):
            lo, hi = date(report_year - 1, 4, 1), date(report_year, 3, 31)
            n = sum(
                1
                for r in records
                if r["country"] == country
                and r.get("event_date")
                and any(c.startswith("trafficking.") for c in r["categories"])
                and lo <= event_start(r["event_date"]) <= hi
            )
            if n < 3:
                problems.append(f"{country}: only {n} trafficking records for TIP {report_year}")
        for boundary in ("2023-03-31", "2023-04-01", "2024-03-31", "2024-04-01"):
            if not any(
                r["country"] == country and r.get("event_date") == boundary for r in records
            ):
                problems.append(f"{country}: no record dated {boundary}")
    for r in records:
        figures = r.get("figures", {})
        if "population" in figures:
            total = sum(v for k, v in figures.items() if k.startswith("adherents_"))
            if not 0.97 * figures["population"] <= total <= figures["population"]:
                problems.append(f"{r['id']}: adherents sum to {total}")
    if problems:
        raise SystemExit("sample checks failed:\n" + "\n".join(problems))


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def render_countries() -> str:
    lines = [
        "# Names of the fictional countries in the bundled sample (ISO 3166-1",
        "# user-assigned codes: no real country will ever have them).",
        *(f"{code}: {name}" for code, name in COUNTRY_NAMES.items()),
    ]
    return "\n".join(lines) + "\n"


def stats(records: list[dict]) -> str:
    out = [f"{len(records)} records"]
    for label, key in (
        ("country", lambda r: r["country"]),
        ("year", lambda r: r["year"]),
        ("country-year", lambda r: f"{r['country']} {r['year']}"),
        ("language", lambda r: r["language"]),
        ("sensitivity", lambda r: r["sensitivity"]),
    ):
        counts = Counter(key(r) for r in records)
        out.append(f"{label}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    persons = [(p, r) for r in records for p in r.get("persons", [])]
    consent = Counter(p["consent"] for p, _ in persons)
    out.append(
        f"persons: {len(persons)}; consent: "
        + ", ".join(f"{k} {v}" for k, v in sorted(consent.items()))
    )
    mentioned = Counter(p["consent"] for p, r in persons if p["name"] in r["summary"])
    out.append(
        "named in the summary, by consent: "
        + ", ".join(f"{k} {mentioned[k]}/{consent[k]}" for k in sorted(consent))
    )
    out.append(
        "persons per record: "
        + ", ".join(
            f"{k}: {v}"
            for k, v in sorted(Counter(len(r.get("persons", [])) for r in records).items())
        )
    )
    out.append(
        "categories per record: "
        + ", ".join(
            f"{k}: {v}" for k, v in sorted(Counter(len(r["categories"]) for r in records).items())
        )
    )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; fail if the files differ from what would be written",
    )
    parser.add_argument("--stats", action="store_true", help="print counts")
    args = parser.parse_args(argv)

    records = Generator().build()
    validate(records)
    check(records)
    outputs = {RECORDS_FILE: render(records), COUNTRIES_FILE: render_countries()}
    if args.check:
        stale = [
            p
            for p, text in outputs.items()
            if not p.exists() or p.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(records)} records to {RECORDS_FILE.relative_to(ROOT)}")
    if args.stats:
        print(stats(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
