"""Three-way merge of draft trees: a reviewer's edits carried onto a new compile.

``merge_reports(base, ours, theirs)``: `base` is the compiled version a
reviewer started from, `ours` the reviewer's version (an import, or an
earlier merge), `theirs` the new compile from the records. Sections are the
edition's outline, matched by id. Blocks are paired base↔ours and
base↔theirs as a diff pairs them (``align_blocks`` in
compiler/history/diff.py: identical, moved, or alike in words and cited
records), first within each section, then across sections (a reviewer's
move to another section, a record that now belongs elsewhere: identical,
or citing a record in common). Then, block by block:

* changed by one side only: that side's text, or its deletion;
* changed alike by both: taken once;
* changed differently by both, or changed by one side and deleted by the
  other: a :class:`~hrdraft.document.Conflict` holding both texts, where
  the block was;
* new on one side: kept, where that side put it (after the nearest
  preceding block that survives).

Where the blocks go is a three-way merge of each section's order (diff3
over block identities): a stretch only one side reordered takes that
side's order; a stretch both reordered takes the reviewer's, with the
records' new blocks after their predecessors. A block both sides moved
goes where the reviewer put it. A move is not a change of text: a block
the reviewer only moved and the records deleted is deleted (its record
was withdrawn, or no longer belongs in the draft).

A conflict left by an earlier merge (the reviewer has not resolved it)
stays a conflict; its records' side is refreshed when the records change
again. Pure: trees in, tree out; nothing here reads the store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

from ..document import Block, Conflict, Report, Section, SourceEntry
from .diff import align_blocks

__all__ = ["MergeResult", "conflicts_in", "merge_reports", "resolve_conflicts", "sources_cited"]

Side = Literal["reviewer", "records"]
# A block's identity across the three trees: ("b", i) a base block (as each
# side has it now), ("o", i) one only the reviewer added, ("t", i) one only
# the records added (or both added, identical: then ("o", i) on both sides).
Token = tuple[str, int]
_MISSING: Any = object()


@dataclass(frozen=True)
class MergeResult:
    """The merged tree and its conflicts (new and carried over), in document order."""

    report: Report
    conflicts: tuple[Conflict, ...]


@dataclass(frozen=True)
class _Slot:
    section: str
    block: Block


def _slots(report: Report) -> list[_Slot]:
    return [_Slot(s.id, b) for s in report.walk() for b in s.blocks]


def _records(block: Any) -> set[str]:
    found = {c.record for c in getattr(block, "cites", ())}
    for row in getattr(block, "row_cites", ()):
        found.update(c.record for c in row)
    return found


# -------------------------------------------------------------------------
# Which block is which: base ↔ one side
# -------------------------------------------------------------------------


def _align(a: list[_Slot], b: list[_Slot]) -> dict[int, int]:
    """Index in `a` → index in `b` of the blocks that are one block in two versions."""
    by_a: dict[str, list[int]] = defaultdict(list)
    by_b: dict[str, list[int]] = defaultdict(list)
    for i, slot in enumerate(a):
        by_a[slot.section].append(i)
    for j, slot in enumerate(b):
        by_b[slot.section].append(j)
    pairs: dict[int, int] = {}
    for section, ia in by_a.items():
        ib = by_b.get(section, [])
        # An unresolved conflict stands where the block was: it is that block,
        # as the compile it was merged with had it (its records' side).
        for j in ib:
            block = b[j].block
            if isinstance(block, Conflict) and all(a[i].block != block for i in ia):
                i = next((i for i in ia if i not in pairs and a[i].block in block.records), None)
                if i is not None:
                    pairs[i] = j
        done = set(pairs.values())
        rest_a = [i for i in ia if i not in pairs]
        rest_b = [j for j in ib if j not in done]
        for x, y in align_blocks([a[i].block for i in rest_a], [b[j].block for j in rest_b]):
            pairs[rest_a[x]] = rest_b[y]
    # Across sections: what is left on both sides, paired the same way; a pair
    # counts when identical or built from a record in common (two stock
    # sentences alike in words are not one block moved).
    done = set(pairs.values())
    rest_a = [i for i in range(len(a)) if i not in pairs]
    rest_b = [j for j in range(len(b)) if j not in done]
    if rest_a and rest_b:
        for x, y in align_blocks([a[i].block for i in rest_a], [b[j].block for j in rest_b]):
            one, other = a[rest_a[x]].block, b[rest_b[y]].block
            if one == other or _records(one) & _records(other):
                pairs[rest_a[x]] = rest_b[y]
    return pairs


# -------------------------------------------------------------------------
# Where blocks go: diff3 over each section's order
# -------------------------------------------------------------------------


def _matching(a: Sequence[Token], b: Sequence[Token]) -> dict[int, int]:
    matcher = SequenceMatcher(None, list(a), list(b), autojunk=False)
    return {m.a + k: m.b + k for m in matcher.get_matching_blocks() for k in range(m.size)}


def _chunk(b: list[Token], o: list[Token], t: list[Token]) -> Iterator[tuple[Token, str]]:
    """One stretch where the sides do not all agree: the side that changed it wins."""
    if o == b:
        yield from ((x, "t") for x in t)
    elif t == b or o == t:
        yield from ((x, "o") for x in o)
    else:
        # Both changed this stretch: the reviewer's order, less the base's blocks
        # the records took out of it (deleted, or moved elsewhere), and each block
        # the records brought in after the block that precedes it in theirs.
        out: list[tuple[Token, str]] = [(x, "o") for x in o if x not in b or x in t]
        for n, x in enumerate(t):
            if x in b or any(x == y for y, _ in out):
                continue
            at = 0
            for before in reversed(t[:n]):
                spot = next((k for k, (y, _) in enumerate(out) if y == before), None)
                if spot is not None:
                    at = spot + 1
                    break
            out.insert(at, (x, "t"))
        yield from out


def _diff3(b: list[Token], o: list[Token], t: list[Token]) -> list[tuple[Token, str]]:
    """A section's merged order, each token with where it came from ("s" all agree)."""
    m_o, m_t = _matching(b, o), _matching(b, t)
    out: list[tuple[Token, str]] = []
    lb = lo = lt = 0
    while True:
        k = 0
        while lb + k < len(b) and m_o.get(lb + k) == lo + k and m_t.get(lb + k) == lt + k:
            k += 1
        if k:
            out += [(x, "s") for x in b[lb : lb + k]]
            lb, lo, lt = lb + k, lo + k, lt + k
            continue
        nxt = next((j for j in range(lb, len(b)) if j in m_o and j in m_t), None)
        if nxt is None:
            out += _chunk(b[lb:], o[lo:], t[lt:])
            return out
        out += _chunk(b[lb:nxt], o[lo : m_o[nxt]], t[lt : m_t[nxt]])
        lb, lo, lt = nxt, m_o[nxt], m_t[nxt]


# -------------------------------------------------------------------------
# What each block says
# -------------------------------------------------------------------------


def _side(block: Block | None, which: str) -> tuple[Any, ...]:
    if block is None:
        return ()
    if isinstance(block, Conflict):
        return getattr(block, which)
    return (block,)


def _decide(
    b: Block, o: Block | None, t: Block | None, records_version: int | None
) -> Block | None:
    """A base block as the merge has it: one side's text, a conflict, or None (deleted)."""
    if o == t:
        return o
    if o == b:
        return t
    if t == b:
        return o
    if isinstance(o, Conflict) and not isinstance(t, Conflict):
        # Still unresolved, and the records moved on: the new records' text.
        if t is not None and o.reviewer == (t,):
            return t  # the records now say what the reviewer wrote
        return o.model_copy(
            update={"records": _side(t, "records"), "records_version": records_version}
        )
    return Conflict(
        id="",
        reviewer=_side(o, "reviewer"),
        records=_side(t, "records"),
        base=_side(b, "base"),
    )


def _pick(base: Any, ours: Any, theirs: Any) -> Any:
    """One value three ways: the side that changed it; the records' when both did."""
    if ours == base:
        return theirs
    if theirs == base:
        return ours
    return theirs


def _skeleton(sections: Sequence[Section]) -> tuple[Any, ...]:
    return tuple((s.id, s.number, s.title, _skeleton(s.children)) for s in sections)


def _number_conflicts(
    sections: dict[str, list[Block]], order: list[str], versions: tuple[int | None, int | None]
) -> None:
    """New conflicts get the next free numbers, in document order; carried ones keep theirs."""
    used = [
        int(b.id)
        for sid in order
        for b in sections[sid]
        if isinstance(b, Conflict) and b.id.isdigit()
    ]
    number = max(used, default=0)
    for sid in order:
        for n, block in enumerate(sections[sid]):
            if isinstance(block, Conflict) and not block.id:
                number += 1
                sections[sid][n] = block.model_copy(
                    update={
                        "id": str(number),
                        "reviewer_version": versions[0],
                        "records_version": versions[1],
                    }
                )


def merge_reports(
    base: Report,
    ours: Report,
    theirs: Report,
    *,
    reviewer_version: int | None = None,
    records_version: int | None = None,
) -> MergeResult:
    """Carry the reviewer's edits (`ours`, made on `base`) onto the new compile `theirs`.

    See the module docstring for the rules. `reviewer_version` and
    `records_version` (the ids of `ours` and `theirs`, when stored) label
    the two sides of each new conflict. ``merge_reports(base, base, t)`` is
    `t` and ``merge_reports(base, o, base)`` is `o`.
    """
    b_slots, o_slots, t_slots = _slots(base), _slots(ours), _slots(theirs)
    b_to_o, b_to_t = _align(b_slots, o_slots), _align(b_slots, t_slots)
    o_base = {o: b for b, o in b_to_o.items()}
    t_base = {t: b for b, t in b_to_t.items()}
    o_tok: list[Token] = [
        ("b", o_base[m]) if m in o_base else ("o", m) for m in range(len(o_slots))
    ]
    t_tok: list[Token] = [
        ("b", t_base[j]) if j in t_base else ("t", j) for j in range(len(t_slots))
    ]
    # A block both sides added, identical and in the same section, is one block.
    for j, token in enumerate(t_tok):
        if token[0] != "t":
            continue
        for m, mine in enumerate(o_tok):
            slot = o_slots[m]
            if (
                mine[0] == "o"
                and mine not in t_tok
                and slot.section == t_slots[j].section
                and slot.block == t_slots[j].block
            ):
                t_tok[j] = mine
                break

    tree = ours if _skeleton(theirs.sections) == _skeleton(base.sections) else theirs
    order = [s.id for s in tree.walk()]

    def sequence(slots: list[_Slot], tokens: list[Token], section: str) -> list[Token]:
        return [tok for slot, tok in zip(slots, tokens, strict=True) if slot.section == section]

    b_tok: list[Token] = [("b", i) for i in range(len(b_slots))]
    seqs = {
        sid: (
            sequence(b_slots, b_tok, sid),
            sequence(o_slots, o_tok, sid),
            sequence(t_slots, t_tok, sid),
        )
        for sid in order
    }
    placed: dict[str, list[tuple[Token, str]]] = {}
    for sid in order:
        b_s, o_s, t_s = (set(seq) for seq in seqs[sid])
        # A side that took a base block out of this section (deleted it, or
        # moved it to another) outranks the other side merely reordering it here.
        placed[sid] = [
            (tok, source)
            for tok, source in _diff3(*seqs[sid])
            if not (tok in b_s and tok not in (t_s if source == "o" else o_s) and source != "s")
        ]

    # A block both sides moved, to different places, goes where the reviewer put it.
    rank = {"s": 0, "o": 1, "t": 2}
    best: dict[Token, tuple[int, str, int]] = {}
    for sid in order:
        for n, (tok, source) in enumerate(placed[sid]):
            here = (rank[source], sid, n)
            if tok not in best or here[0] < best[tok][0]:
                best[tok] = here
    merged: dict[str, list[Token]] = {
        sid: [tok for n, (tok, _) in enumerate(placed[sid]) if best[tok][1:] == (sid, n)]
        for sid in order
    }

    o_at = {tok: m for m, tok in enumerate(o_tok)}
    t_at = {tok: j for j, tok in enumerate(t_tok)}

    def content(tok: Token) -> Block | None:
        kind, index = tok
        if kind == "o":
            return o_slots[index].block
        if kind == "t":
            return t_slots[index].block
        o = o_slots[o_at[tok]].block if tok in o_at else None
        t = t_slots[t_at[tok]].block if tok in t_at else None
        return _decide(b_slots[index].block, o, t, records_version)

    # A block deleted from one side's order but kept by the merge (a conflict
    # of a change and a deletion) goes where the side that kept it has it.
    for tok in b_tok:
        if tok in best or content(tok) is None:
            continue
        at_o = o_at.get(tok)
        slots, tokens, at = (
            (o_slots, o_tok, at_o) if at_o is not None else (t_slots, t_tok, t_at.get(tok))
        )
        if at is None:
            # Deleted by both from their orders: where the base had it.
            slots, tokens, at = b_slots, b_tok, tok[1]
        section = slots[at].section
        if section not in merged:
            continue
        row = merged[section]
        spot = 0
        for before in reversed(sequence(slots[:at], tokens[:at], section)):
            if before in row:
                spot = row.index(before) + 1
                break
        row.insert(spot, tok)
        best[tok] = (0, section, spot)

    blocks: dict[str, list[Block]] = {
        sid: [c for c in (content(tok) for tok in merged[sid]) if c is not None] for sid in order
    }
    _number_conflicts(blocks, order, (reviewer_version, records_version))

    def build(section: Section) -> Section:
        return section.model_copy(
            update={
                "blocks": tuple(blocks[section.id]),
                "children": tuple(build(c) for c in section.children),
            }
        )

    sections = tuple(build(s) for s in tree.sections)
    report = _header(base, ours, theirs).model_copy(update={"sections": sections})
    report = report.model_copy(update=_sources_and_counts(base, ours, theirs, report))
    found = tuple(b for s in report.walk() for b in s.blocks if isinstance(b, Conflict))
    return MergeResult(report, found)


def _header(base: Report, ours: Report, theirs: Report) -> Report:
    fields = set(Report.model_fields) - {"sections", "sources", "metadata"}
    values = {f: _pick(getattr(base, f), getattr(ours, f), getattr(theirs, f)) for f in fields}
    metadata: dict[str, int | str] = {}
    for key in dict.fromkeys([*theirs.metadata, *ours.metadata]):
        value = _pick(
            base.metadata.get(key, _MISSING),
            ours.metadata.get(key, _MISSING),
            theirs.metadata.get(key, _MISSING),
        )
        if value is not _MISSING:
            metadata[key] = value
    return theirs.model_copy(update={**values, "metadata": metadata})


def _cited(report: Report) -> set[str]:
    return {r for s in report.walk() for b in s.blocks for r in _records(b)}


def _sources_and_counts(base: Report, ours: Report, theirs: Report, merged: Report) -> dict:
    """The Sources list of the records the merged tree cites, each entry as merged three ways."""
    entries = [{e.record: e for e in r.sources} for r in (base, ours, theirs)]
    first = ours if theirs.sources == base.sources else theirs
    cited = _cited(merged)
    sources: list[SourceEntry] = []
    for record in dict.fromkeys(e.record for r in (first, ours, theirs, base) for e in r.sources):
        if record not in cited:
            continue
        b, o, t = (side.get(record, _MISSING) for side in entries)
        entry = _pick(b, o, t)
        if entry is _MISSING:
            entry = next(e for e in (t, o, b) if e is not _MISSING)
        sources.append(entry)
    metadata = dict(merged.metadata)
    if "records cited" in metadata:
        metadata["records cited"] = len(sources)
    return {"sources": tuple(sources), "metadata": metadata}


# -------------------------------------------------------------------------
# Conflicts: finding and resolving them
# -------------------------------------------------------------------------


def conflicts_in(report: Report) -> list[tuple[Section, Conflict]]:
    """Every conflict of a draft with its section, in document order."""
    return [(s, b) for s in report.walk() for b in s.blocks if isinstance(b, Conflict)]


def resolve_conflicts(
    report: Report, take: Side, ids: Collection[str] | None = None
) -> tuple[Report, tuple[str, ...]]:
    """`report` with its conflicts (those of `ids`, or all) replaced by one side's text.

    Returns the tree and the ids resolved. The Sources list keeps the
    records still cited.
    """
    resolved: list[str] = []

    def visit(section: Section) -> Section:
        blocks: list[Block] = []
        for block in section.blocks:
            if isinstance(block, Conflict) and (ids is None or block.id in ids):
                blocks += getattr(block, take)
                resolved.append(block.id)
            else:
                blocks.append(block)
        return section.model_copy(
            update={"blocks": tuple(blocks), "children": tuple(visit(c) for c in section.children)}
        )

    sections = tuple(visit(s) for s in report.sections)
    return sources_cited(report.model_copy(update={"sections": sections})), tuple(resolved)


def sources_cited(report: Report) -> Report:
    """`report` with the Sources list (and its count) of only the records it still cites."""
    cited = _cited(report)
    sources = tuple(s for s in report.sources if s.record in cited)
    metadata = dict(report.metadata)
    if "records cited" in metadata:
        metadata["records cited"] = len(sources)
    return report.model_copy(update={"sources": sources, "metadata": metadata})
