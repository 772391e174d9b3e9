"""Fixtures shared by the suite: a real PostgreSQL server beside SQLite.

PostgreSQL is started once per test session in a throwaway data directory
(as the ``postgres`` user when the suite runs as root, since the server
refuses root). ``HRDRAFT_TEST_PG_URL`` points at an existing server instead.
Each test that asks for ``any_store`` runs twice: on SQLite and on a fresh
PostgreSQL database.

The example Civic Space plugin (``examples/civic-space``) is installed into
this environment with ``pip install -e`` before any test runs, so that it is
found through its entry point exactly as a third party's plugin would be.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import os
import shutil
import site
import socket
import subprocess
import sys
import sysconfig
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from hrdraft.store import Store, open_store

TESTS = Path(__file__).parent
ROOTS = TESTS / "roots"
EXAMPLE_PLUGIN = TESTS.parent / "examples" / "civic-space"


def example_plugin_installed() -> bool:
    """Installed from this checkout (not from another clone, since moved or deleted)."""
    if not any(ep.name == "civic-space" for ep in importlib.metadata.entry_points(group="hrdraft")):
        return False
    spec = importlib.util.find_spec("hrdraft_civic_space")
    return bool(spec and spec.origin) and Path(spec.origin).resolve().is_relative_to(
        EXAMPLE_PLUGIN.resolve()
    )


def pytest_configure(config: pytest.Config) -> None:
    # Install once, in the main process, before test workers start: a worker
    # started afterwards reads the new .pth file at start-up. Installing from
    # a worker mid-run raced with the other worker, which then saw the entry
    # point but could not import the module.
    if hasattr(config, "workerinput") or example_plugin_installed():
        return
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-e",
            str(EXAMPLE_PLUGIN),
        ],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise pytest.UsageError(f"could not install {EXAMPLE_PLUGIN} for the tests:\n{done.stderr}")
    # This process started before the install: read the new .pth file now,
    # as a fresh interpreter would.
    site.addsitedir(sysconfig.get_paths()["purelib"])
    importlib.invalidate_caches()


def _pg_bin() -> Path | None:
    for candidate in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True):
        if (candidate / "pg_ctl").exists():
            return candidate
    found = shutil.which("pg_ctl")
    return Path(found).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """URL of a running PostgreSQL server (admin database)."""
    if url := os.environ.get("HRDRAFT_TEST_PG_URL"):
        yield url
        return
    bindir = _pg_bin()
    if bindir is None:
        pytest.skip("PostgreSQL is not installed here (no pg_ctl); SQLite tests still ran")
    workdir = Path(tempfile.mkdtemp(prefix="hrdraft-pg-"))
    datadir = workdir / "data"
    port = _free_port()
    as_postgres: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(workdir, "postgres")
        os.chmod(workdir, 0o700)
        as_postgres = ["runuser", "-u", "postgres", "--"]
    subprocess.run(
        [
            *as_postgres,
            str(bindir / "initdb"),
            "-D",
            str(datadir),
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale",
            "C",
        ],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            *as_postgres,
            str(bindir / "pg_ctl"),
            "-D",
            str(datadir),
            "-l",
            str(workdir / "log"),
            "-w",
            "-o",
            f"-p {port} -k {workdir} -c listen_addresses=127.0.0.1 -c fsync=off",
            "start",
        ],
        check=True,
        capture_output=True,
    )
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(
            [*as_postgres, str(bindir / "pg_ctl"), "-D", str(datadir), "-m", "immediate", "stop"],
            capture_output=True,
        )
        shutil.rmtree(workdir, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """URL of a fresh, empty PostgreSQL database for one test."""
    import sqlalchemy as sa

    name = "t_" + uuid.uuid4().hex[:12]
    admin = sa.create_engine(pg_server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    yield pg_server.rsplit("/", 1)[0] + "/" + name
    with admin.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """A fresh store on SQLite and, in a second run of the test, on PostgreSQL."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    else:
        url = request.getfixturevalue("pg_url")
    store = open_store(url)
    yield store
    store.dispose()


def wait_for(predicate, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False
