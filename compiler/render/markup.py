"""Record text → safe HTML: the Markdown subset a draft's prose may use.

Record text comes from outside (civil-society submissions), so it is
untrusted. It may use paragraphs, bullet and numbered lists, *emphasis*,
**strong** and `code`; nothing else becomes markup. Raw HTML is shown as
text, a link shows only its text (a draft never points a reader, or the
renderer, at a URL a record chose), an image shows only its alt text, and
headings, quotes, tables and code blocks stay literal text.

Two layers: markdown-it-py parses with raw HTML off and only the rules above
on; nh3 then cleans the result against a strict allow-list, so a parser bug
alone cannot let markup through.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import nh3
from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from markupsafe import Markup

from ..select.markdown import bounded, new_parser

__all__ = ["BLOCK_TAGS", "INLINE_TAGS", "to_html", "to_inline_html"]

INLINE_TAGS: frozenset[str] = frozenset({"em", "strong", "code", "br"})
BLOCK_TAGS: frozenset[str] = INLINE_TAGS | {"p", "ul", "ol", "li"}

# Only the renderer sets these (a block's language); record text cannot,
# since raw HTML never reaches the cleaner as markup.
_ATTRIBUTES: dict[str, set[str]] = {
    "p": {"lang"},
    "ul": {"lang"},
    "ol": {"lang", "start"},
}
_ATTRIBUTE_VALUES: dict[str, dict[str, set[str]]] = {
    tag: {"dir": {"ltr", "rtl"}} for tag in ("p", "ul", "ol")
}
_TOP_LEVEL_OPENERS = frozenset({"paragraph_open", "bullet_list_open", "ordered_list_open"})


def _text_only_link(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    # The link's text is rendered by the tokens between open and close.
    return ""


def _alt_text_only_image(
    self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any
) -> str:
    token = tokens[idx]
    return escapeHtml(self.renderInlineAsText(token.children or [], options, env))


def _text_special(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return escapeHtml(tokens[idx].content)


def _parser() -> MarkdownIt:
    # The same parser the name protection reads record text with
    # (hrdraft.select.markdown): what it checked is exactly what renders.
    md = new_parser()
    md.add_render_rule("link_open", _text_only_link)
    md.add_render_rule("link_close", _text_only_link)
    md.add_render_rule("image", _alt_text_only_image)
    # Escapes and entities stay tokens of their own in that parser: text.
    md.add_render_rule("text_special", _text_special)
    return md


_md = _parser()


def _clean(html: str, tags: frozenset[str]) -> str:
    return nh3.clean(
        html,
        tags=set(tags),
        attributes={t: a for t, a in _ATTRIBUTES.items() if t in tags},
        tag_attribute_values={t: v for t, v in _ATTRIBUTE_VALUES.items() if t in tags},
        url_schemes=set(),
        link_rel=None,
        strip_comments=True,
    )


def to_html(text: str, *, lang: str | None = None, direction: str | None = None) -> Markup:
    """Render record text as block HTML (paragraphs and lists), safe to embed.

    `lang` and `direction` ("rtl"/"ltr") go on every top-level paragraph and
    list, for text in another language than the report's.
    """
    tokens = _md.parse(bounded(text))
    for token in tokens:
        if token.type in _TOP_LEVEL_OPENERS and token.level == 0:
            if lang:
                token.attrSet("lang", lang)
            if direction:
                token.attrSet("dir", direction)
    html = _md.renderer.render(tokens, _md.options, {})
    return Markup(_clean(html, BLOCK_TAGS).strip())


def to_inline_html(text: str) -> Markup:
    """Render record text as inline HTML (emphasis, strong, code only).

    For table cells, list items and captions, where a paragraph would be
    out of place.
    """
    return Markup(_clean(_md.renderInline(text), INLINE_TAGS).strip())
