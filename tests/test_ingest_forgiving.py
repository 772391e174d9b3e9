"""Ingest that forgives what spreadsheets do (issue 11), through real files and the CLI.

Each test reproduces a defect an officer met (one broken JSON Lines line
rejecting a file, CRLF inside CSV cells, capitalised headers and values,
day-first dates, persons.1 reported as persons.0, a quarantine that never
empties) and checks what a user now sees.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import hrdraft.cli.records  # registers the commands (and is patched below)
from hrdraft.cli import cli
from hrdraft.store import audit, open_store

GOOD = {
    "id": "F-1",
    "country": "XA",
    "year": 2024,
    "title": "Defender detained",
    "summary": "Police detained a defender.",
    "source": {"name": "Lantern Watch", "kind": "ngo"},
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "store.sqlite"


@pytest.fixture
def run(db: Path):  # type: ignore[no-untyped-def]
    def run_(*args: str, input: str | None = None) -> Result:
        return CliRunner().invoke(
            cli, ["--db", str(db), *map(str, args)], input=input, catch_exceptions=False
        )

    return run_


def jsonl(path: Path, *lines: str) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def record(**changes: object) -> str:
    return json.dumps({**GOOD, **changes}, ensure_ascii=False)


def shown(run, record_id: str = "F-1") -> dict:  # type: ignore[no-untyped-def]
    result = run("records", "show", record_id, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


# -------------------------------------------------------------------------
# JSON Lines: one broken line is that line's problem
# -------------------------------------------------------------------------


def test_a_broken_json_lines_line_is_quarantined_and_the_others_stored(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = jsonl(
        tmp_path / "partners.jsonl",
        record(id="F-1"),
        record(id="F-2"),
        '{"id": "F-3", "country": "XA",',
        record(id="F-4"),
    )
    result = run("ingest", path)
    assert result.exit_code == 1, result.output
    assert f"{path}:3: (line): line 3 is not valid JSON: Expecting property name" in result.output
    listed = run("records", "list", "--json")
    assert sorted(r["id"] for r in json.loads(listed.output)) == ["F-1", "F-2", "F-4"]
    rows = json.loads(run("quarantine", "list", "--json").output)
    assert [(r["line"], r["raw"]) for r in rows] == [(3, '{"id": "F-3", "country": "XA",')]
    assert "(column 31)" in rows[0]["errors"][0]["message"]
    show = run("quarantine", "show", str(rows[0]["id"]))
    assert '{"id": "F-3", "country": "XA",' in show.output
    # The same file again: nothing new stored, the line not quarantined twice.
    again = run("ingest", path)
    assert again.exit_code == 1
    assert len(json.loads(run("quarantine", "list", "--json").output)) == 1


def test_a_file_with_no_json_line_is_one_error_and_stores_nothing(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "array.jsonl"
    path.write_text(json.dumps([GOOD, {**GOOD, "id": "F-2"}], indent=2), encoding="utf-8")
    result = run("ingest", path)
    assert result.exit_code == 2
    assert f"{path}:1: invalid JSON" in result.output
    assert "a JSON array of records goes in a .json file" in result.output
    assert "No records match" in run("records", "list").output
    assert "The quarantine is empty" in run("quarantine", "list").output


# -------------------------------------------------------------------------
# Line breaks: the same record from CSV and JSON is the same record
# -------------------------------------------------------------------------

CSV_HEADER = "id,country,year,title,summary,source.name,source.kind"


def test_crlf_in_a_csv_cell_is_stored_as_the_json_record_is(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    csv = tmp_path / "export.csv"
    csv.write_bytes(
        (
            CSV_HEADER + "\r\n"
            'F-1,XA,2024,Defender detained,"Police detained a defender in her '
            'care.\r\nThe Ombudsperson was told.",Lantern Watch,ngo\r\n'
        ).encode()
    )
    first = run("ingest", csv)
    assert first.exit_code == 0, first.output
    stored = shown(run)
    assert stored["record"]["summary"] == (
        "Police detained a defender in her care.\nThe Ombudsperson was told."
    )
    summary = "Police detained a defender in her care.\nThe Ombudsperson was told."
    same = jsonl(tmp_path / "same.jsonl", record(summary=summary))
    result = run("ingest", same)
    assert result.exit_code == 0
    assert "│      0 │             0 │         1 │           0 │" in result.output
    after = shown(run)
    assert len(after["revisions"]) == 1
    assert after["revisions"][0]["content_hash"] == stored["revisions"][0]["content_hash"]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_lone_cr_in_json_and_yaml_become_lf(run, tmp_path, newline: str) -> None:  # type: ignore[no-untyped-def]
    run("ingest", jsonl(tmp_path / "a.jsonl", record(summary="One.\nTwo.", title="A\nB")))
    json_file = jsonl(tmp_path / "b.jsonl", record(summary=f"One.{newline}Two.", title="A\nB"))
    yaml_file = tmp_path / "c.yaml"
    yaml_file.write_text(
        json.dumps([{**GOOD, "summary": "One.\nTwo.", "title": f"A{newline}B"}]),
        encoding="utf-8",
    )
    for path in (json_file, yaml_file):
        result = run("ingest", path)
        assert result.exit_code == 0, result.output
        assert "│         1 │" in result.output  # unchanged
    assert len(shown(run)["revisions"]) == 1


# -------------------------------------------------------------------------
# Headers and enumerated values in any case; the nearest column suggested
# -------------------------------------------------------------------------


def test_capitalised_headers_and_values_store_the_same_record(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    lower = tmp_path / "lower.csv"
    lower.write_text(
        "id,country,year,title,summary,source.name,source.kind,source.reliability,"
        "persons.0.name,persons.0.role,persons.0.consent,figures.prosecutions,sensitivity\n"
        "F-1,XA,2024,Defender detained,Police detained a defender.,Lantern Watch,ngo,b,"
        "Ana Ruiz,victim,anonymous,3,public\n",
        encoding="utf-8",
    )
    upper = tmp_path / "upper.csv"
    upper.write_text(
        "ID,Country,Year,Title,Summary,Source.Name,Source.Kind,SOURCE.RELIABILITY,"
        "Persons.0.Name,Persons.0.Role,Persons.0.Consent,Figures.Prosecutions,Sensitivity\n"
        "F-1,XA,2024,Defender detained,Police detained a defender.,Lantern Watch,NGO,B,"
        "Ana Ruiz,Victim,Anonymous,3,PUBLIC\n",
        encoding="utf-8",
    )
    result = run("ingest", upper)
    assert result.exit_code == 0, result.output
    data = shown(run)["record"]
    assert data["source"] == {"name": "Lantern Watch", "kind": "ngo", "reliability": "B"}
    assert data["persons"][0]["role"] == "victim"
    assert data["persons"][0]["consent"] == "anonymous"
    assert data["sensitivity"] == "public"
    assert data["figures"] == {"prosecutions": 3}
    again = run("ingest", lower)
    assert "│      0 │             0 │         1 │           0 │" in again.output


def test_named_in_capitals_is_named(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    person = {"name": "Ana Ruiz", "role": "VICTIM", "consent": "Named"}
    run("ingest", jsonl(tmp_path / "a.jsonl", record(persons=[person])))
    assert shown(run)["record"]["persons"][0]["consent"] == "named"


def test_a_header_twice_in_two_cases_is_one_error(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "twice.csv"
    path.write_text(CSV_HEADER + ",ID\nF-1,XA,2024,T,S,N,ngo,F-1\n", encoding="utf-8")
    result = run("ingest", path)
    assert result.exit_code == 2
    assert "columns 'id' and 'ID' name the same field 'id'" in result.output


@pytest.mark.parametrize(
    ("column", "suggestion"),
    [("Sumary", "summary"), ("Source_Name", "source.name"), ("citation url", "citation.url")],
)
def test_an_unknown_column_suggests_the_nearest(
    run, tmp_path, column: str, suggestion: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "cols.csv"
    path.write_text(f"{CSV_HEADER},{column}\nF-1,XA,2024,T,S,N,ngo,x\n", encoding="utf-8")
    result = run("ingest", path)
    assert result.exit_code == 1
    assert f"{path}:2: {column}: unknown field (did you mean {suggestion}" in result.output


def test_unknown_enumerated_value_is_still_refused(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    result = run("ingest", jsonl(tmp_path / "a.jsonl", record(sensitivity="Secret")))
    assert result.exit_code == 1
    assert "sensitivity: 'Secret' is not allowed" in result.output


# -------------------------------------------------------------------------
# Dates written another way: what to write instead, never a guess
# -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "words"),
    [
        ("14/03/2024", "write dates as YYYY-MM-DD: 2024-03-14 (day-first '14/03/2024')"),
        ("03/14/2024", "write dates as YYYY-MM-DD: 2024-03-14 (month-first '03/14/2024')"),
        ("14.03.2024", "write dates as YYYY-MM-DD: 2024-03-14 (day-first '14.03.2024')"),
        ("2024/03/14", "write dates as YYYY-MM-DD: 2024-03-14"),
        (
            "03/04/2024",
            "'03/04/2024' could be day-first (2024-04-03) or month-first (2024-03-04); "
            "write dates as YYYY-MM-DD",
        ),
        ("31/02/2024", "'31/02/2024' is not a real date; write dates as YYYY-MM-DD"),
    ],
)
def test_day_first_and_month_first_dates_say_what_to_write(run, tmp_path, written, words) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "dates.csv"
    path.write_text(
        f"{CSV_HEADER},event_date,received\nF-1,XA,2024,T,S,N,ngo,{written},{written}\n",
        encoding="utf-8",
    )
    result = run("ingest", path)
    assert result.exit_code == 1
    assert f"{path}:2: event_date: {words}" in result.output
    assert f"{path}:2: received: {words}" in result.output
    assert "more than one '/'" not in result.output
    assert "No records match" in run("records", "list").output


# -------------------------------------------------------------------------
# Errors name the list index as written
# -------------------------------------------------------------------------


def test_an_error_in_persons_1_is_reported_as_persons_1(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "p.csv"
    path.write_text(
        f"{CSV_HEADER},persons.1.name,persons.1.role,persons.1.consent,persons.3.name,"
        "persons.3.role\nF-1,XA,2024,T,S,N,ngo,Ana Ruiz,victim,maybe,Luis Paz,bystander\n",
        encoding="utf-8",
    )
    result = run("ingest", path)
    assert result.exit_code == 1
    assert f"{path}:2: persons.1.consent: 'maybe' is not allowed" in result.output
    assert f"{path}:2: persons.3.role: 'bystander' is not allowed" in result.output
    assert "persons.0" not in result.output


def test_an_uwazi_person_error_names_the_column_and_place(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "uwazi.csv"
    path.write_text(
        "Title,Summary,Country,Year,Source,Source_Type,Victims,Victims_Consent\n"
        "T,S,XA,2024,Lantern Watch,NGO,Ana Ruiz|Luis Paz,Named|maybe\n",
        encoding="utf-8",
    )
    result = run("ingest", path, "--format", "uwazi")
    assert result.exit_code == 1
    assert f"{path}:2: victims.1.consent: 'maybe' is not allowed" in result.output
    assert "persons.1" not in result.output


# -------------------------------------------------------------------------
# The quarantine: resolved rows, filters, clearing
# -------------------------------------------------------------------------


def _quarantine(run, *args: str) -> list[dict]:  # type: ignore[no-untyped-def]
    return json.loads(run("quarantine", "list", "--json", *args).output)


def test_a_row_fixed_later_is_resolved_and_can_be_cleared(run, tmp_path, db) -> None:  # type: ignore[no-untyped-def]
    bad = jsonl(tmp_path / "a.jsonl", record(year="twenty"), record(id="F-2", year="x"))
    assert run("ingest", bad).exit_code == 1  # batch 1
    fixed = jsonl(tmp_path / "b.jsonl", record())
    assert run("ingest", fixed).exit_code == 0  # batch 2 stores F-1
    rows = _quarantine(run)
    assert [(r["raw"].count('"F-1"'), r["resolved_by_batch"]) for r in rows] == [(1, 2), (0, None)]
    listed = run("quarantine", "list")
    assert "(resolved: stored by batch 2)" in listed.output
    assert "2 rows, 1 resolved" in listed.output
    assert [r["id"] for r in _quarantine(run, "--unresolved")] == [rows[1]["id"]]
    assert "resolved: stored by batch 2" in run("quarantine", "show", str(rows[0]["id"])).output

    # No terminal and no --yes: refused, nothing removed.
    refused = run("quarantine", "clear", "--resolved")
    assert refused.exit_code == 2
    assert "needs confirmation" in refused.output
    assert len(_quarantine(run)) == 2
    declined = CliRunner().invoke(cli, ["--db", str(db), "quarantine", "clear", "--resolved"])
    assert len(_quarantine(run)) == 2, declined.output

    cleared = run("quarantine", "clear", "--resolved", "--yes")
    assert cleared.exit_code == 0, cleared.output
    assert "Removed 1 quarantined row." in cleared.output
    assert [r["id"] for r in _quarantine(run)] == [rows[1]["id"]]
    store = open_store(f"sqlite:///{db}")
    try:
        entries = audit.entries(store, action="quarantine clear")
    finally:
        store.dispose()
    [entry] = [e for e in entries if "cleared" in e.details]  # the store's own entry
    assert entry.details["rows"] == [rows[0]["id"]]
    assert entry.details["resolved"] is True
    assert "twenty" not in json.dumps(entry.details)  # row numbers, never content


def test_the_quarantine_filtered_and_cleared_by_batch(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    run("ingest", jsonl(tmp_path / "a.jsonl", record(year="x")))  # batch 1
    run("ingest", jsonl(tmp_path / "b.jsonl", record(id="F-2", year="y"), "{broken"))  # batch 2
    assert [r["batch"] for r in _quarantine(run, "--batch", "2")] == [2, 2]
    assert "No quarantined rows match" in run("quarantine", "list", "--batch", "9").output
    cleared = run("quarantine", "clear", "--batch", "2", "--yes")
    assert "Removed 2 quarantined rows." in cleared.output
    assert [r["batch"] for r in _quarantine(run)] == [1]
    nothing = run("quarantine", "clear", "--batch", "2", "--yes")
    assert "nothing to clear" in nothing.output
    usage = run("quarantine", "clear")
    assert usage.exit_code == 2
    assert "--resolved, --batch N, or both" in usage.output


def test_clearing_asks_on_a_terminal(run, tmp_path, db, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    run("ingest", jsonl(tmp_path / "a.jsonl", record(year="x")))
    # CliRunner's stdin is never a terminal: say there is one, answer through `input`.
    monkeypatch.setattr(hrdraft.cli.records, "_can_ask", lambda: True)
    no = run("quarantine", "clear", "--batch", "1", input="n\n")
    assert "nothing was removed" in no.output
    assert len(_quarantine(run)) == 1
    yes = run("quarantine", "clear", "--batch", "1", input="y\n")
    assert "Removed 1 quarantined row." in yes.output
    assert _quarantine(run) == []


# -------------------------------------------------------------------------
# Where figure names and section ids are listed
# -------------------------------------------------------------------------


def test_unknown_figures_and_targets_point_to_plugins_details(run, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = jsonl(
        tmp_path / "a.jsonl",
        record(figures={"prosecution": 3}),
        record(id="F-2", sections=["hrr:9.z"]),
    )
    result = run("ingest", path)
    assert result.exit_code == 1
    assert result.output.count("`hrdraft plugins --details`") == 2
    details = run("plugins", "--details")
    assert "prosecutions" in details.output
    assert "hrr:" in details.output


# -------------------------------------------------------------------------
# The same on PostgreSQL: resolution and clearing are plain queries of the store
# -------------------------------------------------------------------------


def test_resolution_and_clearing_on_every_store(any_store, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from hrdraft.ingest import ingest_file
    from hrdraft.plugins import load_plugins
    from hrdraft.store import quarantine

    plugins = load_plugins()
    first = ingest_file(
        any_store,
        plugins,
        jsonl(tmp_path / "a.jsonl", record(year="x"), record(id="F-2", year="y"), "{broken"),
    )
    assert (first.stored, first.quarantined) == (0, 3)
    second = ingest_file(any_store, plugins, jsonl(tmp_path / "b.jsonl", record()))
    rows = quarantine.list_quarantined(any_store)
    assert [r.resolved_by for r in rows] == [second.batch_id, None, None]
    assert rows[2].raw == "{broken"
    assert len(quarantine.list_quarantined(any_store, unresolved=True)) == 2
    assert quarantine.list_quarantined(any_store, batch=second.batch_id) == []
    assert quarantine.clear_quarantined(any_store, resolved=True) == [rows[0].id]
    assert quarantine.clear_quarantined(any_store, batch=first.batch_id, dry_run=True) == [
        rows[1].id,
        rows[2].id,
    ]
    assert quarantine.clear_quarantined(any_store, batch=first.batch_id) == [rows[1].id, rows[2].id]
    assert quarantine.list_quarantined(any_store) == []
