"""Erasure: `records withdraw` and `forget` leave nothing of what they erase.

Record WD-01 and person Lena Sorensen are in the store, in its quarantine
and in a stored version; after the erasure they are in none of the
command outputs, in no sealed value of the database (opened with the
store's key), and on SQLite the ciphertext they were stored as is gone
from the file and its -wal and -shm. Everything else stays.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import LargeBinary, select

from hrdraft.cli import cli
from hrdraft.history.refilter import WITHDRAWN
from hrdraft.select.fold import fold_text
from hrdraft.store import Base, QuarantinedRow, RecordRevision, StoredRecord, StoredVersion

SECRET = "Quillon warehouse"  # only in WD-01's text and its quarantined copy
NAME = "Lena Sorensen"
SOURCE = {"name": "Veloria Rights Watch", "kind": "ngo", "reliability": "B"}


def _records() -> list[dict]:
    base = {"country": "XA", "year": 2023, "categories": ["detention.arbitrary"],
            "sensitivity": "public", "source": SOURCE}  # fmt: skip
    return [
        {**base, "id": "WD-01", "event_date": "2023-03-02", "title": "Detentions",
         "summary": f"Police held eleven dockworkers at the {SECRET} for two days."},
        {**base, "id": "LS-02", "event_date": "2023-04-11", "title": "Arrest",
         "summary": f"Police arrested {NAME}, a union organiser. Sorensen was released. "
                    "Marta Ilves saw it.",
         "persons": [{"name": NAME, "role": "victim", "consent": "named"},
                     {"name": "Marta Ilves", "role": "witness", "consent": "named"}]},
        {**base, "id": "OK-03", "event_date": "2023-05-20", "title": "Raid",
         "summary": "Police raided the offices of a press union."},
    ]  # fmt: skip


def _bad_rows() -> list[dict]:
    """Rows that fail validation (a year that is not a number): quarantined."""
    return [
        {"id": "WD-01", "country": "XA", "year": "soon", "title": "Detentions",
         "summary": f"{SECRET}, again", "source": SOURCE},
        {"id": "BAD-9", "country": "XA", "year": "later", "title": "Arrest",
         "summary": f"About {NAME}", "source": SOURCE},
        {"id": "BAD-10", "country": "XA", "year": "never", "title": "Other",
         "summary": "A row nobody erases", "source": SOURCE},
    ]  # fmt: skip


@pytest.fixture
def store(any_store, hrdraft_plugins, tmp_path):
    """The records and bad rows ingested, v1 compiled, its Markdown exported."""
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in _records() + _bad_rows()))
    run = _runner(any_store)
    assert run("ingest", str(rows)).exit_code == 1  # three rows quarantined
    compile_args = ["compile", "hrr", "--country", "XA", "--year", "2023", "--format", "html"]
    assert run(*compile_args, "--out", str(tmp_path / "out")).exit_code == 0
    before = tmp_path / "v1-before.md"
    assert run("export", "1", "--out", str(before)).exit_code == 0
    text = before.read_text(encoding="utf-8")
    assert SECRET in text and NAME in text  # they were there
    return any_store


def _runner(store):  # type: ignore[no-untyped-def]
    runner = CliRunner()
    return lambda *args: runner.invoke(
        cli, ["--db", store.connect_url, *args], catch_exceptions=False
    )


def _sealed_values(store) -> list[str]:  # type: ignore[no-untyped-def]
    """Every sealed value in the database, opened with the store's key."""
    found = []
    with store.engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            for column in table.columns:
                if not isinstance(column.type, LargeBinary):
                    continue
                column_ad = f"{table.name}.{column.name}".encode()
                for (value,) in conn.execute(select(column)):
                    found.append(store.keyring.open(value, column_ad).decode("utf-8"))
    assert found
    return found


def _outputs(run, tmp_path: Path) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """What a user can read: records, quarantine, version 1 shown and exported, a diff."""
    outputs = {
        "records list": run("records", "list", "--json").output,
        "quarantine list": run("quarantine", "list", "--json").output,
        "versions show": run("versions", "show", "1", "--json").output,
        "versions list": run("versions", "list", "--json").output,
        "audit": run("audit", "--json").output,
    }
    for fmt in ("md", "html"):
        path = tmp_path / f"v1-after.{fmt}"
        assert run("export", "1", "--format", fmt, "--out", str(path)).exit_code == 0
        outputs[f"export {fmt}"] = path.read_text(encoding="utf-8")
    compile_args = ["compile", "hrr", "--country", "XA", "--year", "2023", "--format", "html"]
    assert run(*compile_args, "--out", str(tmp_path / "out2")).exit_code == 0
    latest = list_versions_ids(run)[-1]
    for fmt in ("json", "terminal"):
        result = run("diff", "1", str(latest), "--format", fmt)
        assert result.exit_code == 0, result.output
        outputs[f"diff {fmt}"] = result.output
    return outputs


def list_versions_ids(run) -> list[int]:  # type: ignore[no-untyped-def]
    return [v["id"] for v in json.loads(run("versions", "list", "--json").output)]


def _sqlite_bytes(store) -> bytes:  # type: ignore[no-untyped-def]
    path = Path(store.engine.url.database)
    return b"".join(
        p.read_bytes() for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists()
    )


def _outline(version_json: str) -> list[tuple[str, int]]:
    document = json.loads(version_json)["document"]

    def walk(sections):  # type: ignore[no-untyped-def]
        for s in sections:
            yield s["id"], len(s["blocks"])
            yield from walk(s["children"])

    return list(walk(document["sections"]))


def test_withdraw_erases_the_record_everywhere(store, tmp_path):
    run = _runner(store)
    outline_before = _outline(run("versions", "show", "1", "--json").output)
    with store.engine.connect() as conn:
        # WD-01's revision, its quarantined row and version 1 as they were sealed.
        erased = store.keyring.lookup("id", "WD-01")
        old_ciphertexts = [
            bytes(v)
            for stmt in (
                select(RecordRevision.data)
                .join(StoredRecord, StoredRecord.pk == RecordRevision.record_pk)
                .where(StoredRecord.record_key == erased),
                select(QuarantinedRow.raw),
                select(StoredVersion.document),
            )
            for (v,) in conn.execute(stmt)
        ]
    assert len(old_ciphertexts) == 5
    result = run("records", "withdraw", "WD-01", "--yes")
    assert result.exit_code == 0, result.output
    assert "1 revision, 1 quarantined row, 1 stored version" in result.output
    assert "Re-ingesting" in result.output  # the warning

    outputs = _outputs(run, tmp_path)
    for what, text in outputs.items():
        assert SECRET not in text and "eleven dockworkers" not in text, what
        assert "WD-01" not in text, what
    # The rest stays: other records, other quarantined rows, the version's structure.
    assert "press union" in outputs["export md"] and "BAD-10" in outputs["quarantine list"]
    assert WITHDRAWN in outputs["export md"]
    shown = json.loads(outputs["versions show"])
    assert _outline(outputs["versions show"]) == outline_before
    assert "redacted" in shown["document"]["metadata"]
    assert "redacted by erasure" in shown["version"]["message"]

    # Nothing sealed in the database holds it any more (opened with the key).
    for value in _sealed_values(store):
        assert SECRET not in value and "WD-01" not in value
    entries = [e for e in json.loads(outputs["audit"]) if e["action"] == "erasure withdraw"]
    assert len(entries) == 1 and entries[0]["details"]["erased"]["revisions"] == 1
    assert run("audit", "verify").exit_code == 0
    if store.engine.dialect.name == "sqlite":
        # The old ciphertexts left the files (the other quarantined rows stay).
        raw = _sqlite_bytes(store)
        with store.engine.connect() as conn:
            still = {bytes(v) for (v,) in conn.execute(select(QuarantinedRow.raw))}
        assert SECRET.encode() not in raw
        for sealed in old_ciphertexts:
            if sealed not in still:
                assert sealed[1:40] not in raw
    # Last: the audit trail keeps (sealed) what a user types, as this does.
    assert run("records", "show", "WD-01").exit_code == 2


def test_forget_takes_the_person_out_of_everything(store, tmp_path):
    run = _runner(store)
    before = json.loads(run("records", "show", "LS-02", "--json").output)
    result = run("forget", NAME, "--country", "XA", "--yes")
    assert result.exit_code == 0, result.output
    assert "out of 1 record of XA" in result.output and "Re-ingesting" in result.output
    assert NAME not in result.output

    outputs = _outputs(run, tmp_path)
    outputs["records show"] = run("records", "show", "LS-02", "--json").output
    folded = fold_text("Sorensen")
    for what, text in outputs.items():
        assert folded not in fold_text(text), what
    for value in _sealed_values(store):
        assert folded not in fold_text(value)
    # The others stay, named as they consented to be.
    after = json.loads(outputs["records show"])
    assert [p["name"] for p in after["record"]["persons"]] == ["Marta Ilves"]
    assert "Marta Ilves" in after["record"]["summary"] and "a person" in after["record"]["summary"]
    assert "Marta Ilves" in outputs["export md"] and "press union" in outputs["export md"]
    assert "About a person" in outputs["quarantine list"]
    # A new content hash: the old one was taken of a text with her name.
    old_hash = before["revisions"][-1]["content_hash"]
    assert after["revisions"][-1]["content_hash"] != old_hash
    assert run("audit", "verify").exit_code == 0
    entries = [e for e in json.loads(outputs["audit"]) if e["action"] == "erasure forget"]
    assert len(entries) == 1 and entries[0]["details"]["erased"]["revisions"] == 1


@pytest.mark.parametrize(
    "command",
    [["records", "withdraw", "WD-01"], ["forget", NAME, "--country", "XA"]],
    ids=["withdraw", "forget"],
)
def test_without_yes_and_without_a_terminal_nothing_changes(store, command):
    run = _runner(store)

    def views() -> list[str]:
        reads = (("records", "list"), ("versions", "show", "1"), ("quarantine", "list"))
        return [run(*read, "--json").output for read in reads]

    before = views()
    result = run(*command)
    assert result.exit_code == 2
    assert "needs confirmation" in result.output and "--yes" in result.output
    assert views() == before
