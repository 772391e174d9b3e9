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
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Annotated, Any, Literal

import langcodes
import pycountry
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    field_validator,
)

Sensitivity = Literal["public", "restricted", "confidential"]
Consent = Literal["named", "anonymous", "withheld"]
Role = Literal["victim", "perpetrator", "witness", "source"]
SourceKind = Literal[
    "ngo", "defender", "journalist", "media", "un", "government", "academic", "mission"
]
Reliability = Literal["A", "B", "C", "D", "E", "F"]

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


def parse_partial_date(value: str) -> tuple[date, date]:
    """The first and last day covered by a full date, `YYYY-MM`, `YYYY` or a range.

    Raises ValueError with a message a submitter can act on.
    """
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


@lru_cache(maxsize=4096)
def _standard_language(tag: str) -> str:
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


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Source(_Model):
    """Who reported the record, what kind of source they are, how reliable."""

    name: Annotated[str, Field(min_length=1, description="Organisation or person who reported it")]
    kind: SourceKind = Field(description="What kind of source this is")
    reliability: Reliability = Field(
        "F", description="Source reliability, A (reliable) to F (cannot be judged)"
    )


class Citation(_Model):
    """How a draft cites the record's original."""

    text: Annotated[str, Field(min_length=1)]
    url: str | None = Field(None, description="http(s) address; shown, never fetched")

    @field_validator("url")
    @classmethod
    def _http_only(cls, v: str | None) -> str | None:
        if v is not None and not re.match(r"^https?://", v):
            raise ValueError("a citation URL must start with http:// or https://")
        return v


class Person(_Model):
    """A person the record names, with their consent to be named."""

    name: Annotated[str, Field(min_length=1)]
    role: Role
    consent: Consent = Field(
        "anonymous",
        description="named: may be named in a public draft; anonymous: described, "
        "never named; withheld: not used at all",
    )
    group: str | None = Field(None, description="e.g. 'human rights defender', 'journalist'")
    gender: str | None = None
    age: Annotated[int, Field(ge=0, le=130)] | None = None


class Record(_Model):
    """One piece of civil-society input (the JSON form of docs/records.md)."""

    id: Annotated[
        str, Field(min_length=1, max_length=200, description="Stable id from the submitter")
    ]
    country: str = Field(description="ISO 3166-1 alpha-2 code")
    year: Annotated[int, Field(ge=1900, le=2200, description="Reporting year")]
    event_date: str | None = Field(None, description="YYYY-MM-DD, YYYY-MM, YYYY or FROM/TO")
    location: str | None = None
    title: Annotated[str, Field(min_length=1)]
    summary: Annotated[
        str, Field(min_length=1, description="Text for a draft (safe Markdown subset)")
    ]
    language: str = Field("en", description="BCP 47 language tag")
    categories: list[str] = Field(default_factory=list)
    sections: list[str] = Field(
        default_factory=list, description="Explicit targets such as 'hrr:1.c'"
    )
    source: Source
    credibility: Annotated[int, Field(ge=1, le=6)] | None = None
    citation: Citation | None = None
    persons: list[Person] = Field(default_factory=list)
    figures: dict[str, Annotated[int, Field(ge=0)]] = Field(default_factory=dict)
    sensitivity: Sensitivity = "restricted"
    received: date | None = None

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
    def _language(cls, v: str) -> str:
        return _standard_language(v)

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
            if not re.match(r"^[a-z0-9_-]+:[A-Za-z0-9._-]+$", target):
                raise ValueError(
                    f"section target {target!r} must look like REPORT:SECTION, e.g. hrr:1.c"
                )
        return v

    @field_validator("figures")
    @classmethod
    def _figures(cls, v: dict[str, int], info: ValidationInfo) -> dict[str, int]:
        _check_known(
            list(v),
            (info.context or {}).get("figures"),
            "figure",
            "report types declare the figures they read; see `hrdraft plugins`",
        )
        return v

    @field_validator("sections", mode="after")
    @classmethod
    def _known_targets(cls, v: list[str], info: ValidationInfo) -> list[str]:
        outlines = (info.context or {}).get("section_targets")
        if outlines is None:
            return v
        for target in v:
            report, _, section = target.partition(":")
            # A report type not installed here cannot be checked; it is kept.
            if report in outlines and section not in outlines[report]:
                near = difflib.get_close_matches(section, sorted(outlines[report]), n=3, cutoff=0.3)
                hint = f"; nearest: {', '.join(report + ':' + s for s in near)}" if near else ""
                raise ValueError(f"{target!r} is in no {report} edition's outline{hint}")
        return v

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
