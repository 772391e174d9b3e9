"""The folded form of text that names are matched in, with a map back to the original.

Two spellings a reader takes for the same name fold to the same string:

* compatibility forms (NFKC: full-width ``Ｄｉｅｇｏ``, ligatures, mathematical
  letters) and case, ``ß`` as ``ss`` (``str.casefold``);
* diacritics of Latin, Greek, Cyrillic, Arabic and Hebrew letters, whether
  the text is composed (NFC) or decomposed (NFD): ``Núñez``, ``Nunez``,
  ``Nun\\u0303ez``; Arabic vowel marks and tatweel (``سَالِم``, ``ســالم``),
  alef and hamza forms (``أحمد``, ``احمد``), alef maksura and ta marbuta;
* look-alike letters of other scripts (a Cyrillic ``а`` in ``Serrаno``), by
  the Unicode confusables data (UTS #39, as shipped by the
  ``confusable-homoglyphs`` package): each character folds to the prototype
  its confusables group is built around;
* Traditional Chinese characters as Simplified (``陳`` as ``陈``), by OpenCC's
  character table;
* apostrophe variants (``’``, ``ʼ``, ``´``, `````) as ``'``;
* invisible characters (soft hyphen, zero-width space and joiners, word
  joiner, BOM, variation selectors) dropped; every run of white space as one
  space.

Folding works character by character, so a position in the folded text maps
back to a position in the original (`Folded.span`), and replacements land
on the characters the reader sees. Japanese kana keep their voicing marks
and Indic, Thai and other scripts their vowel signs: there they are letters,
not accents. ASCII digits stay digits (a "0" is not an "O" in a date).
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["Folded", "fold", "fold_char", "fold_text"]

# Marks that are accents on the letters of these scripts: dropped.
_DROPPED_MARKS = re.compile(
    "[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
    "\u0483-\u0489"  # Cyrillic
    "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"  # Hebrew points
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"  # Arabic
    "\u08d3-\u08ff]"
)
# Invisible in print: dropped wherever they are (the record model removes
# most at ingest; text read back from older stores or decoded from entities
# such as &shy; may still hold them).
_INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u0640\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u200b\u200c\u200d"
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2066\u2067"
    "\u2068\u2069\u3164\ufeff\uffa0"
) | frozenset(chr(c) for c in range(0xFE00, 0xFE10))
_APOSTROPHES = frozenset("'’‘ʼʻ`´′＇‛")
# Arabic letters written interchangeably in names (after NFD has taken the
# hamza and madda off alef, waw and ya): alef wasla, alef maksura, ta marbuta,
# Persian kaf and ya.
_ARABIC = {"ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي", "ھ": "ه"}
# Scripts whose combining marks are letters, not accents: keep NFD off them.
_KEEP_COMPOSED = re.compile("[\u3040-\u30ff\uac00-\ud7a3\u0900-\u0dff\u0e00-\u0eff\u1000-\u109f]")


@cache
def _prototypes() -> dict[str, str]:
    """Each confusable character, case-folded → its group's prototype, case-folded.

    The package's data links each character of confusables.txt with its
    prototype both ways; prototypes are never sources, so each group is a
    star around its prototype: the member the others link to (in a pair, the
    one NFKC leaves as it is, else the ASCII one, else the lower code point).
    Folding is case-blind, so the table is keyed by case-folded characters;
    where a lower-case letter's own prototype is not ASCII but its capital's
    is (Cyrillic "т" → "ᴛ", "Т" → "T"), the capital's is used, so that a
    Cyrillic look-alike folds like the Latin letter whatever its case. ASCII
    letters and digits are never remapped.
    """
    raw = resources.files("confusable_homoglyphs").joinpath("confusables.json").read_text("utf-8")
    data: dict[str, list[dict[str, str]]] = json.loads(raw)
    links = {k: {e["c"] for e in v if len(e["c"]) == 1} for k, v in data.items() if len(k) == 1}
    direct: dict[str, str] = {}
    for char, others in links.items():
        if len(others) != 1:  # a prototype with several look-alikes
            continue
        (other,) = others
        if len(links.get(other, ())) > 1:  # `other` is the prototype of a group
            direct[char] = other
        elif other in links:  # a pair
            a, b = sorted((char, other), key=_prototype_rank)
            direct[b] = a
    own: dict[str, str] = {}
    from_capital: dict[str, str] = {}
    for source, proto in direct.items():
        key, value = source.casefold(), proto.casefold()
        if len(key) != 1 or key == value:
            continue
        (own if key == source else from_capital)[key] = value
    table = dict(own)
    for key, value in from_capital.items():
        mine = table.get(key)
        if mine is None or (not mine.isascii() and value.isascii()):
            table[key] = value
    return {k: v for k, v in table.items() if not k.isascii()}


def _prototype_rank(ch: str) -> tuple[bool, bool, int]:
    return (unicodedata.normalize("NFKC", ch) != ch, not ch.isascii(), ord(ch))


@cache
def _simplified() -> object:
    import opencc

    return opencc.OpenCC("t2s")


def _is_han(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or ch >= "\U00020000"


def fold_char(ch: str) -> str:
    """The folded form of one character (possibly empty, possibly two: ß → ss)."""
    if ch in _INVISIBLE or (unicodedata.category(ch) in ("Cc", "Cf") and ch not in "\t\n\r"):
        return ""
    if "\uac00" <= ch <= "\ud7a3":  # a Hangul syllable is its own folded form
        return ch
    if ch.isspace():
        return " "
    if ch in _APOSTROPHES:
        return "'"
    text = unicodedata.normalize("NFKC", ch).casefold()
    if not _KEEP_COMPOSED.search(text):
        text = _DROPPED_MARKS.sub("", unicodedata.normalize("NFD", text))
    prototypes = _prototypes()
    out = []
    for c in text:
        c = _ARABIC.get(c, c)
        c = prototypes.get(c, c)
        c = prototypes.get(c, c)  # a prototype that is itself a look-alike once folded
        if _is_han(c):
            simple = _simplified().convert(c)  # type: ignore[attr-defined]
            c = simple if len(simple) == 1 else c  # one for one, so offsets map
        out.append(c.casefold())
    folded = "".join(out)
    if folded in _APOSTROPHES:
        return "'"
    return folded


class _Table(dict):  # type: ignore[type-arg]
    """str.translate table that folds each character once, on first sight."""

    def __missing__(self, code: int) -> str:
        value = self[code] = fold_char(chr(code))
        return value


_TABLE = _Table()
# Characters whose folded form is not exactly one character, and runs of
# white space (folded to one space): where the offset map is not the identity.
_uneven_chars: set[str] = set()


@cache
def _uneven() -> re.Pattern[str]:
    # Built once from the whole Basic Multilingual Plane; characters beyond
    # it are always handled one by one (they are rare in record text).
    for code in range(0x10000):
        # Surrogates; Han ideographs and Hangul syllables, which fold one for one.
        if 0xD800 <= code <= 0xDFFF or 0x3400 <= code <= 0x9FFF or 0xAC00 <= code <= 0xD7A3:
            continue
        folded = _TABLE[code]
        if len(folded) != 1:
            _uneven_chars.add(chr(code))
    ranges = _ranges(sorted(ord(c) for c in _uneven_chars if not c.isspace()))
    # A run of white space, invisible characters between included, is one space.
    invisible = _ranges(sorted(ord(c) for c in _INVISIBLE))
    return re.compile(f"\\s[\\s{invisible}]*\\s|[{ranges}\U00010000-\U0010ffff]")


def _ranges(codes: list[int]) -> str:
    out, i = [], 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        a, b = re.escape(chr(codes[i])), re.escape(chr(codes[j]))
        out.append(a if i == j else f"{a}-{b}")
        i = j + 1
    return "".join(out)


@dataclass(frozen=True)
class Folded:
    """Folded text and where each of its characters came from."""

    original: str
    text: str
    # Folded offset → original offset at the start of each uneven stretch:
    # (folded starts, original starts, original lengths); None when the map
    # is the identity.
    _starts: tuple[list[int], list[int]] | None = None

    def position(self, i: int) -> int:
        """The original offset of folded offset `i`."""
        if self._starts is None:
            return i
        folded_starts, original_starts = self._starts
        k = bisect_right(folded_starts, i) - 1
        return original_starts[k] + (i - folded_starts[k]) if k >= 0 else i

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original range [a, b) of the folded range [start, end).

        The end takes in any characters that fold to nothing right after the
        range (a combining accent, a soft hyphen), so no stray mark of a
        replaced name is left behind.
        """
        a = self.position(start)
        b = self.position(end - 1) + 1 if end > start else a
        original = self.original
        while b < len(original) and _TABLE[ord(original[b])] == "":
            b += 1
        return a, b


_SPACES = re.compile(" {2,}")


def fold_text(text: str) -> str:
    """`fold(text).text`, without the map (for names, keys and comparisons)."""
    return _SPACES.sub(" ", text.translate(_TABLE))


def fold(text: str) -> Folded:
    """`text` in its folded form, with the map back to `text`."""
    uneven = _uneven()
    if not uneven.search(text):
        return Folded(text, text.translate(_TABLE))
    pieces: list[str] = []
    folded_starts: list[int] = []
    original_starts: list[int] = []
    at = 0  # folded length so far
    last = 0
    for m in uneven.finditer(text):
        if m.start() > last:  # an even stretch: one folded character each
            folded_starts.append(at)
            original_starts.append(last)
            chunk = text[last : m.start()].translate(_TABLE)
            pieces.append(chunk)
            at += len(chunk)
        piece = m.group()
        if len(piece) > 1:  # a run of white space
            folded = " " if not pieces or not pieces[-1].endswith(" ") else ""
            chars: list[tuple[int, str]] = [(m.start(), folded)]
        else:
            chars = [(m.start(), _TABLE[ord(piece)])]
        for pos, folded in chars:
            # Each folded character of an uneven one maps to its start.
            for k, c in enumerate(folded):
                folded_starts.append(at + k)
                original_starts.append(pos)
                pieces.append(c)
            at += len(folded)
        last = m.end()
    if last < len(text):
        folded_starts.append(at)
        original_starts.append(last)
        pieces.append(text[last:].translate(_TABLE))
    folded_starts.append(at + len(pieces[-1]) if last < len(text) else at)
    original_starts.append(len(text))
    return Folded(text, "".join(pieces), (folded_starts, original_starts))
