"""Output formats as writers: one registry, a plugin adds a format, the CLI offers it."""

from __future__ import annotations

import importlib.metadata
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import hrdraft.plugins
from hrdraft import PluginError, hookimpl
from hrdraft.cli import cli
from hrdraft.history.writers import HISTORY_WRITERS
from hrdraft.plugins import load_plugins
from hrdraft.render.writers import CORE_WRITERS, Writer, find_writer, writers_of

TOYS = Path(__file__).parent / "plugins"


@pytest.fixture
def txt_installed(tmp_path, monkeypatch):
    """tests/plugins/toy_text_writer.py as a real entry point of a throwaway distribution."""
    dist_info = tmp_path / "site" / "hrdraft_toy_text-0.1.dist-info"
    dist_info.mkdir(parents=True)
    (dist_info / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: hrdraft-toy-text\nVersion: 0.1\n"
    )
    (dist_info / "entry_points.txt").write_text("[hrdraft]\ntoy-text = toy_text_writer\n")
    monkeypatch.syspath_prepend(str(TOYS))
    monkeypatch.syspath_prepend(str(tmp_path / "site"))
    # The CLI uses the process-wide plugins: make it load afresh, with the toy.
    monkeypatch.setattr(hrdraft.plugins, "_default", None)
    assert "toy-text" in {ep.name for ep in importlib.metadata.entry_points(group="hrdraft")}
    yield
    monkeypatch.setattr(hrdraft.plugins, "_default", None)


@pytest.fixture
def run(hrdraft_sample_store):
    def invoke(*args: str):
        return CliRunner().invoke(
            cli, ["--db", hrdraft_sample_store.url, *args], catch_exceptions=False
        )

    return invoke


# -------------------------------------------------------------------------
# The registry
# -------------------------------------------------------------------------


def test_the_core_writers_are_registered_through_the_hook_like_a_plugins():
    plugins = load_plugins(entry_points=False)
    assert plugins.pm.has_plugin("hrdraft.render.writers")
    assert plugins.pm.has_plugin("hrdraft.history.writers")
    assert list(writers_of(plugins, "draft")) == ["html", "pdf", "docx", "md"]
    assert list(writers_of(plugins, "diff")) == ["terminal", "html", "pdf", "json", "docx"]
    assert set(plugins.writers.values()) == {*CORE_WRITERS, *HISTORY_WRITERS}
    assert find_writer(plugins, "draft", "pdf").binary
    assert find_writer(plugins, "diff", "json").suffix == ".json"
    with pytest.raises(hrdraft.NotFoundError, match="no diff format 'md'") as error:
        find_writer(plugins, "diff", "md")
    assert "terminal, html, pdf, json, docx" in error.value.hint


class _Watcher:
    """Wraps the writers hook: a call made around pluggy would not be seen."""

    calls = 0

    @hookimpl(wrapper=True)
    def hrdraft_register_writers(self):
        _Watcher.calls += 1
        return (yield)


def test_the_registry_asks_every_plugin_through_pluggy():
    _Watcher.calls = 0
    plugins = load_plugins(entry_points=False, extra=(_Watcher(),))
    assert "md" in writers_of(plugins, "draft")
    assert _Watcher.calls >= 1


class _Clash:
    @hookimpl
    def hrdraft_register_writers(self):
        return [Writer("html", "draft", ".htm", "text/html", "another HTML", lambda r, c: "")]


def test_a_second_writer_of_the_same_kind_and_name_names_both_plugins():
    plugins = load_plugins(entry_points=False, extra=(_Clash(),))
    with pytest.raises(PluginError) as error:
        plugins.writers  # noqa: B018
    assert "draft format 'html'" in error.value.message
    assert "'_Clash'" in error.value.message and "'hrdraft.render.writers'" in error.value.message


def test_a_diff_writer_may_share_a_draft_writers_name():
    names = list(load_plugins(entry_points=False).writers)
    assert ("draft", "html") in names and ("diff", "html") in names


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": "Docx"}, "lowercase"),
        ({"name": "a,b"}, "commas"),
        ({"kind": "page"}, "kind"),
        ({"suffix": "txt"}, "suffix"),
    ],
)
def test_a_malformed_writer_is_refused_when_made(changes, message):
    fields = {
        "name": "txt",
        "kind": "draft",
        "suffix": ".txt",
        "media_type": "text/plain",
        "description": "plain text",
        "write": lambda report, context: "",
    }
    with pytest.raises(ValueError, match=message):
        Writer(**{**fields, **changes})


# -------------------------------------------------------------------------
# A plugin's format through the command line
# -------------------------------------------------------------------------


def test_a_plugins_format_is_compiled_offered_and_listed(txt_installed, run, tmp_path):
    out = tmp_path / "out"
    result = run(
        "compile", "hrr", "--country", "XA", "--year", "2023", "--format", "html,txt",
        "--out", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    text = (out / "XA" / "hrr-2023-public.txt").read_text(encoding="utf-8")
    html = (out / "XA" / "hrr-2023-public.html").read_text(encoding="utf-8")
    lines = text.splitlines()
    title = re.search(r'<h1 id="top">([^<]*)</h1>', html)
    assert title and lines[:2] == [title.group(1), "DRAFT, audience: public"]
    heading = next(line for line in lines if line.startswith("c. Torture"))
    assert f"{heading.removeprefix('c. ')}</h3>" in html
    # The same draft as the HTML: the first paragraph of 1.c, word for word.
    first = lines[lines.index(heading) + 2]
    assert first.startswith("There was a report that government officials employed torture")
    assert f"<p>{first}" in html
    assert "<" not in text  # plain text, no markup

    again = run(
        "compile", "hrr", "--country", "XA", "--year", "2023", "--format", "txt",
        "--out", str(out),
    )  # fmt: skip
    assert "Nothing changed since the last compile" in again.output

    help_text = run("compile", "--help").output
    assert "txt" in help_text and "the draft as plain text" in help_text
    # A draft format is no diff format.
    assert "txt" not in run("diff", "--help").output

    unknown = run("compile", "hrr", "--country", "XA", "--year", "2023", "--format", "odt")
    assert unknown.exit_code == 2
    assert "'odt' is not a draft format; choose from html, pdf, docx, md, txt" in unknown.output

    versions = json.loads(run("versions", "list", "--json").output)
    exported = run("export", str(versions[-1]["id"]), "--format", "txt")
    assert exported.exit_code == 0 and exported.output == text


def test_without_the_plugin_the_format_is_not_offered(run, monkeypatch):
    monkeypatch.setattr(hrdraft.plugins, "_default", None)
    result = run("compile", "hrr", "--country", "XA", "--year", "2023", "--format", "txt")
    assert result.exit_code == 2
    assert "'txt' is not a draft format; choose from html, pdf, docx, md" in result.output
    assert "txt" not in run("compile", "--help").output


def test_diff_format_errors_list_the_diff_writers(run):
    result = run("diff", "1", "2", "--format", "md")
    assert result.exit_code == 2
    assert "'md' is not a diff format; choose from terminal, html, pdf, json, docx" in result.output


# -------------------------------------------------------------------------
# The core's Markdown writer is a draft writer like the others
# -------------------------------------------------------------------------


def test_compile_writes_markdown_that_imports_back(run, tmp_path):
    out = tmp_path / "out"
    result = run(
        "compile", "irf", "--country", "XA", "--year", "2024", "--format", "md",
        "--out", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    path = out / "XA" / "irf-2024-public.md"
    version = json.loads(run("versions", "list", "--json").output)[-1]
    text = path.read_text(encoding="utf-8")
    assert f"based_on: {version['id']}" in text
    assert text == run("export", str(version["id"])).output
    edited = tmp_path / "edited.md"
    edited.write_text(text.replace("There were", "There were also", 1), encoding="utf-8")
    imported = run("versions", "import", str(edited), "--author", "J. Doe", "--message", "tone")
    assert imported.exit_code == 0, imported.output
    assert f"based on v{version['id']}" in imported.output


class _Broken:
    @hookimpl
    def hrdraft_register_writers(self):
        def fail(report, context):
            return str(1 / 0)

        return [Writer("broken", "draft", ".x", "text/plain", "always fails", fail)]


def test_a_plugins_writer_that_fails_is_a_plugin_error_naming_it(run, monkeypatch, tmp_path):
    monkeypatch.setattr(hrdraft.plugins, "_default", load_plugins(extra=(_Broken(),)))
    result = run(
        "compile", "irf", "--country", "XA", "--year", "2024", "--format", "html,broken",
        "--out", str(tmp_path),
    )  # fmt: skip
    assert result.exit_code == 3
    assert "draft format 'broken' failed: ZeroDivisionError" in result.output
    assert "Traceback" not in result.output
    monkeypatch.setattr(hrdraft.plugins, "_default", None)


WRITER_PROBE = """
import hrdraft
from hrdraft import Writer


def write(report, context):
    return {text!r} + report.title


@hrdraft.hookimpl
def hrdraft_register_writers():
    return [Writer("probe", "draft", ".probe", "text/plain", "a probe", write)]
"""


def test_a_fixed_writer_writes_its_files_again(hrdraft_sample_store, tmp_path, monkeypatch):
    import importlib

    from hrdraft.build import BuildRequest
    from hrdraft.pipeline import compile_draft
    from hrdraft.render import Renderer

    source = tmp_path / "code" / "hrdraft_writer_probe.py"
    source.parent.mkdir()
    source.write_text(WRITER_PROBE.format(text="first: "), encoding="utf-8")
    monkeypatch.syspath_prepend(str(source.parent))
    import hrdraft_writer_probe

    renderer = Renderer()

    def run():
        # A fresh process each time, as each `hrdraft compile` is.
        plugins = load_plugins(extra=(hrdraft_writer_probe,))
        return compile_draft(
            hrdraft_sample_store, plugins, renderer, BuildRequest("hrr", "XA", 2023),
            out_dir=tmp_path / "out", formats=("probe",),
        )  # fmt: skip

    first = run()
    assert first.rendered and not run().rendered  # same writer: up to date
    source.write_text(WRITER_PROBE.format(text="fixed: "), encoding="utf-8")
    importlib.reload(hrdraft_writer_probe)
    again = run()
    assert not again.new_version and again.rendered == again.files  # the draft did not change
    assert again.files[0].read_text(encoding="utf-8").startswith("fixed: ")
