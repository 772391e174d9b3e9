"""Attacks on the input paths, reproduced: each must end in a clear error, never a crash."""

from __future__ import annotations

import json
import re
import time

import pytest

from hrdraft.errors import InputFileError
from hrdraft.history.export import parse_markdown
from hrdraft.ingest import ingest_file
from hrdraft.store import StoredRecord

# "A billion laughs": nine levels of nine aliases expand to 9**9 strings.
BOMB = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8)
)


def test_a_yaml_alias_bomb_in_records_is_refused_at_the_alias(
    hrdraft_store, hrdraft_plugins, tmp_path
):
    path = tmp_path / "bomb.yaml"
    path.write_text(BOMB, encoding="utf-8")
    started = time.monotonic()
    with pytest.raises(InputFileError) as caught:
        ingest_file(hrdraft_store, hrdraft_plugins, path)
    assert time.monotonic() - started < 5  # refused before anything is expanded
    message = str(caught.value)
    assert f"{path}:2:" in message and "alias" in message
    assert len(message) < 500
    with hrdraft_store.session() as session:
        assert session.query(StoredRecord).count() == 0


def test_an_alias_in_a_record_file_is_refused_even_when_harmless(
    hrdraft_store, hrdraft_plugins, tmp_path
):
    path = tmp_path / "records.yaml"
    path.write_text(
        "- &r {id: A-1, country: XA, year: 2023, title: T, summary: S,"
        " source: {name: N, kind: ngo}}\n- *r\n",
        encoding="utf-8",
    )
    with pytest.raises(InputFileError, match="alias"):
        ingest_file(hrdraft_store, hrdraft_plugins, path)


def test_a_yaml_alias_bomb_in_imported_front_matter_is_refused():
    text = "---\n" + BOMB + "based_on: 1\n---\n\n# Draft\n"
    started = time.monotonic()
    with pytest.raises(InputFileError) as caught:
        parse_markdown(text, "edited.md")
    assert time.monotonic() - started < 5
    assert "alias" in str(caught.value) and len(str(caught.value)) < 1000


def test_directory_ingest_reads_no_file_a_planted_symlink_points_at(tmp_path):
    from click.testing import CliRunner

    from hrdraft.cli import cli

    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "good.jsonl").write_text(
        '{"id": "S-1", "country": "XA", "year": 2023, "title": "T", "summary": "S",'
        ' "source": {"name": "N", "kind": "ngo"}}\n',
        encoding="utf-8",
    )
    (folder / "passwd.csv").symlink_to("/etc/passwd")
    (folder / "hostname.yaml").symlink_to("/etc/hostname")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "other.jsonl").write_text('{"id": "O-1"}\n', encoding="utf-8")
    (folder / "linked").symlink_to(outside, target_is_directory=True)
    db = tmp_path / "store.sqlite"

    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(folder)])
    assert result.exit_code == 0, result.output
    for name in ("passwd.csv", "hostname.yaml", "linked"):
        assert f"{folder / name}: a symbolic link" in result.output
    listing = CliRunner().invoke(cli, ["--db", str(db), "records", "list"]).output
    assert "S-1" in listing and "O-1" not in listing
    quarantine = CliRunner().invoke(cli, ["--db", str(db), "quarantine", "list"]).output
    assert "root" not in quarantine
    raw = db.read_bytes()
    assert b"root:x:0:0" not in raw and b"/bin/bash" not in raw


def test_a_compile_never_writes_through_a_planted_symlink(hrdraft_sample_store, tmp_path):
    import os
    import stat

    from click.testing import CliRunner

    from hrdraft.cli import cli

    out = tmp_path / "out"
    (out / "XA").mkdir(parents=True)
    victim = tmp_path / "victim.txt"
    victim.write_text("the officer's notes\n", encoding="utf-8")
    # Planted at every name an output could be written through.
    for name in ("hrr-2023-public.html.part", "hrr-2023-public.html"):
        (out / "XA" / name).symlink_to(victim)
    result = CliRunner().invoke(
        cli,
        ["--db", hrdraft_sample_store.url, "compile", "hrr", "--country", "XA", "--year", "2023",
         "--format", "html", "--out", str(out)],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert victim.read_text(encoding="utf-8") == "the officer's notes\n"
    draft = out / "XA" / "hrr-2023-public.html"
    assert not draft.is_symlink() and "<h1" in draft.read_text(encoding="utf-8")
    assert stat.S_IMODE(draft.stat().st_mode) == 0o600
    fresh = tmp_path / "fresh"
    CliRunner().invoke(
        cli,
        ["--db", hrdraft_sample_store.url, "compile", "hrr", "--country", "XB", "--year", "2023",
         "--audience", "internal", "--format", "html", "--out", str(fresh)],
    )  # fmt: skip
    assert stat.S_IMODE(os.stat(fresh).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(fresh / "XB").st_mode) == 0o700
    for path in (fresh / "XB").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


# Window title, a planted hyperlink, a clipboard write, clear screen, 8-bit CSI.
ESCAPES = "\x1b]0;pwned\x07\x1b]8;;http://evil.example/\x1b\\click\x1b]8;;\x1b\\\x1b]52;c;ZXZpbA==\x07\x1b[2J\x9b31m"


def _no_control_sequences(output: str) -> None:
    for bad in ("\x1b]", "\x1b[2J", "\x9b", "\x07", "pwned\x07"):
        assert bad not in output, repr(bad)


def test_terminal_escapes_in_stored_text_never_reach_the_terminal(hrdraft_store, tmp_path):
    from click.testing import CliRunner

    from hrdraft.cli import cli
    from hrdraft.document import Paragraph, Report, Section
    from hrdraft.history.versions import save_version

    # A quarantined row keeps its raw text, control characters and all.
    bad = tmp_path / "bad.jsonl"
    row = {"id": "Q-1", "country": "XA", "year": "soon", "title": "T" + ESCAPES}
    bad.write_text(json.dumps(row) + "\n", encoding="utf-8")
    db = hrdraft_store.url
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", db, "ingest", str(bad)]).exit_code == 1
    for args in (
        ["quarantine", "list"],
        ["quarantine", "show", "1"],
        ["quarantine", "list", "--json"],
    ):
        result = runner.invoke(cli, ["--db", db, *args])
        assert result.exit_code == 0, result.output
        _no_control_sequences(result.output)

    # Two stored versions whose text carries escapes (an old store, an edited import).
    def version(text: str, fingerprint: str):
        section = Section(id="1", number="1", title="One" + ESCAPES, blocks=(Paragraph(text=text),))
        report = Report(
            report_type="hrr", report_title="HRR", edition="2023", country="XA",
            country_name="Esterra", year=2023, period="2023", audience="public",
            title="Esterra" + ESCAPES, sections=(section,),
        )  # fmt: skip
        return save_version(hrdraft_store, report, fingerprint=fingerprint)

    old = version("Police detained " + ESCAPES + " three people.", "a")
    new = version("Police detained " + ESCAPES + " four people.", "b")
    for args in (["diff", str(old.id), str(new.id)], ["versions", "show", str(new.id), "--json"]):
        result = runner.invoke(cli, ["--db", db, *args], color=True)
        assert result.exit_code == 0, result.output
        _no_control_sequences(result.output)
    shown = runner.invoke(cli, ["--db", db, "diff", str(old.id), str(new.id)]).output
    assert re.search(r"\[-three ?-\]\{\+four ?\+\}", shown)  # the change itself still shows


@pytest.mark.parametrize(
    ("where", "value"),
    [("summary", "Police\x00 detained him."), ("title", "Arrest\x1b]0;x\x07"), ("persons", "\x9b")],
)
def test_control_characters_are_a_row_error_naming_the_field_and_the_rest_is_stored(
    any_store, hrdraft_plugins, tmp_path, where, value
):
    from hrdraft.store import quarantine
    from hrdraft.store import records as stored_records

    good = {
        "id": "G-1", "country": "XA", "year": 2023, "title": "Arrest", "summary": "Held.",
        "source": {"name": "Monitor", "kind": "ngo"},
    }  # fmt: skip
    bad = {**good, "id": "B-1"}
    if where == "persons":
        bad["persons"] = [{"name": "Ana" + value, "role": "victim"}]
    else:
        bad[where] = value
    path = tmp_path / "rows.jsonl"
    rows = [good, bad] + [{**good, "id": f"G-{n}"} for n in range(2, 20)]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = ingest_file(any_store, hrdraft_plugins, path)
    assert (result.stored, result.quarantined) == (19, 1)
    field = "persons.0.name" if where == "persons" else where
    error = next(e for e in result.errors if e.line == 2)
    assert error.field == field and "control character" in error.message
    assert len(stored_records.list_current(any_store)) == 19
    assert len(quarantine.list_quarantined(any_store)) == 1


@pytest.mark.parametrize("folder", ["/", "empty", "notes"])
def test_templates_must_be_a_template_folder_and_are_never_walked_whole(
    hrdraft_sample_store, tmp_path, folder
):
    from click.testing import CliRunner

    from hrdraft.cli import cli

    if folder != "/":
        (tmp_path / folder).mkdir()
        if folder == "notes":
            (tmp_path / folder / "notes.txt").write_text("not a template", encoding="utf-8")
        folder = str(tmp_path / folder)
    started = time.monotonic()
    result = CliRunner().invoke(
        cli,
        ["--db", hrdraft_sample_store.url, "compile", "hrr", "--country", "XA", "--year", "2023",
         "--format", "html", "--templates", folder, "--out", str(tmp_path / "out")],
    )  # fmt: skip
    assert result.exit_code == 2, result.output
    assert "holds no templates" in result.output and "Traceback" not in result.output
    assert time.monotonic() - started < 10  # "/" is not walked
    assert not (tmp_path / "out").exists()


def test_a_yaml_file_too_large_to_read_whole_is_refused_with_the_way_out(
    hrdraft_store, hrdraft_plugins, tmp_path
):
    path = tmp_path / "huge.yaml"
    with path.open("w", encoding="utf-8") as f:
        f.write("- {id: A}\n" + "# padding\n" * 5_200_000)  # 52 MB
    with pytest.raises(InputFileError) as caught:
        ingest_file(hrdraft_store, hrdraft_plugins, path)
    assert "limit is 50 MB" in str(caught.value) and "JSON Lines" in str(caught.value)


def test_a_message_or_author_in_brackets_is_shown_as_typed_not_read_as_markup(
    tmp_path, monkeypatch
):
    from click.testing import CliRunner

    from hrdraft.cli import cli, console

    monkeypatch.setattr(console, "_width", 300)  # one line a row, whatever COLUMNS was
    from hrdraft.document import Paragraph, Report, Section
    from hrdraft.history.versions import save_version
    from hrdraft.store import open_store

    db = f"sqlite:///{tmp_path / 'store.sqlite'}"
    store = open_store(db)
    report = Report(
        report_type="hrr", report_title="HRR", edition="2023", country="XA",
        country_name="Esterra", year=2023, period="2023", audience="internal", title="T",
        sections=(Section(id="1", title="One", blocks=(Paragraph(text="Text."),)),),
    )  # fmt: skip
    message = "[link=https://evil.example/]cleared[/link] [bold red]per [i]J.[/i][/]"
    save_version(store, report, fingerprint="f", author="[b]Ana[/b]", message=message)
    store.dispose()
    runner = CliRunner()
    listed = runner.invoke(cli, ["--db", db, "versions", "list"])
    shown = runner.invoke(cli, ["--db", db, "versions", "show", "1"])
    for result in (listed, shown):
        assert result.exit_code == 0, result.output
        flat = "".join(result.output.split())
        assert "".join(message.split()) in flat and "[b]Ana[/b]" in flat
