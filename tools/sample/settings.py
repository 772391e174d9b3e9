"""Fixed settings: the seed, the years and languages, and where the files live.

The seed is fixed so that every run writes the same bytes; changing it (or the order
in which anything draws from the random generator) rewrites the whole sample.
"""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT_DIR = ROOT / "compiler" / "sample"
RECORDS_FILE = OUT_DIR / "records.jsonl"
COUNTRIES_FILE = OUT_DIR / "countries.yaml"
VOCABULARY_FILE = ROOT / "compiler" / "vocabulary.yaml"
DATA_DIR = Path(__file__).resolve().parent / "data"

SEED = 20230414
YEARS = (2023, 2024)
LANGS = ("en", "es", "zh", "ar")
RECORD_LANG_TAG = {"en": "en", "es": "es", "zh": "zh-Hans", "ar": "ar"}
