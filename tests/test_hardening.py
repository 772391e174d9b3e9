"""Attacks on the input paths, reproduced: each must end in a clear error, never a crash."""

from __future__ import annotations

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
