"""`hrdraft countries` (list, set, unset): the name each draft prints for its country."""

from __future__ import annotations

import json
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from .. import countries
from ..errors import HrdraftError
from ..store import countries as stored_names
from ..store import records as stored_records
from ..words import plural
from . import Env, cli, console, pass_env


@cli.group("countries", invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="JSON instead of a table.")
@click.pass_context
def countries_group(ctx: click.Context, as_json: bool) -> None:
    """The country of every stored record, the name its drafts print, and where it comes from.

    \b
    Sources, first wins: store (set with `hrdraft countries set`), HRDRAFT_COUNTRIES
    (a YAML file: the old way), sample (the bundled sample's), ISO (ISO 3166-1),
    none (a user-assigned code nobody named: drafts print "Country XK").
    A name set or changed makes the next compile of that country a new version.
    """
    if ctx.invoked_subcommand is not None:
        return
    env: Env = ctx.obj
    store = env.store
    codes = sorted(
        set(stored_records.countries_in_store(store))
        | {n.code for n in stored_names.list_names(store)}
    )
    found = [countries.named(code, store) for code in codes]
    if as_json:
        rows = [{"code": n.code, "name": n.name, "source": n.source} for n in found]
        click.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    if not found:
        console.print("No records and no country names in the store.")
        return
    table = Table(title="Countries", title_justify="left")
    for column in ("code", "name", "source"):
        table.add_column(column)
    for n in found:
        table.add_row(n.code, escape(n.name), n.source)
    console.print(table)
    for n in found:
        if n.unnamed:
            console.print(f"[yellow]warning:[/] {escape(countries.unnamed_warning(n.code))}")


@countries_group.command("set")
@click.argument("code", required=False)
@click.argument("name", required=False)
@click.option(
    "--file",
    "file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Names from a file: YAML (CODE: Name lines) or CSV (CODE,Name rows).",
)
@pass_env
def set_command(env: Env, code: str | None, name: str | None, file: Path | None) -> None:
    """Set the name drafts print for CODE: `hrdraft countries set XK "Kestria"`.

    Or many at once with --file. A code is ISO 3166-1 alpha-2 (user-assigned
    codes AA, QM-QZ, XA-XZ, ZZ allowed).
    """
    if file is not None:
        if code or name:
            raise HrdraftError(
                "give CODE NAME or --file FILE, not both",
                "e.g. hrdraft countries set --file names.csv",
            )
        names = countries.read_names(file)
    else:
        if not code or name is None:
            raise HrdraftError(
                "a code and a name are needed", 'e.g. hrdraft countries set XK "Kestria"'
            )
        checked = countries.check_code(code)
        names = {checked: countries.check_name(checked, name)}
    changed = stored_names.set_names(env.store, names)
    for code_ in names:
        mark = "" if code_ in changed else " (unchanged)"
        console.print(f"{code_}: {escape(names[code_])}{mark}", soft_wrap=True)
    if changed:
        console.print(
            f"{plural(len(changed), 'name')} set: the next compile of "
            f"{'these countries' if len(changed) != 1 else 'this country'} is a new version."
        )


@countries_group.command("unset")
@click.argument("code")
@pass_env
def unset_command(env: Env, code: str) -> None:
    """Forget the name set in the store for CODE (drafts fall back to the other sources)."""
    checked = countries.check_code(code)
    if not stored_names.unset_name(env.store, checked):
        raise HrdraftError(
            f"no name is set in the store for {checked}", "`hrdraft countries` lists what is set"
        )
    now = countries.named(checked, env.store)
    console.print(f"{checked}: name unset; drafts now print {escape(now.name)} ({now.source})")
