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
