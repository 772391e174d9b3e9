"""Read one of the literal tables in data/ (YAML, with yaml.safe_load).

The files quote every value YAML would otherwise turn into something else (dates,
"no", numbers written as text), and mappings keep the files' order, which is the
order the generator walks them in.
"""

from __future__ import annotations

from typing import Any

import yaml

from .settings import DATA_DIR


def load(name: str) -> Any:
    """The contents of data/<name>.yaml."""
    return yaml.safe_load((DATA_DIR / f"{name}.yaml").read_text(encoding="utf-8"))
