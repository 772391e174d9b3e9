"""Validation errors in words a submitter can act on: FILE:LINE: field: message."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from ..records import Citation, Person, Record, Source, date_form_hint
from .reading import EXTRA_CELLS, WrittenList


@dataclass(frozen=True)
class RowError:
    """One problem with one row: where it is and what to do about it."""

    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


# -------------------------------------------------------------------------
# Validation errors in words a submitter can act on
# -------------------------------------------------------------------------

_MODELS: dict[str, type[BaseModel]] = {"source": Source, "citation": Citation, "persons": Person}


def _field_names(loc: Sequence[Any]) -> list[str]:
    """The fields allowed where `loc` points (for 'did you mean').

    At the top level these include the dotted columns of a CSV
    (``source.name``), so ``source_name`` or ``Source Name`` finds its field.
    """
    model: type[BaseModel] = Record
    for part in loc[:-1]:
        if isinstance(part, str) and part in _MODELS and model is Record:
            model = _MODELS[part]
    names = list(model.model_fields)
    if model is Record and len(loc) == 1:
        names += [f"{n}.{f}" for n in ("source", "citation") for f in _MODELS[n].model_fields]
    return names


def _nearest(unknown: str, names: list[str]) -> list[str]:
    """The known names nearest `unknown`, compared without case and with _ or space as '.'."""

    def folded(name: str) -> str:
        return name.casefold().replace(" ", ".").replace("_", ".")

    by_folded = {folded(n): n for n in names}
    near = difflib.get_close_matches(folded(unknown), list(by_folded), n=2, cutoff=0.6)
    return [by_folded[n] for n in near]


def _message(err: Any) -> str:
    kind, value, ctx = err["type"], err.get("input"), err.get("ctx") or {}
    loc = err["loc"]
    if kind == "missing":
        return "required; add a value"
    if kind == "extra_forbidden":
        if loc and loc[-1] == EXTRA_CELLS:
            return (
                "the row has more cells than the header has columns; quote any cell "
                "that holds the delimiter"
            )
        if loc == ("attachments",):
            return (
                "hrdraft keeps no attached files; export without attachments, or remove the column"
            )
        near = _nearest(str(loc[-1]), _field_names(loc))
        hint = f" (did you mean {' or '.join(near)}?)" if near else ""
        return f"unknown field{hint}; the record fields are listed in docs/records.md"
    if kind == "value_error":
        return str(ctx.get("error", err["msg"]))
    if kind == "literal_error":
        return f"{value!r} is not allowed; use {ctx.get('expected', '')}"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{value!r} is not a whole number"
    if kind == "string_type":
        return f"expected text, got {value!r} (in YAML, put it in quotes)"
    if kind in ("string_too_short", "too_short"):
        return "must not be empty"
    if kind == "string_too_long" and isinstance(value, str):
        return (
            f"is {len(value):,} characters long; the limit is {ctx.get('max_length', 0):,} "
            "characters (docs/records.md, Limits)"
        )
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        what = "a record object {...}" if not loc else "an object {...}"
        return f"expected {what}, got {type(value).__name__}"
    if kind == "list_type":
        return f"expected a list, got {value!r}"
    if kind.startswith("date"):
        hint = date_form_hint(value) if isinstance(value, str) else None
        return hint or f"{value!r} is not a date; use YYYY-MM-DD"
    return f"{err['msg']} (got {value!r})"


def _as_written(loc: tuple[Any, ...], raw: Any) -> str:
    """`loc` as a dotted path, a list item named as the reader says it was written.

    A CSV with only ``persons.1.*`` columns gives a one-item list; its error
    names ``persons.1``, the column the submitter wrote, not ``persons.0``.
    """
    if len(loc) >= 2 and isinstance(loc[1], int) and isinstance(raw, dict):
        items = raw.get(loc[0])
        if isinstance(items, WrittenList) and loc[1] < len(items.labels):
            return ".".join([items.labels[loc[1]], *map(str, loc[2:])])
    return ".".join(str(p) for p in loc) or "(row)"


def row_errors(exc: ValidationError, file: str, line: int, raw: Any = None) -> list[RowError]:
    """One RowError per problem pydantic found, field as a dotted path as written in `raw`."""
    return [
        RowError(file, line, _as_written(tuple(err["loc"]), raw), _message(err))
        for err in exc.errors(include_url=False)
    ]
