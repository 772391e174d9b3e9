"""The name scrubber: no person is named in a draft without consent.

Applied by selection (``hrdraft.select``) to every record before any plugin
sees it: an ``anonymous`` person's name is replaced by a description ("a
human rights defender") wherever it appears in the record's text; a
``withheld`` person is removed and their name replaced by a neutral phrase;
an individual source (a defender, a journalist) is named only when the
record lists them as a person who consented to be named. Safety-critical:
it has a module of its own so that it can be read, tested and changed alone.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from ..records import Person, Record

# Source kinds that name a person rather than an organisation.
INDIVIDUAL_SOURCE_KINDS = {"defender": "a human rights defender", "journalist": "a journalist"}

# A neutral phrase for a person who may not be named, by record language.
_SOMEONE = {
    "en": "a person",
    "es": "una persona",
    "zh": "某人",
    "ar": "شخص",
    "fr": "une personne",
    "pt": "uma pessoa",
    "ja": "ある人物",
    "ko": "한 사람",
}
_ROLE = {
    "victim": "a person",
    "witness": "a witness",
    "source": "a source",
    "perpetrator": "an individual",
}


def describe(person: Person, language: str) -> str:
    """How a draft refers to a person who may not be named."""
    lang = language.split("-")[0]
    if lang != "en":
        return _SOMEONE.get(lang, "[name withheld]")
    if person.consent == "withheld":
        return "a person"
    if person.group:
        return f"{_article(person.group)} {person.group}"
    return _ROLE.get(person.role, "a person")


def _article(phrase: str) -> str:
    """'a' or 'an' by sound: "an LGBTQI activist", "a union leader"."""
    word = phrase.split()[0] if phrase.split() else phrase
    if word.isupper() and len(word) > 1:  # an acronym is read letter by letter
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    return "an" if word[:1].lower() in "aeiou" else "a"


# Words that join the parts of a name but identify nobody on their own.
_PARTICLES = frozenset(
    "al el de da di du do dos das del della la le van von der den ten ter bin bint ibn abu "
    "y e".split()
)
# Titles written before a name, replaced with it ("Mr. Ruiz" -> "a person", not
# "Mr. a person"). Matched in any case.
_TITLES = (
    r"(?:(?:mr|mrs|ms|mx|miss|dr|prof|sr|sra|srta|mme|mlle|m)\.?"
    r"|(?:(?:el|la)\s+)?(?:señor|señora|señorita|doctor|doctora|don|doña|licenciado|licenciada)"
    r"|السيد|السيدة|الدكتور|الدكتورة|الأستاذ|الأستاذة|الشيخ"
    r")\s+"
)
# Chinese: a surname followed by a title or 某 ("王先生", "王某") still names.
_CJK_TITLES = "先生|女士|小姐|太太|老师|老師|律师|律師|医生|醫生|教授|牧师|牧師|同学|同學|某"
_CJK_COMPOUND_SURNAMES = frozenset(
    "欧阳 歐陽 司马 司馬 上官 诸葛 諸葛 东方 東方 皇甫 令狐 慕容 司徒 夏侯".split()
)
# Titles written after a name in Chinese, Japanese and Korean ("佐藤さん",
# "김민수 씨"): replaced with it.
_TITLE_AFTER = rf"(?:\s?(?:{_CJK_TITLES}|さん|様|氏|君|くん|ちゃん|씨|님))"
# Arabic writes "and", "so", "with", "for", "like" joined to the next word.
_ARABIC_PROCLITICS = "وفبلك"


def _accent_variants() -> dict[str, str]:
    """Each basic Latin letter and the accented letters built on it."""
    variants: dict[str, str] = {}
    for code in range(0xC0, 0x250):
        ch = chr(code)
        base = unicodedata.normalize("NFD", ch)[0]
        if base != ch and base.isascii() and base.isalpha():
            variants[base] = variants.get(base, base) + ch
    return variants


_VARIANTS = _accent_variants()


def _letters(text: str) -> str:
    """A pattern for `text` that also matches it written with or without accents."""
    out = []
    for ch in text:
        base = unicodedata.normalize("NFD", ch)[0] if ch.isalpha() else ch
        options = _VARIANTS.get(base)
        out.append(f"[{options}]" if options and base.isascii() else re.escape(ch))
    return "".join(out)


def _word(part: str) -> str:
    """A name part as a whole word: as written or in capitals, accents optional.

    A capitalised part matches only capitalised or all-capital text, so the
    surname "Rose" is replaced but the verb in "prices rose" is not.
    """
    first, rest = part[0], part[1:]
    if first.isupper():
        return _letters(first) + (f"(?i:{_letters(rest)})" if rest else "")
    return _letters(part)


def _is_han(text: str) -> bool:
    return all("\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" for ch in text)


def _unspaced(text: str) -> bool:
    """Written in a script whose words touch (Chinese, Japanese, Korean with its
    particles, Thai): "a whole word" means nothing there."""
    return any(
        "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" or "\u0e00" <= ch <= "\u0e7f"
        for ch in text
    )


def _is_arabic(text: str) -> bool:
    return any("\u0600" <= ch <= "\u06ff" for ch in text)


@lru_cache(maxsize=4096)
def _name_patterns(name: str) -> tuple[re.Pattern[str], ...]:
    """The forms of `name` a text may use, longest first.

    The full name in any case; each part of a multi-word (or hyphenated) name
    of two letters or more that is not a particle ("al", "de", "van") as a
    whole word; any of them after a title ("Mr.", "Sra.", "السيد"); an Arabic
    part with a proclitic joined to it ("وسالم" keeps its "و"); in Chinese,
    Japanese and Korean, a title after the name ("さん", "씨"), a family name
    written apart in the record ("佐藤 花子") alone, a one-syllable family
    name with a title ("김 씨"), and a Chinese surname with a title ("王先生",
    "王某") or the given name alone. Accented and unaccented spellings match
    each other.
    """
    words = name.split()
    unspaced = _unspaced(name)
    if unspaced:
        before, after = "", f"{_TITLE_AFTER}?"
    elif _is_arabic(name):
        before, after = rf"(?:(?<!\w)|(?<=(?<!\w)[{_ARABIC_PROCLITICS}]))", r"(?!\w)"
    else:
        before, after = r"(?<!\w)", r"(?!\w)"
    title = f"(?i:{_TITLES})?"
    # In unspaced scripts "佐藤 花子" is written "佐藤花子" in running text.
    full = r"\s*".join(map(_letters, words)) if unspaced else _letters(name)
    patterns = [re.compile(f"{before}{title}{full}{after}", re.IGNORECASE)]
    parts = list(words)
    for w in words:
        pieces = [p for p in re.split(r"[.\-‐'’]+", w) if p]
        if len(pieces) > 1:
            parts += pieces
    parts = [p for p in parts if len(p) >= 2 and p.casefold() not in _PARTICLES]
    if len(parts) > 1 or len(words) > 1:
        for part in sorted(dict.fromkeys(parts), key=len, reverse=True):
            patterns.append(re.compile(f"{before}{title}{_word(part)}{after}"))
    if unspaced:  # a one-syllable family name ("김") alone names only with a title
        patterns += [re.compile(f"{re.escape(w)}{_TITLE_AFTER}") for w in words if len(w) == 1]
    if _is_han(name) and 2 <= len(name) <= 4:
        surname = name[:2] if name[:2] in _CJK_COMPOUND_SURNAMES else name[:1]
        patterns.append(re.compile(f"{re.escape(surname)}(?:{_CJK_TITLES})"))
        given = name[len(surname) :]
        if len(given) >= 2:
            patterns.append(re.compile(re.escape(given)))
    return tuple(patterns)


def _replace(text: str, pattern: re.Pattern[str], phrase: str) -> str:
    def sub(m: re.Match[str]) -> str:
        before = text[: m.start()].rstrip(" *_\"'“(")
        starts_sentence = not before or before[-1] in ".!?:\n"
        return phrase[:1].upper() + phrase[1:] if starts_sentence else phrase

    return pattern.sub(sub, text)


def make_safe(record: Record) -> tuple[Record, int, int]:
    """The record with every unconsented name replaced; (record, unnamed, removed)."""
    replacements: list[tuple[str, str]] = []
    persons: list[Person] = []
    unnamed = removed = 0
    for person in record.persons:
        if person.consent == "named":
            persons.append(person)
            continue
        phrase = describe(person, record.language)
        replacements.append((person.name, phrase))
        if person.consent == "withheld":
            removed += 1
        else:
            unnamed += 1
            persons.append(person.model_copy(update={"name": phrase}))
    source = record.source
    if source.kind in INDIVIDUAL_SOURCE_KINDS and not any(
        p.name == source.name and p.consent == "named" for p in record.persons
    ):
        phrase = INDIVIDUAL_SOURCE_KINDS[source.kind]
        replacements.append((source.name, phrase))
        source = source.model_copy(update={"name": phrase})

    def scrub(text: str | None) -> str | None:
        if text is None:
            return None
        # Longest names first, so "Ana María Ruiz" goes before "Ana María".
        for name, phrase in sorted(replacements, key=lambda r: -len(r[0])):
            for pattern in _name_patterns(name):
                text = _replace(text, pattern, phrase)
            # "Ana Ruiz, a nurse, ..." must not become "a nurse, a nurse, ...".
            text = re.sub(
                rf"({re.escape(phrase)}),? {re.escape(phrase)}\b,?",
                r"\1",
                text,
                flags=re.IGNORECASE,
            )
        return text

    if not replacements:
        return record, 0, 0
    citation = record.citation
    if citation is not None:
        citation = citation.model_copy(update={"text": scrub(citation.text)})
    safe = record.model_copy(
        update={
            "title": scrub(record.title),
            "summary": scrub(record.summary),
            "location": scrub(record.location),
            "persons": persons,
            "source": source,
            "citation": citation,
        }
    )
    return safe, unnamed, removed
