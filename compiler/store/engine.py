"""Connecting to the store: the database URL, the engine and bringing the schema up to date.

An SQLite file in the working directory by default; ``--db URL`` or
``HRDRAFT_DB`` points at PostgreSQL instead (same code). The schema is owned
by the Alembic migrations in ``compiler/store/migrations/``: every command
calls :func:`open_store`, which upgrades to the newest revision first.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import sessionmaker

DEFAULT_DB_FILE = "hrdraft.sqlite"
MIGRATIONS = Path(__file__).with_name("migrations")


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else ``HRDRAFT_DB``, else the default file."""
    url = url or os.environ.get("HRDRAFT_DB")
    if not url:
        return f"sqlite:///{Path.cwd() / DEFAULT_DB_FILE}"
    if "://" not in url:  # a bare path means an SQLite file
        return f"sqlite:///{Path(url).resolve()}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets readers work while an ingest writes; foreign keys are off by default.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Store:
    """An engine with an up-to-date schema and a session factory.

    Code outside ``hrdraft.store`` passes a Store to the repository functions
    (``hrdraft.store.records``, ``.quarantine``, ``.batches``, ``.versions``)
    and never touches ``engine`` or ``session`` itself; tests that inspect the
    database may.
    """

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session = sessionmaker(engine, expire_on_commit=False)

    @property
    def url(self) -> str:
        """The database URL, password hidden: safe to print."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def connect_url(self) -> str:
        """The URL another process opens this same store with: password included, never print it."""
        return self.engine.url.render_as_string(hide_password=False)

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None, *, upgrade: bool = True) -> Store:
    """Connect to the store, creating and migrating it as needed."""
    from sqlalchemy.exc import ArgumentError, OperationalError

    from ..errors import HrdraftError

    resolved = database_url(url)
    try:
        engine = create_engine(resolved)
    except (ArgumentError, ImportError) as exc:
        raise HrdraftError(
            f"cannot use database URL {resolved!r}: {exc}",
            "use sqlite:///PATH or postgresql://USER@HOST/DB",
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        if upgrade:
            upgrade_schema(engine)
        else:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise HrdraftError(
            f"cannot open the store at {engine.url.render_as_string(hide_password=True)}: "
            f"{exc.orig}",
            "check --db / HRDRAFT_DB and that the server is running",
        ) from None
    return Store(engine)


def upgrade_schema(engine: Engine) -> None:
    """Run the Alembic migrations up to head (serialised on PostgreSQL)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Many processes may start at once against one server.
            conn.execute(text("SELECT pg_advisory_xact_lock(7263340001)"))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
