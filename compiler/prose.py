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
* a section's blocks in one call (:func:`section_paragraphs`);
* one telling per incident: a record placed in several sections is told in
  full in the first and referred to in the others, "The report by ... is
  described in section 2.b." (:func:`one_telling`, :func:`reference_paragraph`);
* figures with their scope, period totals beside case counts and never
  added (:func:`scoped_figures`, :func:`figure_sentence`, from
  :mod:`hrdraft.figures`), and the grades that make a source
  :func:`credible`.

Everything here works on records already made safe for the draft's audience
(:class:`hrdraft.SelectedRecord`): it never sees a name it may not print.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

import pycountry

from . import dates
from .document import Block, Paragraph, Pointer, Report, Section
from .figures import (
    CREDIBLE_CREDIBILITY,
    CREDIBLE_RELIABILITY,
    Figures,
    credible,
    figure_sentence,
    reporter,
    scoped_figures,
    source_key,
)
from .records import Record
from .select import SelectedRecord

__all__ = [
    "CREDIBLE_CREDIBILITY",
    "CREDIBLE_RELIABILITY",
    "NO_INFORMATION",
    "NUMEROUS",
    "Figures",
    "Period",
    "attribution",
    "credible",
    "figure_sentence",
    "first_sentence",
    "is_english",
    "language_name",
    "lead_sentence",
    "one_telling",
    "paragraphs",
    "period_phrase",
    "pointer",
    "pointer_sentence",
    "record_paragraphs",
    "reference_paragraph",
    "reporter",
    "scoped_figures",
    "section_label",
    "section_paragraphs",
    "self_attributed",
    "series",
    "source_key",
    "states_date",
]

# From this many records on, a lead sentence says "numerous reports". The
# published reports use "numerous" for a pattern rather than a handful of
# incidents; four independent records is where a drafter would start to
# call it one.
NUMEROUS = 4

NOT_APPLICABLE = "Not applicable."

# A heading with no record this draft may use, but records in scope another
# audience may see: "There were no reports" would be false, and the hidden
# records' content is not this draft's to tell.
NO_INFORMATION = "This draft includes no information on {topic}."

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

# A reporting period: its first and last day.
Period = tuple[date, date]

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
    eleven twelve twenty thirty forty fifty hundred dozen around about nearly more over
    riot border labour labor private unnamed masked plainclothes
"""
_COMMON_STARTS = frozenset(_COMMON_WORDS.split())

_PARTICIPLE_NEXT = frozenset("to on in at for from with about that the a an".split())

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
    count: int,
    topic: str,
    *,
    claim: str | None = None,
    conditional: bool = False,
    withheld: bool = False,
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

    ``withheld``: records for this heading may exist that this draft's
    audience may not use (the core says so for every heading of a public
    draft, and for the headings of hidden records in an internal one); with
    none it may use, the sentence claims no absence (:data:`NO_INFORMATION`),
    neither "no reports" nor "Not applicable".
    """
    if count <= 0:
        if withheld:
            return NO_INFORMATION.format(topic=topic)
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


def period_phrase(record: Record, period: Period | None = None) -> str:
    """When the record's event happened, as a draft says it ("on March 14").

    US style, as the State Department prints dates: "on March 14", "in
    March", "between January and September", "during the year". `period`
    is the draft's reporting period: the year is left implied for a date
    inside a reporting period of one calendar year (the HRR's "the year")
    and written otherwise ("in November 2023" in a TIP draft, whose period
    runs 1 April to 31 March; "on March 3, 2022" in a 2023 HRR draft).
    Without `period`, the record's own calendar year is taken. Empty for an
    undated record.
    """
    if not record.event_date:
        return ""
    return dates.when(record.period, period or _calendar_year(record.year))  # type: ignore[arg-type]


def _calendar_year(year: int) -> Period:
    return date(year, 1, 1), date(year, 12, 31)


def states_date(record: Record, text: str | None = None) -> bool:
    """Whether `text` (the record's summary by default) already states the event's date.

    The same date, found by the date forms of the record's language ("9
    February", "February 9", "2023-02-09", "9 de febrero", "9 février",
    "2月9日", Arabic month names): never by a month word used otherwise ("a
    peaceful march", "officers may have"). See :mod:`hrdraft.dates`.
    """
    if not record.event_date:
        return True
    text = record.summary if text is None else text
    return dates.states_period(text, record.period, record.language)  # type: ignore[arg-type]


def _lower_start(text: str, context: str = "") -> str:
    """`text` with its first letter lower-cased when the first word is a common word.

    The same word is judged the same way in every paragraph: it keeps its
    capital when it is an acronym, or when the record's own text (`context`:
    title and summary) capitalises it in mid-sentence (a name, "Dunmere
    authorities"); it is lower-cased when it is a common sentence opener,
    a capitalised plural before a verb ("Vandals damaged"), or a word the
    record's text also writes in lower case ("Police ... the police").
    """
    words = re.findall(r"[A-Za-z']+", text[:80])
    if not words or not text[:1].isupper():
        return text
    first = words[0]
    # A possessive ("Police's") is judged by its noun.
    noun = first.lower().removesuffix("'s").rstrip("'")
    # "A" is an article; "UN" or "NGO" in capitals is an acronym and stays.
    if len(first) > 1 and first.isupper():
        return text
    stem = re.escape(noun)
    # Capitalised after a lower-case word or a comma: a proper noun.
    capital = stem[:1].upper() + stem[1:]
    if noun not in _COMMON_STARTS and re.search(rf"(?<=[a-z0-9,;)] ){capital}\b", context):
        return text
    # A capitalised plural followed by a verb ("Vandals damaged") is a common
    # noun; a name at the start of a summary usually comes with its surname.
    plural = len(first) > 3 and first.endswith("s") and len(words) > 1 and words[1][:1].islower()
    lower_elsewhere = bool(re.search(rf"\b{stem}\b", context))
    # An opening participle ("Writing to the embassy, ...") is no name.
    participle = noun.endswith("ing") and len(words) > 1 and words[1] in _PARTICIPLE_NEXT
    if noun in _COMMON_STARTS or plural or lower_elsewhere or participle:
        return text[:1].lower() + text[1:]
    return text


def _upper_start(text: str) -> str:
    """The sentence with a capital first letter (after any opening quote or markup)."""
    m = re.search(r"[^\W\d_]", text)
    if m is None or not m.group().islower():
        return text
    return text[: m.start()] + m.group().upper() + text[m.end() :]


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
    if _unnamed(name):
        # The scrubber replaced a name that carried a protected one by its kind
        # ("an NGO", "a media outlet"): that description is the whole subject.
        who = name[:1].upper() + name[1:]
        verb = "stated" if kind == "government" else "reported"
        return f"{who} {verb} that", f"{who} {verb}"
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
    who = f"The {role} {name}"
    return f"{who} reported that", f"{who} reported"


# Verbs with which a summary attributes itself ("The Ministry of Interior
# reported ..."): such a summary already names its source.
_REPORTING = (
    r"(?:reported|reports|stated|states|said|says|documented|documents|recorded|records|"
    r"announced|announces|noted|notes|observed|observes|confirmed|confirms|found|finds|"
    r"counted|registered|estimated|estimates|alleged|alleges|wrote|writes|indicated|"
    r"indicates|disclosed|acknowledged|told|informed|claimed|claims|published|"
    r"has reported|have reported|had reported)"
)
# A date or "during the year" a summary may open with before its subject.
_OPENING = (
    r"(?:(?:on|in|between|during|from|since|by|at the end of|early in|late in)\b"
    r"[^,]{0,60}?,?\s+)?"
)


# The nouns that make a phrase the name of a government body.
_BODY = re.compile(
    r"\b(?:Ministry|Ministries|Department|Office|Agency|Bureau|Commission|Committee|Council|"
    r"Directorate|Secretariat|Authority|Service|Inspectorate|Institute|Ombudsperson|Ombudsman|"
    r"Prosecutor|Police|Court|Tribunal)\b"
)


def _body_names(name: str) -> list[str]:
    """A government body's name as its own text may shorten it.

    "Valdoria Ministry of Interior" is "the Ministry of Interior" in its own
    summary, "Valdoria Statistics Office" "the statistics office": each
    ending of the name of two words or more that starts with a capital and
    still names a body.
    """
    words = name.split()
    endings = (" ".join(words[i:]) for i in range(1, len(words) - 1))
    return [e for e in endings if e[:1].isupper() and _BODY.search(e)]


def _head_noun(record: Record) -> list[str]:
    """A government body's head noun ("committee" of the National Committee to Combat
    Human Trafficking), as its own text names it when it reports: "The committee
    reported that ..."."""
    if record.source.kind != "government":
        return []
    words = re.sub(r"\s*\([^)]*\)", "", record.source.name).split()
    return [w.lower() for w in words if _BODY.fullmatch(w)][:1]


def _named_in_full(record: Record, summary: str) -> str:
    """`summary` with a body that reports by its head noun alone named in full.

    "The committee reported that ..." opens a government body's own summary;
    in a draft the reader has not met the committee yet, so its first words
    become "The National Committee to Combat Human Trafficking reported that
    ...", as the published reports name a body on first mention.
    """
    heads = _head_noun(record)
    name = re.sub(r"\s*\([^)]*\)", "", record.source.name).strip()
    if not heads or name.lower() in summary.lower():
        return summary
    # Lower case: "the committee" is the generic noun; "the Ministry of
    # Interior" is already a name and stays as written.
    m = re.match(rf"(?i:({_OPENING})the)\s+{re.escape(heads[0])}\b", summary)
    if m is None:
        return summary
    full = _the(name)
    if not m.group(1):
        full = full[:1].upper() + full[1:]
    return summary[: m.start(0)] + m.group(1) + full + summary[m.end(0) :]


def _source_names(record: Record) -> list[str]:
    """How a summary may name its own source: the name, its acronym, the kind's word."""
    name = record.source.name.strip()
    names = [name, re.sub(r"\s*\([^)]*\)", "", name)]
    names += re.findall(r"\(([^)]+)\)", name)  # "... (COFADE)"
    if name.lower().startswith("the "):
        names.append(name[4:])
    if record.source.kind == "government":
        names += _body_names(re.sub(r"\s*\([^)]*\)", "", name))
        names.append("government")
    return [n for n in dict.fromkeys(names) if n]


def self_attributed(record: Record, text: str | None = None) -> bool:
    """Whether the summary already opens with its source's attribution.

    "The NGO Lantern Watch reported ...", "On 9 February the Ministry of
    Interior stated ...", "According to the Ministry of Interior, ...",
    "COFADE documented ...": the summary names the record's source (its
    name, an acronym given in the name, or "the government" for a
    government source) with a verb of reporting, so no second attribution
    goes in front of it. A government body may be named as its own text
    shortens it ("the Ministry of Interior" for the Valdoria Ministry of
    Interior), or, when it reports, by its head noun ("The committee
    reported that ..." from the National Committee to Combat Human
    Trafficking).
    """
    text = (record.summary if text is None else text).strip()
    kind = (
        r"(?:the\s+)?(?:NGO|UN|non-governmental organi[sz]ation|media outlet|outlet|journalist|"
        r"human rights defender|defender|government(?:'s)?|embassy|consulate)?\s*"
    )

    def subject(names: list[str]) -> str:
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        return rf"(?:the\s+)?{kind}(?:{alternatives})(?:\s*\([^)]*\))?"

    names = _source_names(record)
    said = names + _head_noun(record)  # "the committee" only as the one who reports
    if re.match(rf"{_OPENING}{subject(said)},?\s+{_REPORTING}\b", text, re.I) or re.match(
        rf"{_OPENING}according\s+to\s+{subject(said)}\b", text, re.I
    ):
        return True
    # A government body that is the subject of its own act ("In September
    # the Ministry of Labour issued Decree 311") is not restated by "The
    # government, through the Ministry of Labour, stated that" either. Only
    # by its own name: "the government submitted a bill", from an
    # ombudsman, is the ombudsman's account and keeps its attribution.
    # Nor is its own estimate, data or statement ("In June, the statistics
    # office's midyear estimate put ...").
    own = [n for n in names if n.lower() != "government"]
    return record.source.kind == "government" and bool(
        re.match(rf"{_OPENING}{subject(own)}(?:\s+(?-i:[a-z]+ed)\b|['’]s\s)", text, re.I)
    )


def attribution(
    record: Record, period: Period | None = None, translated_from: str | None = None
) -> str:
    """The record's summary as attributed draft prose.

    The source is named with its kind ("The NGO Red Norte reported that
    ...", "According to media reports by Diario Sur, ...", "The government
    stated that ...", "The UN ... reported that ...", "According to academic
    research by ..., ...", "A human rights defender reported that ...", "The
    embassy observed that ..."), unless the summary already opens with that
    attribution itself (:func:`self_attributed`): then it stands on its own,
    never attributed twice. The summary's text, figures and period are kept
    word for word; the event's date is added in front ("on March 14, ...")
    unless the summary already states that same date (:func:`states_date`).
    `period` is the draft's reporting period, which decides whether the
    year is written (:func:`period_phrase`).

    Every sentence starts with a capital letter; the summary's first word is
    lower-cased after "reported that" only when it is a common word, judged
    the same way in every paragraph.

    For a record not written in English the frame stays English, says when
    the events happened if the original does not (in its own language's
    date forms), and the original follows untranslated: ``The NGO X
    reported (events on March 14; original in Spanish, not translated):``.
    Use :func:`record_paragraphs` to get the original as its own paragraph
    with its language tag.

    A record given in its English translation (`translated_from`, the
    original's language tag: see ``hrdraft.select.SelectedRecord``) is
    attributed like an English one and says so, as the published reports
    do: ``... detained 40 protesters (unofficial translation from Spanish).``
    """
    that_frame, quote_frame = _frames(record)
    summary = record.summary.strip()
    when = "" if states_date(record) else period_phrase(record, period)
    if not is_english(record):
        language = f"original in {language_name(record.language)}, not translated"
        events = f"events {when}; " if when else ""
        return f"{quote_frame} ({events}{language}):"
    if self_attributed(record):
        summary = _named_in_full(record, summary)
        clause = f"{when}, {_lower_start(summary, summary)}" if when else summary
        clause = _upper_start(clause)
    else:
        context = f"{record.title}\n{summary}"
        clause = _lower_start(summary, context)
        if when:
            clause = f"{when}, {clause}"
        clause = f"{that_frame} {clause}"
    if translated_from:
        label = f"(unofficial translation from {language_name(translated_from)})"
        stop = clause[-1] if clause.endswith((".", "!", "?")) else "."
        clause = f"{clause[:-1] if stop == clause[-1:] else clause} {label}{stop}"
    elif not clause.endswith((".", "!", "?", '"', "”")):
        clause += "."
    return clause


def record_paragraphs(item: SelectedRecord, period: Period | None = None) -> list[Paragraph]:
    """The paragraphs one record contributes, each citing it.

    An English record gives one attributed paragraph, and so does a record
    given in its English translation (labelled as one); an internal draft
    adds the translated record's original after it, tagged with its
    language. A record in another language without a translation gives two:
    the English attribution frame, then the original text as its own
    paragraph tagged with the record's language, so the renderer marks it
    (``lang``/``dir``) and a translator can find it.
    `period` is the draft's reporting period (see :func:`attribution`).
    """
    record = item.record
    if item.translated_from:
        # The translation, labelled; the internal draft keeps the original
        # after it, tagged with its language, for the officer to check.
        out = [
            Paragraph(text=attribution(record, period, item.translated_from), cites=(item.cite,))
        ]
        if item.original is not None:
            out.append(
                Paragraph(
                    text=item.original.summary.strip(),
                    cites=(item.cite,),
                    lang=item.original.language,
                )
            )
        return out
    if is_english(record):
        return [Paragraph(text=attribution(record, period), cites=(item.cite,))]
    return [
        Paragraph(text=attribution(record, period), cites=(item.cite,)),
        Paragraph(text=record.summary.strip(), cites=(item.cite,), lang=record.language),
    ]


def paragraphs(items: Iterable[SelectedRecord], period: Period | None = None) -> list[Paragraph]:
    """One attributed paragraph per record (two for a non-English one), in the given order.

    Records are not merged: each paragraph cites exactly the record its text
    comes from, so a reviewer can trace every sentence and a revised record
    changes only its own paragraph in a diff. Pass the items in event order
    (the core already does), and the draft's reporting period
    (``context.period``) so dates carry their year where the report's
    conventions want it.
    """
    out: list[Paragraph] = []
    for item in items:
        out += record_paragraphs(item, period)
    return out


def section_paragraphs(
    items: Sequence[SelectedRecord],
    topic: str,
    *,
    claim: str | None = None,
    conditional: bool = False,
    period: Period | None = None,
    withheld: bool = False,
) -> list[Paragraph]:
    """A subsection's text: the lead sentence, then one paragraph per record.

    The lead sentence cites every record it counts, so "There were numerous
    reports ..." is traceable like any other claim. With no records it is
    the section's only paragraph ("There were no reports of {topic} during
    the year." or "Not applicable.", or with `withheld` the
    :data:`NO_INFORMATION` line). `period` as for :func:`paragraphs`.
    """
    lead = lead_sentence(len(items), topic, claim=claim, conditional=conditional, withheld=withheld)
    return [Paragraph(text=lead, cites=tuple(i.cite for i in items)), *paragraphs(items, period)]


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


def _who(record: Record) -> str:
    """The source as the object of "the report by ..." (its name as the audience may see it)."""
    name = record.source.name
    kind = record.source.kind
    if kind == "ngo":
        return f"the NGO {name}"
    if kind == "media":
        return f"the media outlet {name}"
    if kind == "government":
        return "the government" if "government" in name.lower() else _the(name)
    if kind == "un":
        return _the(name) if re.search(r"\b(UN|United Nations)", name) else f"the UN {name}"
    if kind == "academic":
        return f"the academic researchers of {name}"
    if kind == "mission":
        return "the consulate" if "consulate" in name.lower() else "the embassy"
    if _unnamed(name):
        return name
    role = "human rights defender" if kind == "defender" else "journalist"
    return f"the {role} {name}"


def section_label(path: Sequence[Section]) -> str:
    """How the published reports refer to a heading: "2.b", "1", "II (Legal Framework)".

    `path` is the heading and its parents, outermost first. Numbers drop
    "Section" and their full stops ("Section 2." and "b." give "2.b"); a
    heading printed without a number is named by its title after its
    parent's number.
    """
    numbers = [s.number.removeprefix("Section").strip().rstrip(".") for s in path]
    label = ".".join(n for n in numbers if n)
    if not path[-1].number:
        title = path[-1].title
        return f"{label} ({title})" if label else title
    return label


def reference_paragraph(
    item: SelectedRecord, label: str, period: Period | None = None
) -> Paragraph:
    """ "The report by the NGO X on March 14 is described in section 2.b.", citing the record.

    What a section says of a record told in full in another: enough to find
    it (its source and date), none of its content twice. It cites the record,
    so its footnote and a withdrawal reach this section too.
    """
    record = item.record
    when = period_phrase(record, period)
    when = f" {when}" if when else ""
    text = _upper_start(f"The report by {_who(record)}{when} is described in section {label}.")
    return Paragraph(text=text, cites=(item.cite,))


def _paths(
    sections: Iterable[Section], above: tuple[Section, ...] = ()
) -> Iterator[tuple[Section, ...]]:
    for section in sections:
        path = (*above, section)
        yield path
        yield from _paths(section.children, path)


def one_telling(
    document: Report,
    items: Iterable[SelectedRecord],
    period: Period | None = None,
    *,
    skip: Iterable[str] = ("summary",),
) -> Report:
    """The document with each record told in full once, referred to in the other sections.

    A record classified to several sections (``context.placement``) gives
    its attributed paragraph(s) (:func:`record_paragraphs`) in each; the
    first section in outline order keeps them and every later one gets one
    :func:`reference_paragraph` in their place, at the same position. Lead
    sentences are left as they are: they still count every record of their
    heading. Sections in `skip` (the Executive Summary, which lists
    headings and tells nothing) are neither tellings nor changed. `items`
    are the draft's records (``context.items``), `period` its reporting
    period, the same as the sections were built with: a paragraph is
    recognised as a telling by being exactly what :func:`record_paragraphs`
    gives for its record, so hand-written blocks are never touched.
    """
    skip = frozenset(skip)
    by_id = {item.id: item for item in items}
    tellings: dict[str, list[Paragraph]] = {}

    def told(block: object) -> str | None:
        if not isinstance(block, Paragraph) or len(block.cites) != 1:
            return None
        rid = block.cites[0].record
        item = by_id.get(rid)
        if item is None:
            return None
        if rid not in tellings:
            tellings[rid] = record_paragraphs(item, period)
        return rid if block in tellings[rid] else None

    told_in: dict[str, tuple[str, str]] = {}  # record id → (id, label) of its full telling
    replaced: dict[str, tuple[Block, ...]] = {}
    for path in _paths(document.sections):
        section = path[-1]
        if section.id in skip:
            continue
        blocks: list[Block] = []
        changed = False
        referred: set[str] = set()
        here: set[str] = set()
        for block in section.blocks:
            rid = told(block)
            if rid is None or rid in here:
                blocks.append(block)
                continue
            if rid not in told_in:
                told_in[rid] = (section.id, section_label(path))
            if told_in[rid][0] == section.id:
                here.add(rid)
                blocks.append(block)
                continue
            changed = True
            if rid not in referred:
                referred.add(rid)
                blocks.append(reference_paragraph(by_id[rid], told_in[rid][1], period))
        if changed:
            replaced[section.id] = tuple(blocks)

    if not replaced:
        return document

    def rebuild(section: Section) -> Section:
        update: dict[str, object] = {"children": tuple(rebuild(c) for c in section.children)}
        if section.id in replaced:
            update["blocks"] = replaced[section.id]
        return section.model_copy(update=update)

    return document.model_copy(update={"sections": tuple(rebuild(s) for s in document.sections)})
