"""Select the records for one country, period and audience, safely.

This is where do-no-harm is enforced, once, for every report type: the
audience rules (``audience.py``) decide which records a draft may use, and
the name scrubber (``names.py``) makes each of them safe to print. Plugins
only ever see the result, so no plugin can leak what it never got.
"""

from __future__ import annotations

from .audience import ALLOWED, EXCLUDED_REASON, SelectedRecord, Selection, inputs_of, select_records
from .names import INDIVIDUAL_SOURCE_KINDS, Finding, Protection, describe, make_safe, make_safe_all

__all__ = [
    "ALLOWED",
    "EXCLUDED_REASON",
    "INDIVIDUAL_SOURCE_KINDS",
    "Finding",
    "Protection",
    "SelectedRecord",
    "Selection",
    "describe",
    "inputs_of",
    "make_safe",
    "make_safe_all",
    "select_records",
]
