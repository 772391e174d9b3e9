"""`hrdraft review`: clearance states, comments that follow their paragraph, authors, at rest.

Through the command line on the bundled sample (hrr XA 2023, public), on
SQLite, and once on PostgreSQL.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from click.testing import CliRunner, Result

from hrdraft.cli import cli
from hrdraft.store import MIGRATIONS
from hrdraft.testing import SAMPLE_DIR

COMPILE = ("compile", "hrr", "--country", "XA", "--year", "2023", "--format", "md")
# 2.a ¶2 of the sample's hrr XA 2023 public draft refers to XA-2023-0009;
# XA-2023-0091 is cited in 1.a only.
COMMENTED, ELSEWHERE = "XA-2023-0009", "XA-2023-0091"


def invoke(db: str, *args: str, key: Path | None = None, input: str | None = None) -> Result:
    head = ["--db", db] + (["--key", str(key)] if key else [])
    return CliRunner().invoke(cli, [*head, *args], catch_exceptions=False, input=input)


@pytest.fixture
def db(hrdraft_sample_store) -> str:  # type: ignore[no-untyped-def]
    return str(hrdraft_sample_store.url)


def ok(result: Result) -> Result:
    assert result.exit_code == 0, result.output
    return result


def compile_(db: str, out: Path, *extra: str, key: Path | None = None) -> Result:
    return ok(invoke(db, *COMPILE, "--out", str(out), *extra, key=key))


def shown(db: str, version: int, key: Path | None = None) -> dict[str, Any]:
    return json.loads(ok(invoke(db, "review", "show", str(version), "--json", key=key)).output)


def versions(db: str, key: Path | None = None) -> list[dict[str, Any]]:
    return json.loads(ok(invoke(db, "versions", "list", "--json", key=key)).output)


def blocks(db: str, version: int, section: str) -> list[dict[str, Any]]:
    document = json.loads(ok(invoke(db, "versions", "show", str(version), "--json")).output)

    def walk(sections: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
        for s in sections:
            yield s
            yield from walk(s["children"])

    return next(s for s in walk(document["document"]["sections"]) if s["id"] == section)["blocks"]


def sample_row(record_id: str) -> dict[str, Any]:
    for line in (SAMPLE_DIR / "records.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["id"] == record_id:
            return row
    raise AssertionError(record_id)


def revise(db: str, tmp_path: Path, record_id: str, **changes: Any) -> None:
    """Ingest a new revision of a sample record (same id and source, other fields)."""
    path = tmp_path / f"{record_id}-revised.jsonl"
    path.write_text(json.dumps({**sample_row(record_id), **changes}) + "\n", encoding="utf-8")
    ok(invoke(db, "ingest", str(path)))
    shown = json.loads(ok(invoke(db, "records", "show", record_id, "--json")).output)
    assert len(shown["revisions"]) > 1  # a revision, not an unchanged row


# -------------------------------------------------------------------------
# States
# -------------------------------------------------------------------------


def test_start_return_start_clear_and_clearing_twice_is_refused(db: str, tmp_path: Path) -> None:
    compile_(db, tmp_path / "out", "--author", "Officer Quillane")
    assert ok(invoke(db, "review", "start", "1", "--author", "R. Ames")).output.startswith(
        "v1 is in review"
    )
    refused = invoke(db, "review", "return", "1")  # a return needs its reason
    assert refused.exit_code == 2 and "--message" in refused.output
    ok(invoke(db, "review", "return", "1", "-m", "Dates in 2.a", "--author", "R. Ames"))
    again = invoke(db, "review", "clear", "1", "--author", "R. Ames")
    assert again.exit_code == 2 and "was returned" in again.output
    assert "hrdraft review start 1" in again.output
    ok(invoke(db, "review", "start", "1", "--author", "Officer Quillane"))
    ok(invoke(db, "review", "clear", "1", "-m", "Cleared for the bureau", "--author", "D. Sol"))

    twice = invoke(db, "review", "clear", "1", "--author", "D. Sol")
    assert twice.exit_code == 2
    assert "v1 is already cleared (by D. Sol on" in twice.output
    assert "a cleared version never changes" in twice.output and "Traceback" not in twice.output
    for step in (("start", "1"), ("return", "1", "-m", "late")):
        assert invoke(db, "review", *step).exit_code == 2

    review = shown(db, 1)
    assert review["state"] == "cleared"
    assert [(s["state"], s["author"], s["comment"]) for s in review["history"]] == [
        ("in_review", "R. Ames", ""),
        ("returned", "R. Ames", "Dates in 2.a"),
        ("in_review", "Officer Quillane", ""),
        ("cleared", "D. Sol", "Cleared for the bureau"),
    ]
    listing = ok(invoke(db, "versions", "list")).output
    assert "state" in listing and "cleared" in listing
    assert versions(db)[0]["state"] == "cleared"
    # Each move is in the audit trail, with who made it.
    trail = json.loads(ok(invoke(db, "audit", "--action", "review", "--json")).output)
    moves = [e for e in trail if e["action"].startswith("review ") and "to" in e["details"]]
    assert [(e["action"], e["who"]["author"]) for e in moves] == [
        ("review in_review", "R. Ames"),
        ("review returned", "R. Ames"),
        ("review in_review", "Officer Quillane"),
        ("review cleared", "D. Sol"),
    ]


def test_clearing_a_version_never_in_review_says_to_start_it(db: str, tmp_path: Path) -> None:
    compile_(db, tmp_path / "out")
    result = invoke(db, "review", "clear", "1")
    assert result.exit_code == 2
    assert "v1 is not in review" in result.output and "hrdraft review start 1" in result.output


def test_a_cleared_version_takes_no_comment_and_a_later_import_or_compile_supersedes_it(
    db: str, tmp_path: Path
) -> None:
    compile_(db, tmp_path / "out")
    before = json.loads(ok(invoke(db, "versions", "show", "1", "--json")).output)
    ok(invoke(db, "review", "start", "1"))
    ok(invoke(db, "review", "clear", "1"))
    late = invoke(db, "review", "comment", "1", "--section", "2.a", "-m", "one more thing")
    assert late.exit_code == 2 and "v1 is cleared: a cleared version takes no new comments" in (
        late.output
    )

    md = tmp_path / "v1.md"
    ok(invoke(db, "export", "1", "--out", str(md)))
    text = md.read_text(encoding="utf-8")
    md.write_text(text.replace("There were numerous reports", "There were many reports"), "utf-8")
    imported = ok(invoke(db, "versions", "import", str(md), "--author", "J. Doe", "--message", "x"))
    assert "Saved v2 (imported, based on v1) by J. Doe" in imported.output
    assert "v2 supersedes cleared v1" in imported.output

    revise(db, tmp_path, ELSEWHERE, summary=sample_row(ELSEWHERE)["summary"] + " It was confirmed.")
    recompiled = compile_(db, tmp_path / "out")
    # The compile's version (a merge with the reviewer's v2, where the merge runs).
    newest = versions(db)[-1]["id"]
    assert newest > 2 and f"v{newest} supersedes cleared v1" in recompiled.output
    # The cleared version is as it was: same tree, same hash, still cleared.
    after = json.loads(ok(invoke(db, "versions", "show", "1", "--json")).output)
    assert after == before
    assert shown(db, 1)["state"] == "cleared" and shown(db, newest)["state"] is None
    assert shown(db, newest)["supersedes_cleared"] == 1


# -------------------------------------------------------------------------
# Comments
# -------------------------------------------------------------------------


def test_a_comment_follows_its_paragraph_and_is_outdated_once_its_words_change(
    db: str, tmp_path: Path
) -> None:
    compile_(db, tmp_path / "out")
    paragraph = blocks(db, 1, "2.a")[1]
    assert [c["record"] for c in paragraph["cites"]] == [COMMENTED]
    made = ok(
        invoke(db, "review", "comment", "1", "--section", "2.a", "--paragraph", "2",
               "-m", "Is January 17 the right date?", "--author", "R. Ames")
    )  # fmt: skip
    assert "Comment 1 on v1 §2.a ¶2 by R. Ames" in made.output
    ok(invoke(db, "review", "comment", "1", "--section", "1.a", "-m", "Whole section: sources?"))

    # A record revised elsewhere: a new version, the paragraph as it was.
    revise(db, tmp_path, ELSEWHERE, summary=sample_row(ELSEWHERE)["summary"] + " It was confirmed.")
    assert "v2 (new" in compile_(db, tmp_path / "out").output
    [on_paragraph, on_section] = shown(db, 2)["comments"]
    assert on_paragraph["status"] == "current" and on_paragraph["status_text"] == ""
    at = blocks(db, 2, on_paragraph["at_section"])[on_paragraph["at_index"]]
    assert at["text"] == paragraph["text"]
    assert (on_paragraph["version_id"], on_paragraph["where"]) == (1, "§2.a ¶2")
    assert on_section["status"] == "current" and on_section["at_section"] == "1.a"

    redline = tmp_path / "redline.html"
    ok(invoke(db, "diff", "1", "2", "--format", "html", "--out", str(redline)))
    html = redline.read_text(encoding="utf-8")
    assert "Review comments on v2" in html and "Is January 17 the right date?" in html
    assert "Whole section: sources?" in html

    # The paragraph's own record revised: its words change, the comment is outdated.
    revise(db, tmp_path, COMMENTED, event_date="2023-01-18")
    compile_(db, tmp_path / "out")
    assert blocks(db, 3, "2.a")[1]["text"] != paragraph["text"]
    [on_paragraph, _] = shown(db, 3)["comments"]
    assert on_paragraph["status"] == "outdated"
    assert (on_paragraph["at_section"], on_paragraph["at_index"]) == ("2.a", 1)
    show = ok(invoke(db, "review", "show", "3")).output
    assert "#1 v1 §2.a ¶2 by R. Ames" in show
    assert "[outdated: the paragraph changed since v1]: Is January 17 the right date?" in show
    ok(invoke(db, "diff", "2", "3", "--format", "html", "--out", str(redline)))
    assert "outdated: the paragraph changed since v1" in redline.read_text(encoding="utf-8")

    # The reviewer's edit takes the paragraph out: the comment says so.
    md = tmp_path / "v3.md"
    ok(invoke(db, "export", "3", "--out", str(md)))
    text = md.read_text(encoding="utf-8")
    gone = blocks(db, 3, "2.a")[1]["text"]
    assert gone in text
    lines = [line for line in text.splitlines(keepends=True) if not line.startswith(gone)]
    md.write_text("".join(lines), encoding="utf-8")
    ok(
        invoke(
            db, "versions", "import", str(md), "--message", "2.a: the cross-reference is not needed"
        )
    )
    [on_paragraph, _] = shown(db, 4)["comments"]
    assert on_paragraph["status"] == "removed" and on_paragraph["status_text"] == (
        "paragraph removed"
    )
    assert "[paragraph removed]" in ok(invoke(db, "review", "show", "4")).output


@pytest.mark.parametrize(
    ("args", "says", "hint"),
    [
        (("--section", "2.z"), "has no section '2.z'", "nearest: "),
        (
            ("--section", "2.a", "--paragraph", "99"),
            "section 2.a of v1 has 14 paragraphs",
            "1 to 14",
        ),
        (("--section", "2.a", "--paragraph", "0"), "0 is not in the range x>=1", ""),
    ],
)
def test_a_comment_on_a_place_the_version_lacks_is_refused_with_a_hint(
    db: str, tmp_path: Path, args: tuple[str, ...], says: str, hint: str
) -> None:
    compile_(db, tmp_path / "out")
    result = invoke(db, "review", "comment", "1", *args, "-m", "?")
    assert result.exit_code == 2, result.output
    assert says in result.output and hint in result.output and "Traceback" not in result.output
    assert shown(db, 1)["comments"] == []


def test_comments_and_reviewers_are_not_stored_in_clear(db: str, tmp_path: Path) -> None:
    compile_(db, tmp_path / "out")
    secret = "Zephyrine Okonkwo-Vale told me the date is wrong"
    ok(invoke(db, "review", "start", "1", "--author", "Reviewer Marigold Thistlewood"))
    ok(invoke(db, "review", "comment", "1", "--section", "2.a", "--paragraph", "2",
              "-m", secret, "--author", "Reviewer Marigold Thistlewood"))  # fmt: skip
    ok(invoke(db, "review", "return", "1", "-m", "Returned: ask Bartholomew Quince"))
    path = Path(db.removeprefix("sqlite:///"))
    data = b"".join(
        p.read_bytes()
        for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm"))
        if p.exists()
    )
    assert b"in_review" in data and b"returned" in data  # the states are in clear: the scan reads
    for text in (secret, "Okonkwo-Vale", "Marigold Thistlewood", "Bartholomew Quince"):
        assert text.encode() not in data, text
    assert secret in ok(invoke(db, "review", "show", "1")).output


def test_comments_survive_a_key_rotation_and_still_follow_their_paragraph(
    db: str, tmp_path: Path
) -> None:
    compile_(db, tmp_path / "out")
    ok(invoke(db, "review", "comment", "1", "--section", "2.a", "--paragraph", "2", "-m", "Date?"))
    ok(invoke(db, "review", "start", "1", "-m", "first look"))
    ok(invoke(db, "key", "rotate", input="y\n"))
    revise(db, tmp_path, ELSEWHERE, summary=sample_row(ELSEWHERE)["summary"] + " It was confirmed.")
    compile_(db, tmp_path / "out")
    [comment] = shown(db, 2)["comments"]
    assert (comment["text"], comment["status"], comment["at_index"]) == ("Date?", "current", 1)
    assert shown(db, 1)["history"][0]["comment"] == "first look"


def test_forgetting_a_person_takes_their_name_out_of_comments_and_review_notes(
    db: str, tmp_path: Path
) -> None:
    compile_(db, tmp_path / "out")
    name = "Odile Brightwick"  # the journalist of XA-2023-0009, named in the draft
    assert name in blocks(db, 1, "2.a")[1]["text"]
    ok(invoke(db, "review", "comment", "1", "--section", "2.a", "--paragraph", "2",
              "-m", f"{name} confirmed the date by phone"))  # fmt: skip
    ok(invoke(db, "review", "start", "1"))
    ok(invoke(db, "review", "return", "1", "-m", f"Ask {name} again"))
    ok(invoke(db, "forget", name, "--country", "XA", "--yes"))
    review = shown(db, 1)
    texts = [review["comments"][0]["text"], review["history"][-1]["comment"]]
    assert all(name not in t and "Brightwick" not in t for t in texts), texts
    assert texts[0].endswith("confirmed the date by phone") and texts[1].startswith("Ask ")


def test_a_name_the_draft_may_not_print_is_not_shown_in_comments_or_review_notes(
    db: str, tmp_path: Path
) -> None:
    compile_(db, tmp_path / "out")
    name = "Evander Thistlecombe"  # the rapper of XA-2023-0009, anonymous: "the rapper"
    assert all("Thistlecombe" not in json.dumps(b) for b in blocks(db, 1, "2.a"))
    ok(invoke(db, "review", "comment", "1", "--section", "2.a", "--paragraph", "2",
              "-m", f"{name} confirmed the date"))  # fmt: skip
    ok(invoke(db, "review", "start", "1"))
    ok(invoke(db, "review", "return", "1", "-m", f"Ask {name} again"))
    review = shown(db, 1)
    texts = [review["comments"][0]["text"], review["history"][-1]["comment"]]
    texts.append(ok(invoke(db, "review", "show", "1")).output)
    redline = tmp_path / "redline.html"
    ok(invoke(db, "diff", "1", "1", "--format", "html", "--out", str(redline)))
    texts.append(redline.read_text(encoding="utf-8"))
    assert "confirmed the date" in texts[-1]
    assert all("Thistlecombe" not in t and "Evander" not in t for t in texts), texts[:2]
    assert texts[1].startswith("Ask ") and texts[1].endswith(" again")


def test_forgetting_a_person_named_only_in_a_comment_still_takes_them_out(
    db: str, tmp_path: Path
) -> None:
    compile_(db, tmp_path / "out")
    name = "Harriet Vellacourt"  # in no record: only a reviewer wrote the name
    ok(invoke(db, "review", "comment", "1", "--section", "2.a", "-m", f"Call {name} back"))
    result = invoke(db, "forget", name, "--country", "XA", "--yes")
    ok(result)
    assert "nothing to change" not in result.output
    assert "1 review comment" in result.output
    [comment] = shown(db, 1)["comments"]
    assert "Vellacourt" not in comment["text"] and comment["text"].startswith("Call ")


# -------------------------------------------------------------------------
# Authors
# -------------------------------------------------------------------------


def test_author_is_recorded_on_compile_import_and_review_and_defaults_to_the_os_user(
    db: str, tmp_path: Path
) -> None:
    import getpass

    compile_(db, tmp_path / "out", "--author", "Officer Quillane")
    md = tmp_path / "v1.md"
    ok(invoke(db, "export", "1", "--out", str(md)))
    md.write_text(md.read_text("utf-8").replace("numerous reports", "many reports"), "utf-8")
    ok(invoke(db, "versions", "import", str(md), "--author", "J. Doe", "--message", "wording"))
    md.write_text(md.read_text("utf-8").replace("many reports", "several reports"), "utf-8")
    ok(invoke(db, "versions", "import", str(md), "--message", "wording again"))  # no --author
    assert [(v["id"], v["origin"], v["author"]) for v in versions(db)] == [
        (1, "compiled", "Officer Quillane"),
        (2, "imported", "J. Doe"),
        (3, "imported", getpass.getuser()),
    ]
    ok(invoke(db, "review", "start", "3"))
    ok(invoke(db, "review", "comment", "3", "--section", "2.a", "-m", "ok", "--author", "R. Ames"))
    review = shown(db, 3)
    assert review["history"][0]["author"] == getpass.getuser()
    assert review["comments"][0]["author"] == "R. Ames"


# -------------------------------------------------------------------------
# Upgrading a store made before reviews, and PostgreSQL
# -------------------------------------------------------------------------


def test_a_store_at_schema_0004_upgrades_and_keeps_its_versions(db: str, tmp_path: Path) -> None:
    from alembic import command
    from alembic.config import Config

    compile_(db, tmp_path / "out", "--author", "Officer Quillane")
    engine = sa.create_engine(db)
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA foreign_keys=OFF")  # SQLite rebuilds `versions`
        conn.commit()
        with conn.begin():
            config.attributes["connection"] = conn
            command.downgrade(config, "0004")
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == "0004"
        tables = set(sa.inspect(conn).get_table_names())
        columns = {c["name"] for c in sa.inspect(conn).get_columns("versions")}
    engine.dispose()
    assert not {"reviews", "review_comments"} & tables and "base_id" not in columns

    [version] = versions(db)  # opening the store upgrades it
    assert (version["author"], version["state"], version["base_id"]) == (
        "Officer Quillane",
        None,
        None,
    )
    ok(invoke(db, "review", "start", "1"))
    ok(invoke(db, "review", "comment", "1", "--section", "2.a", "--paragraph", "2", "-m", "?"))
    assert shown(db, 1)["state"] == "in_review"


@pytest.mark.postgres
def test_review_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    key = tmp_path / "pg.key"
    ok(invoke(pg_url, "ingest", str(SAMPLE_DIR / "records.jsonl"), key=key))
    compile_(pg_url, tmp_path / "out", "--author", "Officer Quillane", key=key)
    ok(invoke(pg_url, "review", "start", "1", key=key))
    ok(invoke(pg_url, "review", "comment", "1", "--section", "2.a", "--paragraph", "2",
              "-m", "Is January 17 the right date?", key=key))  # fmt: skip
    ok(invoke(pg_url, "review", "clear", "1", "--author", "D. Sol", key=key))
    assert invoke(pg_url, "review", "clear", "1", key=key).exit_code == 2
    review = shown(pg_url, 1, key=key)
    assert review["state"] == "cleared" and review["history"][-1]["author"] == "D. Sol"
    assert review["comments"][0]["text"] == "Is January 17 the right date?"
    assert versions(pg_url, key=key)[0]["author"] == "Officer Quillane"
