"""A toy plugin that cannot be imported: it needs a package that is not installed."""

from __future__ import annotations

import hrdraft_no_such_dependency  # noqa: F401 - the failure under test

from hrdraft import ReportType, hookimpl


@hookimpl
def hrdraft_register_report_types() -> list[ReportType]:
    return []
