"""Draft prose: lead sentences, attribution, pointers, paragraphs with citations."""

from __future__ import annotations

from datetime import date

import pytest

from hrdraft import Paragraph, Pointer, Record, SelectedRecord, prose


def record(**overrides: object) -> Record:
    data: dict[str, object] = {
        "id": "XA-1",
        "country": "XA",
        "year": 2023,
        "event_date": "2023-03-14",
        "title": "Detentions in Dunmere",
        "summary": "Police detained 14 protesters in Dunmere.",
        "source": {"name": "Veloria Rights Watch", "kind": "ngo"},
        "sensitivity": "public",
    }
    data.update(overrides)
    return Record.model_validate(data)


def item(revision: int = 1, **overrides: object) -> SelectedRecord:
    return SelectedRecord(record(**overrides), revision)


# -- Lead sentences ------------------------------------------------------------


def test_no_records_reads_there_were_no_reports_of_the_topic():
    assert prose.lead_sentence(0, "forced labor") == (
        "There were no reports of forced labor during the year."
    )


def test_a_conditional_heading_without_records_reads_not_applicable():
    assert prose.lead_sentence(0, "conflict-related abuses", conditional=True) == "Not applicable."


def test_the_lead_sentence_grows_with_the_number_of_reports():
    claim = "the government or its agents committed arbitrary or unlawful killings"
    one = prose.lead_sentence(1, "killings", claim=claim)
    few = prose.lead_sentence(2, "killings", claim=claim)
    many = prose.lead_sentence(prose.NUMEROUS, "killings", claim=claim)
    assert one == f"There was a report that {claim}."
    assert few == f"There were reports that {claim}."
    assert many == f"There were numerous reports that {claim}."
    assert prose.lead_sentence(prose.NUMEROUS - 1, "x", claim=claim) == few
    # A conditional heading with records reads like any other.
    assert prose.lead_sentence(2, "killings", claim=claim, conditional=True) == few


def test_without_a_claim_the_lead_sentence_names_the_topic():
    assert prose.lead_sentence(3, "child labor") == "There were reports of child labor."


# -- Attribution ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "opening"),
    [
        (
            {"name": "Veloria Rights Watch", "kind": "ngo"},
            "The NGO Veloria Rights Watch reported that ",
        ),
        ({"name": "Diario Sur", "kind": "media"}, "According to media reports by Diario Sur, "),
        ({"name": "Government of Veloria", "kind": "government"}, "The government stated that "),
        (
            {"name": "Ministry of Interior", "kind": "government"},
            "The government, through the Ministry of Interior, stated that ",
        ),
        (
            {"name": "Human Rights Committee", "kind": "un"},
            "The UN Human Rights Committee reported that ",
        ),
        ({"name": "UNHCR", "kind": "un"}, "The UNHCR reported that "),
        (
            {"name": "University of Dunmere", "kind": "academic"},
            "According to academic research by University of Dunmere, ",
        ),
        ({"name": "U.S. Embassy Dunmere", "kind": "mission"}, "The embassy observed that "),
        # select.py has already replaced an unconsented individual's name.
        (
            {"name": "a human rights defender", "kind": "defender"},
            "A human rights defender reported that ",
        ),
        ({"name": "a journalist", "kind": "journalist"}, "A journalist reported that "),
        ({"name": "Tomas Berg", "kind": "journalist"}, "The journalist Tomas Berg reported that "),
    ],
)
def test_attribution_names_the_source_and_its_kind(source, opening):
    text = prose.attribution(record(source=source))
    assert text.startswith(opening)
    assert text.endswith("police detained 14 protesters in Dunmere.")


def test_attribution_keeps_the_figures_and_period_of_the_summary():
    summary = "The group documented 111 cases of torture between January and September."
    text = prose.attribution(record(summary=summary, event_date="2023-01/2023-09"))
    assert text == f"The NGO Veloria Rights Watch reported that t{summary[1:]}"
    assert text.count("between January and September") == 1


def test_attribution_adds_the_date_only_when_the_summary_lacks_one():
    assert "on March 14, police detained" in prose.attribution(record())
    dated = prose.attribution(record(summary="On 14 March police detained 14 protesters."))
    assert "March 14" not in dated and "on 14 March police detained" in dated
    undated = prose.attribution(record(event_date=None))
    assert (
        undated
        == "The NGO Veloria Rights Watch reported that police detained 14 protesters in Dunmere."
    )


def test_attribution_keeps_capitals_of_names_and_acronyms():
    named = prose.attribution(
        record(summary="Dunmere authorities closed two NGOs.", event_date=None)
    )
    assert "reported that Dunmere authorities" in named
    acronym = prose.attribution(record(summary="UN staff were expelled.", event_date=None))
    assert "reported that UN staff" in acronym


@pytest.mark.parametrize(
    ("event_date", "phrase"),
    [
        ("2023-03-14", "on March 14"),
        ("2023-03", "in March"),
        ("2023-01/2023-09", "between January and September"),
        ("2023-03-02/2023-03-09", "between March 2 and 9"),
        ("2023", "during the year"),
        ("2022-11/2023-02", "between November 2022 and February 2023"),
    ],
)
def test_the_period_reads_as_a_draft_says_it(event_date, phrase):
    assert prose.period_phrase(record(event_date=event_date)) == phrase


TIP_2024 = (date(2023, 4, 1), date(2024, 3, 31))
HRR_2023 = (date(2023, 1, 1), date(2023, 12, 31))


@pytest.mark.parametrize(
    ("event_date", "period", "phrase"),
    [
        ("2023-11", TIP_2024, "in November 2023"),
        ("2024-03-14", TIP_2024, "on March 14, 2024"),
        ("2023-05-02/2023-05-09", TIP_2024, "between May 2 and 9, 2023"),
        ("2023-11", HRR_2023, "in November"),
        ("2023-12/2024-01", HRR_2023, "between December 2023 and January 2024"),
    ],
)
def test_the_year_is_written_unless_the_reporting_year_implies_it(event_date, period, phrase):
    assert prose.period_phrase(record(event_date=event_date), period) == phrase


@pytest.mark.parametrize(
    ("summary", "stated"),
    [
        ("Police dispersed a peaceful march.", False),
        ("Officers may have fired live rounds.", False),
        ("In 1500 homes, police searched rooms.", False),  # a number, not a year
        ("On 14 March police detained 14 protesters.", True),
        ("On March 14, 2023, police detained 14 protesters.", True),
        ("On 13 March police detained 14 protesters.", False),  # another day
        ("Police detained 14 protesters (2023-03-14).", True),
    ],
)
def test_a_date_is_stated_only_by_that_same_date(summary, stated):
    assert prose.states_date(record(summary=summary)) is stated


@pytest.mark.parametrize(
    ("source", "summary", "self_attributed"),
    [
        ({"name": "Lantern Watch", "kind": "ngo"}, "The NGO Lantern Watch reported 9 cases.", True),
        ({"name": "Lantern Watch", "kind": "ngo"}, "Lantern Watch volunteers were beaten.", False),
        (
            {"name": "Committee of Families of the Disappeared (COFADE)", "kind": "ngo"},
            "In May, COFADE documented 12 disappearances.",
            True,
        ),
        (
            {"name": "Ministry of Interior", "kind": "government"},
            "According to the Ministry of Interior, 12 officers were suspended.",
            True,
        ),
        (
            {"name": "Ministry of Interior", "kind": "government"},
            "In May the Ministry of Interior suspended 12 officers.",
            True,
        ),
        (
            {"name": "National Human Rights Ombudsman", "kind": "government"},
            "In May the government suspended 12 officers.",
            False,
        ),
        (
            {"name": "National Human Rights Ombudsman", "kind": "government"},
            "In May the government reported 12 suspensions.",
            True,
        ),
    ],
)
def test_a_summary_that_names_its_own_source_reporting(source, summary, self_attributed):
    assert prose.self_attributed(record(source=source, summary=summary)) is self_attributed


# -- Paragraphs ----------------------------------------------------------------


def test_every_paragraph_cites_the_record_it_comes_from():
    items = [item(id="XA-1"), item(id="XA-2", revision=3, summary="Soldiers burned a school.")]
    paragraphs = prose.paragraphs(items)
    assert [p.cites for p in paragraphs] == [(items[0].cite,), (items[1].cite,)]
    assert paragraphs[1].cites[0].revision == 3
    assert "soldiers burned a school" in paragraphs[1].text


def test_a_record_in_another_language_keeps_its_text_and_language():
    spanish = item(language="es", summary="La policía detuvo a 14 manifestantes en Dunmere.")
    frame, original = prose.record_paragraphs(spanish)
    assert frame.lang is None
    assert frame.text.startswith("The NGO Veloria Rights Watch reported")
    assert "Spanish" in frame.text
    assert original.lang == "es"
    assert original.text == spanish.record.summary
    assert frame.cites == original.cites == (spanish.cite,)


def test_a_section_opens_with_a_lead_sentence_that_cites_what_it_counts():
    items = [item(id=f"XA-{i}") for i in range(prose.NUMEROUS)]
    blocks = prose.section_paragraphs(items, "arbitrary arrest")
    assert blocks[0].text == "There were numerous reports of arbitrary arrest."
    assert {c.record for c in blocks[0].cites} == {i.id for i in items}
    assert len(blocks) == 1 + len(items)


def test_an_empty_section_still_has_text():
    assert prose.section_paragraphs([], "arbitrary arrest") == [
        Paragraph(text="There were no reports of arbitrary arrest during the year.")
    ]
    assert prose.section_paragraphs([], "stateless persons", conditional=True) == [
        Paragraph(text="Not applicable.")
    ]


# -- Pointers and small pieces ---------------------------------------------------


def test_pointers_name_the_other_reports():
    tip = prose.pointer("tip")
    assert isinstance(tip, Pointer) and tip.report == "tip"
    assert tip.text.startswith("See the Department of State's annual Trafficking in Persons Report")
    assert "International Religious Freedom Report" in prose.pointer_sentence("irf")
    assert prose.pointer_sentence("civic", title="the Civic Space Assessment") == (
        "See the Civic Space Assessment."
    )


def test_series_reads_as_prose():
    assert prose.series(["a"]) == "a"
    assert prose.series(["a", "b"]) == "a and b"
    assert prose.series(["a", "b", "c"]) == "a, b, and c"
    assert prose.series(["a", "b", "c"], separator="; ") == "a; b; and c"


def test_first_sentence_is_not_fooled_by_initials():
    text = "The U.S. embassy met Dr. Ruiz in Dunmere. She described the raid."
    assert prose.first_sentence(text) == "The U.S. embassy met Dr. Ruiz in Dunmere."


def test_language_names():
    assert prose.language_name("es") == "Spanish"
    assert prose.language_name("zh-Hans") == "Chinese"
    assert prose.language_name("sw") == "Swahili"


@pytest.mark.parametrize(
    ("summary", "opening"),
    [
        ("Riot police beat two students.", "reported that on March 14, riot police beat"),
        ("Writing to the embassy, the group listed 9 cases.", "March 14, writing to the embassy"),
        ("Police detained 3 men; the police gave no reason.", "March 14, police detained"),
        ("Dunmere authorities closed two NGOs.", "March 14, Dunmere authorities closed"),
        ("Marrowgate police said the men fled to Marrowgate.", "March 14, Marrowgate police"),
    ],
)
def test_first_words_are_judged_the_same_way_in_every_paragraph(summary, opening):
    assert opening in prose.attribution(record(summary=summary))
