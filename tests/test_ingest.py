"""Ingest into a real store (SQLite and PostgreSQL): stored, quarantined, revised, atomic."""

from __future__ import annotations

import hashlib
import json
import shutil
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from conftest import wait_for
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select, text

from hrdraft import ingest
from hrdraft.errors import InputFileError, PluginError
from hrdraft.ingest import Reader, ingest_file, ingest_paths
from hrdraft.plugins import hookimpl, load_plugins
from hrdraft.records import Record
from hrdraft.select import select_records
from hrdraft.store import (
    Batch,
    QuarantinedRow,
    RecordRevision,
    Store,
    StoredRecord,
    batches,
    crypto,
    open_store,
    quarantine,
)
from hrdraft.store import records as stored_records

ROOTS = Path(__file__).parent / "roots"
FORMATS = ROOTS / "ingest-formats"
SAMPLE = Path(__file__).parent.parent / "compiler" / "sample" / "records.jsonl"


@pytest.fixture(scope="module")
def plugins():  # type: ignore[no-untyped-def]
    return load_plugins()


def count(store: Store, model: type) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def record_row(store: Store, record_id: str) -> StoredRecord:
    # The table holds the id's keyed lookup hash, never the id.
    with store.session() as session:
        return session.scalars(
            select(StoredRecord).where(
                StoredRecord.record_key == store.keyring.lookup("id", record_id)
            )
        ).one()


@dataclass
class StoredRevision:
    revision: int
    batch_id: int | None
    content_hash: str
    data: dict  # opened from the sealed column


def revisions(store: Store, record_id: str) -> list[StoredRevision]:
    with store.session() as session:
        rows = session.scalars(
            select(RecordRevision)
            .join(StoredRecord, RecordRevision.record_pk == StoredRecord.pk)
            .where(StoredRecord.record_key == store.keyring.lookup("id", record_id))
            .order_by(RecordRevision.revision)
        )
        return [
            StoredRevision(
                r.revision,
                r.batch_id,
                r.content_hash,
                json.loads(store.keyring.open(r.data, crypto.REVISION_DATA)),
            )
            for r in rows
        ]


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return path


def rec(i: int, **kw: object) -> dict:
    return {
        "id": f"R-{i}",
        "country": "XA",
        "year": 2023,
        "title": f"Title {i}",
        "summary": "Text.",
        "source": {"name": "NGO A", "kind": "ngo"},
        **kw,
    }


def test_stores_every_format_and_keeps_the_copies_selection_filters_on(
    any_store: Store, plugins
) -> None:  # type: ignore[no-untyped-def]
    result = ingest_file(any_store, plugins, FORMATS / "records.jsonl")
    assert (result.stored, result.quarantined, result.format) == (3, 0, "jsonl")
    row = record_row(any_store, "XA-T-002")
    identity = any_store.keyring.lookup("record", "Office of the Prosecutor General", "XA-T-002")
    assert (row.identity, row.country, row.year) == (identity, "XA", 2023)
    assert (row.event_start, row.event_end) == (date(2022, 4, 1), date(2023, 3, 31))
    assert row.categories == "|trafficking.prosecution|"
    assert row.sensitivity == "restricted"  # the default when a submitter says nothing
    [revision] = revisions(any_store, "XA-T-002")
    assert revision.data["title"] == "起诉人口贩运案件"
    record = Record.model_validate(revision.data)
    canonical = json.dumps(
        record.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    # The hash of that canonical JSON, keyed: no guessed record can be checked against it.
    plain = hashlib.sha256(canonical.encode()).hexdigest()
    assert revision.content_hash == row.content_hash == any_store.keyring.keyed_digest(plain)
    assert plain != row.content_hash
    # The same records in the other formats are the same content: nothing new.
    for name, fmt in (("records.csv", "csv"), ("records.json", "json"), ("records.yaml", "yaml")):
        again = ingest_file(any_store, plugins, FORMATS / name)
        assert (again.format, again.stored, again.revised, again.unchanged) == (fmt, 0, 0, 3)


def test_selection_sees_what_ingest_stored(any_store: Store, plugins) -> None:  # type: ignore[no-untyped-def]
    ingest_file(any_store, plugins, FORMATS / "records.json")
    selection = select_records(
        any_store, "XA", (date(2023, 1, 1), date(2023, 12, 31)), 2023, "public"
    )
    assert [item.id for item in selection.items] == ["XA-T-001"]
    assert selection.items[0].record.persons[0].name == "Mara Ostrova"  # consented to be named
    internal = select_records(
        any_store, "XA", (date(2023, 1, 1), date(2023, 12, 31)), 2023, "internal"
    )
    assert {i.id for i in internal.items} == {"XA-T-001"}  # 002 starts in 2022, 003 is confidential
    assert internal.excluded == {"confidential": 1}


def test_bad_rows_are_quarantined_and_good_rows_of_the_same_file_stored(
    any_store: Store, plugins
) -> None:  # type: ignore[no-untyped-def]
    path = ROOTS / "ingest-quarantine" / "mixed.csv"
    result = ingest_file(any_store, plugins, path)
    assert (result.stored, result.quarantined) == (2, 2)
    rendered = [str(e) for e in result.errors]
    assert not [e for e in result.errors if e.field == "country"]  # XQ is user-assigned: valid
    assert any(
        r.startswith(f"{path}:3: categories: unknown category 'tortur'; nearest known: torture")
        for r in rendered
    )
    assert any(
        r.startswith(f"{path}:3: sensitivity: 'secret' is not allowed; use 'public'")
        for r in rendered
    )
    assert f"{path}:4: year: 'twenty' is not a whole number" in rendered
    assert any(r.startswith(f"{path}:4: colour: unknown field") for r in rendered)
    rows = quarantine.list_quarantined(any_store)
    assert [(r.line, r.batch_id, r.file_name) for r in rows] == [
        (3, result.batch_id, str(path)),
        (4, result.batch_id, str(path)),
    ]
    assert quarantine.get_quarantined(any_store, rows[1].id) == rows[1]
    assert quarantine.get_quarantined(any_store, rows[1].id + 100) is None
    assert [(r.line, r.batch_id) for r in rows] == [(3, result.batch_id), (4, result.batch_id)]
    assert json.loads(rows[1].raw)["summary"] == "Quoted, with a comma"
    assert {e["field"] for e in rows[1].errors} == {"year", "colour"}
    assert [record_row(any_store, i).revision for i in ("Q-1", "Q-4")] == [1, 1]


def test_ingesting_the_same_file_twice_changes_nothing(
    any_store: Store, plugins, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = shutil.copy(ROOTS / "ingest-quarantine" / "mixed.csv", tmp_path / "mixed.csv")
    first = ingest_file(any_store, plugins, path)
    before = [count(any_store, m) for m in (StoredRecord, RecordRevision, QuarantinedRow)]
    second = ingest_file(any_store, plugins, path)
    assert (second.stored, second.revised, second.unchanged, second.quarantined) == (0, 0, 2, 2)
    assert [count(any_store, m) for m in (StoredRecord, RecordRevision, QuarantinedRow)] == before
    # The second run is recorded as a batch of its own, with the same file hash.
    seen = batches.list_batches(any_store)
    assert [b.id for b in seen] == [first.batch_id, second.batch_id]
    assert seen[0].sha256 == seen[1].sha256 == hashlib.sha256(Path(path).read_bytes()).hexdigest()
    assert (seen[0].stored, seen[0].quarantined, seen[0].format) == (2, 2, "csv")
    assert (seen[1].stored, seen[1].unchanged, seen[1].quarantined) == (0, 2, 2)
    assert seen[1].finished_at is not None and seen[1].file_name == str(path)
    assert batches.get_batch(any_store, second.batch_id) == seen[1]


def test_changed_content_makes_a_new_revision_and_keeps_history(
    any_store: Store, plugins, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    v1 = ingest_file(any_store, plugins, write_jsonl(tmp_path / "a.jsonl", [rec(1), rec(2)]))
    v2 = ingest_file(
        any_store,
        plugins,
        write_jsonl(
            tmp_path / "b.jsonl",
            [rec(1, summary="Corrected text.", categories=["torture"]), rec(2)],
        ),
    )
    assert (v2.stored, v2.revised, v2.unchanged) == (0, 1, 1)
    history = revisions(any_store, "R-1")
    assert [(r.revision, r.batch_id) for r in history] == [(1, v1.batch_id), (2, v2.batch_id)]
    assert [r.data["summary"] for r in history] == ["Text.", "Corrected text."]
    row = record_row(any_store, "R-1")
    assert (row.revision, row.categories, row.content_hash) == (
        2,
        "|torture|",
        history[1].content_hash,
    )


def test_identity_is_source_and_id(any_store: Store, plugins, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    other = rec(1, source={"name": "NGO B", "kind": "ngo"})
    result = ingest_file(any_store, plugins, write_jsonl(tmp_path / "a.jsonl", [rec(1), other]))
    assert (result.stored, result.revised) == (2, 0)


def test_repeats_within_one_file_across_chunks(
    any_store: Store, plugins, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ingest, "CHUNK_ROWS", 2)
    rows = [rec(1), rec(1), rec(2), rec(1, summary="v2"), rec(1, summary="v3"), rec(3), rec(2)]
    result = ingest_file(any_store, plugins, write_jsonl(tmp_path / "a.jsonl", rows))
    assert (result.stored, result.revised, result.unchanged) == (3, 2, 2)
    assert [r.data["summary"] for r in revisions(any_store, "R-1")] == ["Text.", "v2", "v3"]
    assert record_row(any_store, "R-1").revision == 3


def test_a_file_failing_midway_stores_nothing(
    any_store: Store, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(ingest, "CHUNK_ROWS", 10)

    def read(file, path):  # type: ignore[no-untyped-def]
        for i in range(35):  # three chunks written before the failure
            yield i + 1, rec(i)
        raise InputFileError(path, "the disk went away", line=36)

    class FailingReader:
        @hookimpl
        def hrdraft_register_readers(self) -> list[Reader]:
            return [Reader("failing", (".fail",), read)]

    plugins = load_plugins(extra=(FailingReader(),))
    ingest_file(any_store, plugins, write_jsonl(tmp_path / "ok.jsonl", [rec(100)]))
    path = tmp_path / "records.fail"
    path.write_text("x")
    with pytest.raises(InputFileError, match="the disk went away"):
        ingest_file(any_store, plugins, path)
    assert count(any_store, StoredRecord) == 1
    assert count(any_store, RecordRevision) == 1
    assert count(any_store, Batch) == 1


def test_a_plugin_readers_bug_is_named_and_stores_nothing(any_store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def read(file, path):  # type: ignore[no-untyped-def]
        yield 1, rec(1)
        raise KeyError("oops")

    class BuggyReader:
        @hookimpl
        def hrdraft_register_readers(self) -> list[Reader]:
            return [Reader("buggy", (".bug",), read)]

    path = tmp_path / "r.bug"
    path.write_text("x")
    with pytest.raises(PluginError, match="reader 'buggy' failed"):
        ingest_file(any_store, load_plugins(extra=(BuggyReader(),)), path)
    assert count(any_store, StoredRecord) == 0


@pytest.mark.parametrize("name", ["empty.jsonl", "header-only.csv", "invalid.json", "latin1.csv"])
def test_unreadable_files_store_nothing(any_store: Store, plugins, name: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputFileError):
        ingest_file(any_store, plugins, ROOTS / "ingest-malformed" / name)
    assert count(any_store, Batch) == count(any_store, StoredRecord) == 0


def test_empty_file_and_missing_file_say_so(hrdraft_store: Store, plugins) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputFileError, match="the file is empty"):
        ingest_file(hrdraft_store, plugins, ROOTS / "ingest-malformed" / "empty.jsonl")
    with pytest.raises(InputFileError, match="holds no records"):
        ingest_file(hrdraft_store, plugins, ROOTS / "ingest-malformed" / "header-only.csv")
    with pytest.raises(InputFileError, match="no such file"):
        ingest_file(hrdraft_store, plugins, ROOTS / "nope.jsonl")


def test_uwazi_labels_and_thesaurus_values_become_category_ids(any_store: Store, plugins) -> None:  # type: ignore[no-untyped-def]
    result = ingest_file(any_store, plugins, ROOTS / "ingest-uwazi" / "export.csv", format="uwazi")
    assert (result.stored, result.quarantined) == (2, 0), [str(e) for e in result.errors]
    assert record_row(any_store, "UW-1").categories == "|assembly|torture|"
    assert record_row(any_store, "UW-2").categories == "|detention.arbitrary|"
    [uw1] = revisions(any_store, "UW-1")
    assert uw1.data["translations"]["es"]["title"] == "Defensora golpeada en una protesta"
    assert uw1.data["persons"][0]["consent"] == "named"
    assert revisions(any_store, "UW-1-es") == []


def test_uwazi_unknown_column_is_an_error_naming_it(hrdraft_store: Store, plugins) -> None:  # type: ignore[no-untyped-def]
    path = ROOTS / "ingest-uwazi" / "unknown-column.csv"
    result = ingest_file(hrdraft_store, plugins, path, format="uwazi")
    assert result.quarantined == 1
    assert str(result.errors[0]).startswith(f"{path}:2: colour: unknown field")


def test_directories_expand_to_the_files_readers_claim(hrdraft_store: Store, plugins) -> None:  # type: ignore[no-untyped-def]
    results = ingest_paths(hrdraft_store, plugins, [FORMATS])
    assert [Path(r.path).name for r in results] == [
        "records.csv",
        "records.json",
        "records.jsonl",
        "records.yaml",
    ]
    assert [r.stored for r in results] == [3, 0, 0, 0]


def test_bundled_sample_ingests_without_quarantine(hrdraft_store: Store, plugins) -> None:  # type: ignore[no-untyped-def]
    [result] = ingest_paths(hrdraft_store, plugins, [SAMPLE])
    assert result.quarantined == 0, [str(e) for e in result.errors[:5]]
    assert result.stored >= 400


@given(
    text=st.text(min_size=1).filter(lambda t: t.strip()),
    figure=st.integers(min_value=0, max_value=2**70),
    name=st.text(min_size=1).filter(lambda t: t.strip()),
)
@settings(max_examples=200, deadline=None)
def test_content_hash_text_is_the_documented_canonical_json(
    text: str, figure: int, name: str
) -> None:
    record = Record.model_validate(
        rec(
            1,
            title=text,
            summary=text + "\u2028\x7f\x00",
            figures={"z": figure, "a": 1},
            persons=[{"name": name, "role": "victim"}],
        )
    )
    expected = json.dumps(
        record.model_dump(mode="json"), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert ingest.canonical_json(record) == expected.encode()


def test_uwazi_attachment_cell_is_quarantined_not_dropped(
    hrdraft_store: Store, plugins, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "export.csv"
    path.write_text(
        "id;title;summary;country;year;source_name;source_type;file\n"
        "U-1;T;S;XA;2023;NGO;ngo;\n"
        "U-2;T;S;XA;2023;NGO;ngo;statement.pdf\n",
        encoding="utf-8",
    )
    result = ingest_file(hrdraft_store, plugins, path, format="uwazi")
    assert (result.stored, result.quarantined) == (1, 1)
    assert str(result.errors[0]).startswith(
        f"{path}:3: attachments: hrdraft keeps no attached files"
    )


# -------------------------------------------------------------------------
# Reading back through the store's repositories
# -------------------------------------------------------------------------


def test_the_records_repository_lists_looks_up_and_keeps_history(
    any_store: Store, plugins, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    first = write_jsonl(
        tmp_path / "a.jsonl",
        [
            rec(1, categories=["torture"], sensitivity="public"),
            rec(2, categories=["detention.arbitrary"]),
            rec(3, country="XB", year=2024, categories=["torture"], sensitivity="confidential"),
            rec(1, source={"name": "NGO B", "kind": "ngo"}, title="Same id, other source"),
        ],
    )
    v1 = ingest_file(any_store, plugins, first)
    second = write_jsonl(
        tmp_path / "b.jsonl", [rec(1, categories=["torture"], sensitivity="public", title="New")]
    )
    v2 = ingest_file(any_store, plugins, second)

    listed = stored_records.list_current(any_store)
    assert [(r.country, r.year, r.record_id, r.source_name) for r in listed] == [
        ("XA", 2023, "R-1", "NGO A"),
        ("XA", 2023, "R-1", "NGO B"),
        ("XA", 2023, "R-2", "NGO A"),
        ("XB", 2024, "R-3", "NGO A"),
    ]
    assert (listed[0].revision, listed[0].data["title"]) == (2, "New")
    assert [r.record_id for r in stored_records.list_current(any_store, country="xb")] == ["R-3"]
    assert [r.record_id for r in stored_records.list_current(any_store, year=2024)] == ["R-3"]
    by_category = stored_records.list_current(any_store, category="torture")
    assert [(r.record_id, r.source_name) for r in by_category] == [
        ("R-1", "NGO A"),
        ("R-3", "NGO A"),
    ]
    # A category filter matches whole ids, not a prefix of one.
    assert stored_records.list_current(any_store, category="detention") == []
    assert [
        r.record_id for r in stored_records.list_current(any_store, sensitivity="restricted")
    ] == ["R-1", "R-2"]

    both = stored_records.lookup(any_store, "R-1")
    assert [r.source_name for r in both] == ["NGO A", "NGO B"]
    [other] = stored_records.lookup(any_store, "R-1", "NGO B")
    assert other.data["title"] == "Same id, other source" and other.revision == 1
    assert stored_records.lookup(any_store, "R-9") == []

    history = stored_records.history(any_store, "NGO A", "R-1")
    assert [(h.revision, h.batch_id, h.file_name) for h in history] == [
        (1, v1.batch_id, str(first)),
        (2, v2.batch_id, str(second)),
    ]
    assert [h.data["title"] for h in history] == ["Title 1", "New"]
    assert history[-1].content_hash == both[0].content_hash
    assert stored_records.history(any_store, "NGO B", "R-2") == []
    assert stored_records.countries_in_store(any_store) == ["XA", "XB"]


def test_a_build_reads_only_the_sensitivities_it_asks_for_in_its_period(
    any_store: Store, plugins, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    rows = [
        rec(1, sensitivity="public", event_date="2023-05-02"),
        rec(2, sensitivity="restricted", event_date="2023-12"),
        rec(3, sensitivity="confidential", event_date="2023-06-01"),
        rec(4, sensitivity="public"),  # undated: in scope by its reporting year
        rec(5, sensitivity="public", event_date="2022-12-31"),  # before the period
        rec(6, sensitivity="public", country="XB", event_date="2023-05-02"),
    ]
    ingest_file(any_store, plugins, write_jsonl(tmp_path / "a.jsonl", rows))
    period = (date(2023, 1, 1), date(2023, 12, 31))
    # (source, id) and id as their keyed lookup hashes: the inputs, and nothing they say.
    keys = any_store.keyring
    assert stored_records.inputs_of(any_store, "XA", period, 2023) == sorted(
        [
            (keys.lookup("record", "NGO A", "R-1"), keys.lookup("id", "R-1"), 1, "public"),
            (keys.lookup("record", "NGO A", "R-2"), keys.lookup("id", "R-2"), 1, "restricted"),
            (keys.lookup("record", "NGO A", "R-3"), keys.lookup("id", "R-3"), 1, "confidential"),
            (keys.lookup("record", "NGO A", "R-4"), keys.lookup("id", "R-4"), 1, "public"),
        ]
    )
    public = stored_records.current_revisions(any_store, "XA", period, 2023, ("public",))
    assert sorted((r.id, revision) for r, revision in public) == [("R-1", 1), ("R-4", 1)]
    assert all(isinstance(r, Record) for r, _ in public)
    internal = stored_records.current_revisions(
        any_store, "XA", period, 2023, ("public", "restricted")
    )
    assert sorted(r.id for r, _ in internal) == ["R-1", "R-2", "R-4"]


@pytest.mark.postgres
def test_a_concurrent_ingest_of_the_same_records_is_retried_and_sees_them(
    pg_url: str, plugins, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    # Two officers ingest the same records at once: the second waits on the
    # first's uncommitted rows, fails on the unique key when the first
    # commits, and is run again whole, finding the records unchanged.
    monkeypatch.setattr(ingest, "CHUNK_ROWS", 2)
    holding, release = threading.Event(), threading.Event()

    def read_then_wait(file, path):  # type: ignore[no-untyped-def]
        for number, line in enumerate(file, 1):
            yield number, json.loads(line)
        holding.set()  # the chunk is written; the transaction stays open
        release.wait(30)

    class HoldingReader:
        @hookimpl
        def hrdraft_register_readers(self) -> list[Reader]:
            return [Reader("holding", (".hold",), read_then_wait)]

    rows = [rec(1), rec(2)]
    held = write_jsonl(tmp_path / "first.hold", rows)
    plain = write_jsonl(tmp_path / "second.jsonl", rows)
    store = open_store(pg_url, key_file=tmp_path / "pg.key")
    results: dict[str, object] = {}

    def run(label: str, run_plugins, path: Path) -> None:  # type: ignore[no-untyped-def]
        try:
            results[label] = ingest_file(store, run_plugins, path)
        except Exception as exc:  # reported by the asserts below
            results[label] = exc

    first = threading.Thread(
        target=run, args=("first", load_plugins(extra=(HoldingReader(),)), held)
    )
    second = threading.Thread(target=run, args=("second", plugins, plain))

    def waiting_on_a_lock() -> bool:
        with store.engine.connect() as conn:
            sql = "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
            return conn.execute(text(sql)).scalar_one() > 0

    try:
        first.start()
        assert holding.wait(30), "the first ingest never wrote its chunk"
        assert count(store, StoredRecord) == 0  # not committed yet
        second.start()
        assert wait_for(waiting_on_a_lock), "the second ingest never waited for the first"
    finally:
        release.set()
        first.join(30)
        second.join(30)
    try:
        one, two = results["first"], results["second"]
        assert not isinstance(one, Exception), one
        assert not isinstance(two, Exception), two
        assert (one.stored, one.unchanged) == (2, 0)  # type: ignore[union-attr]
        assert (two.stored, two.revised, two.unchanged) == (0, 0, 2)  # type: ignore[union-attr]
        assert count(store, StoredRecord) == count(store, RecordRevision) == 2
        # The second ingest's first attempt was rolled back whole, its batch too
        # (whose id the sequence does not give back).
        assert two.batch_id == one.batch_id + 2  # type: ignore[union-attr]
        assert [b.id for b in batches.list_batches(store)] == [one.batch_id, two.batch_id]  # type: ignore[union-attr]
    finally:
        store.dispose()
