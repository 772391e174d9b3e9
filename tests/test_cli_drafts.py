"""`hrdraft compile` and `hrdraft demo` as a user runs them."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from hrdraft.cli import cli


@pytest.fixture
def run(hrdraft_sample_store, tmp_path):
    db = hrdraft_sample_store.url

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)

    return invoke


@pytest.mark.parametrize(
    ("args", "message", "hint"),
    [
        (
            ["compile", "hrx", "--country", "XA", "--year", "2023"],
            "unknown report type 'hrx'",
            "hrr, irf, tip",
        ),
        (
            ["compile", "hrr", "--country", "XA", "--year", "2023", "--edition", "1999"],
            "hrr has no edition '1999'",
            "2023, 2024",
        ),
        (
            ["compile", "hrr", "--country", "XA", "--year", "2023", "--section", "9.z"],
            "section '9.z' is not in hrr edition 2023",
            "1.c",
        ),
        (
            ["compile", "hrr", "--country", "QZ", "--year", "2023"],
            "no records for QZ",
            "hrdraft ingest",
        ),
        (
            ["compile", "tip", "--country", "XA", "--year", "2024", "-o", "colour=red"],
            "tip has no option 'colour'",
            "tier",
        ),
        (
            ["compile", "tip", "--country", "XA", "--year", "2024", "-o", "tier=4"],
            "tier '4' is not a tier",
            "2WL",
        ),
    ],
)
def test_bad_requests_get_one_clear_line_with_the_choices(run, args, message, hint):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output and hint in result.output
    assert "Traceback" not in result.output


def test_compile_writes_drafts_and_says_where(run, tmp_path):
    out = tmp_path / "out"
    result = run(
        "compile",
        "irf",
        "--country",
        "XA",
        "--country",
        "XB",
        "--year",
        "2024",
        "--format",
        "html",
        "--out",
        str(out),
    )
    assert result.exit_code == 0, result.output
    for country in ("XA", "XB"):
        assert (out / country / "irf-2024-public.html").is_file()
    assert "(new)" in result.output
    again = run("compile", "irf", "--all", "--year", "2024", "--format", "html", "--out", str(out))
    assert again.exit_code == 0
    assert "Nothing changed since the last compile" in again.output


def test_one_section_only(run, tmp_path):
    result = run(
        "compile",
        "hrr",
        "--country",
        "XA",
        "--year",
        "2023",
        "--section",
        "1.c",
        "--format",
        "html",
        "--out",
        str(tmp_path),
    )
    assert result.exit_code == 0, result.output
    html = (tmp_path / "XA" / "hrr-2023-public-1.c.html").read_text(encoding="utf-8")
    assert "Torture" in html and "Freedom of Expression" not in html


def test_demo_ingests_the_sample_and_writes_every_report(tmp_path):
    out = tmp_path / "demo"
    result = CliRunner().invoke(
        cli, ["demo", "--out", str(out), "--format", "html"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    drafts = sorted(
        p.relative_to(out / "drafts").as_posix() for p in (out / "drafts").rglob("*.html")
    )
    assert drafts == [
        f"{c}/{r}-{y}-public.html"
        for c in ("XA", "XB")
        for r, y in (("hrr", 2023), ("hrr", 2024), ("irf", 2024), ("tip", 2024))
    ]
    assert "0 quarantined" in result.output
