"""Fixtures shared by the suite: a real PostgreSQL server beside SQLite.

PostgreSQL is started once per test session in a throwaway data directory
(as the ``postgres`` user when the suite runs as root, since the server
refuses root). ``HRDRAFT_TEST_PG_URL`` points at an existing server instead.
Each test that asks for ``any_store`` runs twice: on SQLite and on a fresh
PostgreSQL database.

The example Civic Space plugin (``examples/civic-space``) is pip-installed
into a throwaway folder on the path before any test runs, so that it is found
through its entry point exactly as a third party's plugin would be, without
touching the environment the suite runs in.
"""

from __future__ import annotations

import importlib.metadata
import os
import shutil
import socket
import subprocess
import sys
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
_SITE_DIR = pytest.StashKey[Path]()


def pytest_configure(config: pytest.Config) -> None:
    # Installed for real (pip builds and installs its wheel, entry point and
    # all) but into a throwaway folder, never into the environment the suite
    # runs in: afterwards `hrdraft plugins` there lists what the user
    # installed, not our example. The controller does it once, before test
    # workers start, and hands the folder to them (and to the subprocesses
    # tests start) through PYTHONPATH.
    if hasattr(config, "workerinput"):
        # A worker's interpreter may have started before the controller set
        # PYTHONPATH (xdist passes the environment on afterwards).
        for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep):
            if entry and entry not in sys.path:
                sys.path.insert(0, entry)
        importlib.invalidate_caches()
        return
    installed = [
        ep for ep in importlib.metadata.entry_points(group="hrdraft") if ep.name == "civic-space"
    ]
    if installed:
        raise pytest.UsageError(
            "the example plugin civic-space is installed in this environment "
            f"({installed[0].value}); the suite installs its own copy: "
            f"{sys.executable} -m pip uninstall -y hrdraft-civic-space"
        )
    site_dir = Path(tempfile.mkdtemp(prefix="hrdraft-test-site-"))
    # Built from a copy: a build in place leaves egg-info and build folders in
    # the checkout, and two test runs at once would race on them.
    source = Path(shutil.copytree(EXAMPLE_PLUGIN, site_dir / "_source"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "--target",
            str(site_dir),
            str(source),
        ],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        shutil.rmtree(site_dir, ignore_errors=True)
        raise pytest.UsageError(f"could not install {EXAMPLE_PLUGIN} for the tests:\n{done.stderr}")
    shutil.rmtree(source)
    os.environ["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(site_dir), os.environ.get("PYTHONPATH", "")) if p
    )
    sys.path.insert(0, str(site_dir))
    importlib.invalidate_caches()
    config.stash[_SITE_DIR] = site_dir


def pytest_unconfigure(config: pytest.Config) -> None:
    site_dir = config.stash.get(_SITE_DIR, None)
    if site_dir is not None:
        shutil.rmtree(site_dir, ignore_errors=True)


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
    """A fresh store on SQLite and, in a second run of the test, on PostgreSQL.

    The SQLite store's key is the file beside it (store.key); the PostgreSQL
    store's is tmp_path/pg.key, carried in ``any_store.connect_url``.
    """
    key = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    else:
        url, key = request.getfixturevalue("pg_url"), tmp_path / "pg.key"
    store = open_store(url, key_file=key)
    yield store
    store.dispose()


def wait_for(predicate, timeout: float = 10.0) -> bool:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False
