"""The text model: text as stored (NFC, nothing invisible, bounded) and folded for matching."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from hrdraft.ingest import ingest_paths
from hrdraft.records import Record
from hrdraft.select.fold import fold

BASE: dict[str, object] = {
    "id": "XA-1",
    "country": "XA",
    "year": 2023,
    "title": "Arrest",
    "summary": "Police detained a man.",
    "source": {"name": "Veloria Rights Watch", "kind": "ngo"},
    "sensitivity": "public",
}


def test_text_is_stored_composed_and_without_invisible_characters() -> None:
    r = Record.model_validate(
        {
            **BASE,
            "summary": "Andre\u0301s Fuen\u00adtes and Ana\u2060Ruiz\ufeff were held.",
            "persons": [{"name": "Andre\u0301s Nun\u0303ez", "role": "victim"}],
        },
        context={},
    )
    assert r.summary == "Andrés Fuentes and AnaRuiz were held."
    assert unicodedata.is_normalized("NFC", r.persons[0].name)
    assert r.persons[0].name == "Andrés Nuñez"


def test_joiners_stay_where_a_script_needs_them() -> None:
    persian = "می\u200cخواهم"  # the non-joiner shapes the word
    r = Record.model_validate({**BASE, "summary": f"{persian} Ana\u200dRuiz"})
    assert r.summary == f"{persian} AnaRuiz"


def _rows(tmp_path: Path, *rows: dict) -> Path:
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"summary": "x" * 20_001}, "summary", "the limit is 20,000 characters"),
        ({"title": "x" * 501}, "title", "the limit is 500"),
        ({"id": "x" * 201}, "id", "the limit is 200"),
        ({"language": "es-x-quesada"}, "language", "private-use subtag"),
        (
            {"persons": [{"name": "A B", "role": "victim"}, {"name": "x" * 301, "role": "victim"}]},
            "persons.1.name",
            "the limit is 300",
        ),
        (
            {"persons": [{"name": "\u202ezeiuR", "role": "victim"}]},
            "persons.0.name",
            "bidirectional control characters",
        ),
    ],
)
def test_ingest_refuses_text_that_could_hide_or_carry_a_name(
    hrdraft_store, hrdraft_plugins, tmp_path, change, field, words
) -> None:
    [result] = ingest_paths(hrdraft_store, hrdraft_plugins, [_rows(tmp_path, {**BASE, **change})])
    errors = [str(e) for e in result.errors]
    assert result.quarantined == 1
    assert any(f": {field}: " in e and words in e for e in errors), errors


def test_records_read_back_from_an_older_store_are_cleaned_not_refused() -> None:
    r = Record.model_validate({**BASE, "language": "es-x-quesada", "summary": "\u202eabc"})
    assert (r.language, r.summary) == ("es", "abc")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Andre\u0301s Nun\u0303ez", "ANDRÉS NÚÑEZ"),
        ("Ｄｉｅｇｏ Ｏｒｔｅｇａ", "Diego Ortega"),
        ("Serrаno", "Serrano"),  # Cyrillic а
        ("СASTILLO", "Castillo"),  # Cyrillic С
        ("GROSS Weiss", "Groß Weiß"),
        ("O’Brien", "O'Brien"),
        ("سَالِم", "ســالم"),
        ("احمد", "أحمد"),
        ("陳志強", "陈志强"),
        ("Fuen\u00adtes", "Fuentes"),
        ("Ana \n  Ruiz", "Ana Ruiz"),
    ],
)
def test_spellings_a_reader_takes_for_the_same_fold_the_same(a: str, b: str) -> None:
    assert fold(a).text == fold(b).text


def test_folded_positions_map_back_to_the_original_characters() -> None:
    text = "Sr. Andre\u0301s Nun\u0303ez y Groß."
    f = fold(text)
    start = f.text.index("andres nunez")
    a, b = f.span(start, start + len("andres nunez"))
    assert text[a:b] == "Andre\u0301s Nun\u0303ez"
    start = f.text.index("gross")
    assert text[slice(*f.span(start, start + 5))] == "Groß"
