"""The Word package the Word writers write into: python-docx, and WordprocessingML it lacks.

python-docx gives the package (parts, relationships, content types), the
built-in styles, the header and footer and the comments part. What it has no
API for is written here as WordprocessingML: footnotes (``word/footnotes.xml``),
tracked changes (``w:ins``/``w:del`` with ``w:delText``, paragraph marks and
table rows included), bookmarks, fields (note cross-references, page
numbers), languages (``w:lang``), right-to-left paragraphs (``w:bidi``,
``w:rtl``), lists (a numbering instance per list) and the custom document
properties. `WordPackage.emit` writes the paragraphs and tables of the model
(``hrdraft.render.wordml``) into the body; the draft writer
(``hrdraft.render.docx``) and the redline (``hrdraft.history.docx_redline``)
decide what they are. Fonts are the Noto families the PDF uses (Latin,
Chinese, Arabic), named in the styles; Word and LibreOffice take the installed
ones, and nothing is embedded or fetched.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from xml.sax.saxutils import escape as xml_escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Twips
from lxml import etree

from .renderer import text_direction
from .wordml import Grid, Mark, Para, Piece, Ref, Unit

__all__ = ["FONTS", "STYLES", "WordPackage", "note_bookmark", "w"]

# Latin, East Asian and complex-script (Arabic) families: those of the PDF.
FONTS = {
    "serif": ("Noto Serif", "Noto Serif CJK SC", "Noto Naskh Arabic"),
    "sans": ("Noto Sans", "Noto Sans CJK SC", "Noto Sans Arabic"),
    "mono": ("DejaVu Sans Mono", "Noto Sans Mono CJK SC", "DejaVu Sans Mono"),
}
# Paragraph roles of the model (hrdraft.render.wordml) → Word style names.
# The import reads a paragraph's role back from its style's name.
STYLES: dict[str, str] = {
    "title": "Title",
    "subtitle": "Subtitle",
    "banner": "hrdraft Banner",
    "front": "hrdraft Front Heading",
    "about": "hrdraft About",
    "body": "Body Text",
    "continued": "hrdraft Continued",
    "text-bullet": "hrdraft Text List",
    "text-number": "hrdraft Text Numbered",
    "bullet": "List Bullet",
    "caption": "Caption",
    "note-label": "hrdraft Note Label",
    "note": "hrdraft Note",
    "pointer": "hrdraft Pointer",
    "conflict": "hrdraft Conflict",
    "cell": "hrdraft Table Text",
    "header-cell": "hrdraft Table Heading",
    "sources": "hrdraft Sources Heading",
    "source": "hrdraft Source",
    "toc1": "toc 1",
    "toc2": "toc 2",
    "toc3": "toc 3",
}
_PAGE = {"A4": (11906, 16838), "letter": (12240, 15840)}  # twips
_CJK = frozenset({"zh", "ja", "ko"})
_CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
_CT_FOOTNOTES = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
_CT_CUSTOM = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
_RT_CUSTOM = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"


def _fonts(kind: str) -> str:
    latin, east, complex_ = FONTS[kind]
    return f'<w:rFonts w:ascii="{latin}" w:hAnsi="{latin}" w:eastAsia="{east}" w:cs="{complex_}"/>'


# name: (styleId, type, basedOn, next, pPr, rPr)
_NEW_STYLES: dict[str, tuple[str, str, str, str, str, str]] = {
    "hrdraft Banner": (
        "hrdraftBanner", "paragraph", "Normal", "", '<w:jc w:val="center"/>',
        _fonts("sans") + '<w:b/><w:bCs/><w:caps/><w:color w:val="9C0006"/>',
    ),
    "hrdraft Front Heading": (
        "hrdraftFrontHeading", "paragraph", "Normal", "Normal",
        '<w:keepNext/><w:spacing w:before="240" w:after="120"/>',
        _fonts("sans") + '<w:b/><w:bCs/><w:sz w:val="26"/><w:szCs w:val="26"/>',
    ),
    "hrdraft About": ("hrdraftAbout", "paragraph", "Normal", "", '<w:spacing w:after="40"/>',
                      '<w:sz w:val="20"/><w:szCs w:val="20"/>'),
    "hrdraft Continued": ("hrdraftContinued", "paragraph", "BodyText", "BodyText", "", ""),
    "hrdraft Text List": ("hrdraftTextList", "paragraph", "BodyText", "BodyText",
                          '<w:contextualSpacing/>', ""),
    "hrdraft Text Numbered": ("hrdraftTextNumbered", "paragraph", "BodyText", "BodyText",
                              '<w:contextualSpacing/>', ""),
    "hrdraft Note Label": (
        "hrdraftNoteLabel", "paragraph", "Normal", "hrdraftNote",
        '<w:keepNext/><w:pBdr><w:top w:val="single" w:sz="6" w:space="4" w:color="7F7F7F"/>'
        '<w:left w:val="single" w:sz="6" w:space="4" w:color="7F7F7F"/>'
        '<w:right w:val="single" w:sz="6" w:space="4" w:color="7F7F7F"/></w:pBdr>'
        '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/><w:spacing w:after="0"/>',
        _fonts("sans") + "<w:b/><w:bCs/>",
    ),
    "hrdraft Note": (
        "hrdraftNote", "paragraph", "Normal", "BodyText",
        '<w:pBdr><w:left w:val="single" w:sz="6" w:space="4" w:color="7F7F7F"/>'
        '<w:bottom w:val="single" w:sz="6" w:space="4" w:color="7F7F7F"/>'
        '<w:right w:val="single" w:sz="6" w:space="4" w:color="7F7F7F"/></w:pBdr>'
        '<w:shd w:val="clear" w:color="auto" w:fill="F2F2F2"/>',
        "",
    ),
    "hrdraft Pointer": ("hrdraftPointer", "paragraph", "BodyText", "BodyText", "",
                        "<w:i/><w:iCs/>"),
    "hrdraft Conflict": (
        "hrdraftConflict", "paragraph", "Normal", "BodyText",
        '<w:keepNext/><w:pBdr><w:top w:val="double" w:sz="6" w:space="2" w:color="C00000"/>'
        '<w:bottom w:val="double" w:sz="6" w:space="2" w:color="C00000"/></w:pBdr>'
        '<w:shd w:val="clear" w:color="auto" w:fill="FCE4E4"/>',
        _fonts("sans") + '<w:b/><w:bCs/><w:color w:val="9C0006"/>',
    ),
    "hrdraft Table Text": ("hrdraftTableText", "paragraph", "Normal", "",
                           '<w:spacing w:after="0"/>', '<w:sz w:val="20"/><w:szCs w:val="20"/>'),
    "hrdraft Table Heading": ("hrdraftTableHeading", "paragraph", "hrdraftTableText", "",
                              "", "<w:b/><w:bCs/>"),
    "hrdraft Sources Heading": ("hrdraftSourcesHeading", "paragraph", "hrdraftFrontHeading",
                                "hrdraftSource", "", ""),
    "hrdraft Source": ("hrdraftSource", "paragraph", "Normal", "",
                       '<w:spacing w:after="60"/><w:ind w:left="360" w:hanging="360"/>',
                       '<w:sz w:val="20"/><w:szCs w:val="20"/>'),
    "toc 1": ("TOC1", "paragraph", "Normal", "Normal", '<w:spacing w:after="60"/>', ""),
    "toc 2": ("TOC2", "paragraph", "Normal", "Normal",
              '<w:spacing w:after="60"/><w:ind w:left="220"/>', ""),
    "toc 3": ("TOC3", "paragraph", "Normal", "Normal",
              '<w:spacing w:after="60"/><w:ind w:left="440"/>', ""),
    "footnote text": ("FootnoteText", "paragraph", "Normal", "", '<w:spacing w:after="0"/>',
                      '<w:sz w:val="18"/><w:szCs w:val="18"/>'),
    "annotation text": ("CommentText", "paragraph", "Normal", "", "",
                        '<w:sz w:val="20"/><w:szCs w:val="20"/>'),
    "footnote reference": ("FootnoteReference", "character", "DefaultParagraphFont", "", "",
                           '<w:vertAlign w:val="superscript"/>'),
    "hrdraft Note Separator": ("hrdraftNoteSeparator", "character", "DefaultParagraphFont", "",
                               "", '<w:vertAlign w:val="superscript"/>'),
    "annotation reference": ("CommentReference", "character", "DefaultParagraphFont", "", "",
                             '<w:sz w:val="16"/><w:szCs w:val="16"/>'),
    "hrdraft Code": ("hrdraftCode", "character", "DefaultParagraphFont", "", "",
                     _fonts("mono")),
    "Hyperlink": ("Hyperlink", "character", "DefaultParagraphFont", "", "",
                  '<w:color w:val="0563C1"/><w:u w:val="single"/>'),
}  # fmt: skip


def note_bookmark(record: str, revision: int) -> str:
    """The bookmark around a record revision's first note, which later citations refer to."""
    return "hrdraft_n_" + hashlib.sha1(f"{record}@{revision}".encode()).hexdigest()[:16]


def w(tag: str, **attrs: str) -> Any:
    """A w:`tag` element with w: attributes."""
    return OxmlElement(f"w:{tag}", attrs={qn(f"w:{k}"): v for k, v in attrs.items()})


# The order CT_Settings requires (ECMA-376 §17.15.1.78), as far as this writer uses it.
_SETTINGS_ORDER = (
    "writeProtection view zoom removePersonalInformation removeDateAndTime "
    "doNotDisplayPageBoundaries displayBackgroundShape printPostScriptOverText "
    "printFractionalCharacterWidth printFormsData embedTrueTypeFonts embedSystemFonts "
    "saveSubsetFonts saveFormsData mirrorMargins alignBordersAndEdges "
    "bordersDoNotSurroundHeader bordersDoNotSurroundFooter gutterAtTop hideSpellingErrors "
    "hideGrammaticalErrors activeWritingStyle proofState formsDesign attachedTemplate linkStyles "
    "stylePaneFormatFilter stylePaneSortMethod documentType mailMerge revisionView "
    "trackRevisions doNotTrackMoves doNotTrackFormatting documentProtection "
    "autoFormatOverride styleLockTheme styleLockQFSet defaultTabStop autoHyphenation "
    "consecutiveHyphenLimit hyphenationZone doNotHyphenateCaps showEnvelope "
    "summaryLength clickAndTypeStyle defaultTableStyle evenAndOddHeaders bookFoldRevPrinting "
    "bookFoldPrinting bookFoldPrintingSheets drawingGridHorizontalSpacing "
    "drawingGridVerticalSpacing displayHorizontalDrawingGridEvery "
    "displayVerticalDrawingGridEvery doNotUseMarginsForDrawingGridOrigin "
    "drawingGridHorizontalOrigin drawingGridVerticalOrigin doNotShadeFormData noPunctuationKerning "
    "characterSpacingControl printTwoOnOne strictFirstAndLastChars noLineBreaksAfter "
    "noLineBreaksBefore savePreviewPicture doNotValidateAgainstSchema saveInvalidXml "
    "ignoreMixedContent alwaysShowPlaceholderText doNotDemarcateInvalidXml saveXmlDataOnly "
    "useXSLTWhenSaving saveThroughXslt showXMLTags alwaysMergeEmptyNamespace updateFields "
    "hdrShapeDefaults footnotePr endnotePr compat docVars rsids"
).split()


def _setting(settings: Any, element: Any) -> None:
    """Put `element` into w:settings where the schema's order says (Word is strict about it)."""
    name = etree.QName(element).localname
    after = set(_SETTINGS_ORDER[_SETTINGS_ORDER.index(name) + 1 :])
    for child in settings:
        if (
            etree.QName(child).localname in after
            or etree.QName(child).localname not in _SETTINGS_ORDER
        ):
            child.addprevious(element)
            return
    settings.append(element)


def _lang(lang: str) -> dict[str, str]:
    """w:lang attributes: the tag for Latin text, and for East Asian or complex script text."""
    primary = lang.replace("_", "-").split("-")[0].lower()
    attrs = {"val": lang}
    if primary in _CJK:
        attrs["eastAsia"] = lang
    if text_direction(lang) == "rtl":
        attrs["bidi"] = lang
    return attrs


# -------------------------------------------------------------------------
# The package: styles, numbering, footnotes, comments, properties
# -------------------------------------------------------------------------


class WordPackage:
    """One Word document being written: its body, notes, comments, lists and marks.

    `author` and `date` go on every tracked change (``w:ins``/``w:del``)
    written through it (the redline's).
    """

    def __init__(
        self,
        *,
        language: str,
        page_size: str = "A4",
        author: str = "hrdraft",
        date: datetime | None = None,
    ) -> None:
        self.doc = docx.Document()
        self.language = language or "en"
        self.author = author
        self.date = date or datetime.now(UTC).replace(tzinfo=None)
        self.body = self.doc.element.body
        self._sect = self.body[-1]  # the body's closing w:sectPr
        self._ids = iter(range(1, 10**9))
        self._footnotes: list[Any] = []
        self._lists: dict[int, int] = {}
        self._styles()
        self._settings()
        width, height = _PAGE.get(page_size, _PAGE["A4"])
        section = self.doc.sections[0]
        section.page_width, section.page_height = Twips(width), Twips(height)
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Twips(1300))
        # The template's picture of a blank page, and its Word 2010 copy of the
        # styles (which would lack ours): no parts of this document.
        rels = self.doc.part.package.rels
        for rid in [r for r, rel in rels.items() if rel.reltype == RT.THUMBNAIL]:
            rels.pop(rid)
        rels = self.doc.part.rels
        for rid in [r for r, rel in rels.items() if rel.reltype.endswith("/stylesWithEffects")]:
            rels.pop(rid)

    # -- setup ------------------------------------------------------------

    def _styles(self) -> None:
        styles = self.doc.styles.element
        primary = self.language.replace("_", "-").split("-")[0].lower()
        east = self.language if primary in _CJK else "zh-CN"
        bidi = self.language if text_direction(self.language) == "rtl" else "ar-SA"
        defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
        for old in (defaults.find(qn("w:rFonts")), defaults.find(qn("w:lang"))):
            if old is not None:
                defaults.remove(old)
        defaults.insert(
            0, parse_xml(_fonts("serif").replace("<w:rFonts", f"<w:rFonts {nsdecls('w')}"))
        )
        defaults.append(w("lang", val=self.language, eastAsia=east, bidi=bidi))
        # Theme fonts would win over the families named here: headings and
        # titles get the sans families by name.
        for style in styles.iter(qn("w:style")):
            fonts = style.find(f"{qn('w:rPr')}/{qn('w:rFonts')}")
            if fonts is not None:
                rpr = fonts.getparent()
                rpr.replace(
                    fonts,
                    parse_xml(_fonts("sans").replace("<w:rFonts", f"<w:rFonts {nsdecls('w')}")),
                )
        known = {s.find(qn("w:name")).get(qn("w:val")).lower() for s in styles.iter(qn("w:style"))}
        for name, (sid, kind, based, nxt, ppr, rpr) in _NEW_STYLES.items():
            if name.lower() in known:
                continue
            xml = (
                f'<w:style {nsdecls("w")} w:type="{kind}" w:styleId="{sid}">'
                f'<w:name w:val="{name}"/><w:basedOn w:val="{based}"/>'
                + (f'<w:next w:val="{nxt}"/>' if nxt else "")
                + "<w:qFormat/>"
                + (f"<w:pPr>{ppr}</w:pPr>" if ppr else "")
                + (f"<w:rPr>{rpr}</w:rPr>" if rpr else "")
                + "</w:style>"
            )
            styles.append(parse_xml(xml))
        self._style_ids = {
            s.find(qn("w:name")).get(qn("w:val")).lower(): s.get(qn("w:styleId"))
            for s in styles.iter(qn("w:style"))
        }
        caption = self.doc.styles["Caption"].element
        caption.get_or_add_pPr().insert(0, w("keepNext"))

    def _settings(self) -> None:
        # Track Changes on from the start: a reviewer's edits come back tracked.
        _setting(self.doc.settings.element, w("trackRevisions"))
        numbering = self.doc.part.numbering_part.element
        first_num = numbering.find(qn("w:num"))
        for abstract_id, formats in ((900, ("bullet",) * 9), (901, ("decimal",) * 9)):
            levels = "".join(
                f'<w:lvl w:ilvl="{i}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
                f'<w:lvlText w:val="{"•◦▪"[i % 3] if fmt == "bullet" else f"%{i + 1}."}"/>'
                f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="{360 * (i + 1)}" '
                f'w:hanging="360"/></w:pPr></w:lvl>'
                for i, fmt in enumerate(formats)
            )
            abstract = parse_xml(
                f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
                f'<w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
            )
            first_num.addprevious(abstract)
        self._numbering = numbering

    def style_id(self, role: str) -> str:
        """The styleId of a role's style (``body`` → ``BodyText``), or of a style named `role`."""
        return self._style_ids.get(STYLES.get(role, role).lower(), "Normal")

    def heading_style(self, depth: int) -> str:
        return self._style_ids[f"heading {min(depth + 1, 9)}"]

    def next_id(self) -> str:
        return str(next(self._ids))

    def _num(self, key: int, ordered: bool, start: int) -> str:
        if key not in self._lists:
            num_id = 1000 + len(self._lists)
            self._numbering.append(
                parse_xml(
                    f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId '
                    f'w:val="{901 if ordered else 900}"/><w:lvlOverride w:ilvl="0">'
                    f'<w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
                )
            )
            self._lists[key] = num_id
        return str(self._lists[key])

    # -- marks, runs, paragraphs ------------------------------------------

    def _mark(self, kind: str) -> Any:
        return w(
            "ins" if kind == "insert" else "del",
            id=self.next_id(),
            author=self.author,
            date=self.date.strftime("%Y-%m-%dT%H:%M:%SZ"),
        )

    def run(self, piece: Piece, *, lang: str | None, rtl: bool, style: str | None = None) -> Any:
        r = w("r")
        rpr = w("rPr")
        if style or piece.code:
            rpr.append(w("rStyle", val=style or self.style_id("hrdraft code")))
        for flag, tags in ((piece.bold, ("b", "bCs")), (piece.italic, ("i", "iCs"))):
            if flag:
                rpr.extend(w(t) for t in tags)
        if rtl:
            rpr.append(w("rtl"))
        if lang:
            rpr.append(w("lang", **_lang(lang)))
        if len(rpr):
            r.append(rpr)
        deleted = piece.mark == "delete"
        for k, part in enumerate(piece.text.split("\n")):
            if k:
                r.append(w("br"))
            if part:
                t = w("delText" if deleted else "t")
                t.text = part
                t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                r.append(t)
        return r

    def _marked(self, parent: Any, items: Sequence[tuple[str | None, Any]]) -> None:
        holder, current = parent, None
        for mark, element in items:
            if mark is None:
                holder, current = parent, None
            elif mark != current:
                holder = self._mark(mark)
                parent.append(holder)
                current = mark
            holder.append(element)

    def para(self, unit: Para, *, style: str | None = None) -> Any:
        """A w:p for a paragraph of the model, with its runs, marks and citations."""
        p = w("p")
        ppr = w("pPr")
        if style is None:
            style = (
                self.heading_style(unit.level)
                if unit.role == "heading"
                else self.style_id(unit.role)
            )
        ppr.append(w("pStyle", val=style))
        if unit.list_key is not None or unit.role == "bullet":
            num = w("numPr")
            num.append(w("ilvl", val=str(min(unit.level, 8))))
            key = unit.list_key if unit.list_key is not None else -1
            num.append(w("numId", val=self._num(key, unit.number is not None, unit.number or 1)))
            ppr.append(num)
        lang = unit.lang
        rtl = text_direction(lang or self.language) == "rtl"
        if rtl:
            ppr.append(w("bidi"))
        if unit.role == "heading":
            ppr.append(w("outlineLvl", val=str(min(unit.level, 8))))
        mark_rpr = w("rPr")
        if unit.end:
            mark_rpr.append(self._mark(unit.end))
        if rtl:
            mark_rpr.append(w("rtl"))
        if lang:
            mark_rpr.append(w("lang", **_lang(lang)))
        if len(mark_rpr):
            ppr.append(mark_rpr)
        p.append(ppr)
        if unit.bookmark:
            bid = self.next_id()
            p.append(w("bookmarkStart", id=bid, name=unit.bookmark))
        self._marked(p, [(pc.mark, self.run(pc, lang=lang, rtl=rtl)) for pc in unit.pieces])
        if unit.bookmark:
            p.append(w("bookmarkEnd", id=bid))
        self.refs(p, unit.refs)
        return p

    def refs(self, p: Any, refs: Sequence[Ref]) -> None:
        """Citations: a footnote where a note is first cited, else a NOTEREF to that note."""
        items: list[tuple[str | None, Any]] = []
        ref_style = self.style_id("footnote reference")
        shown = {"insert": False, "delete": False}  # a citation shown so far on each side
        for ref in refs:
            # A comma between two citations, on the side(s) where both show.
            sides = [s for s in ("insert", "delete") if shown[s] and ref.mark in (None, s)]
            if sides:
                comma = self.run(
                    Piece(","), lang=None, rtl=False, style=self.style_id("hrdraft note separator")
                )
                items.append((None if len(sides) == 2 else sides[0], comma))
            for side in ("insert", "delete"):
                shown[side] = shown[side] or ref.mark in (None, side)
            if ref.first:
                fid = self.footnote(ref.text)
                r = w("r")
                rpr = w("rPr")
                rpr.append(w("rStyle", val=ref_style))
                r.append(rpr)
                r.append(w("footnoteReference", id=str(fid)))
                if ref.number is not None:  # a draft: later citations point here
                    bid = self.next_id()
                    name = note_bookmark(ref.record, ref.revision)
                    items.append((None, w("bookmarkStart", id=bid, name=name)))
                    items.append((ref.mark, r))
                    items.append((None, w("bookmarkEnd", id=bid)))
                else:
                    items.append((ref.mark, r))
            else:
                field = w(
                    "fldSimple",
                    instr=f" NOTEREF {note_bookmark(ref.record, ref.revision)} \\f \\h ",
                )
                field.append(
                    self.run(Piece(str(ref.number)), lang=None, rtl=False, style=ref_style)
                )
                items.append((None, field))
        self._marked(p, items)

    def footnote(self, text: str) -> int:
        """Add a footnote with `text`; its id for a w:footnoteReference."""
        fid = len(self._footnotes) + 1
        rtl = text_direction(self.language) == "rtl"
        note = w("footnote", id=str(fid))
        p = w("p")
        ppr = w("pPr")
        ppr.append(w("pStyle", val=self.style_id("footnote text")))
        if rtl:
            ppr.append(w("bidi"))
        p.append(ppr)
        marker = w("r")
        mrpr = w("rPr")
        mrpr.append(w("rStyle", val=self.style_id("footnote reference")))
        marker.append(mrpr)
        marker.append(w("footnoteRef"))
        p.append(marker)
        p.append(self.run(Piece(" " + text), lang=None, rtl=rtl))
        note.append(p)
        self._footnotes.append(note)
        return fid

    def cell(
        self,
        pieces: Sequence[Piece],
        *,
        header: bool,
        mark: Mark,
        refs: Sequence[Ref] = (),
        lang: str | None = None,
    ) -> Any:
        """A w:tc; a row inserted or deleted whole has its text and citations marked too."""
        if mark:
            pieces = [replace(p, mark=mark) for p in pieces]
            refs = [replace(r, mark=mark) for r in refs]
        tc = w("tc")
        tc.append(
            self.para(
                Para("header-cell" if header else "cell", list(pieces), lang=lang, refs=list(refs))
            )
        )
        return tc

    def grid(self, unit: Grid, *, lang: str | None = None) -> Any:
        """A w:tbl: a header row repeated on every page, then the rows."""
        table = w("tbl")
        tpr = w("tblPr")
        tpr.append(w("tblStyle", val=self._style_ids.get("table grid", "TableGrid")))
        tpr.append(w("tblW", w="5000", type="pct"))
        table.append(tpr)
        grid = w("tblGrid")
        width = max(1, len(unit.header.cells), *(len(r.cells) for r in unit.rows))
        for _ in range(width):
            grid.append(w("gridCol", w=str(9000 // width)))
        table.append(grid)
        for row, header in ((unit.header, True), *((r, False) for r in unit.rows)):
            tr = w("tr")
            trpr = w("trPr")
            if header:
                trpr.append(w("tblHeader"))
            if row.mark:
                trpr.append(self._mark(row.mark))
            if len(trpr):
                tr.append(trpr)
            cells = row.cells or [[]]
            for k, pieces in enumerate(cells):
                last = k == len(cells) - 1
                tr.append(
                    self.cell(
                        pieces,
                        header=header,
                        mark=row.mark,
                        refs=row.refs if last else (),
                        lang=lang,
                    )
                )
            table.append(tr)
        return table

    def emit(self, units: Iterable[Unit], *, lang: str | None = None) -> list[Any]:
        """Body elements for `units`, appended to the document; returned in order."""
        out = []
        for unit in units:
            element = self.grid(unit, lang=lang) if isinstance(unit, Grid) else self.para(unit)
            self._sect.addprevious(element)
            out.append(element)
        return out

    def comment(
        self,
        first: Any,
        last: Any,
        text: str,
        *,
        author: str,
        initials: str,
        date: datetime | None = None,
    ) -> None:
        """A Word comment on the paragraphs `first` to `last` (w:p elements of the body)."""
        comment = self.doc.comments.add_comment(text=text, author=author, initials=initials)
        cid = str(comment.comment_id)
        element = comment._comment_elm  # python-docx sets "now"; ours is the version's time
        element.set(qn("w:date"), (date or self.date).strftime("%Y-%m-%dT%H:%M:%SZ"))
        ppr = first.find(qn("w:pPr"))
        start = w("commentRangeStart", id=cid)
        if ppr is not None:
            ppr.addnext(start)
        else:
            first.insert(0, start)
        last.append(w("commentRangeEnd", id=cid))
        ref = w("r")
        rpr = w("rPr")
        rpr.append(w("rStyle", val=self.style_id("annotation reference")))
        ref.append(rpr)
        ref.append(w("commentReference", id=cid))
        last.append(ref)

    # -- header, footer, properties, the file ---------------------------------

    def running(self, header: str, footer: str) -> None:
        """The running header and the footer's DRAFT line with "Page X of Y", on every page."""
        section = self.doc.sections[0]
        head = section.header.paragraphs[0]
        head.style = self.doc.styles["Header"]
        head.add_run(header)
        foot = section.footer.paragraphs[0]
        foot.style = self.doc.styles["Footer"]
        foot.add_run(footer + " · Page ")
        for instr, cached, between in ((" PAGE ", "1", " of "), (" NUMPAGES ", "1", "")):
            field = w("fldSimple", instr=instr)
            field.append(self.run(Piece(cached), lang=None, rtl=False))
            foot._p.append(field)
            if between:
                foot._p.append(self.run(Piece(between), lang=None, rtl=False))

    def properties(
        self, *, title: str, subject: str, keywords: str, custom: dict[str, str], created: datetime
    ) -> None:
        core = self.doc.core_properties
        core.title, core.subject, core.keywords = title, subject, keywords
        core.author = core.last_modified_by = "hrdraft"
        core.comments = "A compiled draft for review, not a published report."
        core.language = self.language
        core.created = core.modified = created
        core.revision = 1
        props = "".join(
            f'<property fmtid="{_CUSTOM_FMTID}" pid="{pid}" name="{xml_escape(name)}">'
            f"<vt:lpwstr>{xml_escape(value)}</vt:lpwstr></property>"
            for pid, (name, value) in enumerate(custom.items(), 2)
        )
        blob = (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
            '"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
            'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"{props}</Properties>"
        )
        package = self.doc.part.package
        part = Part(PackURI("/docProps/custom.xml"), _CT_CUSTOM, blob.encode(), package)
        package.relate_to(part, _RT_CUSTOM)
        # The template's application properties name another program and a template.
        for rel in package.rels.values():
            if rel.reltype == RT.EXTENDED_PROPERTIES:
                rel.target_part._blob = (
                    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties '
                    b'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
                    b'extended-properties"><Application>hrdraft</Application></Properties>'
                )

    def save(self) -> bytes:
        """The .docx file's bytes."""
        if self._footnotes:
            notes = parse_xml(
                f"<w:footnotes {nsdecls('w')}>"
                '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0"/>'
                "</w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>"
                '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr>'
                '<w:spacing w:after="0"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p>'
                "</w:footnote></w:footnotes>"
            )
            notes.extend(self._footnotes)
            blob = etree.tostring(notes, xml_declaration=True, encoding="UTF-8", standalone=True)
            part = Part(PackURI("/word/footnotes.xml"), _CT_FOOTNOTES, blob, self.doc.part.package)
            self.doc.part.relate_to(part, RT.FOOTNOTES)
            separators = (
                f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/>'
                '<w:footnote w:id="0"/></w:footnotePr>'
            )
            _setting(self.doc.settings.element, parse_xml(separators))
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return buffer.getvalue()
