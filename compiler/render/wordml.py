"""How a block looks in Word, as a model the Word writers and the Word import share.

A block becomes `Para`s (paragraphs: a role, runs of text as `Piece`s, the
citations at their end as `Ref`s) and `Grid`s (tables, rows of cells). The
draft writer (``hrdraft.render.docx``) writes them as WordprocessingML, the
redline (``hrdraft.history.docx_redline``) writes them with tracked changes,
and the import (``hrdraft.history.docx_import``) reads a reviewer's file back
into them, so "this paragraph is the one we wrote" is a comparison of models.

Record text is the safe Markdown subset; it becomes runs here with the parser
the renderer and the name protection use (``hrdraft.select.markdown``):
emphasis italic, strong bold, code monospaced, a link as its text only, an
image as its alt text. Nothing becomes a field, a hyperlink or anything else
Word would follow.

Any piece, reference, table row or paragraph mark may carry a tracked change
(``"insert"`` or ``"delete"``). `resolve` does to the model what Word's
Accept All and Reject All do to a document (ECMA-376 §17.13.5: a paragraph
whose mark is removed joins the paragraph after it), so the redline can check
its marks give back both versions before it writes them. Text marked with the
redline's sentinels (``hrdraft.render.marks``) comes out as marked pieces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import count
from typing import Any, Literal

from ..select.markdown import bounded, new_parser
from . import marks

__all__ = [
    "Grid",
    "Mark",
    "Para",
    "Piece",
    "Ref",
    "Row",
    "Unit",
    "clean",
    "inline_pieces",
    "new_list_key",
    "resolve",
    "shape",
    "text_paras",
    "visible",
]

Mark = Literal["insert", "delete"] | None

_md = new_parser()
_lists = count(1)  # list instances: only equality within one document matters


def new_list_key() -> int:
    """A key for a new list (a Word numbering instance): its items share it."""
    return next(_lists)


# Characters XML 1.0 cannot carry (record text is validated; this is a last guard).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_OPENS: dict[str, Mark] = {marks.INS_OPEN: "insert", marks.DEL_OPEN: "delete"}
_CLOSES = {marks.INS_CLOSE, marks.DEL_CLOSE}
_SENTINEL = re.compile(f"([{marks.INS_OPEN}{marks.INS_CLOSE}{marks.DEL_OPEN}{marks.DEL_CLOSE}])")


@dataclass(frozen=True)
class Piece:
    """A run of text with one formatting; ``"\\n"`` alone is a line break."""

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    mark: Mark = None

    @property
    def style(self) -> tuple[bool, bool, bool]:
        return (self.bold, self.italic, self.code)


@dataclass(frozen=True)
class Ref:
    """A citation at the end of a paragraph or table row.

    In a draft, a record cited again refers back to its first note (`first`
    False: a cross-reference showing that note's number), as the HTML does.
    """

    record: str
    revision: int
    number: int | None = None
    text: str = ""
    first: bool = True
    mark: Mark = None


@dataclass
class Para:
    """One Word paragraph.

    `role` names its style (``body``, ``continued``, ``text-bullet``,
    ``text-number``, ``bullet``, ``caption``, ``note-label``, ``note``,
    ``pointer``, ``conflict``, ``heading``, ``cell``...). `level` is a list
    item's nesting (or a heading's depth), `number` an ordered item's number,
    `list_key` which list an item belongs to. `end` is a tracked change of
    the paragraph mark itself.
    """

    role: str
    pieces: list[Piece] = field(default_factory=list)
    level: int = 0
    number: int | None = None
    list_key: int | None = None
    lang: str | None = None
    refs: list[Ref] = field(default_factory=list)
    end: Mark = None
    bookmark: str | None = None


@dataclass
class Row:
    """A table row: its cells' runs, the citations at its end, and a tracked change of it."""

    cells: list[list[Piece]]
    refs: list[Ref] = field(default_factory=list)
    mark: Mark = None


@dataclass
class Grid:
    """A table: the header row (repeated on every page) and the body rows."""

    header: Row
    rows: list[Row] = field(default_factory=list)


Unit = Para | Grid


# -------------------------------------------------------------------------
# Markdown (the safe subset, possibly with redline sentinels) to pieces
# -------------------------------------------------------------------------


class _Marks:
    """The tracked change the sentinels read so far have opened (it may span paragraphs)."""

    def __init__(self) -> None:
        self.mark: Mark = None


def _add(out: list[Piece], text: str, style: dict[str, int], state: _Marks, code: bool = False):
    for part in _SENTINEL.split(_NOT_XML.sub("", text)):
        if part in _OPENS:
            state.mark = _OPENS[part]
        elif part in _CLOSES:
            state.mark = None
        elif part:
            out.append(
                Piece(part, style["b"] > 0, style["i"] > 0, code or style["c"] > 0, state.mark)
            )


def _inline(children: Iterable[Any], state: _Marks, style: dict[str, int] | None = None):
    style = style if style is not None else {"b": 0, "i": 0, "c": 0}
    out: list[Piece] = []
    for token in children:
        kind = token.type
        if kind in ("text", "text_special"):
            _add(out, token.content, style, state)
        elif kind == "code_inline":
            _add(out, token.content, style, state, code=True)
        elif kind == "softbreak":
            _add(out, " ", style, state)
        elif kind == "hardbreak":
            out.append(Piece("\n", mark=state.mark))
        elif kind in ("strong_open", "strong_close"):
            style["b"] += 1 if kind.endswith("open") else -1
        elif kind in ("em_open", "em_close"):
            style["i"] += 1 if kind.endswith("open") else -1
        elif token.children:  # an image: its alt text
            out += _inline(token.children, state, style)
        elif kind not in ("link_open", "link_close"):  # a link shows its text only
            _add(out, token.content or "", style, state)
    return out


def inline_pieces(text: str, state: _Marks | None = None) -> list[Piece]:
    """Inline text (a list item, a cell, a caption): emphasis, strong and code only."""
    tokens = _md.parseInline(bounded(text))
    return _inline(tokens[0].children or [], state or _Marks()) if tokens else []


def text_paras(
    text: str, role: str, *, continued: str | None = None, lang: str | None = None
) -> list[Para]:
    """Block text (a paragraph, a note) as paragraphs: its own and its lists' items.

    The first paragraph gets `role`, later ones `continued` (default `role`);
    list items ``text-bullet`` or ``text-number``, nested by `level`.
    """
    state = _Marks()
    paras: list[Para] = []
    lists: list[list[Any]] = []  # [ordered, items so far, list key]
    for token in _md.parse(bounded(text)):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) if kind.startswith("ordered") else 1
            lists.append([kind.startswith("ordered"), start - 1, new_list_key()])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            lists.pop()
        elif kind == "list_item_open":
            lists[-1][1] += 1
        elif kind == "inline":
            pieces = _inline(token.children or [], state)
            if lists:
                ordered, number, key = lists[-1]
                para = Para(
                    "text-number" if ordered else "text-bullet",
                    pieces,
                    level=len(lists) - 1,
                    number=number if ordered else None,
                    list_key=key,
                )
            else:
                para = Para(role if not paras else (continued or role), pieces)
            para.lang = lang
            para.end = state.mark
            paras.append(para)
    if not paras:
        paras.append(Para(role, [], lang=lang))
    return paras


# -------------------------------------------------------------------------
# Accept All, Reject All, and comparing models
# -------------------------------------------------------------------------


def clean(pieces: Iterable[Piece]) -> list[Piece]:
    """Pieces without marks, adjacent ones of one formatting joined, empty ones dropped."""
    out: list[Piece] = []
    for piece in pieces:
        if not piece.text:
            continue
        piece = replace(piece, mark=None)
        if out and out[-1].style == piece.style and "\n" not in (out[-1].text, piece.text):
            out[-1] = replace(out[-1], text=out[-1].text + piece.text)
        else:
            out.append(piece)
    return out


def _row(row: Row, gone: str) -> Row:
    return Row(
        [clean(p for p in cell if p.mark != gone) for cell in row.cells],
        [replace(r, mark=None) for r in row.refs if r.mark != gone],
    )


def resolve(units: Sequence[Unit], which: Literal["accept", "reject"]) -> list[Unit]:
    """The units after Word's Accept All (``accept``) or Reject All (``reject``).

    Marked runs, references and rows of the other side go; a paragraph whose
    mark goes joins the paragraph after it (the text of a paragraph whose
    mark goes just before a table is lost to it, as nothing joins a table).
    """
    gone = "delete" if which == "accept" else "insert"
    out: list[Unit] = []
    carry: list[Piece] = []
    carry_refs: list[Ref] = []
    for unit in units:
        if isinstance(unit, Grid):
            carry, carry_refs = [], []
            if unit.header.mark != gone:
                rows = [_row(r, gone) for r in unit.rows if r.mark != gone]
                out.append(Grid(_row(unit.header, gone), rows))
            continue
        pieces = carry + [p for p in unit.pieces if p.mark != gone]
        refs = carry_refs + [r for r in unit.refs if r.mark != gone]
        if unit.end == gone:
            carry, carry_refs = pieces, refs
            continue
        carry, carry_refs = [], []
        out.append(
            replace(
                unit, pieces=clean(pieces), refs=[replace(r, mark=None) for r in refs], end=None
            )
        )
    if carry or carry_refs:  # joins whatever follows the units
        out.append(Para("(joined)", clean(carry), refs=[replace(r, mark=None) for r in carry_refs]))
    return out


def _lang(tag: str | None) -> str:
    return (tag or "").replace("_", "-").split("-")[0].lower()


def shape(units: Iterable[Unit]) -> tuple[Any, ...]:
    """What a reader can tell apart: roles, levels, numbers, languages, text, formatting, cites.

    Which Word list an item is in, and marks, are not part of it; languages
    are compared by their primary subtag (an editor may rewrite ``zh-Hans``
    as ``zh-CN``).
    """

    def cells(row: Row) -> tuple[Any, ...]:
        refs = tuple((r.record, r.revision) for r in row.refs)
        return (tuple(_pieces(c) for c in row.cells), refs)

    out: list[Any] = []
    for unit in units:
        if isinstance(unit, Grid):
            out.append(("table", cells(unit.header), tuple(cells(r) for r in unit.rows)))
        else:
            refs = tuple((r.record, r.revision) for r in unit.refs)
            out.append(
                (unit.role, unit.level, unit.number, _lang(unit.lang), _pieces(unit.pieces), refs)
            )
    return tuple(out)


def _pieces(pieces: Iterable[Piece]) -> tuple[tuple[str, bool, bool, bool], ...]:
    return tuple((p.text, *p.style) for p in clean(pieces))


def visible(pieces: Iterable[Piece]) -> str:
    """The text of pieces as a reader reads it."""
    return "".join(p.text for p in pieces)


def walk_paras(units: Iterable[Unit]) -> Iterator[Para]:
    """Every paragraph of `units` (a table's cells are not paragraphs of the model)."""
    for unit in units:
        if isinstance(unit, Para):
            yield unit
