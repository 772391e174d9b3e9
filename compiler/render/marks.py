"""Insertions and deletions shown inside rendered blocks: the redline's marks.

A changed block is rendered once, through the drafts' own block partial,
from *marked text*: each field's words with the inserted and deleted runs
wrapped in four sentinel characters. The text goes through the same safe
Markdown subset and sanitiser as a draft's (the sentinels are ordinary
characters to both), so ``**bold**`` in a record is bold in the redline too.
Then :func:`apply_marks` turns the sentinels into ``<ins>``/``<del>``
around runs of text only, never around or across a tag, so the marks can
never break the markup the partial made.

Marked text is only used where it renders faithfully: :func:`faithful`
checks that the marked rendering, with the deletions dropped, is exactly the
new text's rendering, and with the insertions dropped the old one's. Where
that fails (a change that adds or removes the markup itself, say ``*a*`` →
``**a**``), the caller shows the old text deleted and the new inserted.

The sentinels are Unicode "control pictures" (category So): Markdown treats
them as punctuation, so a run that starts or ends at ``**`` or ``_`` keeps
its emphasis. Text that contains one already is never marked, only shown
whole as deleted and inserted, so a record cannot forge a mark.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal, Protocol

from markupsafe import Markup

from . import markup

__all__ = [
    "DEL_CLOSE",
    "DEL_OPEN",
    "INS_CLOSE",
    "INS_OPEN",
    "Op",
    "apply_marks",
    "faithful",
    "has_sentinels",
    "mark_all",
    "marked",
    "side",
    "whole",
]

Op = Literal["equal", "insert", "delete"]

INS_OPEN, INS_CLOSE, DEL_OPEN, DEL_CLOSE = "\u2402", "\u2403", "\u2404", "\u2405"
_SENTINELS = re.compile(f"[{INS_OPEN}{INS_CLOSE}{DEL_OPEN}{DEL_CLOSE}]")
_OPEN = {"insert": INS_OPEN, "delete": DEL_OPEN}
_CLOSE = {"insert": INS_CLOSE, "delete": DEL_CLOSE}
_TAG_OF = {INS_OPEN: "ins", DEL_OPEN: "del"}
# A region of one side, sentinel to sentinel (marks never nest).
_REGION = {
    "insert": re.compile(f"{INS_OPEN}[^{INS_CLOSE}]*{INS_CLOSE}"),
    "delete": re.compile(f"{DEL_OPEN}[^{DEL_CLOSE}]*{DEL_CLOSE}"),
}
# A tag (quoted attribute values may hold ">"), a comment, or the text between.
_TAGS = re.compile(r"(<!--.*?-->|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>)", re.S)


class SpanLike(Protocol):
    """A run of a word diff: what the history stage's `Span` is."""

    @property
    def op(self) -> Op: ...

    @property
    def text(self) -> str: ...


def has_sentinels(text: str) -> bool:
    """Whether `text` holds a sentinel character already (then it is never marked)."""
    return bool(_SENTINELS.search(text))


def whole(text: str, op: Op) -> str:
    """`text` marked as inserted or deleted as a whole (unchanged for "equal")."""
    if op == "equal" or not text:
        return text
    return _OPEN[op] + text + _CLOSE[op]


def marked(spans: Iterable[SpanLike]) -> str:
    """The marked text of a word diff: every run, its inserted and deleted ones wrapped."""
    return "".join(whole(span.text, span.op) for span in spans)


def side(text: str, which: Literal["old", "new"]) -> str:
    """One side of marked text (or of HTML rendered from it): the other side's runs dropped."""
    dropped = "insert" if which == "old" else "delete"
    return _SENTINELS.sub("", _REGION[dropped].sub("", text))


def faithful(text: str, old: str | None, new: str | None) -> bool:
    """Whether marked `text` reads, in both Markdown filters, as `old` and `new` do.

    What is compared is what a reader sees: the marked rendering with the
    deleted runs dropped must be the new text's rendering, and with the
    inserted runs dropped the old one's (a run that took a paragraph break
    with it, say, would show one side's paragraph split in two). `old` (or
    `new`) is None for text on one side only, such as an inserted list item:
    that side must then read as nothing at all.
    """
    for render in (markup.to_html, markup.to_inline_html):
        shown = apply_marks(str(render(text)))
        for keep, side_text in (("del", old), ("ins", new)):
            expected = _reading(str(render(side_text)), keep) if side_text is not None else ""
            if _reading(shown, keep) != expected:
                return False
    return True


_EMPTY = re.compile(r"<(\w+)[^>]*>\s*</\1>")
# Whitespace a browser does not show: runs of it, and any next to a block's edge.
_BLOCK_EDGE = re.compile(r"\s*(</?(?:p|ul|ol|li)\b[^>]*>|<br>)\s*")


def _reading(html: str, keep: str) -> str:
    """One side of marked HTML as a reader sees it: the other side's runs and
    the elements they leave empty dropped, whitespace as a browser shows it."""
    dropped = "del" if keep == "ins" else "ins"
    html = re.sub(f"<{dropped}>[^<]*</{dropped}>", "", html)
    html = html.replace(f"<{keep}>", "").replace(f"</{keep}>", "")
    while (shorter := _EMPTY.sub("", html)) != html:
        html = shorter
    return _BLOCK_EDGE.sub(r"\1", re.sub(r"\s+", " ", html)).strip()


def _in_tag(tag: str) -> str:
    # A marked field used in an attribute (aria-label="..."): the new text.
    return side(tag, "new")


def apply_marks(html: str) -> Markup:
    """HTML rendered from marked text, with its sentinels as <ins>/<del> around text runs.

    A mark is closed before every tag and opened again after it, so it wraps
    text only and the element structure is the partial's own. Whitespace
    between elements is left unmarked (an <ins> is no child of a <ul>).
    """
    out: list[str] = []
    current: str | None = None  # "ins" or "del" while a run is open
    for piece in _TAGS.split(html):
        if piece.startswith("<") and _TAGS.fullmatch(piece):
            out.append(_in_tag(piece))
            continue
        visible = not _SENTINELS.sub("", piece).isspace()
        for part in re.split(f"({_SENTINELS.pattern})", piece):
            if part in _TAG_OF:
                current = _TAG_OF[part]
            elif part in (INS_CLOSE, DEL_CLOSE):
                current = None
            elif part:
                out.append(f"<{current}>{part}</{current}>" if current and visible else part)
    return Markup("".join(out))


def mark_all(html: str, op: Op) -> Markup:
    """Rendered HTML with all of its text marked inserted or deleted (a whole block).

    Nothing in `html` is read as a sentinel: a record's own characters stay
    as they are.
    """
    if op == "equal":
        return Markup(html)
    tag = "ins" if op == "insert" else "del"
    out = []
    for piece in _TAGS.split(html):
        if (piece.startswith("<") and _TAGS.fullmatch(piece)) or not piece or piece.isspace():
            out.append(piece)
        else:
            out.append(f"<{tag}>{piece}</{tag}>")
    return Markup("".join(out))
