"""Country names: the name a draft prints for an ISO 3166-1 code, and where it comes from.

In order, the first that names the code:

1. the store: names set with ``hrdraft countries set XK "Kestria"`` (or
   ``--file``), kept in the store's ``countries`` table;
2. ``HRDRAFT_COUNTRIES``, a YAML file of ``CODE: Name`` lines (the old way,
   still read; the store is where names belong, since the store is what
   every process and every compile reads);
3. the bundled sample's ``sample/countries.yaml`` (its fictional XA, XB);
4. ISO 3166-1 itself, through pycountry, for real codes.

User-assigned codes (AA, QM–QZ, XA–XZ, ZZ) have no official name: without
one set, a draft prints "Country XK" and the compile warns.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

import pycountry
import yaml

from .errors import HrdraftError
from .records import _USER_ASSIGNED, _country_code

if TYPE_CHECKING:
    from .store import Store

SAMPLE_COUNTRIES = Path(__file__).parent / "sample" / "countries.yaml"
ENV_FILE = "HRDRAFT_COUNTRIES"
MAX_NAME = 200  # the store's column

# Where a name comes from, as `hrdraft countries` prints it.
STORE, FILE, SAMPLE, ISO, NONE = "store", ENV_FILE, "sample", "ISO", "none"


class CountryCodeError(HrdraftError):
    """A country code that is not ISO 3166-1 alpha-2."""


class CountryNamesError(HrdraftError):
    """A name, or a file of names, that cannot be used."""


@dataclass(frozen=True)
class Named:
    """A code, the name a draft prints for it, and where that name comes from."""

    code: str
    name: str
    source: str  # STORE, FILE, SAMPLE, ISO or NONE

    @property
    def unnamed(self) -> bool:
        return self.source == NONE


def check_code(value: str) -> str:
    """`value` as an upper-case ISO 3166-1 alpha-2 code (user-assigned allowed), or an error."""
    try:
        return _country_code(str(value))
    except ValueError as exc:
        raise CountryCodeError(
            str(exc),
            "a country is its two-letter ISO 3166-1 code (e.g. KE); user-assigned codes "
            "AA, QM-QZ, XA-XZ and ZZ are allowed for places ISO does not name",
        ) from None


def is_user_assigned(code: str) -> bool:
    """Whether `code` is one ISO 3166-1 keeps for user assignment (it has no official name)."""
    return bool(_USER_ASSIGNED.match(code.upper()))


def check_name(code: str, name: str) -> str:
    """`name` stripped, or an error if it is empty or too long to store."""
    name = " ".join(str(name).split())
    if not name:
        raise CountryNamesError(f"the name for {code} is empty", "give the name a draft prints")
    if len(name) > MAX_NAME:
        raise CountryNamesError(
            f"the name for {code} is {len(name)} characters long", f"at most {MAX_NAME} fit"
        )
    return name


@cache
def _yaml_names(path: str) -> dict[str, str]:
    file = Path(path)
    if not file.is_file():
        return {}
    names = _load_yaml(file.read_text(encoding="utf-8")) or {}
    return {str(k).upper(): str(v) for k, v in names.items()}


def _load_yaml(text: str) -> object:
    # Every scalar a string: to YAML 1.1 a bare NO (Norway) is false.
    return yaml.load(text, Loader=yaml.BaseLoader)  # BaseLoader builds no objects


def named(code: str, store: Store | None = None) -> Named:
    """The name a draft prints for `code` and its source (see the module's order)."""
    code = code.upper()
    if store is not None:
        from .store import countries as stored

        name = stored.get_name(store, code)
        if name is not None:
            return Named(code, name, STORE)
    extra = os.environ.get(ENV_FILE)
    if extra and code in _yaml_names(extra):
        return Named(code, _yaml_names(extra)[code], FILE)
    if code in _yaml_names(str(SAMPLE_COUNTRIES)):
        return Named(code, _yaml_names(str(SAMPLE_COUNTRIES))[code], SAMPLE)
    country = pycountry.countries.get(alpha_2=code)
    if country is not None:
        return Named(code, getattr(country, "common_name", None) or country.name, ISO)
    return Named(code, f"Country {code}", NONE)


def country_name(code: str, store: Store | None = None) -> str:
    """The printable name of a country code ("Country XQ" when none is known)."""
    return named(code, store).name


def unnamed_warning(code: str) -> str:
    """What the compile summary says of a code with no name."""
    return f"{code} has no name: set one with hrdraft countries set {code} NAME"


def read_names(path: Path) -> dict[str, str]:
    """``CODE: Name`` pairs from a YAML file (a mapping) or a CSV file (``CODE,Name`` rows).

    Every code and name is checked; all the problems are reported at once,
    so nothing is stored from a file with a bad line.
    """
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CountryNamesError(f"{path}: cannot be read ({exc})") from None
    if path.suffix.lower() == ".csv":
        pairs = list(_csv_pairs(path, text))
    else:
        try:
            data = _load_yaml(text)
        except yaml.YAMLError as exc:
            raise CountryNamesError(f"{path}: not YAML ({exc})", _FILE_HINT) from None
        if not isinstance(data, dict):
            raise CountryNamesError(f"{path}: not a mapping of CODE: Name lines", _FILE_HINT)
        pairs = [(str(k), "" if v is None else str(v), None) for k, v in data.items()]
    names: dict[str, str] = {}
    problems = []
    for code, name, line in pairs:
        where = f"{path}:{line}" if line else str(path)
        try:
            checked = check_code(code)
            names[checked] = check_name(checked, name)
        except HrdraftError as exc:
            problems.append(f"{where}: {exc.message}")
    if problems:
        raise CountryNamesError(
            "; ".join(problems), "nothing was stored from the file; fix these and set it again"
        )
    if not names:
        raise CountryNamesError(f"{path}: no country names in it", _FILE_HINT)
    return names


_FILE_HINT = "write one CODE: Name per line (YAML), or CODE,Name rows (CSV)"


def _csv_pairs(path: Path, text: str) -> Iterable[tuple[str, str, int]]:
    for line, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.strip() for c in row]
        if not any(cells):
            continue
        if line == 1 and [c.lower() for c in cells[:2]] in (["code", "name"], ["country", "name"]):
            continue  # a header row
        if len(cells) < 2:
            raise CountryNamesError(f"{path}:{line}: not a CODE,Name row", _FILE_HINT)
        yield cells[0], ",".join(cells[1:]), line
