"""Seal the store: content encrypted, identities and content hashes keyed; key check; audit trail.

* records: (source_name, record_id) become `identity` and `record_key`,
  their lookup hashes; `content_hash` becomes keyed;
* record_revisions.data, quarantine.raw/errors/file_name, batches.file_name,
  versions.document/author/message become sealed (AES-256-GCM);
  quarantine gets `file_key`; batches.sha256 is sealed too;
  versions.content_hash becomes keyed;
* new tables: store_key (which key opens the store, its check value),
  audit_log and audit_head (the hash-chained audit trail).

Rows already in the store are sealed with the key the store is being opened
with, handed over by ``hrdraft.store.engine.upgrade_schema`` in
``config.attributes``; afterwards the store runs VACUUM (SQLite, and
PostgreSQL's VACUUM FULL) so the plaintext does not survive in free pages.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from typing import Any

import sqlalchemy as sa
from alembic import op

from hrdraft.store import crypto
from hrdraft.store.audit import genesis_head

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

CHUNK = 1000


def _update(table: str, key: str, rows: Iterable[dict[str, Any]]) -> int:
    """Write `rows` ({key: ..., column: value, ...}) back in chunks; how many there were."""
    conn = op.get_bind()
    done = 0
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        if batch:
            columns = [c for c in batch[0] if c != key]
            sets = ", ".join(f"{c} = :{c}" for c in columns)
            conn.execute(sa.text(f"UPDATE {table} SET {sets} WHERE {key} = :{key}"), batch)
            batch.clear()

    for row in rows:
        batch.append(row)
        done += 1
        if len(batch) == CHUNK:
            flush()
    flush()
    return done


def _rows(table: str, *columns: sa.ColumnClause) -> Iterable[Any]:
    return op.get_bind().execute(sa.select(*columns).select_from(sa.table(table, *columns))).all()


def _replace(
    table: str,
    renames: dict[str, tuple[str | None, Any]],
    before: Callable[[Any], None] | None = None,
) -> None:
    """Drop each old column and give its sealed or keyed replacement (NAME_new) NAME, NOT NULL."""
    with op.batch_alter_table(table) as batch:
        if before is not None:
            before(batch)
        for new, (old, type_) in renames.items():
            if old is not None:
                batch.drop_column(old)
            batch.alter_column(
                f"{new}_new", new_column_name=new, existing_type=type_, nullable=False
            )


def upgrade() -> None:
    attributes = op.get_context().config.attributes
    keyring: crypto.Keyring = attributes["keyring"]
    conn = op.get_bind()
    # On SQLite, batch mode rebuilds tables others point at (records,
    # batches, versions): the store runs migrations with foreign keys off and
    # checks them before the commit (engine.upgrade_schema).

    op.create_table(
        "store_key",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("scheme", sa.String(40), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.Column("kdf", sa.String(80), nullable=False),
        sa.Column("check_value", sa.String(64), nullable=False),
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("rotated_at", sa.DateTime, nullable=True),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.DateTime, nullable=False, index=True),
        sa.Column("action", sa.String(80), nullable=False, index=True),
        sa.Column("details", sa.LargeBinary, nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    op.create_table(
        "audit_head",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("last_id", sa.Integer, nullable=False),
        sa.Column("last_hash", sa.String(64), nullable=False),
        sa.Column("mac", sa.String(64), nullable=False),
    )
    c = sa.column
    sealed = 0

    # records: the identity keyed, the values gone (they are in the revisions).
    op.add_column("records", sa.Column("record_key_new", sa.String(32), nullable=True))
    op.add_column("records", sa.Column("identity_new", sa.String(32), nullable=True))
    sealed += _update(
        "records",
        "pk",
        (
            {
                "pk": pk,
                "identity_new": keyring.lookup("record", source, record_id),
                "record_key_new": keyring.lookup("id", record_id),
                "content_hash": keyring.keyed_digest(digest),
            }
            for pk, source, record_id, digest in _rows(
                "records", c("pk"), c("source_name"), c("record_id"), c("content_hash")
            )
        ),
    )

    def records_constraints(batch: Any) -> None:
        batch.drop_constraint("uq_records_source_id", type_="unique")
        batch.drop_column("source_name")
        batch.drop_column("record_id")

    _replace(
        "records",
        {"record_key": (None, sa.String(32)), "identity": (None, sa.String(32))},
        records_constraints,
    )
    with op.batch_alter_table("records") as batch:
        batch.create_unique_constraint("uq_records_key_identity", ["record_key", "identity"])

    # record_revisions: the record sealed, its content hash keyed.
    op.add_column("record_revisions", sa.Column("data_new", sa.LargeBinary, nullable=True))
    sealed += _update(
        "record_revisions",
        "pk",
        (
            {
                "pk": pk,
                "data_new": keyring.seal_text(data, crypto.REVISION_DATA),
                "content_hash": keyring.keyed_digest(digest),
            }
            # The text exactly as stored (json keeps it on PostgreSQL): its
            # SHA-256 is the content hash, which a key rotation recomputes.
            for pk, data, digest in _rows(
                "record_revisions",
                c("pk"),
                sa.cast(c("data"), sa.Text).label("data"),
                c("content_hash"),
            )
        ),
    )
    _replace("record_revisions", {"data": ("data", sa.LargeBinary)})

    # batches: the file's name and SHA-256 sealed.
    op.add_column("batches", sa.Column("file_name_new", sa.LargeBinary, nullable=True))
    op.add_column("batches", sa.Column("sha256_new", sa.LargeBinary, nullable=True))
    sealed += _update(
        "batches",
        "id",
        (
            {
                "id": id_,
                "file_name_new": keyring.seal_text(name, crypto.BATCH_FILE),
                "sha256_new": keyring.seal_text(sha, crypto.BATCH_SHA256),
            }
            for id_, name, sha in _rows("batches", c("id"), c("file_name"), c("sha256"))
        ),
    )

    def batches_index(batch: Any) -> None:
        batch.drop_index("ix_batches_sha256")

    _replace(
        "batches",
        {"file_name": ("file_name", sa.LargeBinary), "sha256": ("sha256", sa.LargeBinary)},
        batches_index,
    )

    # quarantine: the raw row, its errors (which quote values) and the file name sealed.
    for name, type_ in (
        ("file_name_new", sa.LargeBinary),
        ("file_key_new", sa.String(64)),
        ("raw_new", sa.LargeBinary),
        ("errors_new", sa.LargeBinary),
    ):
        op.add_column("quarantine", sa.Column(name, type_, nullable=True))
    sealed += _update(
        "quarantine",
        "id",
        (
            {
                "id": id_,
                "file_name_new": keyring.seal_text(name, crypto.QUARANTINE_FILE),
                "file_key_new": keyring.lookup("file", name),
                "raw_new": keyring.seal_text(raw, crypto.QUARANTINE_RAW),
                "errors_new": keyring.seal_json(errors, crypto.QUARANTINE_ERRORS),
            }
            for id_, name, raw, errors in _rows(
                "quarantine", c("id"), c("file_name"), c("raw"), c("errors", sa.JSON)
            )
        ),
    )
    _replace(
        "quarantine",
        {
            "file_name": ("file_name", sa.LargeBinary),
            "file_key": (None, sa.String(64)),
            "raw": ("raw", sa.LargeBinary),
            "errors": ("errors", sa.LargeBinary),
        },
    )
    with op.batch_alter_table("quarantine") as batch:
        batch.create_index("ix_quarantine_file_key", ["file_key"])

    # versions: the tree, author and message sealed, the content hash keyed.
    for name in ("document_new", "author_new", "message_new"):
        op.add_column("versions", sa.Column(name, sa.LargeBinary, nullable=True))
    sealed += _update(
        "versions",
        "id",
        (
            {
                "id": id_,
                "document_new": keyring.seal_text(document, crypto.VERSION_DOCUMENT),
                "author_new": keyring.seal_text(author, crypto.VERSION_AUTHOR),
                "message_new": keyring.seal_text(message, crypto.VERSION_MESSAGE),
                "content_hash": keyring.keyed_digest(
                    hashlib.sha256(document.encode("utf-8")).hexdigest()
                ),
            }
            for id_, document, author, message in _rows(
                "versions", c("id"), c("document"), c("author"), c("message")
            )
        ),
    )
    _replace(
        "versions",
        {
            "document": ("document", sa.LargeBinary),
            "author": ("author", sa.LargeBinary),
            "message": ("message", sa.LargeBinary),
        },
    )

    conn.execute(
        sa.table("store_key", *map(c, attributes["key_row"])).insert(), attributes["key_row"]
    )
    head = genesis_head(keyring)
    conn.execute(sa.table("audit_head", *map(c, head)).insert(), head)
    # Plaintext rows were rewritten: the store VACUUMs once this transaction commits.
    attributes["vacuum"] = sealed > 0


def downgrade() -> None:
    raise NotImplementedError(
        "0003 is not undone: undoing it would write every record back to disk in clear"
    )
