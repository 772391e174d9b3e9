"""Interrupted, killed and crowded: nothing is ever half stored, on SQLite and PostgreSQL.

Real processes, real signals: Ctrl-C (SIGINT) and kill -9 during an ingest
and during a compile, a writer held up by another, two writers at once.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from hrdraft.cli import cli
from hrdraft.store import open_store
from hrdraft.store import records as stored_records
from hrdraft.testing import SAMPLE_DIR

pytestmark = pytest.mark.slow  # real processes, each a second or more


def _records(path: Path, prefix: str, n: int) -> Path:
    with path.open("w", encoding="utf-8") as f:
        for i in range(n):
            row = {
                "id": f"{prefix}-{i:05d}", "country": "XA", "year": 2023, "title": f"Event {i}",
                "summary": "Police detained members of the union at a peaceful protest.",
                "categories": ["detention.arbitrary"], "sensitivity": "public",
                "source": {"name": f"Monitor {prefix}", "kind": "ngo"},
            }  # fmt: skip
            f.write(json.dumps(row) + "\n")
    return path


def _count(url: str) -> int:
    # Read only: bringing the schema up to date takes the write lock, and
    # would wait for the very ingest being watched.
    store = open_store(url, upgrade=False)
    try:
        return len(stored_records.list_current(store))
    finally:
        store.dispose()


def _hrdraft(url: str, *args: str, **kw) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "hrdraft", "--db", url, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **kw,
    )


def _wait_for(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL], ids=["ctrl-c", "kill-9"])
def test_an_interrupted_ingest_keeps_the_files_before_and_nothing_of_the_one_under_way(
    any_store, tmp_path, sig
):
    url = any_store.connect_url
    small = _records(tmp_path / "small.jsonl", "S", 50)
    big = _records(tmp_path / "big.jsonl", "B", 40_000)
    run = _hrdraft(url, "ingest", str(small), str(big))
    _wait_for(lambda: _count(url) >= 50 or run.poll() is not None)
    time.sleep(0.5)  # into the big file's transaction
    assert run.poll() is None, f"the ingest ended before it could be interrupted: {run.stderr}"
    run.send_signal(sig)
    _, err = run.communicate(timeout=60)
    if sig == signal.SIGINT:
        assert run.returncode == 130, err
        assert "interrupted" in err and "Traceback" not in err
    else:
        assert run.returncode == -signal.SIGKILL
    assert _count(url) == 50  # the small file, whole; nothing of the big one
    # The store is sound: the big file goes in whole on a second run.
    again = CliRunner().invoke(cli, ["--db", url, "ingest", str(big)])
    assert again.exit_code == 0, again.output
    assert _count(url) == 40_050
    assert CliRunner().invoke(cli, ["--db", url, "audit", "verify"]).exit_code == 0


def test_a_killed_compile_leaves_no_half_written_draft(any_store, hrdraft_plugins, tmp_path):
    from hrdraft.history.versions import list_versions
    from hrdraft.ingest import ingest_paths

    ingest_paths(any_store, hrdraft_plugins, sorted(SAMPLE_DIR.glob("*.jsonl")))
    url, out = any_store.connect_url, tmp_path / "out"
    args = ["compile", "hrr", "irf", "--all", "--year", "2023", "--jobs", "1", "--out", str(out)]
    run = _hrdraft(url, *args)
    _wait_for(lambda: any(out.rglob("*.pdf")) or run.poll() is not None, timeout=120)
    assert run.poll() is None, "the compile finished before it could be killed"
    run.kill()
    run.communicate(timeout=60)
    for path in out.rglob("*"):
        if path.suffix == ".pdf":
            assert path.read_bytes().rstrip().endswith(b"%%EOF"), path
        elif path.suffix == ".html":
            assert path.read_text(encoding="utf-8").rstrip().endswith("</html>"), path
    saved = len(list_versions(any_store))
    again = CliRunner().invoke(cli, ["--db", url, *args])
    assert again.exit_code == 0, again.output
    versions = list_versions(any_store)
    assert len(versions) == 4  # hrr and irf for XA and XB, each once
    assert saved <= 4


def test_a_writer_held_up_too_long_fails_clearly_and_stores_nothing(tmp_path):
    db = tmp_path / "store.sqlite"
    url = f"sqlite:///{db}"
    open_store(url).dispose()
    records = _records(tmp_path / "r.jsonl", "W", 10)
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another writer, holding on
    try:
        started = time.monotonic()
        result = CliRunner().invoke(
            cli, ["--db", url, "ingest", str(records)], env={"HRDRAFT_BUSY_TIMEOUT": "1"}
        )
        waited = time.monotonic() - started
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 5, result.output
    assert "the store is busy" in result.output and "HRDRAFT_BUSY_TIMEOUT" in result.output
    assert "Traceback" not in result.output and 1 <= waited < 20
    assert _count(url) == 0
    assert CliRunner().invoke(cli, ["--db", url, "ingest", str(records)]).exit_code == 0
    assert _count(url) == 10


@pytest.mark.postgres
def test_a_writer_held_up_by_a_lock_on_postgresql_fails_clearly(pg_url, tmp_path):
    import sqlalchemy as sa

    store = open_store(pg_url, key_file=tmp_path / "pg.key")
    url = store.connect_url
    store.dispose()
    records = _records(tmp_path / "r.jsonl", "P", 10)
    holder = sa.create_engine(pg_url)
    with holder.connect() as conn:
        conn.execute(sa.text("BEGIN"))
        conn.execute(sa.text("LOCK TABLE records IN ACCESS EXCLUSIVE MODE"))
        result = CliRunner().invoke(
            cli, ["--db", url, "ingest", str(records)], env={"HRDRAFT_BUSY_TIMEOUT": "1"}
        )
        conn.execute(sa.text("ROLLBACK"))
    holder.dispose()
    assert result.exit_code == 5, result.output
    assert "the store is busy" in result.output and "Traceback" not in result.output
    assert _count(url) == 0


def test_two_writers_at_once_both_store_everything(any_store, tmp_path):
    url = any_store.connect_url
    files = [_records(tmp_path / f"{p}.jsonl", p, 8_000) for p in ("A", "B")]
    runs = [_hrdraft(url, "ingest", str(f)) for f in files]
    for run in runs:
        _, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
    assert _count(url) == 16_000


def test_ctrl_c_surfacing_as_a_driver_error_is_still_an_interruption(hrdraft_store, monkeypatch):
    # Ctrl-C inside a PostgreSQL call can reach the command as the driver's
    # error raised while cleaning up ("cannot exit pipeline mode while busy"):
    # the user pressed Ctrl-C, so they get exit 130 and the interrupted
    # message, not a traceback. Here the ingest's file reading is where the
    # interrupt lands, and the error raised while handling it is the driver's.
    import hrdraft.ingest as ingest

    def interrupted(*args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            raise KeyboardInterrupt
        except KeyboardInterrupt:
            raise RuntimeError("cannot exit pipeline mode while busy")  # noqa: B904

    monkeypatch.setattr(ingest, "_ingest", interrupted)
    path = SAMPLE_DIR / "records.jsonl"
    result = CliRunner().invoke(cli, ["--db", hrdraft_store.connect_url, "ingest", str(path)])
    assert result.exit_code == 130, result.output
    assert "interrupted:" in result.output
    # Any other error is still an error of ours, with its traceback.
    monkeypatch.setattr(ingest, "_ingest", lambda *a, **k: 1 / 0)
    failed = CliRunner().invoke(cli, ["--db", hrdraft_store.connect_url, "ingest", str(path)])
    assert failed.exit_code == 1 and isinstance(failed.exception, ZeroDivisionError)
