"""Connecting to the store: its URL, its key, the engine, and bringing the schema up to date.

An SQLite file in the working directory by default; ``--db URL`` or
``HRDRAFT_DB`` points at PostgreSQL instead (same code). The schema is owned
by the Alembic migrations in ``compiler/store/migrations/``: every command
calls :func:`open_store`, which upgrades to the newest revision first, and
unlocks the store with its key (``keys.py``) before anything is read. An
SQLite database and its -wal and -shm are created 0600 (``files.py``).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import sessionmaker

from .busy import connect_arguments, sqlite_pragma, translate_busy_errors

if TYPE_CHECKING:
    from .crypto import Keyring
    from .keys import KeySource

DEFAULT_DB_FILE = "hrdraft.sqlite"
MIGRATIONS = Path(__file__).with_name("migrations")
# The query parameter that carries a key file's path in Store.connect_url, so
# another process (compile --jobs, a test's subprocess) opens the store with
# the same key. Taken off before the URL reaches the database driver.
KEY_PARAMETER = "hrdraft_key"


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
    cursor.execute(sqlite_pragma())  # how long a writer waits for another (busy.py)
    # Deleted and overwritten content is zeroed, not left in free pages.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


class Store:
    """An engine with an up-to-date schema, the store's keyring and a session factory.

    Code outside ``hrdraft.store`` passes a Store to the repository functions
    (``hrdraft.store.records``, ``.quarantine``, ``.batches``, ``.versions``,
    ``.audit``) and never touches ``engine``, ``session`` or ``keyring``
    itself; tests that inspect the database may. `notices` are warnings for
    the user from opening it (a file's mode tightened); `touched` is what
    this process read and wrote, for the audit trail (``audit.note``).
    """

    def __init__(self, engine: Engine, keyring: Keyring, key_source: KeySource) -> None:
        self.engine = engine
        self.keyring = keyring
        self.key_source = key_source
        self.session = sessionmaker(engine, expire_on_commit=False)
        self.notices: list[str] = []
        self.key_created = False  # this open gave the store its key (it had none)
        self.touched: dict[str, list[Any]] = {}
        self.touched_more: dict[str, int] = {}

    @property
    def url(self) -> str:
        """The database URL, password hidden: safe to print."""
        return self.engine.url.render_as_string(hide_password=True)

    @property
    def connect_url(self) -> str:
        """The URL another process opens this same store with: password included, never print it.

        A key file named by ``--key`` rides along as a query parameter (its
        path, never the key); a passphrase is found in the environment.
        """
        url = self.engine.url
        if self.key_source.given and self.key_source.path is not None:
            url = url.update_query_dict({KEY_PARAMETER: str(self.key_source.path)})
        return url.render_as_string(hide_password=False)

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(
    url: str | None = None, *, upgrade: bool = True, key_file: str | Path | None = None
) -> Store:
    """Connect to the store, creating and migrating it as needed, unlocked with its key.

    The key is `key_file`, else a key file named in the URL (see
    :attr:`Store.connect_url`), ``HRDRAFT_KEY_FILE`` or ``HRDRAFT_PASSPHRASE``,
    else (SQLite) the key file beside the database. A missing or wrong key is
    a :class:`~hrdraft.store.keys.StoreKeyError` that names the file.
    """
    return _open(url, upgrade=upgrade, key_file=key_file)


def key_source_of(url: str | None = None, key_file: str | Path | None = None) -> KeySource:
    """Where the key of the store at `url` is looked for, without opening the store."""
    from .keys import key_source

    parsed = make_url(database_url(url))
    key_file = key_file or parsed.query.get(KEY_PARAMETER) or None
    return key_source(parsed.difference_update_query([KEY_PARAMETER]), key_file)


def _open_unencrypted(url: str) -> Store:
    """A store that seals nothing: for ``benchmarks/ingest.py`` alone, never for records.

    Measures what encryption costs with the same code path; such a store is
    marked so and refused by :func:`open_store`.
    """
    return _open(url, upgrade=True, key_file=None, plain=True)


def _open(
    url: str | None, *, upgrade: bool, key_file: str | Path | None, plain: bool = False
) -> Store:
    from sqlalchemy.exc import ArgumentError, OperationalError

    from ..errors import HrdraftError
    from .keys import key_source

    resolved = database_url(url)
    try:
        parsed = make_url(resolved)
        key_file = key_file or parsed.query.get(KEY_PARAMETER) or None
        parsed = parsed.difference_update_query([KEY_PARAMETER])
        engine = create_engine(parsed, connect_args=connect_arguments(parsed.get_backend_name()))
    except (ArgumentError, ImportError, ValueError) as exc:
        raise HrdraftError(
            f"cannot use database URL {resolved!r}: {exc}",
            "use sqlite:///PATH or postgresql://USER@HOST/DB",
        ) from None
    source = key_source(engine.url, key_file)
    notices = _prepare_files(engine)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    translate_busy_errors(engine)
    try:
        if upgrade:
            unlocked = _upgrade(engine, source, plain)
        else:
            from .keys import unlock

            with engine.connect() as conn:
                unlocked = unlock(conn, source, _printable(engine), plain=plain)
    except OperationalError as exc:
        raise HrdraftError(
            f"cannot open the store at {_printable(engine)}: {exc.orig}",
            "check --db / HRDRAFT_DB and that the server is running",
        ) from None
    store = Store(engine, unlocked.keyring, source)
    store.notices = notices + list(unlocked.notices)
    store.key_created = unlocked.row is not None
    if engine.dialect.name == "sqlite" and engine.url.database:
        from .files import sqlite_files, tighten

        # The -wal and -shm exist now; SQLite made them with the database's mode.
        store.notices += tighten(sqlite_files(Path(engine.url.database))[1:])
    return store


def _printable(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _prepare_files(engine: Engine) -> list[str]:
    """Create an SQLite database file 0600 before SQLite does; tighten an existing one."""
    from .files import create_private_file, sqlite_files, tighten

    database = engine.url.database if engine.dialect.name == "sqlite" else None
    if not database or database == ":memory:" or database.startswith("file:"):
        return []
    path = Path(database)
    if path.parent.is_dir():
        create_private_file(path)
    return tighten(sqlite_files(path))


def upgrade_schema(engine: Engine, source: KeySource | None = None) -> Keyring:
    """Run the Alembic migrations up to head (serialised on PostgreSQL); return the keyring.

    `source` defaults to the key source the engine's URL implies.
    """
    from .keys import key_source

    return _upgrade(engine, source or key_source(engine.url), plain=False).keyring


def _upgrade(engine: Engine, source: KeySource, plain: bool):  # type: ignore[no-untyped-def]
    from alembic import command
    from alembic.config import Config

    from .keys import unlock

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        if sqlite:
            # Rebuilding a table others point at (Alembic's batch mode) needs
            # foreign keys off, which SQLite allows only outside a
            # transaction; they are checked before the commit instead.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()
        try:
            with conn.begin():
                if sqlite:
                    # The sqlite3 module opens a transaction only before its
                    # first INSERT or UPDATE: without this, a migration's
                    # schema changes would each commit on their own, and one
                    # that died half-way (sealing an old store) would leave
                    # it half sealed.
                    conn.exec_driver_sql("BEGIN")
                else:
                    # Many processes may start at once against one server.
                    conn.execute(text("SELECT pg_advisory_xact_lock(7263340001)"))
                unlocked = unlock(conn, source, _printable(engine), plain=plain)
                config.attributes["connection"] = conn
                config.attributes["keyring"] = unlocked.keyring
                config.attributes["key_row"] = unlocked.row
                command.upgrade(config, "head")
                if unlocked.row is not None:
                    _write_key_row(conn, unlocked.row)
                if sqlite and conn.exec_driver_sql("PRAGMA foreign_key_check").first():
                    raise RuntimeError("a migration broke a foreign key")  # our bug
        finally:
            if sqlite:
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
    if config.attributes.get("vacuum"):
        vacuum(engine)
    return unlocked


def _write_key_row(conn: Any, row: dict[str, Any]) -> None:
    """The key row of a store that had none, unless the migration that made the table wrote it."""
    from .models import StoreKey

    if conn.execute(text("SELECT count(*) FROM store_key")).scalar_one() == 0:
        conn.execute(StoreKey.__table__.insert(), row)


def vacuum(engine: Engine) -> None:
    """Rewrite the database so old (plaintext, deleted) content leaves the files.

    SQLite: VACUUM, then the WAL checkpointed and truncated. PostgreSQL:
    VACUUM FULL of the store's tables (dead rows otherwise stay in the data
    files until autovacuum reuses the space; the server's own WAL archive,
    if any, is outside hrdraft's reach).
    """
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql("VACUUM")
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            conn.exec_driver_sql(
                "VACUUM FULL records, record_revisions, batches, quarantine, versions"
            )
