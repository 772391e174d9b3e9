"""Do-no-harm at selection: who may be named, which records a draft may use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from compiler.ingest import ingest_paths
from compiler.outline import calendar_year
from compiler.records import Record
from compiler.select import make_safe, select_records


def record(**overrides: object) -> Record:
    data: dict[str, object] = {
        "id": "XA-1",
        "country": "XA",
        "year": 2023,
        "event_date": "2023-03-14",
        "title": "Arrest of Ana Ruiz",
        "summary": "Police detained Ana Ruiz and Tomas Berg in Dunmere. Ruiz was released.",
        "source": {"name": "Veloria Rights Watch", "kind": "ngo", "reliability": "B"},
        "persons": [
            {
                "name": "Ana Ruiz",
                "role": "victim",
                "consent": "anonymous",
                "group": "human rights defender",
            },
            {"name": "Tomas Berg", "role": "victim", "consent": "named"},
        ],
        "sensitivity": "public",
    }
    data.update(overrides)
    return Record.model_validate(data)


def test_anonymous_person_is_described_never_named() -> None:
    safe, unnamed, removed = make_safe(record())
    text = f"{safe.title} {safe.summary}"
    assert "Ana" not in text and "Ruiz" not in text
    assert "a human rights defender" in safe.summary
    # A surname alone at the start of a sentence is replaced too, capitalised.
    assert "A human rights defender was released" in safe.summary
    assert "Tomas Berg" in safe.summary  # consented: named
    assert (unnamed, removed) == (1, 0)
    assert [p.name for p in safe.persons] == ["a human rights defender", "Tomas Berg"]


def test_withheld_person_is_removed_entirely() -> None:
    r = record(persons=[{"name": "Ana Ruiz", "role": "victim", "consent": "withheld"}])
    safe, unnamed, removed = make_safe(r)
    assert "Ruiz" not in safe.summary and "Ana" not in safe.title
    assert safe.persons == []
    assert (unnamed, removed) == (0, 1)


def test_names_in_other_scripts_are_scrubbed() -> None:
    r = record(
        language="zh-Hans",
        title="王小明被拘留",
        summary="警方拘留了人权捍卫者王小明。",
        persons=[{"name": "王小明", "role": "victim", "consent": "anonymous"}],
    )
    safe, _, _ = make_safe(r)
    assert "王小明" not in safe.summary + safe.title
    assert "某人" in safe.summary


def test_individual_source_is_named_only_with_consent() -> None:
    r = record(
        source={"name": "Lena Okafor", "kind": "defender"},
        summary="Lena Okafor reported the arrest.",
        persons=[],
    )
    safe, _, _ = make_safe(r)
    assert "Okafor" not in safe.summary and safe.source.name == "a human rights defender"
    consented = record(
        source={"name": "Lena Okafor", "kind": "defender"},
        summary="Lena Okafor reported the arrest.",
        persons=[{"name": "Lena Okafor", "role": "source", "consent": "named"}],
    )
    assert make_safe(consented)[0].source.name == "Lena Okafor"


def _write(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("audience", "expected"),
    [("public", {"P"}), ("internal", {"P", "R"})],
)
def test_audience_decides_which_sensitivities_are_used(
    any_store, hrdraft_plugins, tmp_path, audience, expected
) -> None:
    base = record().model_dump(mode="json")
    rows = [
        {**base, "id": "P", "sensitivity": "public"},
        {**base, "id": "R", "sensitivity": "restricted"},
        {**base, "id": "C", "sensitivity": "confidential"},
    ]
    ingest_paths(any_store, hrdraft_plugins, [_write(tmp_path, rows)])
    selection = select_records(any_store, "XA", calendar_year(2023), 2023, audience)
    assert {item.id for item in selection.items} == expected
    assert selection.excluded["confidential"] == 1
    if audience == "public":
        assert selection.excluded["restricted (internal drafts only)"] == 1
    # Unconsented names never leave selection, whatever the audience.
    assert all("Ruiz" not in item.record.summary for item in selection.items)


def test_period_uses_event_date_and_falls_back_to_year(any_store, hrdraft_plugins, tmp_path):
    base = record().model_dump(mode="json")
    rows = [
        {**base, "id": "in", "event_date": "2023-12-31"},
        {**base, "id": "out", "event_date": "2024-01-01", "year": 2023},
        {**base, "id": "undated", "event_date": None, "year": 2023},
        {**base, "id": "undated-other-year", "event_date": None, "year": 2022},
    ]
    ingest_paths(any_store, hrdraft_plugins, [_write(tmp_path, rows)])
    selection = select_records(any_store, "XA", calendar_year(2023), 2023, "public")
    assert [item.id for item in selection.items] == ["in", "undated"]


def test_description_reads_naturally() -> None:
    r = record(
        summary="Ana Ruiz, a nurse, was detained. Officers beat Ana Ruiz.",
        persons=[{"name": "Ana Ruiz", "role": "victim", "consent": "anonymous", "group": "nurse"}],
    )
    assert make_safe(r)[0].summary == "A nurse was detained. Officers beat a nurse."
    activist = record(
        summary="Ana Ruiz was threatened.",
        persons=[
            {
                "name": "Ana Ruiz",
                "role": "victim",
                "consent": "anonymous",
                "group": "LGBTQI activist",
            }
        ],
    )
    assert make_safe(activist)[0].summary == "An LGBTQI activist was threatened."
