"""The example Civic Space plugin, installed through its entry point and compiled end to end.

``tests/conftest.py`` installs ``examples/civic-space`` into this
environment with ``pip install -e`` before the session starts (once; later
sessions find it installed), so it is found exactly as a third party's plugin
would be.
"""

from __future__ import annotations

import importlib
import importlib.metadata

import pytest
from click.testing import CliRunner

from hrdraft.plugins import load_plugins
from hrdraft.testing import compile_draft, render_html, section_text, store_records


@pytest.fixture(scope="session")
def civic_space_installed() -> None:
    # tests/conftest.py installs it before the session starts.
    names = {ep.name for ep in importlib.metadata.entry_points(group="hrdraft")}
    assert "civic-space" in names
    importlib.import_module("hrdraft_civic_space")


@pytest.fixture
def plugins(civic_space_installed):
    found = load_plugins()
    assert not found.broken, found.broken
    return found


def record(id: str, category: str, summary: str, **extra: object) -> dict[str, object]:
    return {
        "id": id,
        "country": "XA",
        "year": 2024,
        "event_date": "2024-05-03",
        "title": summary[:40],
        "summary": summary,
        "categories": [category],
        "source": {"name": "Civic Watch", "kind": "ngo", "reliability": "B"},
        "sensitivity": "public",
        **extra,
    }


RECORDS = [
    record(
        "cs-1",
        "civic.funding",
        "A new law capped foreign funding of NGOs at 20 percent of their budgets.",
    ),
    record(
        "cs-2",
        "civic-space.stigmatization",
        "The interior minister called three human rights groups foreign agents on television.",
    ),
    record(
        "cs-3",
        "defenders.attacks",
        "Unknown men beat a land rights defender in the north of the country.",
    ),
    record("cs-4", "torture", "Police beat detainees in custody."),  # not civic space
]


def test_it_is_found_through_its_entry_point(plugins):
    assert "civic-space" in plugins.report_types
    assert plugins.owner_of("civic-space") == "civic-space"
    assert plugins.versions["civic-space"] == "0.1.0"
    assert "civic-space.stigmatization" in plugins.vocabulary


def test_it_compiles_end_to_end(plugins, hrdraft_store):
    store_records(hrdraft_store, RECORDS, plugins)
    report = compile_draft(hrdraft_store, "civic-space", "XA", 2024, plugins=plugins)
    assert "20 percent" in section_text(report, "2.b")
    # Its own category and a shipped one share the harassment area.
    assert "foreign agents" in section_text(report, "3.a")
    assert "land rights defender" in section_text(report, "3.a")
    assert "There were no reports of surveillance" in section_text(report, "4.a")
    summary = section_text(report, "summary")
    assert "registration and funding" in summary and "human rights defenders" in summary
    assert "surveillance" not in summary
    assert {s.record for s in report.sources} == {"cs-1", "cs-2", "cs-3"}
    html = render_html(report, plugins)
    assert "Monitoring areas: association, assembly and expression" in html


def test_hrdraft_plugins_lists_it(civic_space_installed, monkeypatch):
    import hrdraft.cli.reports  # registers the commands on the group
    import hrdraft.plugins
    from hrdraft.cli import cli

    monkeypatch.setattr(hrdraft.plugins, "_default", None)  # see what is installed now
    result = CliRunner().invoke(cli, ["plugins"])
    assert result.exit_code == 0, result.output
    assert "civic-space 0.1.0" in result.output
    assert "civic-space: Civic Space Assessment" in result.output
