"""Benchmark: name protection grows with text length, not with mentions times names.

Prints, from one run on one machine:

* a country whose record texts hold 60,000 mentions of unconsented people,
  compiled to HTML (select, build, render), against the same country with
  texts of the same length that name nobody (aim: at most 2x);
* the protection alone on the same texts (``Protection`` built once, then
  every record made safe), per mention;
* a 20,000-record country compiled to HTML, with how much of it selection
  (where protection runs) takes.

Usage: python benchmarks/scrub.py [--mentions N] [--records N]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

from hrdraft.build import BuildRequest
from hrdraft.ingest import ingest_paths
from hrdraft.outline import calendar_year
from hrdraft.pipeline import build_from_store
from hrdraft.plugins import Plugins, load_plugins
from hrdraft.render import Renderer
from hrdraft.select import Protection, select_records
from hrdraft.store import open_store
from hrdraft.store import records as stored_records

FIRST = "Ana Marta Luis Elena Ramón Diego Sofia Karim Hugo Amira Tomas Odile Sven Lena".split()
LAST = "Ruiz Quesada Castillo Varga Ortega Lindqvist Haddad Baptiste Berg Okafor".split()
WORDS = (
    "police detained members of the union during a peaceful protest in the district "
    "authorities said organisation had failed to register and officers beat them"
).split()


SYLLABLES = "ka ri mo ne sa to lu vi da ze fo gu ha ji pe".split()


def _people(n: int, rng: random.Random) -> list[str]:
    """`n` people with made-up surnames (so that there are many distinct names)."""
    return [
        f"{rng.choice(FIRST)} {''.join(rng.sample(SYLLABLES, 3)).capitalize()}{rng.choice(LAST)}"
        for _ in range(n)
    ]


def _records(n_records: int, mentions_each: int, named: bool, seed: int) -> list[dict]:
    """Records whose summaries mention their two people `mentions_each` times
    (or, `named` false, as many mentions of people nobody listed)."""
    rng = random.Random(seed)
    out = []
    for i in range(n_records):
        people = _people(2, rng)
        strangers = _people(2, random.Random(seed * 7919 + i))
        words: list[str] = []
        for k in range(mentions_each):
            words += rng.sample(WORDS, 4)
            # The control names people nobody protects: same text, same length.
            words.append(people[k % 2] if named else strangers[k % 2])
            words.append(rng.choice(("said.", "was held.", "left,", "and")))
        out.append(
            {
                "id": f"XA-{i:05d}",
                "country": "XA",
                "year": 2023,
                "event_date": f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}",
                "title": f"Detention {i}",
                "summary": " ".join(words),
                "categories": ["detention.arbitrary"],
                "source": {"name": "Veloria Rights Watch", "kind": "ngo", "reliability": "B"},
                "persons": [{"name": p, "role": "victim", "consent": "anonymous"} for p in people],
                "sensitivity": "public",
            }
        )
    return out


def _store(tmp: Path, name: str, records: list[dict], plugins: Plugins):
    path = tmp / f"{name}.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records), "utf-8")
    store = open_store(f"sqlite:///{tmp / name}.sqlite")
    ingest_paths(store, plugins, [path])
    return store


def _compile_html(store, plugins: Plugins) -> tuple[float, float, int]:
    """(whole compile to HTML, of which selection), HTML length."""
    request = BuildRequest("hrr", "XA", 2023, "public")
    t0 = time.perf_counter()
    select_records(store, "XA", calendar_year(2023), 2023, "public")
    t_select = time.perf_counter() - t0
    t0 = time.perf_counter()
    document, _ = build_from_store(store, plugins, request)
    html = Renderer(plugins.template_dirs).html(document)
    return time.perf_counter() - t0, t_select, len(html)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mentions", type=int, default=60_000)
    parser.add_argument("--records", type=int, default=20_000)
    args = parser.parse_args()
    plugins = load_plugins()
    with tempfile.TemporaryDirectory(prefix="hrdraft-scrub-") as tmp_name:
        tmp = Path(tmp_name)
        per_record = 100
        n = max(1, args.mentions // per_record)
        named = _records(n, per_record, True, seed=1)
        plain = _records(n, per_record, False, seed=1)
        chars = (sum(len(r["summary"]) for r in named), sum(len(r["summary"]) for r in plain))
        named_store = _store(tmp, "named", named, plugins)
        plain_store = _store(tmp, "plain", plain, plugins)
        _compile_html(plain_store, plugins)  # warm up: templates, the fold table
        # Best of three each, alternating: the machine is shared.
        runs = [(_compile_html(plain_store, plugins), _compile_html(named_store, plugins))]
        runs += [(_compile_html(plain_store, plugins), _compile_html(named_store, plugins))]
        runs += [(_compile_html(plain_store, plugins), _compile_html(named_store, plugins))]
        t_plain, s_plain, _ = min(r[0] for r in runs)
        t_named, s_named, _ = min(r[1] for r in runs)
        print(
            f"{n * per_record:,} mentions in {n:,} records ({chars[0]:,} characters; "
            f"control {chars[1]:,} naming nobody)"
        )
        print(f"  compile to HTML, naming nobody:   {t_plain:6.2f} s (selection {s_plain:.2f} s)")
        print(f"  compile to HTML, 60,000 mentions: {t_named:6.2f} s (selection {s_named:.2f} s)")
        print(f"  ratio: {t_named / t_plain:.2f}x (aim: at most 2x)")

        loaded = [
            r
            for r, _ in stored_records.current_revisions(
                named_store, "XA", calendar_year(2023), 2023, ("public",)
            )
        ]
        t0 = time.perf_counter()
        protection = Protection(loaded)
        t_build = time.perf_counter() - t0
        t0 = time.perf_counter()
        for r in loaded:
            protection.record(r)
        t_scrub = time.perf_counter() - t0
        print(
            f"  protection alone: matcher for {2 * n:,} people {t_build:.2f} s, "
            f"{n * per_record:,} mentions {t_scrub:.2f} s "
            f"({t_scrub / (n * per_record) * 1e6:.1f} µs a mention)"
        )

        big = _records(args.records, 2, True, seed=2)
        big_store = _store(tmp, "big", big, plugins)
        t_big, s_big, size = _compile_html(big_store, plugins)
        print(
            f"{args.records:,}-record country to HTML: {t_big:.2f} s "
            f"(selection with protection {s_big:.2f} s; HTML {size / 1e6:.1f} MB)"
        )


if __name__ == "__main__":
    main()
