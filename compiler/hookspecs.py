"""Every hook a plugin can implement, grouped by stage.

This module is the plugin API. Each hook's docstring says when the core calls
it, with what, what it returns and who is asked; docs/plugins.md is written
from it and a test keeps the two in step. Implement a hook with
``@hrdraft.hookimpl`` on a function of the same name in a module (or class)
registered under the ``hrdraft`` entry-point group. A hook name that is not
declared here (a misspelling) makes the plugin fail to load, listed by
``hrdraft plugins`` with the reason; none of its hooks then runs.

Collector hooks (``hrdraft_register_*``, ``hrdraft_extend_report_types``,
``hrdraft_template_dirs``) are asked of every plugin, one plugin at a time,
and the core merges the lists they return.

The hooks about one report type are **dispatched by owner**. The plugin that
registered a report type (``hrdraft_register_report_types``) owns it:
``hrdraft_classify_record`` and ``hrdraft_build_section`` are asked of the
owner only, never of another plugin, so no plugin's mistake can empty or
rewrite another plugin's report. A plugin adds to a report type it does not
own only by declaring it (``hrdraft_extend_report_types``): placements of its
own categories, merged with the owner's classification, and whether its
``hrdraft_transform_document`` applies there. The transform is a chain: the
owner's first, then the declared contributors' in plugin-name order, each
receiving the document the previous one returned. The three are declared
``firstresult`` only because each call has exactly one implementation: the
call returns that plugin's answer, and that is what a wrapper sees.

Every hook is called through pluggy: wrappers (``@hookimpl(wrapper=True)``
or ``hookwrapper=True``) of any plugin run around every call, owner-dispatched
ones included, and so do pluggy's tracing and call monitoring. A wrapper
must pass the result on (``return (yield)``) unless it means to change it.
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
    from .outline import ReportExtension, ReportType, SectionSpec
    from .records import Category
    from .render.writers import Writer
    from .select import SelectedRecord

PROJECT = "hrdraft"

hookspec = pluggy.HookspecMarker(PROJECT)


# -------------------------------------------------------------------------
# Setup: what plugins contribute before any stage runs
# -------------------------------------------------------------------------


@hookspec
def hrdraft_register_report_types() -> list[ReportType]:
    """Declare the report types this plugin can compile.

    Called once, when the report types are first needed, for every plugin.
    Return a list of :class:`hrdraft.ReportType`, each with its editions
    (outlines and the reporting years they apply to), its reporting period,
    the record figure names it reads and the ``--option`` settings it
    accepts. The plugin that returns a report type owns it: only it is asked
    to classify and build that report type. Names must be unique across
    plugins; a clash is reported with both plugin names.
    """


@hookspec
def hrdraft_register_categories() -> list[Category]:
    """Add ids to the controlled vocabulary of record categories.

    Called for every plugin when records are validated (ingest) and when
    ``hrdraft categories`` lists the vocabulary; the lists are merged.
    Return a list of :class:`hrdraft.Category`. An id that already exists is
    an error named with the plugin; extend with a new prefix (``civic.*``)
    instead. The categories a plugin registers are its own: only they may be
    placed into another plugin's report type (``hrdraft_extend_report_types``).
    """


@hookspec
def hrdraft_register_readers() -> list[Reader]:
    """Add input formats that ``hrdraft ingest`` can read.

    Called for every plugin when ingest chooses a reader by ``--format`` or
    file extension; the lists are merged. Return a list of
    :class:`hrdraft.Reader`: a format name, the file extensions it claims,
    and a function that takes an open binary file and its path and yields
    ``(line, raw_row)`` pairs, where ``raw_row`` is a dict in the JSON record
    form (validation is the core's job). A reader raises
    :class:`hrdraft.InputFileError` for a file it cannot read at all.
    """


@hookspec
def hrdraft_register_commands(cli: click.Group) -> None:
    """Add sub-commands to the ``hrdraft`` command line.

    Called once for every plugin while the CLI is built, with the top-level
    click group. Add commands with ``@cli.command()``; return nothing. Keep
    commands thin: parse, call the core, print.
    """


@hookspec
def hrdraft_extend_report_types() -> list[ReportExtension]:
    """Declare what this plugin adds to report types other plugins own.

    Called for every plugin when a draft is first built (and when the
    pipeline works out which plugins can change a draft); the declarations
    are merged. Return a list of :class:`hrdraft.ReportExtension`, one per
    report type extended: ``placements`` maps an edition name to
    ``{category id: section ids}`` for categories this plugin registers
    itself, and those records are placed there *in addition to* where the
    owner places them (never instead); ``transforms=True`` asks the core to
    call this plugin's ``hrdraft_transform_document`` for that report type,
    after the owner's. An unknown edition or section id, a category the
    plugin does not register, or ``transforms=True`` without a transform is
    a plugin error naming the plugin. An extension of a report type that is
    not installed is ignored. Return ``[]`` (or do not implement the hook)
    to extend nothing.
    """


# -------------------------------------------------------------------------
# Classify: which sections of an edition a record belongs to
# -------------------------------------------------------------------------


@hookspec(firstresult=True)
def hrdraft_classify_record(context: BuildContext, item: SelectedRecord) -> list[str]:
    """Return the ids of the sections of ``context.edition`` that ``item`` belongs to.

    Owner only. Called on the plugin that registered ``context.report_type``
    and on no other, once per selected record per build, after the
    do-no-harm filter, for records that do not target sections of this
    report type explicitly (explicit ``sections`` targets such as
    ``hrr:1.c`` always win and are applied by the core). Return a list of
    section ids, ``[]`` to leave the record out of this report; ``None`` is
    a plugin error. Ids not in the edition's outline are a plugin error.
    Placements other plugins declared (``hrdraft_extend_report_types``) are
    merged with this answer by the core. ``context.placement`` is still
    empty here; the result of classification is in it for the later hooks.
    """


# -------------------------------------------------------------------------
# Build: the blocks of each section, then the whole document
# -------------------------------------------------------------------------


@hookspec(firstresult=True)
def hrdraft_build_section(
    context: BuildContext, spec: SectionSpec, items: list[SelectedRecord]
) -> list[Block]:
    """Return the blocks of one section, built from the records classified there.

    Owner only. Called on the plugin that registered ``context.report_type``,
    for every section of the edition's outline (or of the one section
    requested), parents before children, with the records placed in that
    exact section id, in event-date order: explicit targets, the owner's
    classification and contributed placements, merged. ``context.placement``
    holds where every record of the draft went (``placement.under(spec)``
    for a heading and all below it), so a summary never classifies again.
    Return a list of blocks; ``None`` is a plugin error. Every paragraph
    built from records must cite them (:class:`hrdraft.Cite`); a section
    with no records still gets text (a lead sentence such as "There were no
    reports of ... during the year." or "Not applicable."), never an empty
    heading.
    """


@hookspec(firstresult=True)
def hrdraft_transform_document(context: BuildContext, document: Report) -> Report | None:
    """Rewrite the whole document after every section is built.

    Called once per build as a chain, each call through pluggy: first on
    the owner of ``context.report_type``, then on each plugin that declared
    ``transforms=True`` for it in ``hrdraft_extend_report_types``, in
    plugin-name order; each receives the document the previous one
    returned. A plugin's transform is never called for a report type it
    neither owns nor declared. Use it for what needs the whole tree: an
    executive summary built from the sections (``context.placement`` says
    which records are where), numbering, a cross-report pointer. Return a
    new :class:`hrdraft.Report` (the tree is immutable: use
    ``model_copy``), or ``None`` to leave it unchanged.
    """


# -------------------------------------------------------------------------
# Render: where templates come from
# -------------------------------------------------------------------------


@hookspec
def hrdraft_template_dirs() -> list[Path]:
    """Return directories of Jinja2 templates this plugin provides.

    Called for every plugin when the renderer is set up; the lists are
    merged, later-loaded plugins first. Lookup order is the user's
    ``--templates`` directory, then plugin directories, then the core's
    ``templates/``. A plugin's ``report/<type>.html`` (e.g.
    ``report/tip.html``) is used for its report type; an override may
    ``{% extends "core/report.html" %}`` to change a part of the core layout.
    Templates are local files only: nothing is ever fetched.
    """


# -------------------------------------------------------------------------
# Output: writers
# -------------------------------------------------------------------------


@hookspec
def hrdraft_register_writers() -> list[Writer]:
    """Add output formats: files written from a draft's tree or from a diff of two.

    Called for every plugin the first time an output format is looked up:
    when ``hrdraft compile``, ``hrdraft export`` or ``hrdraft diff`` parses
    or lists ``--format`` (its ``--help`` too), and when the pipeline
    renders a draft; the lists are merged. Return a list of
    :class:`hrdraft.render.writers.Writer`, each with a ``name`` (what
    ``--format`` takes), a ``kind`` (``"draft"``: it writes from a
    :class:`hrdraft.Report`; ``"diff"``: from a ``ReportDiff``), a file
    ``suffix``, a ``media_type``, a one-line ``description`` for
    ``--help``, and ``write(tree, context)``, which returns the file's
    content as ``str`` (written as UTF-8) or ``bytes`` (set
    ``binary=True``). ``context`` is a
    :class:`hrdraft.render.writers.WriteContext`: ``context.renderer`` (the
    templates and page size the user chose), ``context.html(report)`` (the
    draft's HTML page, rendered once per run), ``context.version`` (the
    stored version, when there is one) and ``context.options``. A writer
    works from the tree, never from another writer's file. The core's own
    writers (draft ``html``, ``pdf``, ``md``; diff ``terminal``, ``html``,
    ``pdf``, ``json``) are registered through this hook too. A name is
    unique per kind: a second writer of the same kind and name is a plugin
    error naming both plugins (exit status 3).
    """
