"""The finishing of a summary: tidy whitespace and punctuation, a dated prefix, sentences.

A summary may have at most four sentences (the counting is what SENTENCE_END matches).
"""

from __future__ import annotations

import random
import re
from datetime import date

from .data import load
from .dates import day_text

SENTENCE_END = re.compile(r"[.!?](?=\s|$)|[。！？]")
QUOTED = re.compile(r"(?<![A-Za-z])'([a-z][^']{3,60})'(?![A-Za-z])")

# How a submission says when it was sent, by language (English: by source kind too).
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
# First words that stay lower-case after a prefix: "In a submission dated 4 May, police ...".
LOWER_STARTS = frozenset(load("words")["lower_starts"])


def with_prefix(
    rng: random.Random, summary: str, lang: str, received: date, kind: str = "ngo"
) -> str:
    day = day_text(received, lang, True)
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
