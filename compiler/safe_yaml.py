"""YAML as hrdraft reads it: the safe loader, with aliases refused.

An alias (``*name``) repeats an anchored node wherever it is written, so a
few lines of nested aliases ("a billion laughs") expand into gigabytes once
built, and even the error message about them can exhaust memory. Records and
front matter have no use for them: a file that has one is refused at the
alias, with its line, before anything is expanded.
"""

from __future__ import annotations

from typing import Any

import yaml


class AliasRefused(yaml.MarkedYAMLError):
    """A YAML alias in a file hrdraft reads."""


class NoAliasLoader(yaml.SafeLoader):
    """``yaml.SafeLoader`` that stops at the first alias."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise AliasRefused(
                problem="an alias (*name) is not accepted here: write the value out in full",
                problem_mark=event.start_mark,
            )
        return super().compose_node(parent, index)


def load(text: str | bytes) -> Any:
    """One YAML document, safely, without aliases."""
    return yaml.load(text, Loader=NoAliasLoader)
