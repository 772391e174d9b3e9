"""Every hook a plugin can implement, grouped by stage.

This module is the plugin API. Each hook's docstring says when the core calls
it, with what, and what it returns; docs/plugins.md is written from it and a
test keeps the two in step. Implement a hook with ``@hrdraft.hookimpl`` on a
function of the same name in a module (or class) registered under the
``hrdraft`` entry-point group.

Collector hooks (``hrdraft_register_*``, ``hrdraft_template_dirs``) return
lists that the core merges. Decision hooks (``hrdraft_classify_record``,
``hrdraft_build_section``) are ``firstresult``: the first plugin that does
not return ``None`` decides. ``hrdraft_transform_document`` is a chain: each
implementation receives the document the previous one returned.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click
import pluggy

if TYPE_CHECKING:
    from .build import BuildContext
    from .document import Block, Report
    from .ingest import Reader
    from .outline import ReportType, SectionSpec
    from .records import Category
    from .select import SelectedRecord

PROJECT = "hrdraft"

hookspec = pluggy.HookspecMarker(PROJECT)


# -------------------------------------------------------------------------
# Setup: what plugins contribute before any stage runs
# -------------------------------------------------------------------------


@hookspec
def hrdraft_register_report_types() -> list[ReportType]:
    """Declare the report types this plugin can compile.

    Called once when the plugin manager is first used. Return a list of
    :class:`hrdraft.ReportType`, each with its editions (outlines and the
    reporting years they apply to), its reporting period, the record figure
    names it reads and the ``--option`` settings it accepts. Names must be
    unique across plugins; a clash is reported with both plugin names.
    """


@hookspec
def hrdraft_register_categories() -> list[Category]:
    """Add ids to the controlled vocabulary of record categories.

    Called when records are validated (ingest) and when ``hrdraft
    categories`` lists the vocabulary. Return a list of
    :class:`hrdraft.Category`. An id that already exists is an error named
    with the plugin; extend with a new prefix (``civic.*``) instead.
    """


@hookspec
def hrdraft_register_readers() -> list[Reader]:
    """Add input formats that ``hrdraft ingest`` can read.

    Called when ingest chooses a reader by ``--format`` or file extension.
    Return a list of :class:`hrdraft.Reader`: a format name, the file
    extensions it claims, and a function that takes an open binary file and
    its path and yields ``(line, raw_row)`` pairs, where ``raw_row`` is a
    dict in the JSON record form (validation is the core's job). A reader
    raises :class:`hrdraft.InputFileError` for a file it cannot read at all.
    """


@hookspec
def hrdraft_register_commands(cli: click.Group) -> None:
    """Add sub-commands to the ``hrdraft`` command line.

    Called once while the CLI is built, with the top-level click group.
    Add commands with ``@cli.command()``; return nothing. Keep commands thin:
    parse, call the core, print.
    """


# -------------------------------------------------------------------------
# Classify: which sections of an edition a record belongs to
# -------------------------------------------------------------------------


@hookspec(firstresult=True)
def hrdraft_classify_record(context: BuildContext, item: SelectedRecord) -> list[str] | None:
    """Return the ids of the sections of ``context.edition`` that ``item`` belongs to.

    Called once per selected record per build, after the do-no-harm filter,
    for records that do not target sections of this report type explicitly
    (explicit ``sections`` targets such as ``hrr:1.c`` always win and are
    applied by the core). Return ``None`` when ``context.report_type`` is
    not yours, so the next plugin decides; return ``[]`` to leave the record
    out of this report. Ids not in the edition's outline are reported as a
    plugin error.
    """


# -------------------------------------------------------------------------
# Build: the blocks of each section, then the whole document
# -------------------------------------------------------------------------


@hookspec(firstresult=True)
def hrdraft_build_section(
    context: BuildContext, spec: SectionSpec, items: list[SelectedRecord]
) -> list[Block] | None:
    """Return the blocks of one section, built from the records classified there.

    Called for every section of the edition's outline, parents before
    children, with the records classified into that exact section id (in
    event-date order). Return ``None`` when ``context.report_type`` is not
    yours. Every paragraph built from records must cite them
    (:class:`hrdraft.Cite`); a section with no records still gets text
    (a lead sentence such as "There were no reports of ... during the year."
    or "Not applicable."), never an empty heading.
    """


@hookspec
def hrdraft_transform_document(context: BuildContext, document: Report) -> Report | None:
    """Rewrite the whole document after every section is built.

    Called once per build, in plugin order (later-registered plugins first),
    each implementation receiving the document the previous one returned.
    Use it for what needs the whole tree: an executive summary built from
    the sections, numbering, a cross-report pointer. Return a new
    :class:`hrdraft.Report` (the tree is immutable: use ``model_copy``), or
    ``None`` to leave it unchanged.
    """


# -------------------------------------------------------------------------
# Render: where templates come from
# -------------------------------------------------------------------------


@hookspec
def hrdraft_template_dirs() -> list[Path]:
    """Return directories of Jinja2 templates this plugin provides.

    Called when the renderer is set up. Lookup order is the user's
    ``--templates`` directory, then plugin directories, then the core's
    ``templates/``. A plugin's ``report/<type>.html`` (e.g.
    ``report/tip.html``) is used for its report type; an override may
    ``{% extends "core/report.html" %}`` to change a part of the core layout.
    Templates are local files only: nothing is ever fetched.
    """
