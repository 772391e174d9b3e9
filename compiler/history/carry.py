"""A compile's side of the three-way merge: the reviewer's edits carried onto new records.

When the newest version of a draft (same report type, country, year,
audience, section and edition) was not compiled (a reviewer's import, a
resolution, or an earlier merge), a compile stores its pure compiled version
as always, then :func:`carry_forward` stores a merged one
(compiler/history/merge.py): ours the reviewer's version, base the compiled
version it started from, theirs the new compile. The merged version (origin
``merged``, author the compiling user) records all three: ``parent_id`` is
ours, ``base_id`` and ``theirs_id`` the other two.

Do no harm holds for the result: the three trees are read as the current
records allow them to be shown (``refilter.view``), the merged tree goes
through that filter again, and every block of the reviewer's text it keeps
is checked as an import is checked (``export.protection_problem``): one that
names a person who may not be named, or brings back a withdrawn passage, is
not carried over (the records' text stands there, and the compile says so).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..document import Block, Conflict, Report, Section
from ..store import Store
from ..store.audit import current_user
from ..words import plural
from .export import protection_problem
from .merge import conflicts_in, merge_reports, sources_cited
from .refilter import View, load_for_output, view
from .versions import Version, list_versions, load_version, save_merged

__all__ = ["BY_HAND", "Carried", "carry_forward", "merge_base", "newest_of"]

# Versions a person made (a merge carries one): the next compile merges onto them.
BY_HAND = ("imported", "resolved", "merged")


@dataclass(frozen=True)
class Carried:
    """What a compile did with the reviewer's version on top of its draft.

    `merged` is None when the records did not change since the reviewer's
    base: the reviewer's version stays the current one. `dropped` says
    which of the reviewer's passages the do-no-harm check kept out.
    """

    reviewer: Version
    base: Version
    compiled: Version
    merged: Version | None = None
    new: bool = False
    conflicts: int = 0
    dropped: tuple[str, ...] = ()

    @property
    def current(self) -> Version:
        """The version the compile's drafts are written from."""
        return self.merged or self.reviewer


def newest_of(store: Store, version: Version) -> Version | None:
    """The newest version of `version`'s draft (same report, country, year, audience,
    section and edition) besides `version` itself."""
    same = list_versions(
        store,
        report_type=version.report_type,
        country=version.country,
        year=version.year,
        audience=version.audience,
        section=version.section,
    )
    same = [v for v in same if v.edition == version.edition and v.id != version.id]
    return same[-1] if same else None


def merge_base(store: Store, version: Version) -> Version | None:
    """The compiled version a hand-made `version` descends from: for an import, the
    version it was imported on; for a merge, its new compile; else its parent's base."""
    seen: set[int] = set()
    current: Version | None = version
    while current is not None and current.id not in seen:
        seen.add(current.id)
        if current.origin == "compiled":
            return current
        step = current.theirs_id if current.origin == "merged" else current.parent_id
        current = load_version(store, step)[0] if step is not None else None
    return None


def _unsafe(block: Block, shown: View, withdrawn: tuple[str, ...]) -> str | None:
    return protection_problem(block, shown, withdrawn)


def _checked(
    merged: Report, shown: View, withdrawn: tuple[str, ...], theirs: Report
) -> tuple[Report, list[str]]:
    """The merged tree without the reviewer's passages an import would refuse."""
    compiled = {b for s in theirs.walk() for b in s.blocks}
    dropped: list[str] = []

    def visit(section: Section) -> Section:
        blocks: list[Block] = []
        for block in section.blocks:
            if isinstance(block, Conflict):
                reasons = [
                    r for b in block.reviewer if (r := _unsafe(b, shown, withdrawn)) is not None
                ]
                if reasons:
                    dropped.append(
                        f"section {section.id}: the reviewer's text of conflict {block.id} "
                        f"{reasons[0]}; the new text from the records stands"
                    )
                    blocks += block.records
                    continue
            elif block not in compiled and (reason := _unsafe(block, shown, withdrawn)):
                dropped.append(
                    f"section {section.id}: a passage of the reviewer's {reason}; left out"
                )
                continue
            blocks.append(block)
        return section.model_copy(
            update={"blocks": tuple(blocks), "children": tuple(visit(c) for c in section.children)}
        )

    sections = tuple(visit(s) for s in merged.sections)
    if not dropped:
        return merged, dropped
    return sources_cited(merged.model_copy(update={"sections": sections})), dropped


def carry_forward(store: Store, compiled: Version, *, author: str = "") -> Carried | None:
    """Merge the reviewer's version on top of `compiled`'s draft with it, if there is one.

    None when the draft's newest version besides `compiled` is compiled
    (nothing to carry).
    Otherwise the reviewer's version stays current when the compile's text
    is its base's (the same version, or the same text compiled again), or a merged
    version is stored (once: the same merge again returns the stored one).
    """
    ours = newest_of(store, compiled)
    if ours is None or ours.origin not in BY_HAND:
        return None
    base = merge_base(store, ours)
    if base is None:
        return None
    # The records (or the code) moved, the text did not: nothing to carry.
    if base.content_hash == compiled.content_hash or compiled.origin != "compiled":
        return Carried(ours, base, compiled)
    # Each tree as the records allow it to be shown today.
    base_view = view(store, load_version(store, base.id)[1])
    ours_view = view(store, load_version(store, ours.id)[1])
    _, theirs = load_for_output(store, compiled.id)
    result = merge_reports(
        base_view.report,
        ours_view.report,
        theirs,
        reviewer_version=ours.id,
        records_version=compiled.id,
    )
    shown = view(store, result.report)
    withdrawn = (*base_view.withdrawn, *ours_view.withdrawn)
    report, dropped = _checked(shown.report, shown, withdrawn, theirs)
    conflicts = len(conflicts_in(report))
    what = f"the reviewer's v{ours.id} with the new compile v{compiled.id}"
    metadata = {k: v for k, v in report.metadata.items() if k != "based_on"}
    metadata.update({"origin": "merged", "merged": what})
    if conflicts:
        metadata["conflicts"] = conflicts
    report = Report.model_validate_json(
        report.model_copy(update={"metadata": metadata}).model_dump_json()
    )
    message = f"merged {what}: {plural(conflicts, 'conflict')}"
    merged, new = save_merged(
        store,
        report,
        reviewer=ours,
        base=base,
        theirs=compiled,
        author=author or current_user()["user"],
        message=message,
    )
    return Carried(ours, base, compiled, merged, new, conflicts, tuple(dropped))
