"""The audit trail: who did what to the store, when; append-only and hash-chained.

Each entry has a time and an action in clear (to filter on) and its details
sealed (who, the command and its arguments, which records, versions and
files it touched: names that must not be readable at rest). Its `hash` is
an HMAC, under a key derived from the store's master key, of the previous
entry's hash and this entry's whole content, so an entry changed, inserted
or removed breaks the chain from there on, and nobody without the key can
forge a new chain. The newest entry's id and hash are kept in ``audit_head``
under a MAC of their own, so removing the newest entries shows too. Entry
ids are consecutive: a gap is a removed entry.

* :func:`record` appends one entry (its own short transaction);
* :func:`note` collects, on the open store, what this process touched
  (versions saved or read, batches written, records read), for the entry
  the command line records when the command ends;
* :func:`entries` lists, :func:`verify` checks the chain.

The command line records one entry per command that opened the store
(``hrdraft.cli``); a program using the store directly calls :func:`record`.
"""

from __future__ import annotations

import getpass
import os
import socket
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import or_, select, update
from sqlalchemy.engine import Connection

from .crypto import AUDIT_DETAILS, Keyring, SealBroken
from .engine import Store
from .keys import assert_current_key
from .models import AuditEntry, AuditHead

GENESIS = "0" * 64
MAX_NOTED = 1000  # items of one kind noted per command; more are counted


@dataclass(frozen=True)
class Entry:
    """One audit entry as callers see it."""

    id: int
    at: datetime
    action: str
    who: dict[str, Any]
    details: dict[str, Any]
    hash: str


@dataclass(frozen=True)
class Verdict:
    """The result of checking the chain: `broken` is the first entry that fails, if any."""

    entries: int
    broken: int | None = None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return not self.problem


def current_user() -> dict[str, str]:
    """Who is acting, as the operating system knows them."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container)
        user = f"uid {os.getuid()}"
    return {"user": user, "host": socket.gethostname()}


# -------------------------------------------------------------------------
# The chain
# -------------------------------------------------------------------------


def _message(previous: str, entry_id: int, at: datetime, action: str, body: Any) -> bytes:
    return orjson.dumps(
        [previous, entry_id, at.isoformat(), action, body], option=orjson.OPT_SORT_KEYS
    )


def _head_mac(keyring: Keyring, last_id: int, last_hash: str) -> str:
    return keyring.audit_mac(b"head\x1f%d\x1f%s" % (last_id, last_hash.encode()))


def genesis_head(keyring: Keyring) -> dict[str, Any]:
    """The head row of an empty trail."""
    return {"id": 1, "last_id": 0, "last_hash": GENESIS, "mac": _head_mac(keyring, 0, GENESIS)}


def _lock_head(conn: Connection) -> AuditHead:
    """The head row, locked until the transaction ends: appends happen one at a time."""
    head = AuditHead.__table__
    if conn.dialect.name == "postgresql":
        row = conn.execute(select(head).where(head.c.id == 1).with_for_update()).one()
    else:
        # A write takes SQLite's write lock before the read below.
        conn.execute(update(head).where(head.c.id == 1).values(id=1))
        row = conn.execute(select(head).where(head.c.id == 1)).one()
    return AuditHead(**row._mapping)


def record(
    store: Store,
    *,
    action: str,
    who: dict[str, Any] | None = None,
    details: dict[str, Any] | None = None,
) -> Entry:
    """Append one entry: `action` (e.g. ``"compile"``), `who` (default: the OS user), `details`.

    `details` is any JSON-able mapping; it is stored sealed.
    """
    keyring = store.keyring
    body = {
        "who": who if who is not None else current_user(),
        "details": orjson.loads(orjson.dumps(details or {}, default=str)),
    }
    at = datetime.now(UTC).replace(tzinfo=None)
    with store.engine.begin() as conn:
        head = _lock_head(conn)
        assert_current_key(conn, keyring)
        entry_id = head.last_id + 1
        digest = keyring.audit_mac(_message(head.last_hash, entry_id, at, action, body))
        conn.execute(
            AuditEntry.__table__.insert(),
            {
                "id": entry_id,
                "at": at,
                "action": action,
                "details": keyring.seal_json(body, AUDIT_DETAILS),
                "hash": digest,
            },
        )
        conn.execute(
            update(AuditHead.__table__)
            .where(AuditHead.__table__.c.id == 1)
            .values(last_id=entry_id, last_hash=digest, mac=_head_mac(keyring, entry_id, digest))
        )
    return Entry(entry_id, at, action, body["who"], body["details"], digest)


def note(store: Store, **touched: Any) -> None:
    """Remember what this process touched, for the command's audit entry.

    ``note(store, versions_read=[3, 7])``: each keyword a kind, each value an
    item or a list of items; repeats are kept once.
    """
    for kind, items in touched.items():
        if not isinstance(items, list | tuple | set):
            items = [items]
        seen = store.touched.setdefault(kind, [])
        for item in items:
            if item in seen:
                continue
            if len(seen) < MAX_NOTED:
                seen.append(item)
            else:
                store.touched_more[kind] = store.touched_more.get(kind, 0) + 1


def touched(store: Store) -> dict[str, Any]:
    """What :func:`note` collected, with counts of what did not fit."""
    found: dict[str, Any] = {k: list(v) for k, v in store.touched.items()}
    for kind, more in store.touched_more.items():
        found[f"{kind}_more"] = more
    return found


# -------------------------------------------------------------------------
# Reading and checking
# -------------------------------------------------------------------------


def _rows(conn: Connection, since: datetime | None = None, action: str | None = None) -> Iterator:
    log = AuditEntry.__table__
    stmt = select(log).order_by(log.c.id)
    if since is not None:
        stmt = stmt.where(log.c.at >= since)
    if action:
        # "records" matches "records show" and "records list"
        stmt = stmt.where(or_(log.c.action == action, log.c.action.startswith(action + " ")))
    return iter(conn.execute(stmt))


def entries(
    store: Store, *, since: datetime | None = None, action: str | None = None
) -> list[Entry]:
    """The entries from `since` (UTC), of `action` (and its sub-commands), oldest first."""
    keyring = store.keyring
    with store.engine.connect() as conn:
        found = []
        for row in _rows(conn, since, action):
            body = keyring.open_json(row.details, AUDIT_DETAILS)
            found.append(Entry(row.id, row.at, row.action, body["who"], body["details"], row.hash))
        return found


def verify_chain(conn: Connection, keyring: Keyring) -> Verdict:
    """Check every entry and the head on `conn` (see :func:`verify`)."""
    previous, expected, count = GENESIS, 1, 0
    for row in _rows(conn):
        if row.id != expected:
            if row.id < expected:
                problem = f"entry {row.id} is out of order (inserted)"
                return Verdict(count, row.id, problem)
            missing = (
                f"entry {expected} is missing"
                if row.id == expected + 1
                else f"entries {expected} to {row.id - 1} are missing"
            )
            return Verdict(count, expected, f"{missing}: removed from the trail")
        try:
            body = keyring.open_json(row.details, AUDIT_DETAILS)
        except SealBroken:
            return Verdict(count, row.id, f"entry {row.id}'s details were changed")
        digest = keyring.audit_mac(_message(previous, row.id, row.at, row.action, body))
        if digest != row.hash:
            return Verdict(
                count,
                row.id,
                f"entry {row.id} does not match its hash: it was changed, inserted, or an "
                "entry before it was replaced",
            )
        previous, expected, count = row.hash, expected + 1, count + 1
    head = conn.execute(select(AuditHead.__table__)).first()
    if head is None or head.mac != _head_mac(keyring, head.last_id, head.last_hash):
        return Verdict(count, None, "the trail's head (its newest entry) was changed")
    if (head.last_id, head.last_hash) != (expected - 1, previous):
        return Verdict(
            count,
            expected,
            f"the trail ends at entry {expected - 1} but its head says {head.last_id}: "
            "the newest entries were removed",
        )
    return Verdict(count)


def verify(store: Store) -> Verdict:
    """Check the whole chain: each entry's hash, the ids in sequence, the head."""
    with store.engine.connect() as conn:
        return verify_chain(conn, store.keyring)


def rechain(conn: Connection, old: Keyring, new: Keyring) -> int:
    """Re-seal and re-hash every entry under `new` (a key rotation); how many there were.

    The chain is checked under `old` first: a rotation must not launder a
    broken trail into a valid one.
    """
    verdict = verify_chain(conn, old)
    if not verdict.ok:
        from ..errors import HrdraftError

        raise HrdraftError(
            f"the audit trail is broken ({verdict.problem}); the key was not rotated",
            "find out what happened first (`hrdraft audit verify`, `hrdraft audit`): a "
            "rotation would make a changed trail look whole",
        )
    log = AuditEntry.__table__
    previous = GENESIS
    rows = conn.execute(select(log).order_by(log.c.id)).all()
    for row in rows:
        body = old.open_json(row.details, AUDIT_DETAILS)
        digest = new.audit_mac(_message(previous, row.id, row.at, row.action, body))
        conn.execute(
            update(log)
            .where(log.c.id == row.id)
            .values(details=new.seal_json(body, AUDIT_DETAILS), hash=digest)
        )
        previous = digest
    last_id = rows[-1].id if rows else 0
    conn.execute(
        update(AuditHead.__table__).values(
            last_id=last_id, last_hash=previous, mac=_head_mac(new, last_id, previous)
        )
    )
    return len(rows)


__all__ = [
    "Entry",
    "Verdict",
    "current_user",
    "entries",
    "note",
    "record",
    "touched",
    "verify",
]
