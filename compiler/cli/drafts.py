"""`hrdraft compile` and `hrdraft demo`: records in the store → drafts on disk."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..build import BuildRequest
from ..document import AUDIENCES
from ..errors import HrdraftError
from ..jobs import DraftFailure, default_jobs
from ..pipeline import FORMATS, DraftResult, DraftsFailed, compile_drafts, countries_in_store
from ..plugins import Plugins
from ..store import Store, open_store
from . import Env, cli, console, pass_env, render_options

if TYPE_CHECKING:
    from ..render import Renderer

SAMPLE_DIR = Path(__file__).resolve().parent.parent / "sample"


def _formats(value: str) -> tuple[str, ...]:
    chosen = tuple(f.strip().lower() for f in value.split(",") if f.strip())
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise click.BadParameter(f"{bad[0] if bad else value!r}; choose from {', '.join(FORMATS)}")
    return chosen


def _options(values: tuple[str, ...]) -> dict[str, str]:
    options = {}
    for value in values:
        key, sep, val = value.partition("=")
        if not sep or not key.strip():
            raise click.BadParameter(f"{value!r} is not KEY=VALUE (e.g. tier=2)")
        options[key.strip()] = val.strip()
    return options


def run_compile(
    store: Store,
    plugins: Plugins,
    requests: list[BuildRequest],
    *,
    out_dir: Path,
    formats: tuple[str, ...],
    renderer: Renderer,
    jobs: int = 1,
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
    table = Table(title="Drafts", title_justify="left")
    for column in ("draft", "version", "files"):
        table.add_column(column)
    for result in results:
        if result.new_version:
            status = f"v{result.version.id} (new)"
        else:
            status = f"v{result.version.id} (unchanged)"
        files = []
        for path in result.files:
            mark = "" if path in result.rendered else " (up to date, not re-rendered)"
            files.append(f"{path}{mark}")
        table.add_row(result.label, status, "\n".join(files))
    if results:
        console.print(table)
    for result in results:
        for warning in result.warnings:
            console.print(f"[yellow]warning:[/] {result.label}: {warning}")
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
    "--format", "formats", default="html,pdf", show_default=True, help="html, pdf or both."
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
    formats: str,
    out: Path,
    options: tuple[str, ...],
    templates: Path | None,
    page_size: str,
    jobs: int | None,
) -> None:
    """Compile drafts of each REPORT (hrr, tip, irf, or a plugin's type) as HTML and PDF.

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
            BuildRequest(report, c, year, audience, edition, section, mine)  # type: ignore[arg-type]
            for c in dict.fromkeys(chosen)
        ]
    from ..render import Renderer  # WeasyPrint loads only for commands that render

    renderer = Renderer(plugins.template_dirs, user_dir=templates, page_size=page_size)
    run_compile(
        env.store,
        plugins,
        requests,
        out_dir=out,
        formats=_formats(formats),
        renderer=renderer,
        jobs=jobs or default_jobs(),
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
    "--format", "formats", default="html,pdf", show_default=True, help="html, pdf or both."
)
@pass_env
def demo_command(env: Env, out: Path, formats: str) -> None:
    """Ingest the bundled sample records into a fresh store and compile every report.

    The sample is fictional (user-assigned country codes, made-up people).
    Writes OUT/hrdraft.sqlite and OUT/drafts/<country>/<report>-<year>-public.{html,pdf}.
    """
    from ..ingest import ingest_paths

    out.mkdir(parents=True, exist_ok=True)
    db = out / "hrdraft.sqlite"
    for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
        stale.unlink(missing_ok=True)
    store = open_store(f"sqlite:///{db.resolve()}")
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
            formats=_formats(formats),
            renderer=renderer,
            jobs=default_jobs(),
        )
        # As the user can type it: ./dev runs .venv/bin/hrdraft, not on PATH.
        program = sys.argv[0] if "/" in sys.argv[0] else "hrdraft"
        console.print(
            f"\n[bold]{len(results)} drafts written under {out / 'drafts'}[/].\n"
            f"Next: {program} --db {db} versions list"
        )
    finally:
        store.dispose()
