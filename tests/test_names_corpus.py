"""Replacements read as prose: the sentence corpus in tests/roots/names-corpus, per language."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hrdraft.records import Record
from hrdraft.select import make_safe

CORPUS = Path(__file__).parent / "roots" / "names-corpus"


def _cases() -> list[object]:
    out = []
    for path in sorted(CORPUS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, case in enumerate(data["cases"]):
            out.append(pytest.param(data["language"], case, id=f"{path.stem}-{i}"))
    return out


@pytest.mark.parametrize(("language", "case"), _cases())
def test_a_replaced_name_reads_as_prose(language: str, case: dict) -> None:
    persons = [{"consent": "anonymous", **p} for p in case["persons"]]
    r = Record.model_validate(
        {
            "id": "XA-1",
            "country": "XA",
            "year": 2023,
            "title": "T",
            "summary": case["text"],
            "language": language,
            "source": {"name": "Veloria Rights Watch", "kind": "ngo"},
            "persons": persons,
            "sensitivity": "public",
        }
    )
    assert make_safe(r)[0].summary == case["expected"]


def test_every_language_hrdraft_writes_or_keeps_has_a_corpus() -> None:
    assert {p.stem for p in CORPUS.glob("*.yaml")} >= {"en", "es", "fr", "ar", "zh"}
