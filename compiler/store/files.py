"""The store's files on disk (database, -wal, -shm, key): created 0600, folders made 0700.

SQLite creates its -wal and -shm files with the database file's own mode,
so creating the database file 0600 before SQLite first opens it is enough
for all three. A file hrdraft finds with looser modes (a store made before
this rule, or copied with ``cp``) is tightened to 0600 and the caller is
told. Folders hrdraft creates are 0700; a folder that already exists (the
working directory) is left as its owner made it: the files' own modes keep
others out.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from ..safe_write import PRIVATE_DIR, PRIVATE_FILE
from ..safe_write import private_dir as make_private_dir

__all__ = [
    "PRIVATE_DIR",
    "PRIVATE_FILE",
    "create_private_file",
    "make_private_dir",
    "sqlite_files",
    "tighten",
]


def create_private_file(path: Path) -> bool:
    """Create `path` empty with mode 0600 unless it exists; True if it was created."""
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, PRIVATE_FILE)
    except FileExistsError:
        return False
    os.close(fd)
    return True


def tighten(paths: list[Path]) -> list[str]:
    """Set each existing file among `paths` that others may read or write to 0600.

    Returns one notice per file changed (or that could not be changed).
    """
    notices = []
    for path in paths:
        try:
            mode = stat.S_IMODE(path.lstat().st_mode)
        except FileNotFoundError:
            continue
        if path.is_symlink() or not mode & 0o077:
            continue
        try:
            os.chmod(path, PRIVATE_FILE)
            notices.append(f"{path} was readable by others (mode {mode:04o}); now 0600")
        except OSError as exc:
            notices.append(
                f"{path} is readable by others (mode {mode:04o}) and could not be "
                f"changed: {exc.strerror}; run chmod 600 on it"
            )
    return notices


def sqlite_files(database: Path) -> list[Path]:
    """The database file and the two SQLite keeps beside it in WAL mode."""
    return [
        database,
        database.with_name(database.name + "-wal"),
        database.with_name(database.name + "-shm"),
    ]
