"""Counts and articles in the messages hrdraft prints: "1 block", "2 blocks", "an internal draft".

Every message that puts a number before a noun, or an article before a word
that varies (an audience, a report type, a format), goes through these two
functions, so "1 blocks" and "a internal draft" cannot come back one message
at a time. The nouns are hrdraft's own, so a small rule and a few exceptions
do; this is not a general English inflector (the name protection's
inflection, of people's names, is `hrdraft.select.inflect`).
"""

from __future__ import annotations

__all__ = ["article", "plural", "plural_noun"]

# Nouns of ours whose plural the rule below would get wrong.
_IRREGULAR = {"person": "people", "child": "children", "index": "indexes"}

# Words spelt with a vowel that start with a consonant sound, and the reverse.
_A_BEFORE = ("one", "once", "uni", "use", "usu", "user", "eu", "ur")
_AN_BEFORE = ("hour", "honest", "honour", "honor", "heir")

# Letters whose spoken name starts with a vowel: "an HRR", "an MD file", "a TIP".
_VOWEL_LETTERS = set("AEFHILMNORSX")


def plural_noun(n: int, noun: str, plural_form: str | None = None) -> str:
    """`noun` as it agrees with `n`: the singular for exactly 1, else the plural.

    The plural is `plural_form` when given, else made by rule: "entry" →
    "entries", "batch" → "batches", "block" → "blocks". A noun of several
    words inflects its last word: "quarantined row" → "quarantined rows".
    """
    if n == 1:
        return noun
    if plural_form is not None:
        return plural_form
    head, _, last = noun.rpartition(" ")
    prefix = head + " " if head else ""
    if last in _IRREGULAR:
        return prefix + _IRREGULAR[last]
    if last.endswith("y") and last[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return prefix + last[:-1] + "ies"
    if last.endswith(("s", "x", "z", "ch", "sh")):
        return prefix + last + "es"
    return prefix + last + "s"


def plural(n: int, noun: str, plural_form: str | None = None) -> str:
    """The count and its noun: ``plural(1, "block")`` is "1 block", ``plural(0, "block")``
    "0 blocks" (see :func:`plural_noun` for the plural's form)."""
    return f"{n} {plural_noun(n, noun, plural_form)}"


def article(phrase: str) -> str:
    """`phrase` with "a" or "an" before it, by the sound of its first word.

    ``article("internal draft")`` is "an internal draft", ``article("public
    draft")`` "a public draft". A word in capitals is read letter by letter
    when it is an initialism: "an HRR draft", "an IRF draft", "a TIP draft",
    "a PDF redline".
    """
    word = phrase.split(" ", 1)[0].strip("\"'`(")
    return f"{_article_for(word)} {phrase}"


def _article_for(word: str) -> str:
    if not word:
        return "a"
    if word[0].isdigit():
        # Numbers said aloud: "an 8", "an 11", "an 18"; every other starts with a consonant.
        return "an" if word.startswith(("8", "11", "18")) else "a"
    if word.isupper() and len(word) > 1 and not _pronounced_as_word(word):
        return "an" if word[0] in _VOWEL_LETTERS else "a"
    lower = word.lower()
    if lower.startswith(_AN_BEFORE):
        return "an"
    if lower.startswith(_A_BEFORE):
        return "a"
    return "an" if lower[0] in "aeiou" else "a"


def _pronounced_as_word(word: str) -> bool:
    """An acronym said as a word ("ISO", "UNICEF") rather than spelt out ("HRR", "PDF").

    The ones hrdraft prints are spelt out; a capitalised word with vowels in
    the middle, like a name in capitals, is read as a word.
    """
    return word in {"ISO", "NATO"} or (len(word) > 4 and any(c in "AEIOU" for c in word[1:-1]))
