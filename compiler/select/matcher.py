"""Find every protected form of every person in scope, in one pass over the text.

`Matcher` is built once per selection from the names that may not be
printed (and those that may: a consented full name is kept whole even when
an unconsented person shares a part of it). All forms of all names go into
one Aho-Corasick automaton over folded text (``fold.py``), so the time to
scan a text grows with its length, not with mentions times names.

The forms of a name (docs/records.md lists them for submitters):

* the full name, in any case; its words joined by nothing, ``.``, ``-`` or
  ``_`` as in an e-mail address or URL (``ramon.castillo``, ``elenavarga``);
* each part of two letters or more that is not a particle (``al``, ``de``,
  ``van``), pieces of hyphenated and apostrophe names too, as a whole word;
  a capitalised part only where the text capitalises it, so the verb in
  "prices rose" survives the surname Rose (in an address or URL any case);
* an Arabic part with a joined proclitic (``وسالم``: the ``و`` stays);
* case endings of names in languages where they decline (``inflect.py``);
* in Chinese, Japanese and Korean (written without spaces, so no word
  boundaries): the name with or without the space, a family name written
  apart, a one-syllable family name with a title after it, a Chinese surname
  with a title or 某 (王先生, 王某), with 小 or 老 before it (小陈), and the
  given name alone;
* a title before (``Dr.``, ``Sra.``, ``السيد``) or after (``さん``, ``씨``,
  ``先生``) goes with the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from .fold import Folded, fold, fold_text
from .inflect import SLAVIC_LANGUAGES, cyrillic_forms, latin_slavic_forms

__all__ = ["Hit", "Matcher", "is_unspaced"]

# Words that join the parts of a name but identify nobody on their own.
_PARTICLES = frozenset(
    "al el de da di du do dos das del della la le van von der den ten ter bin bint ibn abu "
    "y e".split()
)
# Titles before a name, in folded form (accents off, lower case, no final
# dot), replaced with it; the Spanish ones may have an article before them.
_TITLE_WORDS = frozenset(
    "mr mrs ms mx miss dr prof sr sra srta mme mlle herr frau monsieur madame mademoiselle "
    "professor professeur professora السيد السيده الدكتور الدكتوره الاستاذ الاستاذه الشيخ".split()
)
_TITLES_WITH_ARTICLE = frozenset(
    "senor senora senorita doctor doctora don dona licenciado licenciada".split()
)
_OPENERS = "(\"'“‘«[¡¿"


def _title_start(f: str, s: int) -> int | None:
    """Where a title before the name at `s` of folded text `f` starts, if there is one."""
    if s < 2 or f[s - 1] != " ":
        return None
    j = f.rfind(" ", max(0, s - 24), s - 1)
    start = j + 1
    word = f[start : s - 1]
    stripped = word.lstrip(_OPENERS)
    start += len(word) - len(stripped)
    if start > 0 and f[start - 1].isalpha():
        return None
    bare = stripped[:-1] if stripped.endswith(".") else stripped
    if bare == "m" and stripped == "m.":  # M. Dubois
        return start
    if bare in _TITLE_WORDS:
        return start
    if bare in _TITLES_WITH_ARTICLE:
        if (
            start >= 3
            and f[start - 3 : start] in ("el ", "la ")
            and (start == 3 or not f[start - 4].isalpha())
        ):
            return start - 3
        return start
    return None


# Titles after a name in Chinese, Japanese and Korean (folded: Simplified).
_CJK_TITLES = (
    "先生 女士 小姐 太太 老师 律师 医生 教授 牧师 同学 某 记者 主任 书记 博士 师傅".split()
)
_TITLES_AFTER = re.compile(
    r"\s?(?:" + "|".join(_CJK_TITLES + "さん 様 氏 君 くん ちゃん 先生 씨 님 선생님".split()) + ")"
)
_CJK_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 上官 诸葛 东方 皇甫 令狐 慕容 司徒 夏侯 尉迟 长孙 宇文 轩辕".split()
)
_ARABIC_PROCLITICS = frozenset("وفبلك")
# An address or URL in running text: there a name part matches in any case.
_SLUG_CONTEXT = re.compile(r"(?:https?://|www\.)\S+|[^\s@]+@\S+")

# Form kinds, in order of precedence when two hits cover the same text.
KEEP, FULL, JOINED, PART = 0, 1, 2, 3


_UNSPACED = re.compile("[\u3040-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")
_HAN = re.compile("[\u3400-\u9fff\uf900-\ufaff]+")
_ARABIC_LETTER = re.compile("[\u0600-\u06ff]")
_CYRILLIC_LETTER = re.compile("[\u0400-\u052f]")


def is_unspaced(text: str) -> bool:
    """Written in a script whose words touch (Chinese, Japanese, Korean, Thai)."""
    return _UNSPACED.search(text) is not None


def _is_han(text: str) -> bool:
    return _HAN.fullmatch(text) is not None


def _is_arabic(text: str) -> bool:
    return _ARABIC_LETTER.search(text) is not None


def _is_cyrillic(text: str) -> bool:
    return _CYRILLIC_LETTER.search(text) is not None


@dataclass(frozen=True)
class _Form:
    owner: int  # index of the name in the matcher
    kind: int
    bounded: bool = True  # whole words only (not in unspaced scripts)
    capital: bool = False  # the text must capitalise it (outside addresses)
    arabic: bool = False  # may carry a joined proclitic
    slavic: bool = False  # a Latin-script case form: only in Slavic-language text
    needs_title: bool = False  # a one-syllable family name: only with a title after


@dataclass(frozen=True)
class Hit:
    """One protected (or kept) name in a text: original offsets and whose it is.

    `owners`: every name this form belongs to (a first name many people
    share); `owner` is one of them, the one the caller should describe.
    """

    start: int
    end: int
    owner: int
    kind: int
    owners: frozenset[int] = frozenset()


def _sig(
    kind: int,
    bounded: bool = True,
    capital: bool = False,
    arabic: bool = False,
    slavic: bool = False,
    needs_title: bool = False,
) -> tuple[bool | int, ...]:
    """A form's fields but its owner (see `_Form`)."""
    return (kind, bounded, capital, arabic, slavic, needs_title)


_APOSTROPHE_SET = frozenset("'’‘ʼʻ`´′")


# Marks a form _forms has folded already (a character no name can hold).
_FOLDED = "\x00"


def _has_apostrophe(text: str) -> bool:
    return not _APOSTROPHE_SET.isdisjoint(text)


@lru_cache(maxsize=256)
def _form(sig: tuple[bool | int, ...]) -> _Form:
    return _Form(-1, *sig)  # type: ignore[arg-type]


@lru_cache(maxsize=65536)
def _key(text: str) -> str:
    """The automaton key of a form: its folded text."""
    return fold_text(text).strip()


def _forms(
    name: str, keep: bool, slavic: bool, whole: bool = False
) -> Iterable[tuple[str, tuple[bool | int, ...]]]:
    """(text, form signature) for each form of `name`, unfolded."""
    words = name.split()
    if not words:
        return
    unspaced = is_unspaced(name)
    arabic = _is_arabic(name)
    bounded = not unspaced
    full_kind = KEEP if keep else FULL
    yield name, _sig(full_kind, bounded, arabic=arabic)
    if _has_apostrophe(name):  # O'Brien written OBrien
        yield fold(name).text.replace("'", ""), _sig(full_kind, bounded)
    if unspaced and len(words) > 1:
        yield "".join(words), _sig(full_kind, False)
    if keep or whole:
        return
    if len(words) > 1 and not unspaced:
        # Folding is character by character, so the pieces are folded once.
        pieces = [fold_text(w).replace("'", "") for w in words]
        backwards = pieces[::-1]
        for sep in ("", ".", "-", "_"):
            yield _FOLDED + sep.join(pieces), _sig(JOINED, bounded)
            yield _FOLDED + sep.join(backwards), _sig(JOINED, bounded)
    parts = list(words)
    for w in words:
        split = [p for p in re.split(r"[.\-‐'’]+", w) if p]
        if len(split) > 1:
            parts += split
    parts = [p for p in dict.fromkeys(parts) if len(p) >= 2 and p.casefold() not in _PARTICLES]
    if len(parts) > 1 or len(words) > 1:
        for part in parts:
            capital = part[0].isupper()
            yield part, _sig(PART, bounded, capital=capital, arabic=arabic)
            if _has_apostrophe(part):
                yield fold(part).text.replace("'", ""), _sig(PART, bounded)
            if _is_cyrillic(part):
                for form in cyrillic_forms(part):
                    yield form, _sig(PART, bounded, capital=capital)
            elif slavic and not unspaced and not arabic:
                for form in latin_slavic_forms(part):
                    yield form, _sig(PART, bounded, capital=capital, slavic=True)
    elif not unspaced:  # a one-word name declines too
        if _is_cyrillic(name):
            for form in cyrillic_forms(name):
                yield form, _sig(FULL, bounded)
        elif slavic and not arabic:
            for form in latin_slavic_forms(name):
                yield form, _sig(FULL, bounded, slavic=True)
    if unspaced:
        for w in words:
            if len(w) == 1:  # "김" alone is a syllable of many words: only with a title
                yield w, _sig(PART, False, needs_title=True)
    if _is_han(name.replace(" ", "")) and 2 <= len(name.replace(" ", "")) <= 4:
        han = fold(name.replace(" ", "")).text
        surname = han[:2] if han[:2] in _CJK_COMPOUND_SURNAMES else han[:1]
        for title in _CJK_TITLES:
            yield surname + title, _sig(PART, False)
        for familiar in ("小", "老", "阿"):
            yield familiar + surname, _sig(PART, False)
        given = han[len(surname) :]
        if len(given) >= 2:
            yield given, _sig(PART, False)


class Matcher:
    """All forms of the protected and the kept names, as one automaton."""

    def __init__(
        self,
        protected: Iterable[str],
        kept: Iterable[str] = (),
        *,
        whole: Iterable[str] = (),
        slavic: bool = True,
    ) -> None:
        """Owners are numbered in order: `protected`, then `whole`, then `kept`.

        `whole`: protected names matched only whole (an organisation's name
        that carries a person's: its words alone are no one). `slavic`: also
        the case forms of Latin-script names (only matched in text in a
        Slavic language; leave out when no record is in one).
        """
        self.names: list[str] = []
        self._automaton = ahocorasick.Automaton()
        # Forms that differ only by whose they are share one entry, so that a
        # first name a thousand people share costs one check, not a thousand.
        entries: dict[str, dict[tuple[bool | int, ...], list[int]]] = {}
        for keep, only_whole, names in (
            (False, False, protected),
            (False, True, whole),
            (True, False, kept),
        ):
            for name in names:
                owner = len(self.names)
                self.names.append(name)
                for text, sig in _forms(name, keep, slavic, only_whole):
                    key = text[1:] if text[:1] == _FOLDED else _key(text)
                    if len(key) >= 2 or (key and not sig[1]):
                        group = entries.setdefault(key, {})
                        owners = group.get(sig)
                        if owners is None:
                            group[sig] = [owner]
                        elif owners[-1] != owner:
                            owners.append(owner)
        for key, groups in entries.items():
            value = tuple(
                (_form(sig), frozenset(owners), owners[0]) for sig, owners in groups.items()
            )
            self._automaton.add_word(key, (len(key), value))
        self.empty = not entries
        if not self.empty:
            self._automaton.make_automaton()

    def find(self, text: str, *, language: str = "en", slug: bool = False) -> list[Hit]:
        """The protected and kept names in `text`, non-overlapping, in order.

        `slug`: the whole text is an address, URL, id or key, where a name
        part matches in any case.
        """
        if self.empty or not text:
            return []
        folded = fold(text)
        return self.find_folded(folded, language=language, slug=slug)

    def find_folded(self, folded: Folded, *, language: str = "en", slug: bool = False) -> list[Hit]:
        """`find` on text already folded."""
        if self.empty:
            return []
        f = folded.text
        n = len(f)
        slavic = language.split("-")[0].lower() in SLAVIC_LANGUAGES
        slugs = None
        if not slug and ("@" in f or "http" in f or "www." in f):
            slugs = [m.span() for m in _SLUG_CONTEXT.finditer(f)]
        candidates: list[tuple[int, int, int, int, int, bool, frozenset[int]]] = []
        for last, (length, forms) in self._automaton.iter(f):
            start, end = last - length + 1, last + 1
            before = f[start - 1] if start else " "
            after = f[end] if end < n else " "
            for form, owners, owner in forms:
                s, e = start, end
                if form.bounded:
                    if after.isalpha():
                        continue
                    if before.isalpha() and not (
                        form.arabic
                        and before in _ARABIC_PROCLITICS
                        and (start < 2 or not f[start - 2].isalpha())
                    ):
                        continue
                if form.slavic and not slavic:
                    continue
                if form.capital and not slug:
                    first = folded.original[folded.position(start)]
                    if not first.isupper() and not _inside(slugs, start):
                        continue
                if not form.bounded:
                    title = _TITLES_AFTER.match(f, e)
                    if title:
                        e = title.end()
                    elif form.needs_title:
                        continue
                elif form.kind != KEEP:
                    title = _title_start(f, s)
                    if title is not None:
                        s = title
                candidates.append((s, e, owner, form.kind, end - start, form.bounded, owners))
        return self._choose(folded, candidates)

    def _choose(
        self, folded: Folded, candidates: list[tuple[int, int, int, int, int, bool, frozenset[int]]]
    ) -> list[Hit]:
        # Longest name first (a kept full name beats a protected part inside
        # it; a protected full name beats a kept shorter one), then leftmost.
        candidates.sort(key=_precedence)
        taken: list[tuple[int, int, int, int, bool, frozenset[int]]] = []
        occupied = bytearray(len(folded.text) + 1)
        for s, e, owner, kind, _, bounded, owners in candidates:
            if any(occupied[s:e]):
                continue
            occupied[s:e] = b"\x01" * (e - s)
            taken.append((s, e, owner, kind, bounded, owners))
        taken.sort()
        hits: list[Hit] = []
        f = folded.text
        prev_end = 0  # folded end of the last hit
        for s, e, owner, kind, bounded, owners in taken:
            prev = hits[-1] if hits else None
            # "Ивана Петрова", "Ruiz Ana": parts of one name side by side are one mention.
            if (
                prev is not None
                and not prev.owners.isdisjoint(owners)
                and bounded
                and KEEP not in (kind, prev.kind)
                and f[prev_end:s].strip() == ""
            ):
                shared = prev.owners & owners
                end_at = folded.span(s, e)[1]
                hits[-1] = Hit(prev.start, end_at, min(shared), min(prev.kind, kind), shared)
            else:
                a, b = folded.span(s, e)
                hits.append(Hit(a, b, owner, kind, owners))
            prev_end = e
        return hits


def _precedence(c: tuple[int, int, int, int, int, bool, frozenset[int]]) -> tuple[int, int, int]:
    return (-c[4], c[3], c[0])


def _inside(spans: list[tuple[int, int]] | None, i: int) -> bool:
    if not spans:
        return False
    return any(a <= i < b for a, b in spans)
