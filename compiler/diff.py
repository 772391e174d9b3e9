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

`apply(old, diff)` rebuilds the newer tree from the older one and the diff;
the property tests hold the engine to that. The JSON form of a `ReportDiff`
is documented in docs/diff.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Literal

from pydantic import TypeAdapter

from .document import Block, Cite, Report, Section
from .errors import HrdraftError
from .store import Store
from .versions import Version, list_versions, load_version

__all__ = [
    "BlockOp",
    "Explanation",
    "FieldDiff",
    "ItemOp",
    "ReportDiff",
    "SectionDiff",
    "SectionPlace",
    "Span",
    "apply",
    "diff_reports",
    "diff_text",
    "diff_versions",
    "previous_year_version",
    "tokenize",
    "version_meta",
]

# -------------------------------------------------------------------------
# Words: tokens that join back to the exact text
# -------------------------------------------------------------------------

# Scripts written without spaces between words (Han, kana, hangul, Thai, Lao,
# Khmer, Myanmar, CJK punctuation and full-width forms): one token per
# character, or a changed sentence would be one giant "word".
_NO_SPACE = (
    "\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3000-\u303f\u3040-\u30ff"
    "\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
)
_ASCII_PUNCT = r"!-/:-@\[-`{-~"
_TOKEN = re.compile(rf"\s+|[{_NO_SPACE}]|[^\s{_NO_SPACE}{_ASCII_PUNCT}]+|.", re.S)

# Two blocks of the same kind are one changed block, not a removal and an
# addition, when their words are this similar (lower when they cite a record
# in common: the same facts, reworded).
PAIR_THRESHOLD = 0.5
PAIR_THRESHOLD_SHARED_CITE = 0.3


def tokenize(text: str) -> list[str]:
    """Words, whitespace runs, punctuation and single no-space-script characters.

    `"".join(tokenize(text)) == text` always holds.
    """
    return _TOKEN.findall(text)


def _units(text: str) -> list[str]:
    """Tokens with the whitespace after them attached: what a word diff compares.

    A space on its own would be the commonest token of every paragraph, and
    SequenceMatcher slows down on very common tokens (it cannot junk them
    without losing exactness).
    """
    units: list[str] = []
    for token in _TOKEN.findall(text):
        if units and token.isspace() and not units[-1].isspace():
            units[-1] += token
        else:
            units.append(token)
    return units


@dataclass(frozen=True)
class Span:
    """A run of text that is kept ("equal"), added ("insert") or removed ("delete")."""

    op: Literal["equal", "insert", "delete"]
    text: str


def diff_text(old: str, new: str) -> tuple[Span, ...]:
    """Word-level spans: the non-insert spans join to `old`, the non-delete ones to `new`."""
    a, b = _units(old), _units(new)
    spans: list[Span] = []

    def add(op: Literal["equal", "insert", "delete"], tokens: Sequence[str]) -> None:
        if not tokens:
            return
        if spans and spans[-1].op == op:
            spans[-1] = Span(op, spans[-1].text + "".join(tokens))
        else:
            spans.append(Span(op, "".join(tokens)))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", a[i1:i2])
        else:
            add("delete", a[i1:i2])
            add("insert", b[j1:j2])
    return tuple(spans)


def _side(spans: Iterable[Span], drop: str) -> str:
    return "".join(s.text for s in spans if s.op != drop)


# -------------------------------------------------------------------------
# The diff's types (their JSON form is docs/diff.md)
# -------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemOp:
    """One step of an edit script over a sequence (list items, cells, rows, cites).

    `equal` and `delete` consume the next old item (shown in `old`); `insert`
    adds `new`; `change` consumes the next old item and rewrites it with
    `words` (a string item) or `cells` (a table row).
    """

    op: Literal["equal", "insert", "delete", "change"]
    old: Any = None
    new: Any = None
    words: tuple[Span, ...] = ()
    cells: tuple[ItemOp, ...] = ()


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
    get the new one.
    """

    op: BlockStatus
    kind: str
    old_index: int | None
    new_index: int | None
    block: dict[str, Any]
    fields: tuple[FieldDiff, ...] = ()
    explain: tuple[Explanation, ...] = ()


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
# Sequences of items (list items, cells, rows, cites)
# -------------------------------------------------------------------------


def _seq_ops(
    a: Sequence[Any],
    b: Sequence[Any],
    change: Callable[[Any, Any], ItemOp | None] | None = None,
) -> tuple[ItemOp, ...]:
    """An edit script turning `a` into `b`; replaced items are paired by `change` when it can."""
    ops: list[ItemOp] = []
    matcher = SequenceMatcher(None, list(a), list(b), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops += [ItemOp("equal", old=x) for x in a[i1:i2]]
            continue
        olds, news = list(a[i1:i2]), list(b[j1:j2])
        while olds and news and change is not None:
            paired = change(olds[0], news[0])
            if paired is None:
                break
            ops.append(paired)
            olds.pop(0)
            news.pop(0)
        ops += [ItemOp("delete", old=x) for x in olds]
        ops += [ItemOp("insert", new=x) for x in news]
    return tuple(ops)


def _apply_seq(a: Sequence[Any], ops: Iterable[ItemOp]) -> list[Any]:
    out: list[Any] = []
    rest = iter(a)
    for op in ops:
        if op.op == "insert":
            out.append(op.new)
            continue
        item = next(rest)
        if op.op == "equal":
            out.append(item)
        elif op.op == "change":
            if op.cells:
                out.append(type(item)(_apply_seq(item, op.cells)))
            else:
                if _side(op.words, "insert") != item:
                    raise ValueError("diff does not apply: a changed item's old text differs")
                out.append(_side(op.words, "delete"))
    if next(rest, None) is not None:
        raise ValueError("diff does not apply: the old sequence is longer than the edit script")
    return out


def _change_text(x: Any, y: Any) -> ItemOp | None:
    return ItemOp("change", old=x, words=diff_text(x, y)) if isinstance(x, str) else None


def _change_row(x: Any, y: Any) -> ItemOp | None:
    if len(x) != len(y):
        return None
    return ItemOp("change", old=list(x), cells=_seq_ops(x, y, _change_text))


def _as_json(value: Any) -> Any:
    if isinstance(value, tuple | list):
        return [_as_json(v) for v in value]
    return value


# -------------------------------------------------------------------------
# Blocks
# -------------------------------------------------------------------------

_BLOCK = TypeAdapter(Block)
_TEXT_FIELDS = ("text", "label", "caption", "report")
_ITEM_FIELDS = ("items", "header")


def _cites(block: Any) -> list[Cite]:
    cites = list(getattr(block, "cites", ()))
    for row in getattr(block, "row_cites", ()):
        cites += row
    return cites


def _words(block: Any) -> list[str]:
    parts: list[str] = []
    for name in (*_TEXT_FIELDS, *_ITEM_FIELDS):
        value = getattr(block, name, None)
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, tuple):
            parts += value
    for row in getattr(block, "rows", ()):
        parts += row
    return [t for t in tokenize(" ".join(parts)) if not t.isspace()]


def _block_fields(old: Any, new: Any) -> tuple[FieldDiff, ...]:
    """The fields that differ between two blocks of the same kind."""
    fields: list[FieldDiff] = []
    a, b = old.model_dump(mode="json"), new.model_dump(mode="json")
    for name in a:
        x, y = a[name], b[name]
        if x == y:
            continue
        if name in _TEXT_FIELDS:
            fields.append(FieldDiff(name, words=diff_text(x, y)))
        elif name in _ITEM_FIELDS:
            fields.append(FieldDiff(name, items=_seq_ops(x, y, _change_text)))
        elif name == "rows":
            fields.append(FieldDiff(name, items=_seq_ops(_tuples(x), _tuples(y), _change_row)))
        elif name == "cites":
            fields.append(FieldDiff(name, items=_seq_ops(_cite_keys(x), _cite_keys(y))))
        elif name == "row_cites":
            rows_a = [tuple(_cite_keys(r)) for r in x]
            rows_b = [tuple(_cite_keys(r)) for r in y]
            fields.append(FieldDiff(name, items=_seq_ops(rows_a, rows_b)))
        else:
            fields.append(FieldDiff(name, value=(x, y)))
    return tuple(fields)


def _tuples(rows: list[list[str]]) -> list[tuple[str, ...]]:
    return [tuple(r) for r in rows]


def _cite_keys(cites: list[dict[str, Any]]) -> list[tuple[str, int]]:
    return [(c["record"], c["revision"]) for c in cites]


def _patch_block(old: dict[str, Any], fields: Iterable[FieldDiff]) -> Any:
    data = dict(old)
    for f in fields:
        if f.value is not None:
            data[f.name] = f.value[1]
        elif f.name in _TEXT_FIELDS:
            if _side(f.words, "insert") != data[f.name]:
                raise ValueError(f"diff does not apply: field {f.name!r} differs")
            data[f.name] = _side(f.words, "delete")
        elif f.name == "cites":
            keys = _apply_seq(_cite_keys(data[f.name]), f.items)
            data[f.name] = [{"record": r, "revision": v} for r, v in keys]
        elif f.name == "row_cites":
            rows = _apply_seq([tuple(_cite_keys(r)) for r in data[f.name]], f.items)
            data[f.name] = [[{"record": r, "revision": v} for r, v in row] for row in rows]
        elif f.name == "rows":
            data[f.name] = [list(r) for r in _apply_seq(_tuples(data[f.name]), f.items)]
        else:
            data[f.name] = _apply_seq(data[f.name], f.items)
    return _BLOCK.validate_python(data)


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
                fields=_block_fields(a[i], b[j]),
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
) -> ReportDiff:
    """The section-aware diff from `old` to `new`.

    Drafts for different audiences are refused unless `allow_mixed_audience`:
    such a diff shows internal text and is labelled `internal`. Sections are
    matched by title as well as by id only when both drafts share an edition
    (across editions, e.g. HRR 2023 → 2024, only ids match). `old_meta` and
    `new_meta` describe the versions (id, origin, author, ...) for the outputs.
    """
    if old.audience != new.audience and not allow_mixed_audience:
        raise HrdraftError(
            f"refusing to diff a {old.audience} draft against a {new.audience} draft: "
            "the diff would show internal text",
            "diff drafts of the same audience, or pass --allow-mixed-audience "
            "(the diff is then labelled internal)",
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

    sections = tuple(entry for _, entry in sorted(entries, key=lambda e: e[0]))
    return ReportDiff(
        old=_meta(old, old_meta),
        new=_meta(new, new_meta),
        audience=audience,
        header=_header(old, new),
        sections=sections,
        records=_record_summary(ctx),
        match_titles=match_titles,
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


# -------------------------------------------------------------------------
# Versions: which two to compare
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


def previous_year_version(store: Store, version: Version) -> Version | None:
    """The newest version of the same report, country, audience and section a year earlier."""
    older = list_versions(
        store,
        report_type=version.report_type,
        country=version.country,
        year=version.year - 1,
        audience=version.audience,
        section=version.section,
    )
    return older[-1] if older else None


def diff_versions(
    store: Store, old_id: int, new_id: int, *, allow_mixed_audience: bool = False
) -> ReportDiff:
    """Load two stored versions and diff them (imported and compiled alike)."""
    old_version, old = load_version(store, old_id)
    new_version, new = load_version(store, new_id)
    return diff_reports(
        old,
        new,
        old_meta=version_meta(old_version),
        new_meta=version_meta(new_version),
        allow_mixed_audience=allow_mixed_audience,
    )
