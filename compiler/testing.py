"""A pytest plugin for hrdraft and for plugin authors (loaded automatically).

Fixtures:

* ``hrdraft_plugins``: the plugins installed in this environment;
* ``hrdraft_store``: a fresh, migrated SQLite store in a temporary directory;
* ``hrdraft_sample_store``: a fresh store holding the bundled sample records;
* ``hrdraft_compile``: compile a draft from ``hrdraft_store`` and return its
  document (:func:`compile_draft` bound to the test's store and plugins).

Helpers for plugin authors, at the end of this module:

* :func:`store_records`: ingest records given as dicts, validated like
  ``hrdraft ingest`` validates a file;
* :func:`compile_draft`: build one draft's document (no files written);
* :func:`section_text`: the plain text of one section of a draft, for asserts;
* :func:`plugins_with`: the installed plugins plus a plugin module under test
  (loaded once, whether or not it is installed yet);
* :func:`render_html`: the draft's HTML page, to check a template override.

A plugin's test, typically::

    from hrdraft.testing import compile_draft, plugins_with, section_text, store_records

    import my_plugin

    def test_my_section(hrdraft_store):
        plugins = plugins_with(my_plugin)
        store_records(hrdraft_store, [{...}], plugins)
        report = compile_draft(hrdraft_store, "mine", "XA", 2024, plugins=plugins)
        assert "There were no reports" in section_text(report, "1")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:  # loaded when a fixture or helper is used, not with every pytest run
    from .document import Audience, Block, Report
    from .plugins import Plugins
    from .store import Store

SAMPLE_DIR = Path(__file__).parent / "sample"


def load_plugins(**kw: Any) -> Plugins:
    """:func:`hrdraft.plugins.load_plugins`, imported when first needed."""
    from .plugins import load_plugins as load

    return load(**kw)


def open_store(url: str) -> Store:
    from .store import open_store as open_

    return open_(url)


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
    # The store is encrypted: its key file (beside it, sample.key) goes with it.
    shutil.copy(_hrdraft_sample_db.with_suffix(".key"), path.with_suffix(".key"))
    store = open_store(f"sqlite:///{path}")
    yield store
    store.dispose()


# -------------------------------------------------------------------------
# Compile helpers for plugin authors
# -------------------------------------------------------------------------


def store_records(
    store: Store, records: Iterable[Mapping[str, Any]], plugins: Plugins | None = None
) -> None:
    """Ingest records given as dicts in the JSON record form (docs/records.md).

    The records go through the same validation as ``hrdraft ingest``, so a
    test's record with an unknown category fails as a user's would.
    """
    import json
    import tempfile

    from .ingest import ingest_paths

    with tempfile.TemporaryDirectory(prefix="hrdraft-records-") as tmp:
        path = Path(tmp) / "records.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for record in records:
                f.write(json.dumps(dict(record), ensure_ascii=False) + "\n")
        ingest_paths(store, plugins or load_plugins(), [path])


def compile_draft(
    store: Store,
    report_type: str,
    country: str,
    year: int,
    audience: Audience = "public",
    plugins: Plugins | None = None,
    **kw: Any,
) -> Report:
    """Build one draft's document, as ``hrdraft compile`` would, without writing files.

    ``kw`` are the other fields of :class:`hrdraft.build.BuildRequest`:
    ``edition``, ``section`` and ``options`` (e.g. ``options={"tier": "2"}``).
    ``plugins`` defaults to the installed plugins; pass
    ``load_plugins(extra=(my_module,))`` to test a plugin that is not
    installed yet.
    """
    from .build import BuildRequest
    from .pipeline import build_from_store

    request = BuildRequest(report_type, country, year, audience, **kw)
    document, _ = build_from_store(store, plugins or load_plugins(), request)
    return document


def _block_text(block: Block) -> list[str]:
    from .document import BulletList, Note, Table

    if isinstance(block, Table):
        return [block.caption, " | ".join(block.header), *(" | ".join(r) for r in block.rows)]
    if isinstance(block, BulletList):
        return list(block.items)
    if isinstance(block, Note):
        return [f"{block.label}: {block.text}"]
    return [block.text]


def section_text(report: Report, section_id: str) -> str:
    """The plain text of one section and its sub-sections: headings, paragraphs,
    list items, table rows (cells joined by " | ") and notes, one per line.

    Raises ``KeyError`` naming the ids that exist when the section is not in
    the draft, so a typo in a test says what to use instead.
    """
    section = report.section(section_id)
    if section is None:
        raise KeyError(f"no section {section_id!r}; the draft has {[s.id for s in report.walk()]}")
    lines: list[str] = []
    for part in section.walk():
        lines.append(part.heading)
        for block in part.blocks:
            lines += _block_text(block)
    return "\n".join(lines)


@pytest.fixture
def hrdraft_compile(hrdraft_store: Store, hrdraft_plugins: Plugins) -> Callable[..., Report]:
    """:func:`compile_draft` bound to this test's ``hrdraft_store`` and the installed plugins.

    ``hrdraft_compile("tip", "XA", 2024, options={"tier": "2"})``; pass
    ``store=`` or ``plugins=`` to use others.
    """

    def compile_(
        report_type: str, country: str, year: int, audience: Audience = "public", **kw: Any
    ) -> Report:
        kw.setdefault("plugins", hrdraft_plugins)
        store = kw.pop("store", hrdraft_store)
        return compile_draft(store, report_type, country, year, audience, **kw)

    return compile_


def plugins_with(*modules: object) -> Plugins:
    """The installed plugins plus `modules`, each loaded unless its entry point already has.

    Lets a plugin's own tests run before and after ``pip install -e .``
    without registering its report type twice.
    """
    installed = load_plugins()
    missing = tuple(m for m in modules if not installed.pm.is_registered(m))
    return load_plugins(extra=missing) if missing else installed


def render_html(report: Report, plugins: Plugins | None = None) -> str:
    """The draft as the HTML page ``hrdraft compile`` writes, with the plugins' templates."""
    from .render import Renderer

    return Renderer((plugins or load_plugins()).template_dirs).html(report)
