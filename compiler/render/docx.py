"""A draft as a Word document (DOCX): the ``docx`` draft writer.

What a draft looks like in Word: the title, the DRAFT/audience banner, "About
this draft", a table of contents field (``TOC \\o "1-3"``), then one heading
per section (``Heading 1`` for the top level; its text the report's numbering
as printed, "Section 1. Respect for ..."; a bookmark ``hrdraft_<id>`` names
the section, so an edited file imports back into the right sections), its
blocks, and the Sources list. Each cited record is one footnote, numbered as
the HTML numbers it; a record cited again refers back to that note with a
``NOTEREF`` field showing its number. Every page's header carries the report,
country, year and audience, and its footer the DRAFT/audience line and "Page
X of Y". A paragraph with a language gets ``w:lang`` (the document's default
is the report's language), right-to-left text ``w:bidi``/``w:rtl``; fonts are
the Noto families the PDF uses, Chinese and Arabic included. A merge's
conflict is both texts between three marked paragraphs. The writer gets the
same filtered `Report` as the HTML writer and fetches nothing: an https
address in the Sources list is an external hyperlink Word shows, never a
resource it loads. Track Changes is on, so a reviewer's edits come back as
tracked changes (``hrdraft.history.docx_import`` reads them).

How a block becomes paragraphs is the model of ``hrdraft.render.wordml``
(`block_units`, shared with the redline and the import); the package, styles
and WordprocessingML are ``hrdraft.render.docx_package``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

from ..document import Block, BulletList, Conflict, Note, Paragraph, Pointer, Report, Table
from .docx_package import FONTS, STYLES, WordPackage, note_bookmark, w
from .renderer import Footnotes, text_direction
from .wordml import Grid, Para, Piece, Ref, Row, Unit, inline_pieces, new_list_key, text_paras

__all__ = [
    "EXPORT_FORMAT",
    "FONTS",
    "STYLES",
    "WordPackage",
    "banner",
    "block_units",
    "conflict_markers",
    "conflict_units",
    "note_bookmark",
    "section_bookmarks",
    "write_docx",
]

EXPORT_FORMAT = 1


def _bookmark_name(prefix: str, key: str, used: set[str]) -> str:
    # Word keeps bookmark names of letters, digits and "_", at most 40 long.
    plain = re.sub(r"[^A-Za-z0-9]", "_", key)
    name = f"{prefix}{plain}"
    if len(name) > 40 or name in used:
        name = f"{prefix}{plain[:16]}_{hashlib.sha1(key.encode()).hexdigest()[:10]}"
    used.add(name)
    return name


def section_bookmarks(section_ids: Iterable[str]) -> dict[str, str]:
    """The bookmark naming each section of a Word draft, by id (``1.c`` → ``hrdraft_1_c``)."""
    used: set[str] = set()
    return {sid: _bookmark_name("hrdraft_", sid, used) for sid in section_ids}


# -------------------------------------------------------------------------
# Blocks as units
# -------------------------------------------------------------------------


def _refs(notes: Any, cites: Sequence[Any]) -> list[Ref]:
    return [Ref(fn.record, fn.revision, fn.number, fn.text, fn.first) for fn in notes.cite(cites)]


def block_units(block: Block, notes: Any) -> list[Unit]:
    """A block as paragraphs and tables, its citations numbered by `notes` (a `Footnotes`)."""
    if isinstance(block, Paragraph):
        paras = text_paras(block.text, "body", continued="continued", lang=block.lang)
        paras[-1].refs = _refs(notes, block.cites)
        return list(paras)
    if isinstance(block, BulletList):
        key = new_list_key()
        items = [Para("bullet", inline_pieces(item), list_key=key) for item in block.items]
        if items:
            items[-1].refs = _refs(notes, block.cites)
        return list(items)
    if isinstance(block, Table):
        caption = Para("caption", inline_pieces(block.caption))
        header = Row([inline_pieces(h) for h in block.header])
        rows = []
        for k, row in enumerate(block.rows):
            cites = block.row_cites[k] if k < len(block.row_cites) else ()
            rows.append(Row([inline_pieces(c) for c in row], _refs(notes, cites)))
        return [caption, Grid(header, rows)]
    if isinstance(block, Note):
        return [Para("note-label", inline_pieces(block.label)), *text_paras(block.text, "note")]
    if isinstance(block, Pointer):
        return [Para("pointer", inline_pieces(block.text))]
    if isinstance(block, Conflict):
        return conflict_units(block, notes)
    raise TypeError(f"no Word form for block kind {block.kind!r}")


def conflict_markers(conflict: Conflict) -> tuple[str, str, str]:
    """The marker paragraphs: before the reviewer's text, before the records', after both."""
    cid = conflict.id
    reviewer = f" (v{conflict.reviewer_version})" if conflict.reviewer_version else ""
    records = f" (v{conflict.records_version})" if conflict.records_version else ""
    first = f"Conflict {cid}: the reviewer and the records both changed this passage. " + (
        f"The reviewer's text{reviewer}:"
        if conflict.reviewer
        else f"The reviewer{reviewer} deleted this passage."
    )
    second = (
        f"Conflict {cid}: new text from the records{records}:"
        if conflict.records
        else f"Conflict {cid}: the records{records} no longer give this passage."
    )
    third = (
        f"End of conflict {cid}. To resolve it, keep one text (or write your own), delete the "
        f"other and the three 'Conflict {cid}' paragraphs, and import the file; or choose with "
        "hrdraft versions resolve."
    )
    return first, second, third


def conflict_units(conflict: Conflict, notes: Any) -> list[Unit]:
    """Both texts of a conflict, each after a marked paragraph saying whose it is."""
    first, second, third = conflict_markers(conflict)
    used: set[str] = set()
    mark = [
        Para(
            "conflict",
            [Piece(text)],
            bookmark=_bookmark_name("hrdraft_k", f"{conflict.id}_{k}", used),
        )
        for k, text in enumerate((first, second, third))
    ]
    out: list[Unit] = [mark[0]]
    for block in conflict.reviewer:
        out += block_units(block, notes)
    out.append(mark[1])
    for block in conflict.records:
        out += block_units(block, notes)
    out.append(mark[2])
    return out


# -------------------------------------------------------------------------
# The draft
# -------------------------------------------------------------------------


def _about(report: Report) -> list[str]:
    lines = [
        f"Report: {report.report_title}, edition {report.edition}",
        f"Country: {report.country_name} ({report.country})",
        f"Reporting period: {report.period}",
        "Audience: "
        + (
            "public: public records only; people named only with their consent"
            if report.audience == "public"
            else f"{report.audience}: may use restricted records; not for publication"
        ),
    ]
    lines += [f"{key[:1].upper()}{key[1:]}: {value}" for key, value in report.metadata.items()]
    lines.append(
        "A compiled draft for review, not a published report or a decision of the Department."
    )
    return lines


def banner(audience: str) -> str:
    """The DRAFT/audience line, as the HTML and PDF print it."""
    return f"DRAFT · Audience: {audience}" + (
        " · not for publication" if audience != "public" else ""
    )


def _toc(package: WordPackage, report: Report, marks: dict[str, str]) -> None:
    entries = [(section, depth) for section, depth in _depths(report) if depth < 3]
    paras = []
    for section, depth in entries:
        p = package.para(Para(f"toc{depth + 1}"))
        link = w("hyperlink", anchor=marks[section.id], history="1")
        link.append(
            package.run(
                Piece(section.heading), lang=None, rtl=text_direction(package.language) == "rtl"
            )
        )
        p.append(link)
        paras.append(p)
    if not paras:
        paras.append(package.para(Para("toc1")))
    begin = [
        _fld("begin"),
        _instr(' TOC \\o "1-3" \\h \\z \\u '),
        _fld("separate"),
    ]
    ppr = paras[0].find(qn("w:pPr"))
    for element in reversed(begin):
        ppr.addnext(element)
    paras[-1].append(_fld("end"))
    for p in paras:
        package._sect.addprevious(p)


def _fld(kind: str) -> Any:
    r = w("r")
    r.append(w("fldChar", fldCharType=kind))
    return r


def _instr(text: str) -> Any:
    r = w("r")
    t = w("instrText")
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    r.append(t)
    return r


def _depths(report: Report) -> Iterable[tuple[Any, int]]:
    def visit(section: Any, depth: int) -> Iterable[tuple[Any, int]]:
        yield section, depth
        for child in section.children:
            yield from visit(child, depth + 1)

    for top in report.sections:
        yield from visit(top, 0)


def write_docx(
    report: Report,
    *,
    version: Any = None,
    page_size: str = "A4",
    comments: Sequence[Any] = (),
) -> bytes:
    """The draft `report` as a .docx file.

    `version` (a stored `Version`) is named in the document's custom
    properties (``hrdraft_based_on``...), so the file, edited in Word,
    imports back (``hrdraft versions import``). `comments` are review
    comments (``hrdraft.store.reviews.Comment``, as shown for this version)
    written as Word comments at their paragraphs.
    """
    created = version.created_at if version is not None else datetime.now(UTC).replace(tzinfo=None)
    package = WordPackage(language=report.language, page_size=page_size, date=created)
    notes = Footnotes(report)
    marks = section_bookmarks(s.id for s in report.walk())
    package.emit(
        [
            Para("subtitle", [Piece(report.report_title)]),
            Para("title", [Piece(report.title)]),
            Para("subtitle", [Piece(f"{report.country_name} · {report.period}")]),
            Para("banner", [Piece(banner(report.audience))]),
            Para("front", [Piece("About this draft")]),
            *(Para("about", [Piece(line)]) for line in _about(report)),
            Para("front", [Piece("Contents")]),
        ]
    )
    _toc(package, report, marks)
    placed: dict[tuple[str, int | None], tuple[Any, Any]] = {}
    for section, depth in _depths(report):
        heading = Para("heading", [Piece(section.heading)], level=depth, bookmark=marks[section.id])
        (h,) = package.emit([heading])
        placed[(section.id, None)] = (h, h)
        for index, block in enumerate(section.blocks):
            lang = getattr(block, "lang", None)
            elements = package.emit(block_units(block, notes), lang=lang)
            paras = [e for e in elements if e.tag == qn("w:p")] or [h]
            placed[(section.id, index)] = (paras[0], paras[-1])
    sources = notes.numbered_sources(report.sources)
    if sources:
        package.emit([Para("sources", [Piece("Sources")], bookmark="hrdraft_sources")])
        for number, entry in sources:
            text = (
                (f"{number}. " if number else "")
                + f"{entry.record} (revision {entry.revision}). {entry.source} ({entry.kind}): "
                + entry.citation
            )
            (p,) = package.emit([Para("source", [Piece(text)])])
            if entry.url:
                _address(package, p, entry.url)
    for comment in comments:
        where = placed.get((comment.at_section or "", comment.at_index))
        if where is None:
            continue
        note = f" ({comment.status_text})" if comment.status_text else ""
        package.comment(
            *where,
            comment.text + note,
            author=comment.author or "reviewer",
            initials="hrdraft",
            date=comment.created_at,
        )
    audience = report.audience.capitalize()
    running = f"{report.report_title} · {report.country_name} {report.year} · {audience} · DRAFT"
    package.running(running, banner(report.audience))
    custom = {
        "hrdraft_export": str(EXPORT_FORMAT),
        "hrdraft_report_type": report.report_type,
        "hrdraft_edition": report.edition,
        "hrdraft_country": report.country,
        "hrdraft_year": str(report.year),
        "hrdraft_audience": report.audience,
        "hrdraft_language": report.language,
    }
    if version is not None:
        custom["hrdraft_based_on"] = str(version.id)
        custom["hrdraft_section"] = version.section or ""
    package.properties(
        title=report.title,
        subject=f"Draft {report.report_title} chapter for {report.country_name}, {report.period}",
        keywords=f"{report.report_type}, {report.country}, {report.year}, {report.audience}, draft",
        custom=custom,
        created=created,
    )
    return package.save()


def _address(package: WordPackage, p: Any, url: str) -> None:
    """A source's address; an https one as an external hyperlink (shown, never loaded)."""
    p.append(package.run(Piece(" "), lang=None, rtl=False))
    if url.startswith("https://"):
        rid = package.doc.part.relate_to(url, RT.HYPERLINK, is_external=True)
        link = w("hyperlink", history="1")
        link.set(qn("r:id"), rid)
        link.append(
            package.run(Piece(url), lang=None, rtl=False, style=package.style_id("hyperlink"))
        )
        p.append(link)
    else:
        p.append(package.run(Piece(url), lang=None, rtl=False))
