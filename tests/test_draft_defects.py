"""Defects of issue 11 found with the hand-written submission, each through what a user reads.

Every test ingests records as a user would (``hrdraft ingest`` through
click's CliRunner, or the same validation through ``store_records``),
compiles a draft and reads its HTML as text; the ingest warning is read
from the command's output. The submission set itself is checked in
tests/test_submission.py; these are the same rules on records made to
show one rule each.
"""

from __future__ import annotations

import html as htmllib
import json
import re
import unicodedata

import pytest
from click.testing import CliRunner

import hrdraft.cli.records  # noqa: F401  (registers the ingest command)
from hrdraft.cli import cli
from hrdraft.testing import compile_draft, render_html, store_records


def text_of(report, plugins) -> str:  # type: ignore[no-untyped-def]
    page = render_html(report, plugins)
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", " ", page)).split())


def body_of(text: str, heading: str, next_heading: str) -> str:
    """The text under `heading` up to `next_heading`, in the body (not the contents list)."""
    start = text.rindex(heading)
    return text[start : text.index(next_heading, start + len(heading))]


def record(rid: str, **fields):  # type: ignore[no-untyped-def]
    base = {
        "id": rid,
        "country": "XA",
        "year": 2023,
        "event_date": "2023-05-02",
        "title": rid,
        "summary": "Text.",
        "categories": ["torture"],
        "source": {"name": "Veloria Rights Watch", "kind": "ngo", "reliability": "B"},
        "credibility": 2,
        "sensitivity": "public",
    }
    return {**base, **fields}


def fold(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold()


# -------------------------------------------------------------------------
# 1. HRR 7.b claims no forced labour from a trafficking record
# -------------------------------------------------------------------------


def test_a_trafficking_prosecution_under_7b_is_not_called_forced_labour(
    hrdraft_store, hrdraft_plugins
) -> None:  # type: ignore[no-untyped-def]
    store_records(
        hrdraft_store,
        [
            record(
                "prosecution",
                summary="Prosecutors charged four suspects with sex trafficking.",
                categories=["trafficking.prosecution"],
            )
        ],
        hrdraft_plugins,
    )
    report = compile_draft(hrdraft_store, "hrr", "XA", 2023, plugins=hrdraft_plugins)
    text = text_of(report, hrdraft_plugins)
    under = body_of(text, "b. Prohibition of Forced or Compulsory Labor", "c. Prohibition")
    assert "There was a report of trafficking in persons." in under
    assert "report of forced or compulsory labor" not in under
    summary = body_of(text, "Executive Summary", "Section 1.")
    assert "trafficking in persons" in summary
    assert "forced or compulsory labor" not in summary


def test_forced_labour_and_trafficking_under_7b_each_under_their_own_lead(
    hrdraft_store, hrdraft_plugins
) -> None:  # type: ignore[no-untyped-def]
    store_records(
        hrdraft_store,
        [
            record(
                "law",
                event_date="2023-03-01",
                summary="Parliament raised the penalties for trafficking.",
                categories=["trafficking.legislation"],
            ),
            record(
                "brickworks",
                event_date="2023-06-01",
                summary="Brick kiln owners held 30 workers in debt bondage.",
                categories=["labor.forced"],
            ),
        ],
        hrdraft_plugins,
    )
    report = compile_draft(hrdraft_store, "hrr", "XA", 2023, plugins=hrdraft_plugins)
    text = text_of(report, hrdraft_plugins)
    under = body_of(text, "b. Prohibition of Forced or Compulsory Labor", "c. Prohibition")
    forced = under.index("There was a report of forced or compulsory labor.")
    bondage = under.index("debt bondage")
    trafficking = under.index("There was a report of trafficking in persons.")
    penalties = under.index("raised the penalties")
    assert forced < bondage < trafficking < penalties
    summary = body_of(text, "Executive Summary", "Section 1.")
    # Both are true now; the longer issue says the shorter one.
    assert "trafficking in persons, including forced or compulsory labor" in summary
    assert summary.count("trafficking in persons") == 1


# -------------------------------------------------------------------------
# 2. A government source that names its own ministry is attributed once
# -------------------------------------------------------------------------

MINISTRY = {"name": "Veloria Ministry of Interior", "kind": "government", "reliability": "B"}


def test_a_ministry_named_by_its_own_summary_is_not_attributed_twice(
    hrdraft_store, hrdraft_plugins
) -> None:  # type: ignore[no-untyped-def]
    store_records(
        hrdraft_store,
        [
            record(
                "own-words",
                summary="The Ministry of Interior reported that police had opened 12 inquiries.",
                categories=["torture"],
                source=MINISTRY,
            ),
            record(
                "other-body",
                event_date="2023-06-02",
                summary="The Ministry of Justice reported 4 convictions of police officers.",
                categories=["torture"],
                source=MINISTRY,
            ),
        ],
        hrdraft_plugins,
    )
    report = compile_draft(hrdraft_store, "hrr", "XA", 2023, plugins=hrdraft_plugins)
    text = text_of(report, hrdraft_plugins)
    assert (
        "On May 2, the Ministry of Interior reported that police had opened 12 inquiries." in text
    )
    assert "through the Veloria Ministry of Interior, stated that on May 2" not in text
    # Another body's words are still the source's account, attributed to it.
    assert (
        "The government, through the Veloria Ministry of Interior, stated that on June 2, "
        "the Ministry of Justice reported 4 convictions" in text
    )


# -------------------------------------------------------------------------
# 3. Detainees, prisoners and inmates are role nouns
# -------------------------------------------------------------------------

NAMES = {
    "Ilse Morrow": ("Ilse", "Morrow"),
    "Jan Brodny": ("Jan", "Brodny"),
    "Talia Venn": ("Talia", "Venn"),
    "سالم الحداد": ("سالم", "الحداد"),
}


def assert_no_name(text: str) -> None:
    folded = fold(text)
    for full, parts in NAMES.items():
        for form in (full, *parts):
            if form.isascii():
                assert not re.search(rf"(?<![a-z]){re.escape(fold(form))}(?![a-z])", folded), form
            else:
                assert fold(form) not in folded, form


def test_a_detainee_prisoner_or_inmate_before_a_name_reads_as_a_role(
    hrdraft_store, hrdraft_plugins
) -> None:  # type: ignore[no-untyped-def]
    persons = [
        {"name": "Ilse Morrow", "role": "victim", "consent": "anonymous"},
        {"name": "Jan Brodny", "role": "victim", "consent": "withheld"},
        {"name": "Talia Venn", "role": "victim", "consent": "anonymous"},
    ]
    store_records(
        hrdraft_store,
        [
            record(
                "beating",
                summary="Officers beat detainee Ilse Morrow with batons. Ilse Morrow was "
                "treated in hospital.",
                persons=persons[:1],
            ),
            record(
                "cells",
                event_date="2023-06-03",
                summary="Guards beat detainees Jan Brodny and Talia Venn in their cells.",
                persons=persons[1:],
            ),
            record(
                "visit",
                event_date="2023-07-04",
                summary="Inmate Talia Venn said the political prisoner Jan Brodny was "
                "denied visits.",
                persons=persons[1:],
            ),
        ],
        hrdraft_plugins,
    )
    for audience in ("public", "internal"):
        report = compile_draft(hrdraft_store, "hrr", "XA", 2023, audience, plugins=hrdraft_plugins)
        text = text_of(report, hrdraft_plugins)
        assert "officers beat a detainee with batons. The detainee was treated" in text
        assert "guards beat two detainees in their cells" in text
        assert "an inmate said the political prisoner was denied visits" in text
        for wrong in ("detainee a person", "detainees a person", "inmate a person"):
            assert wrong not in text
        assert_no_name(text)


def test_an_arabic_detainee_before_a_name_reads_as_a_role(hrdraft_store, hrdraft_plugins) -> None:  # type: ignore[no-untyped-def]
    store_records(
        hrdraft_store,
        [
            record(
                "dask",
                language="ar",
                summary="أفاد المحتجز سالم الحداد بأن الحراس ضربوه. وقال سالم الحداد إنه جائع.",
                persons=[{"name": "سالم الحداد", "role": "victim", "consent": "withheld"}],
            )
        ],
        hrdraft_plugins,
    )
    text = text_of(
        compile_draft(hrdraft_store, "hrr", "XA", 2023, plugins=hrdraft_plugins), hrdraft_plugins
    )
    assert "أفاد المحتجز بأن الحراس ضربوه. وقال المحتجز إنه جائع." in text
    assert "المحتجز شخص" not in text
    assert_no_name(text)


# -------------------------------------------------------------------------
# 4. Each lead sentence of a heading is followed by its own records
# -------------------------------------------------------------------------


def test_2024_torture_heading_tells_each_record_under_its_own_lead(
    hrdraft_store, hrdraft_plugins
) -> None:  # type: ignore[no-untyped-def]
    store_records(
        hrdraft_store,
        [
            # The prison record is earlier: event order alone would put it first.
            record(
                "prison",
                year=2024,
                event_date="2024-01-10",
                summary="Sick prisoners waited weeks for a doctor.",
                categories=["detention.conditions"],
            ),
            record(
                "beating",
                year=2024,
                event_date="2024-03-01",
                summary="Guards beat two prisoners with cables.",
                categories=["torture"],
            ),
        ],
        hrdraft_plugins,
    )
    report = compile_draft(hrdraft_store, "hrr", "XA", 2024, plugins=hrdraft_plugins)
    text = text_of(report, hrdraft_plugins)
    under = body_of(text, "a. Torture and Cruel", "b. Protection of Children")
    torture = under.index("There was a report that government officials employed torture")
    cables = under.index("beat two prisoners with cables")
    conditions = under.index("There was a report of harsh or life-threatening prison")
    doctor = under.index("waited weeks for a doctor")
    assert torture < cables < conditions < doctor
    summary = body_of(text, "Executive Summary", "Section 1.")
    assert "harsh and life-threatening prison conditions" in summary


# -------------------------------------------------------------------------
# 5. The ingest warning for a target the edition lacks
# -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "target", "expected", "suggestion"),
    [
        (
            2024,
            "hrr:1.d",
            "'hrr:1.d' is not in the 2024 edition's outline of hrr",
            "1.d is 'Arbitrary Arrest or Detention' in the 2023 edition: write hrr@2023:1.d "
            "if you meant that edition",
        ),
        (
            2024,
            "hrr@2024:1.c.prison",
            "'hrr@2024:1.c.prison' is not in the 2024 edition's outline of hrr",
            "write hrr@2023:1.c.prison if you meant that edition",
        ),
        (
            2023,
            "hrr:3.a",
            "'hrr:3.a' is not in the 2023 edition's outline of hrr",
            "the same topic is 1.c 'Torture and Other Cruel, Inhuman, or Degrading Treatment or "
            "Punishment, and Other Related Abuses' in the 2023 edition: write hrr:1.c",
        ),
        (
            2020,
            "hrr:3.c",
            "'hrr:3.c' is not in the 2023 edition's outline of hrr (the edition for the "
            "record's year 2020)",
            "the same topic is 2.e 'Protection of Refugees' in the 2023 edition: write hrr:2.e",
        ),
        (
            2023,
            "hrr@2022:1.c",
            "'hrr@2022:1.c': hrr has no edition '2022' (its editions: 2023, 2024)",
            "the 2023 edition covers 2022: write hrr@2023:1.c",
        ),
    ],
)
def test_a_target_the_records_edition_lacks_is_warned_of_in_that_editions_terms(
    hrdraft_store, tmp_path, year, target, expected, suggestion
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "records.jsonl"
    rows = [
        record("first", year=year, event_date=f"{year}-02-01"),
        record("target", year=year, event_date=f"{year}-02-02", sections=[target]),
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["--db", hrdraft_store.url, "ingest", str(path)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output  # a warning: the row is stored
    output = " ".join(result.output.split())
    warning = f"{path}:2: sections: {expected}; drafts place the record by its categories"
    assert warning in output
    assert suggestion in output
    # Never the garble: the edition said twice, or the record's own edition as advice.
    assert "(edition 20" not in output
    assert "(the edition of the record's year" not in output
    if year == 2024:
        assert "hrr@2024:" not in output.split(warning)[1]
