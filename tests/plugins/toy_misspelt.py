"""A plugin with a misspelt hook name, beside a good hook that would change drafts.

``hrdraft_clasify_record`` is no hook: pluggy's ``check_pending`` names it
at load, the plugin is listed as broken and unregistered, and its good hook
(stamping every draft's title) never runs.
"""

from __future__ import annotations

from collections.abc import Generator

from hrdraft import BuildContext, Report, SelectedRecord, hookimpl

STAMP = "HIJACKED BY TOY-MISSPELT"


@hookimpl(wrapper=True)
def hrdraft_transform_document(
    context: BuildContext, document: Report
) -> Generator[None, Report | None, Report | None]:
    result = yield
    return (result or document).model_copy(update={"title": STAMP})


@hookimpl
def hrdraft_clasify_record(context: BuildContext, item: SelectedRecord) -> list[str]:
    return []
