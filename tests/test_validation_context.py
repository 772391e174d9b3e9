"""What installed plugins declare is checked when a record is validated."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from hrdraft.records import Record

BASE = {
    "id": "XA-1",
    "country": "XA",
    "year": 2024,
    "title": "Trafficking figures",
    "summary": "Police opened 12 investigations.",
    "source": {"name": "Prosecutor General", "kind": "government"},
}


def validate(plugins, **fields):
    return Record.model_validate({**BASE, **fields}, context=plugins.validation_context)


def test_declared_figures_and_patterns_are_accepted(hrdraft_plugins):
    record = validate(hrdraft_plugins, figures={"investigations": 12, "adherents_sunni_muslim": 5})
    assert record.figures["investigations"] == 12


def test_a_misspelt_figure_is_an_error_naming_the_nearest(hrdraft_plugins):
    with pytest.raises(ValidationError) as info:
        validate(hrdraft_plugins, figures={"investigation": 12})
    assert "unknown figure 'investigation'" in str(info.value)
    assert "investigations" in str(info.value)


def test_a_section_target_must_exist_in_some_edition(hrdraft_plugins):
    assert validate(hrdraft_plugins, sections=["hrr:1.d", "hrr:3.d"]).sections
    with pytest.raises(ValidationError) as info:
        validate(hrdraft_plugins, sections=["hrr:1.x"])
    assert "'hrr:1.x' is in no hrr edition's outline" in str(info.value)
    # A report type this installation lacks cannot be checked and is kept.
    assert validate(hrdraft_plugins, sections=["labour-annex:2"]).sections == ["labour-annex:2"]
