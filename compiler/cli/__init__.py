"""The ``hrdraft`` command line: thin over the core.

Each command parses its options, calls one function of the core and prints.
Errors a user can cause are printed as one line with what to do (exit 2, or
3 for a broken plugin); anything else is a bug and keeps its traceback.
Commands live in the modules of this package by subject; plugins add their
own through ``hrdraft_register_commands``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.markup import escape

from ..errors import HrdraftError
from ..plugins import Plugins, get_plugins
from ..store import Store, open_store
from ..terminal import safe_console

# Record text, quarantined rows and stored versions never drive the terminal.
console = safe_console(highlight=False)
err_console = safe_console(stderr=True, highlight=False)


class Env:
    """What every command may need, opened lazily: the store and the plugins."""

    def __init__(self, db: str | None, key: Path | None = None) -> None:
        self.db = db
        self.key = key
        self._store: Store | None = None
        # The command that opened the store, for its audit entry (cli/audit.py).
        self.opened_by: click.Context | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            self._store = open_store(self.db, key_file=self.key)
            for notice in self._store.notices:  # e.g. a file's mode tightened
                err_console.print(f"warning: {notice}", markup=False, soft_wrap=True)
            self.opened_by = click.get_current_context(silent=True)
        return self._store

    def adopt(self, store: Store) -> Store:
        """A store the command opened itself (the demo's): audited like ``store``."""
        if self._store is None:
            self._store, self.opened_by = store, click.get_current_context(silent=True)
        return store

    @property
    def opened_store(self) -> Store | None:
        return self._store

    @property
    def plugins(self) -> Plugins:
        return get_plugins()

    def close(self) -> None:
        if self._store is not None:
            self._store.dispose()


pass_env = click.make_pass_decorator(Env)

F = TypeVar("F", bound=Callable[..., Any])


def render_options(command: F) -> F:
    """``--templates`` and ``--page-size``, the same for every command that renders."""
    command = click.option(
        "--page-size",
        type=click.Choice(["A4", "Letter"]),
        default="A4",
        show_default=True,
        help="Paper size of PDF output.",
    )(command)
    return click.option(
        "--templates",
        type=click.Path(file_okay=False, exists=True, path_type=Path),
        help="Folder of template overrides, looked up before the plugins' and the core's.",
    )(command)


class _Group(click.Group):
    """Loads the command modules and plugins' commands on first use."""

    _loaded = False

    def _ensure_loaded(self) -> None:
        if not _Group._loaded:
            _Group._loaded = True
            _load_commands()

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        self._ensure_loaded()
        return super().get_command(ctx, cmd_name)

    def list_commands(self, ctx: click.Context) -> list[str]:
        self._ensure_loaded()
        return super().list_commands(ctx)

    def invoke(self, ctx: click.Context) -> Any:
        from .audit import exit_status, record_command

        status = 1
        try:
            result = super().invoke(ctx)
            status = 0
            return result
        except HrdraftError as exc:
            status = exc.exit_code
            # The message may quote a file name or a record's text: never markup.
            err_console.print(f"[bold red]error:[/] {escape(exc.message)}", soft_wrap=True)
            if exc.hint:
                err_console.print(f"  {exc.hint}", markup=False, soft_wrap=True)
            sys.exit(exc.exit_code)
        except BaseException as exc:
            if not _interrupted(exc):
                status = exit_status(exc)
                raise
            # Every write is one transaction (an ingested file, a saved version):
            # the one under way was rolled back whole; what finished before stays.
            status = 130
            err_console.print(
                "[bold red]interrupted:[/] the step under way was rolled back and stored "
                "nothing; what had finished before it is kept",
                soft_wrap=True,
            )
            sys.exit(130)
        finally:
            record_command(ctx, status)  # every command that opened the store


def _interrupted(exc: BaseException) -> bool:
    """Whether `exc` is Ctrl-C, or an error it caused on the way out.

    Ctrl-C in the middle of a database call can surface as the driver's
    error while it cleans up (psycopg: "cannot exit pipeline mode while
    busy", raised during the KeyboardInterrupt): the user still pressed
    Ctrl-C, and the transaction was still rolled back, so it is reported as
    an interruption, not as a traceback.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--db",
    envvar="HRDRAFT_DB",
    metavar="URL",
    help="Store to use: an SQLite path or URL, or postgresql://... "
    "[env HRDRAFT_DB; default ./hrdraft.sqlite]",
)
@click.option(
    "--key",
    envvar="HRDRAFT_KEY_FILE",
    metavar="PATH",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The store's key file, made on first use [env HRDRAFT_KEY_FILE; default for SQLite: "
    "beside the database, e.g. ./hrdraft.key]. Or set HRDRAFT_PASSPHRASE.",
)
@click.version_option(package_name="hrdraft", prog_name="hrdraft")
@click.pass_context
def cli(ctx: click.Context, db: str | None, key: Path | None) -> None:
    """hrdraft compiles civil-society records into human rights report drafts.

    \b
    Typical session:
      hrdraft ingest records.jsonl        # validate and store records
      hrdraft compile hrr --country XA --year 2023
      hrdraft versions list
      hrdraft diff 1 2                    # what changed between two drafts

    \b
    Shell completion, e.g. for bash:
      eval "$(_HRDRAFT_COMPLETE=bash_source hrdraft)"
    """
    env = Env(db, key)
    ctx.obj = env
    ctx.call_on_close(env.close)


def _load_commands() -> None:
    from . import (  # noqa: F401  (they register)
        audit,
        countries,
        drafts,
        erasure,
        keys,
        records,
        reports,
        review,
        translations,
        versions,
    )

    try:
        get_plugins().hook.hrdraft_register_commands(cli=cli)
    except Exception as exc:  # a plugin's command must not break the CLI
        err_console.print(f"warning: a plugin failed to add its commands: {exc}")


def main() -> None:
    cli()
