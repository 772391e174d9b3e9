"""Dates, attribution and footnotes as a reader finds them in compiled drafts (HTML, PDF text)."""

from __future__ import annotations

import html as html_lib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from hrdraft import Paragraph, Report, dates
from hrdraft.render import Renderer
from hrdraft.testing import compile_draft, render_html, section_text, store_records


def row(id_: str, event_date: str | None, summary: str, **extra: object) -> dict[str, object]:
    data: dict[str, object] = {
        "id": id_,
        "country": "XA",
        "year": int((event_date or "2023")[:4]),
        "title": f"Record {id_}",
        "summary": summary,
        "categories": ["assembly"],
        "source": {"name": "Veloria Rights Watch", "kind": "ngo"},
        "sensitivity": "public",
    }
    if event_date:
        data["event_date"] = event_date
    data.update(extra)
    return data


HRR_ROWS = [
    row("XA-D-march", "2023-02-10", "Police dispersed a peaceful march in Dunmere."),
    row("XA-D-may", "2023-05-03", "Officers may have used tear gas against students in Dunmere."),
    row("XA-D-stated", "2023-02-09", "On 9 February, police detained 14 protesters in Dunmere."),
    row("XA-D-other-day", "2023-02-11", "On 9 February, organisers asked for a permit in Dunmere."),
    row(
        "XA-D-ministry",
        "2023-03-02",
        "On 2 March the Ministry of Interior reported that 12 officers were suspended.",
        source={"name": "Ministry of Interior", "kind": "government"},
    ),
    row(
        "XA-D-lantern",
        "2023",
        "The NGO Lantern Watch reported incident number 9 in Dunmere.",
        source={"name": "Lantern Watch", "kind": "ngo"},
    ),
    row("XA-D-across", "2023-12/2024-01", "Riot police broke up sit-ins in Dunmere."),
    row("XA-D-riot", "2023-06-01", "Riot police beat two students in Dunmere."),
    row("XA-D-name", "2023-06-02", "Dunmere authorities closed two student unions."),
    row(
        "XA-D-es",
        "2023-04-05",
        "El 5 de abril, la policía detuvo a 9 estudiantes en Dunmere.",
        language="es",
    ),
    row("XA-D-es-undated", "2023-04-06", "La policía detuvo a 3 estudiantes.", language="es"),
    row("XA-D-fr", "2023-04-07", "Le 7 avril, la police a arrêté 2 étudiants.", language="fr"),
    row("XA-D-zh", "2023-04-08", "2023年4月8日，警方拘留了两名学生。", language="zh-Hans"),
    row("XA-D-ar", "2023-04-09", "في 9 أبريل 2023 اعتقلت الشرطة طالبين.", language="ar"),
]

TIP_ROWS = [
    row(
        "XA-T-nov",
        "2023-11",
        "Police rescued 12 victims of forced labor from a farm in Dunmere.",
        categories=["trafficking.protection"],
    ),
    row(
        "XA-T-feb",
        "2024-02-19",
        "Police arrested three recruiters in Dunmere.",
        categories=["trafficking.prosecution"],
    ),
]


@pytest.fixture
def hrr(hrdraft_store, hrdraft_plugins) -> Report:
    store_records(hrdraft_store, HRR_ROWS, hrdraft_plugins)
    return compile_draft(hrdraft_store, "hrr", "XA", 2023, plugins=hrdraft_plugins)


def paragraph_of(report: Report, record: str) -> str:
    found = [
        b.text
        for s in report.walk()
        for b in s.blocks
        if isinstance(b, Paragraph) and b.lang is None and [c.record for c in b.cites] == [record]
    ]
    assert found, f"no paragraph cites {record}"
    return found[-1]  # after the lead sentence, which may cite it alone


# -- Dates ---------------------------------------------------------------------


def test_a_month_word_in_the_text_does_not_drop_the_date(hrr):
    assert paragraph_of(hrr, "XA-D-march") == (
        "The NGO Veloria Rights Watch reported that on February 10, police dispersed a "
        "peaceful march in Dunmere."
    )
    assert "reported that on May 3, officers may have used" in paragraph_of(hrr, "XA-D-may")


def test_a_stated_date_is_not_stated_twice_and_another_date_is_not_taken_for_it(hrr):
    stated = paragraph_of(hrr, "XA-D-stated")
    assert stated == (
        "The NGO Veloria Rights Watch reported that on 9 February, police detained 14 "
        "protesters in Dunmere."
    )
    # 9 February is not 11 February: the event's own date is still given.
    assert "reported that on February 11, on 9 February, organisers" in paragraph_of(
        hrr, "XA-D-other-day"
    )


def test_a_revision_that_adds_a_month_word_keeps_the_date(hrdraft_store, hrdraft_plugins):
    first = row("XA-D-rev", "2023-02-09", "Police detained 14 protesters in Dunmere.")
    store_records(hrdraft_store, [first], hrdraft_plugins)
    before = compile_draft(hrdraft_store, "hrr", "XA", 2023, plugins=hrdraft_plugins)
    revised = {
        **first,
        "summary": "Police detained 14 protesters after a march; officers may "
        "have beaten two of them.",
    }
    store_records(hrdraft_store, [revised], hrdraft_plugins)
    after = compile_draft(hrdraft_store, "hrr", "XA", 2023, plugins=hrdraft_plugins)
    assert "reported that on February 9, police detained" in paragraph_of(before, "XA-D-rev")
    assert "reported that on February 9, police detained" in paragraph_of(after, "XA-D-rev")


def test_another_bodys_account_of_the_government_keeps_its_source(hrdraft_store, hrdraft_plugins):
    ombudsman = row(
        "XA-D-ombudsman",
        "2023-06-24",
        "On 24 June, the government submitted a bill requiring NGOs to re-register.",
        source={"name": "National Human Rights Ombudsman", "kind": "government"},
    )
    store_records(hrdraft_store, [ombudsman], hrdraft_plugins)
    report = compile_draft(hrdraft_store, "hrr", "XA", 2023, plugins=hrdraft_plugins)
    assert paragraph_of(report, "XA-D-ombudsman").startswith(
        "The government, through the National Human Rights Ombudsman, stated that on 24 June, "
    )


def test_the_hrr_writes_the_year_only_across_a_year_boundary(hrr):
    across = paragraph_of(hrr, "XA-D-across")
    assert "between December 2023 and January 2024, riot police broke up" in across
    assert "on February 10, police" in paragraph_of(hrr, "XA-D-march")  # no ", 2023"


def test_a_tip_draft_dates_events_with_their_year(hrdraft_store, hrdraft_plugins):
    store_records(hrdraft_store, TIP_ROWS, hrdraft_plugins)
    report = compile_draft(hrdraft_store, "tip", "XA", 2024, plugins=hrdraft_plugins)
    assert "reported that in November 2023, police rescued 12 victims" in section_text(
        report, "protection"
    )
    assert "reported that on February 19, 2024, police arrested three recruiters" in (
        section_text(report, "prosecution")
    )
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", render_html(report, hrdraft_plugins)))
    assert "in November 2023, police rescued" in " ".join(text.split())


def test_other_languages_dates_are_read_in_their_own_forms(hrr):
    frames = {
        b.cites[0].record: b.text
        for s in hrr.walk()
        for b in s.blocks
        if isinstance(b, Paragraph) and b.lang is None and len(b.cites) == 1
    }
    for record in ("XA-D-es", "XA-D-fr", "XA-D-zh", "XA-D-ar"):
        assert "events" not in frames[record], frames[record]
    assert frames["XA-D-es-undated"] == (
        "The NGO Veloria Rights Watch reported (events on April 6; original in Spanish, "
        "not translated):"
    )


@pytest.mark.parametrize(
    ("text", "language", "period", "stated"),
    [
        ("a peaceful march", "en", ("2023-03-01", "2023-03-31"), False),
        ("In March, police", "en", ("2023-03-01", "2023-03-31"), True),
        ("On February 9, 2023, police", "en", ("2023-02-09", "2023-02-09"), True),
        ("on 2023-02-09 police", "en", ("2023-02-09", "2023-02-09"), True),
        ("el 9 de febrero", "es", ("2023-02-09", "2023-02-09"), True),
        ("le 9 février", "fr", ("2023-02-09", "2023-02-09"), True),
        ("2月9日", "zh", ("2023-02-09", "2023-02-09"), True),
        ("二月九日", "zh", ("2023-02-09", "2023-02-09"), True),
        ("بين 1 يناير و30 أبريل", "ar", ("2024-01-01", "2024-04-30"), True),
        ("9 فبراير 2022", "ar", ("2023-02-09", "2023-02-09"), False),  # another year
        ("between May and June", "en", ("2023-05-03", "2023-06-20"), True),
        ("in May", "en", ("2023-05-03", "2023-06-20"), False),
        ("during the year", "en", ("2023-01-01", "2023-12-31"), True),
    ],
)
def test_date_forms(text, language, period, stated):
    from datetime import date

    span = (date.fromisoformat(period[0]), date.fromisoformat(period[1]))
    assert dates.states_period(text, span, language) is stated


# -- Attribution and capitals --------------------------------------------------


def test_a_summary_that_attributes_itself_is_not_attributed_again(hrr):
    ministry = paragraph_of(hrr, "XA-D-ministry")
    assert (
        ministry == "On 2 March the Ministry of Interior reported that 12 officers were suspended."
    )
    lantern = paragraph_of(hrr, "XA-D-lantern")
    assert (
        lantern == "During the year, the NGO Lantern Watch reported incident number 9 in Dunmere."
    )
    page = render_html(hrr)
    assert page.count("Lantern Watch reported") == 1
    assert "through the Ministry of Interior" not in page


def test_first_words_are_capitalised_the_same_way_everywhere(hrr):
    assert "reported that on June 1, riot police beat" in paragraph_of(hrr, "XA-D-riot")
    assert "reported that on June 2, Dunmere authorities closed" in paragraph_of(hrr, "XA-D-name")
    for section in hrr.walk():
        for block in section.blocks:
            text = getattr(block, "text", "")
            if text:
                assert not text[:1].islower(), text


# -- Footnotes you can follow --------------------------------------------------


def _notes_html(page: str) -> dict[str, int]:
    """record id → note number, from the HTML notes list."""
    notes = re.findall(r'<li id="fn-(\d+)" value="\1">.*?\(record ([^,]+), rev\. \d+\)', page)
    return {record: int(n) for n, record in notes}


def test_html_every_cited_paragraph_links_its_notes_and_sources_use_their_numbers(hrr):
    page = render_html(hrr)
    notes = _notes_html(page)
    assert notes
    paragraphs = re.findall(r"<p[^>]*>(.*?)</p>", page, re.S)
    for section in hrr.walk():
        for block in section.blocks:
            if not isinstance(block, Paragraph) or not block.cites:
                continue
            expected = [notes[c.record] for c in block.cites]
            refs = "".join(f'href="#fn-{n}"' for n in expected)
            assert any(refs in "".join(re.findall(r'href="#fn-\d+"', p)) for p in paragraphs), (
                block.text
            )
    sources = re.findall(
        r'<li id="src-[^"]+" value="(\d+)"><span class="src-n">\1\.</span> '
        r'<span class="record">([^<]+)</span>',
        page,
    )
    assert {record: int(n) for n, record in sources} == notes
    assert [int(n) for n, _ in sources] == sorted(int(n) for n, _ in sources)


needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


@pytest.mark.pdf
@needs_poppler
def test_pdf_every_cited_paragraph_has_its_marker_and_sources_use_the_note_numbers(
    hrdraft_sample_store, hrdraft_plugins, tmp_path: Path
):
    """One real render of the bundled sample's HRR 2023 draft, read back with pdftotext."""
    report = compile_draft(hrdraft_sample_store, "hrr", "XA", 2023, plugins=hrdraft_plugins)
    renderer = Renderer(hrdraft_plugins.template_dirs)
    notes = _notes_html(renderer.html(report))
    path = tmp_path / "draft.pdf"
    path.write_bytes(renderer.pdf(report))
    raw = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    # Undo the renderer's hyphenation and the line breaks.
    flat = " ".join(re.sub(r"[\u2010-]\n", "", raw).split())

    checked = reused = 0
    seen: set[str] = set()
    for section in report.walk():
        for block in section.blocks:
            if not isinstance(block, Paragraph) or not block.cites:
                continue
            markers = [notes[c.record] for c in block.cites]
            reused += any(c.record in seen for c in block.cites)
            seen.update(c.record for c in block.cites)
            if block.lang and block.lang.split("-")[0] in {"ar", "zh"}:
                continue  # right-to-left and CJK lines come back reordered or unspaced
            tail = " ".join(re.sub(r"[*_`]", "", block.text).split()[-4:])
            calls = r"\s?,?\s?".join(str(n) for n in markers)
            assert re.search(re.escape(tail) + r"\s?" + calls, flat), (tail, markers)
            checked += 1
    assert checked > 40 and reused > 10  # enough reused notes for the old bug to show

    # Each note's body is printed once, with the number the HTML gives it.
    notes_part = flat[: flat.rindex("Sources")]
    for record, number in notes.items():
        body = f"(record {record}, rev. "
        assert notes_part.count(body) == 1, record
        before = notes_part[max(0, notes_part.index(body) - 400) : notes_part.index(body)]
        assert re.search(rf"(?:^|\s){number}\. ", before), (record, number)
    # The Sources list uses the same numbers.
    listed = re.findall(
        r"(\d+)\. (XA-\d{4}-\d{4}) \(revision \d+\)", flat[flat.rindex("Sources") :]
    )
    assert {record: int(n) for n, record in listed} == notes
