"""The safe Markdown subset of record text, as a reader sees it, mapped back to the source.

Record text is Markdown (paragraphs, lists, emphasis, strong, code, links
shown as their text, images as their alt text, escapes and character
entities). A name can be split by markup or hidden in an entity
(``**Ques**ada``, ``Fu&#101;ntes``), so names are looked for in the text a
reader gets: `ReaderText` parses the source with the same parser
configuration the renderer uses (`new_parser`, which ``hrdraft.render.markup``
builds on), keeps the visible text with a map from each visible character to
the source, and rewrites the source so that each replaced visible range
becomes plain text, taking with it any markup inside it.

The flow is one-directional: render imports this module, never the reverse.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

__all__ = [
    "ENABLED_RULES",
    "MAX_LIST_DEPTH",
    "ReaderText",
    "bounded",
    "escape",
    "new_parser",
    "plain",
]

# The rules of the subset; everything else stays literal text.
ENABLED_RULES = ["list", "emphasis", "backticks", "escape", "entity", "newline", "link", "image"]
# Characters that may start markup: text without any is plain.
_MARKUP = re.compile(r"[*_`\\\[\]!&<>#~|]|^\s*(?:[-+]|\d+[.)])\s", re.MULTILINE)
_ESCAPE = re.compile(r"([\\`*_\[\]&<])")


# Lists nested deeper than this are flattened to this depth. The parser stops
# at a fixed nesting of tokens and silently drops what lies deeper: text a
# reader of the HTML would never see, but an export of the source would show.
MAX_LIST_DEPTH = 6
_LIST_LINE = re.compile(r"^(?P<indent>[ \t]*)(?P<markers>(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)*)")


def bounded(source: str) -> str:
    """`source` with list nesting past :data:`MAX_LIST_DEPTH` flattened, never dropped.

    A line indented deeper than the depth allows keeps the deepest indent
    that still nests (and its last list marker); every word stays.
    """
    if "\n" not in source and source.lstrip()[:1] not in ("-", "+", "*", *"0123456789"):
        return source
    out = []
    limit = 2 * (MAX_LIST_DEPTH - 1)
    for line in source.split("\n"):
        m = _LIST_LINE.match(line)
        indent = m.group("indent").expandtabs(4) if m else ""
        markers = re.findall(r"(?:[-+*]|\d{1,9}[.)])[ \t]+", m.group("markers")) if m else []
        if len(indent) // 2 + len(markers) > MAX_LIST_DEPTH:
            keep = markers[-1:] if markers else []
            line = " " * min(len(indent), limit) + "".join(keep) + line[m.end() :]  # type: ignore[union-attr]
        out.append(line)
    return "\n".join(out)


def new_parser() -> MarkdownIt:
    """The parser of record text: CommonMark "zero" with the subset's rules on.

    Raw HTML, linkify and typographer are off; the ``text_join`` core rule is
    off so that escapes and entities stay tokens of their own (they render
    the same). The renderer adds its render rules to a parser made here.
    """
    md = MarkdownIt("zero", {"html": False, "linkify": False, "typographer": False})
    md.enable(ENABLED_RULES)
    md.disable("text_join")
    md.validateLink = lambda url: True  # links render as text: their URL is never used
    return md


_md = new_parser()


def plain(text: str) -> bool:
    """True when `text` holds nothing Markdown would read as markup."""
    return not _MARKUP.search(text)


def escape(text: str) -> str:
    """`text` as Markdown that reads as exactly `text`."""
    return _ESCAPE.sub(r"\\\1", text)


@dataclass
class _Piece:
    """A stretch of visible text and the source it came from."""

    visible: int  # start in the visible text
    length: int  # visible length
    source: int  # start in the source
    source_end: int
    even: bool  # visible char i is source char source + i


@dataclass
class _Marker:
    """Emphasis or link syntax: invisible, but must stay balanced."""

    start: int
    end: int
    pair: int  # index of the marker it opens or closes (-1: none)


@dataclass
class _Link:
    href: str
    open: tuple[int, int]  # source of "["
    close: tuple[int, int]  # source of "](...)"


@dataclass
class ReaderText:
    """The visible text of Markdown `source`, mapped back to it."""

    source: str
    text: str = ""
    pieces: list[_Piece] = field(default_factory=list)
    markers: list[_Marker] = field(default_factory=list)
    links: list[_Link] = field(default_factory=list)
    aligned: bool = True  # False: the map could not be made; rewrite as plain text

    @classmethod
    def parse(cls, source: str) -> ReaderText:
        source = bounded(source.replace("\r\n", "\n").replace("\r", "\n"))
        reader = cls(source)
        if plain(source):
            reader.text = source
            reader.pieces = [_Piece(0, len(source), 0, len(source), True)]
            return reader
        try:
            reader._read(_md.parse(source))
        except _Misaligned:
            reader.aligned = False
            reader.text = "\n\n".join(_visible(t) for t in _md.parse(source) if t.type == "inline")
        return reader

    # -- building the map ---------------------------------------------------

    def _read(self, tokens: list[Token]) -> None:
        parts: list[str] = []
        self._cursor = 0
        self._parts = parts
        first = True
        for token in tokens:
            if token.type != "inline":
                continue
            if token.map:  # start at the block's first line
                line_start = _line_offset(self.source, token.map[0])
                self._cursor = max(self._cursor, line_start)
            if not first:
                self._add_gap("\n\n")
            first = False
            self._inline(token.children or [])
        self.text = "".join(parts)

    def _find(self, raw: str) -> int:
        i = self.source.find(raw, self._cursor)
        if i < 0:
            raise _Misaligned(raw)
        gap = self.source[self._cursor : i]
        if gap.strip() and not re.fullmatch(r"[\s>*+\-\d.)\\]*", gap):
            raise _Misaligned(raw)  # something visible was skipped
        return i

    def _add(self, visible: str, start: int, end: int, even: bool) -> None:
        self.pieces.append(_Piece(self._length, len(visible), start, end, even))
        self._parts.append(visible)
        self._length += len(visible)

    _length: int = 0

    def _add_gap(self, visible: str) -> None:
        at = self._cursor
        self._add(visible, at, at, False)

    def _inline(self, children: Iterable[Token]) -> None:
        open_markers: list[int] = []
        link: _Link | None = None
        for token in children:
            kind = token.type
            if kind == "text":
                if not token.content:
                    continue
                i = self._find(token.content)
                self._add(token.content, i, i + len(token.content), True)
                self._cursor = i + len(token.content)
            elif kind == "text_special":
                raw = token.markup or token.content
                i = self._find(raw)
                self._add(token.content, i, i + len(raw), raw == token.content)
                self._cursor = i + len(raw)
            elif kind in ("em_open", "strong_open"):
                i = self._find(token.markup)
                open_markers.append(len(self.markers))
                self.markers.append(_Marker(i, i + len(token.markup), -1))
                self._cursor = i + len(token.markup)
            elif kind in ("em_close", "strong_close"):
                i = self._find(token.markup)
                opener = open_markers.pop() if open_markers else -1
                self.markers.append(_Marker(i, i + len(token.markup), opener))
                if opener >= 0:
                    self.markers[opener].pair = len(self.markers) - 1
                self._cursor = i + len(token.markup)
            elif kind == "code_inline":
                i = self._find(token.markup)
                j = self.source.find(token.content, i + len(token.markup))
                k = self.source.find(token.markup, j + len(token.content)) if j >= 0 else -1
                if j < 0 or k < 0:
                    raise _Misaligned(token.content)
                self._add(token.content, i, k + len(token.markup), False)
                self._cursor = k + len(token.markup)
            elif kind in ("softbreak", "hardbreak"):
                i = self.source.find("\n", self._cursor)
                if i < 0:
                    raise _Misaligned("\n")
                self._add("\n", i, i + 1, False)
                self._cursor = i + 1
            elif kind == "link_open":
                i = self._find("[")
                link = _Link(str(token.attrs.get("href", "")), (i, i + 1), (0, 0))
                self._cursor = i + 1
            elif kind == "link_close":
                i = self._find("]")
                end = _link_tail(self.source, i + 1)
                if link is not None:
                    link.close = (i, end)
                    self.links.append(link)
                link = None
                self._cursor = end
            elif kind == "image":
                # Shown as its alt text; its address is a target like a link's.
                i = self._find("![")
                j = self.source.find("]", i)
                end = _link_tail(self.source, j + 1) if j >= 0 else -1
                if end < 0:
                    raise _Misaligned("![")
                alt = _visible_children(token.children or [])
                self._add(alt, i + 2, j, False)
                self.links.append(_Link(str(token.attrs.get("src", "")), (i, i + 2), (j, end)))
                self._cursor = end
            else:
                raise _Misaligned(kind)

    # -- using the map ------------------------------------------------------

    def source_range(self, start: int, end: int) -> tuple[int, int]:
        """The source range of the visible range [start, end), markup balanced."""
        a = self._source_at(start, left=True)
        b = self._source_at(end - 1, left=False) if end > start else a
        # Take in emphasis markers right at the edges when their partner is inside.
        changed = True
        while changed:
            changed = False
            for m in self.markers:
                if m.pair < 0:
                    continue
                p = self.markers[m.pair]
                if m.end == a and a < p.start < b:
                    a, changed = m.start, True
                if m.start == b and a < p.end <= b:
                    b, changed = m.end, True
        return a, b

    def _source_at(self, i: int, left: bool) -> int:
        for piece in self.pieces:  # few pieces per text: a linear scan is enough
            if piece.visible <= i < piece.visible + piece.length:
                if piece.even:
                    offset = piece.source + (i - piece.visible)
                    return offset if left else offset + 1
                return piece.source if left else piece.source_end
        return len(self.source) if not left else 0

    def rewrite(self, edits: list[tuple[int, int, str]], drop_links: Iterable[int] = ()) -> str:
        """The source with each visible range [a, b) replaced by plain `text`.

        Markers of emphasis only half inside a range are put back after the
        replacement, so the rest of the text keeps its emphasis. Links in
        `drop_links` (indexes into `links`) lose their target, keeping their text.
        """
        if not self.aligned:
            return _plain_rewrite(self.text, edits)
        ops: list[tuple[int, int, str]] = []
        for a, b, text in edits:
            sa, sb = self.source_range(a, b)
            keep = [
                self.source[m.start : m.end]
                for m in self.markers
                if sa <= m.start < sb and (m.pair < 0 or not sa <= self.markers[m.pair].start < sb)
            ]
            ops.append((sa, sb, escape(text) + "".join(keep)))
        for k in drop_links:
            link = self.links[k]
            ops.append((*link.open, ""))
            ops.append((*link.close, ""))
        out = self.source
        for sa, sb, text in sorted(_non_overlapping(ops), reverse=True):
            out = out[:sa] + text + out[sb:]
        return out


class _Misaligned(Exception):
    """The visible text could not be mapped to the source."""


def _non_overlapping(ops: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for op in sorted(ops):
        if out and op[0] < out[-1][1]:
            a, b, t = out[-1]
            out[-1] = (a, max(b, op[1]), t + op[2])
            continue
        out.append(op)
    return out


def _plain_rewrite(visible: str, edits: list[tuple[int, int, str]]) -> str:
    """Fallback: the visible text, edited, escaped: markup is lost, nothing else."""
    out = visible
    for a, b, text in sorted(edits, reverse=True):
        out = out[:a] + text + out[b:]
    return escape(out)


def _line_offset(text: str, line: int) -> int:
    at = 0
    for _ in range(line):
        nl = text.find("\n", at)
        if nl < 0:
            return len(text)
        at = nl + 1
    return at


def _link_tail(source: str, i: int) -> int:
    """End of the "(target "title")" or "[ref]" after a link's "]" at `i`."""
    if source.startswith("(", i):
        depth, j = 0, i
        while j < len(source):
            ch = source[j]
            if ch == "\\":
                j += 2
                continue
            if ch == "(":
                depth += 1
            elif ch == ")":
                depth -= 1
                if depth == 0:
                    return j + 1
            j += 1
        return len(source)
    if source.startswith("[", i):
        j = source.find("]", i)
        return j + 1 if j >= 0 else len(source)
    return i


def _visible_children(children: list[Token]) -> str:
    out = []
    for t in children:
        if t.type in ("text", "text_special", "code_inline"):
            out.append(t.content)
        elif t.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif t.children:
            out.append(_visible_children(t.children))
    return "".join(out)


def _visible(token: Token) -> str:
    return _visible_children(token.children or [])
