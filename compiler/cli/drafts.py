"""`hrdraft compile` and `hrdraft demo`: records in the store → drafts on disk."""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from click.shell_completion import CompletionItem
from rich.markup import escape
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..build import BuildRequest, reason_kind
from ..countries import named, unnamed_warning
from ..document import AUDIENCES
from ..errors import HrdraftError
from ..jobs import DraftFailure, default_jobs
from ..pipeline import (
    FORMATS,
    DraftResult,
    DraftsFailed,
    build_from_store,
    compile_drafts,
    countries_in_store,
)
from ..plugins import Plugins, get_plugins
from ..render.writers import Writer, WriterKind, writers_of
from ..select.translations import untranslated as untranslated_ids
from ..store import Store, audit, open_store, reviews
from ..words import article, plural
from . import Env, cli, console, pass_env, render_options
from .review import author_option

if TYPE_CHECKING:
    from ..render import Renderer

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample"


class FormatChoice(click.ParamType):
    """``--format``: names of registered writers of one kind, checked when parsed.

    The names come from the writer registry (``hrdraft_register_writers``),
    asked only when a ``--format`` value is parsed, completed or its help
    shown, so commands that take no format never load a writer. `several`
    takes a comma-separated list and gives a tuple of names.
    """

    name = "format"

    def __init__(self, kind: WriterKind, *, several: bool = False) -> None:
        self.kind = kind
        self.several = several

    def writers(self, ctx: click.Context | None) -> dict[str, Writer]:
        env = ctx.find_object(Env) if ctx is not None else None
        return writers_of(env.plugins if env is not None else get_plugins(), self.kind)

    def describe(self, ctx: click.Context | None) -> str:
        """The registered formats with what each writes, for ``--help``."""
        found = self.writers(ctx)
        what = "Formats, comma-separated" if self.several else "Format"
        each = " ".join(f"{n}: {w.description.rstrip('.')}." for n, w in found.items())
        return f"{what}: {', '.join(found)}. {each}"

    def get_metavar(self, param: click.Parameter, ctx: click.Context) -> str:
        return "FORMAT[,FORMAT...]" if self.several else "FORMAT"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        if isinstance(value, tuple):
            return value  # a default, converted already
        names = self.writers(ctx)
        text = str(value).strip().lower()
        chosen = [v.strip() for v in text.split(",") if v.strip()] if self.several else [text]
        for name in chosen or [text]:
            if name not in names:
                self.fail(
                    f"{name!r} is not {article(self.kind)} format; choose from {', '.join(names)}",
                    param,
                    ctx,
                )
        return tuple(dict.fromkeys(chosen)) if self.several else chosen[0]

    def shell_complete(
        self, ctx: click.Context, param: click.Parameter, incomplete: str
    ) -> list[CompletionItem]:
        done, _, last = incomplete.rpartition(",") if self.several else ("", "", incomplete)
        prefix = done + "," if done else ""
        return [
            CompletionItem(prefix + name, help=w.description)
            for name, w in self.writers(ctx).items()
            if name.startswith(last)
        ]


class FormatOption(click.Option):
    """An option whose help lists the registered formats, built only when help is shown."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        if isinstance(self.type, FormatChoice):
            self.help = self.type.describe(ctx)
        return super().get_help_record(ctx)


def _options(values: tuple[str, ...]) -> dict[str, str]:
    options = {}
    for value in values:
        key, sep, val = value.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{value!r} is not KEY=VALUE (e.g. tier=2)")
        options[key.strip()] = val.strip()
    return options


def _print_unplaced(result: DraftResult, explain: bool) -> None:
    """Records in scope the draft does not cite: counts by reason, the ids with --explain."""
    if not result.unplaced:
        return
    counts = Counter(reason_kind(reason) for _, reason in result.unplaced)
    by_reason = "; ".join(f"{kind}: {n}" for kind, n in sorted(counts.items()))
    hint = "" if explain else " (ids: --explain, or `hrdraft records unplaced`)"
    console.print(
        f"[yellow]not used:[/] {escape(result.label)}: {plural(len(result.unplaced), 'record')} "
        f"in scope not cited: {escape(by_reason)}{escape(hint)}"
    )
    if explain:
        for record, reason in result.unplaced:
            console.print(f"  {escape(record)}: {escape(reason)}", soft_wrap=True)


def _print_untranslated(result: DraftResult, explain: bool) -> None:
    """Records the draft prints untranslated: a count, the ids with --explain."""
    if not result.untranslated:
        return
    hint = "" if explain else " (ids: --explain, or `hrdraft translations missing`)"
    console.print(
        f"[yellow]untranslated:[/] {escape(result.label)}: "
        f"{plural(len(result.untranslated), 'record')} printed in the original language, "
        f"with no English translation{escape(hint)}"
    )
    if explain:
        console.print(f"  {escape(', '.join(result.untranslated))}", soft_wrap=True)


def _print_carried(result: DraftResult) -> None:
    """What the compile did with a reviewer's version on top of the draft."""
    carried = result.carried
    if carried is None:
        return
    ours, theirs = carried.reviewer.id, carried.compiled.id
    if carried.merged is None:
        same = (
            f"the new compile v{theirs} reads as v{carried.base.id}"
            if theirs != carried.base.id
            else f"nothing changed since v{theirs}"
        )
        line = (
            f"{result.label}: v{ours} ({carried.reviewer.origin}) stays current: {same}, "
            "the compile it was made from"
        )
    else:
        v = carried.merged.id
        done = "merged" if carried.new else "already merged"
        line = (
            f"{result.label}: {done} the reviewer's v{ours} with the new compile v{theirs} "
            f"→ v{v}: {plural(carried.conflicts, 'conflict')}"
        )
        if carried.conflicts:
            line += f" (`hrdraft versions conflicts {v}`)"
    console.print(line, markup=False, soft_wrap=True)


def run_compile(
    store: Store,
    plugins: Plugins,
    requests: list[BuildRequest],
    *,
    out_dir: Path,
    formats: tuple[str, ...],
    renderer: Renderer,
    jobs: int = 1,
    explain: bool = False,
) -> list[DraftResult]:
    """Compile with a progress bar, then print what was written where.

    Drafts that failed are reported after the table of those that were
    written, then raised (the exit status is the worst failure's).
    """
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total}"),
        TimeElapsedColumn(),
        console=console,
        transient=True,
    ) as progress:
        task = progress.add_task("compiling", total=len(requests))

        def done(outcome: DraftResult | DraftFailure) -> None:
            verb = "compiled" if isinstance(outcome, DraftResult) else "failed"
            progress.update(task, advance=1, description=f"{verb} {outcome.label}")

        failed: DraftsFailed | None = None
        try:
            results = compile_drafts(
                store,
                plugins,
                renderer,
                requests,
                out_dir=out_dir,
                formats=formats,
                jobs=jobs,
                on_done=done,
            )
        except DraftsFailed as exc:
            failed, results = exc, exc.results
    audit.note(  # for the command's audit entry: what this compile made
        store,
        versions_compiled=[r.version.id for r in results],
        files_written=[str(p) for r in results for p in r.rendered],
    )
    table = Table(title="Drafts", title_justify="left")
    for column in ("draft", "version", "files"):
        table.add_column(column)
    superseding = []
    for result in results:
        if result.new_version:
            status = f"v{result.version.id} (new)"
            cleared = reviews.cleared_ancestor(store, result.version.id)
            if cleared is not None:  # the cleared text stays as it was; this one is not cleared
                superseding.append(f"v{result.version.id} supersedes cleared v{cleared}")
        else:
            status = f"v{result.version.id} (unchanged)"
        files = []
        for path in result.files:
            mark = "" if path in result.rendered else " (up to date, not re-rendered)"
            files.append(f"{path}{mark}")
        table.add_row(result.label, status, "\n".join(files))
    if results:
        console.print(table)
    for line in superseding:
        console.print(f"{line} (which stays as it was cleared)", markup=False, soft_wrap=True)
    for result in results:
        _print_carried(result)
    for result in results:
        if explain and result.unplaced is None:
            # A reused version: its first compile reported this; --explain asks
            # again, so build it once more (nothing is saved or written).
            document, built = build_from_store(store, plugins, result.request)
            result.warnings = [*result.warnings, *built.placement.warnings]
            result.unplaced = list(built.unplaced)
            cited = (s.record for s in document.sources)
            result.untranslated = untranslated_ids(built.items, cited)
        for warning in result.warnings:
            console.print(f"[yellow]warning:[/] {escape(result.label)}: {escape(warning)}")
        _print_unplaced(result, explain)
        _print_untranslated(result, explain)
    for code in sorted({r.request.country for r in results}):
        if named(code, store).unnamed:  # its drafts print "Country XK"
            console.print(f"[yellow]warning:[/] {escape(unnamed_warning(code))}")
    if results and not failed and not any(r.new_version or r.rendered for r in results):
        console.print(
            "Nothing changed since the last compile: no new version, nothing re-rendered."
        )
    if failed is not None:
        raise failed
    return results


@cli.command("compile")
@click.argument("reports", metavar="REPORT...", nargs=-1, required=True)
@click.option("--country", "countries", multiple=True, metavar="CC", help="ISO code; repeatable.")
@click.option("--all", "all_countries", is_flag=True, help="Every country in the store.")
@click.option("--year", type=int, required=True, help="Reporting year.")
@click.option("--edition", help="Outline edition [default: the one for --year].")
@click.option(
    "--audience",
    type=click.Choice(AUDIENCES),
    default="public",
    show_default=True,
    help="public: public records, consented names only; internal: also restricted records.",
)
@click.option("--section", metavar="ID", help="Compile one section only (e.g. 1.c).")
@click.option(
    "--format",
    "formats",
    cls=FormatOption,
    type=FormatChoice("draft", several=True),
    default=",".join(FORMATS),
    show_default=True,
)
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("out"),
    show_default=True,
    help="Folder for the drafts.",
)
@click.option(
    "-o",
    "--option",
    "options",
    multiple=True,
    metavar="KEY=VALUE",
    help="A report type's setting, e.g. -o tier=2 for TIP (see `hrdraft plugins`).",
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Drafts compiled at once, one process each [default: the number of cores].",
)
@click.option(
    "--explain",
    is_flag=True,
    help="List each record in scope the draft does not cite, with the reason.",
)
@author_option("Who compiles: recorded on each new version.")
@render_options
@pass_env
def compile_command(
    env: Env,
    reports: tuple[str, ...],
    countries: tuple[str, ...],
    all_countries: bool,
    year: int,
    edition: str | None,
    audience: str,
    section: str | None,
    formats: tuple[str, ...],
    out: Path,
    options: tuple[str, ...],
    templates: Path | None,
    page_size: str,
    jobs: int | None,
    explain: bool,
    author: str,
) -> None:
    """Compile drafts of each REPORT (hrr, tip, irf, or a plugin's type): HTML and PDF by default.

    Every compile that changes a draft saves it as a new immutable version;
    compiling again with nothing changed saves nothing and re-renders nothing.
    Several drafts (several countries, several reports) compile in parallel,
    one process each.
    """
    plugins = env.plugins
    settings = _options(options)
    for report in reports:
        plugins.report_type(report)  # a clear error before anything else
    if len(reports) > 1:
        # Each report type takes the settings it declares; one that none declares is a typo.
        declared = {key for r in reports for key in plugins.report_type(r).options}
        unknown = sorted(set(settings) - declared)
        if unknown:
            raise click.UsageError(
                f"no report among {', '.join(reports)} has the option {unknown[0]!r}"
            )
    chosen = [c.upper() for c in countries]
    if all_countries:
        chosen = countries_in_store(env.store)
    if not chosen:
        raise click.UsageError("name at least one --country, or use --all")
    requests = []
    for report in dict.fromkeys(reports):
        own = set(plugins.report_type(report).options) if len(reports) > 1 else set(settings)
        mine = {k: v for k, v in settings.items() if k in own}
        requests += [
            BuildRequest(report, c, year, audience, edition, section, mine, author=author)  # type: ignore[arg-type]
            for c in dict.fromkeys(chosen)
        ]
    from ..render import Renderer  # WeasyPrint loads only for commands that render

    renderer = Renderer(plugins.template_dirs, user_dir=templates, page_size=page_size)
    run_compile(
        env.store,
        plugins,
        requests,
        out_dir=out,
        formats=formats,
        renderer=renderer,
        jobs=jobs or default_jobs(),
        explain=explain,
    )


DEMO_DRAFTS: tuple[tuple[str, int], ...] = (
    ("hrr", 2024),
    ("hrr", 2023),
    ("tip", 2024),
    ("irf", 2024),
)


@cli.command("demo")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("hrdraft-demo"),
    show_default=True,
    help="Folder for the store and drafts.",
)
@click.option(
    "--format",
    "formats",
    cls=FormatOption,
    type=FormatChoice("draft", several=True),
    default=",".join(FORMATS),
    show_default=True,
)
@pass_env
def demo_command(env: Env, out: Path, formats: tuple[str, ...]) -> None:
    """Ingest the bundled sample records into a fresh store and compile every report.

    The sample is fictional (user-assigned country codes, made-up people).
    Writes OUT/hrdraft.sqlite (encrypted; its key is OUT/hrdraft.key) and
    OUT/drafts/<country>/<report>-<year>-public.{html,pdf}.
    """
    from ..ingest import ingest_paths

    out.mkdir(mode=0o700, parents=True, exist_ok=True)  # it holds the store and its key
    db = out / "hrdraft.sqlite"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    store = env.adopt(open_store(f"sqlite:///{db.resolve()}"))  # audited in the demo's store
    try:
        plugins = env.plugins
        samples = sorted(SAMPLE_DIR.glob("*.jsonl"))
        if not samples:
            raise HrdraftError(f"no sample records found in {SAMPLE_DIR}", "reinstall hrdraft")
        batches = ingest_paths(store, plugins, samples)
        stored = sum(b.stored for b in batches)
        quarantined = sum(b.quarantined for b in batches)
        console.print(f"Stored {stored} sample records in {db} ({quarantined} quarantined).")
        requests = [
            BuildRequest(report, country, year, "public")
            for report, year in DEMO_DRAFTS
            for country in countries_in_store(store)
        ]
        from ..render import Renderer

        renderer = Renderer(plugins.template_dirs)
        results = run_compile(
            store,
            plugins,
            requests,
            out_dir=out / "drafts",
            formats=formats,
            renderer=renderer,
            jobs=default_jobs(),
        )
        # As the user can type it: ./dev runs .venv/bin/hrdraft, not on PATH.
        program = sys.argv[0] if "/" in sys.argv[0] else "hrdraft"
        console.print(
            f"\n[bold]{plural(len(results), 'draft')} written under {out / 'drafts'}[/].\n"
            f"Next: {program} --db {db} versions list"
        )
    finally:
        store.dispose()
