#!/usr/bin/env python3
"""Generate the bundled sample records: compiler/sample/records.jsonl and countries.yaml.

The sample is entirely fictional: two made-up countries with ISO 3166-1
user-assigned codes (XA, XB), made-up places, organisations, officials and
people. It is what `hrdraft demo` compiles and what many tests run on.

Deterministic: a fixed seed, no clock, no set iteration, so every run writes
the same bytes. Run from the repository root:

    .venv/bin/python tools/make_sample.py           # write the files
    .venv/bin/python tools/make_sample.py --check   # fail if they are out of date

Every record is validated against hrdraft.records.Record with the shipped
vocabulary; any invalid record stops the run with its errors. The generator
also checks the properties tests rely on (coverage, unique ids, unconsented
names only where the record lists the person, distinctive confidential text).

The code lives in the package sample/ beside this script: the prose templates,
one module per language, and the machinery that draws from them. The literal
tables and the records written out in full are YAML files in sample/data/.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# tools/ is not an installed package: make sample/ importable however this is run.
HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)

from sample.checks import check, validate  # noqa: E402
from sample.generator import Generator  # noqa: E402
from sample.output import render, render_countries, stats  # noqa: E402
from sample.settings import COUNTRIES_FILE, OUT_DIR, RECORDS_FILE, ROOT  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write; fail if the files differ from what would be written",
    )
    parser.add_argument("--stats", action="store_true", help="print counts")
    args = parser.parse_args(argv)

    records = Generator().build()
    validate(records)
    check(records)
    outputs = {RECORDS_FILE: render(records), COUNTRIES_FILE: render_countries()}
    if args.check:
        stale = [
            p
            for p, text in outputs.items()
            if not p.exists() or p.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(f"out of date: {path.relative_to(ROOT)}", file=sys.stderr)
        return 1 if stale else 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(records)} records to {RECORDS_FILE.relative_to(ROOT)}")
    if args.stats:
        print(stats(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
