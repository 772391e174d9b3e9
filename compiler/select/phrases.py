"""What replaces a name that may not be printed, so that the sentence still reads.

* A person is described by their group or role ("a human rights defender",
  "a witness"), in the record's language where hrdraft has the words ("una
  persona", "une personne", "شخص", "某人").
* A role noun or title-like role before the name becomes one phrase with it
  ("Journalist Ana Ruiz" → "a journalist", "the rapper X" → "the rapper",
  "beat detainee X" → "beat a detainee", "la periodista X" → "la
  periodista", "Rabbi X" → "a rabbi", "المعتقل X" → "المعتقل"), and an
  apposition repeating the description goes ("Ana Ruiz, a nurse, was" → "a
  nurse was"). A plural role noun takes the list of names after it
  ("detainees X and Y" → "two detainees"; "المعتقلين X وY" → "المعتقلين").
* A later mention in the same text is definite ("the journalist", "la
  persona", "此人").
* An article or contraction before the name agrees with the phrase ("La
  Ruiz" → "Una persona"; "del Sr. Ruiz" → "de una persona"; "du" → "d'une"),
  and a sentence still starts with a capital.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Who", "edits", "indefinite_article"]


@dataclass(frozen=True)
class Who:
    """How a text refers to someone who may not be named: first and later mentions."""

    first: str
    later: str


# Role nouns that may stand before a name, by language (lower case, folded
# spelling as written in the language).
_ROLES = {
    "en": (
        "human rights defender|defender|journalist|photojournalist|reporter|editor|blogger|"
        "rapper|singer|musician|artist|poet|writer|author|activist|lawyer|attorney|teacher|"
        "student|nurse|farmer|worker|trade unionist|unionist|union leader|community leader|"
        "opposition leader|leader|politician|candidate|pastor|priest|rabbi|imam|sheikh|monk|"
        "nun|bishop|cleric|preacher|elder|chief|influencer|youtuber|comedian|actor|actress|"
        "filmmaker|academic|researcher|scholar|physician|cartoonist|footballer|athlete|"
        "detainee|former detainee|prisoner|former prisoner|political prisoner|"
        "prisoner of conscience|inmate"
    ),
    "es": (
        "defensora de derechos humanos|defensor de derechos humanos|periodista|fotoperiodista|"
        "reportera|reportero|bloguera|bloguero|rapera|rapero|cantante|artista|poeta|escritora|"
        "escritor|activista|defensora|defensor|abogada|abogado|maestra|maestro|profesora|"
        "profesor|estudiante|enfermera|enfermero|médica|médico|campesina|campesino|"
        "sindicalista|dirigente|lideresa|líder|pastora|pastor|sacerdote|rabino|imán|monja"
    ),
    "fr": (
        "défenseure des droits humains|défenseur des droits humains|journaliste|reporter|"
        "blogueuse|blogueur|rappeuse|rappeur|chanteuse|chanteur|artiste|poète|écrivaine|"
        "écrivain|militante|militant|activiste|défenseure|défenseur|avocate|avocat|"
        "enseignante|enseignant|professeure|professeur|étudiante|étudiant|infirmière|"
        "infirmier|médecin|syndicaliste|dirigeante|dirigeant|pasteur|prêtre|rabbin|imam"
    ),
}


def _english_plural(role: str) -> str:
    head, _, last = role.rpartition(" ")
    if role == "prisoner of conscience":
        return "prisoners of conscience"
    last = last + "es" if last.endswith(("s", "sh", "ch", "x")) else last + "s"
    return f"{head} {last}" if head else last


# English plurals of the role nouns ("detainees X and Y"), with their singular.
_PLURALS = {
    "en": {_english_plural(r): r for r in _ROLES["en"].split("|")},
}
_ROLES["en"] += "|" + "|".join(_PLURALS["en"])

_ARTICLES = {
    "en": "a|an|the",
    "es": "el|la|un|una|al|del",
    "fr": "le|la|l'|l’|un|une|au|du",
}
_DEFINITE = {"the", "el", "la", "le", "l'", "l’", "al", "del", "au", "du"}
_ROLE_BEFORE = {
    lang: re.compile(
        rf"(?:(?<![^\W\d_])({_ARTICLES[lang]})\s+(?:[\w-]+\s+){{0,2}}?|(?<![^\W\d_]))"
        rf"({roles})(,?)\s+$",
        re.IGNORECASE,
    )
    for lang, roles in _ROLES.items()
}
# Arabic writes the article and the proclitics (و, ف, ب, ل, ك) as one word
# with the noun: المعتقل, والمعتقل, للمعتقل; ة is the feminine, ين/ون/ات the
# plurals. Groups as above: (no separate article, the role as written, comma).
_AR_STEMS = ("معتقل", "محتجز", "سجين")
_AR_ROLE = re.compile(r"^([وف]?(?:لل|[بكل]?ال)?)(" + "|".join(_AR_STEMS) + r")(ة|ين|ون|ات)?$")
_ROLE_BEFORE["ar"] = re.compile(
    r"(?<![^\W\d_])()((?:[وف]?(?:لل|[بكل]?ال))?(?:"
    + "|".join(_AR_STEMS)
    + r")(?:ة|ين|ون|ات)?)([،,]?)\s+$"
)
# Between two names of one list after a plural role noun.
_LIST_JOIN = {
    "en": re.compile(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)"),
    "ar": re.compile(r"(?:\s*[،,]\s*و?|\s+و)"),
}
_NUMBERS = {"en": "two three four five six seven eight nine ten".split()}
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
_SENTENCE_END = ".!?:\n"
# The last word of each role noun: a cheap test before the full expression.
_ROLE_ENDINGS = {
    lang: frozenset(r.split()[-1] for r in roles.split("|")) for lang, roles in _ROLES.items()
}


def _may_be_role(lang: str, word: str) -> bool:
    if lang == "ar":
        return _AR_ROLE.match(word.rstrip("،,")) is not None
    return word.rstrip(",").lower() in _ROLE_ENDINGS.get(lang, ())


def _plural_role(lang: str, role: str) -> tuple[str, bool]:
    """(the role noun in the singular, whether `role` is a plural)."""
    if lang == "ar":
        m = _AR_ROLE.match(role)
        if m is None:
            return role, False
        female = m.group(3) in ("ة", "ات")
        return m.group(1) + m.group(2) + ("ة" if female else ""), m.group(3) in ("ين", "ون", "ات")
    singular = _PLURALS.get(lang, {}).get(role.lower())
    return (singular, True) if singular else (role, False)


def _bare(lang: str, role: str) -> str:
    """An Arabic role noun without its proclitics and article (معتقل of والمعتقل)."""
    m = _AR_ROLE.match(role) if lang == "ar" else None
    return role if m is None else m.group(2) + (m.group(3) or "")


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
    """'a' or 'an' by sound: "an LGBTQI activist", "a union leader"."""
    word = phrase.split()[0] if phrase.split() else phrase
    if word.isupper() and len(word) > 1:  # an acronym is read letter by letter
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    return "an" if word[:1].lower() in "aeiou" else "a"


def _with_article(
    lang: str, article: str | None, role: str, definite: bool, female: bool | None
) -> str:
    if lang == "ar":  # no indefinite article; the definite one is written with the noun
        return f"ال{role}" if definite else role
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
    ("the two detainees", Arabic "المعتقلين").
    """
    if count == 1:
        return singular if lang == "ar" else _with_article(lang, None, singular, False, None)
    numbers = _NUMBERS.get(lang)
    if numbers is None:
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
        role_match = _ROLE_BEFORE.get(lang)
        # Only the words just before the name can belong with it.
        near = max(floor, start - 60)
        last = text[max(near, start - 30) : start].rsplit(None, 1)[-1:]
        m = None
        if role_match and last and _may_be_role(lang, last[0]):
            m = role_match.search(text, near, start)
        absorbed = m is not None and m.end() == start
        if m is not None and absorbed:
            article, role, comma = m.group(1), m.group(2), m.group(3)
            if role[:1].isupper() and not role.isupper():
                role = role[:1].lower() + role[1:]
            singular, plural = _plural_role(lang, role)
            seen[owner] = _bare(lang, singular)
            if article and article.lower() in _GENDERED:  # "la periodista": later "la"
                female[owner] = _GENDERED[article.lower()]
            if plural:
                # "detainees X and Y": the role noun stands for the whole list.
                count, join = 1, _LIST_JOIN.get(lang)
                while index < len(hits) and join and join.fullmatch(text, end, hits[index][0]):
                    count += 1
                    end = hits[index][1]
                    seen.setdefault(hits[index][2], seen[owner])
                    index += 1
                phrase = _plural_phrase(lang, text[m.start() : m.end(2)], article, singular, count)
            elif article or lang == "ar":  # "the investigative reporter X": as written
                phrase = text[m.start() : m.end(2)]
            else:
                phrase = _with_article(lang, None, role, later, female.get(owner))
            start = m.start()
            if comma and text.startswith(comma, end):
                end += 1
        else:
            if later and seen.get(owner):
                phrase = _with_article(lang, None, seen[owner] or "", True, female.get(owner))
            seen.setdefault(owner, None)
            a = _ARTICLE_BEFORE.get(lang)
            am = a.search(text, near, start) if a else None
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
            before = _APPOSED.search(text, near, start)
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
