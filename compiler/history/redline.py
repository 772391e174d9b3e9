"""A diff's outputs: terminal summary, HTML redline, PDF redline and JSON.

All four are functions of one `ReportDiff` (compiler/history/diff.py), never of each
other; they are the diff writers of the output registry (compiler/render/writers.py),
which is how ``hrdraft diff --format`` finds them. The HTML redline extends the
drafts' base page, so its PDF carries the same print styles (running header,
audience banner, page numbers), and renders every block through the drafts' own
block partial with the insertions and deletions marked inside its text
(compiler/render/marks.py). The JSON form is the stable schema of docs/diff.md;
bump `SCHEMA_VERSION` on any change that is not a pure addition.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup, escape
from pydantic import TypeAdapter
from rich.console import Console
from rich.text import Text

from ..document import Block
from ..errors import HrdraftError
from ..render import marks
from ..render.renderer import text_direction
from ..terminal import for_terminal
from ..words import plural
from .changes import TEXT_FIELDS, FieldDiff, SectionPlace, new_block_data
from .compare import comparison_notes
from .diff import BlockOp, Explanation, ItemOp, ReportDiff, SectionDiff, Span
from .textdiff import new_text, old_text

if TYPE_CHECKING:
    from ..render.renderer import Renderer

__all__ = [
    "SCHEMA_VERSION",
    "Line",
    "SectionLabels",
    "block_lines",
    "diff_to_dict",
    "diff_to_json",
    "explain_text",
    "print_diff",
    "redline_html",
    "redline_pdf",
    "section_label",
    "section_labels",
    "summary_text",
]

SCHEMA_VERSION = 1

# -------------------------------------------------------------------------
# JSON
# -------------------------------------------------------------------------


def diff_to_dict(diff: ReportDiff) -> dict[str, Any]:
    """The diff as plain data, in the schema docs/diff.md documents."""
    labels = section_labels(diff)
    sections = []
    for section in diff.sections:
        data = dataclasses.asdict(section)
        data["counts"] = section.counts
        for side, names in (("old", labels.old), ("new", labels.new)):
            if data[side] is not None:
                data[side]["label"] = names[data[side]["id"]]
        sections.append(data)
    return _plain(
        {
            "schema_version": SCHEMA_VERSION,
            "audience": diff.audience,
            "old": diff.old,
            "new": diff.new,
            "notes": list(comparison_notes(diff)),
            "changed": diff.changed,
            "match_titles": diff.match_titles,
            "header": {k: {"old": o, "new": n} for k, (o, n) in diff.header.items()},
            "summary": _summary(diff),
            "records": [dataclasses.asdict(e) for e in diff.records],
            "sections": sections,
        }
    )


def _plain(value: Any) -> Any:
    """JSON data only: tuples become lists, so the dict equals its JSON read back."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    return value


def diff_to_json(diff: ReportDiff) -> str:
    """The diff as JSON text (UTF-8, keys in schema order, indented)."""
    return json.dumps(diff_to_dict(diff), ensure_ascii=False, indent=2, default=str) + "\n"


def _summary(diff: ReportDiff) -> dict[str, int]:
    summary = dict.fromkeys(
        ("sections_changed", "sections_added", "sections_removed", "sections_unchanged"), 0
    )
    summary.update(
        dict.fromkeys(("blocks_added", "blocks_removed", "blocks_moved", "blocks_changed"), 0)
    )
    summary["blocks_moved_between_sections"] = 0
    for section in diff.sections:
        summary["blocks_moved_between_sections"] += sum(1 for op in section.blocks if op.moved_from)
        if section.status == "unchanged" and section.structure:
            summary["sections_changed"] += 1
        else:
            summary[f"sections_{section.status}"] += 1
        if section.status in ("added", "removed"):
            continue  # its blocks are counted as the section, not one by one
        for op, count in section.counts.items():
            if op != "unchanged":
                summary[f"blocks_{op}"] += count
    return summary


def summary_text(diff: ReportDiff) -> str:
    """The counts in one line: "17 sections: 1 changed, 0 added, 0 removed, 16 unchanged; ..."."""
    summary = _summary(diff)
    moved_between = summary["blocks_moved_between_sections"]
    return (
        f"{plural(len(diff.sections), 'section')}: {summary['sections_changed']} changed, "
        f"{summary['sections_added']} added, {summary['sections_removed']} removed, "
        f"{summary['sections_unchanged']} unchanged; "
        f"blocks: {summary['blocks_changed']} changed, {summary['blocks_added']} added, "
        f"{summary['blocks_removed']} removed, {summary['blocks_moved']} moved"
        + (
            f" ({moved_between} of the added blocks moved from another section)"
            if moved_between
            else ""
        )
    )


# -------------------------------------------------------------------------
# A block as lines of spans, shared by the terminal and HTML outputs
# -------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One printed line of a block: `role` p, li, note, pointer, caption, th, td or cites."""

    role: str
    cells: tuple[tuple[Span, ...], ...]
    op: str = "equal"  # the line as a whole: equal, insert or delete


def _whole(op: BlockOp) -> str:
    return {"added": "insert", "removed": "delete"}.get(op.op, "equal")


def _field_spans(op: BlockOp, name: str, prefix: str = "") -> tuple[Span, ...]:
    fields = {f.name: f for f in op.fields}
    f = fields.get(name)
    spans: list[Span] = [Span("equal", prefix)] if prefix else []
    if f is not None and f.words:
        return (*spans, *f.words)
    if f is not None and f.value is not None:
        old, new = f.value
        return (*spans, Span("delete", str(old or "")), Span("insert", str(new or "")))
    value = op.block.get(name)
    return (*spans, Span(_whole(op), str(value))) if value else tuple(spans)  # type: ignore[arg-type]


def _items(op: BlockOp, name: str) -> list[tuple[str, Any, tuple[Span, ...] | None]]:
    """(line op, old-or-new item, word spans of a changed item) for a sequence field."""
    fields = {f.name: f for f in op.fields}
    if name in fields:
        out: list[tuple[str, Any, tuple[Span, ...] | None]] = []
        for item in fields[name].items:
            if item.op == "change":
                out.append(("equal", item, item.words or None))
            else:
                value = item.new if item.op == "insert" else item.old
                out.append((item.op, value, None))
        return out
    return [(_whole(op), value, None) for value in op.block.get(name) or ()]


def _cell_spans(item: Any, line_op: str) -> tuple[tuple[Span, ...], ...]:
    if isinstance(item, ItemOp):  # a changed row: its cells' own ops
        cells = []
        for cell in item.cells:
            if cell.op == "change":
                cells.append(cell.words)
            elif cell.op == "insert":
                cells.append((Span("insert", cell.new),))
            else:
                cells.append((Span("delete" if cell.op == "delete" else "equal", cell.old),))
        return tuple(cells)
    return tuple((Span(line_op, str(c)),) for c in item)  # type: ignore[arg-type]


def _cite_spans(op: BlockOp) -> tuple[Span, ...]:
    def mark(cite: Any) -> str:
        record, revision = (cite["record"], cite["revision"]) if isinstance(cite, dict) else cite
        return f"[{record}@{revision}]"

    spans: list[Span] = []
    for line_op, value, _ in _items(op, "cites"):
        spans.append(Span(line_op, mark(value)))  # type: ignore[arg-type]
        spans.append(Span("equal", " "))
    return tuple(spans[:-1])


def _item_text(value: Any) -> str:
    return value.old if isinstance(value, ItemOp) else str(value)


def block_lines(op: BlockOp) -> list[Line]:
    """How a block op prints: insertions and deletions marked inside its lines."""
    kind, whole = op.kind, _whole(op)
    lines: list[Line] = []
    if kind == "paragraph":
        lines.append(Line("p", (_field_spans(op, "text"),), whole))
    elif kind == "note":
        label = _field_spans(op, "label")
        lines.append(Line("note", ((*label, Span(whole, ": "), *_field_spans(op, "text")),), whole))  # type: ignore[arg-type]
    elif kind == "pointer":
        lines.append(Line("pointer", (_field_spans(op, "text"),), whole))
    elif kind == "list":
        for line_op, value, words in _items(op, "items"):
            spans = (
                words
                if words is not None
                else (Span(line_op, value.old if isinstance(value, ItemOp) else str(value)),)
            )  # type: ignore[arg-type]
            lines.append(Line("li", (spans,), line_op))
    elif kind == "table":
        lines.append(Line("caption", (_field_spans(op, "caption"),), whole))
        # Each header item is one cell's string (not a row of cells, as in `rows`).
        header = [
            words if words is not None else (Span(o, _item_text(v)),)  # type: ignore[arg-type]
            for o, v, words in _items(op, "header")
        ]
        lines.append(Line("th", tuple(header), whole))
        for line_op, value, _ in _items(op, "rows"):
            lines.append(Line("td", _cell_spans(value, line_op), line_op))
    elif kind == "conflict":
        # A merge's conflict: each side's blocks as those blocks print, under a label
        # (a changed conflict prints as it now is).
        data = new_block_data(op) if op.op == "changed" else op.block
        inner_op = "unchanged" if op.op == "changed" else op.op
        sides = (("reviewer", "reviewer's text"), ("records", "new text from the records"))
        for side, label in sides:
            version = data.get(f"{side}_version")
            title = f"Conflict {data.get('id')} — {label}" + (f" (v{version})" if version else "")
            lines.append(Line("note", ((Span(whole, title + ":"),),), whole))
            for inner in data.get(side) or ():
                inner_block = BlockOp(inner_op, inner["kind"], op.old_index, op.new_index, inner)  # type: ignore[arg-type]
                lines += block_lines(inner_block)
    cites = _cite_spans(op)
    if cites:
        lines.append(Line("cites", (cites,), whole))
    return lines


_CHANGE_WORDS = {
    "added": "added: cited in the new draft, not in the old",
    "revised": "revised",
    "withdrawn": "withdrawn or now excluded for this audience: cited in the old draft only",
    "cited": "now cited here (already cited elsewhere in the old draft)",
    "uncited": "no longer cited here (still cited elsewhere in the new draft)",
    "unchanged": "cited by both, same revision",
}


def explain_text(e: Explanation) -> str:
    """One line a reviewer reads: which record, and what happened to it."""
    if e.change == "revised":
        return f"record {e.record} revised from revision {e.old_revision} to {e.new_revision}"
    revision = e.new_revision if e.new_revision is not None else e.old_revision
    return f"record {e.record}@{revision} {_CHANGE_WORDS[e.change]}"


def _explain_lines(op: BlockOp) -> list[str]:
    lines = [explain_text(e) for e in op.explain if e.change != "unchanged"]
    if op.op == "changed" and not lines:
        lines.append(
            "same records: the wording changed "
            "(a drafter's edit, or a change in how the text is built)"
        )
    return lines


# -------------------------------------------------------------------------
# Section labels: "2.a Freedom of the Press", never "a. Freedom of the Press"
# -------------------------------------------------------------------------


def section_label(place: SectionPlace, places: dict[str, SectionPlace]) -> str:
    """How a redline names a section: its number path, as the report prints it, and its title.

    `places` are the sections of the same draft by id (for the parents). A
    top-level section reads as its heading ("Section 2. Respect for Civil
    Liberties", "Executive Summary"); a subsection by its parents' numbers
    and its own, without "Section" and the full stops ("2.a Freedom of the
    Press", "II.b ..."), as the published reports refer to one (the form of
    :func:`hrdraft.prose.section_label`); an unnumbered subsection by its
    parents' numbers and its title in brackets ("1.c (Prison and Detention
    Center Conditions)"), so it never reads as its parent.
    """
    path = [place]
    while path[-1].parent is not None and path[-1].parent in places:
        path.append(places[path[-1].parent])
    path.reverse()
    if len(path) == 1:
        return place.heading
    numbers = [p.number.removeprefix("Section").strip().rstrip(".") for p in path]
    number = ".".join(n for n in numbers if n)
    if not place.number:
        return f"{number} ({place.title})" if number else place.title
    return f"{number} {place.title}"


@dataclass(frozen=True)
class SectionLabels:
    """Each section's label (:func:`section_label`), by its id in the old and in the new draft."""

    old: dict[str, str]
    new: dict[str, str]

    def of(self, section: SectionDiff) -> str:
        """The section's label in the new draft (in the old one for a removed section)."""
        return self.new[section.new.id] if section.new else self.old[section.old.id]  # type: ignore[union-attr]


def section_labels(diff: ReportDiff) -> SectionLabels:
    """The labels of every section of both drafts of `diff`."""
    old = {s.old.id: s.old for s in diff.sections if s.old}
    new = {s.new.id: s.new for s in diff.sections if s.new}
    return SectionLabels(
        {sid: section_label(p, old) for sid, p in old.items()},
        {sid: section_label(p, new) for sid, p in new.items()},
    )


def _with_id(label: str, section_id: str) -> str:
    """The label, and the section's id after it where the label does not start with it."""
    if label.startswith((f"{section_id} ", f"Section {section_id}. ")):
        return label
    return f"{label} [{section_id}]"


@dataclass(frozen=True)
class _SectionNames:
    """Labels and redline anchors of sections, by old-draft and by new-draft id."""

    old: dict[str, tuple[str, str]]
    new: dict[str, tuple[str, str]]


def _section_names(diff: ReportDiff, labels: SectionLabels) -> _SectionNames:
    old: dict[str, tuple[str, str]] = {}
    new: dict[str, tuple[str, str]] = {}
    for section in diff.sections:
        if section.old:
            old[section.old.id] = (labels.old[section.old.id], section.place.id)
        if section.new:
            new[section.new.id] = (labels.new[section.new.id], section.place.id)
    return _SectionNames(old, new)


def _moved(op: BlockOp, where: _SectionNames) -> tuple[str, str]:
    """For a block moved between sections: ("moved here, unchanged, from
    1.a Torture" or "moved, unchanged, to ...", the redline anchor of that
    section); ("", "") for any other block."""
    if op.moved_from:
        label, anchor = where.old.get(op.moved_from, (op.moved_from, ""))
        return f"moved here, unchanged, from {_with_id(label, op.moved_from)}", anchor
    if op.moved_to:
        label, anchor = where.new.get(op.moved_to, (op.moved_to, ""))
        return f"moved, unchanged, to {_with_id(label, op.moved_to)}", anchor
    return "", ""


def _heading(section: SectionDiff, labels: SectionLabels) -> str:
    label = labels.of(section)
    if section.old and section.new:
        old_label = labels.old[section.old.id]
        if old_label != label:
            return f"{_with_id(label, section.new.id)} (was {_with_id(old_label, section.old.id)})"
    return _with_id(label, section.place.id)


def _status_words(section: SectionDiff) -> str:
    return ", ".join([section.status, *section.structure])


# -------------------------------------------------------------------------
# Terminal
# -------------------------------------------------------------------------

_STYLE = {"insert": "green underline", "delete": "red strike", "equal": ""}


def _rich_spans(spans: Iterable[Span], marks: bool = False) -> Text:
    # Without colour (a pipe, NO_COLOR), wdiff's [-deleted-] {+inserted+} marks.
    text = Text()
    for span in spans:
        value = for_terminal(span.text)  # record text never drives the reviewer's terminal
        if marks and span.op == "delete":
            value = f"[-{value}-]"
        elif marks and span.op == "insert":
            value = f"{{+{value}+}}"
        text.append(value, style=_STYLE[span.op])
    return text


def print_diff(diff: ReportDiff, console: Console, *, context: bool = False) -> None:
    """A coloured summary (sections changed with counts), then each change.

    Unchanged sections are collapsed to one line; `context` also prints the
    unchanged blocks of changed sections.
    """
    marks = console.color_system is None
    console.print(
        Text.assemble(
            ("diff ", "bold"),
            for_terminal(_version_label(diff.old)),
            " → ",
            for_terminal(_version_label(diff.new)),
        )
    )
    if diff.audience != "public":
        console.print(Text("INTERNAL: this diff shows text of an internal draft", style="bold red"))
    for note in comparison_notes(diff):
        console.print(Text(for_terminal(note), style="bold yellow"), soft_wrap=True)
    if not diff.changed:
        console.print("No changes.")
        return
    for key, (old, new) in diff.header.items():
        if key in ("sources", "metadata"):
            console.print(f"  {key} changed")
        else:
            console.print(
                Text.assemble(
                    f"  {key}: ",
                    (for_terminal(str(old)), "red strike"),
                    " → ",
                    (for_terminal(str(new)), "green"),
                )
            )
    console.print(summary_text(diff))
    labels = section_labels(diff)
    where = _section_names(diff, labels)
    id_width = max((len(s.place.id) for s in diff.changed_sections), default=0)
    for section in diff.changed_sections:
        counts = section.counts
        detail = ", ".join(f"{n} {k}" for k, n in counts.items() if n and k != "unchanged")
        console.print(
            Text(f"  {section.place.id:<{id_width}}  {_status_words(section):<24} {detail}"),
            soft_wrap=True,
        )
    unchanged = [s.id for s in diff.sections if s not in diff.changed_sections]
    if unchanged:
        console.print(
            Text(
                f"  {plural(len(unchanged), 'unchanged section')}: {', '.join(unchanged)}",
                style="dim",
            ),
            soft_wrap=True,
        )

    for section in diff.changed_sections:
        console.print()
        console.print(
            Text(
                f"§ {for_terminal(_heading(section, labels))}: {_status_words(section)}",
                style="bold",
            ),
            soft_wrap=True,
        )
        for op in section.blocks:
            if op.op == "unchanged" and not context:
                continue
            mark = {"added": "+", "removed": "-", "moved": "↕", "changed": "~", "unchanged": " "}[
                op.op
            ]
            for line in block_lines(op):
                text = Text(f" {mark} ")
                for i, cell in enumerate(line.cells):
                    if i:
                        text.append(" | ")
                    text.append_text(_rich_spans(cell, marks))
                console.print(text, soft_wrap=True)
            if op.op == "moved":
                console.print(
                    Text(
                        f"     moved from position {op.old_index + 1} to {op.new_index + 1}",
                        style="dim",
                    )
                )  # type: ignore[operator]
            if moved := _moved(op, where)[0]:
                console.print(Text(f"     {for_terminal(moved)}", style="dim"), soft_wrap=True)
            for line in _explain_lines(op):
                console.print(Text(f"     why: {for_terminal(line)}", style="cyan"), soft_wrap=True)
    if diff.records:
        console.print()
        console.print(Text("Records behind the changes", style="bold"))
        for e in diff.records:
            console.print(Text(f"  {for_terminal(explain_text(e))}"), soft_wrap=True)


def _version_label(meta: dict[str, Any]) -> str:
    if meta.get("label"):
        return str(meta["label"])
    return (
        f"{meta['report_type']} {meta['country']} {meta['year']} "
        f"{meta['audience']} ({meta['edition']})"
    )


# -------------------------------------------------------------------------
# HTML and PDF: each block through the drafts' own partial, marks applied
# -------------------------------------------------------------------------

_BLOCK = TypeAdapter(Block)


class _Unfaithful(Exception):
    """Marked text would not render as either side does: show the block whole."""


def _spans_html(spans: Iterable[Span]) -> Markup:
    out = Markup()
    for span in spans:
        text = escape(span.text)
        if span.op == "insert":
            out += Markup("<ins>") + text + Markup("</ins>")
        elif span.op == "delete":
            out += Markup("<del>") + text + Markup("</del>")
        else:
            out += text
    return out


def _words(spans: tuple[Span, ...]) -> str:
    """Marked text of a changed string: word by word, else old deleted and new inserted."""
    old, new = old_text(spans), new_text(spans)
    for text in (marks.marked(spans), marks.whole(old, "delete") + marks.whole(new, "insert")):
        if marks.faithful(text, old, new):
            return text
    raise _Unfaithful


def _one_side(value: str, op: str) -> str:
    """Marked text of a string that exists on one side only (an added item, a removed cell)."""
    text = marks.whole(value, op)  # type: ignore[arg-type]
    old, new = (None, value) if op == "insert" else (value, None)
    if not marks.faithful(text, old, new):
        raise _Unfaithful
    return text


def _cells(item: ItemOp) -> list[str]:
    out = []
    for cell in item.cells:
        if cell.op == "equal":
            out.append(cell.old)
        elif cell.op == "change":
            out.append(_words(cell.words))
        elif cell.op == "insert":
            out.append(_one_side(cell.new, "insert"))
        else:
            out.append(_one_side(cell.old, "delete"))
    return out


def _marked_field(f: FieldDiff) -> Any:
    """A changed field as the partial gets it: text marked, sequences with marked items."""
    if f.value is not None:
        return f.value[1]
    if f.name in TEXT_FIELDS:
        return _words(f.words)
    if f.name in ("cites", "row_cites"):
        return None  # the redline lists citations itself; the new ones are filled in
    out: list[Any] = []
    for item in f.items:
        if f.name == "rows":
            if item.op == "change":
                out.append(_cells(item))
            elif item.op in ("equal", "insert", "delete"):
                row = item.new if item.op == "insert" else item.old
                out.append(
                    [
                        row_cell if item.op == "equal" else _one_side(row_cell, item.op)
                        for row_cell in row
                    ]
                )
        elif item.op == "change":
            out.append(_words(item.words))
        elif item.op == "equal":
            out.append(item.old)
        else:
            out.append(_one_side(item.new if item.op == "insert" else item.old, item.op))
    return out


def _strings(data: Any) -> Iterable[str]:
    if isinstance(data, str):
        yield data
    elif isinstance(data, dict):
        for value in data.values():
            yield from _strings(value)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from _strings(value)


def _block_markup(op: BlockOp, renderer: Renderer, context: dict[str, Any]) -> Markup:
    """The block as the draft's partial renders it, insertions and deletions marked."""

    def render(data: dict[str, Any]) -> str:
        return renderer.block_html(_BLOCK.validate_python(data), **context)

    if op.op in ("unchanged", "moved"):
        return Markup(render(op.block))
    if op.op in ("added", "removed"):
        return marks.mark_all(render(op.block), "insert" if op.op == "added" else "delete")
    new = new_block_data(op)
    try:
        if any(marks.has_sentinels(t) for t in (*_strings(op.block), *_strings(new))):
            raise _Unfaithful  # a record's own character must never pass for a mark
        data = dict(new)
        for f in op.fields:
            value = _marked_field(f)
            if value is not None:
                data[f.name] = value
        return marks.apply_marks(render(data))
    except _Unfaithful:
        return marks.mark_all(render(op.block), "delete") + marks.mark_all(render(new), "insert")


def _block_view(
    op: BlockOp, where: _SectionNames, renderer: Renderer, context: dict[str, Any]
) -> dict[str, Any]:
    moved, moved_anchor = _moved(op, where)
    cites = _cite_spans(op)
    return {
        "op": op.op,
        "kind": op.kind,
        "html": _block_markup(op, renderer, context),
        "cites": _spans_html(cites) if cites else Markup(),
        "why": _explain_lines(op),
        "old_index": op.old_index,
        "new_index": op.new_index,
        "moved": moved,
        "moved_anchor": moved_anchor,
    }


def _view(diff: ReportDiff, renderer: Renderer) -> list[dict[str, Any]]:
    """What the template lays out: each section with its blocks' markup and reasons."""
    labels = section_labels(diff)
    where = _section_names(diff, labels)
    language = diff.new.get("language")
    sections = []
    for section in diff.sections:
        changed = section in diff.changed_sections
        # What a block partial may read besides the block, as in a draft.
        context = {
            "report": diff.new,
            "direction": text_direction(language),
            "section": section.place,
            "depth": section.place.depth,
        }
        sections.append(
            {
                "id": section.place.id,
                "depth": section.place.depth,
                "heading": labels.of(section),
                "old_heading": labels.old[section.old.id] if section.old else "",
                "old_id": section.old.id if section.old else "",
                "status": section.status,
                "structure": section.structure,
                "changed": changed,
                "counts": section.counts,
                "size": plural(len(section.blocks), "block"),
                "blocks": [_block_view(op, where, renderer, context) for op in section.blocks],
            }
        )
    return sections


def _with_comments(sections: list[dict[str, Any]], comments: Iterable[Any]) -> list[dict]:
    """Each review comment (``hrdraft.store.reviews.Comment``, of the newer version) put
    on its section's and its block's view; all of them, as the template lists them."""
    views = []
    for c in comments:
        placed = f"§{c.at_section}" if c.at_section else ""
        if c.at_section and c.at_index is not None:
            placed += f" ¶{c.at_index + 1}"
        view = {
            "id": c.id,
            "author": c.author,
            "text": c.text,
            "created": f"{c.created_at:%Y-%m-%d}",
            "where": f"v{c.version_id} {c.where}",
            "placed": placed,
            "section": c.at_section,
            "status": c.status,
            "status_text": c.status_text,
        }
        views.append(view)
        for s in sections:
            if s["status"] == "removed" or s["id"] != c.at_section:
                continue
            if c.at_index is None:
                s.setdefault("comments", []).append(view)
            for b in s["blocks"]:
                if c.at_index is not None and b["new_index"] == c.at_index:
                    b.setdefault("comments", []).append(view)
    return views


def redline_html(diff: ReportDiff, renderer: Renderer, comments: Iterable[Any] = ()) -> str:
    """The self-contained HTML redline, from `redline.html` and the block partials.

    Every block is rendered by the renderer's ``partials/blocks/<kind>.html``
    (user → plugin → core lookup), as in a draft, so record text is the same
    safe Markdown subset and a partial's override applies here too.
    `comments` are the newer version's review comments
    (``hrdraft.store.reviews.comments_for``), shown at their paragraphs and
    listed at the end.
    """
    try:
        template = renderer.env.get_template("redline.html")
        sections = _view(diff, renderer)
        return template.render(
            diff=diff,
            sections=sections,
            review_comments=_with_comments(sections, comments),
            summary=_summary(diff),
            summary_text=summary_text(diff),
            notes=comparison_notes(diff),
            records=[explain_text(e) for e in diff.records],
            old_label=_version_label(diff.old),
            new_label=_version_label(diff.new),
        )
    except jinja2.TemplateError as exc:
        raise HrdraftError(f"redline template error: {exc}", "fix templates/redline.html") from exc


def redline_pdf(diff: ReportDiff, renderer: Renderer, comments: Iterable[Any] = ()) -> bytes:
    """The redline as PDF: its HTML, from the diff, through the drafts' print stylesheet."""
    return renderer.write_pdf(redline_html(diff, renderer, comments))
