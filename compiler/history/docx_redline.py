"""A diff as a Word document with native tracked changes: Word's Accept and Reject work on it.

The newer version is written as its Word draft is (``hrdraft.render.docx``),
with every difference from the older one as a tracked change by the newer
version's author (or "hrdraft") at its time: words inserted and deleted
inside a changed paragraph, list item or cell (``w:ins``/``w:del`` with
``w:delText``, from the diff's word spans), whole paragraphs, headings and
table rows inserted or deleted (their paragraph marks and rows marked too),
and citations added or dropped as inserted or deleted footnote references.
The records behind each change are a Word comment on it, and the newer
version's review comments are comments where they apply.

Accept All gives the newer version's text and Reject All the older one's:
each block's marks are checked against both versions with the model of
``hrdraft.render.wordml`` before they are written, and a block whose word
marks would not give both back (a change that takes Markdown markup or a
paragraph break with it) is written as the old block deleted and the new one
inserted. Blocks and sections that changed order are deleted where they were
and inserted where they are. Only the diff is read: like every diff output,
it shows nothing but what the two (filtered) versions contain.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, Literal

from pydantic import TypeAdapter

from ..document import Block
from ..render import marks
from ..render.docx import WordPackage, banner, block_units, section_bookmarks
from ..render.wordml import (
    Grid,
    Para,
    Piece,
    Ref,
    Row,
    Unit,
    inline_pieces,
    new_list_key,
    resolve,
    shape,
    text_paras,
)
from .changes import BlockOp, ReportDiff, SectionDiff, new_block_data
from .compare import comparison_notes
from .redline import explain_text
from .textdiff import ItemOp, Span, diff_items, diff_text

__all__ = ["interleave", "redline_docx", "text_redline", "text_units"]

_BLOCK = TypeAdapter(Block)
Step = tuple[Literal["both", "old", "new"], int | None, int | None]


# -------------------------------------------------------------------------
# Order: what stays in place, and what is deleted here and inserted there
# -------------------------------------------------------------------------


def interleave(old_count: int, new_count: int, pairs: Iterable[tuple[int, int]]) -> list[Step]:
    """One sequence of both sides' items: ("both", i, j), ("old", i, None), ("new", None, j).

    `pairs` are (old, new) index pairs of the same item. The longest run of
    pairs in the same order on both sides stays in place; every other item
    is its old side, where it was, and its new side, where it is. Read
    without the new items the result is the old order, without the old
    items the new order.
    """
    ordered = sorted(pairs)
    # Longest increasing subsequence of the new indexes (patience sorting).
    tails: list[int] = []
    back: list[int | None] = [None] * len(ordered)
    ends: list[int] = []
    for k, (_, j) in enumerate(ordered):
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if tails[mid] < j:
                lo = mid + 1
            else:
                hi = mid
        if lo == len(tails):
            tails.append(j)
            ends.append(k)
        else:
            tails[lo], ends[lo] = j, k
        back[k] = ends[lo - 1] if lo else None
    kept: list[tuple[int, int]] = []
    at = ends[-1] if ends else None
    while at is not None:
        kept.append(ordered[at])
        at = back[at]
    kept.reverse()
    steps: list[Step] = []
    i = j = 0
    for oi, nj in [*kept, (old_count, new_count)]:
        steps += [("old", k, None) for k in range(i, oi)]
        steps += [("new", None, k) for k in range(j, nj)]
        if oi < old_count or nj < new_count:
            steps.append(("both", oi, nj))
        i, j = oi + 1, nj + 1
    return steps


# -------------------------------------------------------------------------
# Blocks with their changes marked
# -------------------------------------------------------------------------


class _Notes:
    """Citations in the redline: each its own footnote (a note cited again may be deleted)."""

    def __init__(self, sources: dict[str, Any]) -> None:
        self.sources = sources

    def text(self, record: str, revision: int) -> str:
        source = self.sources.get(record)
        where = f"{source['source']}, {source['citation']}".rstrip(". ") + ". " if source else ""
        return f"{where}(record {record}, rev. {revision})"

    def cite(self, cites: Sequence[Any]) -> list[Any]:
        out = []
        for cite in dict.fromkeys((c.record, c.revision) for c in cites):
            out.append(_Note(*cite, self.text(*cite)))
        return out


@dataclass(frozen=True)
class _Note:
    record: str
    revision: int
    text: str
    number: None = None
    first: bool = True


def _whole(units: list[Unit], mark: Literal["insert", "delete"]) -> list[Unit]:
    """Every piece, citation, paragraph mark and row of `units` inserted (or deleted)."""
    out: list[Unit] = []
    for unit in units:
        if isinstance(unit, Grid):
            rows = [replace(r, mark=mark) for r in unit.rows]
            out.append(Grid(replace(unit.header, mark=mark), rows))
        else:
            out.append(
                replace(
                    unit,
                    pieces=[replace(p, mark=mark) for p in unit.pieces],
                    refs=[replace(r, mark=mark) for r in unit.refs],
                    end=mark,
                )
            )
    return out


def _ref_diff(old: Sequence[Any], new: Sequence[Any], notes: _Notes) -> list[Ref]:
    keys = lambda cites: list(dict.fromkeys((c.record, c.revision) for c in cites))  # noqa: E731
    refs = []
    for step in diff_items(keys(old), keys(new)):
        key = step.new if step.op == "insert" else step.old
        mark = {"insert": "insert", "delete": "delete"}.get(step.op)
        refs.append(Ref(key[0], key[1], text=notes.text(*key), mark=mark))  # type: ignore[arg-type]
    return refs


def _spans(op: BlockOp, name: str, old: str, new: str) -> tuple[Span, ...]:
    for f in op.fields:
        if f.name == name and f.words:
            return f.words
    return diff_text(old, new) if old != new else (Span("equal", old),)


def _marked(spans: Sequence[Span]) -> str | None:
    if any(marks.has_sentinels(s.text) for s in spans):
        return None  # a record's own character must never pass for a mark
    return marks.marked(spans)


def text_units(
    spans: Sequence[Span], role: str = "body", continued: str = "continued", lang: str | None = None
) -> list[Para] | None:
    """Block text with its word changes as marked paragraphs (None if it cannot be marked)."""
    text = _marked(spans)
    return None if text is None else text_paras(text, role, continued=continued, lang=lang)


def text_redline(
    old: str, new: str, *, role: str = "body", continued: str = "continued", lang: str | None = None
) -> list[Unit]:
    """Block text changed from `old` to `new` as paragraphs with tracked changes.

    Word by word where the marks give both texts back (Accept All `new`,
    Reject All `old`, as `resolve` models Word), else `old` deleted whole and
    `new` inserted whole.
    """
    spans = diff_text(old, new) if old != new else (Span("equal", old),)
    units = text_units(spans, role, continued, lang)
    after = text_paras(new, role, continued=continued, lang=lang)
    before = text_paras(old, role, continued=continued, lang=lang)
    if (
        units is not None
        and shape(resolve(units, "accept")) == shape(after)
        and shape(resolve(units, "reject")) == shape(before)
    ):
        return list(units)
    return _whole(list(before), "delete") + _whole(list(after), "insert")


def _items(old: Sequence[str], new: Sequence[str], role: str) -> list[Para] | None:
    """List items: kept, inserted, deleted, or changed in place word by word."""
    key = new_list_key()
    paras: list[Para] = []
    whole: list[str | None] = []
    for step in diff_items(list(old), list(new), _pair_text):
        if step.op in ("equal", "change"):
            text = step.old if step.op == "equal" else _marked(step.words)
            if text is None:
                return None
            paras.append(Para(role, inline_pieces(text), list_key=key))
            whole.append(None)
            continue
        mark: Literal["insert", "delete"] = "insert" if step.op == "insert" else "delete"
        value = step.new if step.op == "insert" else step.old
        pieces = [replace(p, mark=mark) for p in inline_pieces(value)]
        paras.append(Para(role, pieces, list_key=key, end=mark))
        whole.append(mark)
    return _settle_tail(paras, whole)


def _pair_text(old: str, new: str) -> ItemOp:
    return ItemOp("change", old=old, new=new, words=diff_text(old, new))


def _pair_row(old: tuple[str, ...], new: tuple[str, ...]) -> ItemOp | None:
    return ItemOp("change", old=old, new=new) if len(old) == len(new) else None


def _settle_tail(paras: list[Para], whole: list[Any]) -> list[Para] | None:
    """A block's trailing paragraphs inserted (or deleted) whole hang on the mark before them.

    That is how Word records a paragraph added at the end: the mark of the
    paragraph before it is the new one, so rejecting it joins that paragraph
    to the last one, which keeps the block's citations.
    """
    if not paras or whole[-1] is None:
        return paras
    kind = whole[-1]
    start = len(paras)
    while start and whole[start - 1] == kind:
        start -= 1
    if start == 0:
        return None
    paras[start - 1].end = kind
    paras[-1].end = None
    return paras


def _rows(old: Any, new: Any, notes: _Notes) -> Grid | None:
    """A table's rows: kept, inserted, deleted, or changed cell by cell; None if not markable."""
    if len(old.header) != len(new.header):
        return None

    def cites(block: Any, k: int) -> Sequence[Any]:
        return block.row_cites[k] if k < len(block.row_cites) else ()

    header = Row([_cell(a, b) for a, b in zip(old.header, new.header, strict=True)])
    rows: list[Row] = []
    i = j = 0
    for step in diff_items([tuple(r) for r in old.rows], [tuple(r) for r in new.rows], _pair_row):
        if step.op == "insert":
            refs = _ref_diff((), cites(new, j), notes)
            rows.append(Row([inline_pieces(c) for c in step.new], refs, "insert"))
            j += 1
        elif step.op == "delete":
            refs = _ref_diff(cites(old, i), (), notes)
            rows.append(Row([inline_pieces(c) for c in step.old], refs, "delete"))
            i += 1
        else:
            cells = [_cell(a, b) for a, b in zip(step.old, step.new or step.old, strict=True)]
            rows.append(Row(cells, _ref_diff(cites(old, i), cites(new, j), notes)))  # type: ignore[arg-type]
            i, j = i + 1, j + 1
    if any(c is None for row in (header, *rows) for c in row.cells):
        return None
    return Grid(header, rows)


def _cell(old: str, new: str) -> list[Piece] | None:
    if old == new:
        return inline_pieces(new)
    text = _marked(diff_text(old, new))
    return None if text is None else inline_pieces(text)


def _inline(op: BlockOp, name: str, old: str, new: str) -> list[Piece] | None:
    text = _marked(_spans(op, name, old, new))
    return None if text is None else inline_pieces(text)


def _changed(op: BlockOp, old: Any, new: Any, notes: _Notes) -> list[Unit] | None:
    """The block with its word changes marked, or None where marks cannot be faithful."""
    kind = op.kind
    units: list[Unit] | None
    if kind == "paragraph":
        paras = text_units(_spans(op, "text", old.text, new.text), lang=new.lang)
        if paras is None:
            return None
        paras[-1].refs = _ref_diff(old.cites, new.cites, notes)
        units = list(paras)
    elif kind == "list":
        paras = _items(old.items, new.items, "bullet")
        if not paras:
            return None
        paras[-1].refs = _ref_diff(old.cites, new.cites, notes)
        units = list(paras)
    elif kind == "table":
        caption = _inline(op, "caption", old.caption, new.caption)
        grid = _rows(old, new, notes)
        units = None if caption is None or grid is None else [Para("caption", caption), grid]
    elif kind == "note":
        label = _inline(op, "label", old.label, new.label)
        text = text_units(_spans(op, "text", old.text, new.text), "note", "note")
        units = None if label is None or text is None else [Para("note-label", label), *text]
    elif kind == "pointer":
        pieces = _inline(op, "text", old.text, new.text)
        units = None if pieces is None else [Para("pointer", pieces)]
    else:  # a conflict: shown whole, old and new
        units = None
    if units is None:
        return None
    expected_new = shape(block_units(new, notes))
    expected_old = shape(block_units(old, notes))
    if (
        shape(resolve(units, "accept")) != expected_new
        or shape(resolve(units, "reject")) != expected_old
    ):
        return None
    return units


# -------------------------------------------------------------------------
# The document
# -------------------------------------------------------------------------


def _reasons(op: BlockOp, headings: dict[str, str]) -> list[str]:
    lines = [explain_text(e) for e in op.explain if e.change != "unchanged"]
    if op.moved_from:
        lines.append(f"moved here, unchanged, from {headings.get(op.moved_from, op.moved_from)}")
    if op.moved_to:
        lines.append(f"moved, unchanged, to {headings.get(op.moved_to, op.moved_to)}")
    if op.op == "changed" and not lines:
        lines.append(
            "same records: the wording changed (a drafter's edit, or a change in how the text "
            "is built)"
        )
    return lines


def _pairs(olds: Sequence[Any], news: Sequence[Any]) -> list[tuple[int, int]]:
    """(old place, new place) of each item on both sides (the same object in both lists)."""
    where = {id(item): j for j, item in enumerate(news)}
    return [(i, where[id(item)]) for i, item in enumerate(olds) if id(item) in where]


class _Redline:
    def __init__(self, diff: ReportDiff, package: WordPackage, notes: _Notes) -> None:
        self.diff, self.package, self.notes = diff, package, notes
        self.bookmarks = section_bookmarks(s.new.id for s in diff.sections if s.new is not None)
        self.headings = {
            **{s.old.id: f"{s.old.heading} [{s.old.id}]" for s in diff.sections if s.old},
            **{s.new.id: f"{s.new.heading} [{s.new.id}]" for s in diff.sections if s.new},
        }
        self.placed: dict[tuple[str, int | None], tuple[Any, Any]] = {}

    def emit(self, units: list[Unit], lang: str | None, reasons: list[str]) -> list[Any]:
        elements = self.package.emit(units, lang=lang)
        paras = [e for e in elements if e.tag.endswith("}p")]
        if reasons and paras:
            self.package.comment(
                paras[0],
                paras[-1],
                "Records behind this change: " + "; ".join(reasons),
                author="hrdraft",
                initials="hrdraft",
            )
        return paras

    def heading(self, section: SectionDiff, side: str) -> None:
        old, new = section.old, section.new
        if side == "both":
            spans = (
                diff_text(old.heading, new.heading)
                if old.heading != new.heading
                else (Span("equal", new.heading),)
            )  # type: ignore[union-attr]
            pieces = [
                Piece(s.text, mark={"insert": "insert", "delete": "delete"}.get(s.op))
                for s in spans
            ]  # type: ignore[arg-type]
            para = Para("heading", pieces, level=new.depth, bookmark=self.bookmarks[new.id])  # type: ignore[union-attr]
        else:
            place = new if side == "new" else old
            mark = "insert" if side == "new" else "delete"
            para = Para(
                "heading",
                [Piece(place.heading, mark=mark)],
                level=place.depth,
                end=mark,  # type: ignore[union-attr]
                bookmark=self.bookmarks[place.id] if side == "new" else None,
            )  # type: ignore[union-attr]
        (p,) = self.package.emit([para])
        if side != "old":
            self.placed[(new.id, None)] = (p, p)  # type: ignore[union-attr]

    def section(self, section: SectionDiff, side: str) -> None:
        self.heading(section, side)
        olds = sorted(
            (op for op in section.blocks if op.old_index is not None), key=lambda o: o.old_index
        )  # type: ignore[arg-type,return-value]
        news = sorted(
            (op for op in section.blocks if op.new_index is not None), key=lambda o: o.new_index
        )  # type: ignore[arg-type,return-value]
        if side == "old":
            news = []
        if side == "new":
            olds = []
        pairs = _pairs(olds, news)
        for step, i, j in interleave(len(olds), len(news), pairs):
            if step == "both":
                self.block(news[j], "both", section)  # type: ignore[index]
            elif step == "old":
                self.block(olds[i], "old", section)  # type: ignore[index]
            else:
                self.block(news[j], "new", section)  # type: ignore[index]

    def block(self, op: BlockOp, side: str, section: SectionDiff) -> None:
        old = _BLOCK.validate_python(op.block) if op.old_index is not None else None
        new = (
            _BLOCK.validate_python(new_block_data(op) if op.op == "changed" else op.block)
            if op.new_index is not None
            else None
        )
        lang = getattr(new if new is not None else old, "lang", None)
        reasons = _reasons(op, self.headings) if op.op in ("added", "removed", "changed") else []
        if op.op == "moved":
            reasons = ["moved within this section, unchanged"]
        if side == "both" and op.op in ("unchanged", "moved"):
            paras = self.emit(block_units(new, self.notes), lang, [])
        elif side == "both":
            units = _changed(op, old, new, self.notes)
            if units is None:
                self.emit(_whole(block_units(old, self.notes), "delete"), lang, [])
                units = _whole(block_units(new, self.notes), "insert")
            paras = self.emit(units, lang, reasons)
        elif side == "old":
            # A block that is also in the new draft elsewhere is explained there.
            self.emit(
                _whole(block_units(old, self.notes), "delete"),
                lang,
                reasons if op.new_index is None else [],
            )
            return
        else:
            paras = self.emit(_whole(block_units(new, self.notes), "insert"), lang, reasons)
        if paras and section.new is not None:
            self.placed[(section.new.id, op.new_index)] = (paras[0], paras[-1])


def _sources(diff: ReportDiff) -> dict[str, Any]:
    sources = diff.header.get("sources")
    found: dict[str, Any] = {}
    for side in sources or ():
        for entry in side or ():
            found.setdefault(entry["record"], entry)
    return found


def _date(meta: dict[str, Any]) -> datetime:
    try:
        return datetime.fromisoformat(str(meta.get("created_at")))
    except ValueError:
        return datetime.now(UTC).replace(tzinfo=None)


def _label(meta: dict[str, Any]) -> str:
    return str(
        meta.get("label") or f"{meta.get('report_type')} {meta.get('country')} {meta.get('year')}"
    )


def redline_docx(diff: ReportDiff, *, comments: Sequence[Any] = (), page_size: str = "A4") -> bytes:
    """The redline of `diff` as a .docx: the newer version with tracked changes from the older.

    `comments` are the newer version's review comments (as
    ``hrdraft.store.reviews.Comment`` shows them), written as Word comments.
    """
    new, old = diff.new, diff.old
    date = _date(new)
    package = WordPackage(
        language=str(new.get("language") or "en"),
        page_size=page_size,
        author=str(new.get("author") or "hrdraft"),
        date=date,
    )
    title = f"Redline: {_label(old)} → {_label(new)}"
    changed = diff.changed_sections
    front = [
        Para("title", [Piece(str(new.get("title") or ""))]),
        Para("subtitle", [Piece(title)]),
        Para("banner", [Piece(banner(diff.audience) + " · REDLINE")]),
        # What the two drafts are to each other (--force, editions, audiences), first.
        *(
            Para("about", [Piece(note[:1].upper() + note[1:] + ".")])
            for note in comparison_notes(diff)
        ),
        Para(
            "about",
            [
                Piece(
                    "Tracked changes from the older version to the newer: Accept All gives "
                    "the newer version's text, Reject All the older one's. Comments name the "
                    "records behind each change."
                )
            ],
        ),
        Para("about", [Piece(f"{len(changed)} of {len(diff.sections)} sections changed.")]),
    ]
    if diff.records:
        front.append(Para("front", [Piece("Records whose citations changed")]))
        front += [Para("about", [Piece(explain_text(e))]) for e in diff.records]
    package.emit(front)
    writer = _Redline(diff, package, _Notes(_sources(diff)))
    sections = list(diff.sections)
    olds = sorted((s for s in sections if s.old is not None), key=lambda s: s.old.position)  # type: ignore[union-attr]
    news = sorted((s for s in sections if s.new is not None), key=lambda s: s.new.position)  # type: ignore[union-attr]
    pairs = _pairs(olds, news)
    for step, i, j in interleave(len(olds), len(news), pairs):
        if step == "both":
            writer.section(news[j], "both")  # type: ignore[index]
        elif step == "old":
            writer.section(olds[i], "old")  # type: ignore[index]
        else:
            writer.section(news[j], "new")  # type: ignore[index]
    package.emit([Para("about", [Piece("End of the redline.")])])
    for comment in comments:
        where = writer.placed.get((comment.at_section or "", comment.at_index))
        if where is not None:
            note = f" ({comment.status_text})" if comment.status_text else ""
            package.comment(
                *where,
                comment.text + note,
                author=comment.author or "reviewer",
                initials="hrdraft",
                date=comment.created_at,
            )
    package.running(f"{title} · {diff.audience.capitalize()} · DRAFT", banner(diff.audience))
    package.properties(
        title=title,
        subject=f"Redline of {_label(old)} and {_label(new)}",
        keywords=f"{new.get('report_type')}, {new.get('country')}, {new.get('year')}, redline",
        custom={
            "hrdraft_redline": "1",
            "hrdraft_old_version": str(old.get("version") or ""),
            "hrdraft_new_version": str(new.get("version") or ""),
            "hrdraft_audience": diff.audience,
        },
        created=date,
    )
    return package.save()
