"""Audience rules: which records a draft for one country, period and audience may use.

* confidential records are never loaded for a build;
* a public draft uses only public records, an internal one public and
  restricted records;
* every record loaded is made safe by the name scrubber (``names.py``)
  before any plugin sees it;
* a record in another language than the report's is given in its
  translation into the report's language where it has one.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from ..document import Audience, Cite
from ..records import SENSITIVITIES, Record
from ..store import Store
from ..store import records as stored_records
from .names import Protection, make_safe

# Sensitivity levels each audience may use. Confidential is in neither.
ALLOWED: dict[str, tuple[str, ...]] = {
    "public": ("public",),
    "internal": ("public", "restricted"),
}

# The language the three reports are written in; a plugin's report type
# in another language passes its own (``select_records(language=...)``).
REPORT_LANGUAGE = "en"

EXCLUDED_REASON = {
    "confidential": "confidential",
    "restricted": "restricted (internal drafts only)",
}


@dataclass(frozen=True)
class SelectedRecord:
    """A stored record as a draft for this audience may use it."""

    record: Record
    revision: int
    # When the record is not written in the report's language but has a
    # translation into it, `record` is the translation (title and summary
    # replaced, `language` the report's) and these say so: the original's
    # language, and (internal drafts only) the original record itself.
    translated_from: str | None = None
    original: Record | None = None

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def cite(self) -> Cite:
        return Cite(record=self.record.id, revision=self.revision)

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.record.event_date or "9999", self.record.id)


@dataclass(frozen=True)
class Withheld:
    """A record in scope this audience may not use: its categories and targets, nothing else.

    Enough for the build to know which headings have material another
    audience sees (so a draft never says "There were no reports of ..."
    about them), and no text, source, date or person of the record.
    """

    categories: tuple[str, ...]
    sections: tuple[str, ...]


@dataclass(frozen=True)
class Selection:
    """What a build may use, and counts (never contents) of what it may not."""

    items: list[SelectedRecord]
    excluded: dict[str, int] = field(default_factory=dict)
    persons_unnamed: int = 0
    persons_removed: int = 0
    withheld: tuple[Withheld, ...] = ()


def inputs_of(
    store: Store, country: str, period: tuple[date, date], year: int
) -> list[tuple[str, str, int, str]]:
    """(source, id, revision, sensitivity) of every record in scope: the build's inputs.

    Dated records are in scope by event start, undated ones by their
    reporting year. Cheap (no record contents), so an unchanged recompile can
    be detected without building anything.
    """
    return stored_records.inputs_of(store, country, period, year)


def in_language(record: Record, language: str) -> Record | None:
    """The record as written in `language`: itself, its translation into it, or None.

    A translation replaces the title (when it gives one) and the summary;
    everything else (source, citation, persons, dates) is the record's own.
    Language tags match by their primary subtag: a record in ``en-GB`` is
    in English, a translation into ``es-419`` is Spanish.
    """
    base = language.split("-")[0].lower()
    if record.language.split("-")[0].lower() == base:
        return record
    for tag, translation in record.translations.items():
        if tag.split("-")[0].lower() == base:
            return record.model_copy(
                update={
                    "title": translation.title or record.title,
                    "summary": translation.summary,
                    "language": tag,
                    "translations": {},
                }
            )
    return None


def _in_report_language(
    safe: Record, revision: int, audience: Audience, language: str
) -> SelectedRecord:
    shown = in_language(safe, language)
    if shown is None or shown is safe:
        return SelectedRecord(safe, revision)
    # The public draft has the translation alone; the internal one keeps the
    # original beside it, for the officer to check the translation against.
    original = safe.model_copy(update={"translations": {}}) if audience != "public" else None
    return SelectedRecord(shown, revision, translated_from=safe.language, original=original)


def select_records(
    store: Store,
    country: str,
    period: tuple[date, date],
    year: int,
    audience: Audience,
    language: str = REPORT_LANGUAGE,
) -> Selection:
    """The records a draft for `audience` may use, made safe, in event order.

    A record written in another language than the report's (`language`) is
    given in its translation into it when it has one (see
    :class:`SelectedRecord`); one without is kept as written, and the draft
    lists it as untranslated.
    """
    allowed = ALLOWED[audience]
    excluded: Counter[str] = Counter()
    for _, _, _, sensitivity in inputs_of(store, country, period, year):
        if sensitivity not in allowed:
            excluded[EXCLUDED_REASON[sensitivity]] += 1
    items: list[SelectedRecord] = []
    unnamed = removed = 0
    loaded: list[tuple[Record, int]] = []
    # Only the sensitivities this audience may use are read from the store at all.
    for record, revision in stored_records.current_revisions(
        store, country, period, year, allowed, translate_into=language
    ):
        if record.sensitivity not in allowed:  # belt and braces: trust the data
            excluded[EXCLUDED_REASON[record.sensitivity]] += 1
            continue
        loaded.append((record, revision))
    # One person, one consent: decided across every record in scope, once,
    # counting the consent (and only the consent) of the persons of records
    # this audience may not use.
    hidden = [s for s in SENSITIVITIES if s not in allowed]
    hidden_records = [
        record
        for record, _ in stored_records.current_revisions(store, country, period, year, hidden)
    ]
    consent_from = [
        (record.country, person.name, person.consent)
        for record in hidden_records
        for person in record.persons
    ]
    withheld = tuple(Withheld(tuple(r.categories), tuple(r.sections)) for r in hidden_records)
    protection = Protection((record for record, _ in loaded), consent_from)
    for record, revision in loaded:
        safe, n_unnamed, n_removed = make_safe(record, protection)
        unnamed += n_unnamed
        removed += n_removed
        items.append(_in_report_language(safe, revision, audience, language))
    items.sort(key=lambda item: item.sort_key)
    return Selection(items, dict(excluded), unnamed, removed, withheld)
