"""`hrdraft versions`, `hrdraft diff` and `hrdraft export`: stored drafts, compared and edited."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.markup import escape
from rich.table import Table
from rich.tree import Tree

from ..document import AUDIENCES, Report, Section
from ..errors import HrdraftError
from ..history.compare import pick_previous
from ..history.diff import diff_versions
from ..history.export import import_markdown
from ..history.refilter import load_for_output
from ..history.versions import Version, list_versions, load_version
from ..render.writers import WriteContext, Writer, find_writer
from ..safe_write import write_private
from ..store import reviews
from ..terminal import for_terminal, json_for_terminal
from ..words import article, plural
from . import Env, cli, console, err_console, pass_env, render_options
from .drafts import FormatChoice, FormatOption
from .review import author_option, comments_as_shown

if TYPE_CHECKING:
    from ..render import Renderer


def _version_data(version: Version) -> dict[str, object]:
    data = {f: getattr(version, f) for f in Version.__dataclass_fields__}
    data["created_at"] = version.created_at.isoformat(timespec="seconds")
    data["label"] = version.label
    return data


@cli.group("versions")
def versions_group() -> None:
    """Stored draft versions: list, show, import an edited draft, resolve a merge's conflicts."""


@versions_group.command("list")
@click.option("--report", "report_type", metavar="TYPE", help="Report type (hrr, tip, irf, ...).")
@click.option("--country", metavar="CC", help="ISO country code.")
@click.option("--year", type=int, help="Reporting year.")
@click.option("--audience", type=click.Choice(AUDIENCES))
@click.option("--json", "as_json", is_flag=True, help="One JSON array of versions.")
@pass_env
def list_command(
    env: Env,
    report_type: str | None,
    country: str | None,
    year: int | None,
    audience: str | None,
    as_json: bool,
) -> None:
    """List stored versions, oldest first."""
    versions = list_versions(
        env.store, report_type=report_type, country=country, year=year, audience=audience
    )
    states = reviews.current_states(env.store, [v.id for v in versions])
    if as_json:
        rows = [{**_version_data(v), "state": states.get(v.id)} for v in versions]
        click.echo(json_for_terminal(json.dumps(rows, ensure_ascii=False, indent=2)))
        return
    if not versions:
        console.print(
            "No versions match. Compile a draft first: "
            "hrdraft compile REPORT --country CC --year YYYY"
        )
        return
    table = Table(title="Versions", title_justify="left")
    for column in ("id", "draft", "edition", "origin", "state", "created", "by", "message"):
        table.add_column(column, overflow="fold")
    for v in versions:
        part = f" §{v.section}" if v.section else ""
        table.add_row(
            str(v.id),
            f"{v.report_type} {v.country} {v.year} {v.audience}{part}",
            v.edition,
            v.origin
            + (f" (v{v.parent_id} onto v{v.theirs_id})" if v.theirs_id else "")
            + (f" (from v{v.parent_id})" if v.parent_id and not v.theirs_id else ""),
            states.get(v.id, "").replace("_", " "),
            v.created_at.strftime("%Y-%m-%d %H:%M"),
            # What a person typed is text, never markup.
            escape(v.author),
            escape(v.message),
        )
    console.print(table)


def _outline(report: Report) -> Tree:
    tree = Tree(f"{report.title} ({report.audience})")

    def add(node: Tree, section: Section) -> None:
        kinds = Counter(block.kind for block in section.blocks)
        counts = ", ".join(plural(n, kind) for kind, n in kinds.items())
        branch = node.add(f"[{section.id}] {section.heading}" + (f": {counts}" if counts else ""))
        for child in section.children:
            add(branch, child)

    for top in report.sections:
        add(tree, top)
    return tree


@versions_group.command("show")
@click.argument("version_id", metavar="ID", type=int)
@click.option("--json", "as_json", is_flag=True, help="The version and its whole document tree.")
@pass_env
def show_command(env: Env, version_id: int, as_json: bool) -> None:
    """A version's metadata and section outline (with paragraph counts)."""
    version, report = load_for_output(env.store, version_id)
    if as_json:
        payload = {"version": _version_data(version), "document": report.model_dump(mode="json")}
        click.echo(json_for_terminal(json.dumps(payload, ensure_ascii=False, indent=2)))
        return
    for key, value in _version_data(version).items():
        if value not in ("", None):
            console.print(f"[bold]{key}:[/] {escape(str(value))}", highlight=False, soft_wrap=True)
    console.print(_outline(report), markup=False)


@versions_group.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@author_option("Who edited the draft.")
@click.option("--message", required=True, help="What was changed and why.")
@pass_env
def import_command(env: Env, file: Path, author: str, message: str) -> None:
    """Save an edited draft (Markdown or Word .docx, from `hrdraft export`) as a new version.

    A Word file's tracked changes are accepted and its comments become
    review comments on the new version.
    """
    if file.suffix.lower() == ".docx":
        from ..history.docx_import import import_docx  # python-docx and lxml only for Word

        imported = import_docx(env.store, file, author=author, message=message)
    else:
        imported = import_markdown(env.store, file, author=author, message=message)
    console.print(
        f"Saved v{imported.version.id} (imported, based on v{imported.base.id}) by {author}: "
        f"{imported.version.label}",
        markup=False,
        soft_wrap=True,
    )
    cleared = reviews.cleared_ancestor(env.store, imported.version.id)
    if cleared is not None:  # the cleared version itself never changes
        console.print(f"v{imported.version.id} supersedes cleared v{cleared}", markup=False)
    console.print(
        f"See the changes: hrdraft diff {imported.base.id} {imported.version.id}", markup=False
    )


@cli.command("export")
@click.argument("version_id", metavar="VERSION", type=int)
@click.option(
    "--format",
    "fmt",
    cls=FormatOption,
    type=FormatChoice("draft"),
    default="md",
    show_default=True,
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write [default: stdout; a binary format such as pdf needs --out].",
)
@click.option(
    "--comments/--no-comments",
    default=None,
    help="Include the version's review comments (docx) [default: yes for an internal "
    "draft, no for a public one, which may leave the department].",
)
@render_options
@pass_env
def export_command(
    env: Env,
    version_id: int,
    fmt: str,
    out: Path | None,
    comments: bool | None,
    templates: Path | None,
    page_size: str,
) -> None:
    """Export a stored version (compiled, imported, merged or resolved) as a draft file.

    Markdown (the default) is for editing by hand, then `hrdraft versions
    import`; html and pdf are the draft as `hrdraft compile` writes it; docx
    is a Word draft to edit with Track Changes and import back, with its
    review comments as Word comments (an internal draft's by default; a
    public draft's with --comments).
    """
    writer = find_writer(env.plugins, "draft", fmt)
    version, report = load_for_output(env.store, version_id)
    _needs_file(writer, out, "draft", f"v{version.id}")
    # The version's review comments, for a writer that shows them (docx). A
    # public draft's file may be sent outside: the reviewers' discussion
    # stays out of it unless asked for.
    if comments is None:
        comments = version.audience != "public"
    options = {"comments": comments_as_shown(env.store, version.id) if comments else []}
    context = WriteContext(_renderer(env, templates, page_size), version=version, options=options)
    _emit(writer, report, context, out, f" (v{version.id}, {fmt})")


def _resolve(
    env: Env, old: int, new: int | None, previous: bool, previous_year: bool
) -> tuple[int, int]:
    if previous and previous_year:
        raise click.UsageError("give --previous or --previous-year, not both")
    if previous or previous_year:
        if new is not None:
            raise click.UsageError(
                "with --previous or --previous-year give one version: hrdraft diff NEW --previous"
            )
        version, _ = load_version(env.store, old)
        found, note = pick_previous(env.store, version, year=previous_year)
        # On stderr: the diff itself (JSON, a redline on stdout) stays as it is.
        err_console.print(note, markup=False, soft_wrap=True)
        return found.id, old
    if new is None:
        raise click.UsageError("give two versions (hrdraft diff OLD NEW), or one with --previous")
    return old, new


@cli.command("diff")
@click.argument("old", type=int)
@click.argument("new", type=int, required=False)
@click.option(
    "--previous",
    is_flag=True,
    help="Compare with the version before OLD of the same draft: report, country, year, "
    "audience, section and edition (give one id).",
)
@click.option(
    "--previous-year",
    is_flag=True,
    help="Compare with the newest version of the same report, country, audience and section "
    "a year earlier.",
)
@click.option(
    "--format",
    "fmt",
    cls=FormatOption,
    type=FormatChoice("diff"),
    default="terminal",
    show_default=True,
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write [default: stdout; a binary format such as pdf needs --out].",
)
@click.option(
    "--context", is_flag=True, help="Terminal: also print unchanged paragraphs of changed sections."
)
@click.option(
    "--allow-mixed-audience",
    is_flag=True,
    help="Allow a public against an internal draft (the diff is labelled internal).",
)
@click.option(
    "--force",
    is_flag=True,
    help="Compare drafts of different report types or countries (the diff says so at the top).",
)
@render_options
@pass_env
def diff_command(
    env: Env,
    old: int,
    new: int | None,
    previous: bool,
    previous_year: bool,
    fmt: str,
    out: Path | None,
    context: bool,
    allow_mixed_audience: bool,
    force: bool,
    templates: Path | None,
    page_size: str,
) -> None:
    """What changed between two versions: sections, then words, and the records behind it.

    \b
    hrdraft diff 3 7                      # terminal summary and redline
    hrdraft diff 7 --previous             # against the version before 7
    hrdraft diff 7 --previous-year --format html --out redline.html
    """
    old_id, new_id = _resolve(env, old, new, previous, previous_year)
    writer = find_writer(env.plugins, "diff", fmt)
    diff = diff_versions(
        env.store, old_id, new_id, allow_mixed_audience=allow_mixed_audience, force=force
    )
    _needs_file(writer, out, "redline", "redline")
    options = {
        "context": context,
        # Colour only for a terminal: a file gets the [-old-]{+new+} marks.
        "color_system": console.color_system if out is None else None,
        "width": console.width,
        # The newer version's review comments, for the redline (html, pdf).
        "comments": comments_as_shown(env.store, new_id),
    }
    _emit(writer, diff, WriteContext(_renderer(env, templates, page_size), options=options), out)


def _renderer(env: Env, templates: Path | None, page_size: str) -> Callable[[], Renderer]:
    """The renderer the user's options ask for, made only if a writer needs one."""

    def make() -> Renderer:
        from ..render import Renderer  # Jinja2 and WeasyPrint load only for what renders

        return Renderer(env.plugins.template_dirs, user_dir=templates, page_size=page_size)

    return make


def _needs_file(writer: Writer, out: Path | None, what: str, stem: str) -> None:
    """A binary format (pdf) is never poured onto a terminal."""
    if writer.binary and out is None:
        raise HrdraftError(
            f"{article(f'{writer.name.upper()} {what}')} needs a file",
            f"add --out {stem}{writer.suffix}",
        )


def _emit(
    writer: Writer, tree: Any, context: WriteContext, out: Path | None, note: str = ""
) -> None:
    """The writer's output on stdout, or in `out` (0600, whole or not at all)."""
    data = writer.output(tree, context)
    if out is None:
        if isinstance(data, bytes):
            click.echo(data, nl=False)
        else:
            # On a terminal record text must not drive it; piped, the file is kept exact.
            sys.stdout.write(for_terminal(data) if sys.stdout.isatty() else data)
        return
    write_private(out, data)
    console.print(f"Wrote {out}{note}", markup=False, soft_wrap=True)


from . import merge as _merge  # noqa: E402, F401  (registers versions conflicts/resolve)
