"""Which records need a translation into the report's language, and the text a translator sees.

A record written in another language than the report's is printed in its
translation when it has one (``audience.py``). This module finds the records
that have none (:func:`needing_translation`) and gives their text for a
translator (:func:`for_translators`): made safe exactly as an internal draft
shows it, so a translator never reads a name the drafts would not print,
and cannot write it back in another script. That holds for the source and
the id too (an individual source not named with consent, an id carrying a
name): the row names its record by a keyed hash instead
(``hrdraft.ingest.translations.sheet_key``). Confidential records never
reach a draft, so they are never sent for translation either.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..ingest.translations import sheet_key
from ..records import Record
from ..store import Store
from ..store import records as stored_records
from .audience import ALLOWED, REPORT_LANGUAGE, SelectedRecord, in_language
from .names import Protection, make_safe

__all__ = ["ForTranslation", "for_translators", "needing_translation", "untranslated"]


@dataclass(frozen=True)
class ForTranslation:
    """One record's text for a translator, and what identifies it on the way back.

    `source` and `id` are as an internal draft prints them (made safe).
    """

    source: str
    id: str
    country: str
    year: int
    language: str
    revision: int
    # Keyed, of the record and its stored title and summary: an import finds the
    # record by it and so knows it still says this (ingest.translations.sheet_key).
    text_hash: str
    title: str
    summary: str
    # The translation it has now, if any (exported with --all to revise it).
    title_translation: str = ""
    summary_translation: str = ""


def _carried(
    store: Store, record: Record, current: stored_records.CurrentRecord, into: str
) -> Record:
    """`record` with the translation an earlier revision of the same text has, as drafts use it."""
    base = into.split("-")[0].lower()
    for old in reversed(stored_records.history(store, current.source_name, current.record_id)):
        earlier = Record.model_validate(old.data)
        if earlier.text_hash != record.text_hash:
            continue
        for tag, translation in earlier.translations.items():
            if tag.split("-")[0].lower() == base:
                return record.model_copy(
                    update={"translations": {**record.translations, tag: translation}}
                )
    return record


def untranslated(
    items: Iterable[SelectedRecord],
    cited: Iterable[str] | None = None,
    language: str = REPORT_LANGUAGE,
) -> list[str]:
    """Ids of the records a draft prints in their original language: no translation.

    `cited`: the ids the draft cites (a record it leaves out is listed as not
    used, not as untranslated); None counts every selected record.
    """
    printed = set(cited) if cited is not None else None
    return [
        i.id
        for i in items
        if (printed is None or i.id in printed)
        and i.translated_from is None
        and in_language(i.record, language) is None
    ]


def needing_translation(record: Record, language: str = REPORT_LANGUAGE) -> bool:
    """Whether `record` would be printed untranslated in a draft in `language`."""
    return in_language(record, language) is None


def for_translators(
    store: Store,
    *,
    into: str = REPORT_LANGUAGE,
    country: str | None = None,
    year: int | None = None,
    everything: bool = False,
) -> list[ForTranslation]:
    """The records a translator should translate into `into`, as safe text.

    Public and restricted records in another language, without a
    translation into `into` (with `everything`, those that have one too, to
    revise it). Names are replaced as in an internal draft: consent is
    decided across every record of the country, confidential ones included.
    """
    allowed = ALLOWED["internal"]
    current = stored_records.list_current(store, country=country)
    by_country: dict[str, list[tuple[Record, stored_records.CurrentRecord]]] = {}
    for c in current:
        by_country.setdefault(c.country, []).append((Record.model_validate(c.data), c))
    out: list[ForTranslation] = []
    for records in by_country.values():
        shown = [(r, c) for r, c in records if c.sensitivity in allowed]
        hidden = [r for r, c in records if c.sensitivity not in allowed]
        consent_from = [(r.country, p.name, p.consent) for r in hidden for p in r.persons]
        protection = Protection((r for r, _ in shown), consent_from)
        for record, c in shown:
            if year is not None and c.year != year:
                continue
            base = into.split("-")[0].lower()
            if record.language.split("-")[0].lower() == base:
                continue
            if c.revision > 1 and in_language(record, into) is None:
                record = _carried(store, record, c, into)
            has = in_language(record, into)
            if has is not None and not everything:
                continue
            safe, _, _ = make_safe(record, protection)
            done = in_language(safe, into) if has is not None else None
            out.append(
                ForTranslation(
                    source=safe.source.name,
                    id=safe.id,
                    country=c.country,
                    year=c.year,
                    language=record.language,
                    revision=c.revision,
                    text_hash=sheet_key(store.keyring, c.source_name, c.record_id, record),
                    title=safe.title,
                    summary=safe.summary,
                    title_translation=done.title if done and done.title != safe.title else "",
                    summary_translation=done.summary if done else "",
                )
            )
    out.sort(key=lambda t: (t.country, t.year, t.id, t.source))
    return out
