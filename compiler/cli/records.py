"""`hrdraft init`, `ingest`, `records`, `quarantine`, `categories` and `schema`: records in."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click
from rich.markup import escape
from rich.progress import BarColumn, DownloadColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..document import AUDIENCES
from ..errors import HrdraftError, InputFileError, NotFoundError, choices
from ..ingest import BatchResult, expand_paths, ingest_file, record_schema
from ..store import quarantine
from ..store import records as stored_records
from ..terminal import for_terminal, json_for_terminal
from ..words import plural
from . import Env, cli, console, err_console, pass_env

# Files at least this large get a progress bar; smaller ones finish at once.
PROGRESS_MIN_BYTES = 2_000_000
# Quarantined rows listed after an ingest; the rest are one command away.
SHOW_ERRORS = 20


@cli.command("init")
@pass_env
def init_command(env: Env) -> None:
    """Create the store, or bring its schema up to date, and say where it is.

    Every command does this first; `init` only makes it explicit.
    """
    console.print(f"Store ready: {escape(env.store.url)}", soft_wrap=True)
    # Where its key is: back it up (`hrdraft key backup PATH`) before anything else.
    console.print(f"Its key: {escape(env.store.key_source.describe())}", soft_wrap=True)


@contextmanager
def _progress_for(path: Path) -> Iterator[Any]:
    """A progress callback for `path`: a bar on long files, nothing on short ones."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size < PROGRESS_MIN_BYTES or not err_console.is_terminal:
        yield None
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=err_console,
        transient=True,
    ) as bar:
        task = bar.add_task(escape(path.name), total=size)
        yield lambda done, total: bar.update(task, completed=done, total=total)


def _summary(results: list[BatchResult]) -> Table:
    table = Table(title="Ingest summary", title_justify="left")
    table.add_column("File", overflow="fold")
    table.add_column("Format")
    for label in ("Stored", "New revisions", "Unchanged", "Quarantined"):
        table.add_column(label, justify="right")
    for r in results:
        quarantined = f"[red]{r.quarantined}[/]" if r.quarantined else "0"
        table.add_row(
            escape(r.path), r.format, str(r.stored), str(r.revised), str(r.unchanged), quarantined
        )
    return table


@cli.command("ingest")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--format",
    "format_",
    metavar="FORMAT",
    help="Read every file in this format (csv, json, jsonl, yaml, uwazi, or a plugin's) "
    "instead of choosing by extension. Uwazi exports need --format uwazi.",
)
@pass_env
def ingest_command(env: Env, paths: tuple[Path, ...], format_: str | None) -> None:
    """Validate the records in PATHS and store them; quarantine rows that fail.

    \b
    Formats by extension: .csv/.tsv, .json (an array), .jsonl/.ndjson, .yaml/.yml.
    A directory means every such file in it. Each file is one transaction:
    an unreadable file stores nothing and the others go on.
    Same record (source + id) with the same content: unchanged.
    Changed content: a new revision; every revision is kept.

    \b
    Exit status: 0 every row stored; 1 some rows quarantined
    (see `hrdraft quarantine list`); 2 a file could not be read.
    """
    store, plugins = env.store, env.plugins
    if format_ and format_ not in plugins.readers:
        raise NotFoundError(f"unknown format {format_!r}", choices(sorted(plugins.readers)))
    results: list[BatchResult] = []
    unreadable = 0

    def skipped(path: Path, reason: str) -> None:
        err_console.print(f"[yellow]skipped:[/] {escape(str(path))}: {reason}", soft_wrap=True)

    for path in expand_paths(plugins, paths, on_skip=skipped):
        try:
            with _progress_for(path) as progress:
                results.append(ingest_file(store, plugins, path, format=format_, progress=progress))
        except InputFileError as exc:
            unreadable += 1
            err_console.print(f"[bold red]error:[/] {escape(exc.message)}", soft_wrap=True)
            if exc.hint:
                err_console.print(f"  {escape(exc.hint)}", soft_wrap=True)
    if results:
        console.print(_summary(results))
    warnings = [w for r in results for w in r.warnings]
    if warnings:
        console.print(f"\n[bold yellow]{plural(len(warnings), 'warning')}[/] (rows stored):")
        for warning in warnings[:SHOW_ERRORS]:
            console.print(f"[yellow]warning:[/] {escape(str(warning))}", soft_wrap=True)
        if len(warnings) > SHOW_ERRORS:
            console.print(f"... and {len(warnings) - SHOW_ERRORS} more.")
    errors = [e for r in results for e in r.errors]
    quarantined = sum(r.quarantined for r in results)
    if quarantined:
        console.print(f"\n[bold]{plural(quarantined, 'row')} quarantined:[/]")
        for error in errors[:SHOW_ERRORS]:
            console.print(escape(str(error)), soft_wrap=True)
        if len(errors) > SHOW_ERRORS or quarantined > len({(e.file, e.line) for e in errors}):
            console.print("... and more: run `hrdraft quarantine list` to see every row.")
        else:
            console.print(
                "Fix the rows and ingest the file again; `hrdraft quarantine list` keeps them."
            )
    if unreadable:
        sys.exit(2)
    if quarantined:
        sys.exit(1)


# -------------------------------------------------------------------------
# records list / show
# -------------------------------------------------------------------------


@cli.group("records")
def records_group() -> None:
    """Stored records: list them with filters, show one with its revisions."""


@records_group.command("list")
@click.option("--country", metavar="CC", help="ISO 3166-1 alpha-2 code, e.g. XA.")
@click.option("--year", type=int, help="Reporting year.")
@click.option("--category", metavar="ID", help="A category id (see `hrdraft categories`).")
@click.option(
    "--sensitivity",
    type=click.Choice(["public", "restricted", "confidential"]),
    help="Only records of this sensitivity.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the current records as a JSON array.")
@pass_env
def records_list_command(
    env: Env,
    country: str | None,
    year: int | None,
    category: str | None,
    sensitivity: str | None,
    as_json: bool,
) -> None:
    """List the current revision of each stored record, by country, year and id."""
    rows = stored_records.list_current(
        env.store, country=country, year=year, category=category, sensitivity=sensitivity
    )
    if as_json:
        out = [{**rec.data, "revision": rec.revision} for rec in rows]
        click.echo(json_for_terminal(json.dumps(out, ensure_ascii=False, indent=2)))
        return
    if not rows:
        console.print("No records match. Ingest some with `hrdraft ingest FILE`.")
        return
    table = Table()
    # Ids, dates and levels are what a user types next: never cut them.
    for column in ("Id", "Country", "Year", "Date", "Sensitivity", "Rev"):
        table.add_column(column, no_wrap=True)
    table.add_column("Source", overflow="fold")
    table.add_column("Title", overflow="fold")
    for rec in rows:
        table.add_row(
            escape(rec.record_id),
            rec.country,
            str(rec.year),
            rec.data.get("event_date") or "",
            rec.sensitivity,
            str(rec.revision),
            escape(rec.source_name),
            escape(rec.data.get("title", "")),
        )
    console.print(table)
    console.print(plural(len(rows), "record"))


@records_group.command("show")
@click.argument("record_id", metavar="ID")
@click.option("--source", metavar="NAME", help="The source's name, when sources share an id.")
@click.option("--json", "as_json", is_flag=True, help="Print the record and its revisions as JSON.")
@pass_env
def records_show_command(env: Env, record_id: str, source: str | None, as_json: bool) -> None:
    """Show a record's current content and its revision history."""
    found = stored_records.lookup(env.store, record_id, source)
    if not found:
        raise NotFoundError(
            f"no record {record_id!r}" + (f" from source {source!r}" if source else ""),
            "see `hrdraft records list` for the stored ids",
        )
    if len(found) > 1:
        raise NotFoundError(
            f"several sources have a record {record_id!r}",
            "add --source NAME, one of: " + ", ".join(repr(f.source_name) for f in found),
        )
    record = found[0]
    history = stored_records.history(env.store, record.source_name, record.record_id)
    current = record.data
    revisions = [
        {
            "revision": rev.revision,
            "created_at": rev.created_at.isoformat(timespec="seconds"),
            "batch": rev.batch_id,
            "file": rev.file_name,
            "content_hash": rev.content_hash,
        }
        for rev in history
    ]
    if as_json:
        payload = {"record": current, "revisions": revisions}
        click.echo(json_for_terminal(json.dumps(payload, ensure_ascii=False, indent=2)))
        return
    console.print(
        f"[bold]{escape(record.record_id)}[/] from {escape(record.source_name)}, "
        f"revision {record.revision}"
    )
    click.echo(json_for_terminal(json.dumps(current, ensure_ascii=False, indent=2)))
    table = Table(title="Revisions", title_justify="left")
    for column in ("Rev", "Stored at (UTC)", "Batch", "File", "Content hash"):
        table.add_column(column, overflow="fold")
    for rev in revisions:
        table.add_row(
            str(rev["revision"]),
            rev["created_at"],
            str(rev["batch"] or ""),
            escape(rev["file"] or ""),
            rev["content_hash"][:12],
        )
    console.print(table)


@records_group.command("unplaced")
@click.option("--report", "report_type", required=True, metavar="TYPE", help="e.g. hrr, tip, irf.")
@click.option("--country", required=True, metavar="CC", help="ISO 3166-1 alpha-2 code, e.g. XA.")
@click.option("--year", type=int, required=True, help="Reporting year.")
@click.option("--edition", help="Outline edition [default: the one for --year].")
@click.option(
    "--audience",
    type=click.Choice(AUDIENCES),
    default="public",
    show_default=True,
    help="The draft whose records to check: what this audience may use.",
)
@click.option("--json", "as_json", is_flag=True, help="Print [{record, reason}] as JSON.")
@pass_env
def records_unplaced_command(
    env: Env,
    report_type: str,
    country: str,
    year: int,
    edition: str | None,
    audience: str,
    as_json: bool,
) -> None:
    """List the records in scope that a draft would not cite, each with the reason.

    The draft is built as `hrdraft compile` builds it (nothing is saved or
    written); only records its audience may use are listed, by id, never
    their content.
    """
    from ..build import BuildRequest
    from ..pipeline import build_from_store

    request = BuildRequest(report_type, country.upper(), year, audience, edition)  # type: ignore[arg-type]
    _, context = build_from_store(env.store, env.plugins, request)
    rows = [{"record": record, "reason": reason} for record, reason in context.unplaced]
    if as_json:
        click.echo(json_for_terminal(json.dumps(rows, ensure_ascii=False, indent=2)))
        return
    label = f"{report_type} {country.upper()} {year} {audience} (edition {context.edition.name})"
    if not rows:
        console.print(f"Every record in scope is cited in the {escape(label)} draft.")
        return
    table = Table(title=f"Not used in the {escape(label)} draft", title_justify="left")
    table.add_column("Record", overflow="fold")
    table.add_column("Reason", overflow="fold")
    for row in rows:
        table.add_row(escape(for_terminal(row["record"])), escape(for_terminal(row["reason"])))
    console.print(table)
    console.print(f"{len(rows)} of {plural(len(context.items), 'record')} in scope not cited")


# -------------------------------------------------------------------------
# quarantine list / show / clear
# -------------------------------------------------------------------------


@cli.group("quarantine")
def quarantine_group() -> None:
    """Rows that failed validation, kept with their raw content and every error.

    A row is resolved once a later ingest stored its record (the same
    source and id); `quarantine clear --resolved` then removes it.
    """


def _quarantine_data(row: quarantine.QuarantineEntry) -> dict[str, Any]:
    return {
        "id": row.id,
        "file": row.file_name,
        "line": row.line,
        "batch": row.batch_id,
        "created_at": row.created_at.isoformat(timespec="seconds"),
        "resolved_by_batch": row.resolved_by,
        "errors": row.errors,
        "raw": row.raw,
    }


def _resolution(row: quarantine.QuarantineEntry) -> str:
    return f" [green](resolved: stored by batch {row.resolved_by})[/]" if row.resolved else ""


_BATCH_OPTION = click.option(
    "--batch", type=int, metavar="N", help="Only the rows of batch N (one ingested file)."
)


@quarantine_group.command("list")
@_BATCH_OPTION
@click.option("--unresolved", is_flag=True, help="Only rows whose record no later ingest stored.")
@click.option(
    "--json", "as_json", is_flag=True, help="Print every row, raw content included, as JSON."
)
@pass_env
def quarantine_list_command(env: Env, batch: int | None, unresolved: bool, as_json: bool) -> None:
    """List quarantined rows as FILE:LINE: field: message, newest batch last.

    A row whose record a later ingest stored (the same source and id) is
    marked resolved.
    """
    rows = quarantine.list_quarantined(env.store, batch=batch, unresolved=unresolved)
    if as_json:
        click.echo(
            json_for_terminal(
                json.dumps([_quarantine_data(r) for r in rows], ensure_ascii=False, indent=2)
            )
        )
        return
    if not rows:
        filtered = batch is not None or unresolved
        console.print("No quarantined rows match." if filtered else "The quarantine is empty.")
        return
    for row in rows:
        for error in row.errors:
            console.print(
                f"[dim]#{row.id}[/] {escape(row.file_name)}:{row.line}: "
                f"{escape(error['field'])}: {escape(error['message'])}{_resolution(row)}",
                soft_wrap=True,
            )
    resolved = sum(r.resolved for r in rows)
    console.print(
        plural(len(rows), "row")
        + (f", {resolved} resolved (`hrdraft quarantine clear --resolved`)" if resolved else "")
        + ". `hrdraft quarantine show N` shows one with its raw content."
    )


@quarantine_group.command("show")
@click.argument("number", type=int, metavar="N")
@pass_env
def quarantine_show_command(env: Env, number: int) -> None:
    """Show quarantined row N: where it came from, its errors, its raw content."""
    row = quarantine.get_quarantined(env.store, number)
    if row is None:
        raise NotFoundError(f"no quarantined row #{number}", "see `hrdraft quarantine list`")
    console.print(
        f"[bold]#{row.id}[/] {escape(row.file_name)}:{row.line} (batch {row.batch_id})"
        + _resolution(row)
    )
    for error in row.errors:
        console.print(f"  {escape(error['field'])}: {escape(error['message'])}", soft_wrap=True)
    console.print("Raw content:")
    try:
        click.echo(json_for_terminal(json.dumps(json.loads(row.raw), ensure_ascii=False, indent=2)))
    except ValueError:
        click.echo(for_terminal(row.raw))


class ConfirmationNeeded(HrdraftError):
    """A clear asked for without a terminal to confirm it, and without --yes."""


def _can_ask() -> bool:
    """Whether there is a person at a terminal to confirm (a script's stdin is no terminal)."""
    return sys.stdin.isatty()


@quarantine_group.command("clear")
@_BATCH_OPTION
@click.option("--resolved", is_flag=True, help="The rows whose record a later ingest stored.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (for scripts).")
@pass_env
def quarantine_clear_command(env: Env, batch: int | None, resolved: bool, yes: bool) -> None:
    """Remove quarantined rows: the resolved ones, those of batch N, or both filters at once.

    Says how many rows it will remove and asks (--yes skips the question;
    without a terminal and without --yes it refuses). Audited: the filters
    and the row numbers, never their content.
    """
    if batch is None and not resolved:
        raise click.UsageError("say which rows: --resolved, --batch N, or both")
    store = env.store
    planned = quarantine.clear_quarantined(store, batch=batch, resolved=resolved, dry_run=True)
    if not planned:
        console.print("No quarantined rows match: nothing to clear.")
        return
    console.print(f"This removes {plural(len(planned), 'quarantined row')}.")
    if not yes:
        if not _can_ask():
            raise ConfirmationNeeded(
                "clearing the quarantine needs confirmation, and there is no terminal to ask "
                "on: nothing was removed",
                "run it in a terminal, or add --yes",
            )
        if not click.confirm("Remove them?", default=False):
            raise HrdraftError("nothing was removed", "")
    cleared = quarantine.clear_quarantined(store, batch=batch, resolved=resolved)
    console.print(f"Removed {plural(len(cleared), 'quarantined row')}.")


# -------------------------------------------------------------------------
# categories / schema
# -------------------------------------------------------------------------


@cli.command("categories")
@click.option("--json", "as_json", is_flag=True, help="Print the vocabulary as JSON.")
@pass_env
def categories_command(env: Env, as_json: bool) -> None:
    """List the category ids records may use (the shipped vocabulary plus plugins')."""
    categories = list(env.plugins.vocabulary.categories.values())
    if as_json:
        data = [{"id": c.id, "label": c.label, "description": c.description} for c in categories]
        click.echo(json_for_terminal(json.dumps(data, ensure_ascii=False, indent=2)))
        return
    table = Table()
    table.add_column("Id")
    table.add_column("Label")
    for c in categories:
        table.add_row(escape(c.id), escape(c.label))
    console.print(table)


@cli.command("schema")
def schema_command() -> None:
    """Print the JSON Schema of a record (as in docs/record.schema.json)."""
    click.echo(record_schema(), nl=False)
