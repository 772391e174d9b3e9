"""Sane comparisons, on the bundled sample through the CLI: which version `--previous` picks,
diffs across report types, countries, editions and audiences, section labels in every
redline format, counts and articles that agree, and any stored version rendered."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hrdraft.cli import cli
from hrdraft.testing import SAMPLE_DIR

EDITED = "Reviewers confirmed numerous reports of restrictions on press freedom."
ORIGINAL = "There were numerous reports of restrictions on freedom of the press."


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def ok(db: str, *args: str) -> Result:
    result = run(db, *args)
    assert result.exit_code == 0, result.output
    return result


@dataclass(frozen=True)
class Sample:
    """A store of the sample's records and these versions (ids as `versions list` gives them)."""

    db: str
    folder: Path
    hrr: int  # HRR XA 2024 public, 2024 edition, compiled
    hrr_2023_edition: int  # the same year and audience in the 2023 edition, compiled after it
    tip: int  # TIP XA 2024 public
    xb: int  # HRR XB 2024 public
    imported: int  # `hrr` exported as Markdown, 2.a edited by hand, imported
    internal: int  # HRR XA 2024 internal


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    folder = tmp_path_factory.mktemp("comparisons")
    db = f"sqlite:///{folder / 'store.sqlite'}"
    ok(db, "ingest", *map(str, sorted(SAMPLE_DIR.glob("*.jsonl"))))
    out = str(folder / "out")
    md = ("--format", "md", "--out", out)  # no PDF: the versions are what matters here
    ok(db, "compile", "hrr", "--country", "XA", "--year", "2024", *md)
    ok(db, "compile", "hrr", "--country", "XA", "--year", "2024", "--edition", "2023", *md)
    ok(db, "compile", "tip", "--country", "XA", "--year", "2024", *md)
    ok(db, "compile", "hrr", "--country", "XB", "--year", "2024", *md)
    versions = json.loads(ok(db, "versions", "list", "--json").stdout)
    ids = {(v["report_type"], v["country"], v["edition"]): v["id"] for v in versions}
    hrr = ids[("hrr", "XA", "2024")]

    exported = folder / "hrr.md"
    ok(db, "export", str(hrr), "--format", "md", "--out", str(exported))
    text = exported.read_text(encoding="utf-8")
    assert text.count(ORIGINAL) == 1
    exported.write_text(text.replace(ORIGINAL, EDITED), encoding="utf-8")
    saved = ok(db, "versions", "import", str(exported), "--author", "R. Viewer", "--message", "2.a")
    imported = int(re.search(r"Saved v(\d+) \(imported", saved.output).group(1))  # type: ignore[union-attr]

    ok(db, "compile", "hrr", "--country", "XA", "--year", "2024", "--audience", "internal", *md)
    internal = json.loads(ok(db, "versions", "list", "--audience", "internal", "--json").stdout)
    return Sample(
        db=db,
        folder=folder,
        hrr=hrr,
        hrr_2023_edition=ids[("hrr", "XA", "2023")],
        tip=ids[("tip", "XA", "2017")],
        xb=ids[("hrr", "XB", "2024")],
        imported=imported,
        internal=internal[-1]["id"],
    )


class _Text(HTMLParser):
    """The text a reader of an HTML page reads (no tags, no style sheet)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


# -------------------------------------------------------------------------
# --previous: the same draft, and it says which
# -------------------------------------------------------------------------


def test_previous_is_the_previous_version_of_the_same_draft_and_edition(sample: Sample) -> None:
    # The 2023-edition draft of the same year was compiled in between: not the one.
    assert sample.hrr < sample.hrr_2023_edition < sample.imported
    result = ok(sample.db, "diff", str(sample.imported), "--previous", "--format", "json")
    assert (
        f"comparing v{sample.imported} with v{sample.hrr}, the previous version of "
        "HRR XA 2024 public (2024 edition)"
    ) in result.stderr
    data = json.loads(result.stdout)  # the note stays off the diff itself
    assert (data["old"]["version"], data["new"]["version"]) == (sample.hrr, sample.imported)
    assert [s["id"] for s in data["sections"] if s["status"] != "unchanged"] == ["2.a"]
    assert data["notes"] == []


def test_the_first_version_of_a_draft_has_no_previous(sample: Sample) -> None:
    first = run(sample.db, "diff", str(sample.hrr), "--previous")
    assert first.exit_code == 2
    assert f"v{sample.hrr} is the first version of HRR XA 2024 public (2024 edition)" in (
        first.output
    )
    assert "--previous-year" in first.output
    # A draft whose year has another edition stored says which, and how to compare them.
    other = run(sample.db, "diff", str(sample.hrr_2023_edition), "--previous")
    assert other.exit_code == 2
    assert "is the first version of HRR XA 2024 public (2023 edition)" in other.output
    assert (
        f"v{sample.hrr} is the 2024 edition of the same year: "
        f"hrdraft diff {sample.hrr} {sample.hrr_2023_edition}"
    ) in other.output


# -------------------------------------------------------------------------
# Across report types, countries, editions and audiences
# -------------------------------------------------------------------------


def test_a_diff_across_report_types_needs_force_and_says_so(sample: Sample) -> None:
    refused = run(sample.db, "diff", str(sample.hrr), str(sample.tip))
    assert refused.exit_code == 2
    assert "refusing to compare an HRR draft with a TIP draft: sections will not match" in (
        refused.output
    )
    assert "--force" in refused.output

    forced = ok(sample.db, "diff", str(sample.hrr), str(sample.tip), "--force")
    lines = forced.output.splitlines()
    assert lines[1] == "comparing an HRR draft with a TIP draft: sections will not match"
    data = json.loads(
        ok(
            sample.db, "diff", str(sample.hrr), str(sample.tip), "--force", "--format", "json"
        ).output
    )
    assert data["notes"] == ["comparing an HRR draft with a TIP draft: sections will not match"]
    page = ok(sample.db, "diff", str(sample.hrr), str(sample.tip), "--force", "--format", "html")
    text = html_text(page.output)
    # At the top: before the summary and any section.
    assert text.index("Comparing an HRR draft with a TIP draft") < text.index("Summary")


def test_the_word_redline_says_what_the_two_drafts_are_at_the_top(sample: Sample) -> None:
    out = sample.folder / "forced.docx"
    ok(sample.db, "diff", str(sample.hrr), str(sample.tip), "--force", "--format", "docx",
       "--out", str(out))  # fmt: skip
    with zipfile.ZipFile(out) as package:
        body = package.read("word/document.xml").decode("utf-8")
    paragraphs = [
        "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", p))
        for p in re.findall(r"<w:p[ >].*?</w:p>", body, re.S)
    ]
    note = "Comparing an HRR draft with a TIP draft: sections will not match."
    assert note in paragraphs
    # At the top: before the summary, and so before any section.
    summary = next(i for i, p in enumerate(paragraphs) if p.endswith("sections changed."))
    assert paragraphs.index(note) < summary


def test_a_diff_across_countries_needs_force(sample: Sample) -> None:
    refused = run(sample.db, "diff", str(sample.hrr), str(sample.xb))
    assert refused.exit_code == 2
    assert "refusing to compare an HRR draft for XA with one for XB" in refused.output
    forced = ok(sample.db, "diff", str(sample.hrr), str(sample.xb), "--force")
    assert forced.output.splitlines()[1] == (
        "comparing an HRR draft for XA with one for XB: the drafts describe different countries"
    )


def test_other_editions_and_audiences_are_compared_and_said(sample: Sample) -> None:
    editions = ok(sample.db, "diff", str(sample.hrr_2023_edition), str(sample.hrr))
    note = (
        "comparing the 2023 edition of HRR with the 2024 edition: their outlines differ, "
        "so sections are matched by id only"
    )
    assert editions.output.splitlines()[1] == note

    refused = run(sample.db, "diff", str(sample.internal), str(sample.hrr))
    assert refused.exit_code == 2
    assert "refusing to diff an internal draft against a public draft" in refused.output
    mixed = ok(
        sample.db, "diff", str(sample.hrr), str(sample.internal), "--allow-mixed-audience",
        "--format", "json",
    )  # fmt: skip
    assert json.loads(mixed.output)["notes"] == [
        "comparing a public draft with an internal draft: the diff shows internal text"
    ]


# -------------------------------------------------------------------------
# Section labels carry the full number, in every redline
# -------------------------------------------------------------------------


def test_the_terminal_html_and_json_redlines_label_sections_by_their_full_number(
    sample: Sample,
) -> None:
    old, new = str(sample.hrr), str(sample.imported)
    terminal = ok(sample.db, "diff", old, new).output
    assert "§ 2.a Freedom of the Press: changed" in terminal
    assert "a. Freedom of the Press" not in terminal

    html = ok(sample.db, "diff", old, new, "--format", "html").output
    assert '<a href="#sec-2.a">2.a Freedom of the Press</a>' in html
    assert re.search(r'<h3 id="h-2\.a">2\.a Freedom of the Press\s*<span', html)
    # Top-level sections as the report prints them.
    assert "<summary>Section 2. Liberty: unchanged" in html

    data = json.loads(ok(sample.db, "diff", old, new, "--format", "json").output)
    labels = {s["id"]: (s["old"]["label"], s["new"]["label"]) for s in data["sections"]}
    assert labels["2.a"] == ("2.a Freedom of the Press", "2.a Freedom of the Press")
    assert labels["2"] == ("Section 2. Liberty",) * 2
    assert labels["summary"] == ("Executive Summary",) * 2


def test_an_unnumbered_subsection_is_labelled_under_its_parent(sample: Sample) -> None:
    data = json.loads(
        ok(
            sample.db, "diff", str(sample.hrr_2023_edition), str(sample.hrr), "--format", "json"
        ).output
    )
    labels = {s["id"]: (s["old"] or s["new"])["label"] for s in data["sections"]}
    assert labels["1.c.prison"] == "1.c (Prison and Detention Center Conditions)"
    assert labels["2.a.internet"] == "2.a (Internet Freedom)"


@pytest.mark.pdf
@pytest.mark.slow
def test_the_pdf_redline_labels_sections_by_their_full_number(
    sample: Sample, tmp_path: Path
) -> None:
    out = tmp_path / "redline.pdf"
    ok(
        sample.db,
        "diff",
        str(sample.hrr),
        str(sample.imported),
        "--format",
        "pdf",
        "--out",
        str(out),
    )
    text = pdf_text(out)
    assert "CHANGED 2.a Freedom of the Press" in text
    assert "CHANGED a. Freedom" not in text


# -------------------------------------------------------------------------
# Counts and articles agree (real CLI output, n = 0, 1, 2)
# -------------------------------------------------------------------------


def test_counts_agree_with_their_nouns_for_none_one_and_two(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    # Each command's audit entry is written when it ends: 0, then 1, then 2 before the check.
    assert "The audit trail is whole: 0 entries." in ok(db, "audit", "verify").output
    assert "The audit trail is whole: 1 entry." in ok(db, "audit", "verify").output
    assert "The audit trail is whole: 2 entries." in ok(db, "audit", "verify").output

    def rows(n_bad: int) -> Path:
        """A file of one good record (of 2022 + n_bad) and `n_bad` rows that fail."""
        path = tmp_path / f"bad-{n_bad}.jsonl"
        good = {
            "id": f"G-{n_bad}", "country": "XA", "year": 2022 + n_bad, "title": "T",
            "summary": "S.", "source": {"name": "NGO A", "kind": "ngo"},
        }  # fmt: skip
        lines = [json.dumps(good)] + [
            json.dumps({**good, "id": f"B-{n_bad}-{i}", "year": "twenty"}) for i in range(n_bad)
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return path

    one = run(db, "ingest", str(rows(1)))
    assert one.exit_code == 1 and "1 row quarantined:" in one.output
    two = run(db, "ingest", str(rows(2)))
    assert two.exit_code == 1 and "2 rows quarantined:" in two.output
    assert ok(db, "quarantine", "list").output.splitlines()[-1].startswith("3 rows.")
    assert ok(db, "records", "list", "--year", "2023").output.splitlines()[-1] == "1 record"
    assert ok(db, "records", "list", "--country", "XA").output.splitlines()[-1] == "2 records"
    assert "No records match" in ok(db, "records", "list", "--year", "2020").output
    cleared = ok(db, "quarantine", "clear", "--batch", "1", "--yes").output
    assert "This removes 1 quarantined row." in cleared and "Removed 1 quarantined row." in cleared
    cleared = ok(db, "quarantine", "clear", "--batch", "2", "--yes").output
    assert "Removed 2 quarantined rows." in cleared


def test_the_redlines_count_sections_and_blocks_in_agreement(sample: Sample) -> None:
    old, new = str(sample.hrr), str(sample.imported)
    terminal = ok(sample.db, "diff", old, new).output
    assert "17 sections: 1 changed, 0 added, 0 removed, 16 unchanged" in terminal
    assert "16 unchanged sections: summary," in terminal
    html = ok(sample.db, "diff", old, new, "--format", "html").output
    counts = re.findall(r": unchanged \((\d+) (blocks?)\)</summary>", html)
    assert {n for n, _ in counts} >= {"0", "1", "2"}  # the sample has all three
    assert all(word == ("block" if n == "1" else "blocks") for n, word in counts)
    assert "17 sections: 1 changed" in html_text(html)
    shown = ok(sample.db, "versions", "show", new).output
    assert "1 paragraph" in shown and re.search(r"\b[2-9]\d* paragraphs\b", shown)
    assert not re.search(r"\b1 paragraphs\b", shown)


def test_a_binary_format_without_a_file_reads_well(sample: Sample) -> None:
    refused = run(sample.db, "diff", str(sample.hrr), str(sample.imported), "--format", "pdf")
    assert refused.exit_code == 2 and "a PDF redline needs a file" in refused.output
    draft = run(sample.db, "export", str(sample.imported), "--format", "pdf")
    assert draft.exit_code == 2 and "a PDF draft needs a file" in draft.output


# -------------------------------------------------------------------------
# Any version renders: an imported version as HTML, PDF, Markdown and a plugin's format
# -------------------------------------------------------------------------


def test_an_imported_version_exports_as_html_and_markdown(sample: Sample, tmp_path: Path) -> None:
    page = tmp_path / "imported.html"
    result = ok(sample.db, "export", str(sample.imported), "--format", "html", "--out", str(page))
    assert f"(v{sample.imported}, html)" in result.output
    text = html_text(page.read_text(encoding="utf-8"))
    assert EDITED in text and ORIGINAL not in text
    assert "DRAFT" in text and "Freedom of the Press" in text
    md = ok(sample.db, "export", str(sample.imported), "--format", "md").output
    assert EDITED in md and f"based_on: {sample.imported}" in md


@pytest.mark.pdf
@pytest.mark.slow
def test_an_imported_version_exports_as_pdf(sample: Sample, tmp_path: Path) -> None:
    out = tmp_path / "imported.pdf"
    ok(sample.db, "export", str(sample.imported), "--format", "pdf", "--out", str(out))
    assert out.read_bytes().startswith(b"%PDF")
    text = pdf_text(out)
    assert EDITED in text and ORIGINAL not in text
    assert "DRAFT · Audience: public" in text


def copy_store(sample: Sample, tmp_path: Path) -> str:
    """A copy of the sample's store (and its key) for a test that changes records."""
    for path in sample.folder.iterdir():
        if path.name.startswith("store."):
            shutil.copy(path, tmp_path / path.name)
    return f"sqlite:///{tmp_path / 'store.sqlite'}"


def test_an_imported_version_is_filtered_again_when_exported(
    sample: Sample, tmp_path: Path
) -> None:
    db = copy_store(sample, tmp_path)
    # The edited paragraph cites XA-2024-0014: it becomes confidential after the import.
    line = next(
        line
        for path in sorted(SAMPLE_DIR.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if '"XA-2024-0014"' in line
    )
    record = json.loads(line)
    record["sensitivity"] = "confidential"
    revised = tmp_path / "revised.jsonl"
    revised.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    ok(db, "ingest", str(revised))

    page = ok(db, "export", str(sample.imported), "--format", "html").output
    text = html_text(page)
    assert EDITED not in text and "[This passage has been withdrawn.]" in text
    assert "XA-2024-0014" not in page


def test_a_plugins_draft_format_exports_an_imported_version(
    sample: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer a plugin registers (as a docx writer will be) exports any version unchanged."""
    import importlib.metadata

    import hrdraft.plugins

    dist_info = tmp_path / "site" / "hrdraft_toy_text-0.1.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: hrdraft-toy-text\nVersion: 0.1\n"
    )
    (dist_info / "entry_points.txt").write_text("[hrdraft]\ntoy-text = toy_text_writer\n")
    monkeypatch.syspath_prepend(str(Path(__file__).parent / "plugins"))
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    monkeypatch.setattr(hrdraft.plugins, "_default", None)  # load the plugins afresh
    assert "toy-text" in {ep.name for ep in importlib.metadata.entry_points(group="hrdraft")}
    try:
        text = ok(sample.db, "export", str(sample.imported), "--format", "txt").output
    finally:
        monkeypatch.setattr(hrdraft.plugins, "_default", None)
    assert EDITED in text and ORIGINAL not in text
