"""Draft prose in the conventions of the State Department's country reports.

Report plugins (built-in or third-party) turn records into paragraphs with
these functions so every report reads the same way:

* a lead sentence that says whether there were reports at all
  (:func:`lead_sentence`);
* one attributed paragraph per record, naming the source and its kind and
  keeping the record's own text, figures and period (:func:`attribution`,
  :func:`record_paragraphs`, :func:`paragraphs`);
* the cross-report pointer ("See the Department of State's annual
  Trafficking in Persons Report ...", :func:`pointer`);
* a section's blocks in one call (:func:`section_paragraphs`).

Everything here works on records already made safe for the draft's audience
(:class:`hrdraft.SelectedRecord`): it never sees a name it may not print.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Sequence

import pycountry

from .document import Paragraph, Pointer
from .records import Record
from .select import SelectedRecord

__all__ = [
    "NUMEROUS",
    "attribution",
    "first_sentence",
    "is_english",
    "language_name",
    "lead_sentence",
    "paragraphs",
    "period_phrase",
    "pointer",
    "pointer_sentence",
    "record_paragraphs",
    "section_paragraphs",
    "series",
]

# From this many records on, a lead sentence says "numerous reports". The
# published reports use "numerous" for a pattern rather than a handful of
# incidents; four independent records is where a drafter would start to
# call it one.
NUMEROUS = 4

NOT_APPLICABLE = "Not applicable."

# The other reports a section may point to, as the published HRR cites them.
# The address is printed as text, never fetched.
REPORTS: dict[str, tuple[str, str | None]] = {
    "tip": (
        "the Department of State's annual Trafficking in Persons Report",
        "https://www.state.gov/trafficking-in-persons-report/",
    ),
    "irf": (
        "the Department of State's International Religious Freedom Report",
        "https://www.state.gov/religiousfreedomreport/",
    ),
    "hrr": (
        "the Department of State's Country Reports on Human Rights Practices",
        "https://www.state.gov/reports-bureau-of-democracy-human-rights-and-labor/"
        "country-reports-on-human-rights-practices/",
    ),
}

_MONTHS = tuple(calendar.month_name)[1:]

# Sentence-initial words that are not proper nouns, so "Police detained ..."
# can follow "reported that" as "police detained ...". Anything else (a
# name, an acronym, "Ministry ...") keeps its capital letter: a wrong capital
# is a smaller fault in a draft than a lower-cased name.
_COMMON_WORDS = """
    a an the this that these those some several many most all no one two three four
    five six seven eight nine ten dozens hundreds thousands at on in during between
    from since by after before over under for of with without following throughout
    until while when although despite according as there it they he she we its their
    his her police authorities security soldiers officers officials unknown unidentified
    armed government local state prison prisons detainees journalists protesters
    students workers members militants gunmen masked civil human women men children
    families residents villagers activists lawyers judges courts prosecutors traffickers
    perpetrators assailants attackers individuals people persons victims guards prisoners
    inmates migrants refugees troops forces military media reports demonstrators
    opposition religious ethnic indigenous employers companies landowners settlers
"""
_COMMON_STARTS = frozenset(_COMMON_WORDS.split())

_ABBREVIATIONS = frozenset({"Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Col", "Lt", "No", "Art", "Sgt"})


def series(items: Sequence[str], conjunction: str = "and", separator: str = ", ") -> str:
    """Join phrases as prose: "a", "a and b", "a, b, and c" (serial comma, as State prints).

    With ``separator="; "`` the last item reads "...; and c".
    """
    items = [i for i in items if i]
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2 and separator == ", ":
        return f"{items[0]} {conjunction} {items[1]}"
    return f"{separator.join(items[:-1])}{separator}{conjunction} {items[-1]}"


def lead_sentence(
    count: int, topic: str, *, claim: str | None = None, conditional: bool = False
) -> str:
    """The sentence a subsection opens with, given how many records it has.

    * no records: ``"There were no reports of {topic} during the year."``, or
      ``"Not applicable."`` when the heading is conditional (printed only
      where relevant, e.g. HRR 1.i in countries without armed conflict);
    * one record: ``"There was a report that {claim}."``;
    * two or three: ``"There were reports that {claim}."``;
    * :data:`NUMEROUS` or more: ``"There were numerous reports that {claim}."``.

    ``claim`` is the clause the published report uses (e.g. "the government
    or its agents committed arbitrary or unlawful killings"); without one
    the sentence reads "There were reports of {topic}."
    """
    if count <= 0:
        if conditional:
            return NOT_APPLICABLE
        return f"There were no reports of {topic} during the year."
    what = f"that {claim}" if claim else f"of {topic}"
    if count == 1:
        return f"There was a report {what}."
    if count >= NUMEROUS:
        return f"There were numerous reports {what}."
    return f"There were reports {what}."


def language_name(tag: str) -> str:
    """The English name of a BCP 47 language ("es" → "Spanish"), or the tag itself."""
    base = tag.split("-")[0].lower()
    found = pycountry.languages.get(alpha_2=base) if len(base) == 2 else None
    found = found or pycountry.languages.get(alpha_3=base)
    if found is None:
        return tag
    return re.sub(r"\s*\(.*\)$", "", found.name.split(";")[0]).strip()


def is_english(record: Record) -> bool:
    """Whether the record is written in English (any regional variant)."""
    return record.language.split("-")[0].lower() == "en"


def first_sentence(text: str) -> str:
    """The text up to and including its first full stop (for summaries).

    A stop after an initial or a title ("U.S.", "Dr.") does not end a sentence.
    """
    for m in re.finditer(r"[.!?](?=\s+[A-Z0-9\"“(]|\s*$)", text):
        before = re.search(r"(\S+)$", text[: m.start()])
        token = before[1] if before else ""
        if re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", token) or token in _ABBREVIATIONS:
            continue
        return text[: m.end()].strip()
    return text.strip()


def period_phrase(record: Record) -> str:
    """When the record's event happened, as a draft says it ("on March 14").

    US style, as the State Department prints dates: "on March 14", "in
    March", "between January and September", "during the year". Empty for
    an undated record.
    """
    if not record.event_date:
        return ""
    start, end = record.period  # type: ignore[misc]
    whole_year = (start.month, start.day, end.month, end.day) == (1, 1, 12, 31)
    if start.year != end.year:
        first, last = _MONTHS[start.month - 1], _MONTHS[end.month - 1]
        return f"between {first} {start.year} and {last} {end.year}"
    if whole_year:
        return "during the year" if start.year == record.year else f"in {start.year}"
    if start == end:
        return f"on {_MONTHS[start.month - 1]} {start.day}"
    if start.month == end.month and start.day == 1 and end.day >= 28:
        return f"in {_MONTHS[start.month - 1]}"
    if start.month == end.month:
        return f"between {_MONTHS[start.month - 1]} {start.day} and {end.day}"
    return f"between {_MONTHS[start.month - 1]} and {_MONTHS[end.month - 1]}"


def _mentions_when(text: str) -> bool:
    """Whether the text already says when (a month, a year, "during the year")."""
    months = "|".join(_MONTHS)
    return bool(re.search(rf"\b({months}|\d{{4}}|during the year)\b", text, re.IGNORECASE))


def _lower_start(text: str) -> str:
    words = re.findall(r"[A-Za-z']+", text[:80])
    if not words:
        return text
    first = words[0]
    # A possessive ("Police's") is judged by its noun.
    noun = first.lower().removesuffix("'s").rstrip("'")
    # "A" is an article; "UN" or "NGO" in capitals is an acronym and stays.
    acronym = len(first) > 1 and first.isupper()
    # A capitalised plural followed by a verb ("Vandals damaged") is a common
    # noun; a name at the start of a summary usually comes with its surname.
    plural = len(first) > 3 and first.endswith("s") and len(words) > 1 and words[1][:1].islower()
    if not acronym and (noun in _COMMON_STARTS or plural):
        return text[:1].lower() + text[1:]
    return text


def _the(name: str) -> str:
    return name if name.lower().startswith("the ") else f"the {name}"


def _unnamed(name: str) -> bool:
    # select.py replaces an unconsented individual source's name with a
    # description ("a human rights defender"); never put "The" before it.
    return name.lower().startswith(("a ", "an "))


def _frames(record: Record) -> tuple[str, str]:
    """(frame before a "that" clause, frame before a quotation) for the source."""
    name = record.source.name
    kind = record.source.kind
    if kind == "ngo":
        return f"The NGO {name} reported that", f"The NGO {name} reported"
    if kind == "media":
        return f"According to media reports by {name},", f"Media reports by {name} stated"
    if kind == "government":
        who = "The government"
        if "government" not in name.lower():
            who += f", through {_the(name)},"
        return f"{who} stated that", f"{who} stated"
    if kind == "un":
        body = _the(name) if re.search(r"\b(UN|United Nations)", name) else f"the UN {name}"
        body = body[:1].upper() + body[1:]
        return f"{body} reported that", f"{body} reported"
    if kind == "academic":
        return f"According to academic research by {name},", f"Academic research by {name} stated"
    if kind == "mission":
        post = "consulate" if "consulate" in name.lower() else "embassy"
        return f"The {post} observed that", f"The {post} observed"
    # Individuals: a defender or a journalist, named only with consent.
    role = "human rights defender" if kind == "defender" else "journalist"
    who = name[:1].upper() + name[1:] if _unnamed(name) else f"The {role} {name}"
    return f"{who} reported that", f"{who} reported"


def attribution(record: Record) -> str:
    """The record's summary as attributed draft prose.

    The source is named with its kind ("The NGO Red Norte reported that
    ...", "According to media reports by Diario Sur, ...", "The government
    stated that ...", "The UN ... reported that ...", "According to academic
    research by ..., ...", "A human rights defender reported that ...", "The
    embassy observed that ..."). The summary's text, figures and period are
    kept word for word; the event's date is added in front ("on March 14,
    ...") only when the summary does not already say when.

    For a record not written in English the frame stays English and the
    original follows untranslated: ``The NGO X reported (original in
    Spanish, not translated):``. Use :func:`record_paragraphs` to get the
    original as its own paragraph with its language tag.
    """
    that_frame, quote_frame = _frames(record)
    summary = record.summary.strip()
    if not is_english(record):
        return f"{quote_frame} (original in {language_name(record.language)}, not translated):"
    clause = _lower_start(summary)
    when = period_phrase(record)
    if when and not _mentions_when(summary):
        clause = f"{when}, {clause}"
    if not clause.endswith((".", "!", "?", '"', "”")):
        clause += "."
    return f"{that_frame} {clause}"


def record_paragraphs(item: SelectedRecord) -> list[Paragraph]:
    """The paragraphs one record contributes, each citing it.

    An English record gives one attributed paragraph. A record in another
    language gives two: the English attribution frame, then the original
    text as its own paragraph tagged with the record's language, so the
    renderer marks it (``lang``/``dir``) and a translator can find it.
    """
    record = item.record
    if is_english(record):
        return [Paragraph(text=attribution(record), cites=(item.cite,))]
    return [
        Paragraph(text=attribution(record), cites=(item.cite,)),
        Paragraph(text=record.summary.strip(), cites=(item.cite,), lang=record.language),
    ]


def paragraphs(items: Iterable[SelectedRecord]) -> list[Paragraph]:
    """One attributed paragraph per record (two for a non-English one), in the given order.

    Records are not merged: each paragraph cites exactly the record its text
    comes from, so a reviewer can trace every sentence and a revised record
    changes only its own paragraph in a diff. Pass the items in event order
    (the core already does).
    """
    out: list[Paragraph] = []
    for item in items:
        out += record_paragraphs(item)
    return out


def section_paragraphs(
    items: Sequence[SelectedRecord],
    topic: str,
    *,
    claim: str | None = None,
    conditional: bool = False,
) -> list[Paragraph]:
    """A subsection's text: the lead sentence, then one paragraph per record.

    The lead sentence cites every record it counts, so "There were numerous
    reports ..." is traceable like any other claim. With no records it is
    the section's only paragraph ("There were no reports of {topic} during
    the year." or "Not applicable.").
    """
    lead = lead_sentence(len(items), topic, claim=claim, conditional=conditional)
    return [Paragraph(text=lead, cites=tuple(i.cite for i in items)), *paragraphs(items)]


def pointer_sentence(report: str, title: str | None = None, url: str | None = None) -> str:
    """ "See the Department of State's annual Trafficking in Persons Report at <address>."

    ``report`` is a report type name; "tip", "irf" and "hrr" have their
    published titles and addresses built in. For another report type give
    ``title`` (and ``url`` if it has one). The address is printed, never
    fetched.
    """
    known_title, known_url = REPORTS.get(report, (None, None))
    title = title or known_title or f"the {report.upper()} report"
    url = url or known_url
    return f"See {title} at {url}." if url else f"See {title}."


def pointer(report: str, title: str | None = None, url: str | None = None) -> Pointer:
    """The cross-report :class:`hrdraft.Pointer` block for :func:`pointer_sentence`."""
    return Pointer(report=report, text=pointer_sentence(report, title, url))
