"""The audit trail: every command that opened the store leaves one entry; the chain shows edits.

The trail is edited here the way an attacker with the file would: with
sqlite3 (or SQL on PostgreSQL) directly, bypassing hrdraft.
"""

from __future__ import annotations

import getpass
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from hrdraft.cli import cli
from hrdraft.store import audit
from hrdraft.testing import SAMPLE_DIR

SAMPLE = SAMPLE_DIR / "records.jsonl"


def run(db: Path, *args: str, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, ["--db", str(db), *args], input=input)


def trail(db: Path, *args: str) -> list[dict[str, Any]]:
    result = run(db, "audit", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store after an officer's day: ingest, show, compile, export, edit, import, diff."""
    db = tmp_path / "store.sqlite"
    out = tmp_path / "out"
    steps = [
        ("ingest", str(SAMPLE)),
        ("records", "show", "XA-2023-0001"),
        ("compile", "hrr", "--country", "XA", "--year", "2023", "--format", "html",
         "--out", str(out), "--jobs", "1"),
        ("export", "1", "--format", "md", "--out", str(tmp_path / "xa-draft.md")),
    ]  # fmt: skip
    for step in steps:
        result = run(db, *step)
        assert result.exit_code == 0, (step, result.output)
    edited = tmp_path / "xa-draft.md"
    edited.write_text(edited.read_text("utf-8") + "\nAdded by the reviewer.\n", "utf-8")
    for step in (
        ("versions", "import", str(edited), "--author", "J. Quillane", "--message", "Added"),
        ("diff", "1", "2", "--format", "json", "--out", str(tmp_path / "changes.json")),
    ):
        result = run(db, *step)
        assert result.exit_code == 0, (step, result.output)
    return db


def test_each_command_leaves_who_what_and_what_it_touched(db: Path, tmp_path: Path) -> None:
    entries = trail(db)
    actions = [e["action"] for e in entries]
    assert actions == ["ingest", "records show", "compile", "export", "versions import", "diff"]
    assert [e["id"] for e in entries] == [1, 2, 3, 4, 5, 6]
    assert {e["who"]["user"] for e in entries} == {getpass.getuser()}
    ingest, show, compile_, export, imported, diff = (e["details"] for e in entries)
    assert ingest["touched"]["files"] == [str(SAMPLE)] and ingest["status"] == 0
    assert show["touched"]["records_read"] == ["Office of the Prosecutor General / XA-2023-0001"]
    assert compile_["touched"]["versions_saved"] == [1]
    assert compile_["touched"]["files_written"] == [str(tmp_path / "out/XA/hrr-2023-public.html")]
    assert compile_["arguments"]["countries"] == ["XA"]
    assert export["touched"]["versions_read"] == [1]
    assert export["arguments"]["out"] == str(tmp_path / "xa-draft.md")
    assert entries[4]["who"]["author"] == "J. Quillane"
    assert imported["touched"]["versions_saved"] == [2]
    assert diff["touched"]["versions_read"] == [1, 2]
    assert diff["arguments"]["out"] == str(tmp_path / "changes.json")
    # Listing is an access too: it is on record, after what it listed.
    assert trail(db)[-1]["action"] == "audit"


def test_a_failed_command_is_on_record_with_its_status(db: Path) -> None:
    assert run(db, "records", "show", "NO-SUCH-RECORD").exit_code == 2
    last = trail(db)[-1]
    assert (last["action"], last["details"]["status"]) == ("records show", 2)


def test_commands_that_never_open_the_store_leave_nothing(db: Path) -> None:
    before = len(trail(db))
    assert run(db, "plugins").exit_code == 0
    assert run(db, "key", "show-path").exit_code == 0
    assert len(trail(db)) == before + 1  # the listing itself


def test_filters_by_action_and_time(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from hrdraft.cli import console

    # Wide enough for the table: COLUMNS alone does not do when it was set
    # before the console was made (pytest-xdist's workers set it to 80).
    monkeypatch.setattr(console, "_width", 200)
    assert [e["action"] for e in trail(db, "--action", "versions")] == ["versions import"]
    assert [e["id"] for e in trail(db, "--action", "compile")] == [3]
    assert trail(db, "--since", "2999-01-01") == []
    assert len(trail(db, "--since", "2000-01-01")) >= 6
    table = CliRunner().invoke(cli, ["--db", str(db), "audit"], env={"COLUMNS": "200"})
    assert table.exit_code == 0 and "versions import" in table.output
    assert "J. Quillane" in table.output


def test_the_details_are_sealed_at_rest(db: Path) -> None:
    blob = db.read_bytes() + (Path(f"{db}-wal").read_bytes() if Path(f"{db}-wal").exists() else b"")
    assert b"versions import" in blob  # the action is in clear, to filter on
    for secret in ("J. Quillane", "xa-draft.md", "changes.json", getpass.getuser() + "@"):
        assert secret.encode() not in blob


# -------------------------------------------------------------------------
# verify: an intact trail, and each way of editing it
# -------------------------------------------------------------------------


def verify(db: Path):  # type: ignore[no-untyped-def]
    return run(db, "audit", "verify")


def edit(db: Path, *statements: str) -> None:
    with sqlite3.connect(db) as conn:
        for statement in statements:
            conn.execute(statement)


def test_an_untouched_trail_verifies(db: Path) -> None:
    result = verify(db)
    assert result.exit_code == 0, result.output
    assert "The audit trail is whole: 6 entries." in result.output
    assert verify(db).exit_code == 0  # and the entry the first check left is whole too


def test_an_entry_changed_by_hand_is_named(db: Path) -> None:
    edit(db, "UPDATE audit_log SET action = 'plugins' WHERE id = 4")  # hide an export
    result = verify(db)
    assert result.exit_code == 4
    assert "the audit trail is broken at entry 4" in result.output
    assert "3 entries before it check out" in result.output


def test_an_entry_whose_time_was_moved_is_named(db: Path) -> None:
    edit(db, "UPDATE audit_log SET at = '2020-01-01 00:00:00.000000' WHERE id = 2")
    result = verify(db)
    assert result.exit_code == 4 and "broken at entry 2" in result.output


def test_details_swapped_between_entries_are_named(db: Path) -> None:
    edit(
        db,
        "CREATE TEMP TABLE keep AS SELECT details FROM audit_log WHERE id = 5",
        "UPDATE audit_log SET details = (SELECT details FROM audit_log WHERE id = 6) WHERE id = 5",
        "UPDATE audit_log SET details = (SELECT details FROM keep) WHERE id = 6",
    )
    result = verify(db)
    assert result.exit_code == 4 and "broken at entry 5" in result.output


def test_an_entry_deleted_by_hand_is_named(db: Path) -> None:
    edit(db, "DELETE FROM audit_log WHERE id = 3")  # hide a compile
    result = verify(db)
    assert result.exit_code == 4
    assert "broken at entry 3: entry 3 is missing" in result.output


def test_the_newest_entry_deleted_by_hand_is_found(db: Path) -> None:
    edit(db, "DELETE FROM audit_log WHERE id = 6")
    result = verify(db)
    assert result.exit_code == 4
    assert "the newest entries were removed" in result.output


def test_the_head_pointed_at_an_older_entry_is_found(db: Path) -> None:
    # Removing the newest entry and pointing the head at the one before: no key, no MAC.
    edit(
        db,
        "DELETE FROM audit_log WHERE id = 6",
        "UPDATE audit_head SET last_id = 5, last_hash = (SELECT hash FROM audit_log WHERE id = 5)",
    )
    result = verify(db)
    assert result.exit_code == 4
    assert "the trail's head (its newest entry) was changed" in result.output


def test_an_entry_inserted_by_hand_is_named(db: Path) -> None:
    # A copy of a real entry (sealed details, hash and all) passed off as a new one.
    edit(
        db,
        "UPDATE audit_log SET id = -id WHERE id >= 4",
        "UPDATE audit_log SET id = 1 - id WHERE id < 0",
        "INSERT INTO audit_log (id, at, action, details, hash) "
        "SELECT 4, at, action, details, hash FROM audit_log WHERE id = 3",
    )
    result = verify(db)
    assert result.exit_code == 4 and "broken at entry 4" in result.output


def test_a_rotation_rechains_the_trail_and_refuses_a_broken_one(db: Path) -> None:
    assert run(db, "key", "rotate", "--yes").exit_code == 0
    result = verify(db)
    assert result.exit_code == 0, result.output  # 6 + rotate, under the new key
    assert [e["action"] for e in trail(db)][6:8] == ["key rotate", "audit verify"]
    edit(db, "DELETE FROM audit_log WHERE id = 2")
    refused = run(db, "key", "rotate", "--yes")
    assert refused.exit_code == 2 and "the audit trail is broken" in refused.output


def test_verify_on_postgresql_finds_an_entry_changed_or_deleted(any_store) -> None:  # type: ignore[no-untyped-def]
    for action in ("ingest", "compile", "export"):
        audit.record(any_store, action=action, details={"files": [f"{action}.txt"]})
    assert audit.verify(any_store).ok
    with any_store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET action = 'plugins' WHERE id = 2"))
    verdict = audit.verify(any_store)
    assert (verdict.ok, verdict.broken, verdict.entries) == (False, 2, 1)
    with any_store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_log SET action = 'compile' WHERE id = 2"))
    assert audit.verify(any_store).ok  # put back, whole again
    with any_store.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = 1"))
    verdict = audit.verify(any_store)
    assert (verdict.broken, verdict.problem) == (1, "entry 1 is missing: removed from the trail")
