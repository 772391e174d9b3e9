"""Compiling end to end: versions, unchanged recompiles, do-no-harm in files."""

from __future__ import annotations

import importlib
import json
import re
import subprocess

import pytest

from hrdraft.build import BuildRequest
from hrdraft.history.versions import list_versions
from hrdraft.ingest import ingest_paths
from hrdraft.pipeline import compile_draft, compile_drafts
from hrdraft.plugins import load_plugins
from hrdraft.render import Renderer
from hrdraft.testing import SAMPLE_DIR


@pytest.fixture(scope="module")
def sample_rows() -> list[dict]:
    rows = []
    for path in sorted(SAMPLE_DIR.glob("*.jsonl")):
        rows += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return rows


@pytest.fixture(scope="module")
def renderer(hrdraft_plugins) -> Renderer:
    return Renderer(hrdraft_plugins.template_dirs)


@pytest.fixture
def compile_html(hrdraft_sample_store, hrdraft_plugins, renderer, tmp_path):
    """Compile the HRR XA 2023 public draft (or another request) to HTML in tmp_path."""

    def run(request: BuildRequest | None = None):
        return compile_draft(
            hrdraft_sample_store,
            hrdraft_plugins,
            renderer,
            request or BuildRequest("hrr", "XA", 2023, "public"),
            out_dir=tmp_path,
            formats=("html",),
        )

    return run


def test_unchanged_recompile_saves_nothing_and_renders_nothing(hrdraft_sample_store, compile_html):
    first = compile_html()
    assert first.new_version and first.rendered == first.files
    html = first.files[0]
    assert html.name == "hrr-2023-public.html" and html.parent.name == "XA"
    mtime = html.stat().st_mtime_ns

    again = compile_html()
    assert not again.new_version and again.rendered == []
    assert again.version.id == first.version.id
    assert html.stat().st_mtime_ns == mtime

    # A deleted file is rendered again from the stored version, without a new version.
    html.unlink()
    restored = compile_html()
    assert not restored.new_version and restored.rendered == [html] and html.exists()
    assert len(list_versions(hrdraft_sample_store, report_type="hrr", country="XA")) == 1


def test_a_revised_record_makes_a_new_version(
    hrdraft_sample_store, hrdraft_plugins, compile_html, tmp_path, sample_rows
):
    first = compile_html()
    row = next(
        r
        for r in sample_rows
        if r["country"] == "XA"
        and r["year"] == 2023
        and r.get("sensitivity") == "public"
        and (r.get("event_date") or "").startswith("2023")
        and r.get("language", "en") == "en"
        and not r.get("persons")
    )
    revised = {**row, "summary": row["summary"] + " The detainees were released on bail."}
    path = tmp_path / "revision.jsonl"
    path.write_text(json.dumps(revised, ensure_ascii=False), encoding="utf-8")
    [batch] = ingest_paths(hrdraft_sample_store, hrdraft_plugins, [path])
    assert batch.revised == 1

    second = compile_html()
    assert second.new_version and second.version.parent_id == first.version.id
    assert "released on bail" in second.files[0].read_text(encoding="utf-8")


PROBE = """\
from hrdraft import ReportExtension, hookimpl

TITLE = {title!r}


@hookimpl
def hrdraft_extend_report_types():
    return [ReportExtension("hrr", transforms=True)]


@hookimpl
def hrdraft_transform_document(context, document):
    return document.model_copy(update={{"title": TITLE}})
"""


def test_a_change_to_plugin_code_builds_again_without_a_version_bump(
    hrdraft_sample_store, renderer, tmp_path, monkeypatch
):
    # A plugin fixed in place (its version unchanged) must not leave the old
    # draft standing as "unchanged".
    source = tmp_path / "code" / "hrdraft_probe.py"
    source.parent.mkdir()
    source.write_text(PROBE.format(title="Draft title, first wording"), encoding="utf-8")
    monkeypatch.syspath_prepend(str(source.parent))
    import hrdraft_probe

    plugins = load_plugins(extra=(hrdraft_probe,))

    def run():
        return compile_draft(
            hrdraft_sample_store,
            plugins,
            renderer,
            BuildRequest("hrr", "XA", 2023, "public"),
            out_dir=tmp_path / "out",
            formats=("html",),
        )

    first = run()
    assert not run().new_version  # same code: the stored version is reused
    source.write_text(PROBE.format(title="Draft title, fixed wording"), encoding="utf-8")
    importlib.reload(hrdraft_probe)
    again = run()
    assert again.new_version and again.version.parent_id == first.version.id
    assert "fixed wording" in again.files[0].read_text(encoding="utf-8")


TIP_PROBE = """
from hrdraft import ReportExtension, hookimpl

NOTE = {note!r}


@hookimpl
def hrdraft_extend_report_types():
    return [ReportExtension("tip", transforms=True)]


@hookimpl
def hrdraft_transform_document(context, document):
    return document.model_copy(update={{"title": document.title + NOTE}})
"""


def test_a_change_to_one_report_plugin_rebuilds_only_its_drafts(
    hrdraft_sample_store, renderer, tmp_path, monkeypatch
):
    source = tmp_path / "code" / "hrdraft_tip_probe.py"
    source.parent.mkdir()
    source.write_text(TIP_PROBE.format(note=" (first)"), encoding="utf-8")
    monkeypatch.syspath_prepend(str(source.parent))
    import hrdraft_tip_probe

    plugins = load_plugins(extra=(hrdraft_tip_probe,))

    def run(report: str):
        return compile_draft(
            hrdraft_sample_store,
            plugins,
            renderer,
            BuildRequest(report, "XA", 2024, "public"),
            out_dir=tmp_path / "out",
            formats=("html",),
        )

    hrr, tip = run("hrr"), run("tip")
    source.write_text(TIP_PROBE.format(note=" (second)"), encoding="utf-8")
    importlib.reload(hrdraft_tip_probe)
    assert run("hrr").version.id == hrr.version.id  # HRR cannot be changed by it: reused
    again = run("tip")
    assert again.new_version and again.version.id != tip.version.id
    assert "(second)" in again.files[0].read_text(encoding="utf-8")


def test_a_renamed_country_makes_a_new_version_with_the_new_name(
    hrdraft_sample_store, compile_html, tmp_path, monkeypatch
):
    names = tmp_path / "countries.yaml"
    names.write_text("XA: Esterra\n", encoding="utf-8")
    monkeypatch.setenv("HRDRAFT_COUNTRIES", str(names))
    first = compile_html()
    assert "Esterra" in first.files[0].read_text(encoding="utf-8")
    renamed = tmp_path / "renamed.yaml"
    renamed.write_text("XA: Kestria\n", encoding="utf-8")
    monkeypatch.setenv("HRDRAFT_COUNTRIES", str(renamed))
    again = compile_html()
    assert again.new_version and again.version.id != first.version.id
    title = re.search(r"<title>(.*?)</title>", again.files[0].read_text(encoding="utf-8"), re.S)
    assert title and "Kestria" in title.group(1) and "Esterra" not in title.group(1)


def _unconsented_names(rows: list[dict]) -> set[str]:
    named = {p["name"] for r in rows for p in r.get("persons", []) if p.get("consent") == "named"}
    return {
        p["name"]
        for r in rows
        for p in r.get("persons", [])
        if p.get("consent", "anonymous") != "named" and p["name"] not in named
    }


@pytest.mark.slow  # all 24 sample drafts
def test_no_confidential_text_or_unconsented_name_in_any_draft(
    hrdraft_sample_store, hrdraft_plugins, renderer, tmp_path, sample_rows
):
    requests = [
        BuildRequest(
            report, country, year, audience, options={"tier": "2"} if report == "tip" else {}
        )
        for report in ("hrr", "tip", "irf")
        for country in ("XA", "XB")
        for year in (2023, 2024)
        for audience in ("public", "internal")
    ]
    results = compile_drafts(
        hrdraft_sample_store,
        hrdraft_plugins,
        renderer,
        requests,
        out_dir=tmp_path,
        formats=("html",),
    )
    texts = {r.files[0]: r.files[0].read_text(encoding="utf-8") for r in results}
    confidential = [
        r["summary"][:60] for r in sample_rows if r.get("sensitivity") == "confidential"
    ]
    restricted = [
        r["summary"][:60] for r in sample_rows if r.get("sensitivity", "restricted") == "restricted"
    ]
    names = _unconsented_names(sample_rows)
    assert confidential and restricted and names  # the sample exercises all three
    for path, html in texts.items():
        assert not [c for c in confidential if c in html], path
        assert not [n for n in names if n in html], path
        if "-public" in path.name:
            assert not [t for t in restricted if t in html], path
        assert "DRAFT" in html
    for result in results:
        assert result.warnings == [], result.label


@pytest.mark.pdf
@pytest.mark.slow
def test_pdf_draft_carries_no_confidential_text_or_unconsented_name(
    hrdraft_sample_store, hrdraft_plugins, renderer, tmp_path, sample_rows
):
    result = compile_draft(
        hrdraft_sample_store,
        hrdraft_plugins,
        renderer,
        BuildRequest("hrr", "XB", 2023, "public"),
        out_dir=tmp_path,
        formats=("pdf",),
    )
    pdf = result.files[0]
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = " ".join(text.split())
    assert "DRAFT" in flat and "Section 1." in flat
    for name in _unconsented_names(sample_rows):
        assert name not in flat
    for row in sample_rows:
        if row.get("sensitivity") == "confidential":
            assert " ".join(row["summary"][:50].split()) not in flat


def test_a_fresh_store_never_passes_off_an_old_file_as_its_draft(
    hrdraft_store, hrdraft_plugins, compile_html, renderer, tmp_path, sample_rows
):
    old = compile_html()  # version 1 in the sample store
    # A fresh store numbers versions from 1 again; its draft differs.
    rows = [
        {**r, "summary": r["summary"] + " (Updated.)"} if r["country"] == "XA" else r
        for r in sample_rows
    ]
    path = tmp_path / "updated.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    ingest_paths(hrdraft_store, hrdraft_plugins, [path])
    new = compile_draft(
        hrdraft_store,
        hrdraft_plugins,
        renderer,
        BuildRequest("hrr", "XA", 2023, "public"),
        out_dir=tmp_path,
        formats=("html",),
    )
    assert new.version.id == old.version.id == 1
    assert new.rendered == new.files
    assert "(Updated.)" in new.files[0].read_text(encoding="utf-8")
