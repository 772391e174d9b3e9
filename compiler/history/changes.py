"""The diff's result types, how a changed block's fields differ, and applying a diff.

A `ReportDiff` lists every section of either draft (`SectionDiff`), each with
its blocks (`BlockOp`); a changed block carries `FieldDiff`s, and added,
removed and changed blocks carry the `Explanation`s the citations give. Their
JSON form is documented in docs/diff.md.

`apply(old, diff)` rebuilds the newer tree from the older one and the diff;
the property tests hold the engine (compiler/history/diff.py) to that.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import TypeAdapter

from ..document import Block, Report, Section
from .textdiff import ItemOp, Span, apply_items, diff_items, diff_text, new_text, old_text

__all__ = [
    "ITEM_FIELDS",
    "TEXT_FIELDS",
    "BlockOp",
    "BlockStatus",
    "Explanation",
    "FieldDiff",
    "ReportDiff",
    "SectionDiff",
    "SectionPlace",
    "SectionStatus",
    "apply",
    "field_diffs",
    "new_block_data",
    "patched_data",
]

# -------------------------------------------------------------------------
# The diff's types (their JSON form is docs/diff.md)
# -------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldDiff:
    """How one field of a changed block differs: words for text, an edit script for sequences."""

    name: str
    words: tuple[Span, ...] = ()
    items: tuple[ItemOp, ...] = ()
    value: tuple[Any, Any] | None = None  # (old, new) for a field that is not text (lang)


@dataclass(frozen=True)
class Explanation:
    """A record behind a change, as the two trees' citations show it.

    `change`: `added` (cited in the new draft, nowhere in the old), `revised`
    (same record, another revision), `withdrawn` (cited in the old draft,
    nowhere in the new: withdrawn, or now excluded for the audience),
    `cited`/`uncited` (newly or no longer cited by this block but cited
    elsewhere in the same draft), `unchanged` (cited by both sides alike).
    """

    record: str
    change: Literal["added", "revised", "withdrawn", "cited", "uncited", "unchanged"]
    old_revision: int | None = None
    new_revision: int | None = None


BlockStatus = Literal["unchanged", "added", "removed", "moved", "changed"]


@dataclass(frozen=True)
class BlockOp:
    """One block of a section: where it was (`old_index`), where it is, and how it changed.

    `block` is the block's content as JSON data: the old block, except for an
    added block. A changed block carries `fields`; apply them to `block` to
    get the new one. A block that left one section for another, unchanged,
    is a removed block with `moved_to` (the new draft's section id) there
    and an added block with `moved_from` (the old draft's section id) here.
    """

    op: BlockStatus
    kind: str
    old_index: int | None
    new_index: int | None
    block: dict[str, Any]
    fields: tuple[FieldDiff, ...] = ()
    explain: tuple[Explanation, ...] = ()
    moved_from: str | None = None
    moved_to: str | None = None


@dataclass(frozen=True)
class SectionPlace:
    """Where a section sits in one of the two drafts."""

    id: str
    number: str
    title: str
    parent: str | None
    depth: int
    position: int  # index in the draft's depth-first walk

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}".strip()


SectionStatus = Literal["unchanged", "changed", "added", "removed"]


@dataclass(frozen=True)
class SectionDiff:
    """One section of either draft: its content status, structural changes and block ops.

    `structure` lists any of `renamed` (same id, new title), `renumbered`
    (new id or number for the same title), `moved` (new parent or order).
    """

    id: str
    status: SectionStatus
    old: SectionPlace | None
    new: SectionPlace | None
    structure: tuple[str, ...] = ()
    blocks: tuple[BlockOp, ...] = ()

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(("unchanged", "added", "removed", "moved", "changed"), 0)
        for op in self.blocks:
            counts[op.op] += 1
        return counts

    @property
    def place(self) -> SectionPlace:
        return self.new or self.old  # type: ignore[return-value]


@dataclass(frozen=True)
class ReportDiff:
    """Everything that differs between two drafts, in the newer draft's order.

    `audience` is the label the diff itself carries: `internal` when either
    draft is internal. `header` holds report fields other than the sections
    that differ, as {field: (old, new)}; `records` sums up the explanations.
    """

    old: dict[str, Any]
    new: dict[str, Any]
    audience: str
    header: dict[str, tuple[Any, Any]]
    sections: tuple[SectionDiff, ...]
    records: tuple[Explanation, ...]
    match_titles: bool = True

    @property
    def changed(self) -> bool:
        return bool(self.header) or any(
            s.status != "unchanged" or s.structure for s in self.sections
        )

    @property
    def changed_sections(self) -> list[SectionDiff]:
        return [s for s in self.sections if s.status != "unchanged" or s.structure]


# -------------------------------------------------------------------------
# Fields of a changed block
# -------------------------------------------------------------------------

_BLOCK = TypeAdapter(Block)
# Block fields diffed word by word, and fields diffed as sequences of strings.
TEXT_FIELDS = ("text", "label", "caption", "report")
ITEM_FIELDS = ("items", "header")


def _change_text(x: Any, y: Any) -> ItemOp | None:
    return ItemOp("change", old=x, words=diff_text(x, y)) if isinstance(x, str) else None


def _change_row(x: Any, y: Any) -> ItemOp | None:
    if len(x) != len(y):
        return None
    return ItemOp("change", old=list(x), cells=diff_items(x, y, _change_text))


def field_diffs(old: Any, new: Any) -> tuple[FieldDiff, ...]:
    """The fields that differ between two blocks of the same kind."""
    fields: list[FieldDiff] = []
    a, b = old.model_dump(mode="json"), new.model_dump(mode="json")
    for name in a:
        x, y = a[name], b[name]
        if x == y:
            continue
        if name in TEXT_FIELDS:
            fields.append(FieldDiff(name, words=diff_text(x, y)))
        elif name in ITEM_FIELDS:
            fields.append(FieldDiff(name, items=diff_items(x, y, _change_text)))
        elif name == "rows":
            fields.append(FieldDiff(name, items=diff_items(_tuples(x), _tuples(y), _change_row)))
        elif name == "cites":
            fields.append(FieldDiff(name, items=diff_items(_cite_keys(x), _cite_keys(y))))
        elif name == "row_cites":
            rows_a = [tuple(_cite_keys(r)) for r in x]
            rows_b = [tuple(_cite_keys(r)) for r in y]
            fields.append(FieldDiff(name, items=diff_items(rows_a, rows_b)))
        else:
            fields.append(FieldDiff(name, value=(x, y)))
    return tuple(fields)


def _tuples(rows: list[list[str]]) -> list[tuple[str, ...]]:
    return [tuple(r) for r in rows]


def _cite_keys(cites: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(c["record"], c["revision"]) for c in cites]


def patched_data(
    old: dict[str, Any], fields: Iterable[FieldDiff], *, check: bool = False
) -> dict[str, Any]:
    """A block's data (JSON form) with a changed block's field diffs applied.

    With `check`, a text field whose old side is not the block's text raises
    ValueError (the diff belongs to another document).
    """
    data = dict(old)
    for f in fields:
        if f.value is not None:
            data[f.name] = f.value[1]
        elif f.name in TEXT_FIELDS:
            if check and old_text(f.words) != data[f.name]:
                raise ValueError(f"diff does not apply: field {f.name!r} differs")
            data[f.name] = new_text(f.words)
        elif f.name == "cites":
            keys = apply_items(_cite_keys(data[f.name]), f.items)
            data[f.name] = [{"record": r, "revision": v} for r, v in keys]
        elif f.name == "row_cites":
            rows = apply_items([tuple(_cite_keys(r)) for r in data[f.name]], f.items)
            data[f.name] = [[{"record": r, "revision": v} for r, v in row] for row in rows]
        elif f.name == "rows":
            data[f.name] = [list(r) for r in apply_items(_tuples(data[f.name]), f.items)]
        else:
            data[f.name] = apply_items(data[f.name], f.items)
    return data


def new_block_data(op: BlockOp) -> dict[str, Any]:
    """The newer block's data of a changed block: the older one's with its field diffs applied."""
    return patched_data(op.block, op.fields)


def _patch_block(old: dict[str, Any], fields: Iterable[FieldDiff]) -> Any:
    return _BLOCK.validate_python(patched_data(old, fields, check=True))


# -------------------------------------------------------------------------
# Applying a diff
# -------------------------------------------------------------------------


def _apply_blocks(old_blocks: Sequence[Any], ops: Iterable[BlockOp]) -> list[Any]:
    placed: dict[int, Any] = {}
    used: list[int] = []
    for op in ops:
        if op.old_index is not None:
            used.append(op.old_index)
            if old_blocks[op.old_index].model_dump(mode="json") != op.block:
                raise ValueError(f"diff does not apply: old block {op.old_index} differs")
        if op.new_index is None:
            continue
        if op.op in ("unchanged", "moved"):
            placed[op.new_index] = old_blocks[op.old_index]  # type: ignore[index]
        elif op.op == "added":
            placed[op.new_index] = _BLOCK.validate_python(op.block)
        else:
            placed[op.new_index] = _patch_block(op.block, op.fields)
    if sorted(used) != list(range(len(old_blocks))) or sorted(placed) != list(range(len(placed))):
        raise ValueError("diff does not apply: block indexes do not cover the section")
    return [placed[i] for i in range(len(placed))]


def apply(old: Report, diff: ReportDiff) -> Report:
    """Rebuild the newer draft from `old` and `diff` (the check on the engine)."""
    old_sections = {s.id: s for s in old.walk()}
    present = sorted((s for s in diff.sections if s.new is not None), key=lambda s: s.new.position)  # type: ignore[union-attr]
    children: dict[str | None, list[str]] = defaultdict(list)
    parts: dict[str, SectionDiff] = {}
    for entry in present:
        place = entry.new
        assert place is not None
        children[place.parent].append(place.id)
        parts[place.id] = entry

    def build(section_id: str) -> Section:
        entry = parts[section_id]
        place = entry.new
        assert place is not None
        base = old_sections[entry.old.id].blocks if entry.old is not None else ()
        return Section(
            id=place.id,
            number=place.number,
            title=place.title,
            blocks=tuple(_apply_blocks(base, entry.blocks)),
            children=tuple(build(c) for c in children[section_id]),
        )

    data = old.model_dump(mode="json", exclude={"sections"})
    for key, (_, value) in diff.header.items():
        data[key] = value
    header = Report.model_validate({**data, "sections": []})
    return header.model_copy(update={"sections": tuple(build(c) for c in children[None])})
