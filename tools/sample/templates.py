"""The template registry: T() registers a template per topic (main category) and language.

The prose modules register their templates when imported. Registration order matters:
the generator chooses among a topic's templates by position (the least used first, ties
broken by a random draw), so the templates keep the order they are written in, and a
language split over two modules (English) imports them in a fixed order.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tpl:
    fn: object
    cats: tuple[str, ...]
    only: str | None  # a country code, or None for both
    twin: str | None  # a twin-group label: templates that share fact keys
    period: bool = False  # the text sums up a period (a range or a month), not one day


TEMPLATES: dict[tuple[str, str], list[Tpl]] = {}


def T(
    topic: str,
    lang: str = "en",
    *extra: str,
    only: str | None = None,
    twin: str | None = None,
    period: bool = False,
):
    """Register a template: T("assembly", "en", "detention.arbitrary")."""

    def deco(fn):
        TEMPLATES.setdefault((topic, lang), []).append(Tpl(fn, (topic, *extra), only, twin, period))
        return fn

    return deco


def cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def a_(noun: str) -> str:
    """The noun with its indefinite article: "an Indigenous leader", "a lawyer"."""
    return ("an " if noun[:1].lower() in "aeiou" else "a ") + noun
