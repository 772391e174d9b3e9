"""The records commands through click's CliRunner: exit codes, summaries, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import hrdraft.cli.records  # noqa: F401 - registers the commands
from hrdraft.cli import cli
from hrdraft.ingest import record_schema

ROOTS = Path(__file__).parent / "roots"
FORMATS = ROOTS / "ingest-formats"
MALFORMED = ROOTS / "ingest-malformed"
MIXED = ROOTS / "ingest-quarantine" / "mixed.csv"


@pytest.fixture
def run(tmp_path: Path):  # type: ignore[no-untyped-def]
    db = tmp_path / "store.sqlite"

    def run_(*args: str) -> Result:
        return CliRunner().invoke(cli, ["--db", str(db), *map(str, args)], catch_exceptions=False)

    return run_


def test_init_creates_the_store_and_says_where(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    result = run("init")
    assert result.exit_code == 0
    assert "store.sqlite" in result.output
    assert (tmp_path / "store.sqlite").exists()


def test_ingest_all_good_exits_0_with_a_summary(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ingest", FORMATS / "records.jsonl", FORMATS / "records.csv")
    assert result.exit_code == 0, result.output
    assert "Ingest summary" in result.output
    assert "quarantined:" not in result.output
    again = run("ingest", FORMATS / "records.jsonl")
    assert again.exit_code == 0
    assert "│      0 │             0 │         3 │           0 │" in again.output


def test_ingest_with_quarantined_rows_exits_1_and_lists_them(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ingest", MIXED)
    assert result.exit_code == 1
    assert "2 rows quarantined" in result.output
    assert f"{MIXED}:4: year: 'twenty' is not a whole number" in result.output
    listed = run("quarantine", "list")
    assert listed.exit_code == 0
    assert f"{MIXED}:4: year:" in listed.output
    shown = run("quarantine", "show", "2")
    assert "Quoted, with a comma" in shown.output
    assert "colour: unknown field" in shown.output
    as_json = json.loads(run("quarantine", "list", "--json").output)
    assert [(q["line"], len(q["errors"])) for q in as_json] == [(3, 2), (4, 2)]


def test_unreadable_file_exits_2_and_the_other_files_go_on(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "ingest", MALFORMED / "latin1.csv", FORMATS / "records.jsonl", MALFORMED / "invalid.json"
    )
    assert result.exit_code == 2
    assert f"{MALFORMED / 'latin1.csv'}:2: byte 0xe9" in result.output
    assert "re-save the file as UTF-8" in result.output
    assert f"{MALFORMED / 'invalid.json'}:3: invalid JSON" in result.output
    assert "Traceback" not in result.output
    assert len(json.loads(run("records", "list", "--json").output)) == 3


def test_unknown_format_is_a_user_error(run) -> None:  # type: ignore[no-untyped-def]
    result = run("ingest", "--format", "excel", MIXED)
    assert result.exit_code == 2
    assert "unknown format 'excel'" in result.output
    assert "uwazi" in result.output


def test_records_list_filters_and_json(run) -> None:  # type: ignore[no-untyped-def]
    run("ingest", FORMATS / "records.yaml", MIXED)
    listed = run("records", "list", "--country", "xa", "--category", "torture")
    assert listed.exit_code == 0
    assert "Q-1" in listed.output and "XA-T-001" not in listed.output
    data = json.loads(run("records", "list", "--sensitivity", "confidential", "--json").output)
    assert [(r["id"], r["revision"]) for r in data] == [("XA-T-003", 1)]
    assert data[0]["source"]["name"] == "مرصد الحقوق"
    assert json.loads(run("records", "list", "--year", "2022", "--json").output) == []
    assert "No records match" in run("records", "list", "--year", "2022").output


def test_records_show_gives_the_revision_history(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = FORMATS / "records.jsonl"
    run("ingest", first)
    changed = tmp_path / "changed.jsonl"
    rows = [json.loads(line) for line in first.read_text(encoding="utf-8").splitlines() if line]
    rows[0]["summary"] = "Police detained the journalist for three days."
    changed.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    ingest = run("ingest", changed)
    assert "│      0 │             1 │         2 │" in ingest.output
    shown = run("records", "show", "XA-T-001")
    assert shown.exit_code == 0
    assert "revision 2" in shown.output
    assert "three days" in shown.output
    data = json.loads(run("records", "show", "XA-T-001", "--json").output)
    assert [(r["revision"], Path(r["file"]).name) for r in data["revisions"]] == [
        (1, "records.jsonl"),
        (2, "changed.jsonl"),
    ]


def test_records_show_unknown_or_ambiguous_id(run, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    missing = run("records", "show", "NOPE")
    assert missing.exit_code == 2
    assert "no record 'NOPE'" in missing.output
    path = tmp_path / "two.jsonl"
    base = {"id": "S-1", "country": "XA", "year": 2023, "title": "T", "summary": "S"}
    path.write_text(
        "\n".join(
            json.dumps({**base, "source": {"name": n, "kind": "ngo"}}) for n in ("NGO A", "NGO B")
        ),
        encoding="utf-8",
    )
    run("ingest", path)
    ambiguous = run("records", "show", "S-1")
    assert ambiguous.exit_code == 2
    assert "--source" in ambiguous.output and "'NGO B'" in ambiguous.output
    assert run("records", "show", "S-1", "--source", "NGO B").exit_code == 0


def test_quarantine_show_unknown_number(run) -> None:  # type: ignore[no-untyped-def]
    result = run("quarantine", "show", "99")
    assert result.exit_code == 2
    assert "no quarantined row #99" in result.output


def test_categories_and_schema(run) -> None:  # type: ignore[no-untyped-def]
    categories = json.loads(run("categories", "--json").output)
    assert {
        "id": "torture",
        "label": "Torture or cruel, inhuman or degrading treatment",
        "description": "",
    } in categories
    assert run("schema").output == record_schema()


def test_every_command_has_help(run) -> None:  # type: ignore[no-untyped-def]
    for args in (
        ["init"],
        ["ingest"],
        ["records", "list"],
        ["records", "show"],
        ["quarantine", "list"],
        ["quarantine", "show"],
        ["categories"],
        ["schema"],
    ):
        result = run(*args, "--help")
        assert result.exit_code == 0
        assert len(result.output.split("Options:")[0].strip().splitlines()) >= 3, args
