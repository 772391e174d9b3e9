"""Benchmark: what tagging (PDF/UA-1) costs a ~100-page draft's PDF.

Renders the same HTML of one ~100-page HRR draft to PDF tagged (what
hrdraft writes) and untagged (WeasyPrint's plain PDF, as before tagging),
in turn, for a few rounds, and prints each side's median time and the file
sizes, with their ratios. Both sides are measured in the same run, on the
same HTML, after a warm-up render, so fonts and caches cost neither.

Usage: python benchmarks/accessibility.py [--records N] [--rounds N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import tempfile
import time
from pathlib import Path

from compile import generate  # the same generated records as the compile benchmark
from pypdf import PdfReader

from hrdraft.build import BuildRequest
from hrdraft.ingest import ingest_paths
from hrdraft.pipeline import build_from_store
from hrdraft.plugins import load_plugins
from hrdraft.render import CORE_TEMPLATES, Renderer
from hrdraft.render.pdf import html_to_pdf
from hrdraft.store import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=480, help="records in the draft")
    parser.add_argument("--rounds", type=int, default=3, help="renders of each kind")
    args = parser.parse_args()
    plugins = load_plugins()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        data = root / "records.jsonl"
        generate(data, args.records)
        store = open_store(f"sqlite:///{root / 'bench.sqlite'}")
        ingest_paths(store, plugins, [data])
        renderer = Renderer(plugins.template_dirs)
        document, _ = build_from_store(store, plugins, BuildRequest("hrr", "XA", 2023, "public"))
        html = renderer.html(document)
        store.dispose()

    def render(tagged: bool) -> bytes:
        return html_to_pdf(
            html,
            base_url=CORE_TEMPLATES.as_uri() + "/",
            fetcher=renderer.fetcher,
            tagged=tagged,
        )

    render(True)  # warm-up: fonts, caches
    times: dict[bool, list[float]] = {True: [], False: []}
    sizes: dict[bool, int] = {}
    for _ in range(args.rounds):
        for tagged in (False, True):  # in turn, so a slow spell of the machine hits both
            t0 = time.perf_counter()
            pdf = render(tagged)
            times[tagged].append(time.perf_counter() - t0)
            sizes[tagged] = len(pdf)
    pages = len(PdfReader(io.BytesIO(pdf)).pages)
    untagged, tagged = statistics.median(times[False]), statistics.median(times[True])
    print(f"draft: hrr XA 2023 from {args.records} records, {pages} pages, {args.rounds} rounds")
    print(f"untagged PDF (before):  {untagged:7.2f} s  {sizes[False] / 1e6:6.2f} MB")
    print(f"tagged PDF/UA-1 (now):  {tagged:7.2f} s  {sizes[True] / 1e6:6.2f} MB")
    print(f"time, tagged/untagged:  {tagged / untagged:7.2f}")
    print(f"size, tagged/untagged:  {sizes[True] / sizes[False]:7.2f}")
    rounds = ", ".join(f"{t / u:.2f}" for t, u in zip(times[True], times[False], strict=True))
    print(f"time ratio per round:   {rounds}")


if __name__ == "__main__":
    main()
