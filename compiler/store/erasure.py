"""Erasure: a record, or a person, taken out of the store for good.

The one sanctioned rewrite of what the store otherwise only appends to.

* :func:`withdraw_record` deletes a record (its row, every revision, its
  quarantined raw rows) and redacts every stored version that cites it:
  each block citing it becomes a marker, its citations and Sources entry go.
* :func:`forget_person` takes a person out of every revision of a
  country's records (their entry in ``persons`` removed, their name in the
  text replaced by a neutral phrase), out of every quarantined row and out
  of the country's stored versions, and out of the review notes and
  comments on those versions (``reviews.forget_in_reviews``).

A redacted version is re-sealed with a new content hash (so its content
check still holds), its tree's metadata says ``redacted: by erasure on
DATE`` and its message gets the same note, so ``versions show`` and
``versions list`` tell a reader. Revisions changed by :func:`forget_person`
get new content hashes too: a hash of the old content would let anyone with
the key confirm what was erased. Each function runs in one transaction and
is then followed by an audit entry (``erasure withdraw``, ``erasure
forget``: counts and a keyed lookup hash, never what was erased) and by
:func:`~hrdraft.store.engine.vacuum`, so the old bytes leave the database
file (SQLite: ``VACUUM`` and the WAL checkpointed and truncated, with
``secure_delete`` on; PostgreSQL: ``VACUUM FULL``).

What a name is, and how it is replaced, is name protection's business
(``hrdraft.select``), which comes after the store: the caller passes it in
as a :class:`Scrubber`; the marker and the ids a draft cites a record by
come from the caller too.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from typing import Any, Protocol

import orjson
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ..document import Block, BulletList, Conflict, Paragraph, Report, Section, Table
from . import audit
from .crypto import (
    QUARANTINE_ERRORS,
    QUARANTINE_RAW,
    REVISION_DATA,
    VERSION_DOCUMENT,
    VERSION_MESSAGE,
    Keyring,
)
from .engine import Store, vacuum
from .keys import assert_current_key
from .models import QuarantinedRow, RecordRevision, StoredRecord, StoredVersion
from .records import _current, _current_stmt
from .reviews import forget_in_reviews

__all__ = ["Erased", "Scrubber", "find", "forget_person", "redact_citing", "withdraw_record"]


@dataclass(frozen=True)
class Erased:
    """What an erasure changed (or, planned, would change): counts only."""

    records: int = 0
    revisions: int = 0
    quarantined: int = 0
    versions: int = 0
    # Reviewers' comments and review notes that named the person.
    review_texts: int = 0

    @property
    def nothing(self) -> bool:
        return not (
            self.records or self.revisions or self.quarantined or self.versions or self.review_texts
        )


class Scrubber(Protocol):
    """Name protection for one person, as :func:`forget_person` needs it."""

    def is_person(self, name: str) -> bool:
        """Whether `name` is the person's (in the folded form)."""

    def text(self, value: str, language: str, *, about: bool) -> str:
        """`value` with the person's name replaced; `about`: the text's record lists them
        (a part of the name alone then counts too)."""

    def names_them(self, url: str) -> bool:
        """Whether an address carries the person's name."""

    def cited_as(self, data: dict[str, Any]) -> tuple[str, ...]:
        """Every id a draft may cite the record (its JSON form) by."""


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _note(day: str) -> str:
    return f"by erasure on {day}"


def _reseal_version(keyring: Keyring, row: StoredVersion, report: Report, day: str) -> None:
    """`row` holds `report` now, marked redacted, with a content hash that matches it."""
    metadata = {**report.metadata, "redacted": _note(day)}
    body = report.model_copy(update={"metadata": metadata}).model_dump_json()
    row.document = keyring.seal_text(body, VERSION_DOCUMENT)
    row.content_hash = keyring.content_hash(body)
    message = keyring.open_text(row.message, VERSION_MESSAGE)
    if _note(day) not in message:
        message = f"{message}\n(redacted {_note(day)})".lstrip("\n")
    row.message = keyring.seal_text(message, VERSION_MESSAGE)


def _content_hash(keyring: Keyring, data: dict[str, Any]) -> tuple[str, str]:
    """(canonical JSON, keyed content hash) of a record's JSON form, as ingest takes them."""
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text, keyring.keyed_digest(hashlib.sha256(text.encode("utf-8")).hexdigest())


def _write_session(store: Store, dry_run: bool):  # type: ignore[no-untyped-def]
    return store.session() if dry_run else store.session.begin()


# -------------------------------------------------------------------------
# Withdrawing a record
# -------------------------------------------------------------------------


def _cites(block: Block) -> set[str]:
    found = {c.record for c in getattr(block, "cites", ()) or ()}
    for row in getattr(block, "row_cites", ()) or ():
        found.update(c.record for c in row)
    for inner in getattr(block, "base", ()):  # a conflict's base text: never shown, still erased
        found |= _cites(inner)
    return found


def _redact_block(block: Block, ids: set[str], marker: str) -> Block:
    if isinstance(block, Conflict):
        return block.model_copy(
            update={
                side: tuple(_redact_block(b, ids, marker) for b in getattr(block, side))
                for side in ("reviewer", "records", "base")
            }
        )
    if isinstance(block, Table):
        if not block.row_cites:
            return block
        rows, row_cites = [], []
        for index, row in enumerate(block.rows):
            cites = block.row_cites[index] if index < len(block.row_cites) else ()
            if {c.record for c in cites} & ids:
                rows.append((marker, *([""] * (len(row) - 1))))
                row_cites.append(())
            else:
                rows.append(row)
                row_cites.append(cites)
        return block.model_copy(update={"rows": tuple(rows), "row_cites": tuple(row_cites)})
    if isinstance(block, Paragraph | BulletList) and _cites(block) & ids:
        return Paragraph(text=marker)
    return block


def _redact_section(section: Section, ids: set[str], marker: str) -> Section:
    return section.model_copy(
        update={
            "blocks": tuple(_redact_block(b, ids, marker) for b in section.blocks),
            "children": tuple(_redact_section(c, ids, marker) for c in section.children),
        }
    )


def redact_citing(report: Report, ids: Iterable[str], marker: str) -> Report | None:
    """`report` with every block (or table row) citing one of `ids` replaced by `marker`,
    and their Sources entries removed; None when it cites none of them."""
    ids = set(ids)
    cited = {c for s in report.walk() for b in s.blocks for c in _cites(b)}
    if not cited & ids and not any(s.record in ids for s in report.sources):
        return None
    sections = tuple(_redact_section(s, ids, marker) for s in report.sections)
    sources = tuple(s for s in report.sources if s.record not in ids)
    metadata = dict(report.metadata)
    if "records cited" in metadata:
        metadata["records cited"] = len(sources)
    return report.model_copy(
        update={"sections": sections, "sources": sources, "metadata": metadata}
    )


def find(store: Store, record_id: str, source: str | None = None) -> list[tuple[str, str]]:
    """(source, id) of the records stored under `record_id` (from `source`, if given).

    Unlike ``records.lookup``, notes nothing for the audit trail: the command
    about to erase a record must not write its source and id into the trail.
    """
    keyring = store.keyring
    stmt = _current_stmt().where(StoredRecord.record_key == keyring.lookup("id", record_id))
    if source is not None:
        stmt = stmt.where(StoredRecord.identity == keyring.lookup("record", source, record_id))
    return sorted((c.source_name, c.record_id) for c in _current(store, stmt))


def _raw_is_of(raw: str, source: str, record_id: str) -> bool:
    """Whether a quarantined raw row is (a bad copy of) the record (source, id)."""
    try:
        value = json.loads(raw)
    except ValueError:
        return record_id in raw and source in raw
    if not isinstance(value, dict):
        return False
    found_source = value.get("source")
    name = found_source.get("name") if isinstance(found_source, dict) else found_source
    name = name if name is not None else value.get("source.name", value.get("source_name"))
    return str(value.get("id", "")).strip() == record_id and str(name or "").strip() == source


def withdraw_record(
    store: Store,
    source: str,
    record_id: str,
    *,
    cited_as: Iterable[str],
    marker: str,
    dry_run: bool = False,
) -> Erased:
    """Delete the record (source, id) with every revision and its quarantined raw rows,
    and redact every stored version citing it by one of `cited_as` (see :func:`redact_citing`).

    `dry_run`: count what would change, change nothing.
    """
    keyring = store.keyring
    day = _now().date().isoformat()
    ids = set(cited_as)
    with _write_session(store, dry_run) as session:
        if not dry_run:
            assert_current_key(session.connection(), keyring)
        row = session.scalars(
            select(StoredRecord).where(
                StoredRecord.record_key == keyring.lookup("id", record_id),
                StoredRecord.identity == keyring.lookup("record", source, record_id),
            )
        ).first()
        if row is None:
            return Erased()
        revisions = session.scalars(
            select(RecordRevision).where(RecordRevision.record_pk == row.pk)
        ).all()
        quarantined = [
            q
            for q in session.scalars(select(QuarantinedRow))
            if _raw_is_of(keyring.open_text(q.raw, QUARANTINE_RAW), source, record_id)
        ]
        versions = 0
        for version in session.scalars(select(StoredVersion).order_by(StoredVersion.id)):
            body = keyring.open_text(version.document, VERSION_DOCUMENT)
            redacted = redact_citing(Report.model_validate_json(body), ids, marker)
            if redacted is None:
                continue
            versions += 1
            if not dry_run:
                _reseal_version(keyring, version, redacted, day)
        if not dry_run:
            session.execute(delete(RecordRevision).where(RecordRevision.record_pk == row.pk))
            for q in quarantined:
                session.delete(q)
            session.delete(row)
    erased = Erased(1, len(revisions), len(quarantined), versions)
    if not dry_run:
        # The record is named by its keyed lookup hash only: someone with the
        # key can confirm that a given id was erased, nobody can read which.
        _finish(store, "erasure withdraw", erased, record=keyring.lookup("id", record_id))
    return erased


def _finish(store: Store, action: str, erased: Erased, **what: str) -> None:
    """The audit entry of an erasure (counts, never content), then the old bytes rewritten."""
    audit.record(
        store,
        action=action,
        details={**what, "erased": asdict(erased), "vacuumed": True},
    )
    vacuum(store.engine)


# -------------------------------------------------------------------------
# Forgetting a person
# -------------------------------------------------------------------------

# Fields of a record's JSON form that are codes, not prose: never rewritten.
_CODES = frozenset(
    ("id", "country", "year", "event_date", "language", "categories", "sections", "sensitivity",
     "role", "consent", "kind", "reliability", "credibility", "received", "age", "gender")
)  # fmt: skip
# Fields of a document tree that are structure, not prose.
_TREE_CODES = frozenset(
    ("kind", "record", "revision", "lang", "id", "number", "report_type", "edition", "country",
     "year", "audience", "language")
)  # fmt: skip


def _walk(value: Any, text: Callable[[str], str], url: Callable[[str], str | None], codes) -> Any:  # type: ignore[no-untyped-def]
    if isinstance(value, str):
        return text(value)
    if isinstance(value, list):
        return [_walk(v, text, url, codes) for v in value]
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in codes:
                out[key] = item
            elif key == "url" and isinstance(item, str):
                out[key] = url(item)
            elif key == "figures" and isinstance(item, dict):
                out[key] = {text(k): v for k, v in item.items()}
            else:
                out[key] = _walk(item, text, url, codes)
        return out
    return value


def _forget_in_record(data: dict[str, Any], scrubber: Scrubber) -> tuple[dict[str, Any], bool]:
    """The record's JSON form without the person; and whether it listed them."""
    persons = data.get("persons") or []
    kept = [p for p in persons if not scrubber.is_person(p.get("name", ""))]
    listed = len(kept) != len(persons)
    language = data.get("language") or "en"
    scrubbed = _walk(
        {**data, "persons": kept},
        lambda v: scrubber.text(v, language, about=listed),
        lambda u: None if scrubber.names_them(u) else u,
        _CODES,
    )
    # A person's own entry keeps its name (another person's, by now).
    scrubbed["persons"] = [
        {**p, "name": q["name"]} for p, q in zip(scrubbed["persons"], kept, strict=True)
    ]
    return scrubbed, listed


def _forget_in_revisions(
    session: Session, store: Store, country: str, scrubber: Scrubber, dry_run: bool
) -> tuple[int, int, set[str]]:
    """Rewrite the country's revisions: (how many changed, how many records listed the
    person, every id a draft cites those records by)."""
    keyring = store.keyring
    changed, listing, listed_records = 0, set(), set()
    rows = session.scalars(select(StoredRecord).where(StoredRecord.country == country)).all()
    for record in rows:
        revisions = session.scalars(
            select(RecordRevision)
            .where(RecordRevision.record_pk == record.pk)
            .order_by(RecordRevision.revision)
        ).all()
        for revision in revisions:
            data = orjson.loads(keyring.open(revision.data, REVISION_DATA))
            scrubbed, listed = _forget_in_record(data, scrubber)
            if listed:
                listing.update(scrubber.cited_as(data))
                listed_records.add(record.pk)
            if scrubbed == data:
                continue
            changed += 1
            if dry_run:
                continue
            text, digest = _content_hash(keyring, scrubbed)
            revision.data = keyring.seal_text(text, REVISION_DATA)
            revision.content_hash = digest
            if revision.revision == record.revision:
                record.content_hash = digest
                # A source that was the person is a phrase now: its lookup hash follows.
                source = scrubbed["source"]["name"]
                record.identity = keyring.lookup("record", source, scrubbed["id"])
            record.updated_at = _now()
    return changed, len(listed_records), listing


def _forget_in_quarantine(session: Session, store: Store, scrubber: Scrubber, dry_run: bool) -> int:
    keyring = store.keyring
    changed = 0

    def text(value: str) -> str:
        return scrubber.text(value, "en", about=True)

    def url(value: str) -> str | None:
        return None if scrubber.names_them(value) else value

    for row in session.scalars(select(QuarantinedRow)):
        raw = keyring.open_text(row.raw, QUARANTINE_RAW)
        errors = keyring.open_json(row.errors, QUARANTINE_ERRORS)
        try:
            new_raw = json.dumps(_walk(json.loads(raw), text, url, ()), ensure_ascii=False)
        except ValueError:
            new_raw = text(raw)
        new_errors = _walk(errors, text, url, ("field",))
        if new_raw == raw and new_errors == errors:
            continue
        changed += 1
        if not dry_run:
            row.raw = keyring.seal_text(new_raw, QUARANTINE_RAW)
            row.errors = keyring.seal_json(new_errors, QUARANTINE_ERRORS)
    return changed


def _forget_in_versions(
    session: Session,
    store: Store,
    country: str,
    scrubber: Scrubber,
    listing: set[str],
    dry_run: bool,
) -> int:
    keyring = store.keyring
    day = _now().date().isoformat()
    changed = 0
    rows = session.scalars(
        select(StoredVersion).where(StoredVersion.country == country).order_by(StoredVersion.id)
    )
    for row in rows:
        body = keyring.open_text(row.document, VERSION_DOCUMENT)
        tree = json.loads(body)
        report = Report.model_validate(tree)
        cited = {c for s in report.walk() for b in s.blocks for c in _cites(b)}
        cited |= {s.record for s in report.sources}
        about = bool(cited & listing)
        language = report.language or "en"
        scrubbed = _walk(
            tree,
            lambda v, lang=language, about=about: scrubber.text(v, lang, about=about),
            lambda u: None if scrubber.names_them(u) else u,
            _TREE_CODES,
        )
        if scrubbed == tree:
            continue
        changed += 1
        if not dry_run:
            _reseal_version(keyring, row, Report.model_validate(scrubbed), day)
    return changed


def forget_person(
    store: Store, country: str, scrubber: Scrubber, *, dry_run: bool = False
) -> Erased:
    """Take the person `scrubber` protects out of the store (see the module docstring).

    Revisions and versions of `country`; quarantined rows of any (a bad row
    may have no valid country). `records` counts records whose persons
    listed them. `dry_run`: count what would change, change nothing.
    """
    country = country.upper()
    with _write_session(store, dry_run) as session:
        if not dry_run:
            assert_current_key(session.connection(), store.keyring)
        revisions, records, listing = _forget_in_revisions(
            session, store, country, scrubber, dry_run
        )
        quarantined = _forget_in_quarantine(session, store, scrubber, dry_run)
        versions = _forget_in_versions(session, store, country, scrubber, listing, dry_run)
        # Reviewers' notes and comments may name the person too.
        notes = forget_in_reviews(
            session,
            store.keyring,
            country,
            lambda v, lang, about: scrubber.text(v, lang, about=about),
            listing,
            dry_run=dry_run,
        )
    erased = Erased(records, revisions, quarantined, versions, notes)
    if not dry_run:
        _finish(store, "erasure forget", erased, country=country, review_texts=str(notes))
    return erased
