"""Where a store's master key comes from, and checking it is the right one.

A store's master key is either

* a **key file**: 32 random bytes, written 0600 (in a folder made 0700)
  the first time a store without a key is opened. For an SQLite store it
  lies beside the database by default (``hrdraft.sqlite`` →
  ``hrdraft.key``); ``--key PATH`` / ``HRDRAFT_KEY_FILE`` names another, and a
  PostgreSQL store must be given one (or a passphrase); or
* a **passphrase** in ``HRDRAFT_PASSPHRASE``, stretched with scrypt
  (memory-hard) and a random salt that the store keeps.

The store keeps a key check value (``crypto.Keyring.check_value``), so
:func:`unlock` tells a wrong or missing key from a new store: a new key is
made only when the store holds nothing sealed yet, never for a store that
has one (that would lock its data away for good).
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import inspect, select
from sqlalchemy.engine import Connection
from sqlalchemy.engine.url import URL

from ..errors import HrdraftError
from .crypto import MASTER_KEY_BYTES, OLD_SCHEMES, SCHEME, Keyring, PlainKeyring, new_master_key
from .files import PRIVATE_FILE, make_private_dir, tighten
from .models import StoreKey

KEY_FILE_ENV = "HRDRAFT_KEY_FILE"
PASSPHRASE_ENV = "HRDRAFT_PASSPHRASE"
KEY_SUFFIX = ".key"
# OWASP's floor for scrypt: 128 MiB of memory, about half a second here.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_PREFIX = "hrdraft-key-v1:"
_HEADER = (
    "# hrdraft store key. Anyone with this file and the database can read every record;\n"
    "# without it nobody can, you included. Keep it secret and keep a backup apart from\n"
    "# the database: `hrdraft key backup PATH`.\n"
)
_MISSING_HINT = (
    "restore the key file from your backup to that path, or pass it with --key PATH "
    "(HRDRAFT_KEY_FILE); without it the store cannot be read, and hrdraft never makes a "
    "new key for a store that has one"
)


class StoreKeyError(HrdraftError):
    """The store's key is missing, wrong or unreadable."""


@dataclass(frozen=True)
class KeySource:
    """How to get one store's master key: a key file, a passphrase, or (memory stores) none."""

    path: Path | None = None
    passphrase: bool = False
    ephemeral: bool = False  # an in-memory SQLite database: a fresh key each time
    given: bool = False  # named by --key / HRDRAFT_KEY_FILE / the URL, not the default

    def describe(self) -> str:
        if self.passphrase:
            return f"the passphrase in {PASSPHRASE_ENV}"
        if self.path is not None:
            return f"the key file {self.path}"
        return "a key kept in memory"

    @property
    def pending(self) -> Path | None:
        """Where a key rotation writes the new key before the store switches to it."""
        return self.path.with_name(self.path.name + ".new") if self.path else None


def default_key_path(database: Path) -> Path:
    """``hrdraft.sqlite`` → ``hrdraft.key``, beside it."""
    if database.suffix == KEY_SUFFIX:
        return database.with_name(database.name + KEY_SUFFIX)
    return database.with_suffix(KEY_SUFFIX)


def key_source(url: URL, key_file: str | Path | None = None) -> KeySource:
    """The key source for the store at `url`: `key_file`, else the environment, else the default."""
    key_file = key_file or os.environ.get(KEY_FILE_ENV) or None
    if key_file:
        if os.environ.get(PASSPHRASE_ENV):
            raise StoreKeyError(
                f"both a key file ({key_file}) and {PASSPHRASE_ENV} are given",
                "use one: a store is locked with either a key file or a passphrase",
            )
        return KeySource(path=Path(key_file).expanduser().resolve(), given=True)
    if os.environ.get(PASSPHRASE_ENV):
        return KeySource(passphrase=True)
    if url.get_backend_name() == "sqlite":
        database = url.database or ""
        if database in ("", ":memory:") or database.startswith("file::memory:"):
            return KeySource(ephemeral=True)
        return KeySource(path=default_key_path(Path(database).resolve()))
    raise StoreKeyError(
        f"the store at {url.render_as_string(hide_password=True)} needs a key",
        f"pass --key PATH (or set {KEY_FILE_ENV}): a store without a key yet gets a new key "
        f"file there; or set {PASSPHRASE_ENV}",
    )


# -------------------------------------------------------------------------
# Key files
# -------------------------------------------------------------------------


def _encode(master: bytes) -> bytes:
    return (_HEADER + _PREFIX + base64.urlsafe_b64encode(master).decode() + "\n").encode()


def read_key_file(path: Path) -> bytes:
    """The master key in `path`; a StoreKeyError naming the file if it is missing or not a key."""
    try:
        text = path.read_text(encoding="ascii")
    except FileNotFoundError:
        raise StoreKeyError(f"no key file at {path}", _MISSING_HINT) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise StoreKeyError(
            f"cannot read the key file {path}: {getattr(exc, 'strerror', None) or exc}",
            _MISSING_HINT,
        ) from None
    for line in text.splitlines():
        if line.startswith(_PREFIX):
            try:
                master = base64.urlsafe_b64decode(line.removeprefix(_PREFIX).strip())
            except ValueError:
                break
            if len(master) == MASTER_KEY_BYTES:
                return master
    raise StoreKeyError(f"{path} is not an hrdraft key file", _MISSING_HINT)


def _write_new(path: Path, master: bytes) -> None:
    """Write `master` to a new file `path`, 0600, complete on disk before it has its name."""
    make_private_dir(path.parent)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE_FILE)
    try:
        os.write(fd, _encode(master))
        os.fsync(fd)
    finally:
        os.close(fd)
    try:
        os.link(tmp, path)  # fails if `path` exists: two first opens at once keep one key
    finally:
        tmp.unlink()
    _sync_dir(path.parent)


def _sync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def create_key_file(path: Path) -> bytes:
    """A new master key written to `path`; if another process wrote one first, that one."""
    master = new_master_key()
    try:
        _write_new(path, master)
    except FileExistsError:
        return read_key_file(path)
    return master


def write_pending_key(source: KeySource, master: bytes) -> None:
    """Write a rotation's new key beside the current one (replacing a stale pending one)."""
    assert source.pending is not None
    source.pending.unlink(missing_ok=True)
    _write_new(source.pending, master)


def commit_pending_key(source: KeySource) -> None:
    """Put the pending key in the key file's place, atomically."""
    assert source.pending is not None and source.path is not None
    os.replace(source.pending, source.path)
    _sync_dir(source.path.parent)


def backup_key_file(master: bytes, destination: Path) -> None:
    """Write a copy of the key to `destination` (which must not exist), 0600."""
    try:
        _write_new(destination, master)
    except FileExistsError:
        raise StoreKeyError(
            f"{destination} exists already", "choose a new file name for the backup"
        ) from None
    except OSError as exc:
        raise StoreKeyError(
            f"cannot write the backup {destination}: {exc.strerror}", "choose another folder"
        ) from None


# -------------------------------------------------------------------------
# Passphrases
# -------------------------------------------------------------------------


def passphrase_key(salt: bytes, passphrase: str | None = None) -> bytes:
    """The master key a passphrase (default: ``HRDRAFT_PASSPHRASE``) gives with `salt`."""
    passphrase = passphrase if passphrase is not None else os.environ.get(PASSPHRASE_ENV, "")
    if not passphrase:
        raise StoreKeyError(f"{PASSPHRASE_ENV} is empty", "set it to the store's passphrase")
    kdf = Scrypt(salt=salt, length=MASTER_KEY_BYTES, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P)
    return kdf.derive(passphrase.encode("utf-8"))


def kdf_label() -> str:
    return f"scrypt n={SCRYPT_N} r={SCRYPT_R} p={SCRYPT_P}"


# -------------------------------------------------------------------------
# Unlocking a store
# -------------------------------------------------------------------------


@dataclass
class Unlocked:
    """The keyring that opens a store, and what to write when the store has no key row yet."""

    keyring: Keyring
    row: dict | None = None  # the store_key row to insert (a store with nothing sealed yet)
    notices: tuple[str, ...] = ()


def key_row(keyring: Keyring, source: KeySource, salt: bytes = b"") -> dict:
    """The store_key row that says which key (and which kind of key) opens this store."""
    now = datetime.now(UTC).replace(tzinfo=None)
    return {
        "id": 1,
        "scheme": SCHEME if keyring.encrypted else "none",
        "kind": "passphrase" if source.passphrase else "file",
        "salt": salt.hex(),
        "kdf": kdf_label() if source.passphrase else "",
        "check_value": keyring.check_value,
        "created_at": now,
        "rotated_at": None,
    }


def read_key_row(conn: Connection, where: str = "this store") -> StoreKey | None:
    """The store's key row, or None before the store has one (new, or made before 0003)."""
    if not inspect(conn).has_table(StoreKey.__tablename__):
        return None
    row = conn.execute(select(StoreKey.__table__)).first()
    if row is None:
        # The table comes with its row (migration 0003): someone removed it.
        raise StoreKeyError(
            f"the store at {where} has lost its key check (table store_key is empty)",
            "the database was altered: restore it from a backup",
        )
    return StoreKey(**row._mapping)


def unlock(conn: Connection, source: KeySource, where: str, *, plain: bool = False) -> Unlocked:
    """The keyring for the store on `conn`, checked against its key row.

    A store with no key row yet (new, or a plaintext store about to be
    migrated) gets its key now: an existing key file is used, a missing one
    created, a passphrase stretched with a new salt. A store with a key row
    must be opened by that key; `where` (the store's printable URL) goes
    into the error.
    """
    stored = read_key_row(conn, where)
    if plain:  # benchmarks only
        if stored is not None and stored.scheme != "none":
            raise StoreKeyError(f"the store at {where} is encrypted")
        return Unlocked(PlainKeyring(), None if stored else key_row(PlainKeyring(), source))
    if stored is None:
        if source.passphrase:
            salt = os.urandom(16)
            keyring = Keyring(passphrase_key(salt))
            return Unlocked(keyring, key_row(keyring, source, salt))
        if source.ephemeral:
            keyring = Keyring(new_master_key())
        else:
            assert source.path is not None
            existed = source.path.exists()
            keyring = Keyring(
                read_key_file(source.path) if existed else create_key_file(source.path)
            )
        return Unlocked(keyring, key_row(keyring, source))
    if stored.scheme in OLD_SCHEMES:
        raise StoreKeyError(
            f"the store at {where} was made by a development version of hrdraft's encryption "
            f"({stored.scheme})",
            "ingest the records into a new store",
        )
    if stored.scheme == "none":
        raise StoreKeyError(
            f"the store at {where} was written without encryption (a benchmark's store)",
            "hrdraft opens only encrypted stores: ingest the records into a new store",
        )
    if stored.kind == "passphrase" and not source.passphrase:
        raise StoreKeyError(
            f"the store at {where} is locked with a passphrase", f"set {PASSPHRASE_ENV}"
        )
    if stored.kind == "file" and source.passphrase:
        raise StoreKeyError(
            f"the store at {where} is locked with a key file, not a passphrase",
            f"unset {PASSPHRASE_ENV} and pass the key file with --key PATH if it is not "
            "beside the database",
        )
    if source.passphrase:
        keyring = Keyring(passphrase_key(bytes.fromhex(stored.salt)))
        if not keyring.matches(stored.check_value):
            raise StoreKeyError(
                f"{PASSPHRASE_ENV} does not open the store at {where}",
                "check the passphrase (it is the one the store was made or last rotated with)",
            )
        return Unlocked(keyring)
    if source.path is None:
        raise StoreKeyError(f"the store at {where} needs its key file", _MISSING_HINT)
    notices: list[str] = []
    try:
        keyring = Keyring(read_key_file(source.path))
    except StoreKeyError as exc:
        finished = _finish_rotation(source, stored)
        if finished is None:
            raise StoreKeyError(
                f"no key for the store at {where}: {exc.message}", exc.hint
            ) from None
        return Unlocked(finished, notices=(f"finished an interrupted key rotation: {source.path}",))
    notices += tighten([source.path])
    if not keyring.matches(stored.check_value):
        finished = _finish_rotation(source, stored)
        if finished is None:
            raise StoreKeyError(
                f"the key file {source.path} does not open the store at {where}: it is "
                "another store's key, or an old one",
                "restore this store's key file from your backup (the backup made after the "
                "last `hrdraft key rotate`) and pass it with --key PATH",
            )
        keyring = finished
        notices.append(f"finished an interrupted key rotation: {source.path}")
    return Unlocked(keyring, notices=tuple(notices))


def _finish_rotation(source: KeySource, stored: StoreKey) -> Keyring | None:
    """A rotation that committed but died before renaming its new key file: finish it."""
    pending = source.pending
    if pending is None or not pending.exists():
        return None
    try:
        keyring = Keyring(read_key_file(pending))
    except StoreKeyError:
        return None
    if not keyring.matches(stored.check_value):
        return None
    commit_pending_key(source)
    return keyring


def assert_current_key(conn: Connection, keyring: Keyring) -> None:
    """Refuse to write with a key the store no longer has (rotated while this process ran).

    Called inside every write transaction, after its first write (SQLite's
    lock is then held); on PostgreSQL the key row is share-locked, so a
    rotation waits for the writes in progress and they wait for it.
    """
    if not keyring.encrypted:
        return
    key = StoreKey.__table__
    stmt = select(key.c.check_value)
    if conn.dialect.name == "postgresql":
        stmt = stmt.with_for_update(read=True)
    if not keyring.matches(conn.execute(stmt).scalar_one()):
        raise StoreKeyError(
            "the store's key was changed (`hrdraft key rotate`) while this command ran",
            "run the command again: what it was writing was not stored",
        )


def backup_key(store_keyring: Keyring, source: KeySource, destination: Path) -> None:
    """Write a copy of the store's key file to `destination` (new, 0600), checked first."""
    if source.passphrase or source.path is None:
        raise StoreKeyError(
            "this store is locked with a passphrase: there is no key file to back up",
            "keep the passphrase where your organisation keeps secrets (a password manager)",
        )
    master = read_key_file(source.path)
    if not Keyring(master).matches(store_keyring.check_value):
        raise StoreKeyError(f"{source.path} is not the key this store was opened with")
    if destination.resolve() == source.path:
        raise StoreKeyError(f"{destination} is the key file itself", "choose another path")
    backup_key_file(master, destination)
