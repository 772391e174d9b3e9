"""Real PDF renders, read back with pypdf and poppler: a handful, each checked a lot."""

from __future__ import annotations

import http.server
import io
import logging
import re
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest

from hrdraft.document import BulletList, Cite, Paragraph, Report, Section
from hrdraft.render import Renderer

pytestmark = pytest.mark.pdf

ROOTS = Path(__file__).parent / "roots"

if shutil.which("pdftotext") is None or shutil.which("pdffonts") is None:
    pytest.skip("poppler-utils (pdftotext, pdffonts) is not installed", allow_module_level=True)


def sample_report() -> Report:
    return Report.model_validate_json((ROOTS / "render-sample" / "report.json").read_text())


def long_report() -> Report:
    """The sample plus a section long enough to run over several pages."""
    cites = [Cite(record=f"XA-2023-000{i}", revision=1 if i != 2 else 2) for i in (1, 2, 3, 4)]
    blocks = []
    for n in range(1, 51):
        blocks.append(
            Paragraph(
                text=(
                    f"Incident {n}: the NGO reported that authorities detained a defender "
                    "after a peaceful gathering and held the defender without charge for "
                    "several days, denying access to a lawyer and to family members. "
                )
                * 2,
                # A record of its own per paragraph: one footnote each, so
                # a dropped footnote (WeasyPrint #2502) cannot hide.
                cites=(Cite(record=f"XA-2023-{100 + n:04d}", revision=1),),
            )
        )
        if n % 10 == 0:
            blocks.append(BulletList(items=(f"Point {n}a", f"Point {n}b"), cites=(cites[0],)))
    extra = Section(
        id="6",
        number="Section 6.",
        title="Discrimination and Societal Abuses",
        blocks=tuple(blocks),
    )
    return sample_report().model_copy(update={"sections": (*sample_report().sections, extra)})


def count_cites(report: Report) -> int:
    """Distinct record revisions cited: each gets one footnote, where first cited."""
    return len(
        {
            (c.record, c.revision)
            for s in report.walk()
            for b in s.blocks
            for c in (
                *getattr(b, "cites", ()),
                *(c for r in getattr(b, "row_cites", ()) for c in r),
            )
        }
    )


def pdftotext(path: Path, *args: str) -> str:
    return subprocess.run(
        ["pdftotext", *args, str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


@pytest.fixture(scope="module")
def long_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[Report, Path]:
    report = long_report()
    path = tmp_path_factory.mktemp("pdf") / "long.pdf"
    path.write_bytes(Renderer().pdf(report))
    return report, path


def pages_text(path: Path) -> list[str]:
    count = len(pypdf.PdfReader(path).pages)
    return [pdftotext(path, "-layout", "-f", str(i), "-l", str(i)) for i in range(1, count + 1)]


def test_long_draft_runs_over_pages_on_a4(long_pdf: tuple[Report, Path]) -> None:
    _, path = long_pdf
    reader = pypdf.PdfReader(path)
    assert len(reader.pages) > 3
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)


def test_text_in_reading_order(long_pdf: tuple[Report, Path]) -> None:
    _, path = long_pdf
    text = pdftotext(path)
    flat = " ".join(text.split())
    order = [
        "About this draft",
        "Contents",
        "Executive Summary Significant human rights issues",
        "Section 1. Respect for the Integrity of the Person",
        "c. Torture and Other Cruel",
        "Prison and Detention Center Conditions",
        "d. Arbitrary Arrest or Detention",
        "Section 2. Respect for Civil Liberties",
        "Incident 1:",
        "Incident 40:",
        "Sources",
    ]
    # Each part after the one before it (the contents list repeats the headings).
    position = 0
    for part in order:
        found = flat.find(part, position)
        assert found >= 0, f"{part!r} missing or out of order"
        position = found + len(part)
    assert "police beat two detained students in Port Lumen in March" in flat


def test_chinese_and_arabic_render_with_real_fonts(long_pdf: tuple[Report, Path]) -> None:
    _, path = long_pdf
    text = pdftotext(path)
    assert "据报道，警方在三月拘留了两名学生" in text
    # Arabic comes back in logical order from a real Arabic font.
    assert "منظمة غير حكومية" in text
    fonts = subprocess.run(
        ["pdffonts", str(path)], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    names = [line.split()[0] for line in fonts]
    assert any("CJK" in name for name in names), names
    assert any("Arabic" in name for name in names), names
    assert any("Noto-Serif" in name for name in names), names


def test_every_font_is_embedded(long_pdf: tuple[Report, Path]) -> None:
    _, path = long_pdf
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True)
    rows = out.stdout.splitlines()[2:]
    assert rows
    for row in rows:
        # columns: name type... encoding emb sub uni object ID: emb is 5th from the end
        assert row.split()[-5] == "yes", row


def test_every_reference_has_its_footnote(long_pdf: tuple[Report, Path]) -> None:
    report, path = long_pdf
    expected = count_cites(report)
    assert expected > 50  # enough for a regression to show
    text = pdftotext(path, "-layout")
    notes = re.findall(r"^\s*(\d+)\. .*?\(record XA-2023-\d{4}, rev\. \d\)", text, re.M)
    assert sorted(int(n) for n in notes) == list(range(1, expected + 1))


def test_a_reused_note_still_has_its_marker(long_pdf: tuple[Report, Path]) -> None:
    # Every tenth incident is followed by a list citing XA-2023-0001 again:
    # no second footnote, but the same number, linking to the first one.
    _, path = long_pdf
    text = pdftotext(path)
    body = re.search(r"(?m)^(\d+)\. .*\(record XA-2023-0001, rev\. 1\)", text)
    assert body, "the note of XA-2023-0001 is missing"
    for n in (10, 20, 30, 40, 50):
        assert re.search(rf"Point {n}b\s*{body[1]}\b", text), n
    assert len(re.findall(r"\(record XA-2023-0001, rev\. 1\)", text)) == 1
    links = [
        annot.get_object().get("/Dest")
        for page in pypdf.PdfReader(path).pages
        for annot in page.get("/Annots") or []
    ]
    assert links.count(f"fnbody-{body[1]}") >= 5


def test_draft_and_audience_on_every_page(long_pdf: tuple[Report, Path]) -> None:
    _, path = long_pdf
    pages = pages_text(path)
    for number, page in enumerate(pages, start=1):
        assert "DRAFT · Audience: public" in page, f"page {number}"
        assert "Arcadia 2023 · Public · DRAFT" in page, f"page {number}"
        assert f"Page {number} of {len(pages)}" in page, f"page {number}"


def test_table_of_contents_has_true_page_numbers(long_pdf: tuple[Report, Path]) -> None:
    _, path = long_pdf
    pages = pages_text(path)
    toc = pages[0]
    for heading in (
        "Section 2. Respect for Civil Liberties",
        "Section 6. Discrimination and Societal Abuses",
        "d. Arbitrary Arrest or Detention",
    ):
        found = re.search(re.escape(heading) + r"\s*\.+\s*(\d+)\s*$", toc, re.M)
        assert found, f"{heading!r} has no page number in the contents"
        page = pages[int(found.group(1)) - 1]
        assert re.search(r"^\s*" + re.escape(heading) + r"\s*$", page, re.M), heading


def test_bookmarks_follow_the_headings(long_pdf: tuple[Report, Path]) -> None:
    report, path = long_pdf
    reader = pypdf.PdfReader(path)

    def titles(outline: list, depth: int = 0) -> Iterator[tuple[int, str]]:
        for item in outline:
            if isinstance(item, list):
                yield from titles(item, depth + 1)
            else:
                yield depth, item.title

    found = list(titles(reader.outline))
    assert (0, report.title) in found
    assert (1, "Section 1. Respect for the Integrity of the Person") in found
    assert (2, "c. Torture and Other Cruel, Inhuman, or Degrading Treatment or Punishment") in found
    assert (3, "Prison and Detention Center Conditions") in found
    assert (1, "Sources") in found
    assert not any(title == "Contents" for _, title in found)


def test_document_metadata(long_pdf: tuple[Report, Path]) -> None:
    report, path = long_pdf
    reader = pypdf.PdfReader(path)
    meta = reader.metadata
    assert meta.title == f"{report.title} (DRAFT, public)"
    assert meta.author
    assert "Arcadia" in (meta.subject or "")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "/CreationDate" not in meta and "/ModDate" not in meta


def test_same_report_same_pdf_bytes() -> None:
    report = sample_report()
    first = Renderer().pdf(report)
    assert Renderer().pdf(report) == first
    assert b"/ID" not in first


def test_letter_page_size() -> None:
    reader = pypdf.PdfReader(io.BytesIO(Renderer(page_size="Letter").pdf(sample_report())))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


# -------------------------------------------------------------------------
# Nothing a record (or a template) points at is fetched
# -------------------------------------------------------------------------


@pytest.fixture
def listener() -> Iterator[tuple[int, list[str]]]:
    """A real HTTP server on 127.0.0.1 that logs every request it gets."""
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], requests
    server.shutdown()
    server.server_close()


def test_listener_works(listener: tuple[int, list[str]]) -> None:
    # Proves the listener would have seen a request (so an empty log means none came).
    import urllib.request

    port, requests = listener
    urllib.request.urlopen(f"http://127.0.0.1:{port}/probe", timeout=5).close()
    assert requests == ["/probe"]


def test_nothing_is_fetched_or_read(
    listener: tuple[int, list[str]], tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    port, requests = listener
    base = f"http://127.0.0.1:{port}"
    hostile = (
        '<img src="file:///etc/passwd"> '
        f'<div style="background:url({base}/css-bg)">bg</div> '
        f"![pixel]({base}/pixel.png) "
        f"<span style=\"background-image: url('{base}/inline')\">x</span> "
        f"<link rel=stylesheet href={base}/sheet.css> "
        f"[see]({base}/link)"
    )
    report = sample_report()
    first = report.sections[0]
    block = Paragraph(text=hostile, cites=(Cite(record="XA-2023-0001"),))
    first = first.model_copy(update={"blocks": (block, *first.blocks)})
    report = report.model_copy(update={"sections": (first, *report.sections[1:])})
    # A template (trusted, but still bound by the fetcher) that does point
    # out: at the listener, at a data: URL and at a file outside the
    # template directories.
    private = tmp_path / "private"
    private.mkdir()
    secret = private / "secret.css"
    secret.write_text("body::before { content: 'SECRET-FILE-CONTENT' }")
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "report.html").write_text(
        '{% extends "core/report.html" %}{% block head %}'
        f'<style>body {{ background: url("{base}/template-bg") }}</style>'
        f'<link rel="stylesheet" href="{base}/template.css">'
        f'<link rel="stylesheet" href="{secret.as_uri()}">{{% endblock %}}'
        f'{{% block about %}}<img src="{base}/template.png" alt="">'
        '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="">{% endblock %}'
    )
    renderer = Renderer(user_dir=templates)
    pdf = tmp_path / "draft.pdf"
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf.write_bytes(renderer.pdf(report))

    assert requests == []
    # The template's URLs reached the fetcher, which refused each one...
    asked = renderer.fetcher.requested
    for url in (f"{base}/template.png", f"{base}/template.css", secret.as_uri()):
        assert url in asked
    assert any(url.startswith("data:") for url in asked)
    refusals = [r.getMessage() for r in caplog.records if "refused" in r.getMessage()]
    assert len(refusals) >= 4, refusals
    # ...while nothing the record wrote reached it at all.
    assert "file:///etc/passwd" not in asked
    assert not any(
        url.endswith(("/css-bg", "/pixel.png", "/inline", "/sheet.css", "/link")) for url in asked
    )
    text = pdftotext(pdf)
    assert "SECRET-FILE-CONTENT" not in text
    assert "root:x:0:0" not in text
    assert "pixel" in text  # the image's alt text, as text
    assert "<img" in text  # the record's raw HTML, shown as text
