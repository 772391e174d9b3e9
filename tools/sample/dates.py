"""Dates and numbers as the submissions write them, in en / es / zh / ar.

Month names other than English, and English number words, live in data/words.yaml.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from .data import load

_words = load("words")
MONTHS_EN = list(calendar.month_name)[1:]
MONTHS_ES: list[str] = _words["months"]["es"]
MONTHS_AR: list[str] = _words["months"]["ar"]
# By value: NUM_EN[3] == "three", ORD_EN[3] == "third".
NUM_EN: list[str] = _words["numbers_en"]
ORD_EN: list[str] = _words["ordinals_en"]


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


def day_en(d: date, year: bool) -> str:
    return f"{d.day} {MONTHS_EN[d.month - 1]}" + (f" {d.year}" if year else "")


def day_es(d: date, year: bool) -> str:
    return f"{d.day} de {MONTHS_ES[d.month - 1]}" + (f" de {d.year}" if year else "")


def day_zh(d: date, year: bool) -> str:
    return (f"{d.year}年" if year else "") + f"{d.month}月{d.day}日"


def day_ar(d: date, year: bool) -> str:
    return f"{d.day} {MONTHS_AR[d.month - 1]}" + (f" {d.year}" if year else "")


def when_phrase(ev: Event, lang: str, year: bool, lead: bool) -> str:
    """How a submission says when: "On 14 March" (lead) or "on 14 March" (mid-sentence)."""
    if ev.kind == "none":
        return ""
    s, e = ev.start, ev.end
    if lang == "en":
        if ev.kind == "day":
            out = f"on {day_en(s, year)}"
        elif ev.kind == "month":
            out = f"in {MONTHS_EN[s.month - 1]}" + (f" {s.year}" if year else "")
        elif s.month == e.month:
            out = f"between {s.day} and {day_en(e, year)}"
        else:
            out = f"between {day_en(s, False)} and {day_en(e, year)}"
        return out[:1].upper() + out[1:] if lead else out
    if lang == "es":
        if ev.kind == "day":
            out = f"el {day_es(s, year)}"
        elif ev.kind == "month":
            out = f"en {MONTHS_ES[s.month - 1]}" + (f" de {s.year}" if year else "")
        elif s.month == e.month:
            out = f"entre el {s.day} y el {day_es(e, year)}"
        else:
            out = f"entre el {day_es(s, False)} y el {day_es(e, year)}"
        return out[:1].upper() + out[1:] if lead else out
    if lang == "zh":
        if ev.kind == "day":
            return day_zh(s, year)
        if ev.kind == "month":
            return (f"{s.year}年" if year else "") + f"{s.month}月"
        if s.month == e.month:
            return f"{day_zh(s, year)}至{e.day}日"
        return f"{day_zh(s, year)}至{e.month}月{e.day}日"
    # ar
    if ev.kind == "day":
        return f"في {day_ar(s, year)}"
    if ev.kind == "month":
        return f"خلال شهر {MONTHS_AR[s.month - 1]}" + (f" {s.year}" if year else "")
    if s.month == e.month:
        return f"بين {s.day} و{day_ar(e, year)}"
    return f"بين {day_ar(s, False)} و{day_ar(e, year)}"


LEAD_SEP = {"en": ", ", "es": ", ", "zh": "，", "ar": "، "}


def day_text(d: date, lang: str, year: bool) -> str:
    """A day in the record's language: "14 March", "14 de marzo", "3月14日", "14 مارس"."""
    return {"en": day_en, "es": day_es, "zh": day_zh, "ar": day_ar}[lang](d, year)
