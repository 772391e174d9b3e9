"""Select the records for one country, period and audience, safely.

This is where do-no-harm is enforced, once, for every report type: the
audience rules (``audience.py``) decide which records a draft may use, and
name protection makes each of them safe to print. Plugins only ever see the
result, so no plugin can leak what it never got.

Name protection, one module per concern: ``names.py`` (the entry points,
`make_safe` and `make_safe_all`), ``protection.py`` (consent across records,
every printed field), ``matcher.py`` (every form of every name in one
automaton), ``fold.py`` (the text model names are matched in),
``markdown.py`` (the text a reader sees, mapped back to the source; the
parser configuration the renderer shares), ``inflect.py`` (case endings),
``phrases.py`` (replacements that read as prose), ``role_words.py`` (the
role nouns and the words around them it reads, by language).
"""

from __future__ import annotations

from .audience import ALLOWED, EXCLUDED_REASON, SelectedRecord, Selection, inputs_of, select_records
from .names import INDIVIDUAL_SOURCE_KINDS, Finding, Protection, describe, make_safe, make_safe_all

__all__ = [
    "ALLOWED",
    "EXCLUDED_REASON",
    "INDIVIDUAL_SOURCE_KINDS",
    "Finding",
    "Protection",
    "SelectedRecord",
    "Selection",
    "describe",
    "inputs_of",
    "make_safe",
    "make_safe_all",
    "select_records",
]
