"""`hrdraft review`: a version's clearance (in review, returned, cleared) and reviewers' comments.

The states and comments live in the store (``hrdraft.store.reviews``);
this module is their command line, the ``--author`` option that compile,
import and every review command share, and :func:`comments_as_shown`, the
comments of a version with their text protected as the version's own text
is (the redline shows them too).
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from ..history.refilter import view
from ..history.versions import load_version
from ..store import audit, reviews
from ..store.engine import Store
from ..terminal import for_terminal, json_for_terminal
from . import Env, cli, console, pass_env


def os_user() -> str:
    """The OS user's name, the default author of a compile, an import or a review step."""
    return str(audit.current_user()["user"])


def author_option(help_text: str) -> Any:
    """``--author NAME``, defaulting to the OS user (``getpass.getuser()``)."""
    return click.option(
        "--author", default=os_user, show_default="the OS user", metavar="NAME", help=help_text
    )


def comments_as_shown(store: Store, version_id: int) -> list[reviews.Comment]:
    """The comments that apply to a version, their text protected as a compile protects text.

    A reviewer may type a name into a comment; it is shown only where the
    version itself could print it (the current consent of the records, as
    every read of a stored version applies it), so a redline handed on does
    not carry a name the draft may not.
    """
    comments = reviews.comments_for(store, version_id)
    if not comments:
        return []
    _, report = load_version(store, version_id)
    shown = view(store, report)
    out = []
    for comment in comments:
        records = []
        section = shown.report.section(comment.at_section) if comment.at_section else None
        if section is not None and comment.at_index is not None:
            block = section.blocks[comment.at_index]
            cites = [*getattr(block, "cites", ())]
            cites += [c for row in getattr(block, "row_cites", ()) for c in row]
            records = [shown.records[c.record] for c in cites if c.record in shown.records]
        text = shown.protection.text_about(comment.text, records, report.language or "en")
        out.append(replace(comment, text=text))
    return out


def notes_as_shown(
    store: Store, version_id: int, steps: list[reviews.ReviewStep]
) -> list[reviews.ReviewStep]:
    """The review's states with their notes protected as comments are (a return's
    "why" may name a person the version may not)."""
    if not any(step.comment for step in steps):
        return steps
    _, report = load_version(store, version_id)
    protection = view(store, report).protection
    language = report.language or "en"
    return [replace(s, comment=protection.text_about(s.comment, [], language)) for s in steps]


@cli.group("review")
def review_group() -> None:
    """A version's clearance and comments: start, return, clear, comment, show.

    \b
    hrdraft review start 12
    hrdraft review comment 12 --section 2.a --paragraph 2 -m "Source?"
    hrdraft review return 12 -m "Check the dates in 2.a"
    hrdraft review start 12
    hrdraft review clear 12 -m "Cleared for the bureau"

    A cleared version never changes: edits go into a new version (an
    import based on it, or a compile), whose review starts afresh.
    """


def _moved(env: Env, version_id: int, state: reviews.State, author: str, message: str) -> None:
    step = reviews.set_state(env.store, version_id, state, author=author, comment=message)
    words = {"in_review": "is in review", "returned": "was returned", "cleared": "is cleared"}
    console.print(
        f"v{version_id} {words[state]} (by {step.author}, {step.created_at:%Y-%m-%d %H:%M} UTC)."
        + (" It is final: later edits make new versions." if state == "cleared" else ""),
        markup=False,
        soft_wrap=True,
    )


@review_group.command("start")
@click.argument("version_id", metavar="N", type=int)
@click.option("-m", "--message", default="", help="A note for the review.")
@author_option("Who starts the review.")
@pass_env
def start_command(env: Env, version_id: int, message: str, author: str) -> None:
    """Put version N in review (first, or again after it was returned)."""
    _moved(env, version_id, "in_review", author, message)


@review_group.command("return")
@click.argument("version_id", metavar="N", type=int)
@click.option("-m", "--message", required=True, help="Why it goes back (required).")
@author_option("Who returns it.")
@pass_env
def return_command(env: Env, version_id: int, message: str, author: str) -> None:
    """Return version N, in review, to its drafter with a comment."""
    _moved(env, version_id, "returned", author, message)


@review_group.command("clear")
@click.argument("version_id", metavar="N", type=int)
@click.option("-m", "--message", default="", help="A note on the clearance.")
@author_option("Who clears it.")
@pass_env
def clear_command(env: Env, version_id: int, message: str, author: str) -> None:
    """Clear version N, in review: final, it never changes again."""
    _moved(env, version_id, "cleared", author, message)


@review_group.command("comment")
@click.argument("version_id", metavar="N", type=int)
@click.option("--section", required=True, metavar="ID", help="The section's id, e.g. 2.a.")
@click.option(
    "--paragraph",
    type=click.IntRange(min=1),
    metavar="K",
    help="The section's K-th block, from 1 (lists, tables and notes count) [default: "
    "the whole section].",
)
@click.option("-m", "--message", required=True, help="The comment.")
@author_option("Who comments.")
@pass_env
def comment_command(
    env: Env, version_id: int, section: str, paragraph: int | None, message: str, author: str
) -> None:
    """Comment on a section of version N, or on one of its paragraphs.

    The comment follows its paragraph into later versions, and is shown as
    outdated there once the paragraph's words change.
    """
    comment = reviews.add_comment(
        env.store,
        version_id,
        section=section,
        block_index=paragraph - 1 if paragraph is not None else None,
        author=author,
        text=message,
    )
    console.print(
        f"Comment {comment.id} on v{version_id} {comment.where} by {comment.author}.",
        markup=False,
        soft_wrap=True,
    )


def _comment_data(comment: reviews.Comment) -> dict[str, Any]:
    data = asdict(comment)
    data["created_at"] = comment.created_at.isoformat(timespec="seconds")
    data["where"] = comment.where
    data["status_text"] = comment.status_text
    return data


@review_group.command("show")
@click.argument("version_id", metavar="N", type=int)
@click.option("--json", "as_json", is_flag=True, help="The state, its history and the comments.")
@pass_env
def show_command(env: Env, version_id: int, as_json: bool) -> None:
    """Version N's review: its state now, every state it was in, and the comments on it.

    Comments made on earlier versions of the draft are listed where their
    paragraph is now, marked outdated where its words changed since.
    """
    version, _ = load_version(env.store, version_id)
    history = notes_as_shown(env.store, version_id, reviews.review_history(env.store, version_id))
    comments = comments_as_shown(env.store, version_id)
    state = history[-1].state if history else None
    cleared = reviews.cleared_ancestor(env.store, version_id)
    if as_json:
        payload = {
            "version": version_id,
            "label": version.label,
            "state": state,
            "supersedes_cleared": cleared,
            "history": [
                {**asdict(s), "created_at": s.created_at.isoformat(timespec="seconds")}
                for s in history
            ],
            "comments": [_comment_data(c) for c in comments],
        }
        click.echo(json_for_terminal(json.dumps(payload, ensure_ascii=False, indent=2)))
        return
    now = {"in_review": "in review"}.get(state or "", state or "not in review")
    console.print(f"{version.label}: {now}", markup=False, soft_wrap=True)
    if cleared is not None:
        console.print(f"supersedes cleared v{cleared}", markup=False)
    if history:
        table = Table(title="Review", title_justify="left")
        for column in ("when (UTC)", "state", "by", "comment"):
            table.add_column(column, overflow="fold")
        for step in history:
            table.add_row(
                f"{step.created_at:%Y-%m-%d %H:%M}",
                step.state.replace("_", " "),
                # What a person typed is text, never markup or terminal controls.
                escape(for_terminal(step.author)),
                escape(for_terminal(step.comment)),
            )
        console.print(table)
    if not comments:
        console.print("No comments.")
        return
    console.print("Comments:")
    for c in comments:
        here = ""
        if c.status != "removed" and (c.at_section, c.at_index) != (c.section, c.block_index):
            part = f" ¶{c.at_index + 1}" if c.at_index is not None else ""
            here = f", now §{c.at_section}{part}"
        mark = f" [{c.status_text}]" if c.status_text else ""
        made = f"v{c.version_id} " if c.version_id != version_id else ""
        console.print(
            f"  #{c.id} {made}{c.where}{here} by {for_terminal(c.author)}, "
            f"{c.created_at:%Y-%m-%d}{mark}: {for_terminal(c.text)}",
            markup=False,
            soft_wrap=True,
        )
