"""Country names: the name a draft prints for a country code, set by the officer.

One row per code (``hrdraft countries set XK "Kestria"``), in clear: a
country's name says nothing about anyone. Callers hand in codes already
checked (``hrdraft.countries.check_code``); this module only stores them.
Every write is one transaction and is noted for the command's audit entry
(``countries_named``, ``countries_unnamed``).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select

from .audit import note
from .engine import Store
from .keys import assert_current_key
from .models import CountryName


@dataclass(frozen=True)
class StoredName:
    """A code, the name set for it, and when it was set (UTC)."""

    code: str
    name: str
    updated_at: datetime


def get_name(store: Store, code: str) -> str | None:
    """The name set for `code`, or None."""
    with store.session() as session:
        row = session.get(CountryName, code.upper())
        return row.name if row is not None else None


def list_names(store: Store) -> list[StoredName]:
    """Every name set in the store, by code."""
    with store.session() as session:
        rows = session.scalars(select(CountryName).order_by(CountryName.code))
        return [StoredName(r.code, r.name, r.updated_at) for r in rows]


def set_names(store: Store, names: Mapping[str, str]) -> list[str]:
    """Set (or replace) the name of each code, all in one transaction; the codes changed.

    A code whose name is already exactly that is left alone (and not
    returned), so setting the same file twice changes nothing.
    """
    now = datetime.now(UTC).replace(tzinfo=None)
    changed: list[str] = []
    with store.session.begin() as session:
        for code, name in names.items():
            code = code.upper()
            row = session.get(CountryName, code)
            if row is None:
                session.add(CountryName(code=code, name=name, updated_at=now))
            elif row.name != name:
                row.name, row.updated_at = name, now
            else:
                continue
            changed.append(code)
        if changed:
            session.flush()
            assert_current_key(session.connection(), store.keyring)
    if changed:
        note(store, countries_named=changed)
    return changed


def unset_name(store: Store, code: str) -> bool:
    """Forget the name set for `code`; whether there was one."""
    code = code.upper()
    with store.session.begin() as session:
        gone = session.execute(delete(CountryName).where(CountryName.code == code)).rowcount
        if gone:
            assert_current_key(session.connection(), store.keyring)
    if gone:
        note(store, countries_unnamed=code)
    return bool(gone)
