"""`hrdraft versions list/show/import`, `hrdraft diff` and `hrdraft export` through click."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hrdraft.cli import cli
from hrdraft.document import Cite, Paragraph, Report, Section
from hrdraft.history.versions import load_version, save_version
from hrdraft.store import open_store
from hrdraft.testing import store_records


def draft(year: int, text: str, audience: str = "public") -> Report:
    return Report(
        report_type="hrr",
        report_title="Country Reports on Human Rights Practices",
        edition="2023" if year < 2024 else "2024",
        country="XA",
        country_name="Xanadu",
        year=year,
        period=str(year),
        audience=audience,  # type: ignore[arg-type]
        title=f"Xanadu {year} Human Rights Report",
        sections=(
            Section(id="exec", title="Executive Summary", blocks=(Paragraph(text="Summary."),)),
            Section(
                id="1.c",
                number="c.",
                title="Torture",
                blocks=(Paragraph(text=text, cites=(Cite(record="XA-1", revision=1),)),),
            ),
        ),
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    """A store with v1 (2022), v2 and v3 (2023 public) and v4 (2023 internal)."""
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    store = open_store(url)
    # The record the drafts cite, public: a stored version shows what its records allow.
    store_records(
        store,
        [
            {
                "id": "XA-1", "country": "XA", "year": 2023, "title": "Torture",
                "summary": "Text.", "sensitivity": "public",
                "source": {"name": "NGO A", "kind": "ngo"},
            }
        ],
    )  # fmt: skip
    save_version(store, draft(2022, "There were reports of torture in 2022."), fingerprint="a")
    save_version(store, draft(2023, "There were reports of torture."), fingerprint="b")
    save_version(store, draft(2023, "There were numerous reports of torture."), fingerprint="c")
    save_version(store, draft(2023, "Internal detail.", "internal"), fingerprint="d")
    store.dispose()
    return url


def run(db: str, *args: str) -> Result:
    return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)


def test_versions_list_filters_and_json(db: str) -> None:
    result = run(db, "versions", "list", "--year", "2023", "--audience", "public", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.output)
    assert [r["id"] for r in rows] == [2, 3]
    assert rows[0]["label"] == "v2 hrr XA 2023 public (2023)"
    table = run(db, "versions", "list", "--country", "XA")
    assert table.exit_code == 0 and "internal" in table.output
    assert "No versions match" in run(db, "versions", "list", "--report", "tip").output


def test_versions_show_outline_and_json(db: str) -> None:
    result = run(db, "versions", "show", "3")
    assert result.exit_code == 0
    assert "[1.c] c. Torture: 1 paragraph" in result.output
    data = json.loads(run(db, "versions", "show", "3", "--json").output)
    assert data["version"]["id"] == 3
    assert Report.model_validate(data["document"]).section("1.c") is not None
    missing = run(db, "versions", "show", "99")
    assert missing.exit_code == 2 and "no version 99" in missing.output


def test_diff_in_the_terminal_and_with_previous(db: str) -> None:
    result = run(db, "diff", "2", "3")
    assert result.exit_code == 0
    assert "1.c" in result.output and "There were {+numerous +}reports" in result.output
    assert "1 unchanged section: exec" in result.output
    previous = run(db, "diff", "3", "--previous")
    assert previous.stdout == result.output  # the diff; which version it picked is on stderr
    assert "comparing v3 with v2, the previous version of" in previous.stderr
    first = run(db, "diff", "2", "--previous")
    assert first.exit_code == 2 and "v2 is the first version of" in first.output


def test_diff_against_the_previous_year(db: str) -> None:
    result = run(db, "diff", "3", "--previous-year", "--format", "json")
    data = json.loads(result.stdout)  # which version it picked is on stderr
    assert data["old"]["version"] == 1 and data["new"]["version"] == 3


def test_diff_outputs_to_files(db: str, tmp_path: Path) -> None:
    out = tmp_path / "d.json"
    assert run(db, "diff", "2", "3", "--format", "json", "--out", str(out)).exit_code == 0
    assert json.loads(out.read_text())["schema_version"] == 1
    html = tmp_path / "d.html"
    assert run(db, "diff", "2", "3", "--format", "html", "--out", str(html)).exit_code == 0
    assert "<ins>numerous </ins>" in html.read_text()
    pdf_without_out = run(db, "diff", "2", "3", "--format", "pdf")
    assert pdf_without_out.exit_code == 2 and "--out" in pdf_without_out.output


@pytest.mark.pdf
def test_diff_as_pdf(db: str, tmp_path: Path) -> None:
    pdf = tmp_path / "d.pdf"
    assert run(db, "diff", "2", "3", "--format", "pdf", "--out", str(pdf)).exit_code == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_public_against_internal_needs_the_flag(db: str) -> None:
    refused = run(db, "diff", "3", "4")
    assert refused.exit_code == 2 and "--allow-mixed-audience" in refused.output
    allowed = run(db, "diff", "3", "4", "--allow-mixed-audience")
    assert allowed.exit_code == 0 and "INTERNAL" in allowed.output


def test_export_edit_import_then_diff(db: str, tmp_path: Path) -> None:
    path = tmp_path / "xa.md"
    assert run(db, "export", "3", "--format", "md", "--out", str(path)).exit_code == 0
    path.write_text(path.read_text().replace("numerous reports", "many reports"))
    result = run(db, "versions", "import", str(path), "--author", "J. Doe", "--message", "tone")
    assert result.exit_code == 0 and "Saved v5 (imported, based on v3)" in result.output
    diff = json.loads(run(db, "diff", "3", "5", "--format", "json").output)
    assert diff["new"]["origin"] == "imported" and diff["new"]["author"] == "J. Doe"
    assert [s["id"] for s in diff["sections"] if s["status"] == "changed"] == ["1.c"]
    newest = json.loads(run(db, "versions", "list", "--json").output)[-1]
    assert (newest["origin"], newest["parent_id"], newest["author"]) == ("imported", 3, "J. Doe")


def test_import_of_a_broken_file_names_the_section(db: str, tmp_path: Path) -> None:
    path = tmp_path / "xa.md"
    text = run(db, "export", "3").output
    path.write_text(text.replace("{#1.c}", "{#9.z}"))
    result = run(db, "versions", "import", str(path), "--author", "J. Doe", "--message", "x")
    assert result.exit_code == 2 and "section 9.z is not in the outline" in result.output


def test_export_as_html_of_a_compiled_and_an_imported_version(db: str, tmp_path: Path) -> None:
    from hrdraft.render import Renderer

    page = run(db, "export", "3", "--format", "html")
    assert page.exit_code == 0
    store = open_store(db)
    try:
        _, report = load_version(store, 3)
    finally:
        store.dispose()
    assert page.output == Renderer().html(report)  # the draft as compile writes it
    assert "There were numerous reports of torture." in page.output

    md = tmp_path / "xa.md"
    run(db, "export", "3", "--out", str(md))
    md.write_text(md.read_text().replace("numerous reports", "many reports"))
    assert (
        run(db, "versions", "import", str(md), "--author", "J. Doe", "--message", "x").exit_code
        == 0
    )
    out = tmp_path / "v5.html"
    result = run(db, "export", "5", "--format", "html", "--out", str(out))
    assert result.exit_code == 0 and f"Wrote {out} (v5, html)" in result.output
    assert "There were many reports of torture." in out.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("v5")) == ["v5.html"]


@pytest.mark.pdf
def test_export_as_pdf(db: str, tmp_path: Path) -> None:
    import subprocess

    refused = run(db, "export", "3", "--format", "pdf")
    assert refused.exit_code == 2 and "--out v3.pdf" in refused.output
    out = tmp_path / "v3.pdf"
    assert run(db, "export", "3", "--format", "pdf", "--out", str(out)).exit_code == 0
    import pypdf

    pages = len(pypdf.PdfReader(out).pages)
    for number in range(1, pages + 1):
        text = subprocess.run(
            ["pdftotext", "-layout", "-f", str(number), "-l", str(number), str(out), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert "DRAFT · Audience: public" in text and f"Page {number} of {pages}" in text
    flat = " ".join(
        subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True).stdout.split()
    )
    assert "Xanadu 2023 Human Rights Report" in flat
    assert "There were numerous reports of torture." in flat
    assert "(record XA-1, rev. 1)" in flat  # its footnote, as in a compiled draft


def test_diff_in_a_file_has_the_marks_not_the_colours(db: str, tmp_path: Path) -> None:
    out = tmp_path / "d.txt"
    assert run(db, "diff", "2", "3", "--out", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert "There were {+numerous +}reports" in text and "\x1b[" not in text
    assert text == run(db, "diff", "2", "3").output
