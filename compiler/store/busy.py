"""Waiting for another writer: how long, and the error when it takes longer.

SQLite lets one writer at a time; PostgreSQL makes a writer wait for the
locks another holds. hrdraft waits ``HRDRAFT_BUSY_TIMEOUT`` seconds (30 by
default) and then gives up with :class:`StoreBusy` (exit status 5): the
command's transaction is rolled back, so nothing of it was stored, and it
can simply be run again. Without the limit, a lock held by a crashed or
forgotten process would make hrdraft wait forever, or fail with the
driver's raw "database is locked".
"""

from __future__ import annotations

import os

from sqlalchemy import event
from sqlalchemy.engine import Engine

from ..errors import HrdraftError

DEFAULT_SECONDS = 30.0


class StoreBusy(HrdraftError):
    """Another process held the store for longer than hrdraft waits."""

    exit_code = 5


def timeout_seconds() -> float:
    """How long a writer waits for another (``HRDRAFT_BUSY_TIMEOUT``, seconds)."""
    value = os.environ.get("HRDRAFT_BUSY_TIMEOUT", "")
    try:
        seconds = float(value) if value else DEFAULT_SECONDS
    except ValueError:
        raise HrdraftError(
            f"HRDRAFT_BUSY_TIMEOUT is {value!r}, not a number of seconds", "e.g. 30"
        ) from None
    return max(seconds, 0.0)


def connect_arguments(dialect: str) -> dict[str, str]:
    """What the driver is told, per database, so that lock waits end."""
    if dialect == "postgresql":
        return {"options": f"-c lock_timeout={int(timeout_seconds() * 1000)}"}
    return {}


def sqlite_pragma() -> str:
    return f"PRAGMA busy_timeout={int(timeout_seconds() * 1000)}"


def _is_busy(error: BaseException) -> bool:
    # psycopg: LockNotAvailable (SQLSTATE 55P03); sqlite3: "database is locked".
    if getattr(error, "sqlstate", None) == "55P03":
        return True
    text = str(error).lower()
    return "database is locked" in text or "database table is locked" in text


def translate_busy_errors(engine: Engine) -> None:
    """Make a lock wait that ran out a StoreBusy naming the wait, not a driver traceback."""

    @event.listens_for(engine, "handle_error")
    def busy(context) -> BaseException | None:  # type: ignore[no-untyped-def]
        if _is_busy(context.original_exception):
            return StoreBusy(
                f"the store is busy: another process held it for more than "
                f"{timeout_seconds():g} s, so this command stored nothing",
                "run it again when the other has finished, or wait longer: "
                "HRDRAFT_BUSY_TIMEOUT=SECONDS",
            )
        return None
