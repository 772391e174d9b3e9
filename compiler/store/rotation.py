"""A new master key for a store: every sealed value re-sealed, every keyed hash recomputed.

All of it happens in one transaction, holding the store's write lock (on
PostgreSQL the key row's lock, which every writer takes a share of, and
the migrations' lock), so no process writes with the old key meanwhile. For
a key file, the new key is first written beside the old one
(``hrdraft.key.new``); once the database has committed, it replaces the old
file in one rename. A process that dies between the two leaves the new key
under ``.new``, and the next open finishes the rename (``keys.unlock``).
Afterwards the old key opens nothing, so old backups of it are useless.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import orjson
from sqlalchemy import Table, select, text, update
from sqlalchemy.engine import Connection

from . import crypto
from .audit import rechain
from .crypto import Keyring
from .engine import Store, vacuum
from .keys import (
    StoreKeyError,
    commit_pending_key,
    kdf_label,
    passphrase_key,
    write_pending_key,
)
from .models import Batch, QuarantinedRow, RecordRevision, StoredRecord, StoredVersion, StoreKey
from .reviews import reseal_reviews

CHUNK = 500


@dataclass(frozen=True)
class Rotated:
    """What a rotation re-sealed, and where the new key is (None: a passphrase)."""

    values: int
    audit_entries: int
    key_file: Path | None


def _chunks(conn: Connection, table: Table, *columns: str) -> Iterator[list[Any]]:
    """The table's rows (primary key first, then `columns`), a chunk at a time, by key."""
    pk = next(iter(table.primary_key.columns))
    last = None
    while True:
        stmt = select(pk, *(table.c[c] for c in columns)).order_by(pk).limit(CHUNK)
        if last is not None:
            stmt = stmt.where(pk > last)
        rows = conn.execute(stmt).all()
        if not rows:
            return
        yield rows
        last = rows[-1][0]


def _lock(conn: Connection) -> str:
    """Hold the store's write lock; return the key check value it holds now."""
    key = StoreKey.__table__
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(7263340001)"))  # no migration meanwhile
        return conn.execute(select(key.c.check_value).with_for_update()).scalar_one()
    conn.execute(update(key).values(id=key.c.id))  # SQLite's one write lock
    return conn.execute(select(key.c.check_value)).scalar_one()


def _reseal_all(conn: Connection, old: Keyring, new: Keyring) -> int:
    """Every sealed value and keyed hash, from `old` to `new`; how many values."""
    done = 0

    def reseal(value: bytes, column: bytes) -> bytes:
        return new.seal(old.open(value, column), column)

    # Records: their identity from the current revision's (still old-sealed) JSON.
    records, revisions = StoredRecord.__table__, RecordRevision.__table__
    current = (
        select(records.c.pk, revisions.c.data)
        .join(
            revisions,
            (revisions.c.record_pk == records.c.pk) & (revisions.c.revision == records.c.revision),
        )
        .order_by(records.c.pk)
        .limit(CHUNK)
    )
    last = 0
    while rows := conn.execute(current.where(records.c.pk > last)).all():
        for pk, sealed in rows:
            body = old.open(sealed, crypto.REVISION_DATA)
            data = orjson.loads(body)
            conn.execute(
                update(records)
                .where(records.c.pk == pk)
                .values(
                    identity=new.lookup("record", data["source"]["name"], data["id"]),
                    record_key=new.lookup("id", data["id"]),
                    content_hash=new.keyed_digest(hashlib.sha256(body).hexdigest()),
                )
            )
        last = rows[-1][0]
    for rows in _chunks(conn, revisions, "data"):
        for pk, sealed in rows:
            body = old.open(sealed, crypto.REVISION_DATA)
            conn.execute(
                update(revisions)
                .where(revisions.c.pk == pk)
                .values(
                    data=new.seal(body, crypto.REVISION_DATA),
                    content_hash=new.keyed_digest(hashlib.sha256(body).hexdigest()),
                )
            )
            done += 1
    batches = Batch.__table__
    for rows in _chunks(conn, batches, "file_name", "sha256"):
        for id_, name, sha in rows:
            conn.execute(
                update(batches)
                .where(batches.c.id == id_)
                .values(
                    file_name=reseal(name, crypto.BATCH_FILE),
                    sha256=reseal(sha, crypto.BATCH_SHA256),
                )
            )
            done += 2
    quarantine = QuarantinedRow.__table__
    for rows in _chunks(conn, quarantine, "file_name", "raw", "errors"):
        for id_, name, raw, errors in rows:
            file_name = old.open_text(name, crypto.QUARANTINE_FILE)
            conn.execute(
                update(quarantine)
                .where(quarantine.c.id == id_)
                .values(
                    file_name=new.seal_text(file_name, crypto.QUARANTINE_FILE),
                    file_key=new.lookup("file", file_name),
                    raw=reseal(raw, crypto.QUARANTINE_RAW),
                    errors=reseal(errors, crypto.QUARANTINE_ERRORS),
                )
            )
            done += 3
    versions = StoredVersion.__table__
    for rows in _chunks(conn, versions, "document", "author", "message"):
        for id_, document, author, message in rows:
            body = old.open_text(document, crypto.VERSION_DOCUMENT)
            conn.execute(
                update(versions)
                .where(versions.c.id == id_)
                .values(
                    document=new.seal_text(body, crypto.VERSION_DOCUMENT),
                    content_hash=new.content_hash(body),
                    author=reseal(author, crypto.VERSION_AUTHOR),
                    message=reseal(message, crypto.VERSION_MESSAGE),
                )
            )
            done += 3
    # After the versions: a comment's identity is computed again from its block.
    done += reseal_reviews(conn, old, new)
    return done


def rotate_key(store: Store, *, new_passphrase: str | None = None) -> Rotated:
    """Give the store a new master key; afterwards `store` uses it and the old one opens nothing.

    A key-file store gets a new random key in its key file; a passphrase
    store the `new_passphrase` (with a new salt). Refused when the audit
    trail is broken (a rotation would make a changed trail look whole).
    """
    source = store.key_source
    old = store.keyring
    if source.ephemeral or not old.encrypted:
        raise StoreKeyError("this store has no key to rotate (it is kept in memory)")
    salt = b""
    if source.passphrase:
        if not new_passphrase:
            raise StoreKeyError(
                "a new passphrase is needed", "give it when asked (or in HRDRAFT_NEW_PASSPHRASE)"
            )
        salt = os.urandom(16)
        master = passphrase_key(salt, new_passphrase)
    else:
        master = crypto.new_master_key()
    new = Keyring(master)
    with store.engine.begin() as conn:
        if not old.matches(_lock(conn)):
            raise StoreKeyError(
                "the store's key changed while this command ran", "open the store again"
            )
        entries = rechain(conn, old, new)  # checks the trail first
        values = _reseal_all(conn, old, new)
        conn.execute(
            update(StoreKey.__table__).values(
                check_value=new.check_value,
                salt=salt.hex(),
                kdf=kdf_label() if source.passphrase else "",
                rotated_at=datetime.now(UTC).replace(tzinfo=None),
            )
        )
        if not source.passphrase:
            # On disk before the commit: a crash after it must not lose the key.
            write_pending_key(source, master)
    if not source.passphrase:
        commit_pending_key(source)
    store.keyring = new
    vacuum(store.engine)  # the old ciphertexts out of free pages
    return Rotated(values, entries, source.path)
