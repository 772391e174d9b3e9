"""`hrdraft audit` and `hrdraft audit verify`, and the one entry each command leaves in the trail.

Every command that opened the store appends one entry when it ends
(:func:`record_command`, called from the command group): who (the OS user,
the host, any ``--author``), the command and its arguments (secrets left
out), its exit status, and what it touched as the store noted it (versions
saved and read, batches and files ingested, records and quarantined rows
read, files written). The store seals the details; times and actions stay
in clear to filter on.
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from ..errors import HrdraftError
from ..store import audit
from ..words import plural
from . import Env, cli, console, err_console, pass_env

# Parameters whose values never go into the trail.
SECRET_WORDS = ("passphrase", "password", "secret", "token")


class AuditBroken(HrdraftError):
    """`hrdraft audit verify` found the chain broken."""

    exit_code = 4


def exit_status(exc: BaseException) -> int:
    """The exit status a command ending in `exc` has."""
    if isinstance(exc, SystemExit):
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    if isinstance(exc, click.exceptions.Exit | click.ClickException):
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        return 130
    return 1


def _action(ctx: click.Context) -> str:
    names = []
    while ctx.parent is not None:
        names.append(ctx.info_name or "")
        ctx = ctx.parent
    return " ".join(reversed(names)) or "hrdraft"


def record_command(root: click.Context, status: int) -> None:
    """Append the audit entry of the command that ran under `root`, if it opened the store."""
    env = root.obj
    if not isinstance(env, Env) or env.opened_store is None:
        return  # nothing in the store was read or written
    store = env.opened_store
    ctx = env.opened_by or root
    arguments = {
        name: "(not recorded)" if any(w in name for w in SECRET_WORDS) else value
        for name, value in ctx.params.items()
    }
    who: dict[str, Any] = audit.current_user()
    if ctx.params.get("author"):
        who["author"] = str(ctx.params["author"])
    action = _action(ctx)
    details = {
        "command": f"hrdraft {action}",
        "arguments": arguments,
        "status": status,
        "store": store.url,
        "touched": audit.touched(store),
    }
    try:
        audit.record(store, action=action, who=who, details=details)
    except Exception as exc:  # the command's own outcome stands; say it is not on record
        err_console.print(
            f"warning: this command could not be added to the audit trail: "
            f"{getattr(exc, 'message', None) or type(exc).__name__}",
            markup=False,
            soft_wrap=True,
        )


def _entry_data(entry: audit.Entry) -> dict[str, Any]:
    return {
        "id": entry.id,
        "at": entry.at.isoformat() + "Z",
        "action": entry.action,
        "who": entry.who,
        "details": entry.details,
    }


def _who(who: dict[str, Any]) -> str:
    text = f"{who.get('user', '?')}@{who.get('host', '?')}"
    return f"{text} ({who['author']})" if who.get("author") else text


def _what(details: dict[str, Any]) -> str:
    touched = details.get("touched") or {}
    parts = [
        f"{kind.replace('_', ' ')}: {', '.join(map(str, items))}"
        if isinstance(items, list)
        else f"{kind.replace('_', ' ')}: {items}"
        for kind, items in touched.items()
    ]
    return "; ".join(parts)


@cli.group("audit", invoke_without_command=True)
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]),
    help="Entries from this day or time on (UTC), e.g. 2024-05-01.",
)
@click.option("--action", metavar="NAME", help="One command, e.g. compile, ingest, records.")
@click.option("--json", "as_json", is_flag=True, help="Every entry with all its details.")
@pass_env
@click.pass_context
def audit_group(
    ctx: click.Context, env: Env, since: datetime | None, action: str | None, as_json: bool
) -> None:
    """Who did what to the store, and when: one entry per command, hash-chained.

    \b
    hrdraft audit                       # every entry, oldest first
    hrdraft audit --action compile --since 2024-05-01
    hrdraft audit verify                # check no entry was changed, added or removed
    """
    if ctx.invoked_subcommand is not None:
        return
    entries = audit.entries(env.store, since=since, action=action)
    if as_json:
        click.echo(json.dumps([_entry_data(e) for e in entries], ensure_ascii=False, indent=2))
        return
    if not entries:
        console.print("No audit entries match.", markup=False)
        return
    table = Table(title="Audit trail (times in UTC)", title_justify="left")
    for column in ("#", "time", "who", "command", "status", "touched"):
        table.add_column(column, overflow="fold")
    for e in entries:
        arguments = e.details.get("arguments") or {}
        shown = " ".join(
            f"{k}={v}" for k, v in arguments.items() if v not in (None, False, (), [], "")
        )
        table.add_row(
            str(e.id),
            e.at.strftime("%Y-%m-%d %H:%M:%S"),
            escape(_who(e.who)),
            escape(f"{e.action} {shown}".strip()),
            str(e.details.get("status", "")),
            escape(_what(e.details)),
        )
    console.print(table)


@audit_group.command("verify")
@pass_env
def verify_command(env: Env) -> None:
    """Check the chain: exit 0 when it is whole, 4 naming the first broken entry."""
    verdict = audit.verify(env.store)
    if not verdict.ok:
        where = f"at entry {verdict.broken}" if verdict.broken is not None else "at its head"
        raise AuditBroken(
            f"the audit trail is broken {where}: {verdict.problem}",
            f"{plural(verdict.entries, 'entry')} before it "
            f"{'checks' if verdict.entries == 1 else 'check'} out; the database was edited by "
            "something other than hrdraft: compare with a backup",
        )
    console.print(f"The audit trail is whole: {plural(verdict.entries, 'entry')}.", markup=False)
