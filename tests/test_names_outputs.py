"""Property, end to end: no form of an unconsented name in anything hrdraft writes for the public.

The records of tests/test_names_property.py (names in five scripts, twelve
forms, every printed field) are ingested, compiled into a public HRR draft,
revised and compiled again; then every output a reader gets is read as a
reader reads it: the HTML page's text, the Markdown export, ``versions
show --json``, and the diff of the two versions in every text format. One
PDF, with every form at once, is read back with pdftotext.
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import tempfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_names_property import FIELDS, FORMS, build, names, survives

from hrdraft.cli import cli

pytestmark = pytest.mark.slow  # a store, two compiles and every output per example


def _text_of_html(page: str) -> str:
    page = re.sub(r"(?s)<(style|script)[^>]*>.*?</\1>", " ", page)
    return html.unescape(re.sub(r"<[^>]+>", " ", page))


def _outputs(records: list[dict], revised: list[dict], *, pdf: bool = False) -> dict[str, str]:
    """Every output of a public draft of `records`, then of `revised`, as a reader gets it."""
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        db = str(root / "store.sqlite")
        runner = CliRunner()

        def run(*args: str) -> str:
            result = runner.invoke(cli, ["--db", db, *args], catch_exceptions=False)
            assert result.exit_code in (0, 1), result.output  # 1: a row quarantined
            return result.output

        compile_args = ["compile", "hrr", "--country", "XA", "--year", "2023", "--jobs", "1"]
        got: dict[str, str] = {}
        for n, batch in enumerate((records, revised), 1):
            formats = "html,pdf" if pdf and n == 2 else "html"
            path = root / f"records{n}.jsonl"
            path.write_text("\n".join(json.dumps(r) for r in batch) + "\n", encoding="utf-8")
            run("ingest", str(path))
            run(*compile_args, "--format", formats, "--out", str(root / f"out{n}"))
            draft = root / f"out{n}" / "XA" / "hrr-2023-public.html"
            got[f"html {n}"] = _text_of_html(draft.read_text(encoding="utf-8"))
            if pdf and n == 2:
                pdf_path = draft.with_suffix(".pdf")
                got[f"pdf {n}"] = subprocess.run(
                    ["pdftotext", str(pdf_path), "-"], capture_output=True, text=True, check=True
                ).stdout
        ids = [v["id"] for v in json.loads(run("versions", "list", "--json"))]
        old, new = str(ids[0]), str(ids[-1])
        got["export md"] = run("export", new, "--format", "md")
        got["versions show --json"] = run("versions", "show", old, "--json")
        got["diff terminal"] = run("diff", old, new, "--context")
        got["diff json"] = run("diff", old, new, "--format", "json")
        got["diff html"] = _text_of_html(run("diff", old, new, "--format", "html"))
        return got


def _revise(record: dict) -> dict:
    return {**record, "summary": record["summary"] + " The family was not told where."}


@given(who=names(), form=st.sampled_from(FORMS), field=st.sampled_from(FIELDS))
@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.filter_too_much, HealthCheck.too_slow],
)
def test_no_output_names_an_unconsented_person(
    who: tuple[str, str, list[str]], form: str, field: str
) -> None:
    script, name, parts = who
    record = build(name, script, form, field).model_dump(mode="json", exclude_none=True)
    record.update(event_date="2023-03-06", categories=["detention.arbitrary"])
    unspaced = script in ("han", "hangul")
    for where, text in _outputs([record], [_revise(record)]).items():
        for part in parts:
            assert not survives(part, text, unspaced), (where, form, field, name)


@pytest.mark.pdf
def test_the_pdf_names_nobody_without_consent_in_any_form() -> None:
    # One draft holding every form of several names at once, in several fields.
    people = [("latin", "Ramón Castillo"), ("cyrillic", "Иван Петров"), ("han", "陈志强")]
    fields = ("summary", "source")
    records = []
    for n, (script, name) in enumerate(people):
        for m, form in enumerate(FORMS):
            for field in fields:
                record = build(name, script, form, field).model_dump(mode="json", exclude_none=True)
                record.update(
                    id=f"XA-{n}-{m}-{field}",
                    event_date=f"2023-{(m % 12) + 1:02d}-0{n + 1}",
                    categories=["detention.arbitrary"],
                )
                records.append(record)
    outputs = _outputs(records, [_revise(r) for r in records], pdf=True)
    text = " ".join(outputs["pdf 2"].split())
    assert "detained" in text  # the PDF was read
    for script, name in people:
        for part in [name, *name.split()] if script != "han" else [name, name[1:]]:
            assert not survives(part, text, script == "han"), (name, part)
