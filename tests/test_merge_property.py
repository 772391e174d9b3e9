"""The three-way merge, held to its rules for random drafts, reviewer edits and record changes.

Every change only one side made is in the merge, nothing else changes, and
conflicts appear exactly where both sides changed one block differently:

* ``merge(base, base, theirs) == theirs`` and ``merge(base, ours, base) == ours``
  for arbitrary trees (every block kind, duplicates, moves, conflicts
  carried over from an earlier merge);
* for drafts whose paragraphs are each one record's (as a compile makes
  them), block by block against a model of the rules: a block edited by
  one side only has that side's text, in the section that side put it in;
  a deletion by one side of a block the other left alone is kept; new
  blocks of either side are there once.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from hrdraft.document import (
    BulletList,
    Cite,
    Conflict,
    Note,
    Paragraph,
    Report,
    Section,
    SourceEntry,
    Table,
)
from hrdraft.history.merge import conflicts_in, merge_reports, resolve_conflicts

OUTLINE = (("exec", ()), ("1", ("1.a", "1.b")), ("2", ("2.a",)))
SECTION_IDS = [sid for top, kids in OUTLINE for sid in (top, *kids)]


def tree(blocks: dict[str, list], metadata: dict | None = None) -> Report:
    """A draft of the fixed outline, its Sources list exactly the records it cites."""

    def section(sid: str, kids: tuple[str, ...] = ()) -> Section:
        return Section(
            id=sid,
            number=f"{sid}.",
            title=f"Heading {sid}",
            blocks=tuple(blocks.get(sid, ())),
            children=tuple(section(k) for k in kids),
        )

    sections = tuple(section(top, kids) for top, kids in OUTLINE)
    cited: dict[str, int] = {}
    for s in (x for top in sections for x in top.walk()):
        for b in s.blocks:
            for c in b.cites if hasattr(b, "cites") else ():
                cited.setdefault(c.record, c.revision)
            for row in getattr(b, "row_cites", ()):
                for c in row:
                    cited.setdefault(c.record, c.revision)
    sources = tuple(
        SourceEntry(record=r, revision=v, source=f"NGO {r}", kind="ngo", citation=f"{r}.")
        for r, v in cited.items()
    )
    return Report(
        report_type="hrr",
        report_title="Country Reports on Human Rights Practices",
        edition="2024",
        country="XA",
        country_name="Xanadu",
        year=2024,
        period="2024",
        audience="public",
        title="Xanadu 2024",
        sections=sections,
        sources=sources,
        metadata={"records cited": len(sources), **(metadata or {})},
    )


def blocks_of(report: Report) -> dict[str, list]:
    return {s.id: list(s.blocks) for s in report.walk()}


# -------------------------------------------------------------------------
# Identities on arbitrary trees
# -------------------------------------------------------------------------

WORDS = st.sampled_from(["police", "arrested", "the", "journalist", "in", "May", "court", "freed"])
text = st.lists(WORDS, min_size=1, max_size=7).map(" ".join)
cites = st.lists(
    st.builds(Cite, record=st.sampled_from(["R1", "R2", "R3", "R4"]), revision=st.integers(1, 2)),
    max_size=2,
    unique_by=lambda c: c.record,
).map(tuple)
plain = st.one_of(
    st.builds(Paragraph, text=text, cites=cites),
    st.builds(BulletList, items=st.lists(text, min_size=1, max_size=3).map(tuple), cites=cites),
    st.builds(Note, label=st.sampled_from(["Tier", "Note"]), text=text),
    st.builds(
        Table,
        caption=text,
        header=st.just(("Year", "Cases")),
        rows=st.lists(st.tuples(st.sampled_from(["2023", "2024"]), text), max_size=2).map(tuple),
    ),
)
carried = st.builds(
    Conflict,
    id=st.sampled_from(["1", "2", "7"]),
    reviewer=st.lists(plain, max_size=1).map(tuple),
    records=st.lists(plain, max_size=1).map(tuple),
    base=st.lists(plain, max_size=1).map(tuple),
)
any_block = st.one_of(plain, plain, plain, carried)
drafts = st.fixed_dictionaries({sid: st.lists(any_block, max_size=4) for sid in SECTION_IDS})


@st.composite
def edited(draw: st.DrawFn, blocks: dict[str, list]) -> dict[str, list]:
    """`blocks` after random edits: changes, deletions, insertions, moves within and across."""
    out = {sid: list(bs) for sid, bs in blocks.items()}
    for _ in range(draw(st.integers(0, 6))):
        sid = draw(st.sampled_from(SECTION_IDS))
        action = draw(st.sampled_from(["change", "delete", "insert", "move"]))
        here = out[sid]
        if action == "insert" or not here:
            here.insert(draw(st.integers(0, len(here))), draw(any_block))
            continue
        n = draw(st.integers(0, len(here) - 1))
        if action == "change":
            here[n] = draw(any_block)
        elif action == "delete":
            del here[n]
        else:
            block = here.pop(n)
            there = out[draw(st.sampled_from(SECTION_IDS))]
            there.insert(draw(st.integers(0, len(there))), block)
    return out


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_one_side_unchanged_gives_the_other_side(data: st.DataObject) -> None:
    base_blocks = data.draw(drafts)
    base = tree(base_blocks)
    other = tree(data.draw(edited(base_blocks)), data.draw(st.sampled_from([{}, {"origin": "x"}])))
    assert merge_reports(base, base, other).report == other
    assert merge_reports(base, other, base).report == other
    merged = merge_reports(base, other, other).report
    assert merged == other  # both changed alike: taken once
    # The tree stores and loads as any draft does (conflicts included).
    assert Report.model_validate_json(merged.model_dump_json()) == merged


# -------------------------------------------------------------------------
# Block by block, against a model of the rules
# -------------------------------------------------------------------------


def record_para(i: int, revision: int = 1, swap: tuple[int, str] | None = None) -> Paragraph:
    """Paragraph i: words of its own and its own record, as a compile tells one record."""
    words = [f"w{i}x{k}" for k in range(8)]
    if swap is not None:
        words[swap[0]] = swap[1]
    return Paragraph(text=" ".join(words), cites=(Cite(record=f"R{i}", revision=revision),))


ACTIONS = ["keep", "keep", "edit", "same", "delete", "move", "edit+move"]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_each_change_of_one_side_is_kept_and_conflicts_are_exactly_the_clashes(
    data: st.DataObject,
) -> None:
    placement = data.draw(
        st.lists(st.sampled_from(SECTION_IDS), min_size=1, max_size=10), label="base sections"
    )
    base_blocks: dict[str, list] = {sid: [] for sid in SECTION_IDS}
    for i, sid in enumerate(placement):
        base_blocks[sid].append(record_para(i))
    ours_blocks = {sid: list(bs) for sid, bs in base_blocks.items()}
    theirs_blocks = {sid: list(bs) for sid, bs in base_blocks.items()}

    def put(blocks: dict[str, list], old: Paragraph, new: Paragraph | None, move: bool) -> str:
        sid = next(s for s, bs in blocks.items() if old in bs)
        at = blocks[sid].index(old)
        del blocks[sid][at]
        if new is None:
            return ""
        if move:
            sid = data.draw(st.sampled_from(SECTION_IDS))
            at = data.draw(st.integers(0, len(blocks[sid])))
        blocks[sid].insert(at, new)
        return sid

    expected: dict[int, tuple[str, object]] = {}  # i → ("block", b) | ("conflict", (o, t)) | gone
    where: dict[int, str] = {}
    moved: set[int] = set()
    for i, home in enumerate(placement):
        b = record_para(i)
        mine = data.draw(st.sampled_from(ACTIONS), label=f"reviewer {i}")
        theirs = data.draw(st.sampled_from(ACTIONS), label=f"records {i}")
        # "same": both sides make one identical edit.
        o = {
            "keep": b, "move": b, "delete": None, "same": record_para(i, 2, (3, "both")),
            "edit": record_para(i, 1, (2, "reviewer")),
            "edit+move": record_para(i, 1, (2, "reviewer")),
        }[mine]  # fmt: skip
        t = {
            "keep": b, "move": b, "delete": None, "same": record_para(i, 2, (3, "both")),
            "edit": record_para(i, 2, (5, "records")),
            "edit+move": record_para(i, 2, (5, "records")),
        }[theirs]  # fmt: skip
        if "move" in mine or "move" in theirs:
            moved.add(i)
        o_sid = put(ours_blocks, b, o, "move" in mine) or home
        t_sid = put(theirs_blocks, b, t, "move" in theirs) or home
        if o == t:
            result = ("block", o) if o is not None else ("gone", None)
        elif o == b:
            result = ("block", t) if t is not None else ("gone", None)
        elif t == b:
            result = ("block", o) if o is not None else ("gone", None)
        else:
            result = ("conflict", (o, t))
        expected[i] = result
        # Where it goes is merged apart from what it says: a side's move, the reviewer's first.
        if o is not None and o_sid != home:
            where[i] = o_sid
        elif t is not None and t_sid != home:
            where[i] = t_sid
        else:
            where[i] = home

    # New blocks: the reviewer's own paragraphs, the records' new ones, and one both added.
    new_mine = [Paragraph(text=f"reviewer wrote {k} here entirely anew") for k in range(2)]
    new_theirs = [record_para(100 + k) for k in range(2)]
    both = data.draw(st.booleans())
    news = [*((b, ours_blocks) for b in new_mine), *((b, theirs_blocks) for b in new_theirs)]
    for block, blocks in news:
        if data.draw(st.booleans()):
            sid = data.draw(st.sampled_from(SECTION_IDS))
            blocks[sid].insert(data.draw(st.integers(0, len(blocks[sid]))), block)
    if both:
        shared = Paragraph(text="a sentence both sides added, word for word")
        ours_blocks["exec"].append(shared)
        theirs_blocks["exec"].append(shared)

    base, ours, theirs = tree(base_blocks), tree(ours_blocks), tree(theirs_blocks)
    result = merge_reports(base, ours, theirs, reviewer_version=14, records_version=16)
    merged = blocks_of(result.report)

    found: dict[int, tuple[str, object]] = {}
    placed: dict[int, str] = {}
    plain_blocks = []
    for sid, blocks in merged.items():
        for block in blocks:
            if isinstance(block, Conflict):
                (b,) = block.base
                i = int(b.cites[0].record[1:])
                o = block.reviewer[0] if block.reviewer else None
                t = block.records[0] if block.records else None
                assert (block.reviewer_version, block.records_version) == (14, 16)
                found[i] = ("conflict", (o, t))
                placed[i] = sid
                continue
            plain_blocks.append(block)
            record = block.cites[0].record if block.cites else ""
            if record and int(record[1:]) < 100:
                i = int(record[1:])
                assert i not in found, f"paragraph {i} is in the merge twice"
                found[i] = ("block", block)
                placed[i] = sid
    for i, outcome in expected.items():
        if outcome[0] == "gone":
            assert i not in found, f"paragraph {i} was deleted, yet is in the merge"
        else:
            assert found.get(i) == outcome, f"paragraph {i}"
            assert placed[i] == where[i], f"paragraph {i} is in {placed[i]}, not {where[i]}"
    # The new blocks of each side are there once; nothing else was added.
    extra = [b for b in plain_blocks if not b.cites or int(b.cites[0].record[1:]) >= 100]
    sides = (*ours_blocks.values(), *theirs_blocks.values())
    wanted = [b for b in (*new_mine, *new_theirs) if any(b in bs for bs in sides)]
    if both:
        wanted.append(shared)
    assert sorted(extra, key=str) == sorted(wanted, key=str)
    # Conflicts are numbered from 1 in document order.
    assert [c.id for _, c in conflicts_in(result.report)] == [
        str(n) for n in range(1, len(result.conflicts) + 1)
    ]
    # Blocks neither side moved keep the base's order among themselves.
    for blocks in merged.values():
        untouched = [
            b for b in blocks
            if isinstance(b, Paragraph) and b.cites and int(b.cites[0].record[1:]) < 100
            and int(b.cites[0].record[1:]) not in moved
        ]  # fmt: skip
        numbers = [int(b.cites[0].record[1:]) for b in untouched]
        assert numbers == sorted(numbers)
    # Resolving every conflict one way leaves no conflict, and that side's text.
    for take in ("reviewer", "records"):
        resolved, ids = resolve_conflicts(result.report, take)
        assert not conflicts_in(resolved) and len(ids) == len(result.conflicts)
        for outcome in expected.values():
            if outcome[0] == "conflict":
                chosen = outcome[1][0 if take == "reviewer" else 1]
                everything = [b for bs in blocks_of(resolved).values() for b in bs]
                if chosen is not None:
                    assert chosen in everything
        assert {s.record for s in resolved.sources} == {
            c.record for bs in blocks_of(resolved).values() for b in bs for c in b.cites
        }


def test_a_conflict_left_unresolved_stays_one_and_follows_the_records() -> None:
    base = tree({"1.a": [record_para(1)]})
    ours = tree({"1.a": [record_para(1, 1, (2, "reviewer"))]})
    theirs = tree({"1.a": [record_para(1, 2, (5, "records"))]})
    first = merge_reports(base, ours, theirs, reviewer_version=3, records_version=4).report
    (conflict,) = blocks_of(first)["1.a"]
    assert isinstance(conflict, Conflict) and conflict.id == "1"
    # Recompiled unchanged: the merge's own records side is the base; nothing moves.
    assert merge_reports(theirs, first, theirs).report == first
    # The records change again: still one conflict, the records' side is the newest text.
    newer = tree({"1.a": [record_para(1, 3, (6, "again"))]})
    second = merge_reports(theirs, first, newer, reviewer_version=5, records_version=6).report
    (still,) = blocks_of(second)["1.a"]
    assert isinstance(still, Conflict) and still.id == "1"
    assert still.reviewer == conflict.reviewer and still.records == (
        record_para(1, 3, (6, "again")),
    )
    assert (still.reviewer_version, still.records_version) == (3, 6)
