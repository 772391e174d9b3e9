"""hrdraft: a plugin-based compiler for country human rights reports.

This module is the public API: everything a report plugin (built-in or
third-party) may import. Anything not re-exported here is internal and may
change without notice.
"""

from __future__ import annotations

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
from .select import SelectedRecord

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
    "calendar_year",
    "hookimpl",
    "parse_partial_date",
    "prose",
]
