"""Write the records given in full: TIP figures, legislation, period boundaries, demography.

The period boundaries are 31 March and 1 April. The facts live in data/tip.yaml and
data/demography.yaml; the sentences that put the figures into words are code. These
records are written after the planned records and the twins, in the order of the files,
and still draw from the generator (received dates, credibility, citations), so the order
of the files matters.
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import TYPE_CHECKING

from .codas import citation
from .context import Row
from .data import load
from .dates import MONTHS_EN, NUM_EN, Event, day_en
from .settings import RECORD_LANG_TAG, YEARS
from .templates import cap
from .text import clean, sentences

if TYPE_CHECKING:
    from .generator import Generator

TIP = load("tip")
# Law-enforcement and victim figures per TIP reporting period (the report year
# it feeds). XA's efforts grow; XB's shrink.
TIP_FIGURES: dict[str, dict[int, dict[str, list[int]]]] = TIP["figures"]
TIP_SOURCES: dict[str, dict[str, str]] = TIP["figure_sources"]
NUMBER_WORDS_LIMIT = 20

DEMOGRAPHY = load("demography")
GROUP_NAMES: dict[str, str] = DEMOGRAPHY["group_names"]


def special(
    gen: Generator,
    country: str,
    year: int,
    event: Event,
    title: str,
    summary: str,
    cats: list[str],
    src_name: str,
    *,
    lang: str = "en",
    sensitivity: str = "public",
    figures: dict | None = None,
    sections: list[str] | None = None,
    location: str | None = None,
    received: date | None = None,
) -> None:
    src = gen.source_by_name(country, src_name)
    received = received or gen.received(event, year)
    summary = clean(summary, lang)
    if not gen._distinct(summary):
        raise SystemExit(f"special record repeats another: {summary[:60]}")
    if sentences(summary) > 4:
        raise SystemExit(f"too many sentences: {summary}")
    data = {
        "country": country,
        "year": year,
        "event_date": event.iso(),
        "location": location,
        "title": title,
        "summary": summary,
        "language": RECORD_LANG_TAG[lang],
        "categories": cats,
        "sections": sections or [],
        "source": {"name": src.name, "kind": src.kind, "reliability": src.reliability},
        "credibility": gen.credibility(src),
        "citation": citation(gen.rng, src, lang, received, year),
        "persons": [],
        "figures": figures or {},
        "sensitivity": sensitivity,
        "received": received.isoformat(),
    }
    gen.rows.append(Row(data, cats[0], event.start))


def _d(text: str) -> date:
    return date.fromisoformat(text)


def _period(report_year: int) -> Event:
    return Event("range", date(report_year - 1, 4, 1), date(report_year, 3, 31))


def _event(text: str) -> Event:
    """A day ("2023-03-31") or a month ("2023-09")."""
    if len(text) == 7:
        first = _d(text + "-01")
        last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        return Event("month", first, last)
    return Event("day", _d(text), _d(text))


def _words(n: int) -> str:
    return NUM_EN[n] if n <= NUMBER_WORDS_LIMIT else str(n)


def tip_figures(gen: Generator) -> None:
    for country, periods in TIP_FIGURES.items():
        enforcement_src = TIP_SOURCES[country]["enforcement"]
        care_src = TIP_SOURCES[country]["victims"]
        for report_year, counts in periods.items():
            inv, pros = counts["investigations"], counts["prosecutions"]
            conv, care = counts["convictions"], counts["victims"]
            event = _period(report_year)
            # The record belongs to the calendar year the period starts in, except the
            # first period, which the 2023 material needs.
            year = max(event.start.year, YEARS[0])
            span = f"between April {report_year - 1} and March {report_year}"
            figures = {
                "investigations": inv[0],
                "investigations_sex": inv[1],
                "investigations_labor": inv[2],
                "prosecutions": pros[0],
                "prosecutions_sex": pros[1],
                "prosecutions_labor": pros[2],
                "convictions": conv[0],
                "convictions_sex": conv[1],
                "convictions_labor": conv[2],
            }
            received = date(report_year, 4, gen.rng.randint(10, 28))
            if country == "XA":
                text = (
                    f"{cap(span)}, police opened {inv[0]} trafficking investigations "
                    f"({inv[1]} for sex trafficking and {inv[2]} for labor trafficking), "
                    f"prosecutors initiated prosecutions against {pros[0]} suspects "
                    f"({pros[1]} sex, {pros[2]} labor) and courts convicted {conv[0]} "
                    f"traffickers ({conv[1]} sex, {conv[2]} labor). Sentences ranged from "
                    f"{_words(4 + report_year - 2023)} to {_words(12 + report_year - 2023)} "
                    f"years' imprisonment."
                )
            else:
                text = (
                    f"The committee reported that {span} the authorities investigated "
                    f"{inv[0]} trafficking cases ({inv[1]} sex trafficking, {inv[2]} labor "
                    f"trafficking), prosecuted {pros[0]} suspects ({pros[1]} sex, {pros[2]} "
                    f"labor) and convicted {conv[0]} ({conv[1]} sex, {conv[2]} labor). "
                    f"Most convicted traffickers received fines or suspended sentences."
                )
            special(
                gen,
                country,
                year,
                event,
                f"Anti-trafficking law enforcement data, April {report_year - 1} – "
                f"March {report_year}",
                text,
                ["trafficking.prosecution"],
                enforcement_src,
                figures=figures,
                received=received,
            )
            identified, referred = care
            if country == "XA":
                text = (
                    f"{cap(span)}, the government identified {identified} trafficking "
                    f"victims and referred {referred} of them to shelters or other care. "
                    f"Most were Esterran women and girls exploited in commercial sex; "
                    f"foreign men exploited in agriculture and fishing made up about a "
                    f"quarter."
                )
            else:
                text = (
                    f"{cap(span)}, the ministry identified {identified} trafficking victims "
                    f"and referred {referred} to care; the others were deported or returned "
                    f"to their employers. Nearly all were foreign domestic workers."
                )
            special(
                gen,
                country,
                year,
                event,
                f"Trafficking victims identified and referred, April {report_year - 1} – "
                f"March {report_year}",
                text,
                ["trafficking.protection"],
                care_src,
                figures={"victims_identified": identified, "victims_referred": referred},
                received=received + timedelta(days=gen.rng.randint(2, 9)),
            )
    # A provincial figure outside the national statistics, without a split.
    for rec in TIP["outside_statistics"]:
        special(
            gen,
            rec["country"],
            rec["year"],
            _event(rec["date"]),
            rec["title"],
            rec["summary"],
            rec["categories"],
            rec["source"],
            sensitivity=rec["sensitivity"],
            figures=rec["figures"],
            location=rec["location"],
        )


def tip_fixed(gen: Generator) -> None:
    """Legislation and the records on the period boundaries (31 March, 1 April)."""
    for country, rows in TIP["fixed"].items():
        for rec in rows:
            special(
                gen,
                country,
                rec["year"],
                _event(rec["date"]),
                rec["title"],
                rec["summary"],
                rec["categories"],
                rec["source"],
                sections=rec.get("sections"),
            )


def demography(gen: Generator) -> None:
    for survey in DEMOGRAPHY["surveys"]:
        country, year, src = survey["country"], survey["year"], survey["source"]
        when, population, shares = survey["date"], survey["population"], survey["shares"]
        figures = {"population": population}
        for slug, pct in shares.items():
            figures[f"adherents_{slug}"] = round(population * pct / 100)
        main = [s for s in shares if s not in ("jewish", "other", "bahai")]
        parts = [f"{GROUP_NAMES[s]} {shares[s]:g} percent" for s in main]
        parts[-1] = "and " + parts[-1]
        small = [
            f"{round(figures['adherents_' + s], -2):,} {GROUP_NAMES[s]}"
            for s in ("bahai", "jewish")
            if s in shares
        ]
        rest = f" Smaller communities include about {' and '.join(small)}." if small else ""
        if when is None:
            event = Event("none")
            opening = (
                f"A national survey by the {src.split(', ')[1]} estimates the "
                f"population at {population:,}."
            )
        elif len(when) == 7:
            event = _event(when)
            opening = (
                f"In {MONTHS_EN[event.start.month - 1]} the {src.split(', ')[0]} "
                f"published a national survey estimating the population at "
                f"{population:,}."
            )
        else:
            event = _event(when)
            opening = (
                f"On {day_en(event.start, False)} the {src} published the religion "
                f"tables of the {year - 1} census, which counted {population:,} "
                f"residents."
            )
        summary = (
            f"{opening} {cap(GROUP_NAMES[main[0]])} make up {shares[main[0]]:g} "
            f"percent, {', '.join(parts[1:])}.{rest}"
        )
        if country == "XB" and "none" not in shares:
            summary += " The census form offers no 'no religion' option."
        special(
            gen,
            country,
            year,
            event,
            f"Religious demography, {year}",
            summary,
            ["religion.demography"],
            src,
            figures=figures,
        )
    for rec in DEMOGRAPHY["estimates"]:
        special(
            gen,
            rec["country"],
            rec["year"],
            _event(rec["date"]),
            rec["title"],
            rec["summary"],
            ["religion.demography"],
            rec["source"],
            lang=rec["lang"],
            figures=rec["figures"],
        )


def special_records(gen: Generator) -> None:
    tip_figures(gen)
    tip_fixed(gen)
    demography(gen)
