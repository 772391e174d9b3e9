"""The review loop on the bundled sample, command by command: what a chapter goes through.

    .venv/bin/python tools/review_loop.py [--out DIR]

An officer compiles HRR 2024 for XA; a reviewer edits the Markdown export
(rewords one paragraph, deletes one) and imports it; a second reviewer edits
the Word export with Track Changes on (a tracked word change and a comment)
and imports it; new and revised records arrive; the officer recompiles, and
the compile merges the reviewers' edits with the new text from the records,
flagging the one paragraph both changed; the reviewer resolves it in the
Markdown export (their wording, the record's new figure) and imports it; the
version is put in review and cleared; the Word redline between the first
compile and the cleared version is written and, where LibreOffice is
installed, opened and converted to PDF with its tracked changes.

Every step is the real `hrdraft` command, printed before it runs. The
reviewers' edits are made by this script (the Markdown with plain text
replacement, the Word file as Word writes tracked changes: see
tools/word_reviewer.py), standing in for the people. Everything is written
under DIR (default ./hrdraft-review-loop), the store included.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from word_reviewer import Reviewer

from hrdraft.testing import SAMPLE_DIR

DRAFT = ("--country", "XA", "--year", "2024")
# The sample's wording the reviewers change (HRR 2024, XA, public).
REWORD = (
    "The NGO Free Press Esterra reported that between 18 April",
    "Free Press Esterra, an NGO, reported that between 18 April",
)
DELETE = "Quilla Yarrowby, a member of the National Assembly"
WORD_EDIT = ("barred informal waste pickers", "barred informal waste pickers", "barred")
COMMENT = ("informal waste pickers", "Please confirm the date of the ban with the ministry.")


def _sample(record_id: str) -> dict:
    for line in (SAMPLE_DIR / "records.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == record_id:
            return record
    raise KeyError(record_id)


def _resolve(markdown: str) -> str:
    """The export with its one conflict replaced by the reviewer's text, updated to the record.

    What a reviewer does by hand: keep their own wording (the ``::: reviewer``
    block), take the revised record's new fact ("five days"), and delete the
    other text and every ``:::`` line of the conflict.
    """
    lines = markdown.split("\n")
    start = next(i for i, line in enumerate(lines) if line.startswith("::: conflict"))
    fences = [i for i in range(start + 1, len(lines)) if lines[i].startswith(":::")]
    # ::: reviewer, its closing :::, ::: records, its closing :::, the conflict's :::
    reviewer_open, reviewer_close, _, _, end = fences[:5]
    kept = lines[reviewer_open + 1 : reviewer_close]
    kept = [line.replace("three days", "five days") for line in kept]
    return "\n".join([*lines[:start], *kept, *lines[end + 1 :]])


class Loop:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.db = out / "hrdraft.sqlite"

    def hrdraft(self, *args: str, expect: tuple[int, ...] = (0,), quiet: bool = False) -> str:
        shown = " ".join(shlex.quote(a) for a in ("hrdraft", *args))
        if not quiet:
            print(f"\n$ {shown}", flush=True)
        done = subprocess.run(
            [sys.executable, "-m", "hrdraft", "--db", str(self.db), *args],
            capture_output=True,
            text=True,
            env={**os.environ, "COLUMNS": "100"},
        )
        if not quiet:
            print((done.stdout + done.stderr).rstrip())
        if done.returncode not in expect:
            raise SystemExit(f"`{shown}` exited {done.returncode}")
        return done.stdout

    def newest(self) -> int:
        rows = json.loads(self.hrdraft("versions", "list", "--country", "XA", "--json", quiet=True))
        return max(r["id"] for r in rows)


def _say(text: str) -> None:
    print(f"\n== {text}", flush=True)


def run(out: Path) -> dict[str, object]:
    """Walk the loop under `out`; return what a caller (the test) checks."""
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True, mode=0o700)
    review = out / "review"
    review.mkdir()
    loop = Loop(out)
    got: dict[str, object] = {}

    _say("1. The officer ingests the sample and compiles HRR 2024 for XA")
    loop.hrdraft("ingest", str(SAMPLE_DIR / "records.jsonl"))
    compile_ = ("compile", "hrr", *DRAFT, "--format", "html,docx", "--out", str(out / "drafts"))
    loop.hrdraft(*compile_, "--author", "A. Officer")
    first = loop.newest()

    _say("2. A reviewer edits the Markdown export and imports it")
    md = review / f"v{first}.md"
    loop.hrdraft("export", str(first), "--format", "md", "--out", str(md))
    text = md.read_text(encoding="utf-8").replace(*REWORD)
    deleted = next(line for line in text.splitlines() if DELETE in line)
    md.write_text(text.replace(deleted + "\n\n", ""), encoding="utf-8")
    loop.hrdraft("versions", "import", str(md), "--author", "J. Doe", "--message", "Wording")
    markdown_v = loop.newest()

    _say("3. A second reviewer edits the Word export with Track Changes on and imports it")
    docx = review / f"v{markdown_v}.docx"
    loop.hrdraft("export", str(markdown_v), "--format", "docx", "--out", str(docx))
    word = Reviewer(docx)
    word.replace(WORD_EDIT[0], WORD_EDIT[2], "banned")
    word.comment(*COMMENT)
    edited = word.save(review / f"v{markdown_v}-reviewed.docx")
    loop.hrdraft(
        "versions", "import", str(edited), "--author", "R. Reviewer", "--message", "Word edits"
    )
    word_v = loop.newest()

    _say("4. New and revised records arrive")
    rapper, heat = _sample("XA-2024-0044"), _sample("XA-2024-0036")
    rapper["summary"] = rapper["summary"].replace("three days", "five days")  # reworded above too
    heat["summary"] = heat["summary"].replace("12 deaths", "14 deaths")
    new = {
        "id": "XA-2024-0900", "country": "XA", "year": 2024, "event_date": "2024-06-03",
        "title": "Garment workers locked in",
        "summary": "On 3 June, a garment factory in Calvio locked 60 workers inside during an "
        "unannounced night shift to meet an export order.",
        "language": "en", "categories": ["labor.conditions"],
        "source": {"name": "Esterra Rights Watch", "kind": "ngo", "reliability": "B"},
        "credibility": 2, "sensitivity": "public", "received": "2024-06-10",
    }  # fmt: skip
    more = review / "more-records.jsonl"
    more.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (rapper, heat, new)))
    loop.hrdraft("ingest", str(more))

    _say("5. The officer recompiles: the reviewers' edits are carried onto the new text")
    got["compile"] = loop.hrdraft(*compile_, "--author", "A. Officer")
    merged = loop.newest()
    got["conflicts"] = loop.hrdraft("versions", "conflicts", str(merged))

    _say("6. The reviewer resolves the conflict in the Markdown: their wording, the new figure")
    md = review / f"v{merged}.md"
    loop.hrdraft("export", str(merged), "--format", "md", "--out", str(md))
    md.write_text(_resolve(md.read_text(encoding="utf-8")), encoding="utf-8")
    loop.hrdraft("versions", "import", str(md), "--author", "J. Doe", "--message", "Resolved")
    resolved = loop.newest()

    _say("7. In review, then cleared")
    loop.hrdraft("review", "start", str(resolved), "--author", "C. Clearer")
    loop.hrdraft(
        "review", "clear", str(resolved), "-m", "Cleared for the bureau", "--author", "C. Clearer"
    )
    got["versions"] = loop.hrdraft("versions", "list", "--country", "XA")

    _say("8. The Word redline from the first compile to the cleared version")
    redline = out / f"redline-v{first}-v{resolved}.docx"
    loop.hrdraft("diff", str(first), str(resolved), "--format", "docx", "--out", str(redline))
    loop.hrdraft(
        "diff",
        str(first),
        str(resolved),
        "--format",
        "html",
        "--out",
        str(redline.with_suffix(".html")),
    )
    with zipfile.ZipFile(redline) as z:
        body = z.read("word/document.xml").decode()
    got["tracked"] = (body.count("<w:ins "), body.count("<w:del "))
    ins, dels = got["tracked"]
    print(f"\nThe redline holds {ins} tracked insertions and {dels} deletions.")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice:
        with tempfile.TemporaryDirectory() as profile:
            subprocess.run(
                [soffice, f"-env:UserInstallation=file://{profile}", "--headless",
                 "--convert-to", "pdf", "--outdir", str(out), str(redline)],
                check=True, capture_output=True, timeout=300,
            )  # fmt: skip
        got["pdf"] = redline.with_suffix(".pdf")
        print(f"LibreOffice opened it and wrote {redline.with_suffix('.pdf')}.")
    else:
        print("LibreOffice is not installed: open the .docx in Word or LibreOffice to see it.")
    got.update(first=first, markdown=markdown_v, word=word_v, merged=merged, resolved=resolved)
    print(
        f"\nEverything is under {out}: the store, the drafts, the reviewers' files, the redlines."
    )
    return got


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("hrdraft-review-loop"))
    run(parser.parse_args().out)


if __name__ == "__main__":
    main()
