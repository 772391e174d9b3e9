"""Case endings of names in languages whose names decline (Slavic languages).

A documented suffix table, not a morphological analyser: each rule says
which ending a name part has in the record and which endings replace it in
running text. It over-generates on purpose (a form that is no real word of
the language costs nothing; a missing one names someone). Russian,
Ukrainian, Belarusian and Bulgarian names in Cyrillic always decline here;
Latin-script names decline only in a record written in a Slavic language
(Polish, Czech, Slovak, Slovenian, Croatian, Serbian, Bosnian), where
"Kowalskiego" is Kowalski.

Examples: Петров → Петрова, Петрову, Петровым, Петрове; Иван → Ивана;
Петрова → Петровой, Петрову; Мария → Марии, Марию, Марией; Андрей → Андрея;
Достоевский → Достоевского; Kowalski → Kowalskiego; Novák → Nováka.
"""

from __future__ import annotations

__all__ = ["SLAVIC_LANGUAGES", "cyrillic_forms", "latin_slavic_forms"]

SLAVIC_LANGUAGES = frozenset("ru uk be bg mk pl cs sk sl hr sr bs csb dsb hsb rue".split())

# (ending in the record, endings in text), longest ending first; "" is any
# other final letter (a consonant).
_CYRILLIC: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ский", ("ского", "скому", "ским", "ском", "ских", "скими", "ськ", "ського", "ському")),
    ("цкий", ("цкого", "цкому", "цким", "цком", "цких", "цкими")),
    ("ская", ("ской", "скую", "скою", "ських")),
    ("ая", ("ой", "ую", "ою")),
    ("ий", ("ия", "ию", "ием", "ии", "его", "ему", "им", "ем", "ого", "ому", "ым", "ом")),
    ("ый", ("ого", "ому", "ым", "ом", "ых", "ыми")),
    ("ой", ("ого", "ому", "ым", "ом", "ых")),
    ("ия", ("ии", "ию", "ией", "иею", "ій")),
    ("а", ("ы", "и", "е", "у", "ой", "ою", "ей", "ін", "і")),
    ("я", ("и", "е", "ю", "ей", "ею", "і")),
    ("й", ("я", "ю", "ем", "е", "и", "ём", "єм")),
    ("ь", ("я", "ю", "ем", "е", "и", "ью", "ём")),
    ("", ("а", "у", "ом", "ым", "е", "ы", "ых", "ыми", "ой", "ові", "ові", "ою", "ем", "і", "и")),
)

_LATIN: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ski", ("skiego", "skiemu", "skim", "skich", "skimi")),
    ("cki", ("ckiego", "ckiemu", "ckim", "ckich")),
    ("ska", ("skiej", "ską", "skou", "ské")),
    ("ý", ("ého", "ému", "ým", "ém")),
    ("á", ("é", "ou", "ej", "ú")),
    ("a", ("y", "i", "e", "ę", "ą", "u", "ou", "o", "om", "oj")),
    ("e", ("a", "u", "em", "i")),
    ("o", ("a", "u", "em", "ovi", "i")),
    ("", ("a", "u", "e", "em", "om", "owi", "ovi", "ie", "y", "i", "ów", "ovo", "ove")),
)


def _forms(part: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> list[str]:
    lower = part.lower()
    for ending, endings in table:
        if ending and lower.endswith(ending):
            stem = part[: len(part) - len(ending)]
            return [stem + e for e in endings]
        if not ending:
            return [part + e for e in endings]
    return []


def cyrillic_forms(part: str) -> list[str]:
    """The case forms of a Cyrillic name part (not including `part` itself)."""
    return _forms(part, _CYRILLIC) if len(part) >= 3 else []


def latin_slavic_forms(part: str) -> list[str]:
    """The case forms of a Latin-script name part in a Slavic language's text."""
    return _forms(part, _LATIN) if len(part) >= 3 else []
