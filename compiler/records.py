"""The record model: one piece of civil-society input, and its validation.

A record says what happened, when, where, to whom and by whom, who reported
it, how reliable that source is and how sensitive the record is. Its shape
follows the HURIDOCS Events Standard Formats and Uwazi's conventions (see
docs/records.md). Validation needs the controlled vocabulary, which plugins
can extend, so it is passed in the validation context.
"""

from __future__ import annotations

import calendar
import difflib
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Annotated, Any, Literal, get_args

import langcodes
import pycountry
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
    model_serializer,
    model_validator,
)

Sensitivity = Literal["public", "restricted", "confidential"]
Consent = Literal["named", "anonymous", "withheld"]
Role = Literal["victim", "perpetrator", "witness", "source"]
SourceKind = Literal[
    "ngo", "defender", "journalist", "media", "un", "government", "academic", "mission"
]
Reliability = Literal["A", "B", "C", "D", "E", "F"]
# What a record's figures count: a total for a period (as governments and
# statistics offices report them) or the count of one incident or case.
FigureScope = Literal["period", "incident"]
# The scope a record's figures have when it does not say (docs/records.md).
PERIOD_SOURCE_KINDS: frozenset[str] = frozenset({"government"})


def _any_case(choices: Any) -> BeforeValidator:
    """Accept an enumerated value in any case ("Anonymous", "PUBLIC", "b"), stored canonical.

    Spreadsheets capitalise cells; the meaning is the same, so the value is
    folded to the spelling the record format uses rather than refused.
    """
    canonical = {c.casefold(): c for c in get_args(choices)}

    def fold(value: Any) -> Any:
        if isinstance(value, str):
            return canonical.get(value.strip().casefold(), value)
        return value

    return BeforeValidator(fold)


SENSITIVITIES: tuple[str, ...] = ("public", "restricted", "confidential")

# ISO 3166-1 keeps these alpha-2 codes for user assignment: no real country
# will ever get them, so sample and test data can use them safely.
_USER_ASSIGNED = re.compile(r"^(AA|Q[M-Z]|X[A-Z]|ZZ)$")

_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class Category:
    """One entry of the controlled vocabulary of record categories."""

    id: str
    label: str
    description: str = ""


class Vocabulary:
    """The merged set of known category ids, with nearest-match suggestions."""

    def __init__(self, categories: list[Category]) -> None:
        self.categories: dict[str, Category] = {c.id: c for c in categories}

    def __contains__(self, category_id: object) -> bool:
        return category_id in self.categories

    def suggest(self, unknown: str, n: int = 3) -> list[str]:
        """The known ids closest to `unknown`, best first."""
        ids = list(self.categories)
        close = difflib.get_close_matches(unknown, ids, n=n, cutoff=0.5)
        if not close:
            # A record may use the leaf ("torture") or a prefix ("detention").
            close = [i for i in ids if unknown in i][:n]
        return close


class FigureNames:
    """The figure names report types declare; ``adherents_<group>`` is a pattern."""

    def __init__(self, names: list[str]) -> None:
        self.names = sorted(set(names))
        self._patterns = [
            re.compile("[a-z0-9_]+".join(map(re.escape, re.split(r"<[^>]+>", n))) + "$")
            for n in self.names
        ]
        self._seen: dict[str, bool] = {}

    def __contains__(self, name: object) -> bool:
        if not isinstance(name, str):
            return False
        known = self._seen.get(name)
        if known is None:  # a few names recur in every record: match each once
            known = any(p.match(name) for p in self._patterns)
            if len(self._seen) < 10_000:  # bounded, whatever a file contains
                self._seen[name] = known
        return known

    def suggest(self, unknown: str, n: int = 3) -> list[str]:
        return difflib.get_close_matches(unknown, self.names, n=n, cutoff=0.6)


# Dates as spreadsheets and other conventions write them: 14/03/2024,
# 03.14.2024, 2024/03/14. Never guessed (03/04/2024 is April in one country and
# March in another): the message says what to write instead.
_DMY_OR_MDY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_YMD_SLASHED = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")


def _real(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_form_hint(value: str) -> str | None:
    """What to write instead of a day-first, month-first or slashed date; None for others."""
    text = value.strip()
    if m := _YMD_SLASHED.match(text):
        d = _real(int(m[1]), int(m[2]), int(m[3]))
        if d:
            return f"write dates as YYYY-MM-DD: {d.isoformat()} (not {text!r})"
        return None
    m = _DMY_OR_MDY.match(text)
    if not m:
        return None
    a, b, year = int(m[1]), int(m[2]), int(m[3])
    day_first, month_first = _real(year, b, a), _real(year, a, b)
    if day_first and month_first and day_first != month_first:
        return (
            f"{text!r} could be day-first ({day_first.isoformat()}) or month-first "
            f"({month_first.isoformat()}); write dates as YYYY-MM-DD, the one you mean"
        )
    if day_first:
        return f"write dates as YYYY-MM-DD: {day_first.isoformat()} (day-first {text!r})"
    if month_first:
        return f"write dates as YYYY-MM-DD: {month_first.isoformat()} (month-first {text!r})"
    return f"{text!r} is not a real date; write dates as YYYY-MM-DD"


def parse_partial_date(value: str) -> tuple[date, date]:
    """The first and last day covered by a full date, `YYYY-MM`, `YYYY` or a range.

    Raises ValueError with a message a submitter can act on.
    """
    if hint := date_form_hint(value):
        raise ValueError(hint)
    parts = value.split("/")
    if len(parts) > 2:
        raise ValueError(f"{value!r} has more than one '/'; a range is FROM/TO")
    if len(parts) == 2:
        start, _ = parse_partial_date(parts[0])
        _, end = parse_partial_date(parts[1])
        if end < start:
            raise ValueError(f"range {value!r} ends before it starts")
        return start, end
    m = _PARTIAL_DATE.match(value.strip())
    if not m:
        raise ValueError(f"{value!r} is not a date; use YYYY-MM-DD, YYYY-MM, YYYY or FROM/TO")
    year, month, day = int(m[1]), m[2], m[3]
    try:
        if day:
            d = date(year, int(month), int(day))
            return d, d
        if month:
            last = calendar.monthrange(year, int(month))[1]
            return date(year, int(month), 1), date(year, int(month), last)
    except ValueError as exc:
        raise ValueError(f"{value!r} is not a real date ({exc})") from None
    return date(year, 1, 1), date(year, 12, 31)


# -------------------------------------------------------------------------
# Text as it is stored: one Unicode form, nothing invisible, bounded sizes
# -------------------------------------------------------------------------

# Invisible characters that carry no meaning in record text but can hide a
# name from a search ("Fuen\u00adtes", "Ana\u200bRuiz"): removed. Soft hyphen,
# zero-width space, word joiner, invisible operators, BOM (zero-width no-break
# space), Mongolian vowel separator, left-to-right/right-to-left/Arabic letter
# marks, tag characters, and (in records read back from an older store)
# C0/C1 controls other than tab and line breaks.
_REMOVED = re.compile(
    "[\u00ad\u200b\u200e\u200f\u061c\u180e\u2060-\u2064\ufeff"
    "\U000e0000-\U000e007f\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
# Control characters other than tab and line breaks: NUL (which PostgreSQL
# cannot store), escape sequences that drive a terminal, C1 controls. No
# text a person wrote has them; an export that does is broken or hostile, so
# at ingest they are a row error, never silently dropped.
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# Bidi embeddings, overrides and isolates make text display in another order
# than it is stored ("\u202ezeiuR" shows as "Ruiz"): removing them would
# change what a reader sees, keeping them lets text look like what it is not.
# A submitter must remove them: they are refused at ingest.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Zero-width joiner and non-joiner shape Arabic-script and Indic words and
# emoji sequences; between letters of other scripts they do nothing: removed.
_JOINER_SCRIPTS = (
    "\u0600-\u08ff\u0900-\u0dff\u0f00-\u0fff\u1000-\u109f\u1780-\u18af"
    "\ufb50-\ufdff\ufe70-\ufeff\u2600-\u27bf\U0001f000-\U0001faff\ufe0f"
)
_IDLE_JOINER = re.compile(f"(?<![{_JOINER_SCRIPTS}])[\u200c\u200d](?![{_JOINER_SCRIPTS}])")

# The longest text each field may hold (characters). Past these a record is
# not text for a draft any more (and matching it would be slow for nothing):
# a row error names the field and its limit. Documented in docs/records.md.
LIMITS: dict[str, int] = {
    "id": 200,
    "title": 500,
    "summary": 20_000,
    "location": 500,
    "source.name": 300,
    "citation.text": 2_000,
    "citation.url": 2_000,
    "persons.name": 300,
    "persons.group": 300,
    "persons.gender": 100,
}


def clean_text(value: str, *, strict: bool = False) -> str:
    """`value` as it is stored: NFC, line breaks as ``\n``, without invisible characters.

    With `strict` (ingest), control characters (NUL, escape, C1) and bidi
    embeddings, overrides and isolates raise ValueError; without it (a record
    read back from the store, written before this rule) they are removed.
    """
    if "\r" in value:
        # A CSV saved on Windows ends lines in cells with CRLF, an old Mac export
        # with CR: the same text from any file is stored with "\n" alone.
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    if strict and (control := _CONTROLS.search(value)):
        raise ValueError(
            f"contains the control character U+{ord(control.group()):04X} at position "
            f"{control.start() + 1}; remove it (export the file again as plain text)"
        )
    if value.isascii():
        return _REMOVED.sub("", value) if not value.isprintable() else value
    if _BIDI_CONTROLS.search(value):
        if strict:
            raise ValueError(
                "contains bidirectional control characters (U+202A-U+202E, U+2066-U+2069), "
                "which make text display in another order than it is written; remove them"
            )
        value = _BIDI_CONTROLS.sub("", value)
    value = _IDLE_JOINER.sub("", _REMOVED.sub("", value))
    if not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)
    return value


def _check_text(value: Any, limit_key: str, info: ValidationInfo) -> Any:
    """Clean one text field; at ingest (validation with a context) check its size."""
    if not isinstance(value, str):
        return value
    strict = info.context is not None
    value = clean_text(value, strict=strict)
    limit = LIMITS.get(limit_key)
    if strict and limit is not None and len(value) > limit:
        raise ValueError(
            f"is {len(value):,} characters long; the limit is {limit:,} characters "
            "(docs/records.md, Limits): shorten it or split the record"
        )
    return value


def _schema_limit(key: str) -> dict[str, Any]:
    return {"maxLength": LIMITS[key]}


# Ingest validates many records with few distinct countries, languages and
# dates: the lookups behind them are cached (errors are re-raised each time).


@lru_cache(maxsize=4096)
def _country_code(value: str) -> str:
    code = value.strip().upper()
    if _USER_ASSIGNED.match(code) or pycountry.countries.get(alpha_2=code):
        return code
    guess = pycountry.countries.get(alpha_3=code)
    hint = f" (did you mean {guess.alpha_2}, {guess.name}?)" if guess else ""
    raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code{hint}")


_PRIVATE_USE = re.compile(r"(?:^|-)x-", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _standard_language(tag: str, strict: bool = True) -> str:
    if _PRIVATE_USE.search(tag):
        # A private-use subtag is free text: it reaches the draft's markup
        # (lang="es-x-quesada") and can carry anything, a name included.
        if strict:
            raise ValueError(
                f"{tag!r} has a private-use subtag (-x-...), which can carry any text "
                "into the draft; give the language alone (e.g. es, zh-Hans)"
            )
        tag = _PRIVATE_USE.split(tag)[0] or "und"
    if not langcodes.tag_is_valid(tag):
        raise ValueError(f"{tag!r} is not a BCP 47 language tag (e.g. en, es, zh-Hans, ar)")
    return langcodes.standardize_tag(tag)


@lru_cache(maxsize=65536)
def _cached_period(value: str) -> tuple[date, date]:
    return parse_partial_date(value)


def _check_known(names: list[str], known: Any, what: str, where: str) -> None:
    """Raise for the first name `known` lacks, naming the nearest known ones.

    `known` is a Vocabulary or FigureNames from the validation context, or
    None when validating without one (stored records).
    """
    if known is None:
        return
    for name in names:
        if name not in known:
            near = known.suggest(name)
            hint = f"; nearest known: {', '.join(near)}" if near else ""
            raise ValueError(f"unknown {what} {name!r}{hint} ({where})")


# REPORT:SECTION (the edition of the record's year) or REPORT@EDITION:SECTION.
_TARGET = re.compile(r"^([a-z0-9_-]+)(?:@([A-Za-z0-9._-]+))?:([A-Za-z0-9._-]+)$")


def parse_target(target: str) -> tuple[str, str | None, str]:
    """(report type, edition or None, section id) of a `sections` target.

    ``hrr@2023:1.c`` names its edition; ``hrr:1.c`` gives None: the edition
    whose years include the record's year is meant.
    """
    match = _TARGET.match(target)
    if match is None:
        report, _, section = target.partition(":")
        return report, None, section
    return match.group(1), match.group(2), match.group(3)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Source(_Model):
    """Who reported the record, what kind of source they are, how reliable."""

    name: Annotated[
        str,
        Field(
            min_length=1,
            description="Organisation or person who reported it",
            json_schema_extra=_schema_limit("source.name"),
        ),
    ]
    kind: Annotated[SourceKind, _any_case(SourceKind)] = Field(
        description="What kind of source this is"
    )
    reliability: Annotated[Reliability, _any_case(Reliability)] = Field(
        "F", description="Source reliability, A (reliable) to F (cannot be judged)"
    )

    @field_validator("name")
    @classmethod
    def _text(cls, v: str, info: ValidationInfo) -> str:
        return _check_text(v, "source.name", info)


class Citation(_Model):
    """How a draft cites the record's original."""

    text: Annotated[str, Field(min_length=1, json_schema_extra=_schema_limit("citation.text"))]
    url: str | None = Field(
        None,
        description="http(s) address; shown, never fetched",
        json_schema_extra=_schema_limit("citation.url"),
    )

    @field_validator("text", "url")
    @classmethod
    def _text(cls, v: str | None, info: ValidationInfo) -> str | None:
        return _check_text(v, f"citation.{info.field_name}", info)

    @field_validator("url")
    @classmethod
    def _http_only(cls, v: str | None) -> str | None:
        if v is not None and not re.match(r"^https?://", v):
            raise ValueError("a citation URL must start with http:// or https://")
        return v


class Person(_Model):
    """A person the record names, with their consent to be named."""

    name: Annotated[str, Field(min_length=1, json_schema_extra=_schema_limit("persons.name"))]
    role: Annotated[Role, _any_case(Role)]
    consent: Annotated[Consent, _any_case(Consent)] = Field(
        "anonymous",
        description="named: may be named in a public draft; anonymous: described, "
        "never named; withheld: not used at all",
    )
    group: str | None = Field(
        None,
        description="e.g. 'human rights defender', 'journalist'",
        json_schema_extra=_schema_limit("persons.group"),
    )
    gender: str | None = Field(None, json_schema_extra=_schema_limit("persons.gender"))
    age: Annotated[int, Field(ge=0, le=130)] | None = None

    @field_validator("name", "group", "gender")
    @classmethod
    def _text(cls, v: str | None, info: ValidationInfo) -> str | None:
        return _check_text(v, f"persons.{info.field_name}", info)


def _romanised_forms(name: str) -> set[str]:
    """A non-Latin name's romanisations as one lower-case run of letters, both name orders.

    ``张伟`` → {"zhangwei", "weizhang"}; ``Лукашенко Ігор`` → {"lukashenkoigor",
    "igorlukashenko"}. Empty for a name written in Latin letters (the
    scrubber finds those itself) and for scripts without usable
    romanisation here (Arabic script drops its vowels).
    """
    from anyascii import anyascii

    if name.isascii() or all(
        unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha()
    ):
        return set()  # Latin letters, accented or not: the scrubber's own to match
    syllables = re.findall(r"[A-Z][a-z]*|[a-z]+", anyascii(name))
    if len(syllables) < 2 or len("".join(syllables)) < 4 or "".join(syllables).islower():
        return set()
    forms = {"".join(syllables), "".join(syllables[1:] + syllables[:1])}
    return {f.lower() for f in forms}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _check_romanised_names(record: Record) -> None:
    """Refuse a translation that writes an unconsenting person's name in Latin letters.

    The scrubber matches a name as it is written in ``persons``, in any
    case, accents or look-alike letters, but not in another script: "Zhang
    Wei" in an English translation is not 张伟 to it. So at ingest a
    translation may not carry the romanised name of a person who is not
    named with consent; the hint says what to write instead.
    """
    forms = {
        form: i
        for i, p in enumerate(record.persons)
        if p.consent != "named"
        for form in _romanised_forms(p.name)
    }
    if not forms:
        return
    for tag, translation in record.translations.items():
        for field_name in ("title", "summary"):
            value = getattr(translation, field_name) or ""
            # Only what the translation writes in Latin letters: a name left in
            # its own script is the scrubber's to find, and finds it.
            plain = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode()
            words = re.findall(r"[a-z0-9]+", plain.lower())
            for i in range(len(words)):
                for j in range(i + 1, min(i + 5, len(words)) + 1):
                    if (k := forms.get("".join(words[i:j]))) is not None:
                        raise ValueError(
                            f"translations.{tag}.{field_name} writes the name of persons.{k} "
                            "(who is not named with consent) in Latin letters, at its "
                            f"{_ordinal(i + 1)} Latin word; the draft could not hide it. "
                            "Describe the person instead (e.g. 'a journalist')"
                        )


class Translation(_Model):
    """A translation of a record's title and summary into one language.

    It translates the title and summary of the revision it is stored with;
    a later revision with other text does not inherit it (see
    ``hrdraft.store.records.current_revisions``).
    """

    title: str | None = Field(None, json_schema_extra=_schema_limit("title"))
    summary: Annotated[
        str,
        Field(
            min_length=1,
            description="The summary in this language (safe Markdown subset)",
            json_schema_extra=_schema_limit("summary"),
        ),
    ]

    @field_validator("title", "summary")
    @classmethod
    def _text(cls, v: str | None, info: ValidationInfo) -> str | None:
        return _check_text(v, str(info.field_name), info)


class Record(_Model):
    """One piece of civil-society input (the JSON form of docs/records.md)."""

    id: Annotated[
        str, Field(min_length=1, max_length=200, description="Stable id from the submitter")
    ]
    country: str = Field(description="ISO 3166-1 alpha-2 code")
    year: Annotated[int, Field(ge=1900, le=2200, description="Reporting year")]
    event_date: str | None = Field(None, description="YYYY-MM-DD, YYYY-MM, YYYY or FROM/TO")
    location: str | None = Field(None, json_schema_extra=_schema_limit("location"))
    title: Annotated[str, Field(min_length=1, json_schema_extra=_schema_limit("title"))]
    summary: Annotated[
        str,
        Field(
            min_length=1,
            description="Text for a draft (safe Markdown subset)",
            json_schema_extra=_schema_limit("summary"),
        ),
    ]
    language: str = Field("en", description="BCP 47 language tag")
    translations: dict[str, Translation] = Field(
        default_factory=dict,
        description="Translations of title and summary by BCP 47 language tag, "
        "e.g. {'en': {'title': ..., 'summary': ...}}",
    )
    categories: list[str] = Field(default_factory=list)
    sections: list[str] = Field(
        default_factory=list, description="Explicit targets such as 'hrr:1.c'"
    )
    source: Source
    credibility: Annotated[int, Field(ge=1, le=6)] | None = None
    citation: Citation | None = None
    persons: list[Person] = Field(default_factory=list)
    figures: dict[str, Annotated[int, Field(ge=0)]] = Field(default_factory=dict)
    figure_scope: Annotated[FigureScope, _any_case(FigureScope)] | None = Field(
        None,
        description="period: the figures are totals for a period; incident: the count of "
        "one incident or case. Default by source kind: government period, others incident",
    )
    sensitivity: Annotated[Sensitivity, _any_case(Sensitivity)] = "restricted"
    received: date | None = None

    @field_validator("id", "title", "summary", "location")
    @classmethod
    def _text(cls, v: str | None, info: ValidationInfo) -> str | None:
        return _check_text(v, str(info.field_name), info)

    @field_validator("country", mode="before")
    @classmethod
    def _country(cls, v: Any) -> Any:
        if not isinstance(v, str):
            return v
        return _country_code(v)

    @field_validator("event_date")
    @classmethod
    def _event_date(cls, v: str | None) -> str | None:
        if v is not None:
            _cached_period(v)
        return v

    @field_validator("language")
    @classmethod
    def _language(cls, v: str, info: ValidationInfo) -> str:
        return _standard_language(v, info.context is not None)

    @field_validator("translations", mode="before")
    @classmethod
    def _translation_tags(cls, v: Any, info: ValidationInfo) -> Any:
        if not isinstance(v, dict):
            return v
        out: dict[Any, Any] = {}
        for tag, translation in v.items():
            if not isinstance(tag, str):
                raise ValueError(f"translation language {tag!r} must be a BCP 47 tag such as en")
            standard = _standard_language(tag.strip(), info.context is not None)
            if standard in out:
                raise ValueError(f"two translations into {standard!r}; keep one")
            out[standard] = translation
        return out

    @model_validator(mode="after")
    def _not_into_itself(self, info: ValidationInfo) -> Record:
        own = self.language.split("-")[0].lower()
        for tag in self.translations:
            if tag.split("-")[0].lower() == own:
                # es-419 beside es is a variant, not a translation: the draft
                # would print it as "translated from Spanish".
                raise ValueError(
                    f"translations.{tag}: the record is written in {self.language!r}; "
                    "a translation is into another language"
                )
        if info.context is not None and self.translations:
            _check_romanised_names(self)
        return self

    @field_validator("categories")
    @classmethod
    def _categories(cls, v: list[str], info: ValidationInfo) -> list[str]:
        _check_known(
            v,
            (info.context or {}).get("vocabulary"),
            "category",
            "see `hrdraft categories` for the full list",
        )
        return v

    @field_validator("sections")
    @classmethod
    def _sections(cls, v: list[str]) -> list[str]:
        for target in v:
            if not _TARGET.match(target):
                raise ValueError(
                    f"section target {target!r} must look like REPORT:SECTION or "
                    "REPORT@EDITION:SECTION, e.g. hrr:1.c or hrr@2023:1.c"
                )
        return v

    @field_validator("figures")
    @classmethod
    def _figures(cls, v: dict[str, int], info: ValidationInfo) -> dict[str, int]:
        _check_known(
            list(v),
            (info.context or {}).get("figures"),
            "figure",
            "report types declare the figures they read; see `hrdraft plugins --details`",
        )
        return v

    @field_validator("sections", mode="after")
    @classmethod
    def _known_targets(cls, v: list[str], info: ValidationInfo) -> list[str]:
        outlines = (info.context or {}).get("section_targets")
        if outlines is None:
            return v
        report_types = (info.context or {}).get("report_types") or {}
        year = info.data.get("year")
        for target in v:
            report, edition_name, section = parse_target(target)
            # A report type not installed here cannot be checked; it is kept.
            # Whether the section is in the edition meant is an ingest warning.
            if report in outlines and section not in outlines[report]:
                report_type = report_types.get(report)
                if report_type is not None:
                    # Suggested in the edition meant (the one named, else the
                    # record's year's); an id only another edition has is
                    # written with that edition ("hrr@2023:1.d").
                    edition = report_type.edition(edition_name) if edition_name else None
                    if edition is None and isinstance(year, int):
                        edition = report_type.edition_for(year)
                    qualify = bool(edition_name) and edition is not None
                    near = report_type.nearest_targets(section, edition, qualify=qualify)
                    where = f" for the {edition.name} edition" if edition else ""
                    if edition and not edition_name and edition.name != str(year):
                        where += f" (the edition for the record's year {year})"
                    hint = f"; nearest{where}: {', '.join(near)}" if near else ""
                else:
                    ids = sorted(outlines[report])
                    near = difflib.get_close_matches(section, ids, n=3, cutoff=0.3)
                    hint = f"; nearest: {', '.join(report + ':' + s for s in near)}" if near else ""
                raise ValueError(
                    f"{target!r} is in no {report} edition's outline{hint} "
                    "(`hrdraft plugins --details` lists each edition's section ids)"
                )
        return v

    @model_serializer(mode="wrap")
    def _omit_unset_scope(self, handler: Any) -> Any:
        # A record that does not state its figures' scope serialises as before,
        # so its content hash (and every stored revision) is unchanged.
        # Likewise a record without translations.
        data = handler(self)
        if isinstance(data, dict):
            if data.get("figure_scope") is None:
                data.pop("figure_scope", None)
            if not data.get("translations"):
                data.pop("translations", None)
        return data

    @property
    def text_hash(self) -> str:
        """A digest of the title and summary: what a translation of this text translates."""
        text = f"{self.title}\0{self.summary}".encode()
        return hashlib.sha256(text).hexdigest()[:16]

    @property
    def scope(self) -> FigureScope:
        """What the figures count: as stated, else by source kind (government: period)."""
        if self.figure_scope:
            return self.figure_scope
        return "period" if self.source.kind in PERIOD_SOURCE_KINDS else "incident"

    @property
    def period(self) -> tuple[date, date] | None:
        """First and last day of the event, or None when undated."""
        return _cached_period(self.event_date) if self.event_date else None


def load_vocabulary_file(path: Any) -> list[Category]:
    """Read a vocabulary YAML file (a top-level `categories:` list)."""
    import yaml

    with open(path, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    return [Category(**entry) for entry in data["categories"]]
