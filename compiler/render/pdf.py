"""HTML made by the renderer → PDF bytes (WeasyPrint), fetching nothing from outside.

WeasyPrint gets a URL fetcher that serves only files inside the template
directories, so nothing a record says can make the renderer read a file or
open a connection. Fonts come from fontconfig; a font the print stylesheet
needs for the text is checked first, so a missing script font is an error
that names its package, not a PDF of empty boxes. This module is the only
one that imports WeasyPrint, and it is imported only when a PDF is made.

Every PDF is tagged (WeasyPrint's PDF/UA-1 variant: a structure tree,
/MarkInfo, /Lang, the <title> shown as the window title). WeasyPrint's tree
leaves out three things PDF/UA asks for, which this module adds while the
tree is built (see :func:`_annotate`): the language of an element whose
HTML says another (`lang` on a Chinese or Arabic paragraph), footnotes as
/Note with an /ID, and /Scope on table headers; a link's description is its
text or aria-label rather than its target's id.
"""

from __future__ import annotations

import mimetypes
import re
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterable, Iterator
from functools import cache, wraps
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pydyf
import weasyprint
import weasyprint.pdf.tags
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..errors import HrdraftError

__all__ = [
    "FONT_PACKAGES",
    "PDF_VARIANT",
    "RefusedFetch",
    "TemplateFetcher",
    "check_fonts",
    "html_to_pdf",
]

# fontconfig family → the Debian package that provides it. The print
# stylesheet names these families; the check keeps a missing script font
# from silently turning text into empty boxes.
FONT_PACKAGES: dict[str, str] = {
    "Noto Serif": "fonts-noto-core",
    "Noto Sans": "fonts-noto-core",
}
_SCRIPT_FONTS: tuple[tuple[re.Pattern[str], str, str], ...] = (
    (
        re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"),
        "Noto Serif CJK SC",
        "fonts-noto-cjk",
    ),
    (
        re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]"),
        "Noto Naskh Arabic",
        "fonts-noto-core",
    ),
)


# -------------------------------------------------------------------------
# Fetching: local template files only
# -------------------------------------------------------------------------


class RefusedFetch(HrdraftError):
    """The renderer was asked for a resource outside the template directories."""


class TemplateFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that serves files inside `roots` and nothing else.

    Everything else (http, https, data:, file paths outside the roots) is
    refused with :class:`RefusedFetch`, which WeasyPrint logs and skips.
    `requested` records every URL asked for, served or not.
    """

    def __init__(self, roots: Iterable[Path]) -> None:
        super().__init__(allowed_protocols={"file"}, allow_redirects=False, fail_on_errors=False)
        self.roots = tuple(Path(r).resolve() for r in roots)
        self.requested: list[str] = []
        self._lock = threading.Lock()

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> URLFetcherResponse:
        with self._lock:
            self.requested.append(url)
        parts = urlsplit(url)
        if parts.scheme.lower() != "file" or parts.netloc not in ("", "localhost"):
            raise RefusedFetch(f"refused to fetch {url[:80]!r}: drafts use local templates only")
        path = Path(url2pathname(parts.path)).resolve()
        if not any(path.is_relative_to(root) for root in self.roots) or not path.is_file():
            raise RefusedFetch(f"refused to read {path}: it is not in a template directory")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            path.as_uri(), path.read_bytes(), headers={"Content-Type": content_type}
        )


# -------------------------------------------------------------------------
# Fonts
# -------------------------------------------------------------------------


@cache
def _installed_families() -> frozenset[str]:
    if shutil.which("fc-list") is None:
        raise HrdraftError(
            "fontconfig's fc-list is not installed, so the PDF fonts cannot be found",
            "install it: apt-get install fontconfig fonts-noto-core fonts-noto-cjk",
        )
    out = subprocess.run(
        ["fc-list", ":", "family"], capture_output=True, text=True, check=False
    ).stdout
    return frozenset(name.strip() for line in out.splitlines() for name in line.split(","))


def check_fonts(html: str) -> None:
    """Raise if a font the print stylesheet needs for this text is missing."""
    needed = dict(FONT_PACKAGES)
    for pattern, family, package in _SCRIPT_FONTS:
        if pattern.search(html):
            needed[family] = package
    missing = {f: p for f, p in needed.items() if f not in _installed_families()}
    if missing:
        packages = " ".join(sorted(set(missing.values())))
        raise HrdraftError(
            f"font {', '.join(sorted(missing))!s} is not installed: the PDF would show "
            "empty boxes instead of text",
            f"install it: apt-get install {packages} (then fc-cache -f)",
        )


# -------------------------------------------------------------------------
# HTML → PDF
# -------------------------------------------------------------------------


# Government publications must be accessible (Section 508): PDF/UA-1 is the
# tagged-PDF standard that asks for it, and WeasyPrint's variant of that name
# tags the document and declares the conformance in its XMP metadata.
PDF_VARIANT = "pdf/ua-1"


def html_to_pdf(
    html: str, *, base_url: str, fetcher: TemplateFetcher, tagged: bool = True
) -> bytes:
    """PDF bytes of `html` (print media), fetching through `fetcher` only.

    `tagged` (the default; every PDF hrdraft writes is tagged) makes a PDF/UA-1
    file; ``tagged=False`` is for measuring what tagging costs and for proving
    that the accessibility check fails an untagged file.
    """
    check_fonts(html)
    document = weasyprint.HTML(
        string=html, base_url=base_url, url_fetcher=fetcher, media_type="print"
    )
    # No creation date, no random file identifier: same HTML, same bytes.
    return document.write_pdf(
        pdf_identifier=False,
        custom_metadata=False,
        pdf_variant=PDF_VARIANT if tagged else None,
    )


# -------------------------------------------------------------------------
# The structure tree: what WeasyPrint's tagging leaves out
# -------------------------------------------------------------------------

_TH_SCOPES = {"row": "/Row", "col": "/Column", "rowgroup": "/Row", "colgroup": "/Column"}


def _annotate(box: Any, element: Any, pdf: Any) -> None:
    """Add to the structure element made for `box` what PDF/UA asks and WeasyPrint omits."""
    html = box.element
    tag = element["S"]
    # The language where the HTML says one: a screen reader switches voice
    # for a Chinese or Arabic paragraph. The document's own is the catalog's
    # /Lang; descendants inherit an element's, as in HTML.
    lang = html.get("lang")
    if lang:
        element["Lang"] = pydyf.String(lang)
    classes = (html.get("class") or "").split()
    if "footnote" in classes:
        if tag == "/Span" and "::" not in box.element_tag:
            # The note's body, in the page's footnote area. PDF/UA 7.9: a
            # footnote is a /Note with an /ID unique in the file (a note
            # split over two pages is two elements).
            element["S"] = "/Note"
            used = pdf.__dict__.setdefault("_hrdraft_note_ids", set())
            base = html.get("id") or "note"
            note_id, n = base, 1
            while note_id in used:
                n += 1
                note_id = f"{base}-{n}"
            used.add(note_id)
            element["ID"] = pydyf.String(note_id)
        elif box.element_tag.endswith("::footnote-marker"):
            element["S"] = "/Lbl"
        elif box.element_tag.endswith("::footnote-call"):
            element["S"] = "/Reference"
    elif tag == "/TH" and isinstance(element.get("A"), dict):
        # WeasyPrint links data cells to their headers (/Headers, /ID); /Scope
        # says it on the header too, which simpler readers rely on.
        element["A"]["Scope"] = _TH_SCOPES.get(html.get("scope", "col"), "/Column")
    annotation = getattr(box, "link_annotation", None)
    if tag == "/Link" and annotation is not None:
        # WeasyPrint describes a link by its target ("sec-2-a", "fnbody-3");
        # a listener needs what the link says.
        label = html.get("aria-label") or " ".join("".join(html.itertext()).split())
        if label:
            annotation["Contents"] = pydyf.String(label)


def _with_annotations(build: Callable[..., Iterator[Any]]) -> Callable[..., Iterator[Any]]:
    @wraps(build)
    def build_box_tree(box: Any, parent: Any, pdf: Any, *args: Any) -> Iterator[Any]:
        # WeasyPrint's builder recurses through this module attribute, so
        # every box passes here. html, body and page boxes hand their
        # children's elements through (already annotated); a margin box
        # (running head, page numbers) yields none.
        own = getattr(box, "element", None) is not None and box.element_tag not in (
            "html",
            "body",
        )
        for element in build(box, parent, pdf, *args):
            if own:
                _annotate(getattr(box, "_box", box), element, pdf)
            yield element

    build_box_tree.hrdraft_annotates = True  # type: ignore[attr-defined]
    return build_box_tree


# WeasyPrint has no public hook into its structure tree; it builds it in
# weasyprint.pdf.tags._build_box_tree (WeasyPrint 66 and later), wrapped here
# once per process. The wrapper only adds entries, so any other use of
# WeasyPrint in the process gets the same, better tagged, PDFs.
# tests/test_accessibility.py fails if a WeasyPrint release changes this.
_builder = getattr(weasyprint.pdf.tags, "_build_box_tree", None)
if _builder is not None and not getattr(_builder, "hrdraft_annotates", False):
    weasyprint.pdf.tags._build_box_tree = _with_annotations(_builder)
