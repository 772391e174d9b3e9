"""hrdraft: a plugin-based compiler for country human rights reports.

This module is the public API: everything a report plugin (built-in or
third-party) may import. Anything not re-exported here is internal and may
change without notice.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

# Where each public name lives. Loaded on first use, so that importing
# hrdraft (as every pytest run does, for the pytest plugin hrdraft.testing)
# costs nothing until something is used.
_PUBLIC: dict[str, str] = {
    **dict.fromkeys(("BuildContext", "Placement"), "build"),
    **dict.fromkeys(
        (
            "AUDIENCES",
            "Audience",
            "Block",
            "BulletList",
            "Cite",
            "Note",
            "Paragraph",
            "Pointer",
            "Report",
            "Section",
            "SourceEntry",
            "Table",
        ),
        "document",
    ),
    **dict.fromkeys(("HrdraftError", "InputFileError", "NotFoundError", "PluginError"), "errors"),
    "Reader": "ingest",
    **dict.fromkeys(
        ("Edition", "ReportExtension", "ReportType", "SectionSpec", "calendar_year"), "outline"
    ),
    "hookimpl": "plugins",
    **dict.fromkeys(
        ("Category", "Citation", "Person", "Record", "Source", "parse_partial_date"), "records"
    ),
    "SelectedRecord": "select",
    **dict.fromkeys(("WriteContext", "Writer"), "render.writers"),
}

if TYPE_CHECKING:
    # Draft prose in the published reports' conventions, shared by every report plugin.
    from . import prose
    from .build import BuildContext, Placement
    from .document import (
        AUDIENCES,
        Audience,
        Block,
        BulletList,
        Cite,
        Note,
        Paragraph,
        Pointer,
        Report,
        Section,
        SourceEntry,
        Table,
    )
    from .errors import HrdraftError, InputFileError, NotFoundError, PluginError
    from .ingest import Reader
    from .outline import Edition, ReportExtension, ReportType, SectionSpec, calendar_year
    from .plugins import hookimpl
    from .records import Category, Citation, Person, Record, Source, parse_partial_date
    from .render.writers import WriteContext, Writer
    from .select import SelectedRecord


def __getattr__(name: str) -> Any:
    if name == "prose":
        return importlib.import_module(".prose", __name__)
    if name not in _PUBLIC:
        raise AttributeError(f"module 'hrdraft' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
    globals()[name] = value  # looked up once
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})


__all__ = [
    "AUDIENCES",
    "Audience",
    "Block",
    "BuildContext",
    "BulletList",
    "Category",
    "Citation",
    "Cite",
    "Edition",
    "HrdraftError",
    "InputFileError",
    "NotFoundError",
    "Note",
    "Paragraph",
    "Person",
    "Placement",
    "PluginError",
    "Pointer",
    "Reader",
    "Record",
    "Report",
    "ReportExtension",
    "ReportType",
    "Section",
    "SectionSpec",
    "SelectedRecord",
    "Source",
    "SourceEntry",
    "Table",
    "WriteContext",
    "Writer",
    "calendar_year",
    "hookimpl",
    "parse_partial_date",
    "prose",
]
