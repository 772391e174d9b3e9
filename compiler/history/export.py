"""Drafts to Markdown for hand editing, and edited Markdown back to a version.

The Markdown form (docs/diff.md, "Editing a draft as Markdown"): a YAML
front-matter block naming the version it is based on; one heading per
section ending in its stable id, ``## 1.c. Torture ... {#1.c}``; paragraphs
as paragraphs with citation markers ``[^RECORD@REVISION]``; lists, tables,
notes and pointers inside ``::: kind`` fences (pandoc's fenced divs, which
editors leave alone); a merge's unresolved conflict as a ``::: conflict``
fence holding both texts, which an import refuses until one is chosen.

An import is held to its base version: same sections in the same order with
the same headings (the outline belongs to the edition, not the drafter), the
same audience, and no citation of a record revision the base version does
not cite, so an edited file cannot bring in material the compiler's
do-no-harm filter kept out. Imported text is labelled as the drafter's in the
version's metadata and author.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

from .. import safe_yaml
from ..document import (
    Block,
    BulletList,
    Cite,
    Conflict,
    Note,
    Paragraph,
    Pointer,
    Report,
    Section,
    Table,
)
from ..errors import HrdraftError, InputFileError
from ..store import Store
from .refilter import View, view
from .versions import Version, load_version, save_version

__all__ = [
    "EXPORT_FORMAT",
    "ImportedDraft",
    "check_protection",
    "check_structure",
    "export_markdown",
    "import_markdown",
    "parse_markdown",
    "protection_problem",
    "save_import",
]

EXPORT_FORMAT = 1
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*\{#([^}\s]+)\}\s*$")
_FENCE = re.compile(r"^:::\s*([a-z]+)(?:\s+(.*?))?\s*$")
_CITE = re.compile(r"[ \t]*\[\^([^\]\s]+)@(\d+)\]")
_ROW_CITES = re.compile(r"^Row (\d+) cites:(.*)$")
# A merge's conflict, or one of its two sides, still in an edited file.
_CONFLICT = re.compile(r"^:{3,}\s*(conflict|reviewer|records)\b\s*(\S*)")
_HELP = (
    "<!-- hrdraft draft for editing. Change the text freely. Keep each heading as it is"
    " (the {#id} at its end names the section), the sections in their order, and the"
    " [^RECORD@REVISION] markers of the records a paragraph relies on. -->"
)

# -------------------------------------------------------------------------
# Export
# -------------------------------------------------------------------------


def _markers(cites: tuple[Cite, ...]) -> str:
    return " ".join(f"[^{c.record}@{c.revision}]" for c in cites)


def _needs_fence(text: str) -> bool:
    lines = text.split("\n")
    return (
        not text.strip()
        or any(not line.strip() for line in lines)
        or any(line.startswith((":::", "#", "<!--", "---")) for line in lines)
        or text != text.strip()
    )


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def _block_markdown(block: Block) -> str:
    if isinstance(block, Paragraph):
        body = block.text + (" " + _markers(block.cites) if block.cites else "")
        if block.lang or _needs_fence(block.text):
            attrs = f" lang={block.lang}" if block.lang else ""
            return f"::: paragraph{attrs}\n{body}\n:::"
        return body
    if isinstance(block, BulletList):
        lines = ["::: list", *(f"- {item}" for item in block.items)]
        if block.cites:
            lines.append(_markers(block.cites))
        return "\n".join([*lines, ":::"])
    if isinstance(block, Table):
        lines = ["::: table", f"Table: {block.caption}"]
        lines.append("| " + " | ".join(_cell(h) for h in block.header) + " |")
        lines.append("|" + "|".join(" --- " for _ in block.header) + "|")
        lines += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in block.rows]
        for n, cites in enumerate(block.row_cites, 1):
            lines.append(f"Row {n} cites: {_markers(cites)}".rstrip())
        return "\n".join([*lines, ":::"])
    if isinstance(block, Note):
        return f"::: note {block.label}\n{block.text}\n:::"
    if isinstance(block, Conflict):
        return _conflict_markdown(block)
    return f"::: pointer {block.report}\n{block.text}\n:::"


def _conflict_markdown(conflict: Conflict) -> str:
    """Both texts in one fence (pandoc nests fenced divs), for the drafter to choose."""

    def side(name: str, version: int | None, blocks: tuple[Block, ...], whose: str) -> str:
        label = f" v{version}" if version is not None else ""
        body = [_block_markdown(b) for b in blocks] or [f"<!-- {whose} deleted this passage -->"]
        return "\n\n".join([f"::: {name}{label}", *body, ":::"])

    help_text = (
        f"<!-- Conflict {conflict.id}: the reviewer and the records both changed this passage."
        " Keep one text (or write your own), then delete the other and every ::: line of"
        f" this conflict; or let `hrdraft versions resolve` choose. -->"
    )
    return "\n\n".join(
        [
            f"::: conflict {conflict.id}",
            help_text,
            side("reviewer", conflict.reviewer_version, conflict.reviewer, "the reviewer"),
            side("records", conflict.records_version, conflict.records, "the new compile"),
            ":::",
        ]
    )


def export_markdown(version: Version, report: Report) -> str:
    """The draft of `version` as editable Markdown that `import_markdown` reads back."""
    front = {
        "hrdraft_export": EXPORT_FORMAT,
        "based_on": version.id,
        "report_type": report.report_type,
        "edition": report.edition,
        "country": report.country,
        "year": report.year,
        "audience": report.audience,
        "language": report.language,
        "title": report.title,
    }
    parts = ["---\n" + yaml.safe_dump(front, sort_keys=False, allow_unicode=True) + "---", _HELP]

    def visit(section: Section, depth: int) -> Iterator[str]:
        yield f"{'#' * min(depth + 2, 6)} {section.heading} {{#{section.id}}}"
        for block in section.blocks:
            yield _block_markdown(block)
        for child in section.children:
            yield from visit(child, depth + 1)

    for top in report.sections:
        parts += visit(top, 0)
    return "\n\n".join(parts) + "\n"


# -------------------------------------------------------------------------
# Parsing
# -------------------------------------------------------------------------


@dataclass
class ParsedSection:
    """One heading of an edited file and the blocks under it."""

    id: str
    level: int
    heading: str
    line: int
    blocks: list[Block]


def _take_cites(text: str) -> tuple[str, tuple[Cite, ...]]:
    cites = tuple(Cite(record=m[1], revision=int(m[2])) for m in _CITE.finditer(text))
    return _CITE.sub("", text).rstrip(), cites


def _split_row(line: str) -> list[str]:
    body = line.strip()
    body = body[1:] if body.startswith("|") else body
    body = body[:-1] if body.endswith("|") and not body.endswith("\\|") else body
    cells = re.split(r"(?<!\\)\|", body)
    return [c.strip().replace("\\|", "|").replace("\\\\", "\\") for c in cells]


def _fenced_block(kind: str, arg: str, lines: list[str], where: str) -> Block:
    text = "\n".join(lines)
    if kind == "paragraph":
        lang = arg.removeprefix("lang=").strip() if arg.startswith("lang=") else None
        body, cites = _take_cites(text)
        return Paragraph(text=body, cites=cites, lang=lang or None)
    if kind == "list":
        items: list[str] = []
        cites: tuple[Cite, ...] = ()
        for line in lines:
            if line.startswith("- "):
                items.append(line[2:])
            elif line.strip() and not _CITE.sub("", line).strip():  # markers only
                cites = _take_cites(line)[1]
            elif items:
                items[-1] += "\n" + line
        return BulletList(items=tuple(items), cites=cites)
    if kind == "table":
        caption = ""
        rows: list[list[str]] = []
        row_cites: list[tuple[Cite, ...]] = []
        for line in lines:
            if line.startswith("Table:"):
                caption = line.removeprefix("Table:").strip()
            elif (m := _ROW_CITES.match(line)) is not None:
                row_cites.append(_take_cites(m[2])[1])
            elif line.strip().startswith("|"):
                cells = _split_row(line)
                if not all(re.fullmatch(r":?-{3,}:?", c) for c in cells):
                    rows.append(cells)
        if not rows:
            raise HrdraftError(f"{where}: a table has no header row", "keep the pipe table's rows")
        return Table(
            caption=caption,
            header=tuple(rows[0]),
            rows=tuple(tuple(r) for r in rows[1:]),
            row_cites=tuple(row_cites),
        )
    if kind == "note":
        return Note(label=arg, text=text)
    if kind == "pointer":
        return Pointer(report=arg, text=text)
    raise HrdraftError(
        f"{where}: unknown block '::: {kind}'",
        "use ::: paragraph, list, table, note or pointer, as the export wrote them",
    )


def parse_markdown(
    text: str, path: str = "<draft>"
) -> tuple[dict[str, object], list[ParsedSection]]:
    """The front matter and the sections of an edited draft (no checks against a base yet)."""
    lines = text.replace("\r\n", "\n").split("\n")
    if not lines or lines[0].strip() != "---":
        raise InputFileError(
            path, "no front matter", 1, "the file must start with the '---' block the export wrote"
        )
    try:
        end = lines.index("---", 1)
    except ValueError:
        raise InputFileError(
            path, "front matter is not closed", 1, "end it with a line '---'"
        ) from None
    try:
        front = safe_yaml.load("\n".join(lines[1:end])) or {}
    except yaml.YAMLError as exc:
        raise InputFileError(path, f"front matter is not YAML: {exc}", 1) from None
    if not isinstance(front, dict) or "based_on" not in front:
        raise InputFileError(
            path,
            "front matter has no 'based_on' version id",
            1,
            "keep the front matter the export wrote",
        )

    for number, line in enumerate(lines[end + 1 :], end + 2):
        if (m := _CONFLICT.match(line)) is not None:
            what = f"conflict {m[2]}".strip() if m[1] == "conflict" else f"a conflict's {m[1]} side"
            raise InputFileError(
                path,
                f"{what} is not resolved",
                number,
                "keep one of the two texts (or write your own) and delete the other and every "
                "::: line of the conflict; or choose with `hrdraft versions resolve`",
            )
    sections: list[ParsedSection] = []
    i = end + 1
    while i < len(lines):
        line = lines[i]
        where = f"{path}:{i + 1}"
        if not line.strip() or (line.strip().startswith("<!--") and line.strip().endswith("-->")):
            i += 1
            continue
        if (m := _HEADING.match(line)) is not None:
            sections.append(ParsedSection(m[3], len(m[1]), m[2], i + 1, []))
            i += 1
            continue
        if not sections:
            raise InputFileError(
                path, "text before the first section heading", i + 1, "move it under a heading"
            )
        if (m := _FENCE.match(line)) is not None:
            close = next((k for k in range(i + 1, len(lines)) if lines[k].strip() == ":::"), None)
            if close is None:
                raise InputFileError(
                    path, f"'::: {m[1]}' is never closed", i + 1, "end the block with a line ':::'"
                )
            sections[-1].blocks.append(_fenced_block(m[1], m[2] or "", lines[i + 1 : close], where))
            i = close + 1
            continue
        start = i
        while (
            i < len(lines)
            and lines[i].strip()
            and not _HEADING.match(lines[i])
            and not _FENCE.match(lines[i])
        ):
            i += 1
        body, cites = _take_cites("\n".join(lines[start:i]))
        sections[-1].blocks.append(Paragraph(text=body, cites=cites))
    return front, sections


# -------------------------------------------------------------------------
# Import
# -------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportedDraft:
    """What an import made: the new version, its tree and the base version."""

    version: Version
    report: Report
    base: Version


def _markdown_heading(section_id: str, heading: str, level: int) -> str:
    return f"'{'#' * level} {heading} {{#{section_id}}}'"


def check_structure(
    path: str,
    base: Report,
    parsed: list[ParsedSection],
    *,
    spell: Callable[[str, str, int], str] | None = None,
) -> None:
    """Refuse an edit whose sections are not the base version's, in order, with their headings.

    `spell(id, heading, level)` says how a heading is written in the file,
    for the hints (Markdown's ``## heading {#id}`` when None; the Word
    import passes its own).
    """
    expected = [(s.id, s.heading) for s in base.walk()]
    depth = {s.id: d for s, d in _depths(base)}
    known = {sid for sid, _ in expected}
    found = [p.id for p in parsed]
    for p in parsed:
        if p.id not in known:
            raise InputFileError(
                path,
                f"section {p.id} is not in the outline of the base version",
                p.line,
                f"use the ids the export wrote: {', '.join(sid for sid, _ in expected)}",
            )
    for sid, heading in expected:
        if sid not in found:
            raise InputFileError(
                path,
                f"section {sid} ({heading}) is missing",
                None,
                "put its heading back, with the {#" + sid + "} at its end"
                if spell is None
                else f"put its heading back: {spell(sid, heading, min(depth[sid] + 2, 6))}",
            )
    for p, (sid, heading) in zip(parsed, expected, strict=False):
        if p.id != sid:
            count = found.count(p.id)
            problem = "appears twice" if count > 1 else f"is out of order: section {sid} comes here"
            raise InputFileError(
                path,
                f"section {p.id} {problem}",
                p.line,
                "keep the sections in the order of the export",
            )
        if " ".join(p.heading.split()) != " ".join(heading.split()) or p.level != min(
            depth[sid] + 2, 6
        ):
            spelt = spell or _markdown_heading
            changed = spelt(sid, p.heading, p.level) if spell else f"{'#' * p.level} {p.heading!r}"
            raise InputFileError(
                path,
                f"section {sid}: heading changed to {changed}",
                p.line,
                "headings follow the edition's outline: restore "
                + spelt(sid, heading, min(depth[sid] + 2, 6)),
            )
    if len(parsed) != len(expected):
        raise InputFileError(
            path, f"section {parsed[len(expected)].id} appears twice", parsed[len(expected)].line
        )


def _depths(report: Report) -> Iterator[tuple[Section, int]]:
    def visit(section: Section, depth: int) -> Iterator[tuple[Section, int]]:
        yield section, depth
        for child in section.children:
            yield from visit(child, depth + 1)

    for top in report.sections:
        yield from visit(top, 0)


def _block_cites(block: Block) -> list[Cite]:
    cites = list(getattr(block, "cites", ()))
    for row in getattr(block, "row_cites", ()):
        cites += row
    return cites


# An edited chapter is a few hundred kilobytes; a file past this is not one.
IMPORT_LIMIT = 20_000_000
# A withdrawn passage is recognised in an edited file when at least this long.
_WITHDRAWN_MIN = 20


def _block_texts(block: Block) -> list[str]:
    if isinstance(block, BulletList):
        return list(block.items)
    if isinstance(block, Table):
        return [block.caption, *(cell for row in block.rows for cell in row)]
    return [getattr(block, "text", "")]


def _line_of(lines: list[str], text: str, after: int) -> int:
    """The file line where `text` (a block's text) starts, searching from line `after`."""
    first = next((part.strip() for part in text.splitlines() if part.strip()), "")[:40]
    for number in range(max(after, 1), len(lines) + 1):
        if first and first in lines[number - 1]:
            return number
    return after


def check_protection(path: str, text: str, parsed: list[ParsedSection], shown: View) -> None:
    """Refuse an edit that names someone without consent or brings back a withdrawn passage.

    Each block is checked as a compile checks it, against the current
    consent and the records it cites. The error names the line and the
    records that list the person, never the name itself: the message may be
    read where the name may not be.
    """
    lines = text.splitlines()
    for section in parsed:
        for block in section.blocks:
            for value in _block_texts(block):
                findings = shown.findings(value, _block_cites(block)) if value else []
                if not findings:
                    continue
                listed = findings[0].records
                # An id may carry the very name (a submitter's "NL-Aminata-Diallo").
                ids = [r for r in listed if not shown.protection.names_someone(r, slug=True)]
                records = ", ".join(ids) or "a record of this country whose id names them"
                line = _line_of(lines, value, section.line) + findings[0].line - 1
                raise InputFileError(
                    path,
                    f"names a person who may not be named in this draft (see record {records} "
                    "for their consent)",
                    line,
                    "describe the person instead of naming them, as the compiled draft does",
                )
    folded = " ".join(text.split())
    for passage in shown.withdrawn:
        if len(passage) >= _WITHDRAWN_MIN and " ".join(passage.split()) in folded:
            raise InputFileError(
                path,
                "brings back a passage that has been withdrawn from this draft",
                _line_of(lines, passage, 1),
                "remove it: the record it came from may no longer be shown",
            )


def protection_problem(block: Block, shown: View, withdrawn: Iterable[str] = ()) -> str | None:
    """Why `block` may not stand in a draft checked against `shown`, as an import checks it.

    It names a person who may not be named (the current consent of the
    records it cites decides), or it brings back a passage withdrawn from
    `shown` or one of `withdrawn`; None when it may stand. A three-way
    merge checks the reviewer's text it carries forward with this.
    """
    for value in _block_texts(block):
        if value and shown.findings(value, _block_cites(block)):
            return "names a person who may not be named in this draft"
    folded = " ".join(" ".join(_block_texts(block)).split())
    for passage in (*shown.withdrawn, *withdrawn):
        if len(passage) >= _WITHDRAWN_MIN and " ".join(passage.split()) in folded:
            return "brings back a passage that has been withdrawn from this draft"
    return None


def import_markdown(store: Store, path: Path, *, author: str, message: str) -> ImportedDraft:
    """Save an edited Markdown draft as a new version based on the one it was exported from."""
    if not author.strip():
        raise HrdraftError("an imported draft needs an author", "pass --author NAME")
    if path.stat().st_size > IMPORT_LIMIT:
        raise InputFileError(
            str(path),
            f"is larger than {IMPORT_LIMIT // 1_000_000} MB, far more than any chapter",
            None,
            "import the Markdown file that `hrdraft export` wrote, edited",
        )
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise InputFileError(str(path), "not UTF-8 text", None, "save the file as UTF-8") from None
    front, parsed = parse_markdown(text, str(path))
    try:
        base_id = int(front["based_on"])  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise InputFileError(
            str(path), f"based_on {front['based_on']!r} is not a version id", 1
        ) from None
    # The base as it may be shown today: an edit starts from, and is checked
    # against, the current sensitivity and consent of the records.
    base_version, stored = load_version(store, base_id)
    shown = view(store, stored)
    base = shown.report
    for key in ("report_type", "country", "year", "audience", "edition"):
        if key in front and str(front[key]) != str(getattr(base, key)):
            raise InputFileError(
                str(path),
                f"front matter says {key} {front[key]!r} "
                f"but version {base_id} is {getattr(base, key)!r}",
                1,
                "the front matter names the base version: restore it as exported",
            )
    check_structure(str(path), base, parsed)
    check_protection(str(path), text, parsed, shown)
    return save_import(
        store,
        str(path),
        hashlib.sha256(data).hexdigest(),
        base_version,
        base,
        parsed,
        author=author,
        message=message,
    )


def save_import(
    store: Store,
    path: str,
    fingerprint: str,
    base_version: Version,
    base: Report,
    parsed: list[ParsedSection],
    *,
    author: str,
    message: str,
) -> ImportedDraft:
    """Save checked sections of an edited draft as a new version on `base_version`.

    Refuses a citation of a record revision `base` does not cite. Shared by
    the Markdown and the Word import (hrdraft.history.docx_import).
    """
    base_id = base_version.id

    allowed = {
        (c.record, c.revision) for s in base.walk() for b in s.blocks for c in _block_cites(b)
    }
    blocks: dict[str, tuple[Block, ...]] = {}
    for p in parsed:
        for block in p.blocks:
            for cite in _block_cites(block):
                if (cite.record, cite.revision) not in allowed:
                    raise InputFileError(
                        path,
                        f"section {p.id} cites {cite.record}@{cite.revision}, "
                        f"which version {base_id} does not cite",
                        p.line,
                        "an edited draft may only cite the record revisions its base "
                        "version cites; "
                        "compile a new version to bring in other records",
                    )
        blocks[p.id] = tuple(p.blocks)

    def rebuild(section: Section) -> Section:
        return section.model_copy(
            update={
                "blocks": blocks[section.id],
                "children": tuple(rebuild(c) for c in section.children),
            }
        )

    sections = tuple(rebuild(s) for s in base.sections)
    cited = {
        c.record for s in sections for sec in s.walk() for b in sec.blocks for c in _block_cites(b)
    }
    report = base.model_copy(
        update={
            "sections": sections,
            "sources": tuple(src for src in base.sources if src.record in cited),
            "metadata": {
                **base.metadata,
                "origin": "imported",
                "based_on": base_id,
                "edited_by": author,
            },
        }
    )
    # Round-trip through validation so the saved tree is exactly what a load returns.
    report = Report.model_validate_json(report.model_dump_json())
    version = save_version(
        store,
        report,
        fingerprint=fingerprint,
        section=base_version.section,
        origin="imported",
        author=author,
        message=message,
        parent_id=base_id,
    )
    return ImportedDraft(version, report, base_version)
