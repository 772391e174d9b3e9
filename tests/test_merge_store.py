"""A stored conflict is held to do no harm like every other block: filtered when read,
reached by withdrawal and by forgetting a person, and exported for editing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from hrdraft.cli import cli
from hrdraft.document import Cite, Conflict, Paragraph, Report, Section, SourceEntry
from hrdraft.history.refilter import WITHDRAWN
from hrdraft.history.versions import load_version, save_version
from hrdraft.store import Store, open_store
from hrdraft.testing import store_records

NAMED = "Lena Sorensen spoke to the embassy about the raid on the union office."


def record(n: int, **extra: object) -> dict:
    return {
        "id": f"XA-{n}", "country": "XA", "year": 2023, "title": f"Record {n}",
        "summary": "Text.", "sensitivity": "public",
        "source": {"name": "NGO A", "kind": "ngo"}, **extra,
    }  # fmt: skip


def merged_draft() -> Report:
    conflict = Conflict(
        id="1",
        reviewer=(Paragraph(text=NAMED, cites=(Cite(record="XA-1"),)),),
        records=(Paragraph(text="Police raided a union office.", cites=(Cite(record="XA-2"),)),),
        base=(Paragraph(text="The police raided a union office.", cites=(Cite(record="XA-1"),)),),
        reviewer_version=2,
        records_version=3,
    )
    return Report(
        report_type="hrr",
        report_title="Country Reports on Human Rights Practices",
        edition="2023",
        country="XA",
        country_name="Xanadu",
        year=2023,
        period="2023",
        audience="public",
        title="Xanadu 2023 Human Rights Report",
        sections=(
            Section(id="exec", title="Executive Summary", blocks=(Paragraph(text="Summary."),)),
            Section(id="1.c", number="c.", title="Torture", blocks=(conflict,)),
        ),
        sources=tuple(
            SourceEntry(record=f"XA-{n}", revision=1, source="NGO A", kind="ngo", citation="A.")
            for n in (1, 2)
        ),
        metadata={"records cited": 2, "origin": "merged"},
    )


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'store.sqlite'}"
    store = open_store(url)
    persons = [{"name": "Lena Sorensen", "role": "witness", "consent": "named"}]
    store_records(store, [record(1, persons=persons), record(2)])
    save_version(store, merged_draft(), fingerprint="m", origin="merged")
    store.dispose()
    return url


def run(db: str, *args: str, code: int = 0) -> Result:
    result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result


def conflict_of(report: Report) -> Conflict:
    (block,) = report.section("1.c").blocks  # type: ignore[union-attr]
    assert isinstance(block, Conflict)
    return block


def test_a_conflict_shows_what_its_records_allow_today(db: str, tmp_path: Path) -> None:
    shown = json.loads(run(db, "versions", "show", "1", "--json").output)
    assert NAMED in json.dumps(shown)  # consented, public: shown
    # The witness withdraws consent; the records' side's record is made confidential.
    store_records(
        opened := open_store(db),
        [
            record(
                1, persons=[{"name": "Lena Sorensen", "role": "witness", "consent": "withheld"}]
            ),
            record(2, sensitivity="confidential"),
        ],
    )
    opened.dispose()
    shown_now = run(db, "versions", "show", "1", "--json").output
    assert "Lena Sorensen" not in shown_now
    document = Report.model_validate(json.loads(shown_now)["document"])
    conflict = conflict_of(document)
    assert conflict.records == (Paragraph(text=WITHDRAWN),)
    assert "union office" in conflict.reviewer[0].text  # the rest of the reviewer's text
    assert [s.record for s in document.sources] == ["XA-1"]
    markdown = run(db, "export", "1", "--format", "md").output
    assert "Lena Sorensen" not in markdown and "Police raided" not in markdown
    assert "::: conflict 1" in markdown and "::: reviewer v2" in markdown
    html = run(db, "export", "1", "--format", "html").output
    assert "Lena Sorensen" not in html and "Police raided" not in html
    assert "Conflict 1 — reviewer's text (v2)" in html


def test_withdrawing_a_record_reaches_into_a_stored_conflict(db: str) -> None:
    run(db, "records", "withdraw", "XA-1", "--yes")
    store = open_store(db)
    try:
        _, stored = load_version(store, 1)
    finally:
        store.dispose()
    conflict = conflict_of(stored)
    assert conflict.reviewer == (Paragraph(text=WITHDRAWN),)
    assert conflict.base == (Paragraph(text=WITHDRAWN),)  # never shown, still erased
    assert "union office" in conflict.records[0].text
    assert NAMED not in stored.model_dump_json()


def test_forgetting_a_person_reaches_into_a_stored_conflict(db: str) -> None:
    run(db, "forget", "Lena Sorensen", "--country", "XA", "--yes")
    store: Store = open_store(db)
    try:
        _, stored = load_version(store, 1)
    finally:
        store.dispose()
    assert "Lena Sorensen" not in stored.model_dump_json()
    assert conflict_of(stored).id == "1"
