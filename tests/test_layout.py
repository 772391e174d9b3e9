"""The layout's boundaries, read from the source: SQL lives in the store package only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from hrdraft.store.models import Base

ROOT = Path(__file__).parent.parent
# Folder → the import name it installs as (pyproject.toml [tool.setuptools.package-dir]).
PACKAGES = {ROOT / "compiler": "hrdraft", ROOT / "plugins": "hrdraft.reports"}
STORE = ROOT / "compiler" / "store"
DATABASE_LIBRARIES = ("sqlalchemy", "alembic")
# The store's SQLAlchemy models: importing them is SQLAlchemy by another name.
# Every ORM model the store defines (and their base), read from the models
# themselves so a new table is covered without editing this list.
MODELS = {"Base"} | {mapper.class_.__name__ for mapper in Base.registry.mappers}


def modules() -> list[tuple[str, Path]]:
    found = []
    for folder, package in PACKAGES.items():
        for path in sorted(folder.rglob("*.py")):
            parts = list(path.relative_to(folder).with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found.append((".".join([package, *parts]), path))
    return found


def imports(name: str, path: Path, source: str | None = None) -> list[tuple[int, str, str]]:
    """(line, module, imported name or "") of every import in the module, relative ones resolved."""
    is_package = path.name == "__init__.py"
    tree = ast.parse(source if source is not None else path.read_text("utf-8"), str(path))
    out: list[tuple[int, str, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name, "") for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                module = ".".join(base + ([module] if module else []))
            out += [(node.lineno, module, alias.name) for alias in node.names]
    return out


def _uses_database_library(module: str) -> bool:
    return any(module == lib or module.startswith(lib + ".") for lib in DATABASE_LIBRARIES)


def sql_outside_the_store() -> list[str]:
    problems = []
    for name, path in modules():
        if path.is_relative_to(STORE):
            continue
        for line, module, _ in imports(name, path):
            if _uses_database_library(module):
                problems.append(f"{name} ({path.relative_to(ROOT)}:{line}) imports {module}")
    return problems


def models_outside_the_store() -> list[str]:
    problems = []
    for name, path in modules():
        if path.is_relative_to(STORE):
            continue
        for line, module, imported in imports(name, path):
            store_module = module == "hrdraft.store" or module.startswith("hrdraft.store.")
            if module == "hrdraft.store.models" or (store_module and imported in MODELS):
                what = f"{module}.{imported}" if imported else module
                problems.append(f"{name} ({path.relative_to(ROOT)}:{line}) imports {what}")
    return problems


def test_nothing_outside_the_store_imports_sqlalchemy_or_alembic() -> None:
    assert sql_outside_the_store() == []


def test_nothing_outside_the_store_imports_its_sqlalchemy_models() -> None:
    assert models_outside_the_store() == []


def test_the_check_sees_every_form_of_import() -> None:
    # The walk covers what it should, and finds imports however they are spelt.
    names = dict(modules())
    assert names["hrdraft.store.records"] == STORE / "records.py"
    assert names["hrdraft.reports.hrr"] == ROOT / "plugins" / "hrr" / "__init__.py"
    source = (
        "import sqlalchemy.orm\n"
        "from alembic import op\n"
        "def f():\n"
        "    from sqlalchemy import select\n"
        "from ..store import StoredRecord, open_store\n"
        "from .. import store\n"
    )
    found = imports("hrdraft.cli.records", ROOT / "compiler" / "cli" / "records.py", source)
    assert [(line, m) for line, m, _ in found if _uses_database_library(m)] == [
        (1, "sqlalchemy.orm"),
        (2, "alembic"),
        (4, "sqlalchemy"),
    ]
    assert (5, "hrdraft.store", "StoredRecord") in found
    assert (6, "hrdraft", "store") in found
    in_package = imports("hrdraft.select", ROOT / "compiler" / "select" / "__init__.py", source)
    assert (5, "hrdraft.store", "StoredRecord") in in_package


@pytest.mark.parametrize("library", DATABASE_LIBRARIES)
def test_the_store_itself_is_where_they_are_used(library: str) -> None:
    # Guards the guard: if the store stopped being the place, the walk above is looking wrong.
    used_in = {
        name
        for name, path in modules()
        for _, module, _ in imports(name, path)
        if module == library or module.startswith(library + ".")
    }
    assert used_in and all(m.startswith("hrdraft.store") for m in used_in), used_in
