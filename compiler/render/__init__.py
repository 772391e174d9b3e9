"""The render stage: report documents (and diffs) into the files people read.

``renderer`` turns a `Report` into HTML with Jinja2 templates (user →
plugins → core lookup); ``pdf`` turns that HTML into a PDF with WeasyPrint,
fetching nothing from outside; ``markup`` is the safe Markdown subset of
record text; ``marks`` shows insertions and deletions inside rendered
blocks; ``writers`` is the registry of output formats that the CLI and the
pipeline choose from by name.

The names below load on first use, so that registering the core's writers
(which every command's plugin loading does) costs neither Jinja2 nor
WeasyPrint until something is rendered.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

_PUBLIC: dict[str, str] = {
    **dict.fromkeys(
        (
            "CORE_TEMPLATES",
            "PAGE_SIZES",
            "Footnote",
            "Footnotes",
            "NoFootnotes",
            "Renderer",
            "anchor",
            "text_direction",
        ),
        "renderer",
    ),
    **dict.fromkeys(
        ("FONT_PACKAGES", "RefusedFetch", "TemplateFetcher", "check_fonts", "_installed_families"),
        "pdf",
    ),
    **dict.fromkeys(("WriteContext", "Writer"), "writers"),
}

__all__ = [
    "CORE_TEMPLATES",
    "FONT_PACKAGES",
    "PAGE_SIZES",
    "Footnote",
    "Footnotes",
    "NoFootnotes",
    "RefusedFetch",
    "Renderer",
    "TemplateFetcher",
    "WriteContext",
    "Writer",
    "anchor",
    "check_fonts",
    "text_direction",
]

if TYPE_CHECKING:
    from .pdf import FONT_PACKAGES, RefusedFetch, TemplateFetcher, check_fonts
    from .renderer import (
        CORE_TEMPLATES,
        PAGE_SIZES,
        Footnote,
        Footnotes,
        NoFootnotes,
        Renderer,
        anchor,
        text_direction,
    )
    from .writers import WriteContext, Writer


def __getattr__(name: str) -> Any:
    if name not in _PUBLIC:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_PUBLIC[name]}", __name__), name)
    globals()[name] = value  # looked up once
    return value
