"""`hrdraft compile` of many drafts at once: several reports, every country, parallel processes."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from hrdraft.cli import cli
from hrdraft.history.versions import list_versions

pytestmark = pytest.mark.slow  # each parallel run starts fresh Python processes


@pytest.fixture
def run(hrdraft_sample_store):
    db = hrdraft_sample_store.url

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)

    return invoke


def _drafts_in_table(output: str) -> list[str]:
    return re.findall(r"(?m)^│? ?((?:hrr|tip|irf) X[AB] \d{4} \w+)", output)


def test_every_country_of_several_reports_in_two_processes(run, hrdraft_sample_store, tmp_path):
    out = tmp_path / "out"
    result = run(
        "compile", "hrr", "irf", "--all", "--year", "2024", "--jobs", "2",
        "--format", "html", "--out", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    # In the order asked for (report, then country), whichever process finished first.
    assert _drafts_in_table(result.output) == [
        "hrr XA 2024 public",
        "hrr XB 2024 public",
        "irf XA 2024 public",
        "irf XB 2024 public",
    ]
    for name in ("XA/hrr-2024-public.html", "XB/irf-2024-public.html"):
        assert "<h1" in (out / name).read_text(encoding="utf-8")
    versions = list_versions(hrdraft_sample_store, year=2024)
    assert sorted((v.report_type, v.country) for v in versions) == [
        ("hrr", "XA"), ("hrr", "XB"), ("irf", "XA"), ("irf", "XB"),
    ]  # fmt: skip

    again = run(
        "compile", "hrr", "irf", "--all", "--year", "2024", "--jobs", "2",
        "--format", "html", "--out", str(out),
    )  # fmt: skip
    assert again.exit_code == 0
    assert "Nothing changed since the last compile" in again.output
    assert len(list_versions(hrdraft_sample_store, year=2024)) == 4


def test_a_failing_draft_is_named_and_the_others_are_written(run, tmp_path):
    out = tmp_path / "out"
    result = run(
        "compile", "hrr", "--country", "XA", "--country", "QZ", "--country", "XB",
        "--year", "2023", "--jobs", "2", "--format", "html", "--out", str(out),
    )  # fmt: skip
    assert result.exit_code == 2
    assert _drafts_in_table(result.output) == ["hrr XA 2023 public", "hrr XB 2023 public"]
    assert "1 of 3 drafts failed" in result.output
    assert "hrr QZ 2023 public: no records for QZ" in result.output
    assert (out / "XA" / "hrr-2023-public.html").is_file()
    assert (out / "XB" / "hrr-2023-public.html").is_file()


def test_an_option_goes_to_the_reports_that_declare_it(run, tmp_path):
    result = run(
        "compile", "hrr", "tip", "--country", "XA", "--year", "2024", "-o", "tier=2",
        "--jobs", "1", "--format", "html", "--out", str(tmp_path),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "Tier 2" in (tmp_path / "XA" / "tip-2024-public.html").read_text(encoding="utf-8")
    typo = run(
        "compile", "hrr", "tip", "--country", "XA", "--year", "2024", "-o", "teir=2",
        "--format", "html", "--out", str(tmp_path),
    )  # fmt: skip
    assert typo.exit_code == 2
    assert "no report among hrr, tip has the option 'teir'" in typo.output
