"""Scaffold a new report plugin: a complete package a plugin author can install and test.

``hrdraft plugin new NAME`` writes, under ``DIR/NAME``: a ``pyproject.toml``
registering the package in the ``hrdraft`` entry-point group, a module with
the hooks a report type needs (report type with one edition outline,
classification, section building, a template directory), a template
override of the core report page, and a passing pytest test built on the
fixtures and helpers of :mod:`hrdraft.testing`.
"""

from __future__ import annotations

import re
from pathlib import Path
from string import Template

from .errors import HrdraftError

_NAME = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")

_PYPROJECT = Template("""\
[build-system]
requires = ["setuptools>=68"]
build-backend = "setuptools.build_meta"

[project]
name = "$dist"
version = "0.1.0"
description = "$title: an hrdraft report plugin"
requires-python = ">=3.11"
dependencies = ["hrdraft"]

# hrdraft finds report plugins through this entry-point group.
[project.entry-points.hrdraft]
$name = "$package"

[tool.setuptools.packages.find]
include = ["$package*"]

[tool.setuptools.package-data]
"*" = ["*.html", "*.css"]

[tool.pytest.ini_options]
testpaths = ["tests"]
""")

_README = Template("""\
# $dist

An hrdraft report plugin for the **$title** report type (`$name`).

```sh
pip install -e .                 # hrdraft finds it through its entry point
hrdraft plugins                  # lists $name with its edition
hrdraft compile $name --country XA --year 2024
pytest                           # the plugin's own tests
```

Edit `$package/__init__.py`: the outline (`OUTLINE`), which record
categories go to which section (`CLASSIFICATION`, see `hrdraft categories`)
and how a section's text is built (`hrdraft_build_section`). The page layout
override is `$package/templates/report/$name.html`. The plugin author's guide
is hrdraft's `docs/plugins.md`.
""")

_MODULE = Template('''\
"""The $title report type for hrdraft: outline, classification and section text."""

from __future__ import annotations

from pathlib import Path

from hrdraft import (
    Block,
    BuildContext,
    Edition,
    Paragraph,
    ReportType,
    SectionSpec,
    SelectedRecord,
    hookimpl,
    prose,
)

# Section ids are stable: records may target them as "$name:2".
OUTLINE: tuple[SectionSpec, ...] = (
    SectionSpec(id="1", number="Section 1.", title="Overview", topic="relevant developments"),
    SectionSpec(
        id="2",
        number="Section 2.",
        title="Findings",
        topic="violations of worker rights",
        children=(
            SectionSpec(
                id="2.a", number="a.", title="Conditions of Work", topic="unsafe conditions of work"
            ),
            SectionSpec(
                id="2.b",
                number="b.",
                title="Freedom of Association",
                topic="restrictions on freedom of association",
                # Printed only where relevant: "Not applicable." when empty.
                conditional=True,
            ),
        ),
    ),
)

REPORT_TYPE = ReportType(
    name="$name",
    title="$title",
    description="A report type scaffolded by `hrdraft plugin new`.",
    editions=(
        Edition(
            name="2024", title="First edition", first_year=2024, last_year=None, outline=OUTLINE
        ),
    ),
)

# Vocabulary category id → the section ids it belongs in (`hrdraft categories`
# lists the ids). A record with no category here is left out of this report.
CLASSIFICATION: dict[str, tuple[str, ...]] = {
    "labor.conditions": ("2.a",),
    "labor.association": ("2.b",),
}


@hookimpl
def hrdraft_register_report_types() -> list[ReportType]:
    # This plugin owns $name: hrdraft asks only it to classify and build
    # $name drafts, and never asks it about another plugin's report type.
    return [REPORT_TYPE]


@hookimpl
def hrdraft_classify_record(context: BuildContext, item: SelectedRecord) -> list[str]:
    # Explicit targets ("$name:2.a") are applied by hrdraft before this is asked.
    targets = {t for c in item.record.categories for t in CLASSIFICATION.get(c, ())}
    return [s for s in context.edition.section_ids() if s in targets]


@hookimpl
def hrdraft_build_section(
    context: BuildContext, spec: SectionSpec, items: list[SelectedRecord]
) -> list[Block]:
    if spec.id == "1":
        # Where hrdraft placed every record: no need to classify again.
        used = [i for i in context.items if context.placement.sections(i.id)]
        return [
            Paragraph(
                text=f"This draft covers {context.country_name} for {context.period_label} "
                f"and draws on {len(used)} record(s).",
                cites=tuple(i.cite for i in used),
            )
        ]
    if spec.children and not items:
        return []  # a heading over its sub-sections
    # A lead sentence, then one attributed paragraph per record, each citing it.
    return list(prose.section_paragraphs(items, spec.topic, conditional=spec.conditional))


@hookimpl
def hrdraft_template_dirs() -> list[Path]:
    # templates/report/$name.html changes the page for this report type.
    return [Path(__file__).parent / "templates"]
''')

_TEMPLATE = Template("""\
{#- The page for $name drafts: the core report page with a line under the title. -#}
{% extends "core/report.html" %}
{% block header %}
{{ super() }}
<p class="kicker">$title · compiled with the $dist plugin</p>
{% endblock %}
""")

_TEST = Template('''\
"""$title: records land in their sections, empty sections still read as prose."""

from __future__ import annotations

import pytest
from hrdraft.testing import compile_draft, plugins_with, render_html, section_text, store_records

import $package

RECORD = {
    "id": "XA-$name-1",
    "country": "XA",
    "year": 2024,
    "event_date": "2024-05-02",
    "title": "Factory fire",
    "summary": "Workers at a garment factory in the capital reported locked fire exits.",
    "categories": ["labor.conditions"],
    "source": {"name": "Workers' Rights Centre", "kind": "ngo", "reliability": "B"},
    "sensitivity": "public",
}


@pytest.fixture
def plugins():
    # Found through its entry point once installed (pip install -e .), else loaded here.
    return plugins_with($package)


@pytest.fixture
def draft(hrdraft_store, plugins):
    store_records(hrdraft_store, [RECORD], plugins)
    return compile_draft(hrdraft_store, "$name", "XA", 2024, plugins=plugins)


def test_a_record_appears_in_its_section_with_its_citation(draft):
    assert "locked fire exits" in section_text(draft, "2.a")
    assert [entry.record for entry in draft.sources] == [RECORD["id"]]


def test_an_empty_conditional_section_reads_not_applicable(draft):
    assert "Not applicable." in section_text(draft, "2.b")


def test_the_template_override_shows_on_the_page(draft, plugins):
    assert "compiled with the $dist plugin" in render_html(draft, plugins)
''')


def plugin_names(name: str) -> dict[str, str]:
    """The report type, distribution and package names for a plugin called `name`."""
    slug = re.sub(r"[\s_]+", "-", name.strip().lower())
    if not _NAME.match(slug):
        raise HrdraftError(
            f"{name!r} cannot name a report type",
            "use lower-case letters, digits and hyphens, starting with a letter "
            "(e.g. labour-annex)",
        )
    return {
        "name": slug,
        "dist": f"hrdraft-{slug}",
        "package": "hrdraft_" + slug.replace("-", "_"),
        "title": slug.replace("-", " ").title(),
    }


def scaffold_plugin(name: str, directory: Path) -> list[Path]:
    """Write a new plugin package for report type `name` under ``directory/<dist>``.

    Returns the files written. Refuses to write into a folder that already
    has files, so nothing of an author's is overwritten.
    """
    names = plugin_names(name)
    root = Path(directory) / names["dist"]
    if root.exists() and any(root.iterdir()):
        raise HrdraftError(
            f"{root} already exists and is not empty", "choose another --dir or remove it first"
        )
    package = root / names["package"]
    files = {
        root / "pyproject.toml": _PYPROJECT,
        root / "README.md": _README,
        package / "__init__.py": _MODULE,
        package / "templates" / "report" / f"{names['name']}.html": _TEMPLATE,
        root / "tests" / f"test_{names['package']}.py": _TEST,
    }
    for path, template in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(template.substitute(names), encoding="utf-8")
    return list(files)
