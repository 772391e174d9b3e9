"""Word: drafts as .docx, redlines with tracked changes, a reviewer's .docx imported back.

The sample's HRR draft for XA 2023 is compiled (v1), two records change (one
revised, one new), and it is compiled again (v2). Word files are read back
here with an XML reader of this test's own (what Word's Accept All and Reject
All do, per ECMA-376 §17.13.5), not with the import's code; the slow tests
open every file in LibreOffice (headless, a throwaway profile), convert them
to PDF, and let LibreOffice itself accept and reject the redline's changes.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from hrdraft.cli import cli
from hrdraft.document import Conflict, Paragraph, Report, Section
from hrdraft.history.docx_redline import text_redline
from hrdraft.history.versions import load_version, save_version
from hrdraft.render.docx_package import WordPackage
from hrdraft.render.wordml import text_paras
from hrdraft.store import open_store, reviews
from hrdraft.testing import SAMPLE_DIR

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
RECORDS = [json.loads(line) for line in (SAMPLE_DIR / "records.jsonl").open(encoding="utf-8")]
XA_2023 = [r for r in RECORDS if r["country"] == "XA" and r["year"] == 2023]


# -------------------------------------------------------------------------
# Reading a .docx as Word would show it (this test's own reader)
# -------------------------------------------------------------------------


def xml_parts(path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist() if n.endswith((".xml", ".rels"))}


def _note_cites(parts: dict[str, bytes]) -> dict[str, str]:
    out = {}
    if "word/footnotes.xml" in parts:
        for note in etree.fromstring(parts["word/footnotes.xml"]).iter(W + "footnote"):
            text = "".join(t.text or "" for t in note.iter(W + "t"))
            if m := re.search(r"\(record (.+), rev\. (\d+)\)\s*$", text):
                out[note.get(W + "id")] = f"{m[1]}@{m[2]}"
    return out


def paragraphs(path: Path, which: str = "accept") -> list[tuple[str, str]]:
    """(style id, text) of each body paragraph after Accept All or Reject All.

    A citation reads "[^RECORD@REV]" (a footnote, or a NOTEREF back to one).
    """
    parts = xml_parts(path)
    body = etree.fromstring(parts["word/document.xml"]).find(W + "body")
    notes = _note_cites(parts)
    gone = W + ("del" if which == "accept" else "ins")
    moved = W + ("moveFrom" if which == "accept" else "moveTo")  # a move's side that goes
    marks = {}
    for bookmark in body.iter(W + "bookmarkStart"):
        following = (
            r for sib in bookmark.itersiblings() for r in sib.iter(W + "footnoteReference")
        )
        ref = next(following, None)
        if ref is not None:
            marks[bookmark.get(W + "name")] = notes.get(ref.get(W + "id"))

    def text(p) -> str:
        out = ""
        for node in p.iter():
            ancestors = [a.tag for a in node.iterancestors()]
            if gone in ancestors or moved in ancestors or node.tag in (gone, moved):
                continue
            noteref = [
                a for a in node.iterancestors(W + "fldSimple") if "NOTEREF" in a.get(W + "instr")
            ]
            if node.tag == W + "fldSimple" and "NOTEREF" in node.get(W + "instr"):
                out += f"[^{marks.get(node.get(W + 'instr').split()[1])}]"
            elif noteref:
                continue
            elif node.tag == W + "t" or (node.tag == W + "delText" and which == "reject"):
                out += node.text or ""
            elif node.tag == W + "br":
                out += "\n"
            elif node.tag == W + "footnoteReference":
                out += f"[^{notes.get(node.get(W + 'id'))}]"
        return out

    dropped = {
        id(p)
        for tr in body.iter(W + "tr")
        if tr.find(f"{W}trPr/{gone}") is not None
        for p in tr.iter(W + "p")
    }
    result, carry = [], ""
    for p in body.iter(W + "p"):
        if id(p) in dropped:
            continue
        content = carry + text(p)
        mark = p.find(f"{W}pPr/{W}rPr")
        if mark is not None and (mark.find(gone) is not None or mark.find(moved) is not None):
            # Its mark goes: one paragraph with the next.
            carry = content
            continue
        carry = ""
        style = p.find(f"{W}pPr/{W}pStyle")
        result.append((style.get(W + "val") if style is not None else "", content))
    return result


def body_text(path: Path, which: str = "accept") -> list[str]:
    """The sections' text: from the first heading to the Sources list (or the redline's end)."""
    found = paragraphs(path, which)
    start = next(i for i, (style, _) in enumerate(found) if style.startswith("Heading"))
    end = next(
        (
            i
            for i, (style, text) in enumerate(found)
            if style == "hrdraftSourcesHeading" or text == "End of the redline."
        ),
        len(found),
    )
    return [text for _, text in found[start:end]]


# -------------------------------------------------------------------------
# A reviewer's edits, as Word writes them with Track Changes on
# -------------------------------------------------------------------------


# The reviewer (tools/word_reviewer.py) edits the XML as Word does with
# Track Changes on; the review-loop demo uses the same one.
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
from word_reviewer import Reviewer  # noqa: E402

# -------------------------------------------------------------------------
# The sample, compiled twice with records changed in between
# -------------------------------------------------------------------------


@dataclass
class Drafts:
    tmp: Path
    db: str
    v1: int
    v2: int
    public: Path  # compile --format docx, v1
    internal: Path
    old: Path  # export v1 --format docx
    new: Path  # export v2 --format docx
    redline: Path
    tip: Path  # a TIP draft: lists and tables
    conflict: Path  # a merge's version with a conflict
    revised: str  # the record revised between v1 and v2
    author: str  # v2's author

    def run(self, *args: str):
        return CliRunner().invoke(cli, ["--db", self.db, *args], catch_exceptions=False)

    def store(self):
        return open_store(self.db)


@pytest.fixture(scope="module")
def drafts(_hrdraft_sample_db, tmp_path_factory) -> Drafts:
    tmp = tmp_path_factory.mktemp("docx")
    shutil.copy(_hrdraft_sample_db, tmp / "s.sqlite")
    shutil.copy(_hrdraft_sample_db.with_suffix(".key"), tmp / "s.key")
    db = f"sqlite:///{tmp / 's.sqlite'}"

    def run(*args: str):
        result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result

    hrr = ["compile", "hrr", "--country", "XA", "--year", "2023", "--format", "docx"]
    run(*hrr, "--out", str(tmp / "out1"))
    run(*hrr, "--audience", "internal", "--out", str(tmp / "out1"))
    public = [r for r in XA_2023 if r["sensitivity"] == "public" and r["language"] == "en"]
    revised = dict(public[3])
    # A word replaced (a deletion and an insertion), a sentence added.
    revised["summary"] = re.sub(r"\b[a-z]{6,}\b", "reportedly", revised["summary"], count=1)
    revised["summary"] += " Officials denied it."
    added = {
        **public[4],
        "id": "XA-2023-9001",
        "summary": "Police detained three journalists in the capital for two days.",
    }
    (tmp / "changes.jsonl").write_text(
        json.dumps(revised) + "\n" + json.dumps(added) + "\n", encoding="utf-8"
    )
    run("ingest", str(tmp / "changes.jsonl"))
    run(*hrr, "--out", str(tmp / "out2"))
    versions = json.loads(run("versions", "list", "--json", "--report", "hrr").output)
    v1 = next(v["id"] for v in versions if v["audience"] == "public")
    v2 = versions[-1]["id"]
    run("export", str(v1), "--format", "docx", "--out", str(tmp / "v1.docx"))
    run("export", str(v2), "--format", "docx", "--out", str(tmp / "v2.docx"))
    run("diff", str(v1), str(v2), "--format", "docx", "--out", str(tmp / "redline.docx"))
    run(
        "compile",
        "tip",
        "--country",
        "XA",
        "--year",
        "2024",
        "--format",
        "docx",
        "--out",
        str(tmp / "tip"),
    )
    drafts = Drafts(
        tmp, db, v1, v2,
        tmp / "out1" / "XA" / "hrr-2023-public.docx",
        tmp / "out1" / "XA" / "hrr-2023-internal.docx",
        tmp / "v1.docx", tmp / "v2.docx", tmp / "redline.docx",
        tmp / "tip" / "XA" / "tip-2024-public.docx", tmp / "conflict.docx",
        revised["id"], versions[-1]["author"],
    )  # fmt: skip
    merged = _merged_with_conflict(drafts)
    run("export", str(merged), "--format", "docx", "--out", str(drafts.conflict))
    return drafts


def report_of(drafts: Drafts, version_id: int) -> Report:
    store = drafts.store()
    try:
        return load_version(store, version_id)[1]
    finally:
        store.dispose()


# -------------------------------------------------------------------------
# The draft
# -------------------------------------------------------------------------


def test_a_word_draft_has_headings_notes_header_contents_languages_and_fonts(drafts):
    parts = xml_parts(drafts.new)
    document = parts["word/document.xml"].decode()
    report = report_of(drafts, drafts.v2)
    found = paragraphs(drafts.new)
    headings = [(style, text) for style, text in found if style.startswith("Heading")]
    # One heading per section, as the report numbers it, its level its depth.
    expected = []

    def visit(section: Section, depth: int) -> None:
        expected.append((f"Heading{depth + 1}", section.heading))
        for child in section.children:
            visit(child, depth + 1)

    for top in report.sections:
        visit(top, 0)
    assert headings == expected
    assert any(text.startswith("Section 1. ") for _, text in headings)
    assert 'w:name="hrdraft_1_c"' in document  # the section's id, for the import
    # A footnote for each cited record revision, numbered as the HTML numbers them.
    cited = {
        f"{c.record}@{c.revision}"
        for s in report.walk()
        for b in s.blocks
        for c in [*getattr(b, "cites", ()), *(x for r in getattr(b, "row_cites", ()) for x in r)]
    }
    assert set(_note_cites(parts).values()) == cited
    assert len(_note_cites(parts)) == len(cited)  # one note each; cited again: NOTEREF
    assert "NOTEREF hrdraft_n_" in document
    # ... in the HTML's order: note N is the same record in both.
    html = drafts.run("export", str(drafts.v2), "--format", "html").output
    html_notes = re.findall(r'<li id="fn-\d+"[^>]*>.*?\(record ([^,]+), rev\. (\d+)\)', html)
    word_notes = [tuple(c.split("@")) for c in _note_cites(parts).values()]  # in id order
    assert word_notes == html_notes
    text = "\n".join(t for _, t in found)
    assert "[^None]" not in text
    # Header: report, country, year, audience, DRAFT; footer: the banner and page numbers.
    header = b"".join(v for k, v in parts.items() if k.startswith("word/header")).decode()
    footer = b"".join(v for k, v in parts.items() if k.startswith("word/footer")).decode()
    assert f"{report.report_title} · {report.country_name} 2023 · Public · DRAFT" in header
    assert "DRAFT · Audience: public" in footer and "NUMPAGES" in footer
    assert "DRAFT · Audience: public" in text
    assert 'TOC \\o "1-3"' in document
    # Languages: the document's default, and each foreign paragraph's; Arabic right to left.
    styles = parts["word/styles.xml"].decode()
    assert re.search(r'<w:lang w:val="en" w:eastAsia="zh-CN" w:bidi="ar-SA"/>', styles)
    assert '<w:lang w:val="zh-Hans" w:eastAsia="zh-Hans"/>' in document
    arabic = next(b for s in report.walk() for b in s.blocks if getattr(b, "lang", None) == "ar")
    words = arabic.text.split()[:3]
    p = next(
        p for p in etree.fromstring(parts["word/document.xml"]).iter(W + "p")
        if " ".join(words) in "".join(t.text or "" for t in p.iter(W + "t"))
    )  # fmt: skip
    assert p.find(f"{W}pPr/{W}bidi") is not None and p.find(f".//{W}rtl") is not None
    assert p.find(f".//{W}lang").get(W + "bidi") == "ar"
    # Fonts that cover Chinese and Arabic, installed here.
    families = subprocess.run(["fc-list", ":", "family"], capture_output=True, text=True).stdout
    for family in re.findall(r'w:(?:eastAsia|cs)="(Noto [^"]+)"', styles):
        assert family in families
    assert 'w:eastAsia="Noto Serif CJK SC"' in styles and 'w:cs="Noto Naskh Arabic"' in styles
    assert "<w:trackRevisions/>" in parts["word/settings.xml"].decode()
    custom = parts["docProps/custom.xml"].decode()
    assert f"<vt:lpwstr>{drafts.v2}</vt:lpwstr>" in custom and "hrdraft_based_on" in custom


def test_lists_are_word_lists_and_tables_repeat_their_header_row(drafts):
    tip = drafts.tip
    document = xml_parts(tip)["word/document.xml"].decode()
    found = paragraphs(tip)
    assert any(style == "ListBullet" for style, _ in found)
    assert "<w:numPr>" in document and "<w:tblHeader/>" in document
    tables = etree.fromstring(xml_parts(tip)["word/document.xml"]).iter(W + "tbl")
    header = next(tables).find(W + "tr")
    assert header.find(f"{W}trPr/{W}tblHeader") is not None
    assert any(style == "Caption" for style, _ in found)


def test_compile_writes_the_word_draft_and_export_needs_a_file(drafts):
    assert zipfile.is_zipfile(drafts.public) and zipfile.is_zipfile(drafts.internal)
    # compile --format docx and export of the same version write the same text
    assert paragraphs(drafts.public) == paragraphs(drafts.old)
    result = drafts.run("export", str(drafts.v2), "--format", "docx")
    assert result.exit_code == 2 and "add --out" in result.output
    internal = "\n".join(t for _, t in paragraphs(drafts.internal))
    assert "DRAFT · Audience: internal · not for publication" in internal


def test_a_public_word_draft_holds_nothing_confidential_or_restricted(drafts):
    """Every XML part of the files, not only the text Word shows."""
    confidential = [r for r in XA_2023 if r["sensitivity"] == "confidential"]
    restricted = [r for r in XA_2023 if r["sensitivity"] == "restricted"]
    assert confidential and restricted

    def fragments(record: dict) -> list[str]:
        parts = [record["summary"][:40], record["title"]]
        parts += [p["name"] for p in record.get("persons", []) if p.get("consent") != "named"]
        return [p for p in parts if len(p) >= 8]

    for path in (drafts.public, drafts.old, drafts.new, drafts.redline, drafts.internal):
        xml = b"".join(xml_parts(path).values()).decode("utf-8")
        for record in confidential:
            for fragment in fragments(record):
                assert fragment not in xml, f"{path.name}: {record['id']}"
        if path != drafts.internal:
            for record in restricted:
                assert record["summary"][:40] not in xml, f"{path.name}: {record['id']}"
    # The internal draft may use restricted records, and does.
    internal = b"".join(xml_parts(drafts.internal).values()).decode("utf-8")
    assert any(r["summary"][:40] in internal for r in restricted)


def test_a_conflict_shows_both_texts_and_an_import_refuses_it_until_resolved(drafts, tmp_path):
    path, first, conflict = drafts.conflict, *_conflict_of(drafts)
    section = report_of(drafts, drafts.v2).section("1.c")
    text = body_text(path)
    start = next(i for i, t in enumerate(text) if t.startswith("Conflict 1: the reviewer and"))
    assert text[start + 1].startswith("The reviewer's wording of the torture paragraph.")
    assert text[start + 2].startswith("Conflict 1: new text from the records")
    assert text[start + 3].startswith(first.text[:40])
    assert text[start + 4].startswith("End of conflict 1.")
    refused = drafts.run("versions", "import", str(path), "--author", "R", "--message", "m")
    assert refused.exit_code == 2 and "a conflict is not resolved" in refused.output
    # Resolved in Word: the records' text and the three marked paragraphs deleted.
    editor = Reviewer(path)
    for marker in ("Conflict 1: the reviewer", "Conflict 1: new text", "End of conflict 1."):
        editor.delete_paragraph(marker)
    editor.delete_paragraph(first.text[:40])
    resolved = editor.save(tmp_path / "resolved.docx")
    result = drafts.run("versions", "import", str(resolved), "--author", "R", "--message", "m")
    assert result.exit_code == 0, result.output
    new_id = int(re.search(r"Saved v(\d+)", result.output)[1])
    blocks = report_of(drafts, new_id).section("1.c").blocks
    assert blocks[0] == conflict.reviewer[0] and blocks[1:] == section.blocks[1:]


def _conflict_of(drafts: Drafts) -> tuple[Paragraph, Conflict]:
    """v2's first paragraph of 1.c, and a conflict over it (the merge's form of one)."""
    first = report_of(drafts, drafts.v2).section("1.c").blocks[0]
    reviewer = Paragraph(text="The reviewer's wording of the torture paragraph.", cites=first.cites)
    return first, Conflict(
        id="1",
        reviewer=(reviewer,),
        records=(first,),
        base=(first,),
        reviewer_version=drafts.v2,
        records_version=drafts.v2,
    )


def _merged_with_conflict(drafts: Drafts) -> int:
    """A stored version of v2 whose first paragraph of 1.c is a conflict."""
    _, conflict = _conflict_of(drafts)
    store = drafts.store()
    try:
        _, base = load_version(store, drafts.v2)
        blocks = (conflict, *base.section("1.c").blocks[1:])
        merged = base.model_copy(
            update={"sections": tuple(_replace_blocks(s, "1.c", blocks) for s in base.sections)}
        )
        return save_version(store, merged, fingerprint="merged-test", origin="merged").id
    finally:
        store.dispose()


def _replace_blocks(section: Section, section_id: str, blocks) -> Section:
    if section.id == section_id:
        return section.model_copy(update={"blocks": blocks})
    children = tuple(_replace_blocks(c, section_id, blocks) for c in section.children)
    return section.model_copy(update={"children": children})


# -------------------------------------------------------------------------
# The redline
# -------------------------------------------------------------------------


def test_accepting_the_redline_gives_the_newer_version_and_rejecting_it_the_older(drafts):
    accepted, rejected = body_text(drafts.redline, "accept"), body_text(drafts.redline, "reject")
    assert accepted == body_text(drafts.new) and rejected == body_text(drafts.old)
    assert accepted != rejected
    assert any("Officials denied it." in t for t in accepted)
    assert not any("Officials denied it." in t for t in rejected)
    parts = xml_parts(drafts.redline)
    document = parts["word/document.xml"].decode()
    # Word-level marks by the newer version's author, at its time, deleted text as w:delText.
    author = re.escape(drafts.author or "hrdraft")
    assert re.search(
        rf'<w:ins w:id="\d+" w:author="{author}" w:date="\d{{4}}-\d\d-\d\dT[\d:]+Z">', document
    )
    assert "<w:delText" in document
    # The records behind each change are comments on it.
    comments = parts["word/comments.xml"].decode()
    assert f"record {drafts.revised} revised from revision 1 to 2" in comments
    assert "record XA-2023-9001@1 added" in comments


@st.composite
def _texts(draw):
    words = st.sampled_from(
        ["police", "detained", "the", "journalist", "*quickly*", "**two**", "`code`", "警察",
         "的", "الشرطة", "2023", "Ms.", "a_b", "[link](x)", "&amp;", "—", "\\*"]
    )  # fmt: skip
    separators = st.sampled_from([" ", " ", " ", "\n", "\n\n", "\n\n- ", "\n- ", ", "])
    parts = draw(st.lists(st.tuples(words, separators), min_size=1, max_size=12))
    return "".join(w + s for w, s in parts).strip() or "x"


def _paragraph_texts(units, which: str, tmp: Path) -> list[str]:
    package = WordPackage(language="en")
    package.emit(units)
    path = tmp / "p.docx"
    path.write_bytes(package.save())
    return [text for _, text in paragraphs(path, which)]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(old=_texts(), new=_texts())
def test_any_text_change_accepts_to_the_new_text_and_rejects_to_the_old(old, new, tmp_path):
    marked = text_redline(old, new)
    assert _paragraph_texts(marked, "accept", tmp_path) == _paragraph_texts(
        text_paras(new, "body", continued="continued"), "accept", tmp_path
    )
    assert _paragraph_texts(marked, "reject", tmp_path) == _paragraph_texts(
        text_paras(old, "body", continued="continued"), "accept", tmp_path
    )


# -------------------------------------------------------------------------
# A reviewer's Word file back in
# -------------------------------------------------------------------------


def _plain_block(report: Report, section_id: str, min_length: int = 60):
    from hrdraft.select.markdown import plain

    section = report.section(section_id)
    return next(
        (k, b) for k, b in enumerate(section.blocks)
        if b.kind == "paragraph" and plain(b.text) and len(b.text) >= min_length and b.cites
    )  # fmt: skip


def test_a_reviewers_tracked_changes_and_comments_import_as_a_new_version(drafts, tmp_path):
    base = report_of(drafts, drafts.v2)
    k, block = _plain_block(base, "1.d")
    _, other = _plain_block(base, "2.a")
    word = max(block.text.split()[3:], key=len)
    editor = Reviewer(drafts.new)
    editor.replace(block.text[:40], word, "REPLACED")
    editor.insert_paragraph_after(block.text[:40], "The reviewer adds a sentence here.")
    editor.delete_paragraph(other.text[:40])
    editor.comment(block.text[:40], "Check the date with the source.")
    moving = report_of(drafts, drafts.v2).section("1.a").blocks
    editor.move_after(moving[0].text[:40], moving[-1].text[:40])
    edited = editor.save(tmp_path / "edited.docx")

    result = drafts.run(
        "versions", "import", str(edited), "--author", "R. Reviewer", "--message", "Word review"
    )
    assert result.exit_code == 0, result.output
    new_id = int(re.search(r"Saved v(\d+) \(imported, based on v(\d+)\)", result.output)[1])
    new = report_of(drafts, new_id)
    # Section ids kept; the edited section's blocks are the accepted text.
    assert [s.id for s in new.walk()] == [s.id for s in base.walk()]
    changed = new.section("1.d").blocks
    assert (
        changed[k].text == block.text.replace(word, "REPLACED", 1)
        and changed[k].cites == block.cites
    )
    assert changed[k].lang is None  # a French keyboard does not make the paragraph French
    assert changed[k + 1] == Paragraph(text="The reviewer adds a sentence here.")
    assert other not in new.section("2.a").blocks
    assert len(new.section("2.a").blocks) == len(base.section("2.a").blocks) - 1
    assert new.section("1.a").blocks == (*moving[1:], moving[0])  # moved, text and notes kept
    for old_section, new_section in zip(base.walk(), new.walk(), strict=True):
        if old_section.id not in ("1.a", "1.d", "2.a"):
            assert new_section.blocks == old_section.blocks, old_section.id
    assert (
        body_text(edited, "accept")[1:]
        == body_text(_export(drafts, new_id, tmp_path / "again.docx"), "accept")[1:]
    )
    # The reviewer's comment is a review comment on the paragraph it was made on.
    store = drafts.store()
    try:
        comments = reviews.comments_for(store, new_id)
    finally:
        store.dispose()
    assert [
        (c.section, c.block_index, c.author, c.text) for c in comments if c.version_id == new_id
    ] == [("1.d", k, "R. Reviewer", "Check the date with the source.")]


def _export(drafts: Drafts, version_id: int, out: Path, *options: str) -> Path:
    result = drafts.run("export", str(version_id), "--format", "docx", "--out", str(out), *options)
    assert result.exit_code == 0, result.output
    return out


def test_an_unedited_word_file_imports_as_the_same_text(drafts):
    result = drafts.run("versions", "import", str(drafts.new), "--author", "R", "--message", "none")
    assert result.exit_code == 0, result.output
    new_id = int(re.search(r"Saved v(\d+)", result.output)[1])
    new, base = report_of(drafts, new_id), report_of(drafts, drafts.v2)
    assert new.sections == base.sections and new.sources == base.sources
    assert new.metadata["origin"] == "imported" and new.metadata["based_on"] == drafts.v2


def test_review_comments_are_word_comments_and_are_not_imported_twice(drafts, tmp_path):
    comment = drafts.run(
        "review", "comment", str(drafts.v2), "--section", "1.d", "--paragraph", "1",
        "-m", "Is the count of arrests sourced?", "--author", "A. Clearer",
    )  # fmt: skip
    assert comment.exit_code == 0, comment.output
    # A public draft's Word file may leave the department: no comments unless asked.
    plain = xml_parts(_export(drafts, drafts.v2, tmp_path / "plain.docx"))
    assert "Is the count of arrests sourced?" not in b"".join(plain.values()).decode(
        errors="replace"
    )
    path = _export(drafts, drafts.v2, tmp_path / "commented.docx", "--comments")
    parts = xml_parts(path)
    comments = etree.fromstring(parts["word/comments.xml"])
    (shown,) = comments.iter(W + "comment")
    assert shown.get(W + "author") == "A. Clearer"
    assert "Is the count of arrests sourced?" in "".join(t.text for t in shown.iter(W + "t"))
    first = report_of(drafts, drafts.v2).section("1.d").blocks[0]
    anchored = Reviewer(path).paragraph(first.text[:40])
    assert anchored.find(W + "commentRangeStart") is not None
    # Imported back unedited: the comment is the store's already, not a new one.
    result = drafts.run("versions", "import", str(path), "--author", "R", "--message", "none")
    assert result.exit_code == 0, result.output
    new_id = int(re.search(r"Saved v(\d+)", result.output)[1])
    store = drafts.store()
    try:
        texts = [c.text for c in reviews.comments_for(store, new_id)]
    finally:
        store.dispose()
    assert texts.count("Is the count of arrests sourced?") == 1


def test_a_word_file_naming_someone_without_consent_is_refused_like_markdown(drafts, tmp_path):
    base = report_of(drafts, drafts.v2)
    cited = {c.record for s in base.walk() for b in s.blocks for c in getattr(b, "cites", ())}
    record, name = next(
        (r["id"], p["name"]) for r in XA_2023 if r["id"] in cited and r["sensitivity"] == "public"
        for p in r.get("persons", []) if p.get("consent") == "anonymous"
    )  # fmt: skip
    block = next(
        b
        for s in base.walk()
        for b in s.blocks
        if record in {c.record for c in getattr(b, "cites", ())} and b.kind == "paragraph"
    )
    editor = Reviewer(drafts.new)
    editor.insert_words(block.text[:30], f" The victim was {name}.")
    result = drafts.run("versions", "import", str(editor.save(tmp_path / "named.docx")),
                        "--author", "R", "--message", "m")  # fmt: skip
    assert result.exit_code == 2
    assert "paragraph " in result.output and "names a person who may not be named" in result.output
    assert name not in result.output and name.split()[-1] not in result.output


def test_word_files_that_are_not_exported_drafts_are_refused(drafts, tmp_path):
    text = tmp_path / "notes.docx"
    text.write_text("not a zip", encoding="utf-8")
    result = drafts.run("versions", "import", str(text), "--author", "R", "--message", "m")
    assert result.exit_code == 2 and "is not a Word document (.docx)" in result.output
    package = WordPackage(language="en")
    blank = tmp_path / "blank.docx"
    blank.write_bytes(package.save())
    result = drafts.run("versions", "import", str(blank), "--author", "R", "--message", "m")
    assert result.exit_code == 2 and "names no stored version it was exported from" in result.output
    # A footnote the reviewer wrote is no citation.
    editor = Reviewer(drafts.new)
    notes = etree.fromstring(editor.parts["word/footnotes.xml"])
    for t in notes.iter(W + "t"):
        if "(record " in (t.text or ""):
            t.text = " My own remark."
            break
    editor.parts["word/footnotes.xml"] = etree.tostring(notes)
    result = drafts.run("versions", "import", str(editor.save(tmp_path / "note.docx")),
                        "--author", "R", "--message", "m")  # fmt: skip
    assert result.exit_code == 2 and "a footnote hrdraft did not write" in result.output


def test_a_footnote_citing_another_revision_is_refused_at_its_paragraph(drafts, tmp_path):
    editor = Reviewer(drafts.new)
    notes = etree.fromstring(editor.parts["word/footnotes.xml"])
    for t in notes.iter(W + "t"):
        if (m := re.search(r"rev\. (\d+)\)", t.text or "")) is not None:
            t.text = t.text.replace(m[0], "rev. 99)")
            break
    editor.parts["word/footnotes.xml"] = etree.tostring(notes)
    result = drafts.run("versions", "import", str(editor.save(tmp_path / "rev.docx")),
                        "--author", "R", "--message", "m")  # fmt: skip
    assert result.exit_code == 2, result.output
    # Word has no lines: the error names a paragraph, never "rev.docx:78:".
    assert re.search(
        r"rev\.docx: paragraph \d+ \(in section [^)]+\): section .* cites ", result.output
    )
    assert "@99, which version" in result.output


# -------------------------------------------------------------------------
# A real client: LibreOffice
# -------------------------------------------------------------------------

_MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1"
  script:language="StarBasic">
Sub Jobs(list As String)
  Dim job As Variant
  For Each job In Split(list, ";")
    One(Split(job, "|"))
  Next
End Sub

Sub One(part As Variant)
  Dim load(0) As New com.sun.star.beans.PropertyValue
  Dim none(0) As New com.sun.star.beans.PropertyValue
  Dim store(0) As New com.sun.star.beans.PropertyValue
  load(0).Name = "Hidden"
  load(0).Value = True
  doc = StarDesktop.loadComponentFromURL(part(0), "_blank", 0, load())
  If part(2) &lt;&gt; "Keep" Then
    helper = createUnoService("com.sun.star.frame.DispatchHelper")
    command = ".uno:" &amp; part(2) &amp; "AllTrackedChanges"
    helper.executeDispatch(doc.getCurrentController().getFrame(), command, "", 0, none())
  End If
  store(0).Name = "FilterName"
  store(0).Value = part(3)
  doc.storeToURL(part(1), store())
  doc.close(True)
End Sub
</script:module>
"""


@pytest.fixture(scope="module")
def libreoffice(drafts):
    """Every Word file of this module converted to PDF in one LibreOffice run, then
    LibreOffice's own Accept All and Reject All on the redline, in a second one."""
    soffice = shutil.which("soffice")
    if soffice is None:
        message = "LibreOffice (libreoffice-writer) is not installed; ./dev test installs it"
        if os.environ.get("CI"):
            pytest.fail(message)  # in CI a skip would hide that Word files went unchecked
        pytest.skip(message)
    out = drafts.tmp / "lo"
    profile = drafts.tmp / "lo-profile"
    files = [
        drafts.public, drafts.internal, drafts.old, drafts.new, drafts.redline, drafts.tip,
        drafts.conflict,
    ]  # fmt: skip
    names = [f"{k}-{f.name}" for k, f in enumerate(files)]
    for name, f in zip(names, files, strict=True):
        shutil.copy(f, drafts.tmp / name)
    env = ["-env:UserInstallation=" + profile.as_uri(), "--headless"]
    _soffice(
        [
            soffice,
            *env,
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *(str(drafts.tmp / n) for n in names),
        ]
    )
    pdfs = {f: out / (n.removesuffix(".docx") + ".pdf") for f, n in zip(files, names, strict=True)}
    # The first run made the profile; its Basic library now gets the jobs macro.
    (profile / "user" / "basic" / "Standard" / "Module1.xba").write_text(_MACRO, encoding="utf-8")
    jobs = {
        "accepted": (drafts.redline, "Accept", "Text (encoded)"),
        "rejected": (drafts.redline, "Reject", "Text (encoded)"),
        "new": (drafts.new, "Keep", "Text (encoded)"),
        "old": (drafts.old, "Keep", "Text (encoded)"),
        "roundtrip": (drafts.new, "Keep", "MS Word 2007 XML"),
    }
    outputs = {
        k: out / (k + (".docx" if f == "MS Word 2007 XML" else ".txt"))
        for k, (_, _, f) in jobs.items()
    }
    spec = ";".join(
        f"{src.as_uri()}|{outputs[k].as_uri()}|{how}|{f}" for k, (src, how, f) in jobs.items()
    )
    _soffice([soffice, *env, f'macro:///Standard.Module1.Jobs("{spec}")'])
    return pdfs, outputs


def _soffice(command: list[str]) -> None:
    """Run LibreOffice; if it hangs (a dialog nobody sees), end it and its children, and fail."""
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    try:
        _, err = process.communicate(timeout=180)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        pytest.fail(f"LibreOffice did not finish: {' '.join(command)[:300]}")
    assert process.returncode == 0, err.decode(errors="replace")


_BIDI = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.mark.slow
def test_libreoffice_opens_every_word_file_with_its_text_chinese_and_arabic_included(
    drafts, libreoffice
):
    pdfs, _ = libreoffice
    report = report_of(drafts, drafts.v2)
    for source, pdf in pdfs.items():
        assert pdf.exists(), f"LibreOffice did not convert {source.name}"
        text = _pdf_text(pdf)
        flat = "".join(_BIDI.sub("", text).split()).casefold()  # the banner is in capitals
        assert "DRAFT" in text, source.name
        # Every paragraph's text is in the PDF, layout aside (and, where Arabic and
        # Latin mix, in whatever order the PDF's text layer keeps the runs).
        # The redline shows both sides, deletions struck through: each side's words are there.
        sides = ("accept", "reject") if source == drafts.redline else ("accept",)
        for _, paragraph in [p for side in sides for p in paragraphs(source, side)]:
            paragraph = paragraph.split("[^")[0]  # the text, before its notes' marks
            if re.search("[\u0600-\u06ff]", paragraph) or source == drafts.redline:
                for word in re.findall(r"\w{2,}", paragraph)[:15]:
                    assert word.casefold() in flat, (source.name, word)
            else:
                expected = "".join(paragraph.split())[:60].casefold()
                assert expected in flat, (source.name, paragraph[:80])
    new_text = "".join(_BIDI.sub("", _pdf_text(pdfs[drafts.new])).split())
    for lang in ("zh-Hans", "ar"):
        block = next(b for s in report.walk() for b in s.blocks if getattr(b, "lang", None) == lang)
        if lang == "zh-Hans":
            assert block.text[:12] in new_text
        else:  # Arabic words, whatever order the PDF's text layer keeps them in
            words = [w for w in re.findall(r"\w{4,}", block.text)][:8]
            assert words and all(w in new_text for w in words), words
    for heading in ("Executive Summary", "Section 1. Respect for the Integrity of the Person"):
        assert "".join(heading.split()) in new_text


def _lines(path: Path) -> list[str]:
    """A LibreOffice text export's sections, note numbers at paragraph ends dropped."""
    lines = [
        line.strip() for line in path.read_text(encoding="utf-8-sig").splitlines() if line.strip()
    ]
    start = max(i for i, line in enumerate(lines) if line == "Executive Summary")
    ends = [i for i, line in enumerate(lines) if line in ("Sources", "End of the redline.")]
    return [re.sub(r"[\d,]+$", "", line) for line in lines[start : ends[-1] if ends else None]]


@pytest.mark.slow
def test_libreoffice_accepting_and_rejecting_the_redline_gives_each_version(libreoffice):
    _, outputs = libreoffice
    assert _lines(outputs["accepted"]) == _lines(outputs["new"])
    assert _lines(outputs["rejected"]) == _lines(outputs["old"])
    assert _lines(outputs["accepted"]) != _lines(outputs["rejected"])


@pytest.mark.slow
def test_a_word_file_saved_by_libreoffice_imports_back_with_its_sections(drafts, libreoffice):
    _, outputs = libreoffice
    result = drafts.run(
        "versions", "import", str(outputs["roundtrip"]), "--author", "R", "--message", "LO"
    )
    assert result.exit_code == 0, result.output
    new_id = int(re.search(r"Saved v(\d+)", result.output)[1])
    assert report_of(drafts, new_id).sections == report_of(drafts, drafts.v2).sections
