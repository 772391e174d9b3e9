"""Loading and asking plugins: dispatch by owner, every hook through pluggy, broken
plugins left out whole.

The toy plugins in tests/plugins/ are installed as real entry points of a
throwaway distribution (a dist-info folder on sys.path), so they are found
exactly as a third party's plugin would be.
"""

from __future__ import annotations

import importlib.metadata
import types
from pathlib import Path

import pluggy
import pytest
from click.testing import CliRunner

import hrdraft.cli.reports  # registers `hrdraft plugins` on the group
import hrdraft.plugins
from hrdraft import (
    Edition,
    NotFoundError,
    PluginError,
    ReportExtension,
    ReportType,
    SectionSpec,
    hookimpl,
)
from hrdraft.build import BuildRequest, build_report
from hrdraft.cli import cli
from hrdraft.plugins import load_plugins
from hrdraft.select import select_records
from hrdraft.testing import section_text, store_records

TOYS = Path(__file__).parent / "plugins"

ENTRY_POINTS = {
    "toy-import-error": "toy_import_error",
    "toy-bad-signature": "toy_bad_signature",
    "toy-misspelt": "toy_misspelt",
    "toy-careless": "toy_careless",
    "toy-specname": "toy_specname",
    "toy-contributor": "toy_contributor",
}

# Every report type, country and year of the bundled sample.
SAMPLE_DRAFTS = [
    (report, country, year)
    for report in ("hrr", "tip", "irf")
    for country in ("XA", "XB")
    for year in (2023, 2024)
]


@pytest.fixture
def install_toys(tmp_path, monkeypatch):
    """Install some toy plugins as entry points of a throwaway distribution."""
    monkeypatch.syspath_prepend(str(TOYS))
    # `hrdraft plugins` uses the process-wide plugins: make it load afresh.
    monkeypatch.setattr(hrdraft.plugins, "_default", None)

    def install(*names: str) -> None:
        dist_info = tmp_path / "hrdraft_toys-0.1.dist-info"
        dist_info.mkdir()
        (dist_info / "METADATA").write_text(
            "Metadata-Version: 2.1\nName: hrdraft-toys\nVersion: 0.1\n"
        )
        lines = "".join(f"{name} = {ENTRY_POINTS[name]}\n" for name in names)
        (dist_info / "entry_points.txt").write_text("[hrdraft]\n" + lines)
        monkeypatch.syspath_prepend(str(tmp_path))
        found = {ep.name for ep in importlib.metadata.entry_points(group="hrdraft")}
        assert set(names) <= found

    return install


@pytest.fixture
def toys_installed(install_toys):
    install_toys("toy-import-error", "toy-bad-signature")


def build(store, plugins, report, country, year, audience="public", **kw):
    """build_report on the request's selections, as the pipeline loads them."""
    request = BuildRequest(report, country, year, audience, **kw)
    period = plugins.report_type(report).period
    current, previous = (
        select_records(store, country, period(y), y, audience) for y in (year, year - 1)
    )
    return build_report(plugins, request, current, previous)[0]


def sample_drafts(store, plugins) -> dict[tuple[str, str, int], str]:
    return {key: build(store, plugins, *key).model_dump_json() for key in SAMPLE_DRAFTS}


# -- Broken plugins ------------------------------------------------------------


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


def test_a_plugin_that_fails_validation_runs_none_of_its_hooks(toys_installed, hrdraft_store):
    import toy_bad_signature

    plugins = load_plugins()
    assert {"hrr", "tip", "irf"} <= set(plugins.report_types)
    report = build(hrdraft_store, plugins, "tip", "XA", 2024, options={"tier": "3"})
    assert "Tier 3" in section_text(report, "tier")
    text = report.model_dump_json()
    assert toy_bad_signature.STAMP not in text
    # The same good hook, registered alone, does change the draft.
    alone = types.ModuleType("toy_good_half")
    alone.hrdraft_build_section = toy_bad_signature.hrdraft_build_section
    with_it = build(hrdraft_store, load_plugins(extra=(alone,)), "tip", "XA", 2024)
    assert toy_bad_signature.STAMP in with_it.model_dump_json()


def test_asking_for_a_broken_plugins_report_type_says_why(toys_installed):
    with pytest.raises(NotFoundError) as error:
        load_plugins().report_type("toy-bad")
    assert "toy-bad-signature" in error.value.hint and "colour" in error.value.hint


def test_a_misspelt_hook_is_named_and_the_plugin_never_runs(install_toys, hrdraft_sample_store):
    import toy_misspelt

    install_toys("toy-misspelt")
    result = CliRunner().invoke(cli, ["plugins"])
    assert result.exit_code == 3, result.output
    assert (
        "toy-misspelt FAILED TO LOAD: PluginValidationError: unknown hook "
        "'hrdraft_clasify_record' (did you mean 'hrdraft_classify_record'?)"
    ) in result.output
    plugins = load_plugins()
    assert not plugins.pm.has_plugin("toy-misspelt")
    assert "toy-misspelt" not in plugins.versions
    report = build(hrdraft_sample_store, plugins, "hrr", "XA", 2023)
    assert report.title == "Esterra 2023 Country Reports on Human Rights Practices"
    # The plugin's good hook alone does stamp the title: the check above can fail.
    alone = types.ModuleType("toy_good_half")
    alone.hrdraft_transform_document = toy_misspelt.hrdraft_transform_document
    stamped = build(hrdraft_sample_store, load_plugins(extra=(alone,)), "hrr", "XA", 2023)
    assert stamped.title == toy_misspelt.STAMP


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


# -- Dispatch by owner -----------------------------------------------------------


def test_a_careless_plugin_changes_no_sample_draft(install_toys, hrdraft_sample_store):
    import toy_careless

    before = sample_drafts(hrdraft_sample_store, load_plugins())
    install_toys("toy-careless")
    toy_careless.SEEN.clear()
    plugins = load_plugins()
    assert plugins.pm.has_plugin("toy-careless") and not plugins.broken
    after = sample_drafts(hrdraft_sample_store, plugins)
    for key in SAMPLE_DRAFTS:
        assert after[key] == before[key], key
    # Its wrappers ran around the owners' hooks of every report type.
    assert {("hrdraft_transform_document", r) for r in ("hrr", "tip", "irf")} <= set(
        toy_careless.SEEN
    )
    assert ("hrdraft_build_section", "hrr") in toy_careless.SEEN


def test_pluggy_call_monitoring_sees_owner_dispatched_calls(install_toys, hrdraft_sample_store):
    install_toys("toy-careless")
    plugins = load_plugins()
    calls: list[tuple[str, list[str]]] = []
    undo = plugins.pm.add_hookcall_monitoring(
        lambda hook, impls, kwargs: calls.append((hook, [i.plugin_name for i in impls])),
        lambda outcome, hook, impls, kwargs: None,
    )
    try:
        build(hrdraft_sample_store, plugins, "hrr", "XA", 2023)
    finally:
        undo()
    seen = {hook: set(impls) for hook, impls in calls}
    # Owner-only: hrr's implementation and the careless plugin's wrappers, never
    # the careless plugin's classification.
    assert seen["hrdraft_classify_record"] == {"hrr"}
    assert seen["hrdraft_build_section"] == {"hrr", "toy-careless"}
    assert seen["hrdraft_transform_document"] == {"hrr", "toy-careless"}


def test_pluggy_behaviour_we_rely_on(install_toys, hrdraft_sample_store):
    """What owner dispatch and clean unloading need from pluggy (pyproject: pluggy>=1.7).

    Checked against pluggy 1.5.0, 1.6.0 and 1.7.0: on 1.5 and 1.6 a
    subset caller keeps a plugin whose implementation uses ``specname``
    (it looks plugins up by attribute name), so toy-specname's ``[]`` would
    empty the HRR draft; and ``register`` leaves a plugin that fails
    validation half-registered. 1.7 does neither.
    """
    before = sample_drafts(hrdraft_sample_store, load_plugins())
    install_toys("toy-specname")
    plugins = load_plugins()
    caller = plugins.caller_for("hrdraft_classify_record", "hrr")
    assert [i.plugin_name for i in caller.get_hookimpls()] == ["hrr"]
    assert sample_drafts(hrdraft_sample_store, plugins) == before

    import toy_bad_signature

    pm = load_plugins(entry_points=False).pm
    with pytest.raises(pluggy.PluginValidationError):
        pm.register(toy_bad_signature, name="toy-bad-signature")
    assert pm.get_plugin("toy-bad-signature") is None
    assert not pm.hook.hrdraft_build_section.get_hookimpls()


def test_a_contributor_adds_placements_and_a_transform_to_the_owners_report(
    install_toys, hrdraft_store
):
    install_toys("toy-contributor")
    plugins = load_plugins()
    assert plugins.plugins_for("hrr")[0] == "hrr" and "toy-contributor" in plugins.plugins_for(
        "hrr"
    )
    assert plugins.plugins_for("tip") == ["tip"]
    assert plugins.transform_chain("hrr")[0] == "hrr"
    store_records(
        hrdraft_store,
        [
            {
                "id": "XA-2023-R1",
                "country": "XA",
                "year": 2023,
                "event_date": "2023-06-02",
                "title": "Activist beaten after UN testimony",
                "summary": "Police beat an activist after she testified before a UN committee.",
                "categories": ["torture", "toy.reprisals"],
                "source": {"name": "Civic Watch", "kind": "ngo", "reliability": "B"},
                "sensitivity": "public",
            },
            {
                "id": "XA-2023-T1",
                "country": "XA",
                "year": 2023,
                "event_date": "2023-06-03",
                "title": "Forced labour on farms",
                "summary": "Workers were held on farms and forced to work without pay.",
                "categories": ["trafficking.profile"],
                "source": {"name": "Civic Watch", "kind": "ngo", "reliability": "B"},
                "sensitivity": "public",
            },
        ],
        plugins,
    )
    report = build(hrdraft_store, plugins, "hrr", "XA", 2023)
    # The owner's placement (torture: 1.c) and the contribution (5), merged.
    # Told in full under the owner's heading, referred to under the contributed one.
    assert "testified before a UN committee" in section_text(report, "1.c")
    assert "Civic Watch on June 2 is described in section 1.c" in section_text(report, "5")
    five = report.section("5")
    assert any(c.record == "XA-2023-R1" for b in five.blocks for c in getattr(b, "cites", ()))
    # The contributor's wrong classify answer ("1.a") was never asked.
    assert "testified" not in section_text(report, "1.a")
    # The owner's summary sees the contributed placement (it reads the core's).
    assert "human rights organizations" in section_text(report, "summary")
    # Its transform ran after the owner's (the summary was there already).
    assert report.metadata["transformed by toy-contributor"].startswith("Significant human")
    tip = build(hrdraft_store, plugins, "tip", "XA", 2023)
    assert "transformed by toy-contributor" not in tip.metadata


def test_an_extension_may_place_only_the_plugins_own_categories(hrdraft_store):
    plugin = types.ModuleType("toy_overreach")

    @hookimpl
    def hrdraft_extend_report_types():
        return [ReportExtension("hrr", placements={"2023": {"torture": ("1.a",)}})]

    plugin.hrdraft_extend_report_types = hrdraft_extend_report_types
    plugins = load_plugins(extra=(plugin,))
    with pytest.raises(PluginError) as error:
        plugins.plugins_for("hrr")
    assert "toy_overreach" in str(error.value) and "'torture'" in str(error.value)
    # Only the extended report type is affected.
    assert plugins.plugins_for("tip") == ["tip"]
    assert "Tier 2" in section_text(
        build(hrdraft_store, plugins, "tip", "XA", 2024, options={"tier": "2"}), "tier"
    )


def test_the_owner_returning_none_is_a_plugin_error_not_a_silent_gap(hrdraft_sample_store):
    plugin = types.ModuleType("toy_none")
    toy = ReportType(
        name="toy-none",
        title="Toy Report",
        editions=(Edition("1", "Only", 2000, None, (SectionSpec(id="1", title="One"),)),),
    )

    @hookimpl
    def hrdraft_register_report_types():
        return [toy]

    @hookimpl
    def hrdraft_classify_record(context, item):
        return None

    plugin.hrdraft_register_report_types = hrdraft_register_report_types
    plugin.hrdraft_classify_record = hrdraft_classify_record
    plugins = load_plugins(extra=(plugin,))
    with pytest.raises(PluginError) as error:
        build(hrdraft_sample_store, plugins, "toy-none", "XA", 2023)
    assert "'toy_none' returned None from hrdraft_classify_record" in str(error.value)


def test_plugins_details_lists_targets_figures_and_who_extends_what(install_toys):
    install_toys("toy-contributor")
    result = CliRunner().invoke(cli, ["plugins", "--details"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    # What a record's `sections` may target, per edition, as the report prints it.
    assert (
        "      hrr:1.c  c. Torture and Other Cruel, Inhuman, or Degrading Treatment or "
        "Punishment, and Other Related Abuses" in lines
    )
    assert any(line.strip().startswith("hrr:3.a  a. Torture") for line in lines)
    assert any(line.strip().startswith("figures: ") and "prosecutions" in line for line in lines)
    assert (
        "    extended by toy-contributor: places its categories in toy.reprisals → 5 "
        "(edition 2023), toy.reprisals → 3.e (edition 2024); transforms the document" in lines
    )
    plain = CliRunner().invoke(cli, ["plugins"]).output
    assert "hrr:1.c" not in plain and "extended by toy-contributor" in plain
