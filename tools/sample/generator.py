"""The generator: plans the records per country and year and writes each from a template.

Deterministic: one random generator with a fixed seed (settings.SEED), no clock, and no
iteration over a set or anything else whose order can vary between runs. Every draw
happens in a fixed order (the plan, then the twins, then the records written out in
full), so moving code that draws, or reordering a table it walks, changes the sample.
"""

from __future__ import annotations

import calendar
import random
from collections import Counter
from datetime import date, timedelta

# Imported for their side effect: each registers its templates. Only the order within a
# language matters (the registry is keyed by topic and language), so English part 1
# (person) must come before part 2 (society), as it does sorted.
from . import prose_ar, prose_en_person, prose_en_society, prose_es, prose_zh  # noqa: F401
from .codas import WE, citation, confidential_detail, tails
from .context import CONSENT_TARGET, CONSENT_WEIGHTS, Ctx, Facts, NameBook, Row, weighted
from .data import load
from .dates import Event
from .fixed import special_records
from .settings import LANGS, RECORD_LANG_TAG, SEED, YEARS
from .templates import TEMPLATES, Tpl, cap
from .text import QUOTED, clean, sentences, with_prefix
from .topics import SENSITIVE_TOPICS, topic_kinds, topic_sensitivity, topic_tags
from .world import COUNTRY_NAMES, INDIVIDUAL_CONSENT, RECURRING, SOURCES, Src

_plan = load("plan")
# Target share of each language per country.
LANG_TARGET: dict[str, dict[str, float]] = _plan["language_shares"]
# Records per main category, for each country and year, plus extras per country.
PLAN: dict[str, int] = _plan["counts"]
PLAN_EXTRA: dict[str, dict[str, int]] = _plan["extra"]
TIP_TOPICS = tuple(_plan["tip_topics"])
# Two submissions about one event, from different sources: (country, year, twin
# label, languages of the first and second submission).
TWINS = [(t["country"], t["year"], t["label"], tuple(t["languages"])) for t in _plan["twins"]]
# Explicit section targets: (country, year, main category, sections).
SECTION_TARGETS = [
    (t["country"], t["year"], t["topic"], t["sections"]) for t in _plan["section_targets"]
]

DEFAULT_DATE_KINDS = (("day", 74), ("month", 12), ("range", 8), ("none", 6))
TIP_DATE_KINDS = (("day", 80), ("month", 12), ("range", 8))
PERIOD_DATE_KINDS = (("range", 50), ("month", 30), ("none", 20))
TIP_PERIOD_DATE_KINDS = (("range", 60), ("month", 40))


class Generator:
    def __init__(self) -> None:
        self.rng = random.Random(SEED)
        self.names = NameBook()
        for country in SOURCES:
            for src in SOURCES[country]:
                if src.kind in ("defender", "journalist"):
                    self.names.reserve(src.name)
        for people in RECURRING.values():
            for names, *_ in people.values():
                for name in dict.fromkeys(names.values()):
                    self.names.reserve(name)
        self.rows: list[Row] = []
        self.usage: Counter = Counter()
        self.consents: Counter = Counter()

    def consent(self, role: str) -> str:
        """A consent status: the role's usual mix, steered towards 30/55/15 overall."""
        total = sum(self.consents.values()) + 1
        pairs = []
        for value, w in CONSENT_WEIGHTS[role]:
            gap = CONSENT_TARGET[value] - self.consents[value] / total
            pairs.append((value, w * max(0.05, 1 + 12 * gap)))
        value = weighted(self.rng, pairs)
        self.consents[value] += 1
        return value

    # -- building blocks ------------------------------------------------------
    def make_event(
        self,
        year: int,
        window=None,
        exact: date | None = None,
        kinds=DEFAULT_DATE_KINDS,
        long: bool = False,
    ) -> Event:
        if exact:
            return Event("day", exact, exact)
        lo, hi = window or (date(year, 1, 1), date(year, 12, 31))
        kind = weighted(self.rng, kinds)
        if kind == "none":
            return Event("none")
        if kind == "range":
            if long:  # a few months, starting on the first of a month
                d = lo + timedelta(days=self.rng.randrange(max(1, (hi - lo).days - 60)))
                d = d.replace(day=1) if d.replace(day=1) >= lo else d
                end = min(d + timedelta(days=self.rng.randint(60, 240)), hi)
                end = end.replace(day=calendar.monthrange(end.year, end.month)[1])
                return Event("range", d, min(end, hi))
            d = lo + timedelta(days=self.rng.randrange((hi - lo).days - 5))
            end = min(d + timedelta(days=self.rng.randint(3, 40)), hi)
            return Event("range", d, end)
        d = lo + timedelta(days=self.rng.randrange((hi - lo).days + 1))
        if kind == "day":
            return Event("day", d, d)
        last = calendar.monthrange(d.year, d.month)[1]
        return Event("month", d.replace(day=1), d.replace(day=last))

    def received(self, event: Event, year: int) -> date:
        if event.kind == "none":
            return date(year, self.rng.randint(1, 12), self.rng.randint(1, 28))
        return event.end + timedelta(days=self.rng.randint(1, 45))

    def pick_source(self, country: str, lang: str, topic: str) -> Src:
        cands = [
            s
            for s in SOURCES[country]
            if s.lang == lang
            and not (s.kind == "government" and getattr(self, "_no_government", False))
        ]
        kinds = [(k, w) for k, w in topic_kinds(topic).items() if any(s.kind == k for s in cands)]
        if not kinds:
            kinds = [(k, 1) for k in sorted({s.kind for s in cands})]
        kind = weighted(self.rng, kinds)
        tags = set(topic_tags(topic))
        pool = []
        for s in cands:
            if s.kind != kind:
                continue
            w = 3.0 if tags & set(s.tags) else 1.0 if "general" in s.tags else 0.03
            if s.reliability in "DEF":
                w *= 0.35
            pool.append((s, w))
        return weighted(self.rng, pool)

    def source_by_name(self, country: str, name: str) -> Src:
        return next(s for s in SOURCES[country] if s.name == name)

    def credibility(self, src: Src) -> int:
        if src.kind == "government":
            return weighted(self.rng, ((2, 30), (3, 40), (4, 20), (5, 10)))
        return weighted(self.rng, ((1, 28), (2, 36), (3, 20), (4, 8), (5, 5), (6, 3)))

    def templates(self, country: str, topic: str, lang: str) -> list[tuple[tuple, Tpl]]:
        return [
            ((topic, lang, i), t)
            for i, t in enumerate(TEMPLATES.get((topic, lang), []))
            if t.only in (None, country)
        ]

    def languages(self, country: str, topic: str) -> list[str]:
        return [lang for lang in LANGS if self.templates(country, topic, lang)]

    # -- one record -------------------------------------------------------------
    def record(
        self,
        country: str,
        year: int,
        topic: str,
        lang: str,
        *,
        tpl=None,
        facts: Facts | None = None,
        window=None,
        exact: date | None = None,
        kinds=DEFAULT_DATE_KINDS,
        src: Src | None = None,
        sensitivity: str | None = None,
    ) -> Row:
        self._no_government = False
        for attempt in range(30):
            row = self._attempt(
                country,
                year,
                topic,
                lang,
                tpl=tpl,
                facts=facts,
                window=window,
                exact=exact,
                kinds=kinds,
                src=src,
                attempt=attempt,
                sensitivity=sensitivity,
            )
            if row is not None:
                return row
        raise SystemExit(f"could not write a distinct {topic} record for {country} {year}")

    def _choose_template(self, country: str, topic: str, lang: str) -> tuple[tuple, Tpl]:
        options = self.templates(country, topic, lang)
        if not options:
            raise SystemExit(f"no {lang} template for {topic} in {country}")
        least = min(self.usage[key] for key, _ in options)
        key, tpl = self.rng.choice([(k, t) for k, t in options if self.usage[k] == least])
        return key, tpl

    def _attempt(
        self,
        country,
        year,
        topic,
        lang,
        *,
        tpl,
        facts,
        window,
        exact,
        kinds,
        src,
        attempt,
        sensitivity,
    ):
        rng = self.rng
        if tpl is None:
            key, chosen = self._choose_template(country, topic, lang)
        else:
            key, chosen = tpl
        if facts is None and chosen.period:
            kinds = PERIOD_DATE_KINDS if window is None else TIP_PERIOD_DATE_KINDS
        own_facts = facts or Facts(self.make_event(year, window, exact, kinds, long=chosen.period))
        sensitivity = sensitivity or weighted(rng, topic_sensitivity(topic))
        source = src or self.pick_source(country, lang, topic)
        event = own_facts.event
        received = self.received(event, year)
        c = Ctx(
            self,
            country,
            year,
            lang,
            source,
            own_facts,
            rng,
            confidential=sensitivity == "confidential",
        )
        title, summary = chosen.fn(c)
        if lang == "en" and source.kind == "government" and "organisation" in summary:
            # A ministry does not write "the organisation documented": another source.
            self._no_government = True
            return None
        summary = clean(summary, lang)
        # A submission that does not say when (or repeats another's opening) says when it
        # was sent: "In a submission dated 4 May, police ...".
        if attempt > 0 or (event.kind == "none" and rng.random() < 0.5):
            summary = with_prefix(rng, summary, lang, received, source.kind)
        base = sentences(summary)
        budget = 4 - base - (1 if c.confidential else 0)
        joiner = "" if lang == "zh" else " "
        options = tails(c, topic)
        if (
            options
            and budget >= 1
            and len(c.persons) <= 1
            and rng.random() < (0.65 if base <= 2 else 0.25)
        ):
            summary = summary + joiner + rng.choice(options)()
        if c.confidential:
            summary = summary + joiner + confidential_detail(c)
        summary = clean(summary, lang)
        if lang == "en":
            we = WE[source.kind]
            summary = summary.replace("The organisation", cap(we)).replace("the organisation", we)
            if rng.random() < 0.3:
                summary = QUOTED.sub(r"*\1*", summary, count=1)
        if sentences(summary) > 4:
            raise SystemExit(f"too many sentences ({topic}, {lang}): {summary}")
        if not self._distinct(summary):
            return None
        if (
            self.rng.random() < 0.5
            and source.kind in ("defender", "journalist")
            and len(c.persons) <= 2
        ):
            self.consents[INDIVIDUAL_CONSENT[source.name]] += 1
            c.persons.append(
                {
                    "name": source.name,
                    "role": "source",
                    "consent": INDIVIDUAL_CONSENT[source.name],
                    "group": "human rights defender" if source.kind == "defender" else "journalist",
                }
            )
        self.usage[key] += 1
        data = {
            "country": country,
            "year": year,
            "event_date": event.iso(),
            "location": c.location,
            "title": clean(title, lang),
            "summary": summary,
            "language": RECORD_LANG_TAG[lang],
            "categories": list(dict.fromkeys(chosen.cats)),
            "source": {"name": source.name, "kind": source.kind, "reliability": source.reliability},
            "credibility": self.credibility(source),
            "citation": citation(rng, source, lang, received, year),
            "persons": c.persons,
            "figures": c.figures,
            "sensitivity": sensitivity,
            "received": received.isoformat(),
        }
        row = Row(data, topic, event.start, own_facts)
        self.rows.append(row)
        return row

    def _distinct(self, summary: str) -> bool:
        """No summary's opening (what tests look for) may appear in another summary."""
        head = summary[:60]
        for row in self.rows:
            other = row.data["summary"]
            if head in other or other[:60] in summary:
                return False
        return True

    # -- the plan ----------------------------------------------------------------
    def sensitivities(self, slots: list) -> list[str]:
        """Exact shares per country and year; sensitive topics are likelier to be confidential.

        The records written out in full (figures, laws, demography) are all public, so
        the planned ones carry a little more than the overall target of 55/35/10.
        """
        n = len(slots)
        confidential, restricted = round(n * 0.11), round(n * 0.385)

        def key(slot) -> float:
            topic = slot[0]
            if topic == "religion.us-engagement":
                return -1.0
            return self.rng.random() + (0.45 if topic in SENSITIVE_TOPICS else 0.0)

        keys = [key(slot) for slot in slots]
        order = sorted(range(n), key=lambda i: -keys[i])
        out = ["public"] * n
        for rank, i in enumerate(order):
            if rank < confidential:
                out[i] = "confidential"
            elif rank < confidential + restricted:
                out[i] = "restricted"
        return out

    def plan(self, country: str, year: int) -> list[tuple[str, tuple | None]]:
        counts = dict(PLAN)
        for topic, extra in PLAN_EXTRA[country].items():
            counts[topic] += extra
        slots: list[tuple[str, tuple | None]] = []
        windows = [(date(year, 1, 1), date(year, 3, 31)), (date(year, 4, 1), date(year, 12, 31))]
        tip_index = 0
        for topic, n in counts.items():
            for _ in range(n):
                window = None
                if topic in TIP_TOPICS:
                    window = windows[tip_index % 2]
                    tip_index += 1
                slots.append((topic, window))
        self.rng.shuffle(slots)
        return slots

    def assign_languages(self, country: str, slots: list) -> list[str]:
        target = LANG_TARGET[country]
        counts: Counter = Counter()
        out = []
        for total, (topic, _) in enumerate(slots):
            avail = self.languages(country, topic)

            def score(lang: str, total: int = total) -> float:
                return target[lang] * (total + 1) - counts[lang] + self.rng.random() * 0.4

            best = max(avail, key=score)
            counts[best] += 1
            out.append(best)
        return out

    def build(self) -> list[dict]:
        for country in COUNTRY_NAMES:
            for year in YEARS:
                slots = self.plan(country, year)
                langs = self.assign_languages(country, slots)
                levels = self.sensitivities(slots)
                for (topic, window), lang, level in zip(slots, langs, levels, strict=True):
                    kinds = TIP_DATE_KINDS if window else DEFAULT_DATE_KINDS
                    self.record(
                        country, year, topic, lang, window=window, kinds=kinds, sensitivity=level
                    )
        self.twins()
        special_records(self)
        return self.finish()

    def twins(self) -> None:
        for country, year, label, (first, second) in TWINS:
            found = {}
            for (topic, lang), tpls in TEMPLATES.items():
                for i, t in enumerate(tpls):
                    if t.twin == label and t.only in (None, country):
                        found[lang] = (topic, ((topic, lang, i), t))
            topic, tpl = found[first]
            row = self.record(country, year, topic, first, tpl=tpl)
            facts = row.facts
            topic2, tpl2 = found[second]
            used = row.data["source"]["name"]
            for _ in range(20):
                src = self.pick_source(country, second, topic2)
                if src.name != used:
                    break
            self.record(country, year, topic2, second, tpl=tpl2, facts=facts, src=src)

    def finish(self) -> list[dict]:
        def order(row: Row) -> tuple:
            d = row.data
            return (d["country"], d["year"], d["event_date"] or "9999", d["received"], d["summary"])

        self.rows.sort(key=order)
        numbers: Counter = Counter()
        for row in self.rows:
            d = row.data
            numbers[(d["country"], d["year"])] += 1
            d["id"] = f"{d['country']}-{d['year']}-{numbers[(d['country'], d['year'])]:04d}"
        for country, year, topic, sections in SECTION_TARGETS:
            matches = [
                r
                for r in self.rows
                if r.data["country"] == country
                and r.data["year"] == year
                and r.topic == topic
                and not r.data.get("sections")
            ]
            # Prefer a public record, so the target shows in public drafts too.
            row = next((r for r in matches if r.data["sensitivity"] == "public"), matches[0])
            row.data["sections"] = sections
        return [tidy(r.data) for r in self.rows]


FIELD_ORDER = (
    "id",
    "country",
    "year",
    "event_date",
    "location",
    "title",
    "summary",
    "language",
    "categories",
    "sections",
    "source",
    "credibility",
    "citation",
    "persons",
    "figures",
    "sensitivity",
    "received",
)


def tidy(data: dict) -> dict:
    """The record as JSON: fields in the model's order, empty ones left out."""
    return {k: data[k] for k in FIELD_ORDER if data.get(k) not in (None, [], {})}
