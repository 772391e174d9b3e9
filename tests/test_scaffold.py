"""`hrdraft plugin new`: the scaffolded package compiles, passes its own test, installs."""

from __future__ import annotations

import importlib
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest
from click.testing import CliRunner

import hrdraft.cli.reports  # noqa: F401 - registers the commands on the group
from hrdraft.cli import cli
from hrdraft.plugins import load_plugins
from hrdraft.testing import compile_draft, render_html, section_text, store_records

RECORD = {
    "id": "XA-annex-1",
    "country": "XA",
    "year": 2024,
    "event_date": "2024-06-11",
    "title": "Union leaders dismissed",
    "summary": "The Garment Workers Union reported that 14 union leaders were dismissed in June.",
    "categories": ["labor.association"],
    "source": {"name": "Garment Workers Union", "kind": "ngo", "reliability": "B"},
    "sensitivity": "public",
}


def scaffold(tmp_path: Path, name: str) -> Path:
    result = CliRunner().invoke(cli, ["plugin", "new", name, "--dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    return tmp_path / f"hrdraft-{name}"


@pytest.fixture
def scaffolded(tmp_path, monkeypatch):
    """A freshly scaffolded plugin package, importable for the length of one test."""
    root = scaffold(tmp_path, "labour-annex")
    monkeypatch.syspath_prepend(str(root))
    module = importlib.import_module("hrdraft_labour_annex")
    yield root, module
    sys.modules.pop("hrdraft_labour_annex", None)


def test_the_scaffold_is_a_complete_package(tmp_path):
    root = scaffold(tmp_path, "labour-annex")
    pyproject = (root / "pyproject.toml").read_text()
    assert '[project.entry-points.hrdraft]\nlabour-annex = "hrdraft_labour_annex"' in pyproject
    template = root / "hrdraft_labour_annex" / "templates" / "report" / "labour-annex.html"
    assert '{% extends "core/report.html" %}' in template.read_text()
    assert (root / "tests" / "test_hrdraft_labour_annex.py").is_file()
    again = CliRunner().invoke(cli, ["plugin", "new", "labour-annex", "--dir", str(tmp_path)])
    assert again.exit_code == 2 and "already exists" in again.output


def test_a_name_that_cannot_be_a_report_type_is_refused(tmp_path):
    result = CliRunner().invoke(cli, ["plugin", "new", "9 lives!", "--dir", str(tmp_path)])
    assert result.exit_code == 2
    assert "lower-case letters" in result.output
    assert list(tmp_path.iterdir()) == []


def test_the_scaffolded_plugin_compiles_a_draft(scaffolded, hrdraft_store):
    _, module = scaffolded
    plugins = load_plugins(extra=(module,))
    assert plugins.owner_of("labour-annex") == "hrdraft_labour_annex"
    store_records(hrdraft_store, [RECORD], plugins)
    report = compile_draft(hrdraft_store, "labour-annex", "XA", 2024, plugins=plugins)
    assert "14 union leaders were dismissed" in section_text(report, "2.b")
    assert "There were no reports of unsafe conditions of work" in section_text(report, "2.a")
    assert [s.record for s in report.sources] == [RECORD["id"]]
    html = render_html(report, plugins)
    assert "compiled with the hrdraft-labour-annex plugin" in html


def test_the_scaffolded_plugin_reads_where_the_core_placed_records(scaffolded, hrdraft_store):
    # The overview counts what the core placed, explicit targets included,
    # rather than classifying the records again from their categories.
    _, module = scaffolded
    plugins = load_plugins(extra=(module,))
    targeted = {
        **RECORD,
        "id": "XA-annex-2",
        "categories": ["torture"],
        "sections": ["labour-annex:2.a"],
        "summary": "Guards beat two workers who asked for their wages.",
    }
    store_records(hrdraft_store, [RECORD, targeted], plugins)
    report = compile_draft(hrdraft_store, "labour-annex", "XA", 2024, plugins=plugins)
    assert "draws on 2 record(s)" in section_text(report, "1")
    assert "guards beat two workers" in section_text(report, "2.a")


@pytest.mark.slow  # runs pytest in a subprocess
def test_the_scaffolded_test_passes(scaffolded):
    root, _ = scaffolded
    env = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 passed" in result.stdout


@pytest.mark.slow  # a real pip install
def test_pip_install_makes_it_a_plugin_like_any_other(tmp_path):
    """A real `pip install -e` into a throwaway venv that sees this one's packages."""
    root = scaffold(tmp_path, "labour-annex")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    here = [p for p in sys.path if p.endswith("site-packages")]
    purelib = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # addsitedir (not a bare path) so this venv's own .pth files, hrdraft's
    # editable install among them, are honoured too.
    Path(purelib, "hrdraft-parent.pth").write_text(
        "".join(f"import site; site.addsitedir({p!r})\n" for p in here)
    )
    install = subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "-e", root],
        capture_output=True,
        text=True,
    )
    assert install.returncode == 0, install.stderr
    listing = subprocess.run(
        [python, "-c", "from hrdraft.cli import main; main()", "plugins"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert listing.returncode == 0, listing.stderr
    assert "labour-annex 0.1.0" in listing.stdout
    assert "edition 2024 (2024–): First edition" in listing.stdout
    tests = subprocess.run(
        [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"],
        cwd=root,
        capture_output=True,
        text=True,
    )
    assert tests.returncode == 0, tests.stdout + tests.stderr
