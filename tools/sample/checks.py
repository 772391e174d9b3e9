"""Check the finished records: the real model accepts each, and tested properties hold.

Any failure stops the run with what is wrong.
"""

from __future__ import annotations

from datetime import date

import yaml

from .settings import VOCABULARY_FILE, YEARS
from .world import COUNTRY_NAMES


def validate(records: list[dict]) -> None:
    """Every record must validate against the real model with the shipped vocabulary."""
    # Imported here: the generator itself needs nothing from hrdraft.
    from hrdraft.records import Record, Vocabulary, load_vocabulary_file

    vocabulary = Vocabulary(load_vocabulary_file(VOCABULARY_FILE))
    errors = []
    for obj in records:
        try:
            Record.model_validate(obj, context={"vocabulary": vocabulary})
        except Exception as exc:  # pydantic.ValidationError, reported in full
            errors.append(f"{obj.get('id')}: {exc}")
    if errors:
        raise SystemExit("invalid sample records:\n" + "\n".join(errors))


def event_start(value: str) -> date:
    first = value.split("/")[0]
    return date.fromisoformat(first + "-01") if len(first) == 7 else date.fromisoformat(first)


def check(records: list[dict]) -> None:
    """The properties the demo and the tests rely on; any failure stops the run."""
    problems: list[str] = []
    ids = [r["id"] for r in records]
    if len(ids) != len(set(ids)):
        problems.append("duplicate ids")
    vocabulary = yaml.safe_load(VOCABULARY_FILE.read_text(encoding="utf-8"))["categories"]
    for entry in vocabulary:
        for country in COUNTRY_NAMES:
            for year in YEARS:
                n = sum(
                    1
                    for r in records
                    if r["country"] == country
                    and r["year"] == year
                    and entry["id"] in r["categories"]
                )
                if n < 2:
                    problems.append(f"{entry['id']}: only {n} record(s) for {country} {year}")
    # Unconsented names may appear only in records that list the person.
    named = {p["name"] for r in records for p in r.get("persons", []) if p["consent"] == "named"}
    unconsented = sorted(
        {
            p["name"]
            for r in records
            for p in r.get("persons", [])
            if p["consent"] != "named" and p["name"] not in named
        }
    )
    for r in records:
        listed = {p["name"] for p in r.get("persons", [])}
        text = " ".join(
            [
                r["title"],
                r["summary"],
                r.get("location") or "",
                r["source"]["name"],
                (r.get("citation") or {}).get("text", ""),
            ]
        )
        for name in unconsented:
            if name in text and name not in listed and r["source"]["name"] != name:
                problems.append(f"{r['id']} mentions {name} without listing them")
    # TIP periods and boundaries.
    for country in COUNTRY_NAMES:
        for report_year in (2023, 2024, 2025):
            lo, hi = date(report_year - 1, 4, 1), date(report_year, 3, 31)
            n = sum(
                1
                for r in records
                if r["country"] == country
                and r.get("event_date")
                and any(c.startswith("trafficking.") for c in r["categories"])
                and lo <= event_start(r["event_date"]) <= hi
            )
            if n < 3:
                problems.append(f"{country}: only {n} trafficking records for TIP {report_year}")
        for boundary in ("2023-03-31", "2023-04-01", "2024-03-31", "2024-04-01"):
            if not any(
                r["country"] == country and r.get("event_date") == boundary for r in records
            ):
                problems.append(f"{country}: no record dated {boundary}")
    for r in records:
        figures = r.get("figures", {})
        if "population" in figures:
            total = sum(v for k, v in figures.items() if k.startswith("adherents_"))
            if not 0.97 * figures["population"] <= total <= figures["population"]:
                problems.append(f"{r['id']}: adherents sum to {total}")
    if problems:
        raise SystemExit("sample checks failed:\n" + "\n".join(problems))
