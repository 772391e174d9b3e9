"""The generator behind tools/make_sample.py, as data plus code.

The literal tables (places, institutions, actors, sources, names, the plan and the
records written out in full) live in data/*.yaml; the prose templates are Python, one
module per language (English in two); the rest is the machinery that draws from them.
Nothing here reads the clock or iterates over a set, and every random draw comes from
one generator seeded with settings.SEED, so every run writes the same bytes.
"""

from __future__ import annotations
