"""Immutable draft versions, as the history stage uses them: save, find, load, list.

The versions live in the store; this module is their name for the stages
after the build (pipeline, diff, export, the CLI), so those need no store
internals. See :mod:`hrdraft.store.versions` for how a version is kept and
checked.
"""

from __future__ import annotations

from ..store.versions import (
    Version,
    document_hash,
    find_by_fingerprint,
    list_versions,
    load_version,
    previous_version,
    save_compiled,
    save_merged,
    save_version,
)

__all__ = [
    "Version",
    "document_hash",
    "find_by_fingerprint",
    "list_versions",
    "load_version",
    "previous_version",
    "save_compiled",
    "save_merged",
    "save_version",
]
