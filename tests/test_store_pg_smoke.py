from sqlalchemy import inspect


def test_schema_is_created_on_first_use(any_store):
    tables = set(inspect(any_store.engine).get_table_names())
    assert {"records", "record_revisions", "quarantine", "batches", "versions"} <= tables
