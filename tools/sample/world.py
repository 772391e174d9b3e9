"""The fictional world: countries, places, institutions, actors, sources and names.

The tables live in data/*.yaml; this module gives them the shapes the generator and the
templates use. Lists keep the files' order: it is the order the generator draws from.
"""

from __future__ import annotations

from dataclasses import dataclass

from .data import load


@dataclass(frozen=True)
class Place:
    en: str
    es: str
    zh: str
    ar: str
    tags: tuple[str, ...] = ()

    def name(self, lang: str) -> str:
        return getattr(self, lang)


@dataclass(frozen=True)
class Src:
    name: str
    kind: str
    reliability: str
    lang: str
    site: str
    tags: tuple[str, ...]


_world = load("world")
# Short names, as the reports print them ("The Government of Esterra ...").
COUNTRY_NAMES: dict[str, str] = _world["countries"]
# Institutions and groups: country -> key -> name per language.
WORLD: dict[str, dict[str, dict[str, str]]] = _world["institutions"]

PLACES: dict[str, list[Place]] = {
    country: [Place(r["en"], r["es"], r["zh"], r["ar"], tuple(r["tags"])) for r in rows]
    for country, rows in load("places").items()
}

# Organisations that are actors in events (not the record's source): key -> per lang lists.
ACTORS: dict[str, dict[str, dict[str, list[str]]]] = load("actors")

_sources = load("sources")
SOURCES: dict[str, list[Src]] = {
    country: [
        Src(r["name"], r["kind"], r["reliability"], r["lang"], r["site"], tuple(r["tags"]))
        for r in rows
    ]
    for country, rows in _sources["sources"].items()
}
# Individual sources (defenders, journalists) keep one consent status everywhere.
INDIVIDUAL_CONSENT: dict[str, str] = _sources["individual_consent"]

_names = load("names")
# Name pools (f, m, s) by (country, "en") for English records and ("*", lang) for the rest.
NAMES: dict[tuple[str, str], dict[str, list[str]]] = {
    **{(country, "en"): pools for country, pools in _names["english"].items()},
    **{("*", lang): pools for lang, pools in _names["other"].items()},
}
# People who recur across records: key -> (names per lang, female, group, consent).
RECURRING: dict[str, dict[str, tuple[dict[str, str], bool, str, str]]] = {
    country: {key: (p["names"], p["female"], p["group"], p["consent"]) for key, p in people.items()}
    for country, people in _names["recurring"].items()
}
