"""The output: records as JSON lines, the country names as YAML, and counts for --stats."""

from __future__ import annotations

import json
from collections import Counter

from .world import COUNTRY_NAMES


def render(records: list[dict]) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def render_countries() -> str:
    lines = [
        "# Names of the fictional countries in the bundled sample (ISO 3166-1",
        "# user-assigned codes: no real country will ever have them).",
        *(f"{code}: {name}" for code, name in COUNTRY_NAMES.items()),
    ]
    return "\n".join(lines) + "\n"


def stats(records: list[dict]) -> str:
    out = [f"{len(records)} records"]
    for label, key in (
        ("country", lambda r: r["country"]),
        ("year", lambda r: r["year"]),
        ("country-year", lambda r: f"{r['country']} {r['year']}"),
        ("language", lambda r: r["language"]),
        ("sensitivity", lambda r: r["sensitivity"]),
    ):
        counts = Counter(key(r) for r in records)
        out.append(f"{label}: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    persons = [(p, r) for r in records for p in r.get("persons", [])]
    consent = Counter(p["consent"] for p, _ in persons)
    out.append(
        f"persons: {len(persons)}; consent: "
        + ", ".join(f"{k} {v}" for k, v in sorted(consent.items()))
    )
    mentioned = Counter(p["consent"] for p, r in persons if p["name"] in r["summary"])
    out.append(
        "named in the summary, by consent: "
        + ", ".join(f"{k} {mentioned[k]}/{consent[k]}" for k in sorted(consent))
    )
    out.append(
        "persons per record: "
        + ", ".join(
            f"{k}: {v}"
            for k, v in sorted(Counter(len(r.get("persons", [])) for r in records).items())
        )
    )
    out.append(
        "categories per record: "
        + ", ".join(
            f"{k}: {v}" for k, v in sorted(Counter(len(r["categories"]) for r in records).items())
        )
    )
    return "\n".join(out)
