"""Country names for ISO 3166-1 codes, including user-assigned ones.

Real codes are named by pycountry. User-assigned codes (XA–XZ, QM–QZ, AA,
ZZ) have no official name: the bundled sample names its fictional countries
in ``sample/countries.yaml``, and ``HRDRAFT_COUNTRIES`` may point at another
YAML file of ``CODE: Name`` lines.
"""

from __future__ import annotations

import os
from functools import cache
from pathlib import Path

import pycountry
import yaml

SAMPLE_COUNTRIES = Path(__file__).parent / "sample" / "countries.yaml"


@cache
def _assigned_names(extra: str | None) -> dict[str, str]:
    names: dict[str, str] = {}
    for path in (SAMPLE_COUNTRIES, Path(extra) if extra else None):
        if path is not None and path.is_file():
            names.update(yaml.safe_load(path.read_text(encoding="utf-8")) or {})
    return {str(k).upper(): str(v) for k, v in names.items()}


def country_name(code: str) -> str:
    """The printable name of a country code ("Country XQ" when none is known)."""
    code = code.upper()
    named = _assigned_names(os.environ.get("HRDRAFT_COUNTRIES"))
    if code in named:
        return named[code]
    country = pycountry.countries.get(alpha_2=code)
    if country is None:
        return f"Country {code}"
    return getattr(country, "common_name", None) or country.name
