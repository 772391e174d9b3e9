"""What was withdrawn stays withdrawn: every output of an old version, and a re-import.

Record CF-01 was public when v1 was compiled; its next revision is
confidential. Lena Sorensen was named in v1; her consent is now anonymous.
Nothing of either may come out of v1 (or of a diff with it) any more.
"""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from click.testing import CliRunner

from hrdraft.cli import cli
from hrdraft.history.versions import list_versions
from hrdraft.testing import store_records

SECRET = "Quillon warehouse"  # only in CF-01's text
NAME = "Sorensen"


def records(*, withdrawn: bool) -> list[dict]:
    base = {
        "country": "XA", "year": 2023, "categories": ["detention.arbitrary"],
        "source": {"name": "Veloria Rights Watch", "kind": "ngo", "reliability": "B"},
    }  # fmt: skip
    return [
        {
            **base, "id": "CF-01", "event_date": "2023-03-02", "title": "Detentions",
            "summary": f"Police held eleven dockworkers at the {SECRET} for two days.",
            "sensitivity": "confidential" if withdrawn else "public",
        },
        {
            **base, "id": "LS-02", "event_date": "2023-04-11", "title": "Arrest",
            "summary": "Police arrested Lena Sorensen, a union organiser, at her home.",
            "sensitivity": "public",
            "persons": [{"name": "Lena Sorensen", "role": "victim",
                         "consent": "anonymous" if withdrawn else "named"}],
        },
        {
            **base, "id": "OK-03", "event_date": "2023-05-20", "title": "Raid",
            "summary": "Police raided the offices of a press union.", "sensitivity": "public",
        },
    ]  # fmt: skip


@pytest.fixture
def history(any_store, hrdraft_plugins, tmp_path):
    """v1 compiled before the withdrawal, v2 after; the Markdown of v1 exported before."""
    db = any_store.connect_url
    runner = CliRunner()

    def run(*args: str):
        return runner.invoke(cli, ["--db", db, *args], catch_exceptions=False)

    store_records(any_store, records(withdrawn=False), hrdraft_plugins)
    compile_args = ["compile", "hrr", "--country", "XA", "--year", "2023", "--format", "html"]
    assert run(*compile_args, "--out", str(tmp_path / "out1")).exit_code == 0
    old_export = tmp_path / "v1-before.md"
    first = list_versions(any_store)[-1]
    assert run("export", str(first.id), "--out", str(old_export)).exit_code == 0
    assert SECRET in old_export.read_text(encoding="utf-8")  # it was there, then
    store_records(any_store, records(withdrawn=True), hrdraft_plugins)
    assert run(*compile_args, "--out", str(tmp_path / "out2")).exit_code == 0
    second = list_versions(any_store)[-1]
    assert second.id != first.id
    return run, first.id, second.id, old_export


def _clean(text: str) -> None:
    assert SECRET not in text and "eleven dockworkers" not in text
    assert NAME not in text and NAME.upper() not in text
    assert not re.search(r"records left out|records in scope|persons described", text)  # no counts


def test_no_output_of_the_old_version_shows_what_was_withdrawn(history, tmp_path):
    run, v1, v2, _ = history
    outputs = {}
    for fmt in ("html", "md"):
        path = tmp_path / f"v1.{fmt}"
        assert run("export", str(v1), "--format", fmt, "--out", str(path)).exit_code == 0
        outputs[f"export {fmt}"] = path.read_text(encoding="utf-8")
    outputs["versions show --json"] = run("versions", "show", str(v1), "--json").output
    outputs["versions show"] = run("versions", "show", str(v1)).output
    for fmt in ("terminal", "json", "html"):
        result = run("diff", str(v1), str(v2), "--format", fmt)
        assert result.exit_code == 0, result.output
        outputs[f"diff {fmt}"] = result.output
    for what, text in outputs.items():
        try:
            _clean(text)
        except AssertionError as exc:
            raise AssertionError(f"{what} shows what was withdrawn") from exc
    # What may still be shown still is; the withdrawn passage is marked, the same for any reason.
    assert "press union" in outputs["export html"]
    assert "This passage has been withdrawn." in outputs["export html"]
    shown = json.loads(outputs["versions show --json"])["document"]
    assert "CF-01" not in {s["record"] for s in shown["sources"]}


@pytest.mark.pdf
@pytest.mark.slow
def test_the_old_versions_pdf_shows_nothing_withdrawn(history, tmp_path):
    run, v1, v2, _ = history
    pdf = tmp_path / "v1.pdf"
    assert run("export", str(v1), "--format", "pdf", "--out", str(pdf)).exit_code == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    _clean(text)
    assert "raided the offices of a press" in " ".join(text.split())  # PDF hyphenates "union"
    redline = tmp_path / "diff.pdf"
    assert run("diff", str(v1), str(v2), "--format", "pdf", "--out", str(redline)).exit_code == 0
    _clean(subprocess.run(["pdftotext", str(redline), "-"], capture_output=True, text=True).stdout)


def test_a_reimport_cannot_bring_the_withdrawn_back(history, tmp_path):
    run, _, _, old_export = history
    # The file exported before the withdrawal, imported after it: it names her.
    result = run("versions", "import", str(old_export), "--author", "J. Doe", "--message", "m")
    assert result.exit_code == 2 and "may not be named" in result.output
    assert NAME not in result.output
    # Her name taken out, the withdrawn passage is still refused, with or without its footnote.
    without_name = old_export.read_text(encoding="utf-8").replace("Lena Sorensen", "a person")
    for text in (without_name, re.sub(r" ?\[\^CF-01@\d+\]", "", without_name)):
        edited = tmp_path / "edited.md"
        edited.write_text(text, encoding="utf-8")
        result = run("versions", "import", str(edited), "--author", "J. Doe", "--message", "m")
        assert result.exit_code == 2, result.output
        assert "withdrawn" in result.output or "does not cite" in result.output
        assert SECRET not in result.output


def test_an_edit_that_names_someone_without_consent_is_refused_naming_line_and_record(
    history, tmp_path
):
    run, _, v2, _ = history
    current = tmp_path / "v2.md"
    assert run("export", str(v2), "--out", str(current)).exit_code == 0
    text = current.read_text(encoding="utf-8")
    assert NAME not in text
    lines = text.splitlines()
    at = next(n for n, line in enumerate(lines) if "union organiser" in line)
    lines[at] = lines[at].replace("union organiser", "union organiser Dr. Lena Sorensen", 1)
    edited = tmp_path / "edited.md"
    edited.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("versions", "import", str(edited), "--author", "J. Doe", "--message", "m")
    assert result.exit_code == 2
    assert f"edited.md:{at + 1}:" in result.output and "LS-02" in result.output
    assert NAME not in result.output  # the message itself names nobody
    versions_before = run("versions", "list", "--json").output
    assert json.loads(versions_before)[-1]["id"] == v2  # nothing was saved
