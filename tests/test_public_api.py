"""The public API a plugin imports, and what importing it costs."""

from __future__ import annotations

import subprocess
import sys

import hrdraft


def test_every_public_name_resolves_to_its_object():
    for name in hrdraft.__all__:
        value = getattr(hrdraft, name)
        assert value is getattr(hrdraft, name), name
    assert hrdraft.Report.__module__ == "hrdraft.document"
    assert hrdraft.prose.__name__ == "hrdraft.prose"
    assert set(dir(hrdraft)) >= set(hrdraft.__all__)


def test_an_unknown_name_is_an_attribute_error():
    try:
        hrdraft.NoSuchThing  # noqa: B018
    except AttributeError as exc:
        assert "NoSuchThing" in str(exc)
    else:
        raise AssertionError("hrdraft.NoSuchThing did not raise")


def test_the_pytest_plugin_loads_nothing_heavy_until_used():
    # hrdraft.testing is loaded by every pytest run in an environment where
    # hrdraft is installed, for whatever project: it must not pull in the
    # database, validation or PDF libraries before a fixture asks for them.
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, hrdraft.testing; "
            "print(sorted(m for m in ('sqlalchemy', 'pydantic', 'weasyprint', 'jinja2') "
            "if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert loaded == "[]"
