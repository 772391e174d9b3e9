"""The shipped category vocabulary, contributed like any plugin's."""

from __future__ import annotations

from pathlib import Path

from .plugins import hookimpl
from .records import Category, load_vocabulary_file

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.yaml")


@hookimpl
def hrdraft_register_categories() -> list[Category]:
    return load_vocabulary_file(VOCABULARY_FILE)
