"""Stored draft versions: save, find by fingerprint, load with its content check, list.

A version is the report document tree plus what it was made from (the
fingerprint of its inputs). Rows are only ever inserted; nothing here
updates or deletes one. The tree, the author and the message are sealed
at rest (the tree quotes records and may name people); the content hash is
keyed, and is checked against the opened tree when it is loaded.
``hrdraft.history.versions`` re-exports this module's names for the stages
after the build.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from ..document import Report
from ..errors import NotFoundError
from .audit import note
from .crypto import VERSION_AUTHOR, VERSION_DOCUMENT, VERSION_MESSAGE, Keyring
from .engine import Store
from .keys import assert_current_key
from .models import StoredVersion


def document_hash(store: Store, document_json: str) -> str:
    """A version's content hash: its tree's JSON text, hashed with the store's key."""
    return store.keyring.content_hash(document_json)


@dataclass(frozen=True)
class Version:
    """A stored version's row (without its tree) as callers see it."""

    id: int
    report_type: str
    edition: str
    country: str
    year: int
    audience: str
    section: str
    fingerprint: str
    content_hash: str
    origin: str
    author: str
    message: str
    parent_id: int | None
    created_at: datetime
    # A merge's base and theirs (parent_id is ours); None for every other version.
    base_id: int | None = None
    theirs_id: int | None = None

    @classmethod
    def of(cls, row: StoredVersion, keyring: Keyring) -> Version:
        fields = {f: getattr(row, f) for f in cls.__dataclass_fields__}
        fields["author"] = keyring.open_text(row.author, VERSION_AUTHOR)
        fields["message"] = keyring.open_text(row.message, VERSION_MESSAGE)
        return cls(**fields)

    @property
    def label(self) -> str:
        part = f" §{self.section}" if self.section else ""
        return (
            f"v{self.id} {self.report_type} {self.country} {self.year} "
            f"{self.audience}{part} ({self.edition})"
        )


def save_version(
    store: Store,
    document: Report,
    *,
    fingerprint: str,
    section: str = "",
    origin: str = "compiled",
    author: str = "",
    message: str = "",
    parent_id: int | None = None,
) -> Version:
    """Store `document` as a new version and return it."""
    row = _row(store, document, fingerprint, section, origin, author, message, parent_id)
    with store.session.begin() as session:
        session.add(row)
        session.flush()
        assert_current_key(session.connection(), store.keyring)
        version = Version.of(row, store.keyring)
    note(store, versions_saved=version.id)
    return version


def _row(
    store: Store,
    document: Report,
    fingerprint: str,
    section: str,
    origin: str,
    author: str,
    message: str,
    parent_id: int | None,
    body: str | None = None,
) -> StoredVersion:
    keyring = store.keyring
    body = body if body is not None else document.model_dump_json()
    return StoredVersion(
        report_type=document.report_type,
        edition=document.edition,
        country=document.country,
        year=document.year,
        audience=document.audience,
        section=section,
        fingerprint=fingerprint,
        content_hash=keyring.content_hash(body),
        document=keyring.seal_text(body, VERSION_DOCUMENT),
        origin=origin,
        author=keyring.seal_text(author, VERSION_AUTHOR),
        message=keyring.seal_text(message, VERSION_MESSAGE),
        parent_id=parent_id,
        created_at=datetime.now(UTC).replace(tzinfo=None),
    )


def _lock_draft(session: Session, key: tuple[object, ...]) -> None:
    """Hold one draft's lock to the end of the transaction: its versions' checks and inserts
    are then one step, whoever else compiles or merges it at once."""
    if session.get_bind().dialect.name == "postgresql":
        digest = hashlib.sha256(repr(key).encode()).digest()
        lock = int.from_bytes(digest[:8], "big", signed=True)
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": lock})
    else:
        # A write statement takes SQLite's write lock even when it changes
        # nothing; every other writer now waits for this transaction.
        session.execute(text("UPDATE versions SET id = id WHERE 0 = 1"))


def save_compiled(
    store: Store, document: Report, *, fingerprint: str, section: str = "", author: str = ""
) -> tuple[Version, bool]:
    """Save a compiled draft unless one made from the same inputs, or the same text, stands.

    Returns (version, created). Two processes compiling the same draft at
    once (two officers, or ``compile --jobs``) must not store it twice, so
    the check and the insert run in one transaction that holds a lock on
    that draft: SQLite's single write lock, taken before the first read;
    on PostgreSQL an advisory lock on the draft's key, held to the commit.
    The version is the child of the newest version of the same draft in the
    same edition; when that one already has exactly this text, it is reused
    (the inputs moved, the text did not). `author` is who compiled it.
    """
    body = document.model_dump_json()
    keyring = store.keyring
    key = (
        document.report_type,
        document.country,
        document.year,
        document.audience,
        section,
        document.edition,
    )
    with store.session.begin() as session:
        _lock_draft(session, key)
        assert_current_key(session.connection(), keyring)
        same = session.scalars(
            select(StoredVersion)
            .where(StoredVersion.fingerprint == fingerprint, StoredVersion.origin == "compiled")
            .order_by(StoredVersion.id.desc())
            .limit(1)
        ).first()
        if same is not None:
            return Version.of(same, keyring), False
        latest = session.scalars(
            select(StoredVersion)
            .where(
                StoredVersion.report_type == document.report_type,
                StoredVersion.country == document.country,
                StoredVersion.year == document.year,
                StoredVersion.audience == document.audience,
                StoredVersion.section == section,
                StoredVersion.edition == document.edition,
            )
            .order_by(StoredVersion.id.desc())
            .limit(1)
        ).first()
        # The keyed hash says "same text" without opening the stored tree.
        if latest is not None and latest.content_hash == keyring.content_hash(body):
            return Version.of(latest, keyring), False
        parent = latest.id if latest is not None else None
        row = _row(store, document, fingerprint, section, "compiled", author, "", parent, body)
        session.add(row)
        session.flush()
        version = Version.of(row, keyring)
    note(store, versions_saved=version.id)
    return version, True


def save_merged(
    store: Store,
    document: Report,
    *,
    reviewer: Version,
    base: Version,
    theirs: Version,
    author: str,
    message: str,
) -> tuple[Version, bool]:
    """Save a three-way merge: the reviewer's version (its parent), its base and the new compile.

    Returns (version, created). A merge of the same reviewer's version with
    the same compile that is already stored is returned instead (two
    officers compiling at once), checked and inserted under the draft's
    lock as :func:`save_compiled` does.
    """
    body = document.model_dump_json()
    key = (
        document.report_type,
        document.country,
        document.year,
        document.audience,
        reviewer.section,
        document.edition,
    )
    fingerprint = hashlib.sha256(f"merge {reviewer.id} {base.id} {theirs.id}".encode()).hexdigest()
    with store.session.begin() as session:
        _lock_draft(session, key)
        assert_current_key(session.connection(), store.keyring)
        same = session.scalars(
            select(StoredVersion)
            .where(
                StoredVersion.origin == "merged",
                StoredVersion.parent_id == reviewer.id,
                StoredVersion.theirs_id == theirs.id,
            )
            .order_by(StoredVersion.id.desc())
            .limit(1)
        ).first()
        if same is not None:
            return Version.of(same, store.keyring), False
        row = _row(
            store, document, fingerprint, reviewer.section, "merged", author, message,
            reviewer.id, body,
        )  # fmt: skip
        row.base_id, row.theirs_id = base.id, theirs.id
        session.add(row)
        session.flush()
        version = Version.of(row, store.keyring)
    note(store, versions_saved=version.id)
    return version, True


def find_by_fingerprint(store: Store, fingerprint: str) -> Version | None:
    """The newest compiled version made from exactly these inputs, if any."""
    stmt = (
        select(StoredVersion)
        .where(StoredVersion.fingerprint == fingerprint, StoredVersion.origin == "compiled")
        .order_by(StoredVersion.id.desc())
        .limit(1)
    )
    with store.session() as session:
        row = session.scalars(stmt).first()
        return Version.of(row, store.keyring) if row else None


def load_version(store: Store, version_id: int) -> tuple[Version, Report]:
    """A version and its document tree, or a NotFoundError naming the id.

    The tree is checked against the hash taken when it was saved first.
    """
    keyring = store.keyring
    with store.session() as session:
        row = session.get(StoredVersion, version_id)
        if row is None:
            raise NotFoundError(
                f"no version {version_id}", "see `hrdraft versions list` for the ids"
            )
        body = keyring.open_text(row.document, VERSION_DOCUMENT)
        if keyring.content_hash(body) != row.content_hash:
            raise NotFoundError(
                f"version {version_id} fails its content check: the stored tree was altered"
            )
        version = Version.of(row, keyring)
    note(store, versions_read=version_id)
    return version, Report.model_validate_json(body)


def list_versions(
    store: Store,
    *,
    report_type: str | None = None,
    country: str | None = None,
    year: int | None = None,
    audience: str | None = None,
    section: str | None = None,
) -> list[Version]:
    """Versions matching every given filter, oldest first."""
    stmt = select(StoredVersion).order_by(StoredVersion.id)
    for column, value in (
        (StoredVersion.report_type, report_type),
        (StoredVersion.country, country.upper() if country else None),
        (StoredVersion.year, year),
        (StoredVersion.audience, audience),
        (StoredVersion.section, section),
    ):
        if value is not None:
            stmt = stmt.where(column == value)
    with store.session() as session:
        return [Version.of(row, store.keyring) for row in session.scalars(stmt)]


def previous_version(store: Store, version: Version) -> Version | None:
    """The version before `version` of the same report, country, year, audience, section."""
    stmt = (
        select(StoredVersion)
        .where(
            StoredVersion.report_type == version.report_type,
            StoredVersion.country == version.country,
            StoredVersion.year == version.year,
            StoredVersion.audience == version.audience,
            StoredVersion.section == version.section,
            StoredVersion.id < version.id,
        )
        .order_by(StoredVersion.id.desc())
        .limit(1)
    )
    with store.session() as session:
        row = session.scalars(stmt).first()
        return Version.of(row, store.keyring) if row else None
