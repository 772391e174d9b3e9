"""HTML made by the renderer → PDF bytes (WeasyPrint), fetching nothing from outside.

WeasyPrint gets a URL fetcher that serves only files inside the template
directories, so nothing a record says can make the renderer read a file or
open a connection. Fonts come from fontconfig; a font the print stylesheet
needs for the text is checked first, so a missing script font is an error
that names its package, not a PDF of empty boxes. This module is the only
one that imports WeasyPrint, and it is imported only when a PDF is made.
"""

from __future__ import annotations

import mimetypes
import re
import shutil
import subprocess
import threading
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit
from urllib.request import url2pathname

import weasyprint
from weasyprint.urls import URLFetcher, URLFetcherResponse

from ..errors import HrdraftError

__all__ = [
    "FONT_PACKAGES",
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


def html_to_pdf(html: str, *, base_url: str, fetcher: TemplateFetcher) -> bytes:
    """PDF bytes of `html` (print media), fetching through `fetcher` only."""
    check_fonts(html)
    document = weasyprint.HTML(
        string=html, base_url=base_url, url_fetcher=fetcher, media_type="print"
    )
    # No creation date, no random file identifier: same HTML, same bytes.
    return document.write_pdf(pdf_identifier=False, custom_metadata=False)
