"""`hrdraft translations` (missing, export, import): records in other languages, translated."""

from __future__ import annotations

import csv
import io
import json
import sys
from dataclasses import asdict
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from ..errors import InputFileError
from ..ingest.translations import COLUMNS, import_translations
from ..prose import language_name
from ..safe_write import write_private
from ..select.audience import REPORT_LANGUAGE
from ..select.translations import for_translators
from ..words import plural
from . import Env, cli, console, err_console, pass_env

_INTO = click.option(
    "--into",
    default=REPORT_LANGUAGE,
    show_default=True,
    metavar="LANG",
    help="The language to translate into (BCP 47 tag): the reports' language.",
)
_COUNTRY = click.option("--country", metavar="CC", help="Only this country (ISO 3166-1 alpha-2).")
_YEAR = click.option("--year", type=int, help="Only this reporting year.")


@cli.group("translations")
def translations_group() -> None:
    """Records not written in the reports' language, and their translations.

    \b
    A draft prints a record in another language in its translation, labelled
    "unofficial translation from ..."; the internal draft keeps the original
    after it. A record without one is printed in the original and listed
    here and in the compile summary. The loop: `translations export --to
    FILE.csv`, a translator fills the last two columns, `translations import
    FILE.csv`. Translations can also come with the record itself (docs/records.md).
    """


@translations_group.command("missing")
@_INTO
@_COUNTRY
@_YEAR
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
@pass_env
def missing_command(
    env: Env, into: str, country: str | None, year: int | None, as_json: bool
) -> None:
    """List the public and restricted records that have no translation into --into."""
    found = for_translators(env.store, into=into, country=country, year=year)
    if as_json:
        keys = ("source", "id", "country", "year", "language", "revision")
        click.echo(json.dumps([{k: asdict(t)[k] for k in keys} for t in found], indent=1))
        return
    if not found:
        console.print(f"Every record in scope has a translation into {language_name(into)}.")
        return
    table = Table(
        title=f"{plural(len(found), 'record')} without a translation into {language_name(into)}",
        title_justify="left",
    )
    for column in ("country", "year", "id", "source", "language"):
        table.add_column(column, overflow="fold")
    for t in found:
        table.add_row(t.country, str(t.year), escape(t.id), escape(t.source), t.language)
    console.print(table)
    console.print("Send them to a translator: `hrdraft translations export --to FILE.csv`.")


@translations_group.command("export")
@click.option(
    "--to",
    "out",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The CSV file to write (readable by its owner only).",
)
@_INTO
@_COUNTRY
@_YEAR
@click.option("--all", "everything", is_flag=True, help="Also records already translated.")
@pass_env
def export_command(
    env: Env, out: Path, into: str, country: str | None, year: int | None, everything: bool
) -> None:
    """Write the records to translate as a CSV for a translator.

    \b
    The text is what an internal draft shows: names of people not named with
    consent are already replaced, so the translator never sees them. The file
    still holds restricted records' text: send it as you would the store.
    Confidential records are never exported: no draft prints them.
    The translator fills title_translation and summary_translation and
    leaves every other column as it is.
    """
    found = for_translators(env.store, into=into, country=country, year=year, everything=everything)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    for t in found:
        row = asdict(t)
        row["into"] = into
        writer.writerow([row[c] for c in COLUMNS])
    # With a byte-order mark, spreadsheets open the file as UTF-8.
    write_private(out, "\ufeff" + buffer.getvalue())
    console.print(
        f"Wrote {plural(len(found), 'record')} to translate into {language_name(into)} "
        f"to {escape(str(out))}."
    )


@translations_group.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False))
@pass_env
def import_command(env: Env, file: Path) -> None:
    """Store the translations in FILE (an export, filled in); rows left blank are skipped.

    \b
    Each translation is a new revision of its record; drafts compiled next
    use it. A row whose record changed since the export is quarantined: export
    again. Exit status: 0 every filled row stored; 1 some quarantined; 2 the
    file could not be read.
    """
    try:
        result, blank = import_translations(env.store, env.plugins, file)
    except InputFileError as exc:
        err_console.print(f"[bold red]error:[/] {escape(exc.message)}", soft_wrap=True)
        if exc.hint:
            err_console.print(f"  {escape(exc.hint)}", soft_wrap=True)
        sys.exit(2)
    console.print(
        f"{plural(result.revised + result.stored, 'translation')} stored, "
        f"{result.unchanged} unchanged, {result.quarantined} quarantined, "
        f"{plural(blank, 'row')} left blank."
    )
    for error in result.errors:
        console.print(escape(str(error)), soft_wrap=True)
    if result.quarantined:
        console.print("`hrdraft quarantine list` keeps the refused rows.")
        sys.exit(1)
