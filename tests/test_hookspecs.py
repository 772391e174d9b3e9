"""The plugin API and its guide stay in step: every hook documented, no hook invented."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from hrdraft import hookspecs, testing
from hrdraft.scaffold import plugin_names

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "plugins.md"

HOOKS = sorted(
    name
    for name, fn in inspect.getmembers(hookspecs, inspect.isfunction)
    if hasattr(fn, f"{hookspecs.PROJECT}_spec")
)
# The pytest fixtures hrdraft.testing gives plugin authors share the prefix.
FIXTURES = {name for name in dir(testing) if name.startswith("hrdraft_")}


def test_there_are_hooks_to_check():
    assert "hrdraft_build_section" in HOOKS and len(HOOKS) >= 8


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_says_when_it_is_called_and_what_it_returns(hook):
    doc = inspect.getdoc(getattr(hookspecs, hook)) or ""
    assert len(doc.split()) >= 20, f"{hook} needs a docstring: when, with what, returning what"
    assert "Called" in doc, f"{hook}'s docstring does not say when it is called"


@pytest.mark.parametrize("hook", HOOKS)
def test_every_hook_is_in_the_plugin_guide(hook):
    assert f"`{hook}" in GUIDE.read_text(encoding="utf-8"), (
        f"docs/plugins.md does not mention {hook}"
    )


def test_the_guide_mentions_no_hook_that_does_not_exist():
    guide = GUIDE.read_text(encoding="utf-8")
    mentioned = set(re.findall(r"\bhrdraft_[a-z_]+\b", guide))
    # The package `hrdraft plugin new NAME` writes is named like a hook, too.
    packages = {
        plugin_names(n)["package"] for n in re.findall(r"hrdraft plugin new ([a-z-]+)", guide)
    }
    unknown = mentioned - set(HOOKS) - FIXTURES - packages
    assert not unknown, f"docs/plugins.md mentions hooks that do not exist: {sorted(unknown)}"
