"""What replaces a name that may not be printed, so that the sentence still reads.

* A person is described by their group or role ("a human rights defender",
  "a witness"), in the record's language where hrdraft has the words ("una
  persona", "une personne", "شخص", "某人").
* A role noun or title-like role before the name becomes one phrase with it
  ("Journalist Ana Ruiz" → "a journalist", "the rapper X" → "the rapper",
  "beat detainee X" → "beat a detainee", "la periodista X" → "la
  periodista", "Rabbi X" → "a rabbi", "المعتقل X" → "المعتقل", "维权律师X" →
  "一名维权律师"), and so do the words the person's own description ends
  with, whatever the group ("the labour recruiter X" → "the labour
  recruiter", for a person described as a labour recruiter). Words that
  describe the role go with it ("investigative journalist X" → "an
  investigative journalist"; "her lawyer X" → "her lawyer"), and an
  apposition repeating the description goes ("Ana Ruiz, a nurse, was" → "a
  nurse was"). A plural role noun takes the list of names after it
  ("detainees X and Y" → "two detainees"; "المعتقلين X وY" → "المعتقلين").
* A later mention in the same text is definite ("the journalist", "la
  persona", "该律师", "此人").
* An article or contraction before the name agrees with the phrase ("La
  Ruiz" → "Una persona"; "del Sr. Ruiz" → "de una persona"; "du" → "d'une"),
  and a sentence still starts with a capital.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..words import article as _article
from .role_words import (
    AFTER_NOUN,
    AR_STEMS,
    DETERMINERS,
    MODIFIER_WORDS,
    NOT_MODIFIERS,
    NUMBER_WORDS,
    PHRASE_BREAKS,
    PROPER_WORDS,
    ROLES,
    ZH_MODIFIERS,
    ZH_OPENS,
    ZH_ROLES,
    ZH_TRADITIONAL,
)

__all__ = ["Who", "edits", "indefinite_article"]


@dataclass(frozen=True)
class Who:
    """How a text refers to someone who may not be named: first and later mentions."""

    first: str
    later: str


def _english_plural(role: str) -> str:
    head, _, last = role.rpartition(" ")
    if role == "prisoner of conscience":
        return "prisoners of conscience"
    last = last + "es" if last.endswith(("s", "sh", "ch", "x")) else last + "s"
    return f"{head} {last}" if head else last


# English plurals of the role nouns ("detainees X and Y"), with their singular.
_PLURALS = {
    "en": {_english_plural(r): r for r in ROLES["en"].split("|")},
}
_ROLES = {**ROLES, "en": ROLES["en"] + "|" + "|".join(_PLURALS["en"])}

# A word describing an English role noun: listed (role_words), or by its form.
_MODIFIER = {
    "en": (
        rf"(?:(?:{MODIFIER_WORDS})(?![\w'’-])"
        r"|(?-i:(?![A-Z]+ED\b)[A-Z]{2,6}\+?)"  # an initialism: LGBTQI, BBC
        r"|(?-i:[A-Z][a-z]+(?:ian|ese|ish))"  # Valdorian, Chinese, Kurdish
        # 24-year-old, award-winning, Paris-based (not re-arrested)
        r"|\d+-[\w'’-]+|(?!(?:re|co|pre|un|de)-)[^\W\d_][\w'’]*(?:-[\w'’]+)+(?<!ed)"
        r"|[^\W\d_]+-based"
        rf"|(?!(?:{NOT_MODIFIERS})(?![\w'’-]))[^\W\d_]+(?:ive|al|ous|ful|ent|ant|ic|ary)"
        r"(?![\w'’-]))"
    ),
}
# Proper adjectives keep their capital where the text writes them.
_PROPER = re.compile(rf"(?:{PROPER_WORDS}|[A-Z]{{2,}}.*|[A-Z][a-z]+(?:ian|ese|ish))$")
_ZH_ROLE = re.compile(
    rf"(?P<det>的|该|該|这名|這名|一名|一位|其)?(?P<mods>(?:{ZH_MODIFIERS})*?)"
    rf"(?P<role>{ZH_ROLES})(?P<comma>)\s*$"
)

_ROLE_ENDINGS = {
    lang: frozenset(r.split()[-1] for r in roles.split("|")) for lang, roles in _ROLES.items()
}


@lru_cache(maxsize=256)
def _role_pattern(lang: str, own: tuple[str, ...]) -> re.Pattern[str]:
    """Role nouns of `lang` and the person's own (`own`) right before a name.

    Groups: det (an article or determiner, words may follow it), mods
    (describing words without an article), role, comma.
    """
    roles = {*_ROLES[lang].split("|"), *own}
    alternatives = "|".join(re.escape(r) for r in sorted(roles, key=len, reverse=True))
    modifier = _MODIFIER.get(lang)
    mods = rf"(?P<mods>(?:{modifier}\s+){{0,3}})" if modifier else r"(?P<mods>)"
    return re.compile(
        rf"(?<![\w'’-])(?:(?P<det>{DETERMINERS[lang]})\s+(?:[\w'’-]+\s+){{0,2}}?|{mods})"
        rf"(?P<role>{alternatives})(?P<comma>,?)\s+$",
        re.IGNORECASE,
    )


# Arabic writes the article and the proclitics (و, ف, ب, ل, ك) as one word
# with the noun: المعتقل, والمعتقل, للمعتقل; ة is the feminine, ين/ون/ات the
# plurals. Groups as above (no separate article or describing words).
_AR_ROLE = re.compile(r"^([وف]?(?:لل|[بكل]?ال)?)(" + "|".join(AR_STEMS) + r")(ة|ين|ون|ات)?$")
_AR_ROLE_BEFORE = re.compile(
    r"(?<![^\W\d_])(?P<det>)(?P<mods>)(?P<role>(?:[وف]?(?:لل|[بكل]?ال))?(?:"
    + "|".join(AR_STEMS)
    + r")(?:ة|ين|ون|ات)?)(?P<comma>[،,]?)\s+$"
)
# Between two names of one list after a plural role noun.
_LIST_JOIN = {
    "en": re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"),
    "ar": re.compile(r"(?:\s*[،,]\s*و?|\s+و)"),
}
_NUMBERS = {"en": NUMBER_WORDS.split("|")[1:]}
# An article or contraction right before the name, in languages that put one there.
_ARTICLE_BEFORE = {
    "es": re.compile(r"(?<![^\W\d_])(el|la|al|del)\s+$", re.IGNORECASE),
    "fr": re.compile(r"(?<![^\W\d_])(le|la|au|du)\s+$", re.IGNORECASE),
}
_CONTRACTED = {
    ("es", "al"): "a ",
    ("es", "del"): "de ",
    ("fr", "au"): "à ",
    ("fr", "du"): "de ",
}
_SENTENCE_END = ".!?:\n。！？"


def _own_roles(lang: str, first: str) -> dict[str, str]:
    """The role nouns a person's own description gives, with their singular.

    "a labour recruiter" gives "labour recruiter" and "recruiter" (and
    their plurals): the words before the name that already say what the
    description would ("the labour recruiter X") take the name's place.
    """
    if lang not in _ROLES:
        return {}
    words = first.split()
    if words and re.fullmatch(DETERMINERS[lang], words[0], re.IGNORECASE):
        words = words[1:]
    noun: list[str] = []
    for word in words:
        if word.lower() in AFTER_NOUN[lang] or not re.fullmatch(r"[^\W\d_][\w'’-]*", word):
            break
        noun.append(word.lower())
    out: dict[str, str] = {}
    for i in range(len(noun)):
        form = " ".join(noun[i:])
        out[form] = form
        if lang == "en":
            out.setdefault(_english_plural(form), form)
    return out


@dataclass(frozen=True)
class _Role:
    """The words before a name that name its role: where they start, and their parts."""

    start: int
    det: str
    mods: str
    role: str
    comma: str
    written: str  # the text from `start` to the end of the role noun


def _role_before(text: str, floor: int, start: int, lang: str, own: dict[str, str]) -> _Role | None:
    """The role noun (with its article or describing words) ending right before `start`."""
    near = max(floor, start - 60)  # only the words just before the name can belong with it
    if lang == "zh":
        m = _ZH_ROLE.search(text, max(floor, start - 16), start)
        if m is None:
            return None
    else:
        last = text[max(near, start - 30) : start].rsplit(None, 1)[-1:]
        if not last:
            return None
        word = last[0].rstrip(",،")
        if lang == "ar":
            if _AR_ROLE.match(word) is None:
                return None
            pattern = _AR_ROLE_BEFORE
        elif lang in _ROLES:
            endings = _ROLE_ENDINGS[lang] | {r.split()[-1] for r in own}
            if word.lower() not in endings:
                return None
            pattern = _role_pattern(lang, tuple(sorted(own)))
        else:
            return None
        m = _phrase_match(pattern, text, near, start, lang, own)
        if m is None:
            return None
    role_end = m.end("role")
    return _Role(
        m.start(),
        m.group("det") or "",
        m.group("mods") or "",
        m.group("role"),
        m.group("comma"),
        text[m.start() : role_end],
    )


def _phrase_match(
    pattern: re.Pattern[str], text: str, pos: int, start: int, lang: str, own: dict[str, str]
) -> re.Match[str] | None:
    """`pattern` ending at `start`, with no verb or preposition between its article and role.

    A number is an article only before a plural ("two detainees"): "in 2023
    journalist X" is "in 2023 a journalist".
    """
    breaks = PHRASE_BREAKS.get(lang, frozenset())
    while True:
        m = pattern.search(text, pos, start)
        if m is None or not m.group("det"):
            return m
        det = m.group("det").lower()
        if (
            re.fullmatch(rf"(?:{NUMBER_WORDS}|\d+)(?<!^one)(?<!^1)", det)
            and not _plural_role(lang, m.group("role"), own)[1]
        ):
            pos = m.end("det")
            continue
        words = list(re.finditer(r"\S+", text[m.end("det") : m.start("role")]))
        after = None
        for i, w in enumerate(words):
            word = w.group().lower()
            verb = i and word.endswith("ed") and not words[i - 1].group().endswith("ly")
            if word in breaks or (lang == "en" and verb):
                after = m.end("det") + w.end()
        if after is None:
            return m
        pos = after  # "the court sentenced journalist X": try from "journalist"


def _plural_role(lang: str, role: str, own: dict[str, str]) -> tuple[str, bool]:
    """(the role noun in the singular, whether `role` is a plural)."""
    if lang == "ar":
        m = _AR_ROLE.match(role)
        if m is None:
            return role, False
        female = m.group(3) in ("ة", "ات")
        return m.group(1) + m.group(2) + ("ة" if female else ""), m.group(3) in ("ين", "ون", "ات")
    singular = _PLURALS.get(lang, {}).get(role.lower())
    if singular is None and own.get(role.lower(), role.lower()) != role.lower():
        singular = own[role.lower()]
    return (singular, True) if singular else (role, False)


def _bare(lang: str, role: str) -> str:
    """An Arabic role noun without its proclitics and article (معتقل of والمعتقل)."""
    m = _AR_ROLE.match(role) if lang == "ar" else None
    return role if m is None else m.group(2) + (m.group(3) or "")


def _described(mods: str, role: str) -> str:
    """Describing words and role noun as a phrase of their own: "Investigative journalist"
    at the start of a sentence is "investigative journalist"; "Valdorian" stays."""
    words = [w if _PROPER.match(w) else w[:1].lower() + w[1:] for w in mods.split()]
    if role[:1].isupper() and not role.isupper():
        role = role[:1].lower() + role[1:]
    return " ".join([*words, role])


_APPOSED = re.compile(r"(?<![^\W\d_])(?:an?|the)\s+[\w\s-]{2,40}?(,\s+)$", re.IGNORECASE)
_APPOSITION_START = re.compile(r",?\s*(?:an?|the)\s", re.IGNORECASE)
_GENDERED = {"el": False, "al": False, "del": False, "un": False, "la": True, "una": True}
_GENDERED.update({"le": False, "au": False, "du": False, "une": True})
# A word before the name that joins or elides with what replaces it.
_ELISION = {
    "fr": re.compile(r"(?<![^\W\d_])(de|que|jusque|lorsque|puisque)\s+$", re.IGNORECASE),
    "es": re.compile(r"(?<![^\W\d_])(de|a)\s+$", re.IGNORECASE),
}


def _elide(lang: str, word: str, phrase: str) -> str | None:
    """ "de une personne" → "d'une personne"; "de el periodista" → "del periodista"."""
    if lang == "fr" and phrase[:1].lower() in "aeiouéèêh":
        return f"{word[:-1]}'{phrase}"
    if lang == "es" and phrase.lower().startswith("el "):
        return ("del " if word.lower() == "de" else "al ") + phrase[3:]
    return None


def indefinite_article(phrase: str) -> str:
    """'a' or 'an' by sound: "an LGBTQI activist", "a union leader", "an 18-year-old"."""
    return _article(phrase).partition(" ")[0]


def _with_article(
    lang: str, article: str | None, role: str, definite: bool, female: bool | None
) -> str:
    if lang == "ar":  # no indefinite article; the definite one is written with the noun
        return f"ال{role}" if definite else role
    if lang == "zh":  # "该律师" (Traditional "該律師"), "一名律师"
        this = "該" if ZH_TRADITIONAL.intersection(role) else "该"
        return f"{this}{role}" if definite else f"一名{role}"
    if lang == "en":
        if (article and article.lower() == "the") or (article is None and definite):
            return f"the {role}"
        return f"{indefinite_article(role)} {role}"
    fem = female if female is not None else role.endswith("a")  # unknown: by the noun
    if article:
        return f"{article.lower()} {role}" if article[-1] not in "'’" else f"{article}{role}"
    if lang == "es":
        return f"{'la' if fem else 'el'} {role}" if definite else f"{'una' if fem else 'un'} {role}"
    if role[:1].lower() in "aeéiouh":
        return f"l'{role}" if definite else f"{'une' if female else 'un'} {role}"
    return (
        f"{'la' if female else 'le'} {role}" if definite else f"{'une' if female else 'un'} {role}"
    )


def _plural_phrase(lang: str, written: str, article: str | None, singular: str, count: int) -> str:
    """A plural role noun and the `count` names after it, as one phrase.

    One name: the singular ("detainees X and Ana (named)" → "a detainee and
    Ana"); several: the count ("two detainees", "the three inmates"), or
    the text as written where it already says more than its article
    ("the two detainees", "two detainees", Arabic "المعتقلين").
    """
    if count == 1:
        return singular if lang == "ar" else _with_article(lang, None, singular, False, None)
    numbers = _NUMBERS.get(lang)
    if numbers is None or (article and re.fullmatch(rf"{NUMBER_WORDS}|\d+", article, re.I)):
        return written
    number = numbers[count - 2] if count - 2 < len(numbers) else str(count)
    role = written.split()[-len(singular.split()) :]
    if not article:
        return f"{number} {written}"
    if written.lower() == f"{article.lower()} {' '.join(role).lower()}":
        return f"{written[: len(article)]} {number} {' '.join(role)}"
    return written


def _starts_sentence(text: str, at: int) -> bool:
    window = max(0, at - 40)  # only the characters just before matter
    before = text[window:at].rstrip(" *_\"'“‘(«¡¿\t")
    return (not before and window == 0) or (bool(before) and before[-1] in _SENTENCE_END)


def _role_phrase(
    lang: str, text: str, r: _Role, role: str, later: bool, female: bool | None
) -> str:
    """What a role noun before a name (and the name) becomes, in the singular."""
    if lang == "zh":
        opens = r.start == 0 or text[r.start - 1] in ZH_OPENS
        if r.det or not (opens or later):
            return r.written  # "日报的记者": as written, the name dropped
        return _with_article(lang, None, r.mods + role, later, None)
    if r.det or lang == "ar":  # "the investigative reporter X": as written
        return r.written
    return _with_article(lang, None, _described(r.mods, role), later, female)


def edits(
    text: str,
    hits: list[tuple[int, int, int]],
    who: dict[int, Who],
    language: str,
    female: dict[int, bool | None] | None = None,
) -> list[tuple[int, int, str]]:
    """(start, end, replacement) for each hit (start, end, owner) of `text`."""
    lang = language.split("-")[0].lower()
    female = dict(female or {})
    seen: dict[int, str | None] = {}  # owner → role noun taken from the text, if any
    out: list[tuple[int, int, str]] = []
    floor = 0  # nothing before this is free to absorb (an earlier edit ends here)
    index = 0
    while index < len(hits):
        start, end, owner = hits[index]
        index += 1
        later = owner in seen
        phrase = who[owner].later if later else who[owner].first
        own = _own_roles(lang, who[owner].first)
        r = _role_before(text, floor, start, lang, own)
        absorbed = r is not None
        if r is not None:
            role = r.role
            if role[:1].isupper() and not role.isupper():
                role = role[:1].lower() + role[1:]
            singular, plural = _plural_role(lang, role, own)
            seen[owner] = _bare(lang, singular)
            if r.det and r.det.lower() in _GENDERED:  # "la periodista": later "la"
                female[owner] = _GENDERED[r.det.lower()]
            if plural:
                # "detainees X and Y": the role noun stands for the whole list.
                count, join = 1, _LIST_JOIN.get(lang)
                while index < len(hits) and join and join.fullmatch(text, end, hits[index][0]):
                    count += 1
                    end = hits[index][1]
                    seen.setdefault(hits[index][2], seen[owner])
                    index += 1
                phrase = _plural_phrase(lang, r.written, r.det, singular, count)
            else:
                phrase = _role_phrase(lang, text, r, role, later, female.get(owner))
            start = r.start
            if r.comma and text.startswith(r.comma, end):
                end += 1
        else:
            if later and seen.get(owner):
                phrase = _with_article(lang, None, seen[owner] or "", True, female.get(owner))
            seen.setdefault(owner, None)
            a = _ARTICLE_BEFORE.get(lang)
            am = a.search(text, max(floor, start - 60), start) if a else None
            if am is not None and am.end() == start:
                word = am.group(1).lower()
                start = am.start()
                prefix = _CONTRACTED.get((lang, word), "")
                if prefix == "de " and lang == "fr" and phrase[:1].lower() in "aeiouéh":
                    prefix = "d'"
                phrase = prefix + phrase
        # "Ana Ruiz, a nurse, was detained" must not read "a nurse, a nurse, was";
        # nor "A former prisoner, Ana Ruiz, said" "a former prisoner, a person, said".
        noun = phrase.split(" ", 1)[-1]
        if not absorbed and lang == "en" and text.startswith(",", end):
            before = _APPOSED.search(text, max(floor, start - 60), start)
            if before:
                out.append((before.start(1), end + 1, ""))
                floor = end + 1
                continue
        if lang == "en" and noun and _APPOSITION_START.match(text, end):
            m2 = re.compile(rf",?\s*(?:an?|the)\s+{re.escape(noun)}(?![\w-])(,?)").match(text, end)
            if m2:
                end = m2.end()
        elision = _ELISION.get(lang)
        em = elision.search(text, max(floor, start - 20), start) if elision else None
        if em is not None and em.end() == start:
            joined = _elide(lang, em.group(1), phrase)
            if joined is not None:
                start, phrase = em.start(1), joined
        if lang == "ar" and start and text[start - 1] == "ل" and phrase.startswith("ال"):
            phrase = phrase[1:]  # ل + الشخص is written للشخص
        if _starts_sentence(text, start):
            phrase = phrase[:1].upper() + phrase[1:]
        out.append((start, end, phrase))
        floor = end
    return out
