"""Loading plugins: broken ones are named with their reason, the rest keep working."""

from __future__ import annotations

import importlib.metadata
from pathlib import Path

import pytest
from click.testing import CliRunner

import hrdraft.cli.reports  # registers `hrdraft plugins` on the group
import hrdraft.plugins
from hrdraft import NotFoundError
from hrdraft.cli import cli
from hrdraft.plugins import load_plugins
from hrdraft.testing import compile_draft, section_text

TOYS = Path(__file__).parent / "plugins"


@pytest.fixture
def toys_installed(tmp_path, monkeypatch):
    """The toy plugins registered as real entry points of a throwaway distribution."""
    dist_info = tmp_path / "hrdraft_toys-0.1.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: hrdraft-toys\nVersion: 0.1\n")
    (dist_info / "entry_points.txt").write_text(
        "[hrdraft]\ntoy-import-error = toy_import_error\ntoy-bad-signature = toy_bad_signature\n"
    )
    monkeypatch.syspath_prepend(str(TOYS))
    monkeypatch.syspath_prepend(str(tmp_path))
    # `hrdraft plugins` uses the process-wide plugins: make it load afresh.
    monkeypatch.setattr(hrdraft.plugins, "_default", None)
    names = {ep.name for ep in importlib.metadata.entry_points(group="hrdraft")}
    assert {"toy-import-error", "toy-bad-signature"} <= names


def test_broken_plugins_are_named_with_their_reason(toys_installed):
    plugins = load_plugins()
    reasons = {b.name: b.reason for b in plugins.broken}
    assert "ModuleNotFoundError" in reasons["toy-import-error"]
    assert "hrdraft_no_such_dependency" in reasons["toy-import-error"]
    assert "hrdraft_classify_record" in reasons["toy-bad-signature"]
    assert "colour" in reasons["toy-bad-signature"]
    # Nothing of a plugin that failed validation is half-registered.
    assert "toy-bad" not in plugins.report_types
    assert not plugins.pm.has_plugin("toy-bad-signature")


def test_other_report_types_still_work(toys_installed, hrdraft_store):
    plugins = load_plugins()
    assert {"hrr", "tip", "irf"} <= set(plugins.report_types)
    report = compile_draft(hrdraft_store, "tip", "XA", 2024, plugins=plugins, options={"tier": "3"})
    assert "Tier 3" in section_text(report, "tier")


def test_asking_for_a_broken_plugins_report_type_says_why(toys_installed):
    with pytest.raises(NotFoundError) as error:
        load_plugins().report_type("toy-bad")
    assert "toy-bad-signature" in error.value.hint and "colour" in error.value.hint


def test_hrdraft_plugins_lists_plugins_versions_report_types_and_editions(toys_installed):
    result = CliRunner().invoke(cli, ["plugins"])
    expected = load_plugins()
    for info in expected.describe():
        assert f"{info.name} {info.version}".strip() in result.output
        for rt in info.report_types:
            assert f"{rt.name}: {rt.title}" in result.output
            for edition in rt.editions:
                assert f"edition {edition.name} ({edition.years})" in result.output
    version = importlib.metadata.version("hrdraft")
    assert f"tip {version}" in result.output
    assert "toy-import-error FAILED TO LOAD: ModuleNotFoundError" in result.output
    assert "toy-bad-signature FAILED TO LOAD" in result.output
    assert result.exit_code == 3  # a broken plugin is a plugin failure


def test_hrdraft_plugins_exits_cleanly_when_all_load(monkeypatch):
    monkeypatch.setattr(hrdraft.plugins, "_default", None)
    result = CliRunner().invoke(cli, ["plugins"])
    assert result.exit_code == 0, result.output
    assert "-o tier=..." in result.output
