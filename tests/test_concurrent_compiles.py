"""Two hrdraft processes compiling the same draft at once store it once."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from hrdraft.history.versions import list_versions
from hrdraft.ingest import ingest_paths
from hrdraft.testing import SAMPLE_DIR

pytestmark = pytest.mark.slow  # starts real processes


def test_two_processes_compiling_one_draft_save_one_version(any_store, hrdraft_plugins, tmp_path):
    ingest_paths(any_store, hrdraft_plugins, sorted(SAMPLE_DIR.glob("*.jsonl")))
    url = any_store.connect_url
    command = [
        sys.executable, "-m", "hrdraft", "--db", url, "compile", "hrr", "--country", "XA",
        "--year", "2023", "--format", "html",
    ]  # fmt: skip
    # Each process gets its own output folder, so only the store is shared.
    runs = [
        subprocess.Popen(
            [*command, "--out", str(tmp_path / f"out{i}")],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env={**os.environ, "COLUMNS": "200"},
        )
        for i in range(3)
    ]
    outputs = [run.communicate(timeout=120)[0] for run in runs]
    assert [run.returncode for run in runs] == [0, 0, 0], outputs
    versions = list_versions(any_store, report_type="hrr", country="XA", year=2023)
    assert len(versions) == 1, [v.label for v in versions]
    assert sum("(new)" in out for out in outputs) == 1
    assert all(f"v{versions[0].id}" in out for out in outputs)


def test_a_compiled_draft_is_saved_once_per_inputs_and_once_per_text(any_store):
    from hrdraft.document import Paragraph, Report, Section
    from hrdraft.history.versions import save_compiled

    def draft(text: str) -> Report:
        section = Section(id="1", number="1", title="One", blocks=(Paragraph(text=text),))
        return Report(
            report_type="hrr", report_title="HRR", edition="2023", country="XA",
            country_name="Esterra", year=2023, period="2023", audience="public",
            title="Esterra 2023", sections=(section,),
        )  # fmt: skip

    first, created = save_compiled(any_store, draft("Text."), fingerprint="inputs-1")
    assert created
    again, created = save_compiled(any_store, draft("Text."), fingerprint="inputs-1")
    assert (again.id, created) == (first.id, False)  # same inputs
    moved, created = save_compiled(any_store, draft("Text."), fingerprint="inputs-2")
    assert (moved.id, created) == (first.id, False)  # inputs moved, text did not
    changed, created = save_compiled(any_store, draft("New text."), fingerprint="inputs-3")
    assert created and changed.parent_id == first.id
