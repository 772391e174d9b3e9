"""The example Civic Space plugin, installed through its entry point and compiled end to end.

``tests/conftest.py`` pip-installs ``examples/civic-space`` into a throwaway
folder on the path before the session starts, so it is found exactly as a
third party's plugin would be.
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


def test_the_summary_uses_where_the_core_placed_each_record(plugins, hrdraft_store):
    # Surveillance is not what this record's category says: the submitter
    # targeted the area explicitly, and the summary must follow the core's
    # placement, not classify the record again from its category.
    targeted = record(
        "cs-5",
        "torture",
        "Officers photographed everyone entering the offices of a rights group.",
        sections=["civic-space:4.a"],
    )
    store_records(hrdraft_store, [*RECORDS, targeted], plugins)
    report = compile_draft(hrdraft_store, "civic-space", "XA", 2024, plugins=plugins)
    assert "photographed everyone" in section_text(report, "4.a")
    summary = report.section("summary")
    assert "surveillance and digital security" in section_text(report, "summary")
    assert "cs-5" in {c.record for b in summary.blocks for c in b.cites}


def test_it_adds_its_own_category_to_the_hrr_without_replacing_hrr_placements(
    plugins, hrdraft_store
):
    assert plugins.plugins_for("hrr")[:1] == ["hrr"]
    assert "civic-space" in plugins.plugins_for("hrr")
    smear = record(
        "cs-6",
        "civic-space.stigmatization",
        "The interior minister called a human rights group traitors on television.",
        year=2023,
        event_date="2023-05-03",
    )
    beaten = record(
        "cs-7", "torture", "Police beat detainees in custody.", year=2023, event_date="2023-05-04"
    )
    store_records(hrdraft_store, [smear, beaten], plugins)
    report = compile_draft(hrdraft_store, "hrr", "XA", 2023, plugins=plugins)
    assert "traitors on television" in section_text(report, "5")
    assert "beat detainees" in section_text(report, "1.c")  # HRR's own placement stands
    assert "human rights organizations" in section_text(report, "summary")
