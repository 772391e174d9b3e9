"""A reviewer's edits to an exported Word draft, made the way Word makes them with Track Changes on.

Used by the review-loop demo (tools/review_loop.py) and tests/test_docx.py to
stand in for a person editing in Word: each edit is WordprocessingML as Word
writes it (``w:ins``/``w:del`` with author and date, ``w:moveFrom``/
``w:moveTo``, deleted paragraph marks, comments in ``word/comments.xml``), so
hrdraft's import reads exactly what a real reviewer's file holds. Not part of
hrdraft: hrdraft never edits a reviewer's file.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "R. Reviewer"


def _w(tag: str, **attrs: str) -> etree._Element:
    element = etree.Element(W + tag)
    for key, value in attrs.items():
        element.set(W + key, value)
    return element


def _mark(tag: str) -> etree._Element:
    return _w(tag, id=str(9000 + len(_mark.__dict__.setdefault("n", []))), author=AUTHOR,
              date="2024-06-01T09:00:00Z")  # fmt: skip


def _text_run(text: str, deleted: bool = False) -> etree._Element:
    r = _w("r")
    t = etree.SubElement(r, W + ("delText" if deleted else "t"))
    t.text = text
    t.set(XML_SPACE, "preserve")
    return r


class Reviewer:
    """Edits a .docx's XML as Word does with Track Changes on, and adds Word comments."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.parts = {}
        with zipfile.ZipFile(path) as z:
            self.parts = {n: z.read(n) for n in z.namelist()}
        self.doc = etree.fromstring(self.parts["word/document.xml"])
        self.comments: list[tuple[str, str]] = []

    def paragraph(self, containing: str) -> etree._Element:
        for p in self.doc.iter(W + "p"):
            if containing in "".join(t.text or "" for t in p.iter(W + "t")):
                return p
        raise AssertionError(f"no paragraph with {containing!r}")

    def replace(self, containing: str, old: str, new: str) -> None:
        """In that paragraph, delete `old` (in one run) and insert `new`, as tracked changes."""
        p = self.paragraph(containing)
        run = next(t.getparent() for t in p.iter(W + "t") if old in (t.text or ""))
        before, _, after = run.find(W + "t").text.partition(old)
        deleted = _mark("del")
        deleted.append(_text_run(old, deleted=True))
        inserted = _mark("ins")
        inserted.append(_text_run(new))
        # Word tags typed text with the keyboard's language.
        etree.SubElement(inserted[0], W + "rPr").append(_w("lang", val="fr-FR"))
        inserted[0].insert(0, inserted[0][-1])
        run.find(W + "t").text = before
        tail = _text_run(after)
        run.addnext(tail)
        run.addnext(inserted)
        run.addnext(deleted)

    def delete_paragraph(self, containing: str) -> None:
        p = self.paragraph(containing)
        for simple in list(p.findall(W + "fldSimple")):  # Word deletes a field as runs
            runs = [_w("r"), _w("r"), _w("r"), *simple.findall(W + "r"), _w("r")]
            runs[0].append(_w("fldChar", fldCharType="begin"))
            instr = etree.SubElement(runs[1], W + "delInstrText")
            instr.text = simple.get(W + "instr")
            runs[2].append(_w("fldChar", fldCharType="separate"))
            runs[-1].append(_w("fldChar", fldCharType="end"))
            for run in runs:
                simple.addprevious(run)
            p.remove(simple)
        for run in list(p.findall(W + "r")):
            for t in run.findall(W + "t"):
                t.tag = W + "delText"
            holder = _mark("del")
            run.addprevious(holder)
            holder.append(run)
        ppr = p.find(W + "pPr")
        rpr = ppr.find(W + "rPr")
        if rpr is None:
            rpr = etree.SubElement(ppr, W + "rPr")
        rpr.insert(0, _mark("del"))

    def insert_paragraph_after(self, containing: str, text: str) -> None:
        p = self.paragraph(containing)
        new = _w("p")
        ppr = etree.SubElement(new, W + "pPr")
        etree.SubElement(ppr, W + "pStyle").set(W + "val", "BodyText")
        etree.SubElement(ppr, W + "rPr").append(_mark("ins"))
        inserted = _mark("ins")
        inserted.append(_text_run(text))
        new.append(inserted)
        p.addnext(new)

    def insert_words(self, containing: str, text: str) -> None:
        """Tracked insertion of `text` at the end of a paragraph's text, before its notes."""
        p = self.paragraph(containing)
        last_text = [r for r in p.findall(W + "r") if r.find(W + "t") is not None][-1]
        inserted = _mark("ins")
        inserted.append(_text_run(text))
        last_text.addnext(inserted)

    def move_after(self, containing: str, target: str) -> None:
        """Move a paragraph after another, as Word tracks a move (moveFrom, moveTo)."""
        source, after = self.paragraph(containing), self.paragraph(target)
        copy = etree.fromstring(etree.tostring(source))
        for element in list(copy.iter(W + "bookmarkStart", W + "bookmarkEnd")):
            element.getparent().remove(element)
        for paragraph, kind in ((source, "moveFrom"), (copy, "moveTo")):
            for run in [c for c in paragraph if c.tag in (W + "r", W + "fldSimple")]:
                holder = _mark(kind)
                run.addprevious(holder)
                holder.append(run)
            ppr = paragraph.find(W + "pPr")
            rpr = ppr.find(W + "rPr")
            if rpr is None:
                rpr = etree.SubElement(ppr, W + "rPr")
            rpr.insert(0, _mark(kind))
        after.addnext(copy)

    def comment(self, containing: str, text: str) -> None:
        p = self.paragraph(containing)
        cid = str(100 + len(self.comments))
        p.find(W + "pPr").addnext(_w("commentRangeStart", id=cid))
        p.append(_w("commentRangeEnd", id=cid))
        ref = etree.SubElement(p, W + "r")
        ref.append(_w("commentReference", id=cid))
        self.comments.append((cid, text))

    def save(self, out: Path) -> Path:
        parts = dict(self.parts)
        parts["word/document.xml"] = etree.tostring(
            self.doc, xml_declaration=True, encoding="UTF-8"
        )
        if self.comments:
            root = (
                etree.fromstring(parts["word/comments.xml"])
                if "word/comments.xml" in parts
                else _w("comments")
            )
            for cid, text in self.comments:
                c = etree.SubElement(root, W + "comment")
                for key, value in (("id", cid), ("author", AUTHOR), ("initials", "RR")):
                    c.set(W + key, value)
                etree.SubElement(c, W + "p").append(_text_run(text))
            parts["word/comments.xml"] = etree.tostring(
                root, xml_declaration=True, encoding="UTF-8"
            )
            rels = parts["word/_rels/document.xml.rels"].decode()
            if "comments.xml" not in rels:
                rels = rels.replace(
                    "</Relationships>",
                    '<Relationship Id="rIdReview" Type="http://schemas.openxmlformats.org/'
                    'officeDocument/2006/relationships/comments" Target="comments.xml"/>'
                    "</Relationships>",
                )
                parts["word/_rels/document.xml.rels"] = rels.encode()
                types = (
                    parts["[Content_Types].xml"]
                    .decode()
                    .replace(
                        "</Types>",
                        '<Override PartName="/word/comments.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/></Types>',
                    )
                )
                parts["[Content_Types].xml"] = types.encode()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in parts.items():
                z.writestr(name, data)
        return out
