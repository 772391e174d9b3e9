"""A Word file as Word's Accept All would leave it: paragraphs and tables of the Word model.

Reads the .docx a reviewer sends back (``hrdraft.history.docx_import`` makes
a version of it). Inserted and moved-to text is kept, deleted and moved-from
text dropped, a paragraph whose mark was deleted is one with the next,
deleted table rows are gone, formatting changes count as they now are.
Each paragraph's style says its role (``hrdraft.render.docx.STYLES`` names
them); footnotes cite records by the "(record ID, rev. N)" at their end, a
NOTEREF by the note bookmark of the base's citation. A picture, object or
endnote is refused (a draft cannot hold one).

The file is untrusted: its size is checked unpacked before anything is
read, XML is parsed with no entities resolved and nothing fetched, and no
external relationship is followed.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from ..document import Cite
from ..errors import InputFileError
from ..render.docx import STYLES
from ..render.wordml import Grid, Para, Piece, Ref, Row, Unit
from .export import IMPORT_LIMIT

__all__ = ["Item", "WordReader", "properties", "read_parts"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CP = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_CITE = re.compile(r"\(record (.+), rev\. (\d+)\)\s*$", re.S)
_NOTEREF = re.compile(r"^\s*NOTEREF\s+(\S+)")
# A chapter's .docx unpacks to a few megabytes; far more is no draft, and a
# zip bomb must not be unpacked to find out.
_UNPACKED_LIMIT = 200_000_000
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
_ROLES = {name.lower(): role for role, name in STYLES.items()}
_ROLES.update(dict.fromkeys(("list paragraph", "list number", "list bullet"), "bullet"))
# Elements whose content Accept All drops, or that are no text of the paragraph.
_SKIP = {
    f"{_W}{t}"
    for t in (
        "del moveFrom pPrChange rPrChange sectPrChange tblPrChange trPrChange tcPrChange "
        "delText delInstrText commentReference annotationRef footnoteRef separator "
        "continuationSeparator pPr rPr bookmarkStart bookmarkEnd proofErr"
    ).split()
}
_OBJECTS = {f"{_W}{t}" for t in ("drawing", "pict", "object", "endnoteReference")}
_HINT_OBJECT = "remove it, or describe it in words or in a comment"


@dataclass
class Item:
    """A body paragraph or table as Accept All leaves it, and what it is marked with."""

    unit: Unit
    number: int  # 1-based in body order: what an error points at
    bookmarks: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    heading: int | None = None  # outline level (0: Heading 1)
    list_id: str | None = None


# -------------------------------------------------------------------------
# The package
# -------------------------------------------------------------------------


def read_parts(path: Path) -> tuple[bytes, dict[str, bytes]]:
    """The file's bytes and its XML parts by name, after checks a hostile file cannot get past.

    The declared unpacked size bounds what is unpacked: a part that unpacks
    to more than it declares fails its check as it is read.
    """
    where = str(path)
    again = "import the Word file that `hrdraft export` wrote, edited"
    if path.stat().st_size > IMPORT_LIMIT:
        raise InputFileError(
            where,
            f"is larger than {IMPORT_LIMIT // 1_000_000} MB, far more than any chapter",
            None,
            again,
        )
    data = path.read_bytes()
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise InputFileError(
            where,
            "is not a Word document (.docx)",
            None,
            "save it from Word as a .docx (Word Document), not .doc, .odt or .pdf",
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            if sum(i.file_size for i in infos) > _UNPACKED_LIMIT:
                raise InputFileError(where, "unpacks to far more than any Word draft", None, again)
            if "word/document.xml" not in {i.filename for i in infos}:
                raise InputFileError(where, "is a zip file but not a Word document", None, again)
            parts = {
                i.filename: archive.read(i) for i in infos if i.filename.endswith((".xml", ".rels"))
            }
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as exc:
        raise InputFileError(where, f"cannot be unpacked ({exc})", None, again) from None
    return data, parts


def _xml(parts: dict[str, bytes], name: str, where: str) -> Any:
    data = parts.get(name)
    if data is None:
        return None
    try:
        return etree.fromstring(data, _PARSER)
    except etree.XMLSyntaxError as exc:
        raise InputFileError(where, f"its part {name} is not well-formed XML ({exc})") from None


def _related(parts: dict[str, bytes], where: str) -> dict[str, str]:
    """The document's parts by relationship type (footnotes, comments, styles), never external."""
    rels = _xml(parts, "word/_rels/document.xml.rels", where)
    found: dict[str, str] = {}
    for rel in rels.iter(f"{_RELS}Relationship") if rels is not None else ():
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        name = target.lstrip("/") if target.startswith("/") else f"word/{target}"
        found[rel.get("Type", "").rsplit("/", 1)[-1]] = name
    return found


def properties(parts: dict[str, bytes], where: str) -> dict[str, str]:
    root = _xml(parts, "docProps/custom.xml", where)
    out: dict[str, str] = {}
    for prop in root.iter(f"{_CP}property") if root is not None else ():
        value = next(iter(prop), None)
        out[prop.get("name", "")] = (value.text or "") if value is not None else ""
    return out


def _on(rpr: Any, tag: str) -> bool:
    element = rpr.find(f"{_W}{tag}") if rpr is not None else None
    return element is not None and element.get(f"{_W}val", "true") not in ("0", "false", "off")


def _val(element: Any, path: str) -> str | None:
    found = element.find(path) if element is not None else None
    return found.get(f"{_W}val") if found is not None else None


# -------------------------------------------------------------------------
# The body, as Accept All leaves it
# -------------------------------------------------------------------------


class WordReader:
    """Reads body paragraphs and tables into the Word model, deleted content left out."""

    def __init__(self, parts: dict[str, bytes], where: str, notes: dict[str, Cite]) -> None:
        self.where = where
        related = _related(parts, where)
        self.styles: dict[str, str] = {}
        styles = _xml(parts, related.get("styles", "word/styles.xml"), where)
        for style in styles.iter(f"{_W}style") if styles is not None else ():
            self.styles[style.get(f"{_W}styleId", "")] = (_val(style, f"{_W}name") or "").lower()
        self.footnotes: dict[str, str] = {}
        footnotes = _xml(parts, related.get("footnotes", "word/footnotes.xml"), where)
        for note in footnotes.iter(f"{_W}footnote") if footnotes is not None else ():
            text = "".join(t.text or "" for t in note.iter(f"{_W}t"))
            self.footnotes[note.get(f"{_W}id", "")] = text
        self.notes = notes  # note bookmark → the citation it stands for
        self.document = _xml(parts, "word/document.xml", where)
        self.comment_part = _xml(parts, related.get("comments", "word/comments.xml"), where)

    def _cite(self, note_id: str, number: int) -> Cite:
        text = self.footnotes.get(note_id, "")
        m = _CITE.search(text)
        if m is None:
            raise InputFileError(
                self.where,
                f"paragraph {number}: a footnote hrdraft did not write ({text.strip()[:60]!r}); "
                "a draft's notes cite records",
                None,
                "put a remark in a Word comment, not a footnote; to cite a record, copy a "
                "footnote of the draft that cites it",
            )
        return Cite(record=m[1], revision=int(m[2]))

    def _noteref(self, bookmark: str, number: int) -> Cite:
        cite = self.notes.get(bookmark)
        if cite is None:
            raise InputFileError(
                self.where,
                f"paragraph {number} refers back to a note ({bookmark}) that is none of the base "
                "version's citations",
                None,
                "cite the record with a footnote copied from the draft, or remove the reference",
            )
        return cite

    def runs(self, p: Any, number: int) -> tuple[list[Piece], list[Cite]]:
        pieces: list[Piece] = []
        cites: list[Cite] = []
        fields: list[str] = []  # open complex fields: "instr", "result", "noteref"

        def visit(element: Any) -> None:
            for child in element:
                tag = child.tag
                if tag in _SKIP:
                    continue
                if tag in _OBJECTS:
                    raise InputFileError(
                        self.where,
                        f"paragraph {number} holds a picture, object or endnote, which a draft "
                        "cannot hold",
                        None,
                        _HINT_OBJECT,
                    )
                if tag == f"{_W}r":
                    self._run(child, pieces, cites, fields, number)
                elif tag == f"{_W}fldSimple" and (m := _NOTEREF.match(child.get(f"{_W}instr", ""))):
                    cites.append(self._noteref(m[1], number))
                else:  # ins, moveTo, hyperlink, smartTag, sdt, fldSimple...: their content
                    visit(child)

        visit(p)
        return pieces, cites

    def _run(
        self, r: Any, pieces: list[Piece], cites: list[Cite], fields: list[str], number: int
    ) -> None:
        rpr = r.find(f"{_W}rPr")
        style = self.styles.get(_val(rpr, f"{_W}rStyle") or "", "")
        # A note's number, the comma between notes, a comment's mark: not text.
        marker = style in ("footnote reference", "hrdraft note separator", "annotation reference")
        bold, italic, code = _on(rpr, "b"), _on(rpr, "i"), style == "hrdraft code"
        for child in r:
            tag = child.tag
            if tag == f"{_W}fldChar":
                kind = child.get(f"{_W}fldCharType")
                if kind == "begin":
                    fields.append("instr")
                elif kind == "separate" and fields:
                    fields[-1] = "noteref" if fields[-1].startswith("noteref") else "result"
                elif kind == "end" and fields:
                    fields.pop()
                continue
            if fields and fields[-1] != "result":
                instr = tag == f"{_W}instrText" and fields[-1] == "instr"
                if instr and (m := _NOTEREF.match(child.text or "")) is not None:
                    cites.append(self._noteref(m[1], number))
                    fields[-1] = "noteref"
                continue
            if tag == f"{_W}footnoteReference":
                cites.append(self._cite(child.get(f"{_W}id", ""), number))
            elif tag in _OBJECTS:
                raise InputFileError(
                    self.where,
                    f"paragraph {number} holds a picture, object or endnote, which a draft "
                    "cannot hold",
                    None,
                    _HINT_OBJECT,
                )
            elif marker:
                continue
            elif tag == f"{_W}t":
                pieces.append(Piece(child.text or "", bold, italic, code))
            elif tag == f"{_W}tab":
                pieces.append(Piece("\t", bold, italic, code))
            elif tag in (f"{_W}br", f"{_W}cr") and child.get(f"{_W}type") in (None, "textWrapping"):
                pieces.append(Piece("\n"))
            elif tag == f"{_W}noBreakHyphen":
                pieces.append(Piece("-", bold, italic, code))

    def paragraph(self, p: Any, number: int) -> Item:
        ppr = p.find(f"{_W}pPr")
        style = self.styles.get(_val(ppr, f"{_W}pStyle") or "", "normal")
        heading = None
        if re.fullmatch(r"heading [1-9]", style):
            heading = int(style[-1]) - 1
        outline = _val(ppr, f"{_W}outlineLvl")
        if outline is not None and outline.isdigit() and int(outline) < 9:
            heading = int(outline)
        list_id = _val(ppr, f"{_W}numPr/{_W}numId")
        level = _val(ppr, f"{_W}numPr/{_W}ilvl")
        role = "heading" if heading is not None else _ROLES.get(style, "body")
        if role == "body" and list_id not in (None, "0"):
            role = "bullet"  # a list the reviewer made: a list block
        pieces, cites = self.runs(p, number)
        unit = Para(
            role,
            pieces,
            level=int(level) if level and level.isdigit() else 0,
            lang=_paragraph_lang(p),
            refs=[Ref(c.record, c.revision) for c in cites],
        )
        return Item(
            unit,
            number,
            [b.get(f"{_W}name", "") for b in p.iter(f"{_W}bookmarkStart")],
            [c.get(f"{_W}id", "") for c in p.iter(f"{_W}commentRangeStart")],
            heading,
            list_id,
        )

    def table(self, tbl: Any, number: int) -> Item | None:
        rows: list[Row] = []
        for tr in tbl.iter(f"{_W}tr"):
            if tr.find(f"{_W}trPr/{_W}del") is not None:
                continue
            cells: list[list[Piece]] = []
            refs: list[Ref] = []
            for tc in tr.findall(f"{_W}tc"):
                pieces: list[Piece] = []
                for k, p in enumerate(tc.iter(f"{_W}p")):
                    more, cites = self.runs(p, number)
                    if k and more:
                        pieces.append(Piece(" "))  # a cell is one line of text in a draft
                    pieces += more
                    refs += [Ref(c.record, c.revision) for c in cites]
                cells.append(pieces)
            rows.append(Row(cells, refs))
        if not rows:
            return None  # the reviewer deleted the whole table
        comments = [c.get(f"{_W}id", "") for c in tbl.iter(f"{_W}commentRangeStart")]
        return Item(Grid(rows[0], rows[1:]), number, comments=comments)

    def body(self) -> list[Item]:
        """Paragraphs and tables in order; a paragraph that lost its mark is one with the next."""
        body = self.document.find(f"{_W}body") if self.document is not None else None
        if body is None:
            raise InputFileError(self.where, "has no document body")
        out: list[Item] = []
        carry: Item | None = None
        for number, element in enumerate(_elements(body), 1):
            if element.tag == f"{_W}tbl":
                if carry is not None:
                    out.append(carry)
                    carry = None
                table = self.table(element, number)
                if table is not None:
                    out.append(table)
                continue
            item = self.paragraph(element, number)
            if carry is not None:
                joined = carry.unit
                item.unit.pieces[:0] = joined.pieces  # type: ignore[union-attr]
                item.unit.refs[:0] = joined.refs  # type: ignore[union-attr]
                item.bookmarks[:0] = carry.bookmarks
                item.comments[:0] = carry.comments
                carry = None
            mark = element.find(f"{_W}pPr/{_W}rPr")
            if mark is not None and (
                mark.find(f"{_W}del") is not None or mark.find(f"{_W}moveFrom") is not None
            ):
                carry = item
                continue
            out.append(item)
        if carry is not None:
            out.append(carry)
        return out

    def comments(self) -> dict[str, tuple[str, str, str]]:
        """Comment id → (author, initials, text)."""
        out = {}
        root = self.comment_part
        for c in root.iter(f"{_W}comment") if root is not None else ():
            text = "\n".join(
                "".join(t.text or "" for t in p.iter(f"{_W}t")) for p in c.iter(f"{_W}p")
            )
            out[c.get(f"{_W}id", "")] = (
                c.get(f"{_W}author", ""),
                c.get(f"{_W}initials", ""),
                text.strip(),
            )
        return out


def _elements(body: Any) -> Iterator[Any]:
    """The body's paragraphs and tables, through content controls and custom XML."""
    for child in body:
        if child.tag in (f"{_W}p", f"{_W}tbl"):
            yield child
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            yield from _elements(child)


def _paragraph_lang(p: Any) -> str | None:
    """The language a paragraph is tagged with: its mark's, else its first text run's.

    Not a later run's: Word tags what a reviewer types with their keyboard's
    language, and a French keyboard does not make a paragraph French.
    """
    first_run = next((r for r in p.iter(f"{_W}r") if r.find(f"{_W}t") is not None), None)
    for rpr in (
        p.find(f"{_W}pPr/{_W}rPr"),
        first_run.find(f"{_W}rPr") if first_run is not None else None,
    ):
        lang = rpr.find(f"{_W}lang") if rpr is not None else None
        if lang is None:
            continue
        if p.find(f"{_W}pPr/{_W}bidi") is not None and lang.get(f"{_W}bidi"):
            return lang.get(f"{_W}bidi")
        east = lang.get(f"{_W}eastAsia")
        if (
            east
            and east.split("-")[0].lower() in ("zh", "ja", "ko")
            and east == lang.get(f"{_W}val")
        ):
            return east
        return lang.get(f"{_W}val")
    return None
