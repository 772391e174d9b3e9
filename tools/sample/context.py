"""What a template writes with: the context (Ctx), the people in a record, fictional names.

A template asks the context for places, institutions, numbers and people; the context
draws them from the generator's one random generator and caches them in the facts, so
that two submissions about the same event (twins) share them.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .dates import LEAD_SEP, MONTHS_AR, MONTHS_EN, MONTHS_ES, NUM_EN, Event, day_text, when_phrase
from .world import ACTORS, NAMES, PLACES, RECURRING, WORLD, Place, Src

if TYPE_CHECKING:
    from .generator import Generator

CONSENT_WEIGHTS = {
    "victim": (("named", 26), ("anonymous", 54), ("withheld", 20)),
    "witness": (("named", 18), ("anonymous", 60), ("withheld", 22)),
    "source": (("named", 36), ("anonymous", 50), ("withheld", 14)),
    "perpetrator": (("named", 60), ("anonymous", 34), ("withheld", 6)),
}

# Institutions whose Arabic name is grammatically masculine (verbs agree with them).
AR_FEMININE = {("XA", "intel"): False, ("XB", "legislature"): False, ("XA", "armed_group"): False}

CONSENT_TARGET = {"named": 0.30, "anonymous": 0.55, "withheld": 0.15}

AGES = {
    "student": (18, 26),
    "child": (9, 16),
    "journalist": (26, 61),
    "blogger": (21, 40),
    "migrant worker": (19, 48),
    "domestic worker": (20, 45),
    "refugee": (17, 55),
}


def weighted(rng: random.Random, pairs) -> object:
    items = list(pairs)
    total = sum(w for _, w in items)
    x = rng.uniform(0, total)
    for value, w in items:
        x -= w
        if x <= 0:
            return value
    return items[-1][0]


class NameBook:
    """Hands out fictional names, never the same full name twice."""

    def __init__(self) -> None:
        self.used: set[str] = set()
        self.order: list[str] = []

    def reserve(self, name: str) -> None:
        if name in self.used:
            raise SystemExit(f"name {name!r} reserved twice")
        self.used.add(name)
        self.order.append(name)

    def new(self, rng: random.Random, country: str, lang: str, female: bool) -> str:
        key = (country, "en") if lang == "en" else ("*", lang)
        if lang == "en" and country == "XA" and rng.random() < 0.3:
            key = ("*", "es")  # XA is partly Spanish-speaking
        pool = NAMES[key]
        given = pool["f" if female else "m"]
        for _ in range(200):
            first, last = rng.choice(given), rng.choice(pool["s"])
            if key[1] == "zh":
                name = last + first
            elif key[1] == "es" and rng.random() < 0.6:
                second = rng.choice(pool["s"])
                if second == last:
                    continue
                name = f"{first} {last} {second}"
            else:
                name = f"{first} {last}"
            # A name inside another ("Ana Ruiz" in "Ana Ruiz Soto", ريم in كريم) would
            # survive the other's scrubbing, so no name may contain another.
            if name not in self.used and not any(name in u or u in name for u in self.order):
                self.reserve(name)
                return name
        raise SystemExit(f"ran out of names for {key}")


class P:
    """A person as a template uses them: prints as the full name."""

    def __init__(self, entry: dict, female: bool) -> None:
        self.entry = entry
        self.female = female

    @property
    def name(self) -> str:
        return self.entry["name"]

    def __str__(self) -> str:
        return self.name

    def __format__(self, spec: str) -> str:
        return format(self.name, spec)

    # English pronouns
    @property
    def she(self) -> str:
        return "she" if self.female else "he"

    @property
    def She(self) -> str:
        return "She" if self.female else "He"

    @property
    def her(self) -> str:
        return "her" if self.female else "his"

    @property
    def Her(self) -> str:
        return "Her" if self.female else "His"

    @property
    def him(self) -> str:
        return "her" if self.female else "him"

    @property
    def group(self) -> str:
        return self.entry.get("group", "person")


@dataclass
class Facts:
    """What two submissions about the same event share."""

    event: Event
    values: dict = field(default_factory=dict)


class Ctx:
    def __init__(
        self,
        gen: Generator,
        country: str,
        year: int,
        lang: str,
        src: Src,
        facts: Facts,
        rng: random.Random,
        confidential: bool,
    ) -> None:
        self.gen, self.country, self.year, self.lang = gen, country, year, lang
        self.src, self.facts, self.rng = src, facts, rng
        self.event = facts.event
        self.persons: list[dict] = []
        self.location: str | None = None
        self.with_year = rng.random() < 0.25
        self.confidential = confidential
        self.figures: dict[str, int] = {}

    # -- dates ------------------------------------------------------------
    def When(self) -> str:
        phrase = when_phrase(self.event, self.lang, self.with_year, lead=True)
        return phrase + LEAD_SEP[self.lang] if phrase else ""

    def on(self) -> str:
        return when_phrase(self.event, self.lang, self.with_year, lead=False)

    @property
    def month(self) -> str:
        d = self.event.start or date(self.year, 6, 1)
        return {"en": MONTHS_EN, "es": MONTHS_ES, "ar": MONTHS_AR}.get(
            self.lang, [f"{m}月" for m in range(1, 13)]
        )[d.month - 1]

    def later(self, days_lo: int, days_hi: int) -> str:
        """A day some days after the event, as "16 March" in the record's language."""
        base = self.event.end or self.event.start or date(self.year, 6, 1)
        d = base + timedelta(days=self.n("_later", days_lo, days_hi))
        return day_text(d, self.lang, False)

    # -- facts --------------------------------------------------------------
    def _cached(self, key: str, make):
        if key not in self.facts.values:
            self.facts.values[key] = make()
        return self.facts.values[key]

    def n(self, key: str, lo: int, hi: int) -> int:
        return self._cached(key, lambda: self.rng.randint(lo, hi))

    def nw(self, key: str, lo: int, hi: int) -> str:
        """A number as a submission writes it: words up to twenty in English."""
        value = self.n(key, lo, hi)
        if self.lang == "en" and value <= 20 and self.rng.random() < 0.8:
            return NUM_EN[value]
        return str(value)

    def pick(self, key: str, options: list):
        return self._cached(key, lambda: self.rng.choice(options))

    def place(self, key: str = "place", tag: str | None = None) -> str:
        def make() -> Place:
            places = PLACES[self.country]
            if tag:
                tagged = [p for p in places if tag in p.tags]
                places = tagged or places
            used = [v for k, v in self.facts.values.items() if k.startswith("place")]
            fresh = [p for p in places if p not in used] or places
            return self.rng.choice(fresh)

        place = self._cached(key, make)
        name = place.name(self.lang)
        if self.location is None and key == "place":
            self.location = re.sub(r"^(the|el|la|las|los) ", "", name)
        return name

    def at(self, key: str) -> str:
        """A world name (a region, a prison) that is also the record's location."""
        name = self.w(key)
        if self.location is None:
            self.location = re.sub(r"^(the|el|la|las|los) ", "", name)
        return name

    def w(self, key: str) -> str:
        return WORLD[self.country][key][self.lang]

    def actor(self, kind: str, key: str | None = None) -> str:
        """An organisation that acts in the event (a union, an outlet), in the record's language.

        The choice is cached as an index, so a submission in another language about
        the same event names the same organisation in its own language.
        """
        names = ACTORS[self.country][kind]
        index = self._cached(key or f"actor_{kind}", lambda: self.rng.randrange(len(names["en"])))
        options = names.get(self.lang) or names["en"]
        return options[index % len(options)]

    # -- people -------------------------------------------------------------
    def person(
        self,
        key: str,
        role: str,
        group: str | None,
        *,
        female: bool | None = None,
        age: int | None = None,
        consent: str | None = None,
        gender: str | None = None,
    ) -> P:
        def make() -> P:
            f = self.rng.random() < 0.5 if female is None else female
            entry: dict = {
                "name": self.gen.names.new(self.rng, self.country, self.lang, f),
                "role": role,
                "consent": consent or self.gen.consent(role),
            }
            if group:
                entry["group"] = group
            if gender or self.rng.random() < 0.45:
                entry["gender"] = gender or ("female" if f else "male")
            years = age
            if years is None and role == "victim" and self.rng.random() < 0.35:
                years = self.rng.randint(*AGES.get(group or "", (23, 67)))
            if years is not None:
                entry["age"] = years
            return P(entry, f)

        p = self._cached(key, make)
        self._register(p)
        return p

    def known(self, key: str, role: str) -> P:
        """A person who recurs across records (same consent everywhere)."""
        names, female, group, consent = RECURRING[self.country][key]
        name = names.get(self.lang) or names["en"]
        entry = {
            "name": name,
            "role": role,
            "consent": consent,
            "group": group,
            "gender": "female" if female else "male",
        }
        p = P(entry, female)
        if all(e["name"] != name for e in self.persons):
            self.gen.consents[consent] += 1  # fixed consent still counts towards the mix
        self._register(p)
        return p

    def _register(self, p: P) -> None:
        if all(e["name"] != p.name for e in self.persons):
            self.persons.append(dict(p.entry))

    def age(self, p: P) -> int:
        return p.entry.get("age") or self.n(f"_age_{p.name}", 24, 58)

    def g(self, p: P, female: str, male: str) -> str:
        return female if p.female else male

    def arv(self, key: str, female: str, male: str) -> str:
        """An Arabic verb agreeing with an institution's grammatical gender."""
        return female if AR_FEMININE.get((self.country, key), True) else male

    def fig(self, **values: int) -> None:
        self.figures.update(values)


@dataclass
class Row:
    """A record under construction, with what the generator needs to know about it."""

    data: dict
    topic: str
    start: date | None
    facts: Facts | None = None
