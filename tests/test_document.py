"""The report document survives JSON unchanged (versions depend on it)."""

from __future__ import annotations

from hypothesis import given
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

cites = st.lists(
    st.builds(Cite, record=st.text(min_size=1, max_size=12), revision=st.integers(1, 9)),
    max_size=3,
).map(tuple)
texts = st.text(max_size=60)
blocks = st.one_of(
    st.builds(Paragraph, text=texts, cites=cites, lang=st.sampled_from([None, "zh-Hans", "ar"])),
    st.builds(BulletList, items=st.lists(texts, max_size=3).map(tuple), cites=cites),
    st.builds(
        Table,
        caption=texts,
        header=st.just(("Figure", "2023", "2024")),
        rows=st.lists(st.tuples(texts, texts, texts), max_size=3).map(tuple),
    ),
    st.builds(Note, label=texts, text=texts),
    st.builds(Pointer, report=st.sampled_from(["tip", "irf"]), text=texts),
)
leaf = st.builds(
    Section,
    id=st.from_regex(r"[1-7]\.[a-i]", fullmatch=True),
    number=st.just("a."),
    title=texts,
    blocks=st.lists(blocks, max_size=4).map(tuple),
)
sections = st.builds(
    Section,
    id=st.from_regex(r"[1-7]", fullmatch=True),
    number=st.just("Section 1."),
    title=texts,
    blocks=st.lists(blocks, max_size=2).map(tuple),
    children=st.lists(leaf, max_size=3).map(tuple),
)


@given(st.lists(sections, min_size=1, max_size=4).map(tuple), texts)
def test_json_round_trip_is_lossless(tree: tuple[Section, ...], title: str) -> None:
    report = Report(
        report_type="hrr",
        report_title="Country Reports on Human Rights Practices",
        edition="2023",
        country="XA",
        country_name="Veloria",
        year=2023,
        period="1 January 2023 – 31 December 2023",
        audience="public",
        title=title,
        sections=tree,
        sources=(SourceEntry(record="r1", revision=2, source="NGO", kind="ngo", citation="c"),),
        metadata={"records used": 3, "records left out: confidential": 1},
    )
    again = Report.model_validate_json(report.model_dump_json())
    assert again == report
    assert [s.id for s in again.walk()] == [s.id for s in report.walk()]
