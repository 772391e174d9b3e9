"""The reviewer's edits carried onto a new compile, through the real CLI on the bundled sample.

compile → export md → edit (reword one paragraph, delete one, move one) →
import → ingest a new record and revised ones → compile: a merged version
with the reviewer's rewording, deletion and move, the new record's
paragraph, the revised record's new text where the reviewer did not edit,
and exactly one conflict (the record whose paragraph the reviewer reworded
was revised too); `versions conflicts`; the Markdown export refuses to
import until resolved; `versions resolve`; an unchanged recompile makes
nothing new. And do no harm holds through the merge.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hrdraft.cli import cli
from hrdraft.document import Conflict, Report
from hrdraft.history.versions import list_versions, load_version
from hrdraft.store import Store
from hrdraft.testing import SAMPLE_DIR

COMPILE = ("compile", "hrr", "--country", "XA", "--year", "2024", "--format", "html,md")
RAPPER = "The NGO Free Press Esterra reported that between 18 April"
REWORDED = "Free Press Esterra, an NGO, reported that between 18 April"
HEAT = "the outlet documented 12 deaths of migrant construction workers"
NEW_RECORD = "a garment factory in Calvio locked 60 workers inside"

Run = Callable[..., Result]


def sample(record_id: str) -> dict:
    for line in (SAMPLE_DIR / "records.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record["id"] == record_id:
            return record
    raise KeyError(record_id)


@pytest.fixture
def run(hrdraft_sample_store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.chdir(tmp_path)
    db = hrdraft_sample_store.url

    def invoke(*args: str, code: int = 0) -> Result:
        result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
        assert result.exit_code == code, result.output
        return result

    return invoke


def ingest(run: Run, path: Path, *records: dict) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    run("ingest", str(path))


def paragraph_line(text: str, needle: str) -> str:
    return next(line for line in text.splitlines() if needle in line)


def edit_export(run: Run, version: int, path: Path, edit: Callable[[str], str]) -> None:
    run("export", str(version), "--format", "md", "--out", str(path))
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")


def blocks(report: Report, section: str) -> list:
    found = report.section(section)
    assert found is not None
    return list(found.blocks)


def texts(report: Report, section: str) -> list[str]:
    return [getattr(b, "text", "") for b in blocks(report, section)]


def reviewer_edits(text: str) -> str:
    """Reword the rapper's paragraph, delete the MP's, move the waste pickers' up in 2.b."""
    text = text.replace(RAPPER, REWORDED)
    deleted = paragraph_line(text, "Quilla Yarrowby, a member of the National Assembly")
    text = text.replace(deleted + "\n\n", "")
    moved = paragraph_line(text, "barred informal waste pickers")
    text = text.replace(moved + "\n\n", "")
    first = paragraph_line(text, "Orizon Minerals dismissed 34 workers")
    return text.replace(first, moved + "\n\n" + first)


def test_a_recompile_carries_the_reviewer_edits_onto_the_new_records(
    run: Run, hrdraft_sample_store: Store, tmp_path: Path
) -> None:
    store = hrdraft_sample_store
    run(*COMPILE)  # v1
    edit_export(run, 1, tmp_path / "xa.md", reviewer_edits)
    run("versions", "import", str(tmp_path / "xa.md"), "--author", "J. Doe", "--message", "Edits")

    # New and revised records: the rapper's (which the reviewer reworded) and the heat deaths.
    rapper, heat = sample("XA-2024-0044"), sample("XA-2024-0036")
    rapper["summary"] = rapper["summary"].replace("three days", "five days")
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
    ingest(run, tmp_path / "more.jsonl", rapper, heat, new)

    out = run(*COMPILE, "--author", "A. Officer").output
    versions = list_versions(store, country="XA", year=2024)
    assert [v.origin for v in versions] == ["compiled", "imported", "compiled", "merged"]
    merged_v = versions[-1]
    assert (merged_v.parent_id, merged_v.base_id, merged_v.theirs_id) == (2, 1, 3)
    assert merged_v.author == "A. Officer"
    flat = " ".join(out.split())
    assert "merged the reviewer's v2 with the new compile v3 → v4: 1 conflict" in flat
    assert "hrdraft versions conflicts 4" in flat

    _, merged = load_version(store, 4)
    press, workers = texts(merged, "2.a"), texts(merged, "2.b")
    assert not any("Quilla Yarrowby" in t for t in press)  # the reviewer's deletion
    assert "barred informal waste pickers" in workers[1]  # the move, kept
    assert any("14 deaths" in t for t in workers)  # records only: the new text
    assert not any("12 deaths" in t for t in workers)
    assert sum(NEW_RECORD in t for t in workers) == 1  # the new record's paragraph, once
    # After the paragraph the plugin puts before it.
    _, compiled = load_version(store, 3)
    placed = texts(compiled, "2.b")
    before = placed[next(i for i, t in enumerate(placed) if NEW_RECORD in t) - 1]
    assert workers[next(i for i, t in enumerate(workers) if NEW_RECORD in t) - 1] == before
    # Exactly one conflict, in 2.a, the reviewer's rewording against the revised record.
    conflicts = [b for s in merged.walk() for b in s.blocks if isinstance(b, Conflict)]
    assert len(conflicts) == 1
    (conflict,) = conflicts
    assert conflict in blocks(merged, "2.a")
    assert REWORDED in conflict.reviewer[0].text and "three days" in conflict.reviewer[0].text
    assert "five days" in conflict.records[0].text
    assert (conflict.reviewer_version, conflict.records_version) == (2, 3)
    assert not any(REWORDED in t or RAPPER in t for t in press)  # only inside the conflict

    # The drafts on disk are the merged version's, with both texts marked.
    html = (tmp_path / "out/XA/hrr-2024-public.html").read_text(encoding="utf-8")
    assert "Conflict 1 — reviewer's text (v2)" in html
    assert "Conflict 1 — new text from the records (v3)" in html
    assert "five days" in html and "Free Press Esterra, an NGO" in html
    draft_md = (tmp_path / "out/XA/hrr-2024-public.md").read_text(encoding="utf-8")
    assert "::: conflict 1" in draft_md and "based_on: 4" in draft_md

    listing = run("versions", "conflicts", "4").output
    assert "Conflict 1, in 2.a Freedom of the Press" in listing
    assert "reviewer's text (v2): Free Press Esterra, an NGO, reported" in listing
    assert "new text from the records (v3): The NGO Free Press Esterra reported" in listing
    rows = json.loads(run("versions", "conflicts", "4", "--json").output)
    assert [(r["id"], r["section"]) for r in rows] == [("1", "2.a")]

    # The export still holds the conflict: an import names the file and line.
    run("export", "4", "--format", "md", "--out", "v4.md")
    refused = run("versions", "import", "v4.md", "--author", "J. Doe", "--message", "m", code=2)
    lines = Path("v4.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(lines, 1) if t.startswith("::: conflict"))
    assert f"v4.md:{line}: conflict 1 is not resolved" in refused.output

    resolved = run("versions", "resolve", "4", "--take", "reviewer", "--author", "J. Doe")
    assert "Saved v5 (resolved, from v4)" in resolved.output
    v5, report5 = load_version(store, 5)
    assert v5.origin == "resolved" and v5.parent_id == 4 and v5.author == "J. Doe"
    assert not [b for s in report5.walk() for b in s.blocks if isinstance(b, Conflict)]
    assert any(REWORDED in t and "three days" in t for t in texts(report5, "2.a"))
    assert "v5 has no conflicts" in run("versions", "conflicts", "5").output
    run("versions", "resolve", "5", "--take", "records", code=2)

    # Recompiled with nothing changed: nothing new, and the resolved version is current.
    again = " ".join(run(*COMPILE).output.split())
    assert len(list_versions(store, country="XA", year=2024)) == 5
    assert "v5 (resolved) stays current" in again
    html = (tmp_path / "out/XA/hrr-2024-public.html").read_text(encoding="utf-8")
    assert "Conflict 1" not in html and "Free Press Esterra, an NGO" in html


def test_resolving_by_import_and_choosing_one_conflict(
    run: Run, hrdraft_sample_store: Store, tmp_path: Path
) -> None:
    """A further import resolves a conflict by hand; --conflict picks which to resolve."""
    run(*COMPILE)
    heat_line = "The midday work ban was not enforced on several sites."

    def edits(text: str) -> str:
        text = text.replace(RAPPER, REWORDED)
        return text.replace(heat_line, "The midday ban on work was not enforced on several sites.")

    edit_export(run, 1, tmp_path / "xa.md", edits)
    run("versions", "import", str(tmp_path / "xa.md"), "--author", "J. Doe", "--message", "m")
    rapper, heat = sample("XA-2024-0044"), sample("XA-2024-0036")
    rapper["summary"] = rapper["summary"].replace("three days", "five days")
    heat["summary"] = heat["summary"].replace("12 deaths", "14 deaths")
    ingest(run, tmp_path / "more.jsonl", rapper, heat)
    run(*COMPILE)
    _, merged = load_version(hrdraft_sample_store, 4)
    ids = [b.id for s in merged.walk() for b in s.blocks if isinstance(b, Conflict)]
    assert ids == ["1", "2"]
    run("versions", "resolve", "4", "--take", "records", "--conflict", "9", code=2)
    out = run("versions", "resolve", "4", "--take", "records", "--conflict", "2").output
    assert "1 conflict left" in out
    _, partly = load_version(hrdraft_sample_store, 5)
    assert [b.id for s in partly.walk() for b in s.blocks if isinstance(b, Conflict)] == ["1"]
    assert any("14 deaths" in t for t in texts(partly, "2.b"))

    # By hand: keep the reviewer's text, delete the other and the conflict's ::: lines.
    def keep_reviewer(text: str) -> str:
        lines = text.split("\n")
        start = lines.index("::: conflict 1")
        closes = [n for n in range(start, len(lines)) if lines[n] == ":::"]
        end = closes[2]  # the reviewer's side, the records' side, the conflict
        kept = paragraph_line("\n".join(lines[start:end]), REWORDED)
        return "\n".join([*lines[:start], kept, *lines[end + 1 :]])

    edit_export(run, 5, tmp_path / "v5.md", keep_reviewer)
    run("versions", "import", str(tmp_path / "v5.md"), "--author", "J. Doe", "--message", "ok")
    _, by_hand = load_version(hrdraft_sample_store, 6)
    assert not [b for s in by_hand.walk() for b in s.blocks if isinstance(b, Conflict)]
    assert any(REWORDED in t for t in texts(by_hand, "2.a"))


def test_the_reviewer_text_cannot_bring_back_an_unconsented_name_or_a_withdrawn_passage(
    run: Run, hrdraft_sample_store: Store, tmp_path: Path
) -> None:
    run(*COMPILE)
    added = "Odile Brightwick also told the embassy that the union was broken up."
    copied = "a testing exercise by the outlet found that applicants with Mareño surnames"

    def edits(text: str) -> str:
        # A sentence of the reviewer's own naming a person who consents today, and a
        # paragraph whose record marker the reviewer took out (its text stays).
        first = paragraph_line(text, "Orizon Minerals dismissed 34 workers")
        text = text.replace(first, first + "\n\n" + added)
        kept = paragraph_line(text, copied)
        return text.replace(kept, kept.replace(" [^XA-2024-0146@1]", ""))

    edit_export(run, 1, tmp_path / "xa.md", edits)
    run("versions", "import", str(tmp_path / "xa.md"), "--author", "J. Doe", "--message", "m")
    _, imported = load_version(hrdraft_sample_store, 2)
    assert added in texts(imported, "2.b")

    # Since then: the journalist no longer consents to be named; the testing
    # exercise's record is confidential.
    journalist = [sample("XA-2024-0008"), sample("XA-2024-0141")]
    for record in journalist:
        for person in record["persons"]:
            if person["name"] == "Odile Brightwick":
                person["consent"] = "anonymous"
    testing = sample("XA-2024-0146")
    testing["sensitivity"] = "confidential"
    ingest(run, tmp_path / "more.jsonl", *journalist, testing)
    out = " ".join(run(*COMPILE).output.split())

    merged_v = list_versions(hrdraft_sample_store, country="XA", year=2024)[-1]
    assert merged_v.origin == "merged"
    _, merged = load_version(hrdraft_sample_store, merged_v.id)
    stored = merged.model_dump_json()
    assert "Odile Brightwick" not in stored
    assert "Mareño surnames" not in stored
    assert "also told the embassy that the union was broken up" in stored  # the rest stays
    assert "brings back a passage that has been withdrawn" in out
    html = (tmp_path / "out/XA/hrr-2024-public.html").read_text(encoding="utf-8")
    assert "Odile Brightwick" not in html and "Mareño surnames" not in html
    shown = run("export", str(merged_v.id), "--format", "md").output
    assert "Odile Brightwick" not in shown and "Mareño surnames" not in shown


@pytest.mark.slow
def test_a_conflict_in_the_pdf_draft(run: Run, tmp_path: Path) -> None:
    from pypdf import PdfReader

    run(*COMPILE)
    edit_export(run, 1, tmp_path / "xa.md", lambda t: t.replace(RAPPER, REWORDED))
    run("versions", "import", str(tmp_path / "xa.md"), "--author", "J. Doe", "--message", "m")
    rapper = sample("XA-2024-0044")
    rapper["summary"] = rapper["summary"].replace("three days", "five days")
    ingest(run, tmp_path / "more.jsonl", rapper)
    run(*COMPILE)
    run("export", "4", "--format", "pdf", "--out", "v4.pdf")
    text = " ".join(p.extract_text() for p in PdfReader("v4.pdf").pages)
    text = re.sub(r"\s+", " ", text)
    assert "Conflict 1 — reviewer's text (v2)" in text
    assert "Conflict 1 — new text from the records (v3)" in text
    assert "five days" in text and "an NGO, reported" in text
