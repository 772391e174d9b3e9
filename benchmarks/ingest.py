"""Benchmark: ingesting JSON Lines, against raw sqlite3 inserts of the same rows.

Prints, from one run on one machine:

* hrdraft's ingest of N generated records (read, validate, hash, look up,
  seal, store records and revisions) against plain ``sqlite3`` reading the
  same file and inserting the same rows with ``executemany`` in one
  transaction: records/second for each and the ratio (aim: at least a
  third of the raw speed). The raw baseline parses lines with
  ``orjson.loads`` (what hrdraft's JSON Lines reader uses);
* the same ingest into a store opened without encryption (an internal
  switch for this benchmark only: same code, nothing sealed, hashes
  unkeyed), and the ratio of the encrypted ingest to it (aim: at least
  0.8). Shared machines are noisy, so the three are timed in turn for
  several rounds and the median of the rounds' ratios is reported, with
  each round's;
* peak memory (max RSS of a fresh process that only ingests) for two file
  sizes: it should not grow with the file.

Usage: python benchmarks/ingest.py [--records N] [--rounds R] [--memory-sizes 100000,400000]
       python benchmarks/ingest.py --records 5000 --rounds 1 --memory-sizes 5000,20000  # quick
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson

PROSE = (
    "police detained members of the union during a peaceful protest in the district "
    "authorities said the organisation had failed to register lawyers reported that "
    "detainees were denied access to counsel for several days the court adjourned "
    "the hearing without explanation journalists covering the event were questioned"
)
WORDS = PROSE.split(" ")
TEXTS = {
    "es": "La policía detuvo a miembros del sindicato durante una protesta pacífica.",
    "zh": "警方在和平抗议期间拘留了工会成员，律师称被拘留者数日无法会见律师。",
    "ar": "احتجزت الشرطة أعضاء في النقابة خلال احتجاج سلمي، "
    "وقال محامون إن المحتجزين حرموا من الاستعانة بمحام.",
}
CATEGORIES = (
    "detention.arbitrary",
    "torture",
    "assembly",
    "association",
    "expression.press",
    "defenders.attacks",
    "civic.surveillance",
    "trafficking.prosecution",
    "labor.child",
    "discrimination.women",
    "religion.societal",
    "corruption",
)
KINDS = ("ngo", "defender", "journalist", "media", "un", "academic")


def generate(path: Path, n: int, seed: int = 11) -> None:
    """n realistic records: two countries, several languages, persons, figures, dates."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            language = rng.choice(("en", "en", "en", "es", "zh", "ar"))
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            if language == "en":
                summary = " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 70)))
                summary = summary.capitalize() + "."
            else:
                summary = TEXTS[language]
            record: dict = {
                "id": f"BENCH-{i:07d}",
                "country": rng.choice(("XA", "XB")),
                "year": 2023,
                "event_date": rng.choice(
                    (f"2023-{month:02d}-{day:02d}", f"2023-{month:02d}", "2023-01/2023-06")
                ),
                "location": rng.choice(("Aldena", "San Caelo", "Palomares Norte", None)),
                "title": f"Report {i} on {rng.choice(CATEGORIES)}",
                "summary": summary,
                "language": language,
                "categories": rng.sample(CATEGORIES, rng.randint(1, 3)),
                "source": {
                    "name": f"Monitor {i % 37}",
                    "kind": rng.choice(KINDS),
                    "reliability": rng.choice("ABCDEF"),
                },
                "credibility": rng.randint(1, 6),
                "citation": {
                    "text": f"Monitor {i % 37}, bulletin {i}",
                    "url": f"https://example.org/b/{i}",
                },
                "persons": [
                    {
                        "name": f"Person {i}-{k}",
                        "role": rng.choice(("victim", "witness")),
                        "consent": rng.choice(("named", "anonymous", "anonymous", "withheld")),
                        "age": rng.randint(18, 80),
                    }
                    for k in range(rng.randint(0, 2))
                ],
                "sensitivity": rng.choice(("public", "restricted", "restricted", "confidential")),
                "received": f"2023-{month:02d}-{day:02d}",
            }
            if "trafficking.prosecution" in record["categories"]:
                record["figures"] = {
                    "investigations": rng.randint(0, 90),
                    "prosecutions": rng.randint(0, 40),
                }
            if record["location"] is None:
                del record["location"]
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def time_hrdraft(path: Path, workdir: Path, *, encrypted: bool = True) -> float:
    from hrdraft.ingest import ingest_file
    from hrdraft.plugins import load_plugins
    from hrdraft.store import open_store
    from hrdraft.store.engine import _open_unencrypted

    if encrypted:
        store = open_store(f"sqlite:///{workdir / 'hrdraft.sqlite'}")
    else:
        store = _open_unencrypted(f"sqlite:///{workdir / 'hrdraft-plain.sqlite'}")
    plugins = load_plugins()
    plugins.vocabulary  # noqa: B018 - loaded before the clock starts, as in a CLI run
    start = time.perf_counter()
    result = ingest_file(store, plugins, path)
    elapsed = time.perf_counter() - start
    store.dispose()
    assert result.quarantined == 0, [str(e) for e in result.errors[:3]]
    return elapsed


def time_raw(path: Path, workdir: Path, loads: Callable[[str], Any] = orjson.loads) -> float:
    """The floor: parse each line and insert it, no validation, no history."""
    conn = sqlite3.connect(workdir / f"raw-{loads.__module__}.sqlite")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute(
        "CREATE TABLE records (source_name TEXT, record_id TEXT, country TEXT, year INTEGER, "
        "data TEXT, UNIQUE (source_name, record_id))"
    )
    start = time.perf_counter()
    with path.open(encoding="utf-8") as f, conn:
        rows = []
        for line in f:
            r = loads(line)
            rows.append((r["source"]["name"], r["id"], r["country"], r["year"], line))
            if len(rows) == 1000:
                conn.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?)", rows)
                rows.clear()
        conn.executemany("INSERT INTO records VALUES (?, ?, ?, ?, ?)", rows)
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def peak_memory_mb(path: Path, workdir: Path) -> float:
    """Max RSS of a fresh process that ingests `path` into a fresh store."""
    out = subprocess.run(
        [sys.executable, __file__, "--child", str(path), str(workdir)],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.strip())


def child(path: Path, workdir: Path) -> None:
    time_hrdraft(path, workdir)
    # Linux reports ru_maxrss in KiB.
    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--memory-sizes",
        default="100000,400000",
        help="comma-separated record counts for the peak-memory runs ('' to skip)",
    )
    parser.add_argument("--child", nargs=2, metavar=("FILE", "DIR"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(Path(args.child[0]), Path(args.child[1]))
        return

    with tempfile.TemporaryDirectory(prefix="hrdraft-bench-") as tmp:
        tmp_path = Path(tmp)
        data = tmp_path / "records.jsonl"
        generate(data, args.records)
        size_mb = data.stat().st_size / 1e6
        n = args.records
        rounds = []
        for i in range(args.rounds):
            run = tmp_path / f"round-{i}"
            run.mkdir()
            rounds.append(
                (
                    time_raw(data, run),
                    time_hrdraft(data, run, encrypted=False),
                    time_hrdraft(data, run),
                )
            )
        raw = statistics.median(r[0] for r in rounds)
        plain = statistics.median(r[1] for r in rounds)
        ours = statistics.median(r[2] for r in rounds)
        ratio = statistics.median(r[0] / r[2] for r in rounds)
        sealed = statistics.median(r[1] / r[2] for r in rounds)
        print(f"ingest of {n:,} records from JSON Lines ({size_mb:.0f} MB), {args.rounds} round(s)")
        print(f"  raw sqlite3 executemany (orjson.loads) : {n / raw:>9,.0f} records/s (median)")
        print(f"  hrdraft ingest, without encryption     : {n / plain:>9,.0f} records/s (median)")
        print(f"  hrdraft ingest, encrypted (as shipped) : {n / ours:>9,.0f} records/s (median)")
        print(
            f"  ratio hrdraft / raw: {ratio:.2f} (median; rounds: "
            + ", ".join(f"{r[0] / r[2]:.2f}" for r in rounds)
            + "); aim: at least 0.33"
        )
        print(
            f"  ratio encrypted / unencrypted: {sealed:.2f} (median; rounds: "
            + ", ".join(f"{r[1] / r[2]:.2f}" for r in rounds)
            + "); aim: at least 0.8"
        )

        sizes = [int(s) for s in args.memory_sizes.split(",") if s.strip()]
        if sizes:
            print("peak memory of an ingest process (max RSS)")
        baseline = None
        for count in sizes:
            path = tmp_path / f"mem-{count}.jsonl"
            generate(path, count)
            run_dir = tmp_path / f"m{count}"
            run_dir.mkdir()
            mb = peak_memory_mb(path, run_dir)
            baseline = baseline or mb
            print(
                f"  {count:>9,} records ({path.stat().st_size / 1e6:5.0f} MB file): "
                f"{mb:6.0f} MB  ({mb / baseline:.2f}x the first size)"
            )
            path.unlink()


if __name__ == "__main__":
    main()
