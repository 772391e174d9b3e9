"""`hrdraft key create|rotate|backup|show-path`: the store's key, outside the database."""

from __future__ import annotations

import os
from pathlib import Path

import click

from ..store import keys
from ..store.engine import key_source_of
from ..words import plural
from . import Env, cli, console, pass_env

NEW_PASSPHRASE_ENV = "HRDRAFT_NEW_PASSPHRASE"
KEEP_IT = (
    "Keep the backup apart from the database: on removable media in a locked place, or "
    "where your organisation keeps secrets. Anyone with the key and the database can read "
    "every record; without the key nobody can, you included."
)


@cli.group("key")
def key_group() -> None:
    """The store's key: everything a record says is encrypted with it.

    \b
    An SQLite store's key file lies beside it (hrdraft.sqlite -> hrdraft.key)
    unless --key names another; PostgreSQL needs --key (or HRDRAFT_KEY_FILE).
    A passphrase in HRDRAFT_PASSPHRASE can take the key file's place.
    """


@key_group.command("show-path")
@pass_env
def show_path_command(env: Env) -> None:
    """Say where the key is looked for (nothing is opened or created)."""
    source = key_source_of(env.db, env.key)
    if source.path is None:
        console.print(source.describe(), markup=False)
        return
    state = "" if source.path.exists() else " (not created yet)"
    console.print(f"{source.path}{state}", markup=False, soft_wrap=True)


@key_group.command("create")
@pass_env
def create_command(env: Env) -> None:
    """Create the store and its key, refusing if a key file is there already."""
    source = key_source_of(env.db, env.key)
    if source.path is not None and source.path.exists():
        raise keys.StoreKeyError(
            f"a key file exists at {source.path} already",
            "`hrdraft init` opens the store with it; `hrdraft key rotate` replaces it",
        )
    store = env.store
    if not store.key_created:
        raise keys.StoreKeyError(
            f"the store at {store.url} has a key already", "`hrdraft key rotate` replaces it"
        )
    console.print(f"Created {source.describe()} for {store.url}.", markup=False, soft_wrap=True)
    if source.path is not None:
        console.print(
            f"Back it up now: hrdraft key backup PATH. {KEEP_IT}", markup=False, soft_wrap=True
        )


@key_group.command("rotate")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_env
def rotate_command(env: Env, yes: bool) -> None:
    """Re-encrypt everything in the store with a new key, in one transaction.

    The old key (and every backup of it) no longer opens the store: make a
    new backup afterwards. A passphrase store asks for the new passphrase
    (or reads HRDRAFT_NEW_PASSPHRASE). Run it while nobody else uses the store.
    """
    from ..store.rotation import rotate_key

    store = env.store
    new_passphrase = None
    if store.key_source.passphrase:
        new_passphrase = os.environ.get(NEW_PASSPHRASE_ENV) or click.prompt(
            "New passphrase", hide_input=True, confirmation_prompt=True
        )
    if not yes:
        click.confirm(
            "Re-encrypt the whole store with a new key? Backups of the current key will no "
            "longer open it",
            abort=True,
        )
    rotated = rotate_key(store, new_passphrase=new_passphrase)
    where = rotated.key_file or "the new passphrase (set HRDRAFT_PASSPHRASE to it)"
    console.print(
        f"Re-encrypted {plural(rotated.values, 'value')} and "
        f"{plural(rotated.audit_entries, 'audit entry')}; "
        f"the store's key is now {where}.",
        markup=False,
        soft_wrap=True,
    )
    if rotated.key_file is not None:
        console.print(
            "Old backups of the key no longer open the store: make a new one now "
            "(hrdraft key backup PATH).",
            markup=False,
            soft_wrap=True,
        )


@key_group.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@pass_env
def backup_command(env: Env, path: Path) -> None:
    """Write a copy of the key file to PATH (a new file, mode 0600)."""
    store = env.store
    keys.backup_key(store.keyring, store.key_source, path)
    console.print(f"Wrote a copy of the key to {path} (mode 0600).", markup=False, soft_wrap=True)
    console.print(
        f"{KEEP_IT} After `hrdraft key rotate` this copy no longer opens the store.",
        markup=False,
        soft_wrap=True,
    )
