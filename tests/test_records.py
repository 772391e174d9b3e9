"""The published record format: docs/records.md and docs/record.schema.json stay true."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from hrdraft.ingest import record_schema
from hrdraft.ingest.readers import read_csv
from hrdraft.plugins import load_plugins
from hrdraft.records import Record

DOCS = Path(__file__).parent.parent / "docs"


def _blocks(language: str) -> list[str]:
    text = (DOCS / "records.md").read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.DOTALL)


def test_committed_json_schema_is_current() -> None:
    committed = (DOCS / "record.schema.json").read_text(encoding="utf-8")
    assert committed == record_schema(), (
        "docs/record.schema.json is stale; regenerate it with "
        "`hrdraft schema > docs/record.schema.json`"
    )


def test_the_documented_example_is_a_valid_record() -> None:
    [example] = _blocks("json")
    context = {"vocabulary": load_plugins().vocabulary}
    record = Record.model_validate(json.loads(example), context=context)
    assert record.persons[1].consent == "withheld"


def test_the_documented_csv_row_is_the_same_record_as_the_json_example() -> None:
    [example] = _blocks("json")
    [csv_text] = _blocks("csv")
    context = {"vocabulary": load_plugins().vocabulary}
    [(line, row)] = list(read_csv(io.BytesIO(csv_text.encode()), "example.csv"))
    from_csv = Record.model_validate(row, context=context)
    from_json = Record.model_validate(json.loads(example), context=context)
    assert line == 2
    assert (from_csv.id, from_csv.categories, from_csv.source) == (
        from_json.id,
        from_json.categories,
        from_json.source,
    )
    assert from_csv.persons[0].consent == "named"


def test_the_documented_defaults_are_the_models() -> None:
    minimal = {
        "id": "X-1",
        "country": "xa",
        "year": 2023,
        "title": "T",
        "summary": "S",
        "source": {"name": "N", "kind": "ngo"},
        "persons": [{"name": "P", "role": "victim"}],
    }
    record = Record.model_validate(minimal)
    assert (record.sensitivity, record.language, record.persons[0].consent) == (
        "restricted",
        "en",
        "anonymous",
    )
    assert (record.country, record.source.reliability) == ("XA", "F")
