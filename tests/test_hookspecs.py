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
# The guide shows what a misspelt hook name does, with this one.
MISSPELT = {"hrdraft_clasify_record"}
# Hooks about one report type, asked of its owner only.
OWNER_ONLY = ("hrdraft_classify_record", "hrdraft_build_section")


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
    assert not MISSPELT & set(HOOKS)
    unknown = mentioned - set(HOOKS) - FIXTURES - packages - MISSPELT
    assert not unknown, f"docs/plugins.md mentions hooks that do not exist: {sorted(unknown)}"


def test_the_module_says_how_hooks_are_dispatched():
    doc = inspect.getdoc(hookspecs) or ""
    assert "dispatched by owner" in doc
    assert "through pluggy" in doc and "wrapper" in doc


@pytest.mark.parametrize("hook", OWNER_ONLY)
def test_owner_only_hooks_say_so_in_the_spec_and_the_guide(hook):
    assert "Owner only." in (inspect.getdoc(getattr(hookspecs, hook)) or "")
    rows = [line for line in GUIDE.read_text(encoding="utf-8").splitlines() if f"`{hook}(" in line]
    assert any("| owner only |" in row for row in rows), f"the guide's hook table: {hook}"


def test_the_transform_chain_is_documented_in_order():
    doc = " ".join((inspect.getdoc(hookspecs.hrdraft_transform_document) or "").split())
    assert "first on the owner" in doc and "transforms=True" in doc
    assert "plugin-name order" in doc
