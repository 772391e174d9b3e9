"""Section-aware, word-level diffs between two report documents, and why they differ.

A diff is computed from two `Report` trees only. Sections are matched by
stable id (then, within one edition, by title); within a matched section the
blocks are aligned first (unchanged, added, removed, moved, changed) and only
changed blocks are diffed word by word. Aligning blocks before words is what
keeps a 300-page diff fast: the word diff runs on a few short paragraphs, not
on the whole text.

Each changed, added or removed block is explained by the citations in the two
trees (record added, revised r → r', withdrawn or no longer cited). Nothing
here reads the store's records: a diff of two public drafts can only show
text from those two public drafts.

This module is the engine: block alignment, section matching, explanations,
and the refusal of a diff across report types or countries unless forced.
The result types and `apply` (which rebuilds the newer tree from the older
one and the diff) are in compiler/history/changes.py, word and sequence edit
scripts in compiler/history/textdiff.py, which versions to compare and what
two drafts are to each other in compiler/history/compare.py; the names
other modules use are re-exported here.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from difflib import SequenceMatcher
from typing import Any

from ..document import Cite, Report, Section
from ..errors import HrdraftError
from ..store import Store
from ..words import article
from .changes import (
    ITEM_FIELDS,
    TEXT_FIELDS,
    BlockOp,
    Explanation,
    FieldDiff,
    ReportDiff,
    SectionDiff,
    SectionPlace,
    SectionStatus,
    apply,
    field_diffs,
)
from .compare import comparison_notes, previous_year_version, unlike_drafts
from .refilter import load_for_output
from .textdiff import ItemOp, Span, diff_text, tokenize
from .versions import Version

__all__ = [
    "BlockOp",
    "Explanation",
    "FieldDiff",
    "ItemOp",
    "ReportDiff",
    "SectionDiff",
    "SectionPlace",
    "Span",
    "align_blocks",
    "apply",
    "comparison_notes",
    "diff_reports",
    "diff_text",
    "diff_versions",
    "previous_year_version",
    "tokenize",
    "version_meta",
]

# -------------------------------------------------------------------------
# Blocks
# -------------------------------------------------------------------------

# Two blocks of the same kind are one changed block, not a removal and an
# addition, when their words are this similar (lower when they cite a record
# in common: the same facts, reworded).
PAIR_THRESHOLD = 0.5
PAIR_THRESHOLD_SHARED_CITE = 0.3


def _cites(block: Any) -> list[Cite]:
    cites = list(getattr(block, "cites", ()))
    for row in getattr(block, "row_cites", ()):
        cites += row
    return cites


def _words(block: Any) -> list[str]:
    parts: list[str] = []
    for name in (*TEXT_FIELDS, *ITEM_FIELDS):
        value = getattr(block, name, None)
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, tuple):
            parts += value
    for row in getattr(block, "rows", ()):
        parts += row
    return [t for t in tokenize(" ".join(parts)) if not t.isspace()]


def _similarity(old: Any, new: Any) -> float:
    a, b = _words(old), _words(new)
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < PAIR_THRESHOLD_SHARED_CITE:
        return 0.0
    if matcher.quick_ratio() < PAIR_THRESHOLD_SHARED_CITE:
        return 0.0
    return matcher.ratio()


def _pairs(
    olds: list[int], news: list[int], a: Sequence[Any], b: Sequence[Any]
) -> list[tuple[int, int]]:
    """Removed and added blocks that are really one changed block, most similar first."""
    scored: list[tuple[float, int, int]] = []
    for i in olds:
        records = {c.record for c in _cites(a[i])}
        for j in news:
            if a[i].kind != b[j].kind:
                continue
            score = _similarity(a[i], b[j])
            shared = bool(records & {c.record for c in _cites(b[j])})
            if score >= (PAIR_THRESHOLD_SHARED_CITE if shared else PAIR_THRESHOLD):
                scored.append((-score, i, j))
    taken_a: set[int] = set()
    taken_b: set[int] = set()
    pairs = []
    for _, i, j in sorted(scored):
        if i not in taken_a and j not in taken_b:
            taken_a.add(i)
            taken_b.add(j)
            pairs.append((i, j))
    return pairs


@dataclass
class _Context:
    """Which record revisions each whole draft cites, to explain block changes."""

    old: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))
    new: dict[str, set[int]] = field(default_factory=lambda: defaultdict(set))


def _explain(old: Any | None, new: Any | None, ctx: _Context) -> tuple[Explanation, ...]:
    before = {c.record: c.revision for c in _cites(old)} if old is not None else {}
    after = {c.record: c.revision for c in _cites(new)} if new is not None else {}
    out: list[Explanation] = []
    for record in dict.fromkeys([*after, *before]):
        r_old, r_new = before.get(record), after.get(record)
        if r_old is not None and r_new is not None:
            change = "unchanged" if r_old == r_new else "revised"
        elif r_new is not None:
            if record in ctx.old:
                revs = ctx.old[record]
                change = "cited" if r_new in revs else "revised"
                r_old = max(revs) if change == "revised" else None
            else:
                change = "added"
        else:
            if record in ctx.new:
                revs = ctx.new[record]
                change = "uncited" if r_old in revs else "revised"
                r_new = max(revs) if change == "revised" else None
            else:
                change = "withdrawn"
        out.append(Explanation(record, change, r_old, r_new))  # type: ignore[arg-type]
    return tuple(out)


def _diff_blocks(a: Sequence[Any], b: Sequence[Any], ctx: _Context) -> tuple[BlockOp, ...]:
    ops: list[BlockOp] = []
    removed: list[int] = []
    added: list[int] = []
    matcher = SequenceMatcher(None, list(a), list(b), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                ops.append(BlockOp("unchanged", a[i].kind, i, j, a[i].model_dump(mode="json")))
        else:
            removed += range(i1, i2)
            added += range(j1, j2)

    # Moved: the same block removed in one place and added in another.
    waiting: dict[Any, list[int]] = defaultdict(list)
    for i in removed:
        waiting[a[i]].append(i)
    moved_a: set[int] = set()
    moved_b: set[int] = set()
    for j in added:
        if waiting.get(b[j]):
            i = waiting[b[j]].pop(0)
            moved_a.add(i)
            moved_b.add(j)
            ops.append(BlockOp("moved", b[j].kind, i, j, a[i].model_dump(mode="json")))

    # Changed: a removed and an added block that are mostly the same words,
    # paired across the whole section so an edited and moved block is found.
    olds = [i for i in removed if i not in moved_a]
    news = [j for j in added if j not in moved_b]
    paired = _pairs(olds, news, a, b)
    for i, j in paired:
        ops.append(
            BlockOp(
                "changed",
                a[i].kind,
                i,
                j,
                a[i].model_dump(mode="json"),
                fields=field_diffs(a[i], b[j]),
                explain=_explain(a[i], b[j], ctx),
            )
        )
    done_a = {i for i, _ in paired}
    done_b = {j for _, j in paired}
    for i in olds:
        if i not in done_a:
            ops.append(
                BlockOp(
                    "removed",
                    a[i].kind,
                    i,
                    None,
                    a[i].model_dump(mode="json"),
                    explain=_explain(a[i], None, ctx),
                )
            )
    for j in news:
        if j not in done_b:
            ops.append(
                BlockOp(
                    "added",
                    b[j].kind,
                    None,
                    j,
                    b[j].model_dump(mode="json"),
                    explain=_explain(None, b[j], ctx),
                )
            )
    return tuple(sorted(ops, key=_reading_order))


def _reading_order(op: BlockOp) -> tuple[float, int]:
    # New order; a removed block right after the block that preceded it in OLD.
    if op.new_index is not None:
        return (op.new_index, 1)
    return (op.old_index - 0.5, 0)  # type: ignore[operator]


def align_blocks(a: Sequence[Any], b: Sequence[Any]) -> list[tuple[int, int]]:
    """(index in `a`, index in `b`) of each block of `a` that is still a block of `b`
    (unchanged, moved or changed), as a diff aligns two versions of one section.

    The three-way merge (compiler/history/merge.py) pairs blocks with this.
    """
    ops = _diff_blocks(a, b, _Context())
    return sorted(
        (op.old_index, op.new_index)
        for op in ops
        if op.old_index is not None and op.new_index is not None
    )


# -------------------------------------------------------------------------
# Sections
# -------------------------------------------------------------------------


def _places(report: Report) -> dict[str, tuple[SectionPlace, Section]]:
    places: dict[str, tuple[SectionPlace, Section]] = {}

    def visit(section: Section, parent: str | None, depth: int) -> None:
        if section.id in places:
            raise HrdraftError(
                f"draft {report.title!r} has two sections with id {section.id!r}",
                "section ids must be unique within a draft",
            )
        place = SectionPlace(section.id, section.number, section.title, parent, depth, len(places))
        places[section.id] = (place, section)
        for child in section.children:
            visit(child, section.id, depth + 1)

    for top in report.sections:
        visit(top, None, 0)
    return places


def _norm_title(title: str) -> str:
    return " ".join(title.casefold().split())


def _match_sections(
    old: dict[str, tuple[SectionPlace, Section]],
    new: dict[str, tuple[SectionPlace, Section]],
    match_titles: bool,
) -> dict[str, str]:
    """old id → new id: by id first, then (within an edition) by unique title."""
    matched = {sid: sid for sid in old if sid in new}
    if match_titles:

        def by_title(
            side: dict[str, tuple[SectionPlace, Section]], taken: Iterable[str]
        ) -> dict[str, str]:
            counts: dict[str, list[str]] = defaultdict(list)
            for sid, (place, _) in side.items():
                if sid not in taken:
                    counts[_norm_title(place.title)].append(sid)
            return {t: ids[0] for t, ids in counts.items() if len(ids) == 1}

        olds = by_title(old, matched)
        news = by_title(new, matched.values())
        for title, sid in olds.items():
            if title in news:
                matched[sid] = news[title]
    return matched


def diff_reports(
    old: Report,
    new: Report,
    *,
    old_meta: dict[str, Any] | None = None,
    new_meta: dict[str, Any] | None = None,
    allow_mixed_audience: bool = False,
    force: bool = False,
) -> ReportDiff:
    """The section-aware diff from `old` to `new`.

    Drafts for different audiences are refused unless `allow_mixed_audience`:
    such a diff shows internal text and is labelled `internal`. Drafts of
    different report types or countries are refused unless `force`: their
    sections do not correspond, and the outputs say so at the top
    (:func:`comparison_notes`). Sections are matched by title as well as by
    id only when both drafts share an edition (across editions, e.g. HRR
    2023 → 2024, only ids match). `old_meta` and `new_meta` describe the
    versions (id, origin, author, ...) for the outputs.
    """
    if old.audience != new.audience and not allow_mixed_audience:
        raise HrdraftError(
            f"refusing to diff {article(old.audience + ' draft')} against "
            f"{article(new.audience + ' draft')}: the diff would show internal text",
            "diff drafts of the same audience, or pass --allow-mixed-audience "
            "(the diff is then labelled internal)",
        )
    if not force and (old.report_type != new.report_type or old.country != new.country):
        raise HrdraftError(
            "refusing to compare "
            + unlike_drafts(old.report_type, old.country, new.report_type, new.country),
            "compare versions of the same report and country (`hrdraft versions list`), "
            "or add --force to compare them anyway (the diff then says so at the top)",
        )
    audience = "internal" if "internal" in (old.audience, new.audience) else "public"
    match_titles = old.edition == new.edition and old.report_type == new.report_type

    ctx = _Context()
    for report, side in ((old, ctx.old), (new, ctx.new)):
        for section in report.walk():
            for block in section.blocks:
                for cite in _cites(block):
                    side[cite.record].add(cite.revision)

    a, b = _places(old), _places(new)
    matched = _match_sections(a, b, match_titles)
    back = {n: o for o, n in matched.items()}

    # Out of order: matched sections off the longest common order.
    old_order = [matched[sid] for sid in a if sid in matched]
    new_order = [sid for sid in b if sid in back]
    in_order: set[str] = set()
    for block in SequenceMatcher(None, old_order, new_order, autojunk=False).get_matching_blocks():
        in_order.update(new_order[block.b : block.b + block.size])

    entries: list[tuple[tuple[float, float], SectionDiff]] = []
    for nid, (place, section) in b.items():
        oid = back.get(nid)
        if oid is None:
            blocks = _diff_blocks((), section.blocks, ctx)
            entries.append(
                ((place.position, 0), SectionDiff(nid, "added", None, place, (), blocks))
            )
            continue
        old_place, old_section = a[oid]
        structure = []
        if old_place.title != place.title:
            structure.append("renamed")
        if oid != nid or old_place.number != place.number:
            structure.append("renumbered")
        if matched.get(old_place.parent or "", None) != place.parent or nid not in in_order:
            structure.append("moved")
        blocks = _diff_blocks(old_section.blocks, section.blocks, ctx)
        status: SectionStatus = (
            "unchanged" if all(op.op == "unchanged" for op in blocks) else "changed"
        )
        entries.append(
            (
                (place.position, 0),
                SectionDiff(nid, status, old_place, place, tuple(structure), blocks),
            )
        )

    # A removed section is listed after the section that preceded it in OLD.
    anchor_pos = -1.0
    for oid, (place, section) in a.items():
        if oid in matched:
            anchor_pos = b[matched[oid]][0].position
            continue
        blocks = _diff_blocks(section.blocks, (), ctx)
        entries.append(
            (
                (anchor_pos, 1 + place.position / 1e6),
                SectionDiff(oid, "removed", place, None, (), blocks),
            )
        )

    sections = _moves_between_sections(
        tuple(entry for _, entry in sorted(entries, key=lambda e: e[0]))
    )
    return ReportDiff(
        old=_meta(old, old_meta),
        new=_meta(new, new_meta),
        audience=audience,
        header=_header(old, new),
        sections=sections,
        records=_record_summary(ctx),
        match_titles=match_titles,
    )


def _moves_between_sections(sections: tuple[SectionDiff, ...]) -> tuple[SectionDiff, ...]:
    """Mark a cited block removed from one section and added, identical, to another.

    The two ops stay a removal and an addition (so `apply` is unchanged); they
    name each other's section. Only blocks that cite records are paired: an
    uncited stock sentence ("Not applicable.") in two sections is no move.
    """

    def key(op: BlockOp) -> str | None:
        if not (op.block.get("cites") or op.block.get("row_cites")):
            return None
        return json.dumps(op.block, sort_keys=True, ensure_ascii=False, default=str)

    removed: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for si, section in enumerate(sections):
        for oi, op in enumerate(section.blocks):
            if op.op == "removed" and (k := key(op)) is not None:
                removed[k].append((si, oi))
    marks: dict[tuple[int, int], dict[str, str]] = {}
    for si, section in enumerate(sections):
        for oi, op in enumerate(section.blocks):
            if op.op != "added" or (k := key(op)) is None:
                continue
            for n, (rsi, roi) in enumerate(removed.get(k, ())):
                if rsi != si:
                    del removed[k][n]
                    source = sections[rsi]
                    marks[(si, oi)] = {"moved_from": (source.old or source.place).id}
                    marks[(rsi, roi)] = {"moved_to": section.place.id}
                    break
    if not marks:
        return sections
    return tuple(
        replace(
            section,
            blocks=tuple(
                replace(op, **marks[(si, oi)]) if (si, oi) in marks else op
                for oi, op in enumerate(section.blocks)
            ),
        )
        if any(spot[0] == si for spot in marks)
        else section
        for si, section in enumerate(sections)
    )


def _meta(report: Report, extra: dict[str, Any] | None) -> dict[str, Any]:
    meta: dict[str, Any] = {
        "version": None,
        "report_type": report.report_type,
        "edition": report.edition,
        "country": report.country,
        "year": report.year,
        "audience": report.audience,
        "title": report.title,
        "language": report.language,
    }
    meta.update(extra or {})
    return meta


def _header(old: Report, new: Report) -> dict[str, tuple[Any, Any]]:
    a = old.model_dump(mode="json", exclude={"sections"})
    b = new.model_dump(mode="json", exclude={"sections"})
    return {k: (a[k], b[k]) for k in a if a[k] != b[k]}


def _record_summary(ctx: _Context) -> tuple[Explanation, ...]:
    out: list[Explanation] = []
    for record in sorted(set(ctx.old) | set(ctx.new)):
        before, after = ctx.old.get(record), ctx.new.get(record)
        if before and after:
            if before != after:
                out.append(Explanation(record, "revised", max(before), max(after)))
        elif after:
            out.append(Explanation(record, "added", None, max(after)))
        elif before:
            out.append(Explanation(record, "withdrawn", max(before), None))
    return tuple(out)


# -------------------------------------------------------------------------
# Versions
# -------------------------------------------------------------------------


def version_meta(version: Version) -> dict[str, Any]:
    """What a diff says about one side: the version's id, label, origin and author."""
    return {
        "version": version.id,
        "label": version.label,
        "section": version.section,
        "origin": version.origin,
        "author": version.author,
        "message": version.message,
        "parent_id": version.parent_id,
        "created_at": version.created_at.isoformat(timespec="seconds"),
    }


def diff_versions(
    store: Store,
    old_id: int,
    new_id: int,
    *,
    allow_mixed_audience: bool = False,
    force: bool = False,
) -> ReportDiff:
    """Load two stored versions and diff them (imported and compiled alike).

    `allow_mixed_audience` and `force` are those of :func:`diff_reports`.
    """
    # Both as they may be shown today: a withdrawal reaches every old version.
    old_version, old = load_for_output(store, old_id)
    new_version, new = load_for_output(store, new_id)
    return diff_reports(
        old,
        new,
        old_meta=version_meta(old_version),
        new_meta=version_meta(new_version),
        allow_mixed_audience=allow_mixed_audience,
        force=force,
    )
