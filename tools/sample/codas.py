"""The sentences around a template's text: closing codas, confidential details, citations.

Like the templates, these are prose in the four languages, and they draw from the
generator's random generator in a fixed order.
"""

from __future__ import annotations

import random
from datetime import date

from .context import Ctx
from .dates import day_text
from .topics import INCIDENT_TOPICS
from .world import Src

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


def citation(rng: random.Random, src: Src, lang: str, received: date, year: int) -> dict | None:
    if rng.random() < 0.12:
        return None
    k = rng.randint(2, 60)
    day = day_text(received, lang, True)
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
