"""Country names set in the store: what drafts print, a new version on a new name, the listing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from hrdraft.cli import cli
from hrdraft.countries import named
from hrdraft.store import audit
from hrdraft.store import countries as stored_names
from hrdraft.testing import store_records

RECORD = {
    "id": "XK-2023-1",
    "country": "XK",
    "year": 2023,
    "event_date": "2023-05-02",
    "title": "Journalist detained without charge",
    "summary": "Police detained a journalist for nine days without charge after she "
    "reported on a land dispute.",
    "categories": ["detention.arbitrary"],
    "source": {"name": "Press Union", "kind": "ngo", "reliability": "B"},
    "citation": {"text": "Press Union, statement, 12 May 2023"},
    "sensitivity": "public",
}
COMPILE = ["compile", "hrr", "--country", "XK", "--year", "2023", "--format", "html"]
UNNAMED = "XK has no name: set one with hrdraft countries set XK NAME"


@pytest.fixture
def run(hrdraft_store, hrdraft_plugins, tmp_path, monkeypatch):
    store_records(hrdraft_store, [RECORD], hrdraft_plugins)
    monkeypatch.delenv("HRDRAFT_COUNTRIES", raising=False)
    monkeypatch.chdir(tmp_path)  # drafts go to ./out

    def invoke(*args: str):
        return CliRunner().invoke(cli, ["--db", hrdraft_store.connect_url, *args])

    return invoke


def _title(tmp_path: Path) -> str:
    html = (tmp_path / "out" / "XK" / "hrr-2023-public.html").read_text(encoding="utf-8")
    return re.search(r"<title>([^<]*)", html).group(1)


def _listed(run) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    result = run("countries", "--json")
    assert result.exit_code == 0, result.output
    return {c["code"]: (c["name"], c["source"]) for c in json.loads(result.output)}


def test_a_name_set_is_printed_and_a_new_name_makes_a_new_version(run, tmp_path, hrdraft_store):
    assert run("countries", "set", "xk", "Kestria").exit_code == 0
    first = run(*COMPILE)
    assert first.exit_code == 0, first.output
    assert "v1 (new)" in first.output and UNNAMED not in first.output
    assert _title(tmp_path).startswith("Kestria 2023 ")
    assert "Nothing changed" in run(*COMPILE).output  # the same name: the same version

    renamed = run("countries", "set", "XK", "Republic of Kestria")
    assert renamed.exit_code == 0 and "next compile" in renamed.output
    second = run(*COMPILE)
    assert second.exit_code == 0, second.output
    assert "v2 (new)" in second.output
    assert _title(tmp_path).startswith("Republic of Kestria 2023 ")
    assert "Country XK" not in (tmp_path / "out" / "XK" / "hrr-2023-public.html").read_text()
    assert _listed(run) == {"XK": ("Republic of Kestria", "store")}
    table = run("countries").output
    assert "XK" in table and "Republic of Kestria" in table and "store" in table
    # Each change is on the audit trail, with the code it named.
    entries = audit.entries(hrdraft_store, action="countries set")
    assert [e.details["touched"] for e in entries] == [{"countries_named": ["XK"]}] * 2


def test_an_unnamed_user_assigned_code_warns_and_unset_brings_the_warning_back(run, tmp_path):
    result = run(*COMPILE)
    assert result.exit_code == 0 and UNNAMED in result.output
    assert _title(tmp_path).startswith("Country XK 2023 ")
    assert _listed(run) == {"XK": ("Country XK", "none")}
    assert UNNAMED in run("countries").output

    assert run("countries", "set", "XK", "Kestria").exit_code == 0
    assert UNNAMED not in run(*COMPILE).output
    unset = run("countries", "unset", "XK")
    assert unset.exit_code == 0 and "Country XK (none)" in unset.output
    again = run(*COMPILE)
    assert UNNAMED in again.output and "v1 (unchanged)" in again.output  # the first draft's name
    assert run("countries", "unset", "XK").exit_code == 2  # nothing set any more


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("names.yaml", "XK: Kestria\nqz: Quorland\nKE: Kenya (set by us)\nNO: Norge\n"),
        ("names.csv", 'code,name\nXK,Kestria\nqz , Quorland\nKE,"Kenya (set by us)"\nNO,Norge\n'),
    ],
)
def test_names_from_a_file(run, tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    result = run("countries", "set", "--file", str(path))
    assert result.exit_code == 0, result.output
    assert "4 names set" in result.output
    listed = _listed(run)
    assert listed["XK"] == ("Kestria", "store") and listed["QZ"] == ("Quorland", "store")
    assert listed["KE"] == ("Kenya (set by us)", "store")  # the store's name before ISO's
    assert listed["NO"] == ("Norge", "store")  # to YAML 1.1, a bare NO is false
    assert "(unchanged)" in run("countries", "set", "--file", str(path)).output
    assert run(*COMPILE).exit_code == 0
    assert _title(tmp_path).startswith("Kestria 2023 ")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["KX", "Kestria"], "'KX' is not an ISO 3166-1 alpha-2 country code"),
        (["KEN", "Kenya"], "did you mean KE, Kenya?"),
        (["XK", "  "], "the name for XK is empty"),
        (["XK"], "a code and a name are needed"),
    ],
)
def test_a_bad_code_or_name_is_one_clear_error(run, args, message):
    result = run("countries", "set", *args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert _listed(run) == {"XK": ("Country XK", "none")}  # nothing stored


def test_a_file_with_a_bad_line_stores_nothing(run, tmp_path):
    path = tmp_path / "names.csv"
    path.write_text("XK,Kestria\nKX,Typo\n", encoding="utf-8")
    result = run("countries", "set", "--file", str(path))
    assert result.exit_code == 2
    assert f"{path}:2: 'KX' is not an ISO 3166-1 alpha-2 country code" in result.output
    assert "nothing was stored" in result.output
    assert _listed(run)["XK"] == ("Country XK", "none")


def test_the_old_environment_file_still_names_and_the_store_comes_first(run, tmp_path, monkeypatch):
    names = tmp_path / "old.yaml"
    names.write_text("XK: Old Kestria\n", encoding="utf-8")
    monkeypatch.setenv("HRDRAFT_COUNTRIES", str(names))
    assert _listed(run) == {"XK": ("Old Kestria", "HRDRAFT_COUNTRIES")}
    assert run(*COMPILE).exit_code == 0 and _title(tmp_path).startswith("Old Kestria ")
    assert run("countries", "set", "XK", "Kestria").exit_code == 0
    assert "v2 (new)" in run(*COMPILE).output and _title(tmp_path).startswith("Kestria ")


def test_compile_jobs_workers_read_the_name_from_the_store(run, tmp_path):
    assert run("countries", "set", "XK", "Kestria").exit_code == 0
    result = run(*COMPILE, "--jobs", "2", "--audience", "internal")
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "XK" / "hrr-2023-internal.html").read_text(encoding="utf-8")
    assert "<title>Kestria 2023 " in html


def test_the_repository_on_sqlite_and_postgresql(any_store):
    assert stored_names.list_names(any_store) == []
    assert stored_names.set_names(any_store, {"xk": "Kestria", "XA": "Esterra Republic"}) == [
        "XK",
        "XA",
    ]
    assert stored_names.set_names(any_store, {"XK": "Kestria"}) == []  # unchanged
    assert stored_names.set_names(any_store, {"XK": "Kestria Republic"}) == ["XK"]
    assert stored_names.get_name(any_store, "xk") == "Kestria Republic"
    assert [(n.code, n.name) for n in stored_names.list_names(any_store)] == [
        ("XA", "Esterra Republic"),
        ("XK", "Kestria Republic"),
    ]
    # The store's name wins over the bundled sample's.
    assert named("XA", any_store).name == "Esterra Republic"
    assert named("XB", any_store).source == "sample"
    assert stored_names.unset_name(any_store, "XA") is True
    assert stored_names.unset_name(any_store, "XA") is False
    assert named("XA", any_store) == named("XA")  # the sample's Esterra again
    assert stored_names.get_name(any_store, "XA") is None
    # Noted for the command's audit entry, like every other write.
    assert audit.touched(any_store) == {
        "countries_named": ["XK", "XA"],
        "countries_unnamed": ["XA"],
    }
