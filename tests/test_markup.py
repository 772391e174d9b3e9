"""Record text becomes safe HTML: the Markdown subset and nothing more."""

from __future__ import annotations

import re

import pytest

from hrdraft.render.markup import to_html, to_inline_html


def test_the_subset_renders() -> None:
    html = to_html("Police *detained* **two** students; see `art. 9`.\n\n- one\n- two\n\n3. three")
    assert "<em>detained</em>" in html
    assert "<strong>two</strong>" in html
    assert "<code>art. 9</code>" in html
    assert "<ul>\n<li>one</li>\n<li>two</li>\n</ul>" in html
    assert '<ol start="3">' in html
    assert html.count("<p>") == 1


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src="file:///etc/passwd">',
        '<div style="background:url(http://127.0.0.1:9/x)">hi</div>',
        "<a href='http://example.org'>x</a>",
        '<svg onload="alert(1)"></svg>',
        "<!-- comment --><iframe src=x></iframe>",
    ],
)
def test_raw_html_is_shown_as_text(text: str) -> None:
    for render in (to_html, to_inline_html):
        html = str(render(text))
        # Every "<" the record wrote is escaped; the only tags are our own.
        assert set(re.findall(r"<(/?\w+)", html)) <= {"p", "/p"}
        assert "&lt;" in html


def test_links_keep_only_their_text() -> None:
    for render in (to_html, to_inline_html):
        html = str(render("See [the report](http://127.0.0.1:9/r) and [x](javascript:alert(1))."))
        assert "the report" in html
        assert "href" not in html
        assert "http" not in html
        assert "javascript" not in html


def test_images_keep_only_their_alt_text() -> None:
    html = str(to_html("Photo: ![a crowd at the *rally*](http://127.0.0.1:9/pixel.png)"))
    assert "a crowd at the rally" in html
    assert "<img" not in html
    assert "pixel.png" not in html


def test_other_markdown_stays_text() -> None:
    html = str(to_html("# Not a heading\n\n> not a quote\n\n| a | b |\n|---|---|"))
    assert "<h1" not in html
    assert "<blockquote" not in html
    assert "<table" not in html
    assert "# Not a heading" in html


def test_inline_renders_no_blocks() -> None:
    html = str(to_inline_html("*a*\n\n- b"))
    assert "<em>a</em>" in html
    assert "<p" not in html
    assert "<li" not in html


def test_language_and_direction_go_on_top_level_blocks() -> None:
    html = str(to_html("مرحبا\n\n- بند", lang="ar", direction="rtl"))
    assert '<p lang="ar" dir="rtl">' in html
    assert '<ul lang="ar" dir="rtl">' in html
    assert "<li>بند</li>" in html


def test_entities_and_escapes() -> None:
    assert str(to_inline_html(r"AT&T \*not emphasis\* &lt;b&gt;")) == (
        "AT&amp;T *not emphasis* &lt;b&gt;"
    )


@pytest.mark.parametrize("depth", [9, 10, 40, 300])
def test_lists_nested_deeper_than_renders_are_flattened_never_dropped(depth: int) -> None:
    source = "\n".join("  " * i + f"- word{i}" for i in range(depth))
    rendered = str(to_html(source))
    assert [f"word{i}" for i in range(depth)] == re.findall(r"word\d+", rendered)


def test_a_deep_list_hides_no_name_from_the_protection() -> None:
    from hrdraft.records import Record
    from hrdraft.select import Protection

    summary = "\n".join("  " * i + f"- level {i}" for i in range(30)) + " Amira Haddad was held."
    record = Record.model_validate(
        {
            "id": "DEEP-1", "country": "XA", "year": 2023, "title": "T", "summary": summary,
            "source": {"name": "Monitor", "kind": "ngo"},
            "persons": [{"name": "Amira Haddad", "role": "victim", "consent": "anonymous"}],
        }
    )  # fmt: skip
    safe, _, _ = Protection([record]).record(record)
    assert "Haddad" not in safe.summary and "Haddad" not in str(to_html(safe.summary))
    assert "level 29" in str(to_html(safe.summary))


def test_one_line_of_thousands_of_list_markers_renders_its_text() -> None:
    assert "deepword" in str(to_html("- " * 5000 + "deepword"))
