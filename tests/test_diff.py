"""The diff engine: section and block alignment, word diffs, explanations, outputs."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from rich.console import Console

from hrdraft.document import BulletList, Cite, Note, Paragraph, Pointer, Report, Section, Table
from hrdraft.errors import HrdraftError
from hrdraft.history.diff import apply, diff_reports, diff_text, tokenize
from hrdraft.history.redline import (
    SCHEMA_VERSION,
    diff_to_dict,
    diff_to_json,
    print_diff,
    redline_html,
)
from hrdraft.render import CORE_TEMPLATES, Renderer


def para(text: str, *cites: tuple[str, int], lang: str | None = None) -> Paragraph:
    return Paragraph(
        text=text, cites=tuple(Cite(record=r, revision=v) for r, v in cites), lang=lang
    )


def report(*sections: Section, audience: str = "public", edition: str = "2023") -> Report:
    return Report(
        report_type="hrr",
        report_title="Country Reports on Human Rights Practices",
        edition=edition,
        country="XA",
        country_name="Xanadu",
        year=2023,
        period="January–December 2023",
        audience=audience,  # type: ignore[arg-type]
        title="Xanadu 2023 Human Rights Report",
        sections=sections,
    )


def base() -> Report:
    return report(
        Section(id="exec", title="Executive Summary", blocks=(para("Summary text.", ("XA-1", 1)),)),
        Section(
            id="1",
            number="Section 1.",
            title="Respect for the Integrity of the Person",
            children=(
                Section(
                    id="1.a",
                    number="a.",
                    title="Arbitrary Deprivation of Life",
                    blocks=(
                        para("There were reports that police killed two protesters.", ("XA-2", 1)),
                        para("The NGO Watch documented 11 cases.", ("XA-3", 1)),
                        para("Not applicable elsewhere."),
                    ),
                ),
                Section(
                    id="1.b",
                    number="b.",
                    title="Disappearance",
                    blocks=(para("There were no reports of disappearances."),),
                ),
            ),
        ),
    )


def with_blocks(doc: Report, section_id: str, *blocks: object) -> Report:
    def swap(section: Section) -> Section:
        children = tuple(swap(c) for c in section.children)
        if section.id == section_id:
            return section.model_copy(update={"blocks": blocks, "children": children})
        return section.model_copy(update={"children": children})

    return doc.model_copy(update={"sections": tuple(swap(s) for s in doc.sections)})


def by_id(diff, section_id):  # type: ignore[no-untyped-def]
    return next(s for s in diff.sections if s.id == section_id)


# -------------------------------------------------------------------------
# Words
# -------------------------------------------------------------------------


def test_tokens_join_back_and_split_cjk_per_character() -> None:
    text = "Police detained 3 people; 警察拘留了三名抗议者。 Then 日本語のテキスト, 한국어."
    tokens = tokenize(text)
    assert "".join(tokens) == text
    assert "警" in tokens and "察" in tokens and "の" in tokens and "한" in tokens
    assert "Police" in tokens and "detained" in tokens


def test_chinese_change_is_one_character_not_the_whole_sentence() -> None:
    spans = diff_text("警察拘留了三名抗议者", "警察拘留了五名抗议者")
    assert [(s.op, s.text) for s in spans] == [
        ("equal", "警察拘留了"),
        ("delete", "三"),
        ("insert", "五"),
        ("equal", "名抗议者"),
    ]


@given(st.text(), st.text())
def test_word_spans_rebuild_both_texts(old: str, new: str) -> None:
    spans = diff_text(old, new)
    assert "".join(s.text for s in spans if s.op != "insert") == old
    assert "".join(s.text for s in spans if s.op != "delete") == new


# -------------------------------------------------------------------------
# Sections and blocks
# -------------------------------------------------------------------------


def test_a_draft_against_itself_has_no_changes() -> None:
    diff = diff_reports(base(), base())
    assert not diff.changed
    assert all(s.status == "unchanged" and not s.structure for s in diff.sections)
    assert diff.records == ()


def test_a_word_change_is_one_changed_paragraph_with_word_spans() -> None:
    old = base()
    new = with_blocks(
        old,
        "1.a",
        para("There were reports that police killed three protesters.", ("XA-2", 1)),
        para("The NGO Watch documented 11 cases.", ("XA-3", 1)),
        para("Not applicable elsewhere."),
    )
    diff = diff_reports(old, new)
    section = by_id(diff, "1.a")
    assert section.status == "changed"
    assert section.counts == {"unchanged": 2, "added": 0, "removed": 0, "moved": 0, "changed": 1}
    (changed,) = [op for op in section.blocks if op.op == "changed"]
    words = changed.fields[0].words
    assert [(s.op, s.text) for s in words if s.op != "equal"] == [
        ("delete", "two "),
        ("insert", "three "),
    ]
    assert by_id(diff, "1.b").status == "unchanged"
    assert apply(old, diff) == new


def test_added_removed_and_moved_paragraphs() -> None:
    old = base()
    a, b, c = old.section("1.a").blocks  # type: ignore[union-attr]
    new = with_blocks(old, "1.a", c, a, para("A new paragraph about the army.", ("XA-9", 1)))
    diff = diff_reports(old, new)
    ops = {op.op for op in by_id(diff, "1.a").blocks}
    assert ops == {"moved", "unchanged", "added", "removed"}
    removed = next(op for op in by_id(diff, "1.a").blocks if op.op == "removed")
    assert removed.block["text"] == b.text
    assert apply(old, diff) == new


def test_edited_and_moved_paragraph_is_still_one_change() -> None:
    old = base()
    a, _, c = old.section("1.a").blocks  # type: ignore[union-attr]
    edited = para("The NGO Watch documented 12 cases.", ("XA-3", 1))
    diff = diff_reports(old, with_blocks(old, "1.a", edited, a, c))
    ops = [op.op for op in by_id(diff, "1.a").blocks]
    assert ops.count("changed") == 1 and "added" not in ops and "removed" not in ops


def test_a_paragraph_moved_to_another_section_names_both_sections() -> None:
    old = base()
    killed, watch, stock = old.section("1.a").blocks  # type: ignore[union-attr]
    # A record re-targeted from 1.a to 1.b: its paragraph leaves 1.a for 1.b.
    # The uncited stock sentence, also moved, is no evidence of a move.
    new = with_blocks(with_blocks(old, "1.a", killed), "1.b", watch, stock)
    diff = diff_reports(old, new)
    gone = [op for op in by_id(diff, "1.a").blocks if op.op == "removed"]
    came = [op for op in by_id(diff, "1.b").blocks if op.op == "added"]
    assert [(op.block["text"], op.moved_to) for op in gone] == [
        (watch.text, "1.b"),
        (stock.text, None),
    ]
    assert [(op.block["text"], op.moved_from) for op in came] == [
        (watch.text, "1.a"),
        (stock.text, None),
    ]
    assert apply(old, diff) == new

    console = Console(record=True, width=160, color_system=None)
    print_diff(diff, console)
    out = console.export_text()
    assert "moved here, unchanged, from 1.a Arbitrary Deprivation of Life" in out
    assert "moved, unchanged, to 1.b Disappearance" in out
    assert "(1 of the added blocks moved from another section)" in out
    html = redline_html(diff, Renderer())
    assert '<a href="#sec-1.a">Moved here, unchanged, from 1.a Arbitrary Deprivation' in html
    data = diff_to_dict(diff)
    assert data["summary"]["blocks_moved_between_sections"] == 1
    ops = [o for sec in data["sections"] for o in sec["blocks"] if o["moved_from"] or o["moved_to"]]
    assert [(o["op"], o["moved_from"], o["moved_to"]) for o in ops] == [
        ("removed", None, "1.b"),
        ("added", "1.a", None),
    ]


def test_sections_added_removed_renamed_renumbered_and_moved() -> None:
    old = base()
    one = old.sections[1]
    new = report(
        Section(
            id="1.b",
            number="b.",
            title="Disappearance and Abduction",
            blocks=one.children[1].blocks,
        ),
        Section(
            id="1",
            number="Section 1.",
            title="Life",
            children=(one.children[0].model_copy(update={"id": "1.x"}),),
        ),
        Section(id="2", number="Section 2.", title="Liberty", blocks=(para("New."),)),
    )
    diff = diff_reports(old, new)
    assert by_id(diff, "exec").status == "removed"
    assert by_id(diff, "2").status == "added"
    assert "renamed" in by_id(diff, "1").structure
    assert set(by_id(diff, "1.b").structure) >= {"renamed", "moved"}
    renumbered = by_id(diff, "1.x")
    assert renumbered.old is not None and renumbered.old.id == "1.a"
    assert "renumbered" in renumbered.structure and renumbered.status == "unchanged"
    assert apply(old, diff) == new


def test_across_editions_sections_match_by_id_only() -> None:
    old = base()
    new = report(
        Section(id="exec", title="Executive Summary", blocks=old.sections[0].blocks),
        Section(
            id="3.a",
            number="a.",
            title="Arbitrary Deprivation of Life",
            blocks=old.section("1.a").blocks,
        ),  # type: ignore[union-attr]
        edition="2024",
    )
    diff = diff_reports(old, new)
    assert by_id(diff, "exec").status == "unchanged"
    assert by_id(diff, "3.a").status == "added"
    assert by_id(diff, "1.a").status == "removed"
    assert diff.header["edition"] == ("2023", "2024")
    assert apply(old, diff) == new


def test_records_explain_the_change() -> None:
    old = base()
    new = with_blocks(
        old,
        "1.a",
        para("There were reports that police killed three protesters.", ("XA-2", 2)),
        para("Not applicable elsewhere."),
        para("Journalists were detained.", ("XA-7", 1)),
    )
    diff = diff_reports(old, new)
    why = {
        (e.record, e.change, e.old_revision, e.new_revision)
        for op in by_id(diff, "1.a").blocks
        for e in op.explain
    }
    assert ("XA-2", "revised", 1, 2) in why
    assert ("XA-3", "withdrawn", 1, None) in why
    assert ("XA-7", "added", None, 1) in why
    summary = {(e.record, e.change) for e in diff.records}
    assert summary == {("XA-2", "revised"), ("XA-3", "withdrawn"), ("XA-7", "added")}


def test_tables_lists_notes_and_pointers_are_diffed_and_rebuilt() -> None:
    table = Table(
        caption="Prosecutions",
        header=("Year", "Cases"),
        rows=(("2022", "10"), ("2023", "12")),
        row_cites=((Cite(record="XA-4"),), (Cite(record="XA-5"),)),
    )
    old = with_blocks(
        base(),
        "1.b",
        table,
        BulletList(items=("Investigate.", "Train police."), cites=(Cite(record="XA-6"),)),
        Note(label="Suggested tier", text="Tier 2"),
        Pointer(report="tip", text="See the Trafficking in Persons Report."),
    )
    new = with_blocks(
        base(),
        "1.b",
        table.model_copy(
            update={
                "rows": (("2022", "10"), ("2023", "14"), ("2024", "3")),
                "row_cites": (
                    (Cite(record="XA-4"),),
                    (Cite(record="XA-5", revision=2),),
                    (Cite(record="XA-8"),),
                ),
            }
        ),
        BulletList(items=("Investigate all cases.", "Train police."), cites=(Cite(record="XA-6"),)),
        Note(label="Suggested tier", text="Tier 2 Watch List"),
        Pointer(report="tip", text="See the 2024 Trafficking in Persons Report."),
    )
    diff = diff_reports(old, new)
    ops = by_id(diff, "1.b").blocks
    assert [op.op for op in ops] == ["changed"] * 4
    rows = next(f for f in ops[0].fields if f.name == "rows")
    assert [i.op for i in rows.items] == ["equal", "change", "insert"]
    assert [c.op for c in rows.items[1].cells] == ["equal", "change"]
    assert {(e.record, e.change) for e in ops[0].explain} >= {
        ("XA-5", "revised"),
        ("XA-8", "added"),
    }
    assert apply(old, diff) == new


def test_a_public_and_an_internal_draft_are_not_diffed_without_the_flag() -> None:
    internal = base().model_copy(update={"audience": "internal"})
    with pytest.raises(HrdraftError, match="allow-mixed-audience"):
        diff_reports(base(), internal)
    diff = diff_reports(base(), internal, allow_mixed_audience=True)
    assert diff.audience == "internal"
    assert diff_reports(base(), base()).audience == "public"


# -------------------------------------------------------------------------
# Properties: apply rebuilds NEW, random edits are all reported
# -------------------------------------------------------------------------

WORDS = [
    "police",
    "detained",
    "the",
    "NGO",
    "reported",
    "cases",
    "in",
    "2023",
    "警",
    "察",
    "拘",
    "留",
    "の",
    "한",
    "국",
    ",",
    ".",
]
word_lists = st.lists(st.sampled_from(WORDS), min_size=1, max_size=12)
texts = word_lists.map(lambda ws: " ".join(ws))
cites = st.lists(
    st.tuples(st.sampled_from(["XA-1", "XA-2", "XA-3", "XA-4"]), st.integers(1, 3)),
    max_size=2,
    unique_by=lambda c: c[0],
)
paragraphs = st.builds(lambda t, c: para(t, *c), texts, cites)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    ids = draw(
        st.lists(
            st.sampled_from(["1", "2", "3", "4", "5", "6"]), min_size=1, max_size=4, unique=True
        )
    )
    sections = []
    for sid in ids:
        blocks = tuple(draw(st.lists(paragraphs, max_size=5)))
        sections.append(Section(id=sid, title=f"Title {sid}", blocks=blocks))
    return report(*sections)


@st.composite
def edited(draw: st.DrawFn, doc: Report) -> Report:
    sections = [list(s.blocks) for s in doc.sections]
    heads = [(s.id, s.title) for s in doc.sections]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(
            st.sampled_from(
                [
                    "insert_word",
                    "delete_word",
                    "replace_word",
                    "add_para",
                    "remove_para",
                    "reorder",
                    "add_section",
                    "remove_section",
                    "cjk",
                    "cite",
                ]
            )
        )
        i = draw(st.integers(0, len(sections) - 1)) if sections else None
        blocks = sections[i] if i is not None else None
        if kind == "add_section" or i is None:
            new_id = draw(st.sampled_from(["7", "8", "9", "10"]))
            if new_id not in [h[0] for h in heads]:
                heads.append((new_id, f"Title {new_id}"))
                sections.append([draw(paragraphs)])
            continue
        if kind == "remove_section":
            del sections[i], heads[i]
            continue
        if kind == "add_para" or not blocks:
            blocks.insert(draw(st.integers(0, len(blocks))), draw(paragraphs))
            continue
        k = draw(st.integers(0, len(blocks) - 1))
        words = blocks[k].text.split(" ")
        w = draw(st.integers(0, len(words) - 1))
        if kind == "remove_para":
            del blocks[k]
        elif kind == "reorder":
            blocks.insert(draw(st.integers(0, len(blocks) - 1)), blocks.pop(k))
        elif kind == "cite":
            blocks[k] = blocks[k].model_copy(update={"cites": (Cite(record="XA-9", revision=1),)})
        else:
            if kind == "insert_word":
                words.insert(w, draw(st.sampled_from(WORDS)))
            elif kind == "delete_word" and len(words) > 1:
                del words[w]
            elif kind == "cjk":
                words[w] = words[w] + "中文"
            else:
                words[w] = draw(st.sampled_from(["army", "militia", "三"]))
            blocks[k] = blocks[k].model_copy(update={"text": " ".join(words)})
    return report(
        *(
            Section(id=sid, title=title, blocks=tuple(b))
            for (sid, title), b in zip(heads, sections, strict=True)
        )
    )


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_apply_rebuilds_new_and_every_edit_is_reported(data: st.DataObject) -> None:
    old = data.draw(reports())
    new = data.draw(edited(old))
    diff = diff_reports(old, new)
    assert apply(old, diff) == new
    assert diff.changed == (old != new)
    old_blocks = {s.id: s.blocks for s in old.walk()}
    for section in diff.sections:
        if section.status in ("added", "removed"):
            assert (section.status == "added") == (section.id not in old_blocks)
            continue
        same = old_blocks[section.id] == new.section(section.id).blocks  # type: ignore[union-attr]
        assert (section.status == "unchanged") == same
    # Whatever blocks differ, the diff points at them (by old and new position).
    for section in diff.sections:
        if section.old is None or section.new is None:
            continue
        kept = {op.new_index for op in section.blocks if op.op == "unchanged"}
        new_blocks = new.section(section.new.id).blocks  # type: ignore[union-attr]
        old_ids = old_blocks[section.old.id]
        for j in kept:
            op = next(o for o in section.blocks if o.new_index == j)
            assert old_ids[op.old_index] == new_blocks[j]


@settings(max_examples=100)
@given(reports())
def test_a_draft_is_unchanged_against_itself(doc: Report) -> None:
    diff = diff_reports(doc, doc)
    assert not diff.changed
    assert apply(doc, diff) == doc


# -------------------------------------------------------------------------
# Outputs
# -------------------------------------------------------------------------


def sample_diff():  # type: ignore[no-untyped-def]
    old = base()
    new = with_blocks(
        old,
        "1.a",
        para(
            "There were reports that police killed <script>alert(1)</script> three protesters.",
            ("XA-2", 2),
        ),
        para("Not applicable elsewhere."),
    )
    return diff_reports(old, new, old_meta={"version": 1}, new_meta={"version": 2})


def test_json_has_the_documented_stable_shape() -> None:
    data = json.loads(diff_to_json(sample_diff()))
    assert data["schema_version"] == SCHEMA_VERSION
    assert {"audience", "old", "new", "changed", "header", "summary", "records", "sections"} <= set(
        data
    )
    assert data["old"]["version"] == 1 and data["new"]["version"] == 2
    section = next(s for s in data["sections"] if s["id"] == "1.a")
    assert section["status"] == "changed"
    assert set(section["counts"]) == {"unchanged", "added", "removed", "moved", "changed"}
    op = next(o for o in section["blocks"] if o["op"] == "changed")
    text = next(f for f in op["fields"] if f["name"] == "text")
    assert any(w["op"] == "insert" and "three" in w["text"] for w in text["words"])
    assert {"record": "XA-2", "change": "revised", "old_revision": 1, "new_revision": 2} in op[
        "explain"
    ]
    assert diff_to_dict(sample_diff()) == json.loads(diff_to_json(sample_diff()))


def test_terminal_summary_then_changes_with_unchanged_sections_collapsed() -> None:
    console = Console(record=True, width=120, force_terminal=True, color_system="standard")
    print_diff(sample_diff(), console)
    out = console.export_text(clear=False)
    assert "4 sections: 1 changed, 0 added, 0 removed, 3 unchanged" in out
    assert "3 unchanged sections: exec, 1, 1.b" in out
    assert "record XA-2 revised from revision 1 to 2" in out
    assert "record XA-3@1 withdrawn" in out
    styled = console.export_text(styles=True)
    assert "\x1b[9;31mtwo" in styled  # deletions red and struck through
    assert "\x1b[4;32m" in styled  # insertions green


def test_terminal_without_colour_marks_changes_in_text() -> None:
    console = Console(record=True, width=120, color_system=None)
    print_diff(sample_diff(), console)
    out = console.export_text()
    assert "killed [-two -]{+<script>alert(1)</script> three +}protesters." in out


def test_terminal_says_when_nothing_changed() -> None:
    console = Console(record=True, width=120)
    print_diff(diff_reports(base(), base()), console)
    assert "No changes." in console.export_text()


def test_html_redline_marks_changes_escapes_text_and_folds_unchanged() -> None:
    html = redline_html(sample_diff(), Renderer())
    assert re.search(r"<ins>[^<]*three </ins>", html)
    assert "<del>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="#sec-1.a"' in html
    assert '<details class="unchanged" id="sec-1.b">' in html
    assert "Audience: public" in html
    assert "http://" not in html.replace("http://www.w3.org", "")


def test_html_redline_of_a_mixed_audience_diff_says_internal() -> None:
    internal = base().model_copy(update={"audience": "internal"})
    html = redline_html(diff_reports(base(), internal, allow_mixed_audience=True), Renderer())
    assert "Audience: internal" in html and "not for publication" in html


# -------------------------------------------------------------------------
# The redline renders blocks as drafts do: the block partials, with marks
# -------------------------------------------------------------------------

OVERRIDE = Path(__file__).parent / "roots" / "redline-override"
_MARK = re.compile(r"<(ins|del)>(.*?)</\1>", re.S)


def side_text(html: str, keep: str) -> str:
    """The text a reader sees on one side of a redline fragment: the other side's marks dropped."""
    dropped = "del" if keep == "new" else "ins"
    html = re.sub(rf"<{dropped}>.*?</{dropped}>", "", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


def block_fragments(html: str, section_id: str) -> list[str]:
    """Each block's markup in one section of a redline, in order (without its cites and why)."""
    start = html.index(f'<section id="sec-{section_id}"')
    part = html[start : html.index("</section>", start)]
    ends = r'<p class="cites">|<p class="why">|<ul class="why">|</div>'
    return [
        b.strip() for b in re.findall(rf'<div class="op[^"]*">\n?(.*?)\n(?:{ends})', part, re.S)
    ]


def markdown_diff() -> tuple[Report, Report]:
    old = with_blocks(
        base(),
        "1.a",
        para("Police beat **two** students in *Port Lumen*.", ("XA-2", 1)),
        para("A *b* c."),
        para("Unchanged `code` here."),
    )
    new = with_blocks(
        base(),
        "1.a",
        para("Police beat **three** students in *Port Lumen*.", ("XA-2", 1)),
        para("A **b** c."),
        para("Unchanged `code` here."),
        para(
            "A new **finding** [with a link](http://127.0.0.1:9/x) ![pixel](http://127.0.0.1:9/p.png)."
        ),
    )
    return old, new


def test_record_markdown_is_rendered_in_the_redline_as_in_the_draft() -> None:
    old, new = markdown_diff()
    html = redline_html(diff_reports(old, new), Renderer())
    # A word changed inside **bold**: still bold, the change marked inside it.
    assert "<strong><del>two</del><ins>three</ins></strong>" in html
    assert "<em>Port Lumen</em>" in html
    # An added paragraph: every run marked, its markup kept.
    assert "<strong><ins>finding</ins></strong>" in html
    assert "<code>code</code>" in html  # an unchanged block, as the draft shows it
    # The markup itself changed (*b* → **b**): old shown deleted, new inserted.
    assert "<em><del>b</del></em>" in html and "<strong><ins>b</ins></strong>" in html
    # Links and images show their text only; nothing points anywhere.
    assert "with a link" in html and "pixel" in html
    assert "127.0.0.1" not in html and "<img" not in html and '<a href="http' not in html


def test_each_side_of_the_redline_reads_as_that_draft() -> None:
    old, new = markdown_diff()
    html = redline_html(diff_reports(old, new), Renderer())
    blocks = block_fragments(html, "1.a")
    renderer = Renderer()
    expected_new = [
        renderer.block_html(b, report=new, direction=None) for b in new.section("1.a").blocks
    ]  # type: ignore[union-attr]
    expected_old = [
        renderer.block_html(b, report=old, direction=None) for b in old.section("1.a").blocks
    ]  # type: ignore[union-attr]
    shown_new = [side_text(b, "new") for b in blocks if side_text(b, "new")]
    shown_old = [side_text(b, "old") for b in blocks if side_text(b, "old")]
    assert shown_new == [side_text(h, "new") for h in expected_new]
    assert shown_old == [side_text(h, "old") for h in expected_old]


def test_a_block_partial_override_applies_in_the_redline() -> None:
    old, new = markdown_diff()
    renderer = Renderer(user_dir=OVERRIDE)
    html = redline_html(diff_reports(old, new), renderer)
    boxed = re.findall(r'<div class="boxed-paragraph">(.*?)</div>', html, re.S)
    # Every paragraph of the redline (changed, added, unchanged, folded) is boxed.
    assert len(boxed) == html.count('<div class="op')
    assert any("<strong><del>two</del><ins>three</ins></strong>" in b for b in boxed)
    # The same override shapes the draft itself.
    assert '<div class="boxed-paragraph"><p>Police beat <strong>three</strong>' in renderer.html(
        new
    )


def test_marks_wrap_text_only_and_a_record_cannot_forge_one() -> None:
    forged = "\u2402INSERTED\u2403 and \u2404DELETED\u2405"
    old = with_blocks(base(), "1.a", para(f"Claims {forged} here."), para("- one\n- two"))
    new = with_blocks(base(), "1.a", para(f"Claims {forged} there."), para("- one\n- two\n- three"))
    html = redline_html(diff_reports(old, new), Renderer())
    assert "<ins>INSERTED</ins>" not in html and "<del>DELETED</del>" not in html
    assert forged in html  # the record's own characters, shown as they are
    # Every mark holds text only: it never opens or closes across an element.
    marks = html.count("<ins>") + html.count("<del>")
    assert marks and marks == len(_MARK.findall(html))
    assert all("<" not in inner for _, inner in _MARK.findall(html))
    assert "<li><ins>three</ins></li>" in html


markdown_words = st.lists(
    st.sampled_from(
        ["police", "**", "*", "_", "`", "detained", " ", "\n\n", "- ", "\n", "警察", "[a](b)"]
    ),
    min_size=1,
    max_size=10,
).map("".join)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(markdown_words, markdown_words)
def test_any_edit_reads_as_each_side_and_keeps_the_markup_whole(
    old_text: str, new_text: str
) -> None:
    assume(old_text != new_text)
    old = with_blocks(base(), "1.b", para(old_text, ("XA-9", 1)))
    new = with_blocks(base(), "1.b", para(new_text, ("XA-9", 1)))
    html = redline_html(diff_reports(old, new), Renderer())
    fragment = "\n".join(block_fragments(html, "1.b"))
    renderer = Renderer()
    assert side_text(fragment, "new") == side_text(
        renderer.block_html(new.section("1.b").blocks[0], report=new, direction=None), "new"
    )  # type: ignore[union-attr]
    assert side_text(fragment, "old") == side_text(
        renderer.block_html(old.section("1.b").blocks[0], report=old, direction=None), "old"
    )  # type: ignore[union-attr]
    assert all("<" not in inner for _, inner in _MARK.findall(fragment))
    assert fragment.count("<ins>") + fragment.count("<del>") == len(_MARK.findall(fragment))


@pytest.mark.pdf
def test_pdf_redline_prints_like_a_draft_with_the_records_markup() -> None:
    """One PDF render, read back run by run with the font each run is set in."""
    import io

    from pypdf import PdfReader

    from hrdraft.history.redline import redline_pdf

    old, new = markdown_diff()
    renderer = Renderer()
    reader = PdfReader(io.BytesIO(redline_pdf(diff_reports(old, new), renderer)))
    runs: list[tuple[str, str]] = []
    pages = []
    for page in reader.pages:
        pages.append(
            page.extract_text(
                visitor_text=lambda text, cm, tm, font, size: runs.append(
                    (text.strip(), str((font or {}).get("/BaseFont", "")))
                )
            )
        )
    for number, text in enumerate(pages, start=1):
        assert "DRAFT REDLINE · Audience: public" in text, f"page {number}"
        assert f"Page {number} of {len(pages)}" in text, f"page {number}"
    fonts = {text: font for text, font in runs if text}
    # The record's **bold** and *emphasis* are set in bold and italic faces,
    # deleted and inserted words alike; the words around them are not.
    assert fonts["two"].endswith("Noto-Serif-Bold") and fonts["three"].endswith("Noto-Serif-Bold")
    assert fonts["finding"].endswith("Noto-Serif-Bold")
    assert fonts["Port Lumen"].endswith("Noto-Serif-Italic")
    assert fonts["students in"].endswith("Noto-Serif")
    assert fonts["code"].endswith("DejaVu-Sans-Mono")
    flat = " ".join(" ".join(pages).split())
    assert "Arbitrary Deprivation of Life" in flat and "with a link pixel." in flat
    assert "127.0.0.1" not in flat
    # Nothing outside the templates was asked for (nothing at all, here).
    assert all(url.startswith(CORE_TEMPLATES.as_uri()) for url in renderer.fetcher.requested)
