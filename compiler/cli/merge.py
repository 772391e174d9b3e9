"""`hrdraft versions conflicts` and `hrdraft versions resolve`: a merge's conflicts, settled.

A compile that carries a reviewer's edits onto new records (a merged
version) marks a conflict where both changed one passage differently
(docs/diff.md, "Carrying the reviewer's edits forward"). These commands list
a version's conflicts and make a new version (origin ``resolved``) with one
side's text chosen for some or all of them; the version itself stays as it
is, as every version does.
"""

from __future__ import annotations

import hashlib
import json

import click

from ..document import Block, Conflict, Report
from ..errors import HrdraftError, NotFoundError
from ..history.merge import conflicts_in, resolve_conflicts
from ..history.refilter import load_for_output
from ..history.versions import save_version
from ..prose import section_label
from ..terminal import json_for_terminal
from ..words import plural, plural_noun
from . import Env, console, pass_env
from .review import author_option
from .versions import versions_group

# How much of each side `versions conflicts` prints.
SHORT = 160


def _text(block: Block) -> str:
    """A block's words in one line, as a listing shows them."""
    if hasattr(block, "items"):
        words = " · ".join(block.items)  # type: ignore[attr-defined]
    elif hasattr(block, "rows"):
        words = " · ".join([block.caption, *(" ".join(r) for r in block.rows)])  # type: ignore[attr-defined]
    else:
        words = getattr(block, "text", "")
    return " ".join(words.split())


def side_text(blocks: tuple[Block, ...], deleted: str, limit: int | None = SHORT) -> str:
    """One side of a conflict, shortened to `limit` characters."""
    if not blocks:
        return deleted
    text = " ¶ ".join(_text(b) for b in blocks)
    return text if limit is None or len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _labels(sections, above=()):  # type: ignore[no-untyped-def]
    """Each section's id → its full label, as the redlines print it ("2.a Freedom of the Press")."""
    out: dict[str, str] = {}
    for section in sections:
        path = (*above, section)
        out[section.id] = (
            section.heading if len(path) == 1 else f"{section_label(path)} {section.title}"
        )
        out.update(_labels(section.children, path))
    return out


def _conflicts(report: Report) -> list[tuple[str, str, Conflict]]:
    labels = _labels(report.sections)
    return [(s.id, labels.get(s.id, s.heading), c) for s, c in conflicts_in(report)]


@versions_group.command("conflicts")
@click.argument("version_id", metavar="ID", type=int)
@click.option("--json", "as_json", is_flag=True, help="The conflicts as JSON, both sides whole.")
@pass_env
def conflicts_command(env: Env, version_id: int, as_json: bool) -> None:
    """List a merged version's conflicts: section, id, and both texts (shortened)."""
    version, report = load_for_output(env.store, version_id)
    found = _conflicts(report)
    if as_json:
        rows = [
            {
                "id": c.id,
                "section": sid,
                "reviewer_version": c.reviewer_version,
                "records_version": c.records_version,
                "reviewer": [b.model_dump(mode="json") for b in c.reviewer],
                "records": [b.model_dump(mode="json") for b in c.records],
            }
            for sid, _, c in found
        ]
        click.echo(json_for_terminal(json.dumps(rows, ensure_ascii=False, indent=2)))
        return
    if not found:
        console.print(f"v{version.id} has no conflicts.", markup=False)
        return
    console.print(f"v{version.id}: {plural(len(found), 'conflict')}", markup=False)
    for _, heading, c in found:
        mine = f" (v{c.reviewer_version})" if c.reviewer_version else ""
        theirs = f" (v{c.records_version})" if c.records_version else ""
        # What a reviewer or a record wrote is text, never markup.
        for line in (
            f"Conflict {c.id}, in {heading}",
            f"  reviewer's text{mine}: " + side_text(c.reviewer, "(deleted by the reviewer)"),
            f"  new text from the records{theirs}: "
            + side_text(c.records, "(no longer in the records)"),
        ):
            console.print(line, markup=False, highlight=False, soft_wrap=True)
    console.print(
        f"Resolve: hrdraft versions resolve {version.id} --take reviewer|records "
        "[--conflict ID ...]",
        markup=False,
    )


@versions_group.command("resolve")
@click.argument("version_id", metavar="ID", type=int)
@click.option(
    "--take",
    type=click.Choice(["reviewer", "records"]),
    required=True,
    help="Whose text each chosen conflict keeps: the reviewer's or the new one from the records.",
)
@click.option(
    "--conflict",
    "ids",
    multiple=True,
    metavar="ID",
    help="A conflict to resolve (repeatable) [default: every conflict of the version].",
)
@author_option("Who chose: recorded on the new version.")
@click.option("--message", default="", help="Why [default: which conflicts, which side].")
@pass_env
def resolve_command(
    env: Env, version_id: int, take: str, ids: tuple[str, ...], author: str, message: str
) -> None:
    """Save a new version of ID with conflicts resolved by taking one side's text.

    The new version's origin is `resolved` and its parent ID; ID itself is
    not changed. Conflicts not named stay as they are.
    """
    version, report = load_for_output(env.store, version_id)
    found = _conflicts(report)
    if not found:
        raise HrdraftError(
            f"v{version.id} has no conflicts to resolve",
            "`hrdraft versions list` shows the merged versions (origin merged)",
        )
    known = [c.id for _, _, c in found]
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise NotFoundError(
            f"v{version.id} has no conflict {unknown[0]}",
            f"its conflicts: {', '.join(known)} (`hrdraft versions conflicts {version.id}`)",
        )
    resolved, done = resolve_conflicts(report, take, set(ids) if ids else None)  # type: ignore[arg-type]
    left = len(found) - len(done)
    whose = "the reviewer's text" if take == "reviewer" else "the new text from the records"
    what = f"{plural_noun(len(done), 'conflict')} {', '.join(done)} of v{version.id}: {whose}"
    metadata = {k: v for k, v in resolved.metadata.items() if k != "conflicts"}
    metadata.update({"origin": "resolved", "resolved": what})
    if left:
        metadata["conflicts"] = left
    resolved = Report.model_validate_json(
        resolved.model_copy(update={"metadata": metadata}).model_dump_json()
    )
    saved = save_version(
        env.store,
        resolved,
        fingerprint=hashlib.sha256(f"resolve {version.id} {take} {done}".encode()).hexdigest(),
        section=version.section,
        origin="resolved",
        author=author,
        message=message or f"resolved {what}",
        parent_id=version.id,
    )
    console.print(
        f"Saved v{saved.id} (resolved, from v{version.id}) by {author}: {what}; "
        f"{plural(left, 'conflict')} left.",
        markup=False,
        soft_wrap=True,
    )
    console.print(f"See the changes: hrdraft diff {version.id} {saved.id}", markup=False)
