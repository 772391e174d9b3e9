"""A plugin that answers another plugin's classification under another name.

``specname`` ties ``anything`` to ``hrdraft_classify_record``. pluggy before
1.7 left such an implementation in a subset caller that was told to remove
its plugin, so a non-owner could still decide where records go.
"""

from __future__ import annotations

from hrdraft import BuildContext, SelectedRecord, hookimpl


@hookimpl(specname="hrdraft_classify_record", tryfirst=True)
def anything(context: BuildContext, item: SelectedRecord) -> list[str]:
    return []
