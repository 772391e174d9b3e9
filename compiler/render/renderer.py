"""Render a report document: `Report` → HTML (Jinja2); the PDF is made from that HTML.

Templates are looked up in the user's directory, then the plugins'
directories, then the core ``templates/`` package; the core is also reachable
as ``core/...`` so an override can extend what it replaces. The HTML is
self-contained (CSS inlined, no scripts, no external resources). The PDF is
made from that same HTML by compiler/render/pdf.py, through a URL fetcher
that serves only files inside the template directories.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import logging
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup

from .. import templates as _core_templates
from ..document import Block, Cite, Report, SourceEntry
from ..errors import HrdraftError, NotFoundError, choices
from . import markup

if TYPE_CHECKING:  # WeasyPrint loads only when a PDF is made
    from .pdf import TemplateFetcher

__all__ = [
    "CORE_TEMPLATES",
    "PAGE_SIZES",
    "Footnote",
    "Footnotes",
    "NoFootnotes",
    "Renderer",
    "anchor",
    "text_direction",
]

CORE_TEMPLATES: Path = Path(_core_templates.__file__).resolve().parent
PAGE_SIZES: dict[str, str] = {"a4": "A4", "letter": "letter"}

# Languages written right to left (primary subtags), and scripts that are.
_RTL_LANGUAGES = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})
_RTL_SCRIPTS = frozenset({"arab", "hebr", "syrc", "thaa", "nkoo", "adlm"})

log = logging.getLogger(__name__)


def text_direction(lang: str | None) -> str | None:
    """Return "rtl" for a BCP 47 tag written right to left, else None."""
    if not lang:
        return None
    parts = lang.replace("_", "-").lower().split("-")
    if parts[0] in _RTL_LANGUAGES and not (len(parts) > 1 and parts[1] == "latn"):
        return "rtl"
    if any(part in _RTL_SCRIPTS for part in parts[1:]):
        return "rtl"
    return None


def anchor(text: str) -> str:
    """An HTML id made from a section or record id (no spaces, no markup)."""
    return re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-") or "x"


# -------------------------------------------------------------------------
# Citations: numbered footnotes, in the order the template asks for them
# -------------------------------------------------------------------------


@dataclass(frozen=True)
class Footnote:
    """One cited record revision, numbered in reading order.

    A record cited again later reuses its number (``first`` is False there),
    as legal drafting refers back to an earlier note: the note text is
    printed once, where the record is first cited.
    """

    number: int
    record: str
    revision: int
    text: str
    source_anchor: str | None
    first: bool = True


@dataclass
class Footnotes:
    """Numbers citations as the template meets them; the notes list reads `all`.

    Numbering as the template renders (not by walking the tree beforehand)
    keeps HTML note numbers and the PDF's footnote order the same whatever
    order an override lays sections out in.
    """

    report: Report
    all: list[Footnote] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._sources = {s.record: s for s in self.report.sources}
        self._numbered: dict[tuple[str, int], Footnote] = {}

    def _text(self, cite: Cite) -> str:
        source = self._sources.get(cite.record)
        if source is None:
            text = f"Record {cite.record}, revision {cite.revision}."
        elif source.citation.startswith(source.source):
            text = source.citation.rstrip(". ") + "."  # the citation already names it
        else:
            text = f"{source.source}, {source.citation}".rstrip(". ") + "."
        return f"{text} (record {cite.record}, rev. {cite.revision})"

    def cite(self, cites: Sequence[Cite]) -> list[Footnote]:
        notes: list[Footnote] = []
        for cite in dict.fromkeys(cites):  # a block cites a record once
            key = (cite.record, cite.revision)
            earlier = self._numbered.get(key)
            if earlier is not None:
                notes.append(replace(earlier, first=False))
                continue
            note = Footnote(
                number=len(self.all) + 1,
                record=cite.record,
                revision=cite.revision,
                text=self._text(cite),
                source_anchor=(
                    f"src-{anchor(cite.record)}" if cite.record in self._sources else None
                ),
            )
            self._numbered[key] = note
            self.all.append(note)
            notes.append(note)
        return notes

    def number(self, record: str) -> int | None:
        """The number of the record's note (its first, if cited at two revisions), or None."""
        found = [n.number for n in self.all if n.record == record]
        return min(found) if found else None

    def numbered_sources(
        self, entries: Sequence[SourceEntry]
    ) -> list[tuple[int | None, SourceEntry]]:
        """The sources list as (note number, entry), in note order.

        The Sources list uses the footnotes' numbers, so note 3 and source
        3 are the same record. Call it after the sections are rendered (the
        notes are numbered as the template meets them); an entry no note
        cites (a block kind whose partial prints no notes) comes last,
        without a number.
        """
        numbered = [(self.number(e.record), e) for e in entries]
        return sorted(numbered, key=lambda pair: (pair[0] is None, pair[0] or 0))


class NoFootnotes:
    """Footnotes that number nothing, for a block shown outside a draft.

    The redline renders blocks with the drafts' partials but lists each
    block's citations itself (with the records' changes), so its partials
    are given this: ``notes.cite(...)`` is always empty.
    """

    all: tuple[Footnote, ...] = ()

    def cite(self, cites: Sequence[Cite]) -> list[Footnote]:
        return []


def _append_inline(html: Markup, extra: Markup) -> Markup:
    """`extra` inside the last paragraph or list item of `html` (or after it)."""
    if not extra:
        return html
    cut = max(html.rfind("</p>"), html.rfind("</li>"))
    if cut < 0 or html[cut:].count("</") > 3:
        return html + extra
    return Markup(html[:cut]) + extra + Markup(html[cut:])


# -------------------------------------------------------------------------
# The renderer
# -------------------------------------------------------------------------


def _template_error(exc: jinja2.TemplateError) -> HrdraftError:
    if isinstance(exc, jinja2.TemplateNotFound):
        return NotFoundError(
            f"template {exc.name!r} not found",
            "check the name in your template directory (--templates); "
            "core templates are also reachable as core/<name>",
        )
    where = ""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        where = f"{exc.filename or exc.name}:{exc.lineno}: "
    return HrdraftError(
        f"{where}template error: {exc.message or exc}",
        "fix the template (undefined names are errors: check the spelling "
        "against the report document's fields)",
    )


# Where templates are looked up in a template folder: its top level, the
# partials (one level of subfolders: partials/blocks/), and report/<type>.html.
# Only these are read, hashed or listed, however large the folder is.
TEMPLATE_GLOBS: tuple[str, ...] = (
    "*.html",
    "*.css",
    "partials/*.html",
    "partials/*/*.html",
    "report/*.html",
)


def template_files(folder: Path) -> list[Path]:
    """The files of `folder` that template lookup can use, in a stable order."""
    found: set[Path] = set()
    try:
        for pattern in TEMPLATE_GLOBS:
            found.update(p for p in folder.glob(pattern) if p.is_file())
    except OSError as exc:
        raise HrdraftError(
            f"cannot read the template folder {folder}: {exc.strerror}",
            "check its permissions, or point --templates at another folder",
        ) from None
    return sorted(found)


def _check_template_dir(folder: Path) -> None:
    """A --templates folder must exist and hold templates where lookup looks."""
    if not folder.is_dir():
        raise NotFoundError(
            f"template directory {folder} does not exist", "create it or fix --templates"
        )
    if not template_files(folder):
        raise HrdraftError(
            f"{folder} holds no templates",
            "a template folder has .html or .css files at its top, in partials/ or in "
            "report/ (e.g. partials/blocks/paragraph.html); point --templates at one",
        )


class Renderer:
    """Turns report documents into HTML and PDF with one set of templates."""

    def __init__(
        self,
        template_dirs: Iterable[Path] = (),
        *,
        user_dir: Path | None = None,
        page_size: str = "A4",
    ) -> None:
        size = PAGE_SIZES.get(page_size.lower())
        if size is None:
            raise HrdraftError(f"unknown page size {page_size!r}", choices(["A4", "Letter"]))
        if user_dir is not None:
            _check_template_dir(Path(user_dir))
        self.page_size = size
        self.user_dir = Path(user_dir) if user_dir is not None else None
        self.search_path: list[Path] = [
            *([Path(user_dir)] if user_dir is not None else []),
            *(Path(d) for d in template_dirs),
            CORE_TEMPLATES,
        ]
        self.env = jinja2.Environment(
            loader=jinja2.ChoiceLoader(
                [
                    jinja2.PrefixLoader({"core": jinja2.FileSystemLoader(str(CORE_TEMPLATES))}),
                    jinja2.FileSystemLoader([str(d) for d in self.search_path]),
                ]
            ),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        self.env.filters.update(
            markdown=markup.to_html,
            inline=markup.to_inline_html,
            anchor=anchor,
            direction=text_direction,
            append_inline=_append_inline,
        )
        self.env.globals.update(page_size=self.page_size, stylesheet=self._stylesheet)

    @cached_property
    def fetcher(self) -> TemplateFetcher:
        """The only way the PDF renderer reads anything: template files, nothing else."""
        from .pdf import TemplateFetcher

        return TemplateFetcher(self.search_path)

    def _stylesheet(self, name: str) -> Markup:
        """A CSS file from the lookup path, inlined verbatim (not a Jinja template)."""
        source, _, _ = self.env.loader.get_source(self.env, name)  # type: ignore[union-attr]
        # Never let a stylesheet close the <style> element it is inlined in.
        return Markup(re.sub(r"</(?=style)", r"<\\/", source, flags=re.I))

    def template_name(self, report_type: str) -> str:
        """`report/<type>.html` if some directory has it, else `report.html`."""
        if re.fullmatch(r"[a-z0-9_-]+", report_type):
            specific = f"report/{report_type}.html"
            try:  # looks up this one name; never lists every folder on the path
                self.env.get_template(specific)
            except jinja2.TemplateNotFound:
                pass
            else:
                return specific
        return "report.html"

    def html(self, report: Report) -> str:
        """The draft as one self-contained HTML page."""
        try:
            template = self.env.get_template(self.template_name(report.report_type))
            return template.render(
                report=report,
                notes=Footnotes(report),
                direction=text_direction(report.language),
            )
        except jinja2.TemplateError as exc:
            raise _template_error(exc) from exc

    def block_html(
        self, block: Block | Mapping[str, Any], *, notes: Any = None, **context: Any
    ) -> str:
        """One block through its partial, ``partials/blocks/<kind>.html``, as a draft shows it.

        `context` is what the partial may read besides ``block`` and
        ``notes`` (``report``, ``direction``, ``section``, ``depth``); `notes`
        defaults to :class:`NoFootnotes`. The redline renders its blocks
        through this, so a block partial's override applies there too.
        """
        kind = block["kind"] if isinstance(block, Mapping) else block.kind
        try:
            template = self.env.get_template(f"partials/blocks/{kind}.html")
            return template.render(block=block, notes=notes or NoFootnotes(), **context)
        except jinja2.TemplateError as exc:
            raise _template_error(exc) from exc

    def write_pdf(self, html: str) -> bytes:
        """PDF bytes from HTML made by these templates (its print stylesheet is inlined)."""
        from .pdf import html_to_pdf  # WeasyPrint loads only here

        return html_to_pdf(html, base_url=CORE_TEMPLATES.as_uri() + "/", fetcher=self.fetcher)

    def pdf(self, report: Report) -> bytes:
        """The draft as PDF."""
        return self.write_pdf(self.html(report))

    def fingerprint(self) -> str:
        """A hash of everything besides the document that shapes the output."""
        digest = hashlib.sha256()
        digest.update(f"page\0{self.page_size}\0".encode())
        for package in ("weasyprint", "jinja2", "markdown-it-py", "nh3"):
            digest.update(f"{package}={importlib.metadata.version(package)}\0".encode())
        # The render package's own code: the renderer, markup, PDF and writers.
        for module in sorted(Path(__file__).parent.glob("*.py")):
            digest.update(f"{module.name}\0".encode() + module.read_bytes())
        for index, folder in enumerate(self.search_path):
            for path in template_files(folder):
                digest.update(f"{index}:{path.relative_to(folder).as_posix()}\0".encode())
                try:
                    digest.update(hashlib.sha256(path.read_bytes()).digest())
                except OSError as exc:
                    raise HrdraftError(
                        f"cannot read the template {path}: {exc.strerror}",
                        "check the file's permissions, or remove it from the template folder",
                    ) from None
        return digest.hexdigest()
