"""A reviewer's Word draft back to a version: tracked changes accepted, comments kept.

The file is one that ``hrdraft export N --format docx`` (or ``compile
--format docx``) wrote, edited in Word or LibreOffice, usually with Track
Changes on; ``hrdraft.history.docx_reader`` reads it as Word's Accept All
would leave it. Its custom properties name the version it was exported from
(``hrdraft_based_on``); each section heading carries a bookmark naming the
section (``hrdraft_1_c``; a heading retyped without it is found by its
text), which Word and LibreOffice both keep. A block that reads exactly as a
block of the base version keeps that block's Markdown source; an edited one
is stored as the text Word shows, bold, italic and code written as Markdown.

Then it goes through the checks of a Markdown import (``hrdraft.history.export``):
the base version's sections in order with their headings, no citation the
base does not make, nobody named without consent, no withdrawn passage
brought back. A merge's conflict whose marked paragraphs are still there is
refused until one text is chosen. The reviewer's Word comments become review
comments on the new version (``hrdraft.store.reviews``) on the block or
section they were made on; comments hrdraft wrote itself (initials
"hrdraft") are not read back.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..document import Block, BulletList, Cite, Note, Paragraph, Pointer, Report, Table
from ..errors import HrdraftError, InputFileError
from ..render.docx import block_units, note_bookmark, section_bookmarks
from ..render.wordml import Grid, Para, Piece, Unit, clean, inline_pieces, shape, visible
from ..select.markdown import escape, plain
from ..store import Store, reviews
from .docx_reader import Item, WordReader, properties, read_parts
from .export import ImportedDraft, ParsedSection, check_protection, check_structure, save_import
from .refilter import view
from .versions import load_version

__all__ = ["WordComment", "WordDraft", "import_docx", "read_docx"]


@dataclass(frozen=True)
class WordComment:
    """A reviewer's comment and where it was made: a section and (from 0) a block of it."""

    section: str
    block_index: int | None
    author: str
    text: str


@dataclass
class WordDraft:
    """What an edited Word draft holds: its properties, sections and comments.

    `text` is the body's text, one paragraph a line, for the checks that
    point at a paragraph by its number.
    """

    properties: dict[str, str]
    sections: list[ParsedSection]
    comments: list[WordComment]
    text: str


# -------------------------------------------------------------------------
# Paragraphs and tables back to blocks
# -------------------------------------------------------------------------

_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")
_LIST_START = re.compile(r"\s{0,3}([-+*]|\d{1,9}[.)])(\s|$)")


def _markdown(pieces: list[Piece], strict: bool) -> str:
    out = []
    for piece in clean(pieces):
        text = piece.text
        if text == "\n":
            out.append("\\\n")
        elif piece.code:
            ticks = "`" * (max((len(t) for t in re.findall(r"`+", text)), default=0) + 1)
            pad = " " if text.startswith("`") or text.endswith("`") else ""
            out.append(f"{ticks}{pad}{text}{pad}{ticks}")
        else:
            body = _PUNCT.sub(r"\\\1", text) if strict else (text if plain(text) else escape(text))
            core = body.strip()
            if (piece.bold or piece.italic) and core:
                mark = "***" if piece.bold and piece.italic else "**" if piece.bold else "*"
                lead, trail = body[: len(body) - len(body.lstrip())], body[len(body.rstrip()) :]
                body = f"{lead}{mark}{core}{mark}{trail}"
            out.append(body)
    text = "".join(out)
    return "\\" + text if _LIST_START.match(text) else text


def _inline(pieces: list[Piece]) -> str:
    """Inline Markdown that reads as `pieces` (checked), formatting dropped if it cannot."""
    for strict in (False, True):
        text = _markdown(pieces, strict)
        if clean(inline_pieces(text)) == clean(pieces):
            return text
    return _markdown([Piece(visible(pieces))], True)


def _text(paras: list[Para]) -> str:
    """The Markdown of a text block's paragraphs and list items."""
    out = ""
    previous = None
    numbers: dict[int, int] = {}
    for para in paras:
        line = _inline(para.pieces)
        if para.role in ("text-bullet", "text-number"):
            numbers[para.level] = numbers.get(para.level, 0) + 1
            marker = f"{numbers[para.level]}. " if para.role == "text-number" else "- "
            line = "   " * para.level + marker + line.lstrip("\\")
            gap = "\n" if previous in ("text-bullet", "text-number") else "\n\n"
        else:
            numbers.clear()
            gap = "\n\n"
        out += (gap if out else "") + line
        previous = para.role
    return out


@dataclass
class _Group:
    """One block being read: its kind, its units, the comments made on it."""

    kind: str
    units: list[Unit]
    number: int
    comments: list[str] = field(default_factory=list)
    list_id: str | None = None

    def paras(self, *roles: str) -> list[Para]:
        return [u for u in self.units if isinstance(u, Para) and (not roles or u.role in roles)]


def _groups(items: list[Item], where: str) -> list[_Group]:
    """A section's paragraphs and tables as blocks, by what their styles say they are."""
    groups: list[_Group] = []
    for item in items:
        unit = item.unit
        last = groups[-1] if groups else None
        if isinstance(unit, Grid):
            if last is not None and last.kind == "caption":
                last.kind = "table"
                last.units.append(unit)
                last.comments += item.comments
            else:
                groups.append(_Group("table", [Para("caption"), unit], item.number, item.comments))
            continue
        if last is not None and last.kind == "caption":
            last.kind = "paragraph"  # a caption with no table after it: body text after all
            last.units[0].role = "body"  # type: ignore[union-attr]
        role = unit.role
        if not unit.pieces and not unit.refs:
            continue  # an empty paragraph, as Word users leave between others
        if role == "conflict":
            raise InputFileError(
                where,
                f"paragraph {item.number}: a conflict is not resolved "
                f"({visible(unit.pieces)[:50]!r})",
                None,
                "keep one of the two texts (or write your own), delete the other and the three "
                "'Conflict' paragraphs; or choose with `hrdraft versions resolve`",
            )
        joins = {
            "bullet": ("list",),
            "continued": ("paragraph", "note"),
            "text-bullet": ("paragraph", "note"),
            "text-number": ("paragraph", "note"),
            "note": ("note",),
        }.get(role, ())
        if (
            last is not None
            and last.kind in joins
            and (role != "bullet" or last.list_id == item.list_id)
        ):
            last.units.append(unit)
            last.comments += item.comments
            continue
        kind = {
            "bullet": "list",
            "caption": "caption",
            "note-label": "note",
            "note": "note",
            "pointer": "pointer",
        }.get(role, "paragraph")
        if role == "note":
            unit = [Para("note-label"), unit]  # type: ignore[assignment]
        elif kind == "paragraph":
            unit.role = "body"
        units = unit if isinstance(unit, list) else [unit]
        groups.append(_Group(kind, units, item.number, list(item.comments), item.list_id))
    if groups and groups[-1].kind == "caption":
        groups[-1].kind = "paragraph"
        groups[-1].units[0].role = "body"  # type: ignore[union-attr]
    return groups


def _refs(units: list[Unit]) -> tuple[Cite, ...]:
    return tuple(
        dict.fromkeys(Cite(record=r.record, revision=r.revision) for u in units for r in u.refs)  # type: ignore[union-attr]
    )


def _block(group: _Group, pointers: list[Pointer], where: str) -> Block:
    """A block written from what the reviewer's file shows."""
    if group.kind == "paragraph":
        paras = group.paras()
        return Paragraph(text=_text(paras), cites=_refs(group.units), lang=paras[0].lang)
    if group.kind == "list":
        return BulletList(
            items=tuple(_inline(p.pieces) for p in group.paras()), cites=_refs(group.units)
        )
    if group.kind == "table":
        caption, grid = group.units
        return Table(
            caption=_inline(caption.pieces),  # type: ignore[union-attr]
            header=tuple(_inline(c) for c in grid.header.cells),  # type: ignore[union-attr]
            rows=tuple(tuple(_inline(c) for c in row.cells) for row in grid.rows),  # type: ignore[union-attr]
            row_cites=tuple(
                tuple(dict.fromkeys(Cite(record=r.record, revision=r.revision) for r in row.refs))
                for row in grid.rows  # type: ignore[union-attr]
            ),
        )
    if group.kind == "note":
        label, *text = group.paras()
        return Note(label=_inline(label.pieces), text=_text(text))
    if not pointers:
        raise InputFileError(
            where,
            f"paragraph {group.number}: a pointer to another report that the base version's "
            "section does not have",
            None,
            "a pointer names another report: write the sentence as body text instead",
        )
    return Pointer(report=pointers.pop(0).report, text=_inline(group.paras()[0].pieces))


# -------------------------------------------------------------------------
# Reading the file against its base
# -------------------------------------------------------------------------


def _notes(base: Report) -> dict[str, Cite]:
    """Each base citation by the bookmark a draft puts around its first note."""
    found: dict[str, Cite] = {}
    for section in base.walk():
        for block in section.blocks:
            for cite in [
                *getattr(block, "cites", ()),
                *(c for r in getattr(block, "row_cites", ()) for c in r),
            ]:
                found[note_bookmark(cite.record, cite.revision)] = cite
    return found


class _Same:
    """The base version's blocks by how they read in Word: an unedited block keeps its source."""

    class _Numbers:
        def cite(self, cites: Any) -> list[Any]:
            return [_Cited(c.record, c.revision) for c in dict.fromkeys(cites)]

    def __init__(self, base: Report) -> None:
        self.found: dict[tuple[Any, ...], Block] = {}
        for section in base.walk():
            for block in section.blocks:
                if block.kind != "conflict":
                    self.found.setdefault(shape(block_units(block, self._Numbers())), block)

    def get(self, units: list[Unit]) -> Block | None:
        return self.found.get(shape(units))


@dataclass(frozen=True)
class _Cited:
    record: str
    revision: int
    number: None = None
    text: str = ""
    first: bool = True


def read_docx(where: str, parts: dict[str, bytes], base: Report) -> WordDraft:
    """An edited Word draft (its XML `parts`, from `read_parts`) as sections of blocks.

    `base` is the version it says it was exported from, as it may be shown
    today: sections are found by its section bookmarks (or heading texts),
    a block reading as one of its blocks keeps that block's source. Nothing
    is checked yet but that the file can be read.
    """
    reader = WordReader(parts, where, _notes(base))
    items = reader.body()
    language = base.language.replace("_", "-").split("-")[0].lower()
    for item in items:  # the report's own language is no language of a paragraph's
        unit = item.unit
        if isinstance(unit, Para) and unit.lang and unit.lang.split("-")[0].lower() == language:
            unit.lang = None
    marks = section_bookmarks(s.id for s in base.walk())
    by_mark = {name: sid for sid, name in marks.items()}
    by_heading: dict[str, list[str]] = {}
    for s in base.walk():
        by_heading.setdefault(" ".join(s.heading.split()), []).append(s.id)
    # Sections: from each heading that names one, to the next; the front matter
    # before the first and the Sources list after the last are not the draft's text.
    found: list[tuple[Item, str]] = []
    chunks: dict[int, list[Item]] = {}
    current: list[Item] | None = None
    for item in items:
        unit = item.unit
        if isinstance(unit, Para) and (
            unit.role == "sources" or "hrdraft_sources" in item.bookmarks
        ):
            break
        named = next((by_mark[b] for b in item.bookmarks if b in by_mark), None)
        if item.heading is not None or named is not None:
            text = " ".join(visible(unit.pieces).split())  # type: ignore[union-attr]
            sid = named or (by_heading.get(text) or [None])[0]
            if sid is None:
                if current is None:
                    continue  # a heading of the front matter
                raise InputFileError(
                    where,
                    f"paragraph {item.number}: a heading ({text[:60]!r}) that is no section of "
                    "the base version",
                    None,
                    "sections follow the edition's outline: make it body text (style Body "
                    "Text), or remove it",
                )
            found.append((item, sid))
            current = chunks.setdefault(len(found) - 1, [])
            continue
        if current is not None:
            current.append(item)
    same = _Same(base)
    sections: list[ParsedSection] = []
    comments_at: dict[str, tuple[str, int | None]] = {}
    for k, (item, sid) in enumerate(found):
        section = base.section(sid)
        pointers = [b for b in section.blocks if isinstance(b, Pointer)] if section else []
        blocks: list[Block] = []
        for c in item.comments:
            comments_at[c] = (sid, None)
        for group in _groups(chunks.get(k, []), where):
            block = same.get(group.units)
            if block is None:
                block = _block(group, pointers, where)
            elif isinstance(block, Pointer) and block in pointers:
                pointers.remove(block)
            for c in group.comments:
                comments_at[c] = (sid, len(blocks))
            blocks.append(block)
        depth = item.heading if item.heading is not None else _depth(base, sid)
        heading = " ".join(visible(item.unit.pieces).split())  # type: ignore[union-attr]
        sections.append(ParsedSection(sid, min(depth + 2, 6), heading, item.number, blocks))
    comments = []
    for cid, (author, initials, text) in reader.comments().items():
        if initials == "hrdraft" or not text or cid not in comments_at:
            continue  # hrdraft's own comments, and any outside the draft's text
        comments.append(WordComment(*comments_at[cid], author, text))
    # One line per body paragraph or table, numbered as errors number them.
    lines = [""] * max((i.number for i in items), default=0)
    for i in items:
        unit = i.unit
        shown = (
            [unit.pieces]
            if isinstance(unit, Para)
            else [c for r in (unit.header, *unit.rows) for c in r.cells]
        )
        lines[i.number - 1] = " ".join(" ".join(visible(p) for p in shown).split())
    return WordDraft(properties(parts, where), sections, comments, "\n".join(lines))


def _depth(base: Report, section_id: str) -> int:
    def visit(section: Any, depth: int) -> int | None:
        if section.id == section_id:
            return depth
        for child in section.children:
            if (found := visit(child, depth + 1)) is not None:
                return found
        return None

    return next((d for s in base.sections if (d := visit(s, 0)) is not None), 0)


def _docx_heading(section_id: str, heading: str, level: int) -> str:
    return f"the heading '{heading}' (style Heading {max(level - 1, 1)})"


def import_docx(store: Store, path: Path, *, author: str, message: str) -> ImportedDraft:
    """Save an edited Word draft as a new version based on the one it was exported from.

    Checked as a Markdown import is (``hrdraft.history.export``); the
    reviewer's comments become review comments on the new version.
    """
    if not author.strip():
        raise HrdraftError("an imported draft needs an author", "pass --author NAME")
    where = str(path)
    data, parts = read_parts(path)
    said_in = properties(parts, where)
    based_on = said_in.get("hrdraft_based_on", "")
    if not based_on.isdigit():
        raise InputFileError(
            where,
            "names no stored version it was exported from (no hrdraft_based_on property)",
            None,
            "import a Word file that `hrdraft export VERSION --format docx` wrote, edited",
        )
    base_version, stored = load_version(store, int(based_on))
    shown = view(store, stored)
    base = shown.report
    for key in ("report_type", "country", "year", "audience", "edition"):
        said = said_in.get(f"hrdraft_{key}")
        if said is not None and said != str(getattr(base, key)):
            raise InputFileError(
                where,
                f"its properties say {key} {said!r} but version {base_version.id} is "
                f"{getattr(base, key)!r}",
                None,
                "the document properties name the base version: import the file as exported",
            )
    draft = read_docx(where, parts, base)
    try:
        check_structure(where, base, draft.sections, spell=_docx_heading)
        check_protection(where, draft.text, draft.sections, shown)
        imported = save_import(
            store,
            where,
            hashlib.sha256(data).hexdigest(),
            base_version,
            base,
            draft.sections,
            author=author,
            message=message,
        )
    except InputFileError as exc:
        # Word has no lines: the number is the paragraph's, and its section says where.
        found = exc.message.removeprefix(f"{where}:{exc.line}: ").removeprefix(f"{where}: ")
        if exc.line is not None:
            section = next((s.id for s in reversed(draft.sections) if s.line <= exc.line), None)
            within = f" (in section {section})" if section else ""
            found = f"paragraph {exc.line}{within}: {found}"
        raise InputFileError(where, found, None, exc.hint) from None
    for comment in draft.comments:
        reviews.add_comment(
            store,
            imported.version.id,
            section=comment.section,
            block_index=comment.block_index,
            author=comment.author or author,
            text=comment.text,
        )
    return imported
