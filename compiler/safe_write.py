"""Writing output files: private, whole or not at all, never through a planted link.

Drafts, exports and diffs say what defenders reported, so they are written
mode 0600 into folders hrdraft creates 0700. Each file is written to a
temporary file created exclusively (``mkstemp``: O_CREAT | O_EXCL, a random
name, so a symbolic link planted at a predictable ``.part`` name is never
followed and never overwritten), flushed to disk, then renamed over the
destination. A rename replaces a symbolic link standing at the destination
itself, never the file it points at. A reader sees the old file or the new
one, never half of one.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_DIR = 0o700


def private_dir(folder: Path) -> None:
    """Create `folder` and its missing parents 0700; folders that exist are left as they are."""
    missing = []
    for parent in (folder, *folder.parents):
        if parent.exists():  # a folder, or a file in the way: mkdir below says so
            break
        missing.append(parent)
    for parent in reversed(missing):
        try:
            parent.mkdir(mode=PRIVATE_DIR)
        except FileExistsError:
            continue
        os.chmod(parent, PRIVATE_DIR)  # mkdir's mode is narrowed by the umask, not widened


def write_private(path: Path, data: bytes | str) -> None:
    """Write `data` to `path` (0600), atomically, through a fresh temporary file."""
    path = Path(path)
    private_dir(path.parent)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data.encode("utf-8") if isinstance(data, str) else data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
