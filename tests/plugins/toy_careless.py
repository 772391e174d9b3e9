"""A careless third-party plugin: it owns no report type, yet answers every
classification with ``[]`` without checking the report type, and wraps two
hooks of every report type (passing the results through).

Under dispatch by owner its classification is never asked; its wrappers run
around every call, and change nothing.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any

from hrdraft import BuildContext, Report, SelectedRecord, hookimpl

# What the wrappers saw, so a test can tell they ran: (hook, report type).
SEEN: list[tuple[str, str]] = []


@hookimpl
def hrdraft_classify_record(context: BuildContext, item: SelectedRecord) -> list[str]:
    return []  # "not in any section", for every report type: the classic mistake


@hookimpl(wrapper=True)
def hrdraft_transform_document(
    context: BuildContext, document: Report
) -> Generator[None, Report | None, Report | None]:
    SEEN.append(("hrdraft_transform_document", context.report_type.name))
    return (yield)


@hookimpl(hookwrapper=True)  # the old style of wrapper, too
def hrdraft_build_section(
    context: BuildContext, spec: Any, items: Any
) -> Generator[None, Any, None]:
    SEEN.append(("hrdraft_build_section", context.report_type.name))
    yield
