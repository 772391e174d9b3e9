"""Text from records made safe to print on a reviewer's terminal.

A record's text, a quarantined raw row or an old stored version may carry
terminal control sequences: an OSC sequence sets the window title, plants a
hyperlink whose target differs from its text, or writes to the clipboard; a
CSI sequence moves the cursor and overwrites what was printed. None of it
may reach a terminal. Bidirectional-override characters reorder what a
reader sees (``…/\\u202etxt.exe`` shows as ``exe.txt``), so they are shown as
visible code points instead. Line breaks and tabs are kept.
"""

from __future__ import annotations

import re
from typing import Any

from rich.console import Console, RenderableType, RenderHook
from rich.segment import Segment

# ECMA-48 sequences, then any other C0 or C1 control but \t and \n.
_CONTROLS = re.compile(
    r"""
      \x1b\[[0-?]*[\x20-/]*[@-~]?          # CSI: cursor, colour, erase
    | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?   # OSC: title, hyperlink, clipboard
    | \x1b[PX^_][^\x1b]*(?:\x1b\\)?        # DCS, SOS, PM, APC strings
    | \x1b.?                               # any other escape
    | \x9b[0-?]*[\x20-/]*[@-~]?            # CSI as one 8-bit character
    | \x9d[^\x07\x9c]*[\x07\x9c]?          # OSC as one 8-bit character
    | [\x00-\x08\x0b-\x1f\x7f-\x9f]        # the other controls (\r included)
    """,
    re.VERBOSE,
)
# Embeddings, overrides, isolates and the invisible direction marks.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def show_bidi(text: str) -> str:
    """Bidi controls written out as ``<U+202E>`` so that nothing is silently reordered."""
    return _BIDI.sub(lambda m: f"<U+{ord(m.group()):04X}>", text)


def for_terminal(text: str) -> str:
    """`text` with every control sequence removed and bidi controls made visible."""
    return show_bidi(_CONTROLS.sub("", text))


# What JSON leaves as it is but a terminal acts on: DEL, the C1 controls, bidi controls.
_JSON_UNSAFE = re.compile(f"[\x7f-\x9f{BIDI_CONTROLS}]")


def json_for_terminal(text: str) -> str:
    """JSON text with every character a terminal would act on written as ``\\uXXXX``.

    The data is unchanged (a JSON reader gets the same strings back); the C0
    controls are escaped by the JSON encoder already.
    """
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


class _Clean:
    """A renderable whose text segments are cleaned; rich's own styling is left alone."""

    def __init__(self, renderable: RenderableType) -> None:
        self.renderable = renderable

    def __rich_console__(self, console: Console, options: Any) -> Any:
        for segment in console.render(self.renderable, options):
            if segment.control or not _needs_cleaning(segment.text):
                yield segment
            else:
                yield Segment(for_terminal(segment.text), segment.style)


def _needs_cleaning(text: str) -> bool:
    return bool(_CONTROLS.search(text) or _BIDI.search(text))


class _CleanOutput(RenderHook):
    def process_renderables(self, renderables: list[RenderableType]) -> list[RenderableType]:
        return [_Clean(r) for r in renderables]


def safe_console(**options: Any) -> Console:
    """A rich Console whose printed text never carries a control sequence from its content."""
    console = Console(**options)
    console.push_render_hook(_CleanOutput())
    return console
