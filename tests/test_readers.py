"""The built-in readers: every format on tiny files, and each malformed-file case."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from hrdraft.errors import InputFileError
from hrdraft.ingest import EXTRA_CELLS, choose_reader, readers
from hrdraft.plugins import load_plugins
from hrdraft.records import Record

ROOTS = Path(__file__).parent / "roots"

FORMATS = ROOTS / "ingest-formats"
MALFORMED = ROOTS / "ingest-malformed"
UWAZI = ROOTS / "ingest-uwazi"


@pytest.fixture(scope="module")
def plugins():  # type: ignore[no-untyped-def]
    return load_plugins()


def read(path: Path, format: str | None = None, plugins=None) -> list[tuple[int, dict]]:  # type: ignore[no-untyped-def]
    reader = choose_reader(plugins or load_plugins(), path, format)
    with path.open("rb") as f:
        return list(reader.read(f, str(path)))


@pytest.mark.parametrize("name", ["records.csv", "records.json", "records.yaml"])
def test_every_format_gives_the_same_records_as_json_lines(name: str, plugins) -> None:  # type: ignore[no-untyped-def]
    context = {"vocabulary": plugins.vocabulary}
    expected = [
        Record.model_validate(row, context=context)
        for _, row in read(FORMATS / "records.jsonl", plugins=plugins)
    ]
    got = [
        Record.model_validate(row, context=context)
        for _, row in read(FORMATS / name, plugins=plugins)
    ]
    assert got == expected
    assert expected[1].title == "起诉人口贩运案件"
    assert expected[2].source.name == "مرصد الحقوق"
    assert expected[1].figures == {"prosecutions": 17, "convictions": 6}


@pytest.mark.parametrize(
    ("name", "lines"),
    [
        ("records.jsonl", [1, 3, 4]),  # line 2 is blank
        ("records.json", [2, 14, 15]),
        ("records.yaml", [2, 20, 30]),
        ("records.csv", [2, 3, 4]),
    ],
)
def test_rows_carry_the_line_they_start_on(name: str, lines: list[int], plugins) -> None:  # type: ignore[no-untyped-def]
    assert [line for line, _ in read(FORMATS / name, plugins=plugins)] == lines


def test_csv_dotted_columns_nest_and_bars_split() -> None:
    row = readers.nest(
        {
            "source.name": "N",
            "persons.1.name": "B",
            "persons.0.name": "A",
            "categories": "torture| assembly",
            "figures.prosecutions": "3",
        }
    )
    assert row == {
        "source": {"name": "N"},
        "persons": [{"name": "A"}, {"name": "B"}],
        "categories": ["torture", "assembly"],
        "figures": {"prosecutions": "3"},
    }


def test_csv_keeps_cells_beyond_the_header_for_validation_to_report() -> None:
    data = b"id,title\nX-1,Title,stray cell\n"
    rows = list(readers.read_csv(io.BytesIO(data), "f.csv"))
    assert rows == [(2, {"id": "X-1", "title": "Title", EXTRA_CELLS: ["stray cell"]})]


def test_csv_row_line_is_where_a_multiline_cell_starts() -> None:
    data = b'id,summary\nA,"two\nlines"\nB,one\n'
    rows = list(readers.read_csv(io.BytesIO(data), "f.csv"))
    assert [(line, row["id"]) for line, row in rows] == [(2, "A"), (4, "B")]
    assert rows[0][1]["summary"] == "two\nlines"


def test_semicolon_and_tab_delimiters_are_recognised() -> None:
    for sep in (";", "\t"):
        data = f"id{sep}title\nA{sep}Hello, world\n".encode()
        assert list(readers.read_csv(io.BytesIO(data), "f.csv")) == [
            (2, {"id": "A", "title": "Hello, world"})
        ]


def test_json_array_streams_across_chunk_boundaries(monkeypatch: pytest.MonkeyPatch) -> None:
    # Tiny chunks cut strings, numbers and escapes in every possible place.
    items = [
        {"id": f"R-{i}", "n": 12345 + i, "t": 'caf\u00e9 \u4e2d\u6587 \\" \u0639', "ok": True}
        for i in range(20)
    ]
    text = (
        "[\n"
        + ",\n".join(json.dumps(x, ensure_ascii=i % 2 == 0) for i, x in enumerate(items))
        + "\n]\n"
    )
    for chunk in (1, 3, 7, 64):
        monkeypatch.setattr(readers, "_CHUNK", chunk)
        got = list(readers.read_json(io.BytesIO(text.encode()), "f.json"))
        assert [v for _, v in got] == items
        assert [line for line, _ in got] == list(range(2, 22))


def test_empty_json_array_yields_nothing() -> None:
    assert list(readers.read_json(io.BytesIO(b" [ ] "), "f.json")) == []


def test_yaml_documents_are_records_and_dates_become_text() -> None:
    data = b"id: A\nreceived: 2023-03-20\n---\nid: B\n"
    rows = list(readers.read_yaml(io.BytesIO(data), "f.yaml"))
    assert rows == [(1, {"id": "A", "received": "2023-03-20"}), (4, {"id": "B"})]


# -------------------------------------------------------------------------
# Uwazi
# -------------------------------------------------------------------------


def test_uwazi_language_columns_are_translations_of_one_record(plugins) -> None:  # type: ignore[no-untyped-def]
    rows = read(UWAZI / "export.csv", "uwazi", plugins)
    # One row, one record: the Spanish columns do not make a second one.
    assert [(line, row["id"]) for line, row in rows] == [(2, "UW-1"), (3, "UW-2")]
    base, second = (row for _, row in rows)
    assert base.get("language", "en") == "en"
    spanish = base["translations"]["es"]
    assert spanish["title"] == "Defensora golpeada en una protesta"
    assert spanish["summary"].startswith("La policía")
    assert "translations" not in second
    assert base["country"] == "XA"
    assert base["event_date"] == "2023-05-02/2023-05-03"
    assert base["categories"] == ["Restrictions on peaceful assembly", "torture"]
    assert base["source"] == {"name": "Red de Defensoras", "kind": "ngo", "reliability": "B"}
    assert base["credibility"] == "2"
    assert base["sensitivity"] == "public"
    assert base["persons"] == [
        {
            "name": "Lucía Ferro",
            "role": "victim",
            "consent": "named",
            "group": "human rights defender",
        }
    ]
    assert [p["name"] for p in second["persons"]] == ["Worker One", "Worker Two"]
    assert {p["consent"] for p in second["persons"]} == {"anonymous"}


def test_uwazi_unknown_column_stays_in_the_row() -> None:
    rows = list(readers.read_uwazi((UWAZI / "unknown-column.csv").open("rb"), "u.csv"))
    assert rows[0][1]["colour"] == "blue"


def test_uwazi_row_with_only_suffixed_text_takes_its_original_from_the_language_column() -> None:
    data = (
        b"id,language,title__en,title__es,summary__en,summary__es\n"
        b"U,es,Hi,Hola,S,R\nV,,Hi,Hola,S,R\n"
    )
    rows = [r for _, r in readers.read_uwazi(io.BytesIO(data), "u.csv")]
    # U says it is Spanish: the Spanish columns are the original.
    assert (rows[0]["id"], rows[0]["language"], rows[0]["title"]) == ("U", "es", "Hola")
    assert rows[0]["translations"] == {"en": {"title": "Hi", "summary": "S"}}
    # V says nothing: the first language written is the original.
    assert (rows[1]["id"], rows[1]["language"], rows[1]["title"]) == ("V", "en", "Hi")
    assert rows[1]["translations"] == {"es": {"title": "Hola", "summary": "R"}}


# -------------------------------------------------------------------------
# Files that cannot be read at all
# -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("broken-quote.csv", 3, "broken CSV"),
        ("invalid.json", 3, "invalid JSON"),
        # A broken line among good ones is quarantined (test_ingest_forgiving.py);
        # a file none of whose lines is JSON is not JSON Lines at all.
        ("pretty.jsonl", 1, "invalid JSON"),
        ("invalid.yaml", 3, "invalid YAML"),
        ("object.json", 1, "one array of records"),
        ("latin1.csv", 2, "byte 0xe9"),
    ],
)
def test_malformed_file_is_one_error_with_its_line(
    name: str, line: int, words: str, plugins
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputFileError) as caught:
        read(MALFORMED / name, plugins=plugins)
    assert caught.value.line == line
    assert words in caught.value.message
    assert caught.value.message.startswith(f"{MALFORMED / name}:{line}:")


def test_wrong_encoding_says_to_resave_as_utf8(plugins) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(InputFileError) as caught:
        read(MALFORMED / "latin1.csv", plugins=plugins)
    assert "UTF-8" in caught.value.hint


def test_utf16_file_is_named_as_such() -> None:
    data = "id,title\nA,B\n".encode("utf-16")
    with pytest.raises(InputFileError, match="UTF-16"):
        list(readers.read_csv(io.BytesIO(data), "f.csv"))


def test_format_comes_from_the_extension_or_the_option(plugins) -> None:  # type: ignore[no-untyped-def]
    assert choose_reader(plugins, "a.ndjson").name == "jsonl"
    assert choose_reader(plugins, "A.YML").name == "yaml"
    assert choose_reader(plugins, "export.csv").name == "csv"
    assert choose_reader(plugins, "export.csv", "uwazi").name == "uwazi"
    with pytest.raises(InputFileError, match="cannot tell the format"):
        choose_reader(plugins, "records.xlsx")
    with pytest.raises(InputFileError, match="unknown format"):
        choose_reader(plugins, "records.csv", "excel")


@pytest.mark.parametrize("reader", [readers.read_jsonl, readers.read_json, readers.read_csv])
def test_bad_byte_is_named_with_its_line_in_every_reader(reader) -> None:  # type: ignore[no-untyped-def]
    good = b'{"id": "A", "title": "ok"}'
    data = {
        readers.read_jsonl: good + b"\n" + good + b"\n" + b'{"title": "caf\xe9"}\n',
        readers.read_json: b"[\n" + good + b",\n" + good + b',\n{"title": "caf\xe9"}\n]\n',
        readers.read_csv: b"id,title\nA,ok\nB,ok\nC,caf\xe9\n",
    }[reader]
    with pytest.raises(InputFileError) as caught:
        list(reader(io.BytesIO(data), "f"))
    assert caught.value.line == (4 if reader is not readers.read_jsonl else 3)
    assert "byte 0xe9" in caught.value.message
    assert "UTF-8" in caught.value.hint


def test_json_lines_with_a_bom_and_crlf() -> None:
    data = b'\xef\xbb\xbf{"id": "A"}\r\n\r\n{"id": "\xe4\xb8\xad"}\r\n'
    assert list(readers.read_jsonl(io.BytesIO(data), "f.jsonl")) == [
        (1, {"id": "A"}),
        (3, {"id": "中"}),
    ]
