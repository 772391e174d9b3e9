"""Validation errors in words a submitter can act on: FILE:LINE: field: message."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ValidationError

from ..records import Citation, Person, Record, Source
from .reading import EXTRA_CELLS


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
    """The fields allowed where `loc` points (for 'did you mean')."""
    model: type[BaseModel] = Record
    for part in loc[:-1]:
        if isinstance(part, str) and part in _MODELS and model is Record:
            model = _MODELS[part]
    return list(model.model_fields)


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
        near = difflib.get_close_matches(str(loc[-1]), _field_names(loc), n=2, cutoff=0.6)
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
        return f"{value!r} is not a date; use YYYY-MM-DD"
    return f"{err['msg']} (got {value!r})"


def row_errors(exc: ValidationError, file: str, line: int) -> list[RowError]:
    """One RowError per problem pydantic found, field as a dotted path."""
    return [
        RowError(file, line, ".".join(str(p) for p in err["loc"]) or "(row)", _message(err))
        for err in exc.errors(include_url=False)
    ]
