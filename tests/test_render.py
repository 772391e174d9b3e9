"""The HTML draft: structure, languages, escaping, templates and the fetcher."""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from html.parser import HTMLParser
from pathlib import Path

import pytest

from hrdraft.document import Paragraph, Report, Section
from hrdraft.errors import HrdraftError, NotFoundError
from hrdraft.render import (
    CORE_TEMPLATES,
    RefusedFetch,
    Renderer,
    TemplateFetcher,
    _installed_families,
    check_fonts,
    text_direction,
)

ROOTS = Path(__file__).parent / "roots"
OVERRIDE = ROOTS / "render-override"


def sample_report() -> Report:
    return Report.model_validate_json((ROOTS / "render-sample" / "report.json").read_text())


class Tags(HTMLParser):
    """Every start tag with its attributes, in document order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a
            for t, a in self.tags
            if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())
        ]


@pytest.fixture(scope="module")
def html() -> str:
    return Renderer().html(sample_report())


def test_document_language_title_and_metadata(html: str) -> None:
    tags = Tags(html)
    assert tags.find("html", lang="en", dir="ltr")
    assert (
        "<title>Arcadia 2023 Country Reports on Human Rights Practices (DRAFT, public)</title>"
        in html
    )
    assert tags.find("meta", name="author")
    description = tags.find("meta", name="description")[0]["content"]
    assert "Arcadia" in description and "public" in description


def test_paragraphs_in_other_languages_carry_lang(html: str) -> None:
    tags = Tags(html)
    assert tags.find("p", lang="zh-Hans")
    assert tags.find("p", lang="ar", dir="rtl")
    assert "据报道，警方在三月拘留了两名学生。" in html


def test_draft_and_audience_are_visible_at_the_top(html: str) -> None:
    header = html[html.index("<header") : html.index("</header>")]
    assert "DRAFT · Audience: public" in header
    assert "Arcadia 2023" in header


def test_semantic_structure(html: str) -> None:
    tags = Tags(html)
    names = [t for t, _ in tags.tags]
    for landmark in ("header", "nav", "main", "aside"):
        assert landmark in names
    # One h1; section headings go down a level per depth.
    assert names.count("h1") == 1
    assert tags.find("h2", id="h-1")
    assert tags.find("h3", id="h-1.c")
    assert tags.find("h4", id="h-1.c.prison")
    assert '<span class="num">Section 1.</span> Respect for the Integrity of the Person' in html
    # Every table header cell has a scope, and the table has a caption.
    assert all(a.get("scope") in ("col", "row") for t, a in tags.tags if t == "th")
    assert "<caption>Detentions reported by civil society</caption>" in html
    assert "<figure" in html
    assert '<ul class="bullets">' in html


def test_toc_links_every_section(html: str) -> None:
    tags = Tags(html)
    ids = {a["id"] for _, a in tags.tags if "id" in a}
    toc = html[html.index('<nav class="toc"') : html.index("</nav>")]
    targets = re.findall(r'href="#([^"]+)"', toc)
    assert len(targets) == len(list(sample_report().walk())) == 7
    assert all(target in ids for target in targets)


def test_note_pointer_and_about_box(html: str) -> None:
    note = html[html.index('<aside class="note"') :]
    note = note[: note.index("</aside>")]
    assert "Suggestion (not a decision)" in note
    assert 'role="note"' in note
    assert '<p class="pointer" data-report="irf">See the Department of State' in html
    about = html[html.index('<aside class="about"') :]
    about = about[: about.index("</aside>")]
    assert "<dt>Records used</dt><dd>4</dd>" in about
    assert "<dt>Records left out: confidential</dt><dd>2</dd>" in about


def test_citations_are_linked_notes(html: str) -> None:
    report = sample_report()
    # One note per distinct record revision cited.
    cites = len(
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
    refs = re.findall(r'<a id="fnref-(\d+)" href="#fn-(\d+)"', html)
    assert [int(a) for a, _ in refs] == list(range(1, cites + 1))
    assert all(a == b for a, b in refs)
    for n in range(1, cites + 1):
        entry = re.search(rf'<li id="fn-{n}" value="{n}">(.*?)</li>', html)
        assert entry, f"note {n} missing from the notes list"
        assert f'href="#fnref-{n}"' in entry.group(1)  # back-link
        assert 'href="#src-XA-2023-' in entry.group(1)  # to the sources list


def test_a_record_cited_again_reuses_its_note() -> None:
    report = sample_report()
    first = next(b for s in report.walk() for b in s.blocks if getattr(b, "cites", ()))
    cite = first.cites[0]
    again = Section(
        id="again",
        title="Again",
        blocks=(
            Paragraph(text="A lead sentence.", cites=(cite,)),
            Paragraph(text="The record once more.", cites=(cite, cite)),
        ),
    )
    html = Renderer().html(report.model_copy(update={"sections": (*report.sections, again)}))
    body = html.split('id="sec-again"', 1)[1]
    # Two references back to the same note number, and no second note text.
    refs = re.findall(r'<a (?:id="fnref-\d+" )?href="#fn-(\d+)"', body)
    assert len(refs) == 2 and len(set(refs)) == 1
    assert 'class="footnote"' not in body.split("</main>", 1)[0]
    assert html.count(f'id="fnref-{refs[0]}"') == 1


def test_sources_list_links_https_only(html: str) -> None:
    sources = html[html.index('<section class="sources"') :]
    assert 'id="src-XA-2023-0001"' in sources
    assert '<a href="https://defenders.example.org/reports/2023-03">' in sources
    # A plain-http URL is printed as text, never linked.
    assert "http://prisonwatch.example.org/visit" in sources
    assert 'href="http://' not in html


def test_self_contained_no_scripts_no_external_resources(html: str) -> None:
    tags = Tags(html)
    assert "script" not in [t for t, _ in tags.tags]
    assert not tags.find("link")
    assert html.count("<style>") == 1
    for tag, attrs in tags.tags:
        for name in ("src", "href", "srcset", "data", "poster", "action"):
            value = attrs.get(name)
            if value is None:
                continue
            assert value.startswith("#") or (
                tag == "a" and value.startswith("https://") and name == "href"
            ), f"<{tag} {name}={value!r}>"
    style = html[html.index("<style>") : html.index("</style>")]
    assert "url(" not in style
    assert "@import" not in style


def hostile(report: Report, text: str) -> Report:
    section = report.sections[0]
    block = Paragraph(text=text, cites=report.sections[0].blocks[0].cites)
    first = section.model_copy(update={"blocks": (block, *section.blocks)})
    return report.model_copy(update={"sections": (first, *report.sections[1:])})


def test_record_text_is_escaped_and_inert() -> None:
    text = (
        "<script>alert('x')</script> <img src=\"file:///etc/passwd\"> "
        '<div style="background:url(http://127.0.0.1:9/x)">bg</div> '
        "![pixel](http://127.0.0.1:9/pixel.png) [click](http://127.0.0.1:9/)"
    )
    report = hostile(sample_report(), text)
    report = report.model_copy(update={"title": "<b>Arcadia</b> & co"})
    html = Renderer().html(report)
    tags = Tags(html)
    assert "script" not in [t for t, _ in tags.tags]
    assert "img" not in [t for t, _ in tags.tags]
    assert not tags.find("div")
    assert "&lt;script&gt;" in html
    assert "&lt;b&gt;Arcadia&lt;/b&gt; &amp; co" in html
    assert "127.0.0.1:9/pixel.png" not in html  # the image shows its alt text only
    assert "pixel" in html
    assert 'href="http://127.0.0.1' not in html


def test_same_report_same_html() -> None:
    assert Renderer().html(sample_report()) == Renderer().html(sample_report())


def test_template_lookup_order() -> None:
    report = sample_report()

    def made_by(renderer: Renderer) -> str | None:
        found = re.search(r'<p id="made-by">([^<]*)</p>', renderer.html(report))
        return found.group(1) if found else None

    assert made_by(Renderer()) is None
    assert made_by(Renderer([OVERRIDE / "plugin"])) == "plugin template"
    assert made_by(Renderer([OVERRIDE / "plugin"], user_dir=OVERRIDE / "user")) == "user override"
    # An override extends the core template: the rest of the draft is still there.
    html = Renderer(user_dir=OVERRIDE / "user").html(report)
    assert '<nav class="toc"' in html and "Executive Summary" in html


def test_report_type_template_wins_for_its_type() -> None:
    renderer = Renderer([OVERRIDE / "typed"])
    assert renderer.template_name("hrr") == "report/hrr.html"
    assert renderer.template_name("tip") == "report.html"
    assert '<p id="made-by">hrr template</p>' in renderer.html(sample_report())
    tip = sample_report().model_copy(update={"report_type": "tip"})
    assert "made-by" not in renderer.html(tip)


def test_undefined_name_in_a_template_is_an_error() -> None:
    with pytest.raises(HrdraftError, match="titel"):
        Renderer(user_dir=ROOTS / "render-typo").html(sample_report())


def test_missing_template_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "report.html").write_text('{% include "partials/nope.html" %}')
    with pytest.raises(NotFoundError, match=r"partials/nope\.html"):
        Renderer(user_dir=tmp_path).html(sample_report())


def test_bad_settings_are_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(HrdraftError, match="page size"):
        Renderer(page_size="A3")
    with pytest.raises(NotFoundError, match="does not exist"):
        Renderer(user_dir=tmp_path / "missing")
    assert Renderer(page_size="Letter").page_size == "letter"


def test_fingerprint_follows_templates_and_page_size(tmp_path: Path) -> None:
    shutil.copy(OVERRIDE / "user" / "report.html", tmp_path / "report.html")
    first = Renderer(user_dir=tmp_path).fingerprint()
    assert Renderer(user_dir=tmp_path).fingerprint() == first
    assert Renderer(user_dir=tmp_path, page_size="Letter").fingerprint() != first
    assert Renderer().fingerprint() != first
    (tmp_path / "report.html").write_text("{% extends 'core/report.html' %}")
    assert Renderer(user_dir=tmp_path).fingerprint() != first


def test_fetcher_serves_template_files_only(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("not for drafts")
    fetcher = TemplateFetcher([CORE_TEMPLATES])
    served = fetcher.fetch((CORE_TEMPLATES / "print.css").as_uri())
    assert b"@page" in served.read()
    for url in (
        secret.as_uri(),
        "file:///etc/passwd",
        (CORE_TEMPLATES / ".." / ".." / "etc" / "passwd").as_uri(),
        "http://127.0.0.1:9/x.png",
        "https://example.org/x.css",
        "data:image/png;base64,iVBORw0KGgo=",
        "ftp://example.org/x",
    ):
        with pytest.raises(RefusedFetch):
            fetcher.fetch(url)


def test_text_direction() -> None:
    assert text_direction("ar") == "rtl"
    assert text_direction("fa-IR") == "rtl"
    assert text_direction("az-Arab") == "rtl"
    assert text_direction("zh-Hans") is None
    assert text_direction("en") is None
    assert text_direction(None) is None


def test_missing_font_names_the_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if shutil.which("fc-list") is None:
        pytest.skip("fontconfig is not installed")
    # A fontconfig that knows no fonts at all, as on a bare machine.
    (tmp_path / "fonts").mkdir()
    config = tmp_path / "fonts.conf"
    config.write_text(
        textwrap.dedent(
            f"""\
            <?xml version="1.0"?>
            <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
            <fontconfig><dir>{tmp_path / "fonts"}</dir><cachedir>{tmp_path}</cachedir></fontconfig>
            """
        )
    )
    monkeypatch.setenv("FONTCONFIG_FILE", str(config))
    assert subprocess.run(["fc-list"], capture_output=True, text=True).stdout.strip() == ""
    _installed_families.cache_clear()
    try:
        with pytest.raises(HrdraftError, match="fonts-noto-cjk") as info:
            check_fonts("<p>据报道</p>")
        assert "apt-get install" in str(info.value)
    finally:
        _installed_families.cache_clear()


def test_empty_section_and_no_sources_still_render() -> None:
    report = sample_report().model_copy(
        update={"sections": (Section(id="x", title="Only"),), "sources": (), "metadata": {}}
    )
    html = Renderer().html(report)
    assert '<h2 id="h-x">Only</h2>' in html
    assert '<section class="notes"' not in html
    assert '<section class="sources"' not in html


def _chromium() -> str | None:
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)


@pytest.mark.browser
def test_a_browser_renders_the_draft(tmp_path: Path, html: str) -> None:
    chromium = _chromium()
    if chromium is None:
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    page = tmp_path / "draft.html"
    page.write_text(html, encoding="utf-8")
    flags = [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]
    dom = subprocess.run(
        [chromium, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    # The browser built the page: every contents link has its target in the live DOM.
    targets = re.findall(r'href="#(sec-[^"]+)"', dom)
    assert len(targets) == 7
    assert all(f'id="{t}"' in dom for t in targets)
    assert "<script" not in dom

    shot = tmp_path / "draft.png"
    subprocess.run(
        [chromium, *flags, "--window-size=900,1200", f"--screenshot={shot}", page.as_uri()],
        capture_output=True,
        timeout=120,
        check=True,
    )
    from PIL import Image

    with Image.open(shot) as image:
        assert image.size == (900, 1200)
        colors = image.convert("RGB").getcolors(maxcolors=1 << 20)
    # Text, the red DRAFT banner and the grey about box: far from a blank page.
    assert colors is not None and len(colors) > 50
    assert any(r > 120 and g < 60 and b < 60 for _, (r, g, b) in colors)  # the DRAFT red
