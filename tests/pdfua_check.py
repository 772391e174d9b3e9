"""The PDF/UA-1 rules a machine can check, for the suite: the pdfua package's, and ours.

veraPDF (the reference validator, Java) has no Debian package and no PyPI
wheel, so it cannot be installed here. The ``pdfua`` package (PyPI, built on
pikepdf) implements 12 checks covering 16 of the 106 machine-checkable rules
of PDF/UA-1; :func:`check` runs them and adds the rules below that it does
not check (README.md, "Accessible output", lists both and what neither
checks). Each problem is one line, ``RULE: what is wrong (where)``; a
tagged draft must have none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import langcodes
import pdfua
import pikepdf

__all__ = ["StructNode", "check", "structure"]

# pdfua checks it could not run, and ours that decide the same rule instead.
# pdfua 0.1.3's empty-heading rule raises on pikepdf 10 (it asks an array
# for an attribute); heading_order() checks that every heading marks content.
COVERED_HERE = {"UA-14-001": "heading_order"}

_TEXT_OPERATORS = {"Tj", "TJ", "'", '"'}
_HEADING = re.compile(r"/H([1-6])$")


# -------------------------------------------------------------------------
# The structure tree, read once
# -------------------------------------------------------------------------


class StructNode:
    """One structure element: its role, attributes, children, and content it marks."""

    def __init__(self, obj: pikepdf.Dictionary, depth: int) -> None:
        self.obj = obj
        self.depth = depth
        self.role = str(obj.get("/S", ""))
        self.lang = str(obj.get("/Lang", ""))
        attrs = obj.get("/A")
        self.scope = str(attrs.get("/Scope", "")) if isinstance(attrs, pikepdf.Dictionary) else ""
        self.children: list[StructNode] = []
        self.mcids: list[int] = []  # content items directly under it
        self.objrs = 0  # annotations (links) directly under it

    def get(self, key: str) -> object:
        return self.obj.get(key)

    def marks_content(self) -> bool:
        """It or a descendant marks page content (or an annotation)."""
        return bool(self.mcids or self.objrs) or any(c.marks_content() for c in self.children)

    def walk(self) -> Iterator[StructNode]:
        yield self
        for child in self.children:
            yield from child.walk()


def structure(pdf: pikepdf.Pdf) -> list[StructNode]:
    """The structure elements under /StructTreeRoot, in document (reading) order."""
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        return []
    nodes: list[StructNode] = []
    seen: set[tuple[int, int]] = set()

    def visit(kid: object, parent: StructNode | None, depth: int) -> None:
        if isinstance(kid, int) and not isinstance(kid, bool):
            if parent is not None:
                parent.mcids.append(int(kid))
            return
        if isinstance(kid, pikepdf.Array):
            for item in kid:
                visit(item, parent, depth)
            return
        if not isinstance(kid, pikepdf.Dictionary):
            return
        kind = kid.get("/Type")
        if kind == pikepdf.Name.MCR:
            if parent is not None:
                parent.mcids.append(int(kid.MCID))
            return
        if kind == pikepdf.Name.OBJR:
            if parent is not None:
                parent.objrs += 1
            return
        if "/S" not in kid:
            return
        if kid.is_indirect:
            if kid.objgen in seen:  # a cycle or a shared element: read once
                return
            seen.add(kid.objgen)
        node = StructNode(kid, depth)
        nodes.append(node)
        if parent is not None:
            parent.children.append(node)
        if "/K" in kid:
            visit(kid.K, node, depth + 1)

    visit(root.get("/K"), None, 0)
    return nodes


def _number_tree(tree: pikepdf.Dictionary) -> dict[int, object]:
    """A number tree (ISO 32000-1 7.9.7) as a dict."""
    found: dict[int, object] = {}
    nums = tree.get("/Nums")
    if nums is not None:
        for i in range(0, len(nums) - 1, 2):
            found[int(nums[i])] = nums[i + 1]
    for kid in tree.get("/Kids") or ():
        found.update(_number_tree(kid))
    return found


# -------------------------------------------------------------------------
# Our rules
# -------------------------------------------------------------------------


def document_level(pdf: pikepdf.Pdf) -> Iterator[str]:
    """Catalog, metadata and page entries PDF/UA-1 asks for (6.2, 7.1, 7.2, 7.18.3, 5)."""
    mark = pdf.Root.get("/MarkInfo")
    if mark is None or mark.get("/Marked") is not True:
        yield "6.2-1: /MarkInfo /Marked is not true"
    elif mark.get("/Suspects") is True:
        yield "6.2-2: /MarkInfo /Suspects is true"
    root = pdf.Root.get("/StructTreeRoot")
    if root is None:
        yield "7.1-11: no /StructTreeRoot"
    elif "/ParentTree" not in root:
        yield "7.1: /StructTreeRoot has no /ParentTree"
    lang = str(pdf.Root.get("/Lang", ""))
    if not lang or not langcodes.tag_is_valid(lang):
        yield f"7.2-34: the catalog's /Lang {lang!r} is not a language tag"
    prefs = pdf.Root.get("/ViewerPreferences")
    if prefs is None or prefs.get("/DisplayDocTitle") is not True:
        yield "7.1-10: /ViewerPreferences /DisplayDocTitle is not true"
    with pdf.open_metadata() as meta:
        title = meta.get("dc:title")
        part = meta.get("pdfuaid:part")
    if not title or not str(title).strip():
        yield "7.1-9: the XMP metadata has no dc:title"
    if str(pdf.docinfo.get("/Title", "")).strip() != str(title or "").strip():
        yield "7.1-9: /Info /Title differs from the XMP dc:title"
    if part != "1":
        yield f"5-1: the XMP metadata does not say pdfuaid:part 1 (says {part!r})"
    for number, page in enumerate(pdf.pages, start=1):
        if "/StructParents" not in page.obj:
            yield f"7.1: page {number} has no /StructParents"
        if page.obj.get("/Annots") and page.obj.get("/Tabs") != pikepdf.Name.S:
            yield f"7.18.3-1: page {number} has annotations but /Tabs is not /S"


def heading_order(nodes: list[StructNode]) -> Iterator[str]:
    """Headings H1–H6: the first is H1, none skips a level going down, none is empty (7.4)."""
    previous = 0
    for node in nodes:
        found = _HEADING.match(node.role)
        if not found:
            if node.role == "/H":
                yield "7.4.4-1: an unnumbered /H heading in a document of numbered ones"
            continue
        level = int(found[1])
        if previous == 0 and level != 1:
            yield f"7.4.2-1: the first heading is {node.role}, not /H1"
        elif level > previous + 1:
            yield f"7.4.2-1: /H{previous} is followed by {node.role} (a level skipped)"
        if not node.marks_content():
            yield f"7.4.2: an empty {node.role}"
        previous = level


def tables_lists_notes_figures(nodes: list[StructNode]) -> Iterator[str]:
    """Tables with header cells, well-formed lists, notes with unique IDs, figures with Alt."""
    ids: dict[str, int] = {}
    for node in nodes:
        if node.role == "/Table":
            cells = [n for n in node.walk() if n.role in ("/TH", "/TD")]
            headers = [c for c in cells if c.role == "/TH"]
            if cells and not headers:
                yield "7.5-1: a /Table without a /TH header cell"
            known = {str(h.get("/ID")) for h in headers if h.get("/ID") is not None}
            for header in headers:
                attrs = header.get("/A")
                scoped = isinstance(attrs, pikepdf.Dictionary) and "/Scope" in attrs
                if not scoped and header.get("/ID") is None:
                    yield "7.5-2: a /TH with neither /Scope nor an /ID cells refer to"
            for cell in cells:
                attrs = cell.get("/A")
                if isinstance(attrs, pikepdf.Dictionary) and "/Headers" in attrs:
                    missing = [str(h) for h in attrs.Headers if str(h) not in known]
                    if missing:
                        yield f"7.5-2: a cell refers to header ids {missing} not in its table"
        elif node.role == "/TR":
            wrong = {c.role for c in node.children} - {"/TH", "/TD"}
            if wrong:
                yield f"7.2-1: a /TR holds {sorted(wrong)}"
        elif node.role == "/L":
            wrong = {c.role for c in node.children} - {"/LI", "/L", "/Caption"}
            if wrong:
                yield f"7.2-1: a list /L holds {sorted(wrong)} besides /LI"
        elif node.role == "/LI":
            wrong = {c.role for c in node.children} - {"/Lbl", "/LBody"}
            if wrong:
                yield f"7.2-1: a list item /LI holds {sorted(wrong)} besides /Lbl and /LBody"
        elif node.role == "/Note":
            note_id = node.get("/ID")
            if note_id is None:
                yield "7.9-2: a /Note without an /ID"
            else:
                ids[str(note_id)] = ids.get(str(note_id), 0) + 1
        elif node.role in ("/Figure", "/Formula") and not (
            node.get("/Alt") is not None or node.get("/ActualText") is not None
        ):
            yield f"7.3-1: a {node.role} without /Alt or /ActualText"
        lang = node.get("/Lang")
        if lang is not None and not langcodes.tag_is_valid(str(lang)):
            yield f"7.2-34: {node.role} has /Lang {str(lang)!r}, not a language tag"
    for note_id, count in ids.items():
        if count > 1:
            yield f"7.9-2: {count} notes share the /ID {note_id!r}"


def content_marked(pdf: pikepdf.Pdf) -> Iterator[str]:
    """Every text and image painted is marked content; every MCID has its structure element."""
    root = pdf.Root.get("/StructTreeRoot")
    parents = _number_tree(root.ParentTree) if root is not None and "/ParentTree" in root else {}
    for number, page in enumerate(pdf.pages, start=1):
        depth, unmarked, mcids = 0, 0, []
        for operands, operator in pikepdf.parse_content_stream(page):
            op = str(operator)
            if op in ("BDC", "BMC"):
                depth += 1
                properties = operands[1] if op == "BDC" else None
                if isinstance(properties, pikepdf.Dictionary) and "/MCID" in properties:
                    mcids.append(int(properties.MCID))
            elif op == "EMC":
                depth -= 1
            elif (op in _TEXT_OPERATORS or op == "Do") and depth <= 0:
                unmarked += 1
        if unmarked:
            yield f"7.1-3: page {number}: {unmarked} text or image paints outside marked content"
        if depth != 0:
            yield f"7.1: page {number}: marked content not closed (BDC/BMC without EMC)"
        if mcids:
            entry = parents.get(int(page.obj.get("/StructParents", -1)))
            owners = list(entry) if isinstance(entry, pikepdf.Array) else []
            orphans = [m for m in mcids if m >= len(owners) or owners[m] is None]
            if orphans:
                yield f"7.1: page {number}: content {orphans[:5]} has no structure element"


def fonts_embedded(pdf: pikepdf.Pdf) -> Iterator[str]:
    """Every font used is embedded (7.21.4.1): its descriptor has a font file."""
    seen: set[tuple[int, int]] = set()

    def fonts(resources: object) -> Iterator[pikepdf.Dictionary]:
        if not isinstance(resources, pikepdf.Dictionary):
            return
        yield from (resources.get("/Font") or {}).values()
        for xobject in (resources.get("/XObject") or {}).values():
            if xobject.is_indirect and xobject.objgen in seen:
                continue
            if xobject.is_indirect:
                seen.add(xobject.objgen)
            if xobject.get("/Subtype") == pikepdf.Name.Form:
                yield from fonts(xobject.get("/Resources"))

    done: set[tuple[int, int]] = set()
    for page in pdf.pages:
        for font in fonts(page.obj.get("/Resources")):
            if font.is_indirect:
                if font.objgen in done:
                    continue
                done.add(font.objgen)
            if font.get("/Subtype") == pikepdf.Name.Type3:
                continue  # glyphs drawn by the file itself
            described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
            descriptor = described.get("/FontDescriptor")
            if descriptor is None or not any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            ):
                yield f"7.21.4.1-1: font {font.get('/BaseFont')} is not embedded"


def annotations(pdf: pikepdf.Pdf) -> Iterator[str]:
    """Every link annotation is in the structure tree and has a description (7.18)."""
    for number, page in enumerate(pdf.pages, start=1):
        for annot in page.obj.get("/Annots") or ():
            if annot.get("/Subtype") != pikepdf.Name.Link:
                continue
            if "/StructParent" not in annot:
                yield f"7.18.1-2: page {number}: a link outside the structure tree"
            if not str(annot.get("/Contents", "")).strip():
                yield f"7.18.5-2: page {number}: a link without /Contents"


# -------------------------------------------------------------------------
# Everything
# -------------------------------------------------------------------------


def check(path: Path) -> list[str]:
    """Every problem a machine finds in `path` against PDF/UA-1: pdfua's, then ours."""
    problems: list[str] = []
    report = pdfua.validate(str(path))
    for finding in report.findings:
        where = finding.location.describe()
        problems.append(f"pdfua {finding.rule_id}: {finding.message} ({where})")
    for outcome in report.outcomes:
        if outcome.skipped and outcome.rule_id not in COVERED_HERE:
            problems.append(f"pdfua {outcome.rule_id}: not run: {outcome.skipped_reason}")
    with pikepdf.open(path) as pdf:
        nodes = structure(pdf)
        problems.extend(document_level(pdf))
        problems.extend(heading_order(nodes))
        problems.extend(tables_lists_notes_figures(nodes))
        problems.extend(content_marked(pdf))
        problems.extend(fonts_embedded(pdf))
        problems.extend(annotations(pdf))
    return problems


if __name__ == "__main__":  # python tests/pdfua_check.py FILE.pdf ...
    import sys

    failed = False
    for name in sys.argv[1:]:
        found = check(Path(name))
        failed = failed or bool(found)
        print(f"{name}: {'PASS' if not found else f'{len(found)} problems'}")
        for line in found:
            print(f"  {line}")
    sys.exit(1 if failed else 0)
