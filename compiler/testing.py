"""A pytest plugin for hrdraft and for plugin authors (loaded automatically).

Fixtures:

* ``hrdraft_plugins``: the plugins installed in this environment;
* ``hrdraft_store``: a fresh, migrated SQLite store in a temporary directory;
* ``hrdraft_sample_store``: a fresh store holding the bundled sample records.

Compile helpers for plugin authors are at the end of this module.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .plugins import Plugins, load_plugins
from .store import Store, open_store

SAMPLE_DIR = Path(__file__).parent / "sample"


@pytest.fixture(scope="session")
def hrdraft_plugins() -> Plugins:
    """The plugins installed in this environment, loaded once per session."""
    return load_plugins()


@pytest.fixture
def hrdraft_store(tmp_path: Path) -> Iterator[Store]:
    """A fresh, migrated SQLite store of its own for one test."""
    store = open_store(f"sqlite:///{tmp_path / 'store.sqlite'}")
    yield store
    store.dispose()


@pytest.fixture(scope="session")
def _hrdraft_sample_db(tmp_path_factory: pytest.TempPathFactory, hrdraft_plugins: Plugins) -> Path:
    from .ingest import ingest_paths

    path = tmp_path_factory.mktemp("hrdraft-sample") / "sample.sqlite"
    store = open_store(f"sqlite:///{path}")
    ingest_paths(store, hrdraft_plugins, sorted(SAMPLE_DIR.glob("*.jsonl")))
    store.dispose()
    return path


@pytest.fixture
def hrdraft_sample_store(_hrdraft_sample_db: Path, tmp_path: Path) -> Iterator[Store]:
    """A store of its own holding the bundled sample records (a copy per test)."""
    import shutil

    path = tmp_path / "sample.sqlite"
    shutil.copy(_hrdraft_sample_db, path)
    store = open_store(f"sqlite:///{path}")
    yield store
    store.dispose()
