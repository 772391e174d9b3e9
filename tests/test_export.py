"""Markdown export and import: round trip, edits become versions, refusals name the section."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hrdraft.document import (
    BulletList,
    Cite,
    Note,
    Paragraph,
    Pointer,
    Report,
    Section,
    SourceEntry,
    Table,
)
from hrdraft.errors import InputFileError
from hrdraft.history.diff import diff_versions
from hrdraft.history.export import export_markdown, import_markdown, parse_markdown
from hrdraft.history.versions import Version, load_version, save_version
from hrdraft.store import Store


def cite(record: str, revision: int = 1) -> Cite:
    return Cite(record=record, revision=revision)


def draft() -> Report:
    return Report(
        report_type="hrr",
        report_title="Country Reports on Human Rights Practices",
        edition="2023",
        country="XA",
        country_name="Xanadu",
        year=2023,
        period="January–December 2023",
        audience="public",
        title="Xanadu 2023 Human Rights Report",
        sections=(
            Section(
                id="exec",
                title="Executive Summary",
                blocks=(Paragraph(text="Summary with *emphasis*.", cites=(cite("XA-1"),)),),
            ),
            Section(
                id="1",
                number="Section 1.",
                title="Respect for the Integrity of the Person",
                children=(
                    Section(
                        id="1.c",
                        number="c.",
                        title="Torture and Other Cruel Treatment",
                        blocks=(
                            Paragraph(
                                text="There were reports that police beat detainees.",
                                cites=(cite("XA-2", 2), cite("XA-3")),
                            ),
                            Paragraph(
                                text="警察殴打了被拘留者。", lang="zh", cites=(cite("XA-4"),)
                            ),
                            Paragraph(text="First line.\n\nSecond paragraph inside one block."),
                            BulletList(
                                items=("Investigate.", "Train | police."), cites=(cite("XA-5"),)
                            ),
                            Table(
                                caption="Cases",
                                header=("Year", "Cases"),
                                rows=(("2022", "4"), ("2023", "7")),
                                row_cites=((cite("XA-6"),), ()),
                            ),
                            Note(label="Suggested tier", text="Tier 2: a suggestion only."),
                            Pointer(report="tip", text="See the Trafficking in Persons Report."),
                        ),
                    ),
                ),
            ),
        ),
        sources=(
            SourceEntry(record="XA-1", revision=1, source="NGO A", kind="ngo", citation="A."),
            SourceEntry(record="XA-2", revision=2, source="NGO B", kind="ngo", citation="B."),
        ),
    )


def stored_records(store: Store) -> None:
    """The public records the draft cites: a stored version is shown as its records allow."""
    from hrdraft.testing import store_records

    store_records(
        store,
        [
            {
                "id": f"XA-{n}",
                "country": "XA",
                "year": 2023,
                "title": f"Record {n}",
                "summary": "Text.",
                "sensitivity": "public",
                "source": {"name": "NGO A", "kind": "ngo"},
            }
            for n in range(1, 7)
        ],
    )


@pytest.fixture
def base(any_store: Store) -> tuple[Store, Version]:
    stored_records(any_store)
    return any_store, save_version(any_store, draft(), fingerprint="compiled")


def exported(store: Store, version: Version) -> str:
    return export_markdown(*load_version(store, version.id))


def test_markdown_keeps_ids_citations_and_front_matter(base: tuple[Store, Version]) -> None:
    text = exported(*base)
    assert text.startswith("---\nhrdraft_export: 1\nbased_on: 1\n")
    assert "### c. Torture and Other Cruel Treatment {#1.c}" in text
    assert "police beat detainees. [^XA-2@2] [^XA-3@1]" in text
    assert "::: paragraph lang=zh" in text
    assert "| 2023 | 7 |" in text and "Row 1 cites: [^XA-6@1]" in text
    assert "::: note Suggested tier" in text and "::: pointer tip" in text


def test_export_then_import_without_edits_changes_nothing(
    base: tuple[Store, Version], tmp_path: Path
) -> None:
    store, version = base
    path = tmp_path / "draft.md"
    path.write_text(exported(store, version), encoding="utf-8")
    imported = import_markdown(store, path, author="J. Doe", message="no edits")
    assert imported.version.origin == "imported" and imported.version.parent_id == version.id
    assert imported.version.author == "J. Doe"
    _, original = load_version(store, version.id)
    assert imported.report.sections == original.sections
    assert imported.report.audience == original.audience
    assert imported.report.metadata["edited_by"] == "J. Doe"
    diff = diff_versions(store, version.id, imported.version.id)
    assert all(s.status == "unchanged" and not s.structure for s in diff.sections)
    assert set(diff.header) == {"metadata"}  # only the label saying who edited it


def test_an_edit_becomes_a_new_version_the_diff_shows(
    base: tuple[Store, Version], tmp_path: Path
) -> None:
    store, version = base
    path = tmp_path / "draft.md"
    text = exported(store, version).replace(
        "police beat detainees", "police beat and burned detainees"
    )
    text = text.replace(" [^XA-3@1]", "")
    path.write_text(text, encoding="utf-8")
    imported = import_markdown(store, path, author="J. Doe", message="wording")
    diff = diff_versions(store, version.id, imported.version.id)
    (section,) = diff.changed_sections
    assert section.id == "1.c"
    (op,) = [op for op in section.blocks if op.op == "changed"]
    words = next(f for f in op.fields if f.name == "text").words
    assert [s.text for s in words if s.op == "insert"] == ["and burned "]
    assert {(e.record, e.change) for e in op.explain} >= {("XA-3", "withdrawn")}


def move_summary_to_the_end(text: str) -> str:
    summary = "## Executive Summary {#exec}\n\nSummary with *emphasis*. [^XA-1@1]\n\n"
    assert summary in text
    return text.replace(summary, "") + "\n" + summary


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (
            lambda t: t.replace("### c. Torture and Other Cruel Treatment {#1.c}\n", ""),
            "section 1.c .* is missing",
        ),
        (lambda t: t.replace("{#1.c}", "{#1.z}"), "section 1.z is not in the outline"),
        (move_summary_to_the_end, "section 1 is out of order: section exec comes here"),
        (
            lambda t: t.replace("Torture and Other Cruel Treatment {#", "Torture {#"),
            "section 1.c: heading changed",
        ),
        (lambda t: t.replace("[^XA-3@1]", "[^XA-99@1]"), "cites XA-99@1, which version 1"),
        (lambda t: t.replace("[^XA-3@1]", "[^XA-3@2]"), "cites XA-3@2"),
        (lambda t: t.replace("audience: public", "audience: internal"), "audience"),
        (lambda t: t.replace("based_on: 1", "based_on: 99"), "no version 99"),
    ],
)
def test_a_file_that_no_longer_matches_its_base_is_refused(
    base: tuple[Store, Version],
    tmp_path: Path,
    edit,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    store, version = base
    path = tmp_path / "draft.md"
    path.write_text(edit(exported(store, version)), encoding="utf-8")
    with pytest.raises(Exception, match=message):
        import_markdown(store, path, author="J. Doe", message="x")


def test_text_before_any_heading_is_refused() -> None:
    with pytest.raises(InputFileError, match="before the first section heading"):
        parse_markdown("---\nbased_on: 1\n---\n\nStray text.\n")


safe_text = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="[]^|\\"),
        min_size=1,
        max_size=40,
    )
    .map(str.strip)
    .filter(bool)
)


@settings(max_examples=100)
@given(st.lists(st.tuples(safe_text, st.booleans()), min_size=1, max_size=5))
def test_paragraph_text_round_trips(texts: list[tuple[str, bool]]) -> None:
    blocks = tuple(Paragraph(text=t, cites=(cite("XA-1"),) if has else ()) for t, has in texts)
    doc = draft().model_copy(update={"sections": (Section(id="1", title="One", blocks=blocks),)})
    version = Version(
        1,
        "hrr",
        "2023",
        "XA",
        2023,
        "public",
        "",
        "",
        "",
        "compiled",
        "",
        "",
        None,
        datetime(2024, 1, 1),
    )
    _, sections = parse_markdown(export_markdown(version, doc))
    assert tuple(sections[0].blocks) == blocks
