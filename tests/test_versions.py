"""Stored versions: immutable rows, content check, previous and previous-year lookups, diffs."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from hrdraft.document import Cite, Paragraph, Report, Section
from hrdraft.errors import HrdraftError, NotFoundError
from hrdraft.history.diff import diff_versions, previous_year_version
from hrdraft.history.versions import (
    find_by_fingerprint,
    list_versions,
    load_version,
    previous_version,
    save_version,
)
from hrdraft.store import Store, StoredVersion, crypto


def draft(year: int = 2023, text: str = "There were reports of torture.", **kw: object) -> Report:
    fields: dict[str, object] = {
        "report_type": "hrr",
        "report_title": "Country Reports on Human Rights Practices",
        "edition": str(year) if year < 2024 else "2024",
        "country": "XA",
        "country_name": "Xanadu",
        "year": year,
        "period": f"{year}",
        "audience": "public",
        "title": f"Xanadu {year}",
        "sections": (
            Section(id="exec", title="Executive Summary", blocks=(Paragraph(text="Summary."),)),
            Section(
                id="1.c",
                title="Torture",
                blocks=(Paragraph(text=text, cites=(Cite(record="XA-1", revision=1),)),),
            ),
        ),
    }
    fields.update(kw)
    return Report.model_validate(fields)


def test_saved_versions_load_back_equal_and_list_with_filters(any_store: Store) -> None:
    v1 = save_version(any_store, draft(), fingerprint="a")
    v2 = save_version(any_store, draft(text="Changed."), fingerprint="b")
    save_version(any_store, draft(audience="internal"), fingerprint="c")
    version, doc = load_version(any_store, v2.id)
    assert version == v2 and doc == draft(text="Changed.")
    assert [v.id for v in list_versions(any_store, audience="public")] == [v1.id, v2.id]
    assert [v.id for v in list_versions(any_store, country="xa", year=2023)] == [1, 2, 3]
    assert previous_version(any_store, v2) == v1
    assert previous_version(any_store, v1) is None


def test_a_fingerprint_finds_the_newest_compiled_version_only(any_store: Store) -> None:
    save_version(any_store, draft(), fingerprint="same")
    newest = save_version(any_store, draft(text="Again."), fingerprint="same")
    # An imported version is a drafter's text, never reused for a compile.
    save_version(any_store, draft(text="Edited."), fingerprint="same", origin="imported")
    assert find_by_fingerprint(any_store, "same") == newest
    assert find_by_fingerprint(any_store, "other") is None


def test_previous_version_skips_other_reports_and_sections(any_store: Store) -> None:
    v1 = save_version(any_store, draft(), fingerprint="a")
    save_version(any_store, draft(), fingerprint="b", section="1.c")
    save_version(any_store, draft(audience="internal"), fingerprint="c")
    save_version(any_store, draft(2024), fingerprint="d")
    v5 = save_version(any_store, draft(text="Later."), fingerprint="e")
    assert previous_version(any_store, v5) == v1
    section = list_versions(any_store, section="1.c")
    assert [v.section for v in section] == ["1.c"] and previous_version(
        any_store, section[0]
    ) is None


def test_a_missing_version_is_named(any_store: Store) -> None:
    with pytest.raises(NotFoundError, match="no version 42"):
        load_version(any_store, 42)


def test_an_altered_tree_fails_its_content_check(any_store: Store) -> None:
    v = save_version(any_store, draft(), fingerprint="a")
    with any_store.session.begin() as session:
        # Another tree, sealed with the store's own key (a swap, not a forgery).
        other = any_store.keyring.seal_text("{}", crypto.VERSION_DOCUMENT)
        session.execute(
            update(StoredVersion).where(StoredVersion.id == v.id).values(document=other)
        )
    with pytest.raises(NotFoundError, match="content check"):
        load_version(any_store, v.id)


def test_previous_year_is_the_newest_version_a_year_earlier(any_store: Store) -> None:
    save_version(any_store, draft(2023), fingerprint="a")
    newest_2023 = save_version(any_store, draft(2023, text="Later."), fingerprint="b")
    save_version(any_store, draft(2023, audience="internal"), fingerprint="c")
    v2024 = save_version(any_store, draft(2024), fingerprint="d")
    assert previous_year_version(any_store, v2024) == newest_2023
    assert previous_year_version(any_store, newest_2023) is None


def test_diff_of_stored_versions_carries_their_metadata(any_store: Store) -> None:
    from hrdraft.testing import store_records

    record = {"id": "XA-1", "country": "XA", "year": 2023, "title": "T", "summary": "S."}
    source = {"source": {"name": "NGO A", "kind": "ngo"}, "sensitivity": "public"}
    store_records(any_store, [{**record, **source}])  # the cited record, still public
    v1 = save_version(any_store, draft(), fingerprint="a")
    v2 = save_version(
        any_store,
        draft(text="There were credible reports of torture."),
        fingerprint="x",
        origin="imported",
        author="J. Doe",
        message="wording",
        parent_id=v1.id,
    )
    diff = diff_versions(any_store, v1.id, v2.id)
    assert diff.old["version"] == v1.id and diff.new["origin"] == "imported"
    assert diff.new["author"] == "J. Doe"
    assert [s.id for s in diff.changed_sections] == ["1.c"]
    assert not diff_versions(any_store, v1.id, v1.id).changed


def test_diff_across_editions_reports_outline_changes(any_store: Store) -> None:
    old = save_version(any_store, draft(2023), fingerprint="a")
    sections_2024 = (
        Section(id="exec", title="Executive Summary", blocks=(Paragraph(text="Summary."),)),
        Section(
            id="3.a",
            title="Torture and Cruel, Inhuman, or Degrading Treatment",
            blocks=(
                Paragraph(
                    text="There were reports of torture.", cites=(Cite(record="XA-1", revision=1),)
                ),
            ),
        ),
    )
    new = save_version(any_store, draft(2024, sections=sections_2024), fingerprint="b")
    diff = diff_versions(any_store, old.id, new.id)
    status = {s.id: s.status for s in diff.sections}
    assert status == {"exec": "unchanged", "1.c": "removed", "3.a": "added"}


def test_mixed_audiences_are_refused_for_stored_versions(any_store: Store) -> None:
    public = save_version(any_store, draft(), fingerprint="a")
    internal = save_version(any_store, draft(audience="internal"), fingerprint="b")
    with pytest.raises(HrdraftError, match="refusing"):
        diff_versions(any_store, public.id, internal.id)
    assert (
        diff_versions(any_store, public.id, internal.id, allow_mixed_audience=True).audience
        == "internal"
    )
