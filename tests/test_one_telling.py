"""One incident, one telling: a record classified to several sections is told in full once.

Every test compiles a draft from records ingested like a user's and reads the
rendered HTML as text, as an officer would read it: the first section in
outline order tells the record, the others refer to it in the published
style ("... is described in section 1.c.") and still cite it.
"""

from __future__ import annotations

import html as htmllib
import re

import pytest

from hrdraft import Paragraph
from hrdraft.render import Renderer
from hrdraft.testing import compile_draft, store_records


@pytest.fixture(scope="module")
def renderer(hrdraft_plugins) -> Renderer:
    return Renderer(hrdraft_plugins.template_dirs)


def text_of(renderer: Renderer, report) -> str:
    """The rendered HTML as plain text, whitespace collapsed."""
    page = renderer.html(report)
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", page)))


def record(rid: str, **fields):
    base = {
        "id": rid,
        "country": "XT",
        "year": 2023,
        "title": rid,
        "source": {"name": "Lantern Watch", "kind": "ngo", "reliability": "B"},
        "sensitivity": "public",
    }
    return {**base, **fields}


BEATING = (
    "Police beat 11 protesters with batons at a peaceful march in the capital and "
    "held them overnight without charge."
)
TWICE = record(
    "march-beating",
    event_date="2023-03-14",
    summary=BEATING,
    sections=["hrr:1.c", "hrr:2.b"],
)
ONCE = record(
    "prison-heat",
    event_date="2023-07-02",
    summary="Detainees in Dunmere prison reported cells above 40 degrees.",
    sections=["hrr:1.c"],
)


def cites_in(report, section_id: str) -> set[str]:
    section = report.section(section_id)
    return {c.record for b in section.blocks for c in getattr(b, "cites", ())}


def test_a_record_in_two_sections_is_told_once_and_referred_to_in_the_other(
    hrdraft_store, hrdraft_plugins, renderer
):
    store_records(hrdraft_store, [TWICE, ONCE], hrdraft_plugins)
    report = compile_draft(hrdraft_store, "hrr", "XT", 2023, plugins=hrdraft_plugins)
    text = text_of(renderer, report)
    assert text.count("beat 11 protesters") == 1
    # Told in full under the first heading in outline order, referred to under 2.b.
    told = " ".join(b.text for b in report.section("1.c").blocks if isinstance(b, Paragraph))
    assert "police beat 11 protesters" in told
    later = [b.text for b in report.section("2.b").blocks if isinstance(b, Paragraph)]
    assert "The report by the NGO Lantern Watch on March 14 is described in section 1.c." in later
    assert "The report by the NGO Lantern Watch on March 14 is described in section 1.c." in text
    # Cited in both (its footnote reaches both sections); the lead of 2.b still counts it.
    assert "march-beating" in cites_in(report, "1.c")
    assert "march-beating" in cites_in(report, "2.b")
    assert later[0].startswith("There was a report")
    # A record in one section only is told as before, once.
    assert text.count("cells above 40 degrees") == 1


def test_a_withdrawn_record_leaves_no_reference_behind(hrdraft_store, hrdraft_plugins, renderer):
    store_records(hrdraft_store, [TWICE, ONCE], hrdraft_plugins)
    store_records(hrdraft_store, [{**TWICE, "sensitivity": "restricted"}], hrdraft_plugins)
    text = text_of(
        renderer, compile_draft(hrdraft_store, "hrr", "XT", 2023, plugins=hrdraft_plugins)
    )
    assert "beat 11 protesters" not in text
    assert "described in section" not in text


def test_a_draft_of_the_referring_section_alone_tells_the_record(
    hrdraft_store, hrdraft_plugins, renderer
):
    store_records(hrdraft_store, [TWICE], hrdraft_plugins)
    report = compile_draft(hrdraft_store, "hrr", "XT", 2023, plugins=hrdraft_plugins, section="2.b")
    text = text_of(renderer, report)
    assert "beat 11 protesters" in text
    assert "described in section" not in text


def test_irf_tells_a_record_once_and_refers_to_its_section(
    hrdraft_store, hrdraft_plugins, renderer
):
    raid = record(
        "irf-raid-twice",
        event_date="2023-05-20",
        summary="Police raided a church service and detained 12 worshippers.",
        categories=["religion.government-practices", "religion.societal"],
    )
    store_records(hrdraft_store, [raid], hrdraft_plugins)
    report = compile_draft(hrdraft_store, "irf", "XT", 2023, plugins=hrdraft_plugins)
    sections = [b for b in report.section("III").blocks if isinstance(b, Paragraph)]
    body = " ".join(b.text for b in report.section("II.government-practices").blocks)
    assert "detained 12 worshippers" in body
    assert (
        "The report by the NGO Lantern Watch on May 20 is described in section "
        "II (Government Practices)." in [p.text for p in sections]
    )
    assert "irf-raid-twice" in cites_in(report, "III")
