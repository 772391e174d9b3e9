"""Benchmark: compiling a ~100-page draft, against WeasyPrint alone.

Prints, from one run on one machine:

* hrdraft's whole compile (select, classify, build, save version, HTML, PDF)
  against WeasyPrint alone rendering the same final HTML: the overhead of
  everything that is not PDF layout (aim: under 10%);
* an unchanged recompile against the first compile (aim: at least 50 times
  faster), since nothing changed and nothing needs rendering;
* hrdraft's own work again on a store opened without encryption (an
  internal switch for benchmarks only), so what opening sealed records
  and sealing the version costs shows beside it;
* every country of a generated corpus (``--countries``, 20 by default)
  compiled to HTML and PDF with ``jobs=1`` and with ``jobs=2``, from two
  copies of one store, and the speedup of the second over the first.

Usage: python benchmarks/compile.py [--records N] [--countries N] [--per-country N]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import shutil
import tempfile
import time
from pathlib import Path

from pypdf import PdfReader

from hrdraft.build import BuildRequest
from hrdraft.history.versions import find_by_fingerprint, load_version, save_version
from hrdraft.ingest import ingest_paths
from hrdraft.pipeline import build_from_store, compile_draft, compile_drafts
from hrdraft.plugins import Plugins, load_plugins
from hrdraft.records import load_vocabulary_file
from hrdraft.render import Renderer
from hrdraft.store import open_store
from hrdraft.store.engine import _open_unencrypted
from hrdraft.vocabulary import VOCABULARY_FILE

WORDS = (
    "police",
    "detained",
    "members",
    "of",
    "the",
    "union",
    "during",
    "a",
    "peaceful",
    "protest",
    "in",
    "the",
    "district",
    "authorities",
    "said",
    "the",
    "organisation",
    "had",
    "failed",
    "to",
    "register",
    "lawyers",
    "reported",
    "that",
    "detainees",
    "were",
    "denied",
    "access",
    "to",
    "counsel",
    "for",
    "several",
    "days",
    "the",
    "court",
    "adjourned",
    "the",
    "hearing",
    "without",
    "explanation",
    "journalists",
    "covering",
    "the",
    "event",
    "were",
    "questioned",
)


# ISO 3166-1 user-assigned codes: no real country will ever have them.
USER_ASSIGNED = (
    "AA",
    *(f"Q{c}" for c in "MNOPQRSTUVWXYZ"),
    *(f"X{c}" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
    "ZZ",
)


def generate(path: Path, n: int, seed: int = 7, countries: tuple[str, ...] = ("XA",)) -> None:
    """n public records for each of `countries`, 2023, across every category of the vocabulary."""
    rng = random.Random(seed)
    categories = [c.id for c in load_vocabulary_file(VOCABULARY_FILE)]
    with path.open("w", encoding="utf-8") as f:
        for i, country in ((i, c) for c in countries for i in range(n)):
            month, day = rng.randint(1, 12), rng.randint(1, 28)
            summary = " ".join(rng.choice(WORDS) for _ in range(rng.randint(60, 110)))
            record = {
                "id": f"BENCH-{country}-{i:05d}",
                "country": country,
                "year": 2023,
                "event_date": f"2023-{month:02d}-{day:02d}",
                "title": f"Report {i}",
                "summary": summary.capitalize() + ".",
                "categories": [rng.choice(categories)],
                "source": {"name": f"Monitor {i % 17}", "kind": "ngo", "reliability": "B"},
                "citation": {"text": f"Monitor {i % 17}, bulletin {i}"},
                "sensitivity": "public",
            }
            f.write(json.dumps(record) + "\n")


def parallel(plugins: Plugins, countries: int, per_country: int) -> None:
    """Every country at jobs=1, then at jobs=2, each from its own copy of one store."""
    codes = USER_ASSIGNED[:countries]
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = root / "corpus.jsonl"
        generate(data, per_country, seed=11, countries=codes)
        store = open_store(f"sqlite:///{root / 'corpus.sqlite'}")
        ingest_paths(store, plugins, [data])
        store.dispose()
        renderer = Renderer(plugins.template_dirs)
        requests = [BuildRequest("hrr", code, 2023, "public") for code in codes]
        timings = {}
        for jobs in (1, 2):
            db = root / f"jobs{jobs}.sqlite"
            shutil.copy(root / "corpus.sqlite", db)
            shutil.copy(root / "corpus.key", db.with_suffix(".key"))  # the store's key
            copy = open_store(f"sqlite:///{db}")
            t0 = time.perf_counter()
            results = compile_drafts(
                copy, plugins, renderer, requests, out_dir=root / f"out{jobs}", jobs=jobs
            )
            timings[jobs] = time.perf_counter() - t0
            assert len(results) == len(codes) and all(r.new_version for r in results)
            copy.dispose()
    print(f"\ncorpus: {len(codes)} countries x {per_country} records, hrr 2023, HTML and PDF each")
    print(f"compile every country, jobs=1:                 {timings[1]:8.2f} s")
    print(f"compile every country, jobs=2:                 {timings[2]:8.2f} s")
    print(f"speedup of jobs=2 over jobs=1:                 {timings[1] / timings[2]:8.2f} x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=480, help="records in the draft")
    parser.add_argument("--countries", type=int, default=20, help="countries in the corpus")
    parser.add_argument("--per-country", type=int, default=30, help="records per country")
    args = parser.parse_args()
    plugins = load_plugins()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = root / "records.jsonl"
        generate(data, args.records)
        store = open_store(f"sqlite:///{root / 'bench.sqlite'}")
        ingest_paths(store, plugins, [data])
        renderer = Renderer(plugins.template_dirs)
        request = BuildRequest("hrr", "XA", 2023, "public")
        # Warm up fonts and caches, so neither side pays for loading them.
        renderer.write_pdf(renderer.html(build_from_store(store, plugins, request)[0]))

        t0 = time.perf_counter()
        first = compile_draft(store, plugins, renderer, request, out_dir=root / "out")
        compile_s = time.perf_counter() - t0

        html = first.files[0].read_text(encoding="utf-8")
        t0 = time.perf_counter()
        pdf = renderer.write_pdf(html)
        weasy_s = time.perf_counter() - t0

        # hrdraft's own share, timed by itself: PDF layout varies by a few
        # percent run to run, more than everything else hrdraft does.
        t0 = time.perf_counter()
        document, _ = build_from_store(store, plugins, request)
        renderer.html(document)
        own_s = time.perf_counter() - t0

        t0 = time.perf_counter()
        again = compile_draft(store, plugins, renderer, request, out_dir=root / "out")
        recompile_s = time.perf_counter() - t0
        assert not again.new_version and not again.rendered
        own_sealed, own_plain = [], []
        plain = _open_unencrypted(f"sqlite:///{root / 'plain.sqlite'}")
        ingest_paths(plain, plugins, [data])
        for _ in range(5):  # in turn, the fastest of five: both are well under a second
            for target, times in ((store, own_sealed), (plain, own_plain)):
                t0 = time.perf_counter()
                document, _ = build_from_store(target, plugins, request)
                renderer.html(document)
                save_version(target, document, fingerprint="bench")
                load_version(target, find_by_fingerprint(target, "bench").id)
                times.append(time.perf_counter() - t0)
        plain.dispose()
        store.dispose()

    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    print(f"draft: hrr XA 2023 from {args.records} records, {pages} pages")
    print(f"hrdraft compile (build + version + HTML + PDF): {compile_s:8.2f} s")
    print(f"WeasyPrint alone on the same HTML:              {weasy_s:8.2f} s")
    print(
        f"overhead of hrdraft over WeasyPrint:            {100 * (compile_s / weasy_s - 1):7.1f} %"
    )
    print(f"hrdraft's own work (select to build + HTML):    {own_s:8.2f} s")
    print(f"  as a share of WeasyPrint's time:              {100 * own_s / weasy_s:7.1f} %")
    print(f"own work + saving and loading a version:        {min(own_sealed):8.3f} s")
    print(f"  the same on a store without encryption:       {min(own_plain):8.3f} s")
    print(
        f"  encryption's share:                           "
        f"{100 * (min(own_sealed) / min(own_plain) - 1):7.1f} %"
    )
    print(f"unchanged recompile:                            {recompile_s:8.3f} s")
    print(f"first compile / unchanged recompile:            {compile_s / recompile_s:7.0f} x")
    parallel(plugins, min(args.countries, len(USER_ASSIGNED)), args.per_country)


if __name__ == "__main__":
    main()
