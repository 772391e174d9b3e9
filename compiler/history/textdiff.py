"""Edit scripts over text and sequences: what one block field's change is made of.

Text is cut into tokens that join back to the exact text (words, whitespace,
punctuation; one token per character in scripts written without spaces, such
as Chinese, Japanese, Korean and Thai) and diffed word by word into `Span`s.
Sequences (list items, table rows and cells, cites) are diffed into `ItemOp`
edit scripts. Both kinds of script apply back exactly: `old_text`/`new_text`
rebuild either side of a word diff, `apply_items` replays an edit script.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any, Literal

__all__ = [
    "ItemOp",
    "Span",
    "apply_items",
    "diff_items",
    "diff_text",
    "new_text",
    "old_text",
    "tokenize",
]

# -------------------------------------------------------------------------
# Words: tokens that join back to the exact text
# -------------------------------------------------------------------------

# Scripts written without spaces between words (Han, kana, hangul, Thai, Lao,
# Khmer, Myanmar, CJK punctuation and full-width forms): one token per
# character, or a changed sentence would be one giant "word".
_NO_SPACE = (
    "\u0e00-\u0eff\u1000-\u109f\u1100-\u11ff\u1780-\u17ff\u3000-\u303f\u3040-\u30ff"
    "\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef"
)
_ASCII_PUNCT = r"!-/:-@\[-`{-~"
_TOKEN = re.compile(rf"\s+|[{_NO_SPACE}]|[^\s{_NO_SPACE}{_ASCII_PUNCT}]+|.", re.S)


def tokenize(text: str) -> list[str]:
    """Words, whitespace runs, punctuation and single no-space-script characters.

    `"".join(tokenize(text)) == text` always holds.
    """
    return _TOKEN.findall(text)


def _units(text: str) -> list[str]:
    """Tokens with the whitespace after them attached: what a word diff compares.

    A space on its own would be the commonest token of every paragraph, and
    SequenceMatcher slows down on very common tokens (it cannot junk them
    without losing exactness).
    """
    units: list[str] = []
    for token in _TOKEN.findall(text):
        if units and token.isspace() and not units[-1].isspace():
            units[-1] += token
        else:
            units.append(token)
    return units


@dataclass(frozen=True)
class Span:
    """A run of text that is kept ("equal"), added ("insert") or removed ("delete")."""

    op: Literal["equal", "insert", "delete"]
    text: str


def diff_text(old: str, new: str) -> tuple[Span, ...]:
    """Word-level spans: the non-insert spans join to `old`, the non-delete ones to `new`."""
    a, b = _units(old), _units(new)
    spans: list[Span] = []

    def add(op: Literal["equal", "insert", "delete"], tokens: Sequence[str]) -> None:
        if not tokens:
            return
        if spans and spans[-1].op == op:
            spans[-1] = Span(op, spans[-1].text + "".join(tokens))
        else:
            spans.append(Span(op, "".join(tokens)))

    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            add("equal", a[i1:i2])
        else:
            add("delete", a[i1:i2])
            add("insert", b[j1:j2])
    return tuple(spans)


def old_text(spans: Iterable[Span]) -> str:
    """The text a word diff starts from: its kept and removed spans."""
    return "".join(s.text for s in spans if s.op != "insert")


def new_text(spans: Iterable[Span]) -> str:
    """The text a word diff ends with: its kept and added spans."""
    return "".join(s.text for s in spans if s.op != "delete")


# -------------------------------------------------------------------------
# Sequences of items (list items, cells, rows, cites)
# -------------------------------------------------------------------------


@dataclass(frozen=True)
class ItemOp:
    """One step of an edit script over a sequence (list items, cells, rows, cites).

    `equal` and `delete` consume the next old item (shown in `old`); `insert`
    adds `new`; `change` consumes the next old item and rewrites it with
    `words` (a string item) or `cells` (a table row).
    """

    op: Literal["equal", "insert", "delete", "change"]
    old: Any = None
    new: Any = None
    words: tuple[Span, ...] = ()
    cells: tuple[ItemOp, ...] = ()


def diff_items(
    a: Sequence[Any],
    b: Sequence[Any],
    change: Callable[[Any, Any], ItemOp | None] | None = None,
) -> tuple[ItemOp, ...]:
    """An edit script turning `a` into `b`; replaced items are paired by `change` when it can."""
    ops: list[ItemOp] = []
    matcher = SequenceMatcher(None, list(a), list(b), autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops += [ItemOp("equal", old=x) for x in a[i1:i2]]
            continue
        olds, news = list(a[i1:i2]), list(b[j1:j2])
        while olds and news and change is not None:
            paired = change(olds[0], news[0])
            if paired is None:
                break
            ops.append(paired)
            olds.pop(0)
            news.pop(0)
        ops += [ItemOp("delete", old=x) for x in olds]
        ops += [ItemOp("insert", new=x) for x in news]
    return tuple(ops)


def apply_items(a: Sequence[Any], ops: Iterable[ItemOp]) -> list[Any]:
    """Replay the edit script `ops` on `a`; a script made for another sequence is refused."""
    out: list[Any] = []
    rest = iter(a)
    for op in ops:
        if op.op == "insert":
            out.append(op.new)
            continue
        item = next(rest)
        if op.op == "equal":
            out.append(item)
        elif op.op == "change":
            if op.cells:
                out.append(type(item)(apply_items(item, op.cells)))
            else:
                if old_text(op.words) != item:
                    raise ValueError("diff does not apply: a changed item's old text differs")
                out.append(new_text(op.words))
    if next(rest, None) is not None:
        raise ValueError("diff does not apply: the old sequence is longer than the edit script")
    return out
