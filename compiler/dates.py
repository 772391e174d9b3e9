"""When an event happened, in draft prose: saying a date, and finding one a text already says.

The published reports date every incident as precisely as the source allows
("On February 9, police ...", "In March ...", "Between April and June
..."), in US style. The HRR leaves the year implied for a date inside its
reporting year and writes it across a year boundary; the TIP report, whose
period (1 April to 31 March) spans two calendar years, writes the year with
every date. :func:`when` says a period in those conventions.

A record's summary often says the date itself ("On 9 February, police ...").
:func:`states_period` tells whether a text states *that same* date, by the
date forms of the text's language, so the draft never says it twice and
never drops it because the summary happens to contain "march" or "may":

* English: a capitalised month name with a day or a year beside it ("9
  February", "February 9", "February 9, 2023", "February 2023") or after a
  preposition ("in March", "between May and June"), and ISO dates
  ("2023-02-09", "2023-02");
* Spanish "9 de febrero (de 2023)", "en febrero"; French "9 février", "1er
  mars", "en mars"; Chinese "2023年2月9日", "2月9日", "二月九日"; Arabic month
  names (both the Levantine and the Egyptian/Gulf series) with a day or a
  year, or after "في".

A year alone counts for an event that lasted the whole year ("in 2023",
"during the year").
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

__all__ = ["DateMention", "mentions", "states_period", "when", "year_implied"]

MONTHS: tuple[str, ...] = tuple(calendar.month_name)[1:]

# Month names by language, each name → month number. Abbreviations are
# English ones as newsrooms print them ("Feb.", "Sept.").
_EN = {name: i for i, name in enumerate(MONTHS, start=1)}
_EN.update(
    {
        abbr: i
        for i, abbr in enumerate(
            ("Jan", "Feb", "Mar", "Apr", None, "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"),
            start=1,
        )
        if abbr
    }
)
_EN["Sep"] = 9
_ES = {
    name: i
    for i, name in enumerate(
        (
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
        ),
        start=1,
    )
}
_ES["setiembre"] = 9
_FR = {
    name: i
    for i, name in enumerate(
        (
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ),
        start=1,
    )
}
_FR.update({"fevrier": 2, "aout": 8, "decembre": 12})
_AR: dict[str, int] = {}
for _i, _names in enumerate(
    (
        ("يناير", "كانون الثاني"),
        ("فبراير", "شباط"),
        ("مارس", "آذار"),
        ("أبريل", "ابريل", "إبريل", "نيسان"),
        ("مايو", "أيار"),
        ("يونيو", "يونيه", "حزيران"),
        ("يوليو", "يوليه", "تموز"),
        ("أغسطس", "اغسطس", "آب"),
        ("سبتمبر", "أيلول"),
        ("أكتوبر", "اكتوبر", "تشرين الأول"),
        ("نوفمبر", "تشرين الثاني"),
        ("ديسمبر", "كانون الأول"),
    ),
    start=1,
):
    _AR.update(dict.fromkeys(_names, _i))

_ZH_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
_ZH_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})


@dataclass(frozen=True)
class DateMention:
    """A date a text states: a month, perhaps with its day and year; or a year alone."""

    year: int | None
    month: int | None
    day: int | None = None


def _alternation(names: dict[str, int]) -> str:
    # Longest first, so "Sept" is not read as "Sep" + "t".
    return "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))


_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th|er)?"
_YEAR = r"(?P<{}>(?:19|20)\d\d)"

_EN_MONTH = rf"(?P<m>{_alternation(_EN)})\.?"
_EN_FORMS = (
    # 9 February (2023) / 9th Feb. 2023
    re.compile(rf"\b{_DAY.format('d')}\s+{_EN_MONTH}(?:,?\s+{_YEAR.format('y')})?\b"),
    # February 9 (, 2023)
    re.compile(rf"\b{_EN_MONTH}\s+{_DAY.format('d')}\b(?:,?\s+{_YEAR.format('y')})?"),
    # February 2023
    re.compile(rf"\b{_EN_MONTH},?\s+{_YEAR.format('y')}\b"),
    # in March, between May and June, early April, mid-July, the end of May
    re.compile(
        r"(?:\b(?:[Ii]n|[Dd]uring|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom|[Bb]etween|and|to|[Ee]arly|"
        rf"[Ll]ate|[Mm]id-?|[Tt]hrough|[Tt]hroughout|of|[Bb]efore|[Aa]fter)\s*){_EN_MONTH}\b"
    ),
)
_ISO = re.compile(r"\b(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)(?:-(?P<d>[0-3]\d))?\b")
_ES_MONTH = rf"(?P<m>{_alternation(_ES)})"
_ES_FORMS = (
    re.compile(
        rf"\b{_DAY.format('d')}\s+de\s+{_ES_MONTH}(?:\s+(?:de|del)\s+{_YEAR.format('y')})?\b",
        re.I,
    ),
    re.compile(rf"\b{_ES_MONTH}\s+(?:de|del)\s+{_YEAR.format('y')}\b", re.I),
    re.compile(rf"\b(?:en|desde|hasta|entre|durante|de|y|a)\s+{_ES_MONTH}\b", re.I),
)
_FR_MONTH = rf"(?P<m>{_alternation(_FR)})"
_FR_FORMS = (
    re.compile(rf"\b{_DAY.format('d')}\s+{_FR_MONTH}(?:\s+{_YEAR.format('y')})?\b", re.I),
    re.compile(rf"\b{_FR_MONTH}\s+{_YEAR.format('y')}\b", re.I),
    re.compile(
        rf"\b(?:en|depuis|jusqu'en|entre|durant|pendant|de|et|à|au mois de)\s+{_FR_MONTH}\b", re.I
    ),
)
_ZH_NUMBER = r"[0-9〇零一二两三四五六七八九十]{1,3}"
_ZH_FORM = re.compile(
    rf"(?:(?P<y>[0-9〇零一二三四五六七八九]{{4}})\s*年\s*)?(?P<m>{_ZH_NUMBER})\s*月"
    rf"(?:\s*(?P<d>{_ZH_NUMBER})\s*[日号])?"
)
_ZH_YEAR = re.compile(r"(?P<y>(?:19|20)\d\d)\s*年")
_AR_MONTH = rf"(?P<m>{_alternation(_AR)})"
# An Arabic word may carry a one-letter prefix ("و30 أبريل": "and 30 April").
_AR_START = r"(?:^|(?<=[\s(،,؛])|(?<=[\s(،,؛][وبلف]))"
_AR_FORMS = (
    re.compile(
        rf"{_AR_START}{_DAY.format('d')}\s*(?:من\s+)?{_AR_MONTH}(?:\s*(?:عام\s+)?{_YEAR.format('y')})?(?!\w)"
    ),
    re.compile(rf"{_AR_START}{_AR_MONTH}\s*(?:عام\s+|سنة\s+)?{_YEAR.format('y')}(?!\w)"),
    re.compile(rf"{_AR_START}(?:في|خلال|منذ|حتى|بين)\s+(?:شهر\s+)?{_AR_MONTH}(?!\w)"),
)
_YEAR_ALONE = re.compile(
    r"\b(?:[Ii]n|[Dd]uring|[Tt]hroughout|[Ss]ince|[Oo]f|[Ee]n|[Dd]urante|[Pp]endant)\s+"
    r"(?P<y>(?:19|20)\d\d)\b"
)
_THE_YEAR = re.compile(r"\b(?:during|throughout|over|in) the (?:year|reporting period)\b", re.I)


def _zh_number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    if len(text) == 4 and all(c in _ZH_DIGITS for c in text):  # 二〇二三
        return int("".join(str(_ZH_DIGITS[c]) for c in text))
    if "十" in text:
        tens, _, ones = text.partition("十")
        value = (_ZH_DIGITS.get(tens, 0) if tens else 1) * 10
        return value + (_ZH_DIGITS.get(ones, 0) if ones else 0)
    if len(text) == 1 and text in _ZH_DIGITS:
        return _ZH_DIGITS[text]
    return None


def _ascii_digits(text: str) -> str:
    # Arabic-Indic and other decimal digits read as 0-9, length unchanged.
    return "".join(
        str(unicodedata.digit(c)) if c.isdigit() and not c.isascii() else c for c in text
    )


def _add(found: list[DateMention], names: dict[str, int], match: re.Match[str]) -> None:
    groups = match.groupdict()
    raw = groups.get("m") or ""
    month = names.get(raw) or names.get(raw.lower()) or names.get(raw.capitalize())
    day = int(groups["d"]) if groups.get("d") else None
    year = int(groups["y"]) if groups.get("y") else None
    if month and (day is None or 1 <= day <= 31):
        found.append(DateMention(year, month, day))


def mentions(text: str, language: str = "en") -> list[DateMention]:
    """Every date `text` states, by English forms and those of `language` (a BCP 47 tag)."""
    text = _ascii_digits(text)
    found: list[DateMention] = []
    for form in _EN_FORMS:
        for match in form.finditer(text):
            _add(found, _EN, match)
    for match in _ISO.finditer(text):
        month = int(match["m"])
        if 1 <= month <= 12:
            found.append(
                DateMention(int(match["y"]), month, int(match["d"]) if match["d"] else None)
            )
    base = language.split("-")[0].lower()
    extra = {"es": (_ES, _ES_FORMS), "fr": (_FR, _FR_FORMS), "ar": (_AR, _AR_FORMS)}.get(base)
    if extra:
        names, forms = extra
        for form in forms:
            for match in form.finditer(text):
                _add(found, names, match)
    # Chinese date forms are unmistakable (年/月/日), so they are read in any text.
    for match in _ZH_FORM.finditer(text):
        month = _zh_number(match["m"])
        day = _zh_number(match["d"]) if match["d"] else None
        year = _zh_number(match["y"]) if match["y"] else None
        if month and 1 <= month <= 12 and (day is None or 1 <= day <= 31):
            found.append(DateMention(year, month, day))
    for match in (*_YEAR_ALONE.finditer(text), *_ZH_YEAR.finditer(text)):
        found.append(DateMention(int(match["y"]), None))
    return found


def _is(mention: DateMention, day: date, *, precise: bool) -> bool:
    if mention.month != day.month or (mention.year is not None and mention.year != day.year):
        return False
    if precise:
        return mention.day == day.day
    # A month-long event: the month, or a day inside it, states it.
    return True


def states_period(text: str, period: tuple[date, date], language: str = "en") -> bool:
    """Whether `text` already states the event period `period` (first and last day).

    The same date, not any date: a text about 9 February does not state 10
    February. A day is stated by that day; a month by that month (or a day
    in it); a range by both its ends; a whole calendar year by that year or
    "during the year". A stated date may leave the year out.
    """
    start, end = period
    found = mentions(text, language)
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if whole_year and start.year == end.year:
        return bool(_THE_YEAR.search(text)) or any(
            m.year == start.year and m.month is None for m in found
        )
    if start == end:
        return any(_is(m, start, precise=True) for m in found)
    if (start.year, start.month) == (end.year, end.month):
        # "in March", "between 9 and 17 August", "on 9 August" for a range
        # of days in August: the month, or a day inside the range.
        return any(
            _is(m, start, precise=False) and (m.day is None or start.day <= m.day <= end.day)
            for m in found
        )
    # Months apart: both ends' months ("between May and June", "from
    # April 2022 to March 2023").
    return any(_is(m, start, precise=False) for m in found) and any(
        _is(m, end, precise=False) for m in found
    )


def year_implied(period: tuple[date, date], within: tuple[date, date] | None) -> bool:
    """Whether a draft covering `within` may leave the year of `period` unsaid.

    Only when `within` is one calendar year and the event lies in that year:
    the HRR's convention. A reporting period across two calendar years (TIP,
    1 April to 31 March) writes the year with every date.
    """
    if within is None:
        return False
    first, last = within
    return first.year == last.year == period[0].year == period[1].year


def when(period: tuple[date, date], within: tuple[date, date] | None = None) -> str:
    """The event period as a draft says it: "on March 14", "in March 2023", "between ...".

    US style, as the State Department prints dates. The year is written
    unless :func:`year_implied`. A whole year inside `within` is "during the
    year" ("during the reporting period" is not used: TIP events are dated).
    """
    start, end = period
    implied = year_implied(period, within)
    year = "" if implied else f", {start.year}"
    month_year = "" if implied else f" {start.year}"
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if start.year != end.year:
        first, last = MONTHS[start.month - 1], MONTHS[end.month - 1]
        return f"between {first} {start.year} and {last} {end.year}"
    if whole_year:
        return "during the year" if implied else f"in {start.year}"
    if start == end:
        return f"on {MONTHS[start.month - 1]} {start.day}{year}"
    if start.month == end.month and start.day == 1 and end.day >= 28:
        return f"in {MONTHS[start.month - 1]}{month_year}"
    if start.month == end.month:
        return f"between {MONTHS[start.month - 1]} {start.day} and {end.day}{year}"
    return f"between {MONTHS[start.month - 1]} and {MONTHS[end.month - 1]}{month_year}"
