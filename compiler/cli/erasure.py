"""`hrdraft records withdraw` and `hrdraft forget`: erasure, confirmed and audited.

Both say what they will change (counts), ask (``--yes`` skips the question;
without a terminal and without ``--yes`` they refuse), then call one
function of ``hrdraft.store.erasure``, which changes everything in one
transaction, appends the audit entry and rewrites the database file. The
command's own audit entry records neither the erased id nor the forgotten
name: its arguments are replaced before it is written.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

import click
from rich.markup import escape

from ..errors import HrdraftError, NotFoundError
from ..history.refilter import WITHDRAWN, _public_ids
from ..records import Record
from ..select import Protection
from ..select.fold import fold_text
from ..store import Store, erasure
from ..store import records as stored_records
from ..words import plural
from . import Env, cli, console, pass_env
from .records import records_group

REINGEST_WARNING = (
    "Re-ingesting a file from before this erasure (an old export, a partner's original) "
    "stores it again: delete or correct those files too."
)


class ConfirmationNeeded(HrdraftError):
    """An erasure asked for without a terminal to confirm it, and without --yes."""


def _confirm(yes: bool, question: str) -> None:
    if yes:
        return
    if not sys.stdin.isatty():
        raise ConfirmationNeeded(
            "an erasure needs confirmation, and there is no terminal to ask on: nothing was "
            "changed",
            "run it in a terminal, or add --yes (in a script that has checked what it erases)",
        )
    if not click.confirm(question, default=False):
        raise HrdraftError("nothing was changed", "")


def _counts(erased: erasure.Erased) -> str:
    return (
        f"{plural(erased.revisions, 'revision')}, "
        f"{plural(erased.quarantined, 'quarantined row')}, "
        f"{plural(erased.versions, 'stored version')}"
        + (f", {plural(erased.review_texts, 'review comment')}" if erased.review_texts else "")
    )


def _unrecorded(ctx: click.Context, *names: str) -> None:
    """Keep what is being erased out of this command's own audit entry."""
    for name in names:
        if ctx.params.get(name) is not None:
            ctx.params[name] = "(erased: not recorded)"


@records_group.command("withdraw")
@click.argument("record_id", metavar="ID")
@click.option("--source", metavar="NAME", help="The source's name, when sources share an id.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (for scripts).")
@pass_env
@click.pass_context
def withdraw_command(
    ctx: click.Context, env: Env, record_id: str, source: str | None, yes: bool
) -> None:
    """Erase a record: every revision, its quarantined rows, its passages in stored versions.

    Each stored version that cites it keeps its structure: the passages
    citing it read "[This passage has been withdrawn.]" and its Sources
    entry goes; the version is marked redacted. The database file is then
    rewritten so the bytes are gone. Files already exported, backups and
    the original input files are out of reach: see docs/records.md.
    """
    _unrecorded(ctx, "record_id", "source")
    store = env.store
    found = erasure.find(store, record_id, source)
    if not found:
        raise NotFoundError(
            f"no record {record_id!r}" + (f" from source {source!r}" if source else ""),
            "see `hrdraft records list` for the stored ids",
        )
    if len(found) > 1:
        raise NotFoundError(
            f"several sources have a record {record_id!r}",
            "add --source NAME, one of: " + ", ".join(repr(s) for s, _ in found),
        )
    source_name, _ = found[0]
    cited_as = _cited_as(store, source_name, record_id)
    args: dict[str, Any] = {"cited_as": cited_as, "marker": WITHDRAWN}
    plan = erasure.withdraw_record(store, source_name, record_id, dry_run=True, **args)
    console.print(
        f"This erases record {escape(record_id)} from {escape(source_name)}: "
        f"{_counts(plan)} redacted or deleted.",
        soft_wrap=True,
    )
    _confirm(yes, "Erase it? This cannot be undone")
    done = erasure.withdraw_record(store, source_name, record_id, **args)
    console.print(f"Erased: {_counts(done)}. The database file was rewritten.", soft_wrap=True)
    console.print(REINGEST_WARNING, markup=False, soft_wrap=True)


def _cited_as(store: Store, source: str, record_id: str) -> tuple[str, ...]:
    """Every id a stored draft may cite any revision of the record by."""
    ids: set[str] = set()
    for revision in stored_records.history(store, source, record_id):
        ids.update(_public_ids(Record.model_validate(revision.data)))
    return tuple(sorted(ids))


class PersonScrubber:
    """Name protection for one person (withheld) against the others of a country (kept).

    Implements :class:`hrdraft.store.erasure.Scrubber`: the same matcher a
    compile uses, so every form a compile would protect is replaced, by the
    neutral phrase of a withheld person ("a person", "una persona").
    """

    def __init__(self, name: str, country: str, others: Iterable[str] = ()) -> None:
        self.name, self.country = name, country.upper()
        self.folded = fold_text(name).strip()
        self.others = sorted({o for o in others if fold_text(o).strip() != self.folded})
        self._protections: dict[str, Protection] = {}

    def _protection(self, language: str) -> Protection:
        found = self._protections.get(language)
        if found is None:
            persons = [{"name": self.name, "role": "victim", "consent": "withheld"}]
            persons += [{"name": o, "role": "victim", "consent": "named"} for o in self.others]
            record = Record.model_validate(
                {
                    "id": "forget", "country": self.country, "year": 2000, "title": "-",
                    "summary": "-", "language": language, "persons": persons,
                    "source": {"name": "-", "kind": "ngo", "reliability": "A"},
                }
            )  # fmt: skip
            found = self._protections[language] = Protection([record])
        return found

    def is_person(self, name: str) -> bool:
        return fold_text(name).strip() == self.folded

    def text(self, value: str, language: str, *, about: bool) -> str:
        if not value:
            return value
        within = None if about else frozenset()
        return self._protection(language).text(value, language, within=within)

    def names_them(self, url: str) -> bool:
        return self._protection("en").names_someone(url, slug=True)

    def cited_as(self, data: dict[str, Any]) -> tuple[str, ...]:
        return _public_ids(Record.model_validate(data))


@cli.command("forget")
@click.argument("name")
@click.option("--country", metavar="CC", required=True, help="The country whose records name them.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (for scripts).")
@pass_env
@click.pass_context
def forget_command(ctx: click.Context, env: Env, name: str, country: str, yes: bool) -> None:
    """Forget a person: their NAME out of every record, quarantined row and stored version.

    \b
    Their entry leaves each record's persons; every form of their name in
    the text of the country's revisions, in quarantined rows and in the
    country's stored versions is replaced by a neutral phrase ("a person"),
    as name protection replaces it. Revisions get new content hashes.
    The database file is then rewritten so the bytes are gone.
    Re-ingesting an old file that names them brings the name back as a new
    revision: correct or delete those files too (docs/records.md).
    """
    _unrecorded(ctx, "name")
    store = env.store
    others = [
        p["name"]
        for c in stored_records.list_current(store, country=country)
        for p in c.data.get("persons") or []
    ]
    scrubber = PersonScrubber(name, country, others)
    plan = erasure.forget_person(store, country, scrubber, dry_run=True)
    if plan.nothing:
        console.print("Nobody by that name in the store: nothing to change.", soft_wrap=True)
        return
    console.print(
        f"This takes the person out of {plural(plan.records, 'record')} of "
        f"{escape(country.upper())}: "
        f"{_counts(plan)} rewritten.",
        soft_wrap=True,
    )
    _confirm(yes, "Forget them? This cannot be undone")
    done = erasure.forget_person(store, country, scrubber)
    console.print(f"Rewritten: {_counts(done)}. The database file was rewritten.", soft_wrap=True)
    console.print(REINGEST_WARNING, markup=False, soft_wrap=True)
