"""The history stage's output formats: the Markdown export of a draft, and the diff writers.

Registered through ``hrdraft_register_writers`` like any plugin's writers
(this module is a default plugin), beside the draft writers of the render
stage (``hrdraft.render.writers``): the draft writer ``md`` (a stored
version as Markdown to edit and import back) and the diff writers
``terminal``, ``html`` (the redline, blocks through the drafts' partials),
``pdf``, ``json`` (the schema of docs/diff.md) and ``docx`` (Word with
tracked changes, ``hrdraft.history.docx_redline``). They live here because
they are made from versions and diffs, which come after rendering. Each
imports its module when it runs: every command loads the plugins, and most
write no diff.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from ..errors import NotFoundError
from ..plugins import hookimpl
from ..render.writers import WriteContext, Writer

if TYPE_CHECKING:
    from ..document import Report
    from .diff import ReportDiff

__all__ = ["HISTORY_WRITERS", "hrdraft_register_writers"]


def _draft_markdown(report: Report, context: WriteContext) -> str:
    from .export import export_markdown

    if context.version is None:
        raise NotFoundError(
            "a Markdown export names the stored version it was made from, and there is none",
            "export a stored version: hrdraft export VERSION --format md",
        )
    return export_markdown(context.version, report)


def _diff_terminal(diff: ReportDiff, context: WriteContext) -> str:
    from ..terminal import safe_console
    from .redline import print_diff

    color_system = context.options.get("color_system")
    buffer = io.StringIO()
    console = safe_console(
        file=buffer,
        color_system=color_system,
        force_terminal=color_system is not None,
        width=int(context.options.get("width") or 100),
        highlight=False,
    )
    print_diff(diff, console, context=bool(context.options.get("context")))
    return buffer.getvalue()


def _diff_html(diff: ReportDiff, context: WriteContext) -> str:
    from .redline import redline_html

    return redline_html(diff, context.renderer, context.options.get("comments", ()))


def _diff_pdf(diff: ReportDiff, context: WriteContext) -> bytes:
    from .redline import redline_html

    comments = context.options.get("comments", ())
    return context.renderer.write_pdf(redline_html(diff, context.renderer, comments))


def _diff_json(diff: ReportDiff, context: WriteContext) -> str:
    from .redline import diff_to_json

    return diff_to_json(diff)


def _diff_docx(diff: ReportDiff, context: WriteContext) -> bytes:
    from .docx_redline import redline_docx

    return redline_docx(
        diff,
        comments=context.options.get("comments", ()),
        page_size=context.renderer.page_size,
    )


HISTORY_WRITERS: tuple[Writer, ...] = (
    Writer(
        "md",
        "draft",
        ".md",
        "text/markdown",
        "Markdown to edit by hand and import back (hrdraft versions import)",
        _draft_markdown,
    ),
    Writer(
        "terminal",
        "diff",
        ".txt",
        "text/plain",
        "a summary, then each change (colour on a terminal, [-old-]{+new+} otherwise)",
        _diff_terminal,
    ),
    Writer(
        "html",
        "diff",
        ".html",
        "text/html",
        "an HTML redline, blocks as the draft shows them, insertions and deletions marked",
        _diff_html,
    ),
    Writer(
        "pdf",
        "diff",
        ".pdf",
        "application/pdf",
        "the HTML redline as a paged PDF",
        _diff_pdf,
        binary=True,
    ),
    Writer(
        "json",
        "diff",
        ".json",
        "application/json",
        "the diff as data (docs/diff.md, schema_version 1)",
        _diff_json,
    ),
    Writer(
        "docx",
        "diff",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "the newer version as Word with tracked changes from the older (Accept/Reject work)",
        _diff_docx,
        binary=True,
    ),
)


@hookimpl
def hrdraft_register_writers() -> list[Writer]:
    """The Markdown export and the diff formats, registered like any plugin's."""
    return list(HISTORY_WRITERS)
