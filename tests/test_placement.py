"""Edition-safe section targets and records in scope not used, through compiled drafts.

A section id means different things in different editions (HRR 1.c is
torture up to 2023, war crimes from 2024): a target is applied only in the
edition it was meant for, else the record is placed by its categories and
the compile summary says so. Every record in scope is cited or listed with
its reason: in the internal draft's appendix, in the compile summary and by
``hrdraft records unplaced``; a public draft has no such appendix.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import hrdraft.cli.drafts  # registers the commands
import hrdraft.cli.records  # noqa: F401
from hrdraft.cli import cli
from hrdraft.document import Report
from hrdraft.testing import compile_draft, store_records

APPENDIX_TITLE = "Records in scope not used in this draft"


def record(rid: str, year: int, event_date: str, categories: list[str], sections: list[str]):
    return {
        "id": rid,
        "country": "XA",
        "year": year,
        "event_date": event_date,
        "title": f"Record {rid}",
        "summary": f"Police beat detainees at the Dunmere station ({rid}).",
        "categories": categories,
        "sections": sections,
        "source": {"name": "Veloria Rights Watch", "kind": "ngo", "reliability": "B"},
        "sensitivity": "public",
    }


def cited_in(report: Report, section_id: str) -> set[str]:
    """Records cited by the blocks of exactly this section (not its children)."""
    section = report.section(section_id)
    assert section is not None, [s.id for s in report.walk()]
    return {c.record for b in section.blocks for c in getattr(b, "cites", ()) or ()}


def cited_anywhere(report: Report) -> set[str]:
    return {entry.record for entry in report.sources}


@pytest.fixture
def invoke(tmp_path: Path):  # type: ignore[no-untyped-def]
    def invoke_(db: str, *args: object) -> Result:
        return CliRunner().invoke(cli, ["--db", db, *map(str, args)], catch_exceptions=False)

    return invoke_


# -------------------------------------------------------------------------
# Edition-safe targets
# -------------------------------------------------------------------------


def test_a_2023_target_never_lands_under_2024_war_crimes(hrdraft_store, invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    store_records(
        hrdraft_store,
        [
            # Qualified: meant for 2023's 1.c (torture), in a 2024 draft.
            record("qualified-2023", 2024, "2024-03-14", ["torture"], ["hrr@2023:1.c"]),
            # Today's form, the edition by the record's year (2023), event in 2024.
            record("year-2023", 2023, "2024-01-05", ["torture"], ["hrr:1.c"]),
        ],
    )
    report = compile_draft(hrdraft_store, "hrr", "XA", 2024)
    assert report.edition == "2024"
    war_crimes = report.section("1.c")
    assert war_crimes is not None and "War Crimes" in war_crimes.title
    assert not cited_in(report, "1.c") & {"qualified-2023", "year-2023"}
    # Placed by their categories instead: torture is 3.a in the 2024 outline.
    assert {"qualified-2023", "year-2023"} <= cited_in(report, "3.a")

    result = invoke(
        hrdraft_store.url, "compile", "hrr", "--country", "XA", "--year", "2024",
        "--format", "html", "--out", tmp_path / "out",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    summary = " ".join(result.output.split())
    # Compiled again, nothing changed: the version is reused; --explain says it again.
    again = invoke(
        hrdraft_store.url, "compile", "hrr", "--country", "XA", "--year", "2024",
        "--format", "html", "--out", tmp_path / "out", "--explain",
    )  # fmt: skip
    assert "(unchanged)" in again.output
    for output in (summary, " ".join(again.output.split())):
        for rid in ("qualified-2023", "year-2023"):
            assert (
                f"record {rid} targets hrr:1.c of edition 2023; "
                "placed by its categories in this 2024 draft" in output
            )


def test_an_edition_qualified_target_is_applied_in_its_edition(hrdraft_store) -> None:  # type: ignore[no-untyped-def]
    # By its category alone it would go to 1.c.prison; the target says 1.c itself.
    store_records(
        hrdraft_store,
        [record("prison-2023", 2023, "2023-05-02", ["detention.conditions"], ["hrr@2023:1.c"])],
    )
    report = compile_draft(hrdraft_store, "hrr", "XA", 2023)
    assert "prison-2023" in cited_in(report, "1.c")
    assert "prison-2023" not in cited_in(report, "1.c.prison")
    # The same record in a draft of the 2024 outline is placed by its category.
    later = compile_draft(hrdraft_store, "hrr", "XA", 2023, edition="2024")
    assert "prison-2023" not in cited_in(later, "1.c")
    assert "prison-2023" in cited_in(later, "3.a")


def test_ingest_warns_of_a_target_the_records_edition_lacks(
    hrdraft_store, invoke, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "records.jsonl"
    rows = [
        record("pretrial-2024", 2024, "2024-02-01", ["detention.pretrial"], ["hrr:1.d"]),
        record("ambiguous-2024", 2024, "2024-02-02", ["torture"], ["hrr:1.c"]),
        record("fine-2024", 2024, "2024-02-03", ["torture"], ["hrr@2024:3.a"]),
        # 2.a is the press in both editions: nothing to confirm.
        record("press-2024", 2024, "2024-02-04", ["expression.press"], ["hrr:2.a"]),
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = invoke(hrdraft_store.url, "ingest", path)
    assert result.exit_code == 0, result.output  # warnings, not row errors: all stored
    output = " ".join(result.output.split())
    assert "2 warnings" in output
    assert "'hrr:1.d' is not in the 2024 edition's outline of hrr" in output
    assert "write hrr@2023:1.d if you meant that edition" in output
    assert "'hrr:1.c' is 'War Crimes" in output and "hrr@2024:1.c" in output
    assert "fine-2024" not in output and "3.a" not in output and "hrr:2.a" not in output
    listed = invoke(hrdraft_store.url, "records", "list", "--json")
    assert {r["id"] for r in json.loads(listed.output)} >= {"pretrial-2024", "fine-2024"}

    # At compile, 1.d (not in 2024) is not applied: placed by categories, with a word.
    compiled = invoke(
        hrdraft_store.url, "compile", "hrr", "--country", "XA", "--year", "2024",
        "--format", "html", "--out", tmp_path / "out",
    )  # fmt: skip
    summary = " ".join(compiled.output.split())
    # In the edition's terms, as the ingest warning words it.
    assert (
        "record pretrial-2024: 'hrr:1.d' is not in the 2024 edition's outline of hrr; "
        "placed by its categories in this 2024 draft" in summary
    )
    assert "write hrr@2023:1.d if you meant that edition" in summary.split("pretrial-2024:")[1]
    assert "which edition 2024 lacks" not in summary


def test_a_target_of_an_unknown_edition_is_a_row_error_only_when_the_id_is_nowhere(
    hrdraft_store, invoke, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "records.jsonl"
    rows = [record("bad-form", 2024, "2024-02-01", ["torture"], ["hrr@@2023:1.c"])]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = invoke(hrdraft_store.url, "ingest", path)
    assert result.exit_code == 1
    assert "REPORT@EDITION:SECTION" in " ".join(result.output.split())


# -------------------------------------------------------------------------
# Nothing dropped without a word (the bundled sample, HRR 2024)
# -------------------------------------------------------------------------


def _appendix_rows(report: Report) -> dict[str, str]:
    section = report.section("unplaced")
    assert section is not None
    (table,) = section.blocks
    return {row[0]: row[1] for row in table.rows}  # type: ignore[attr-defined]


def test_every_record_in_scope_is_cited_or_listed(hrdraft_sample_store, invoke, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from hrdraft.build import BuildRequest
    from hrdraft.pipeline import build_from_store
    from hrdraft.plugins import load_plugins

    plugins = load_plugins()
    db = hrdraft_sample_store.url
    out = tmp_path / "out"
    for audience in ("internal", "public"):
        document, context = build_from_store(
            hrdraft_sample_store, plugins, BuildRequest("hrr", "XA", 2024, audience)
        )
        in_scope = {item.id for item in context.items}
        cited = cited_anywhere(document)
        listed = dict(context.unplaced)
        assert listed, "the 2024 outline leaves headings out: some records must be listed"
        assert len(in_scope) == len(cited) + len(listed)
        assert in_scope == cited | set(listed) and not cited & set(listed)
        assert any(r.startswith("no heading in this edition") for r in listed.values())

        result = invoke(
            db, "compile", "hrr", "--country", "XA", "--year", "2024", "--audience", audience,
            "--format", "html", "--out", out, "--explain",
        )  # fmt: skip
        assert result.exit_code == 0, result.output
        summary = " ".join(result.output.split())
        assert f"{len(listed)} records in scope not cited" in summary
        kinds = Counter(reason.split(" (")[0] for reason in listed.values())
        for kind, count in kinds.items():
            assert f"{kind}: {count}" in summary
        for rid in listed:
            assert rid in summary
        html = (out / "XA" / f"hrr-2024-{audience}.html").read_text(encoding="utf-8")

        unplaced = invoke(
            db, "records", "unplaced", "--report", "hrr", "--country", "XA", "--year", "2024",
            "--audience", audience, "--json",
        )  # fmt: skip
        assert unplaced.exit_code == 0, unplaced.output
        assert [r["record"] for r in json.loads(unplaced.output)] == list(listed)

        if audience == "internal":
            assert _appendix_rows(document) == listed
            assert APPENDIX_TITLE in html
            assert 'id="sec-unplaced"' in html
            for rid in listed:
                assert f"<code>{rid}</code>" in html
        else:
            assert document.section("unplaced") is None
            assert APPENDIX_TITLE not in html and "sec-unplaced" not in html
            for rid in listed:
                assert rid not in html


def test_records_unplaced_prints_a_table(hrdraft_sample_store, invoke) -> None:  # type: ignore[no-untyped-def]
    result = invoke(
        hrdraft_sample_store.url,
        "records", "unplaced", "--report", "hrr", "--country", "xa", "--year", "2024",
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "no heading in this edition" in result.output
    assert "records in scope not cited" in result.output


def test_a_listed_record_made_confidential_leaves_old_appendices(
    hrdraft_store, invoke, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    # No 2024 heading for pretrial detention: the record is listed, by id, in the appendix.
    row = record("pretrial-xa-7", 2024, "2024-02-01", ["detention.pretrial"], [])
    row["sensitivity"] = "restricted"
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    db = hrdraft_store.url
    assert invoke(db, "ingest", path).exit_code == 0
    compiled = invoke(
        db, "compile", "hrr", "--country", "XA", "--year", "2024", "--audience", "internal",
        "--format", "html", "--out", tmp_path / "out",
    )  # fmt: skip
    assert compiled.exit_code == 0, compiled.output
    (version,) = json.loads(invoke(db, "versions", "list", "--json").output)
    before = invoke(db, "export", version["id"], "--format", "html").output
    assert "<code>pretrial-xa-7</code>" in before

    # Made confidential since: the stored version no longer shows even its id.
    row["sensitivity"] = "confidential"
    path.write_text(json.dumps(row) + "\n", encoding="utf-8")
    assert invoke(db, "ingest", path).exit_code == 0
    after = invoke(db, "export", version["id"], "--format", "html").output
    assert APPENDIX_TITLE in after
    assert "pretrial-xa-7" not in after
