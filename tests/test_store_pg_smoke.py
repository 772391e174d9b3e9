"""The schema the migrations build, on SQLite and PostgreSQL."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from hrdraft.store import Base


def test_schema_is_created_on_first_use(any_store):
    tables = set(inspect(any_store.engine).get_table_names())
    assert {"records", "record_revisions", "quarantine", "batches", "versions"} <= tables


def test_the_migrations_build_exactly_the_models_schema(any_store):
    # A model changed without a migration (or the reverse) would show here.
    with any_store.engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert differences == []
