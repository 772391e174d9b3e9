"""The store at rest: nothing a record says is readable from the database files without the key.

Scans the bytes an attacker who took the laptop (or a dump of the server)
would have: the SQLite file with its -wal and -shm, and ``pg_dump`` output.
Every check first finds a value that is meant to stay in clear (a country
code, a category), so a scan that read nothing could not pass.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from conftest import _pg_bin

from hrdraft.cli import cli
from hrdraft.document import Paragraph, Report, Section
from hrdraft.ingest import canonical_json, ingest_paths
from hrdraft.records import Record
from hrdraft.store import MIGRATIONS, StoreKeyError, batches, open_store, quarantine
from hrdraft.store import records as stored_records
from hrdraft.store.versions import load_version
from hrdraft.testing import SAMPLE_DIR

SAMPLE = SAMPLE_DIR / "records.jsonl"
# A row that fails validation (bad year) but says what a confidential record would.
BAD_ROW = {
    "id": "Q-SECRET-1",
    "country": "XA",
    "year": "twenty-twenty-three",
    "title": "Quarantined testimony about Idrissa Okonkwo-Vale",
    "summary": "The witness Idrissa Okonkwo-Vale described the night raid in detail.",
    "sensitivity": "confidential",
    "source": {"name": "Salome Quarantine-Witness", "kind": "defender"},
}


def sample_rows() -> list[dict[str, Any]]:
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]


def secrets_of(rows: list[dict[str, Any]]) -> dict[str, str]:
    """Every text that identifies a person or says what they reported, by where it came from.

    Restricted and confidential records' titles, summaries, locations,
    citations and persons; the names of persons without `named` consent;
    individual sources; and, since all content is sealed, public records'
    text too.
    """
    found: dict[str, str] = {}
    for row in rows:
        rid = row["id"]
        level = row.get("sensitivity", "restricted")
        for field in ("title", "summary", "location"):
            if row.get(field):
                found[row[field]] = f"{rid} {field} ({level})"
        citation = row.get("citation") or {}
        for field in ("text", "url"):
            if citation.get(field):
                found[citation[field]] = f"{rid} citation.{field} ({level})"
        for person in row.get("persons", []):
            found[person["name"]] = f"{rid} person ({person.get('consent', 'anonymous')})"
        if row["source"].get("kind") in ("defender", "journalist", "individual"):
            found[row["source"]["name"]] = f"{rid} individual source"
        found[rid] = f"{rid} id ({level})"
    # Very short strings would match by chance in kilobytes of ciphertext.
    return {text: where for text, where in found.items() if len(text.encode()) >= 6}


def readable(blob: bytes, secrets: dict[str, str]) -> list[str]:
    return [f"{where}: {text!r}" for text, where in secrets.items() if text.encode() in blob]


def sqlite_bytes(db: Path) -> bytes:
    return b"".join(
        p.read_bytes() for p in (db, Path(f"{db}-wal"), Path(f"{db}-shm")) if p.exists()
    )


def pg_dump(url: str) -> bytes:
    bindir = _pg_bin()
    assert bindir is not None
    libpq = url.replace("postgresql+psycopg://", "postgresql://")
    done = subprocess.run(
        [str(bindir / "pg_dump"), "--no-owner", libpq], capture_output=True, check=True
    )
    return done.stdout


def write_jsonl(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


# -------------------------------------------------------------------------
# The sample, scanned
# -------------------------------------------------------------------------


def test_the_sqlite_files_hold_no_record_text_name_or_quarantined_row(
    tmp_path: Path, hrdraft_plugins
) -> None:
    rows = sample_rows()
    secrets = secrets_of([*rows, BAD_ROW])
    restricted = [r for r in rows if r.get("sensitivity", "restricted") != "public"]
    unnamed = [p for r in rows for p in r.get("persons", []) if p.get("consent") != "named"]
    assert len(restricted) > 250 and len(unnamed) > 200  # the sample exercises both
    db = tmp_path / "store.sqlite"
    store = open_store(f"sqlite:///{db}")
    try:
        bad = write_jsonl(tmp_path / "with-a-bad-row.jsonl", [BAD_ROW, rows[0]])
        results = ingest_paths(store, hrdraft_plugins, [SAMPLE, bad])
        assert [r.quarantined for r in results] == [0, 1]
        # Read back through the store: the content is all there, in clear, for the key holder.
        [entry] = quarantine.list_quarantined(store)
        assert "Idrissa Okonkwo-Vale" in entry.raw
        assert len(stored_records.list_current(store)) == len(rows)
        # Scanned while the store is open: the WAL still holds the ingest's pages.
        wal = Path(f"{db}-wal")
        assert wal.exists() and wal.stat().st_size > 100_000
        blob = sqlite_bytes(db)
        assert b"confidential" in blob and b"trafficking.prosecution" in blob  # clear metadata
        assert readable(blob, secrets) == []
    finally:
        store.dispose()
    assert readable(sqlite_bytes(db), secrets) == []  # and after the WAL is checkpointed


@pytest.mark.postgres
def test_a_postgresql_dump_holds_no_record_text_name_or_quarantined_row(
    pg_url: str, tmp_path: Path, hrdraft_plugins
) -> None:
    rows = sample_rows()
    secrets = secrets_of([*rows, BAD_ROW])
    store = open_store(pg_url, key_file=tmp_path / "pg.key")
    try:
        bad = write_jsonl(tmp_path / "with-a-bad-row.jsonl", [BAD_ROW])
        results = ingest_paths(store, hrdraft_plugins, [SAMPLE, bad])
        assert [r.quarantined for r in results] == [0, 1]
        assert len(stored_records.list_current(store, sensitivity="confidential")) == 63
    finally:
        store.dispose()
    dump = pg_dump(pg_url)
    assert b"COPY public.records" in dump and b"detention.arbitrary" in dump
    assert readable(dump, secrets) == []


def test_a_stored_version_and_its_author_are_sealed(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    store = open_store(f"sqlite:///{db}")
    try:
        from hrdraft.history.versions import save_version

        section = Section(
            id="1.c", title="Torture", blocks=(Paragraph(text="Guards beat Tamsin Ravenholt."),)
        )
        report = Report(
            report_type="hrr", report_title="HRR", edition="2023", country="XA",
            country_name="Esterra", year=2023, period="2023", audience="internal",
            title="Esterra 2023", sections=(section,),
        )  # fmt: skip
        saved = save_version(
            store, report, fingerprint="f", origin="imported", author="Officer Quillane",
            message="Cleared the Ravenholt paragraph",
        )  # fmt: skip
        version, loaded = load_version(store, saved.id)
        assert (version.author, loaded) == ("Officer Quillane", report)
    finally:
        store.dispose()
    blob = sqlite_bytes(db)
    assert b"hrr" in blob and b"internal" in blob
    for text in ("Tamsin Ravenholt", "Officer Quillane", "Ravenholt paragraph", "Esterra"):
        assert text.encode() not in blob


# -------------------------------------------------------------------------
# The key: missing, wrong, a passphrase
# -------------------------------------------------------------------------


def run(*args: str, env: dict[str, str] | None = None, input: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), env=env, input=input)


def test_a_wrong_key_is_a_clear_error_naming_the_key_file(tmp_path: Path) -> None:
    a, b = tmp_path / "a" / "store.sqlite", tmp_path / "b" / "store.sqlite"
    for db in (a, b):
        db.parent.mkdir()
        assert run("--db", str(db), "init").exit_code == 0
    other_key = b.with_suffix(".key")
    result = run("--db", str(a), "--key", str(other_key), "records", "list")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert f"the key file {other_key} does not open the store" in result.output
    assert "backup" in result.output


def test_a_missing_key_is_a_clear_error_and_no_new_key_is_made(
    tmp_path: Path, hrdraft_plugins
) -> None:
    db = tmp_path / "store.sqlite"
    assert run("--db", str(db), "ingest", str(SAMPLE)).exit_code == 0
    key = tmp_path / "store.key"
    key.unlink()
    result = run("--db", str(db), "records", "list")
    assert result.exit_code == 2, result.output
    assert f"no key file at {key}" in result.output
    assert "restore the key file from your backup" in result.output
    assert not key.exists()  # a new key would lock the records away for good
    with pytest.raises(StoreKeyError, match="no key file"):
        open_store(f"sqlite:///{db}")


def test_a_key_file_that_is_not_a_key_is_named(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    assert run("--db", str(db), "init").exit_code == 0
    (tmp_path / "store.key").write_text("hello\n")
    result = run("--db", str(db), "records", "list")
    assert result.exit_code == 2
    assert "is not an hrdraft key file" in result.output


def test_postgresql_needs_a_key_file_or_passphrase(pg_url: str, tmp_path: Path) -> None:
    result = run("--db", pg_url, "init")
    assert result.exit_code == 2
    assert "needs a key" in result.output and "--key PATH" in result.output
    key = tmp_path / "keys" / "pg.key"
    assert run("--db", pg_url, "--key", str(key), "init").exit_code == 0
    assert key.exists() and mode(key) == 0o600 and mode(key.parent) == 0o700


def test_a_passphrase_opens_the_store_and_a_wrong_one_does_not(tmp_path: Path, monkeypatch) -> None:
    db = tmp_path / "store.sqlite"
    env = {"HRDRAFT_PASSPHRASE": "correct horse battery staple"}
    assert run("--db", str(db), "ingest", str(SAMPLE), env=env).exit_code == 0
    assert not (tmp_path / "store.key").exists()  # nothing on disk but the database
    listed = run("--db", str(db), "records", "list", "--country", "XA", env=env)
    assert listed.exit_code == 0 and "XA-2023-0001" in listed.output
    wrong = run("--db", str(db), "records", "list", env={"HRDRAFT_PASSPHRASE": "incorrect"})
    assert wrong.exit_code == 2
    assert "HRDRAFT_PASSPHRASE does not open the store" in wrong.output
    without = run("--db", str(db), "records", "list", env={"HRDRAFT_PASSPHRASE": ""})
    assert without.exit_code == 2 and "locked with a passphrase" in without.output


# -------------------------------------------------------------------------
# File modes
# -------------------------------------------------------------------------


def test_database_wal_shm_and_key_are_0600_in_0700_folders(tmp_path: Path) -> None:
    old = os.umask(0o022)  # what most shells have
    try:
        db = tmp_path / "store.sqlite"
        store = open_store(f"sqlite:///{db}")
        try:
            assert stored_records.list_current(store) == []  # a connection is open
            files = [db, Path(f"{db}-wal"), Path(f"{db}-shm"), tmp_path / "store.key"]
            assert [(p.name, mode(p)) for p in files] == [(p.name, 0o600) for p in files]
        finally:
            store.dispose()
        key = tmp_path / "new" / "keys" / "other.key"
        other = open_store(f"sqlite:///{tmp_path / 'other.sqlite'}", key_file=key)
        other.dispose()
        assert (mode(key), mode(key.parent), mode(key.parent.parent)) == (0o600, 0o700, 0o700)
    finally:
        os.umask(old)


def test_looser_modes_of_an_existing_store_are_tightened_with_a_warning(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    assert run("--db", str(db), "init").exit_code == 0
    key = tmp_path / "store.key"
    os.chmod(db, 0o644)
    os.chmod(key, 0o644)
    result = run("--db", str(db), "records", "list")
    assert result.exit_code == 0, result.output
    assert f"warning: {db} was readable by others (mode 0644); now 0600" in result.output
    assert f"warning: {key} was readable by others (mode 0644); now 0600" in result.output
    assert (mode(db), mode(key)) == (0o600, 0o600)


def test_the_demo_store_has_its_own_key_beside_it(tmp_path: Path) -> None:
    out = tmp_path / "demo"
    result = run("demo", "--out", str(out), "--format", "html")
    assert result.exit_code == 0, result.output
    assert mode(out) == 0o700
    assert (mode(out / "hrdraft.sqlite"), mode(out / "hrdraft.key")) == (0o600, 0o600)
    listed = run("--db", str(out / "hrdraft.sqlite"), "versions", "list")
    assert listed.exit_code == 0 and "hrr" in listed.output


# -------------------------------------------------------------------------
# Migrating a store made before encryption
# -------------------------------------------------------------------------


def _plaintext_store(url: str) -> dict[str, Any]:
    """A store at schema 0002 with rows as hrdraft wrote them before 0003, in clear."""
    from alembic import command
    from alembic.config import Config

    rows = [r for r in sample_rows() if r["country"] == "XA"][:30]
    engine = sa.create_engine(url)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))

    def json_value(name: str) -> str:
        return f"CAST(:{name} AS JSON)" if engine.dialect.name == "postgresql" else f":{name}"

    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0002")
        batch = conn.execute(
            sa.text(
                "INSERT INTO batches (file_name, sha256, format, started_at, stored, revised, "
                "unchanged, quarantined) VALUES ('/exports/okonkwo-vale.jsonl', :sha, 'jsonl', "
                "CURRENT_TIMESTAMP, 30, 0, 0, 1) RETURNING id"
            ),
            {"sha": "ab" * 32},
        ).scalar_one()
        for row in rows:
            record = Record.model_validate(row)
            text = canonical_json(record).decode()
            digest = hashlib.sha256(text.encode()).hexdigest()
            pk = conn.execute(
                sa.text(
                    "INSERT INTO records (source_name, record_id, country, year, sensitivity, "
                    "categories, revision, content_hash, updated_at) VALUES (:s, :i, :c, :y, "
                    ":v, :cats, 1, :h, CURRENT_TIMESTAMP) RETURNING pk"
                ),
                {
                    "s": record.source.name,
                    "i": record.id,
                    "c": record.country,
                    "y": record.year,
                    "v": record.sensitivity,
                    "h": digest,
                    "cats": "|" + "|".join(record.categories) + "|",
                },
            ).scalar_one()
            conn.execute(
                sa.text(
                    "INSERT INTO record_revisions (record_pk, revision, content_hash, data, "
                    f"batch_id, created_at) VALUES (:pk, 1, :h, {json_value('data')}, :b, "
                    "CURRENT_TIMESTAMP)"
                ),
                {"pk": pk, "h": digest, "data": text, "b": batch},
            )
        conn.execute(
            sa.text(
                "INSERT INTO quarantine (batch_id, file_name, line, raw, errors, created_at) "
                "VALUES (:b, '/exports/okonkwo-vale.jsonl', 31, :raw, "
                f"{json_value('e')}, CURRENT_TIMESTAMP)"
            ),
            {
                "b": batch,
                "raw": json.dumps(BAD_ROW),
                "e": json.dumps(
                    [{"field": "year", "message": "'twenty' from Idrissa Okonkwo-Vale"}]
                ),
            },
        )
        report = Report(
            report_type="hrr", report_title="HRR", edition="2023", country="XA",
            country_name="Esterra", year=2023, period="2023", audience="internal",
            title="Esterra 2023", sections=(Section(id="1.c", title="Torture",
            blocks=(Paragraph(text="Guards beat Tamsin Ravenholt."),)),),
        )  # fmt: skip
        document = report.model_dump_json()
        conn.execute(
            sa.text(
                "INSERT INTO versions (report_type, edition, country, year, audience, section, "
                "fingerprint, content_hash, document, origin, author, message, created_at) "
                "VALUES ('hrr', '2023', 'XA', 2023, 'internal', '', 'fp', :h, :d, 'imported', "
                "'Officer Quillane', 'Cleared', CURRENT_TIMESTAMP)"
            ),
            {"h": hashlib.sha256(document.encode()).hexdigest(), "d": document},
        )
    engine.dispose()
    return {"rows": rows, "report": report}


@pytest.mark.parametrize(
    "backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def test_a_plaintext_store_is_sealed_by_the_migration_and_nothing_is_lost(
    backend: str, request: pytest.FixtureRequest, tmp_path: Path, hrdraft_plugins
) -> None:
    if backend == "sqlite":
        db = tmp_path / "old.sqlite"
        url, key = f"sqlite:///{db}", None
    else:
        url, key = request.getfixturevalue("pg_url"), tmp_path / "pg.key"
    made = _plaintext_store(url)
    rows = made["rows"]
    secrets = {
        **secrets_of([*rows, BAD_ROW]),
        "Tamsin Ravenholt": "version",
        "Officer Quillane": "author",
        "okonkwo-vale.jsonl": "file name",
    }

    def scan() -> bytes:
        return sqlite_bytes(db) if backend == "sqlite" else pg_dump(url)

    assert len(readable(scan(), secrets)) > 50  # in clear before: the scan sees them

    store = open_store(url, key_file=key)
    try:
        current = stored_records.list_current(store)
        assert sorted(c.record_id for c in current) == sorted(r["id"] for r in rows)
        [one] = stored_records.lookup(store, rows[0]["id"])
        assert one.data == Record.model_validate(rows[0]).model_dump(mode="json")
        [revision] = stored_records.history(store, one.source_name, one.record_id)
        assert revision.file_name == "/exports/okonkwo-vale.jsonl"
        [entry] = quarantine.list_quarantined(store)
        assert json.loads(entry.raw) == BAD_ROW and "Okonkwo-Vale" in entry.errors[0]["message"]
        assert batches.list_batches(store)[0].sha256 == "ab" * 32
        version, document = load_version(store, 1)
        assert (version.author, document) == ("Officer Quillane", made["report"])
        # The content hashes carried over: the same records again are unchanged.
        again = ingest_paths(store, hrdraft_plugins, [write_jsonl(tmp_path / "again.jsonl", rows)])
        assert (again[0].stored, again[0].revised, again[0].unchanged) == (0, 0, len(rows))
    finally:
        store.dispose()
    # VACUUM (FULL) rewrote the files: the plaintext is not in free pages either.
    assert readable(scan(), secrets) == []


# -------------------------------------------------------------------------
# hrdraft key create / backup / rotate / show-path
# -------------------------------------------------------------------------


def test_key_show_path_create_and_backup(tmp_path: Path) -> None:
    db, key = tmp_path / "store.sqlite", tmp_path / "store.key"
    shown = run("--db", str(db), "key", "show-path")
    assert shown.exit_code == 0 and f"{key} (not created yet)" in shown.output
    assert not key.exists() and not db.exists()  # showing opens nothing
    created = run("--db", str(db), "key", "create")
    assert created.exit_code == 0, created.output
    assert key.exists() and "hrdraft key backup PATH" in created.output
    again = run("--db", str(db), "key", "create")
    assert again.exit_code == 2 and f"a key file exists at {key} already" in again.output
    backup = tmp_path / "usb" / "store-key.backup"
    done = run("--db", str(db), "key", "backup", str(backup))
    assert done.exit_code == 0, done.output
    assert "apart from the database" in done.output
    assert (mode(backup), mode(backup.parent)) == (0o600, 0o700)
    assert backup.read_bytes() == key.read_bytes()
    assert run("--db", str(db), "key", "backup", str(backup)).exit_code == 2  # never overwritten
    # The backup opens the store in the key's place.
    key.unlink()
    assert run("--db", str(db), "--key", str(backup), "records", "list").exit_code == 0


def test_key_rotate_keeps_every_record_readable_and_the_old_key_opens_nothing(
    tmp_path: Path, hrdraft_plugins
) -> None:
    db, key = tmp_path / "store.sqlite", tmp_path / "store.key"
    bad = write_jsonl(tmp_path / "bad.jsonl", [BAD_ROW])
    assert run("--db", str(db), "ingest", str(SAMPLE), str(bad)).exit_code == 1  # one quarantined
    compiled = run(
        "--db", str(db), "compile", "hrr", "--country", "XA", "--year", "2023",
        "--format", "html", "--out", str(tmp_path / "out"), "--jobs", "1",
    )  # fmt: skip
    assert compiled.exit_code == 0, compiled.output
    store = open_store(f"sqlite:///{db}")
    before = (
        stored_records.list_current(store),
        quarantine.list_quarantined(store),
        load_version(store, 1),
        batches.list_batches(store),
    )
    store.dispose()
    old_key = tmp_path / "old.key"
    old_key.write_bytes(key.read_bytes())

    rotated = run("--db", str(db), "key", "rotate", input="y\n")
    assert rotated.exit_code == 0, rotated.output
    assert "make a new one now" in rotated.output
    assert key.read_bytes() != old_key.read_bytes() and mode(key) == 0o600
    assert not Path(f"{key}.new").exists()

    store = open_store(f"sqlite:///{db}")
    try:
        after = (
            stored_records.list_current(store),
            quarantine.list_quarantined(store),
            load_version(store, 1),
            batches.list_batches(store),
        )
        # Keyed hashes are new, the content the same.
        assert [c.data for c in after[0]] == [c.data for c in before[0]]
        assert [c.content_hash for c in after[0]] != [c.content_hash for c in before[0]]
        assert (after[1], after[3]) == (before[1], before[3])  # quarantine, batches
        (version, document), (version_before, document_before) = after[2], before[2]
        assert document == document_before
        assert replace(version, content_hash="") == replace(version_before, content_hash="")
        again = ingest_paths(store, hrdraft_plugins, [SAMPLE])
        assert (again[0].stored, again[0].revised) == (0, 0)  # every record still "unchanged"
    finally:
        store.dispose()
    refused = run("--db", str(db), "--key", str(old_key), "records", "list")
    assert refused.exit_code == 2 and "does not open the store" in refused.output
    assert readable(sqlite_bytes(db), secrets_of(sample_rows())) == []
    recompiled = run(
        "--db", str(db), "compile", "hrr", "--country", "XA", "--year", "2023",
        "--format", "html", "--out", str(tmp_path / "out"), "--jobs", "1",
    )  # fmt: skip
    assert recompiled.exit_code == 0 and "v1 (unchanged)" in recompiled.output


def test_key_rotate_asks_first(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    assert run("--db", str(db), "init").exit_code == 0
    key = (tmp_path / "store.key").read_bytes()
    declined = run("--db", str(db), "key", "rotate", input="n\n")
    assert declined.exit_code == 1 and (tmp_path / "store.key").read_bytes() == key


def test_a_rotation_cut_off_before_its_rename_is_finished_at_the_next_open(
    any_store, tmp_path: Path, hrdraft_plugins, monkeypatch
) -> None:
    from hrdraft.store import rotation

    ingest_paths(any_store, hrdraft_plugins, [SAMPLE])
    source = any_store.key_source
    assert source.path is not None
    old = source.path.read_bytes()

    def power_cut(_source):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt  # after the commit, before the rename

    monkeypatch.setattr(rotation, "commit_pending_key", power_cut)
    with pytest.raises(KeyboardInterrupt):
        rotation.rotate_key(any_store)
    assert source.path.read_bytes() == old and Path(f"{source.path}.new").exists()
    monkeypatch.undo()
    store = open_store(any_store.connect_url)
    try:
        assert any("finished an interrupted key rotation" in n for n in store.notices)
        assert len(stored_records.list_current(store)) == len(sample_rows())
    finally:
        store.dispose()
    assert source.path.read_bytes() != old and not Path(f"{source.path}.new").exists()


def test_a_writer_holding_the_old_key_is_refused_after_a_rotation(
    any_store, tmp_path: Path
) -> None:
    from hrdraft.history.versions import save_version
    from hrdraft.store.rotation import rotate_key

    other = open_store(any_store.connect_url)
    try:
        rotate_key(other)
    finally:
        other.dispose()
    report = Report(
        report_type="hrr", report_title="HRR", edition="2023", country="XA",
        country_name="Esterra", year=2023, period="2023", audience="public",
        title="Esterra 2023", sections=(),
    )  # fmt: skip
    with pytest.raises(StoreKeyError, match="key was changed"):
        save_version(any_store, report, fingerprint="f")


def test_a_passphrase_store_rotates_to_a_new_passphrase(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    env = {"HRDRAFT_PASSPHRASE": "first passphrase"}
    assert run("--db", str(db), "ingest", str(SAMPLE), env=env).exit_code == 0
    rotated = run(
        "--db", str(db), "key", "rotate", "--yes",
        env={**env, "HRDRAFT_NEW_PASSPHRASE": "second passphrase"},
    )  # fmt: skip
    assert rotated.exit_code == 0, rotated.output
    assert run("--db", str(db), "records", "list", env=env).exit_code == 2
    listed = run(
        "--db", str(db), "records", "list", env={"HRDRAFT_PASSPHRASE": "second passphrase"}
    )
    assert listed.exit_code == 0 and "XA-2023-0001" in listed.output
    backup = run("--db", str(db), "key", "backup", str(tmp_path / "b.key"), env=env)
    assert backup.exit_code == 2


def test_a_store_written_without_encryption_is_refused(tmp_path: Path) -> None:
    from hrdraft.store.engine import _open_unencrypted

    db = tmp_path / "bench.sqlite"
    _open_unencrypted(f"sqlite:///{db}").dispose()  # benchmarks/ingest.py's switch
    result = run("--db", str(db), "records", "list")
    assert result.exit_code == 2 and "written without encryption" in result.output


def test_a_store_of_an_older_sealing_scheme_is_refused_not_misread(tmp_path: Path) -> None:
    db = tmp_path / "store.sqlite"
    assert run("--db", str(db), "init").exit_code == 0
    engine = sa.create_engine(f"sqlite:///{db}")
    with engine.begin() as conn:
        conn.execute(sa.text("UPDATE store_key SET scheme = 'aes-256-gcm+hmac-sha256'"))
    engine.dispose()
    result = run("--db", str(db), "records", "list")
    assert result.exit_code == 2 and "development version" in result.output
