"""`hrdraft plugins` and `hrdraft plugin new`: the report types there are, and adding one."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import click

from ..plugins import Plugins
from ..scaffold import plugin_names, scaffold_plugin
from . import Env, cli, console, pass_env


def describe_plugins(plugins: Plugins, *, details: bool = False) -> list[str]:
    """Lines for each plugin: name and version, its report types, editions and options.

    With `details`, each edition's section ids and titles, the figure names
    the report type reads, and what other plugins add to it: what a record's
    ``sections`` targets and ``figures`` may name.
    """
    lines: list[str] = []
    for info in plugins.describe():
        lines.append(f"{info.name} {info.version}".rstrip())
        for rt in info.report_types:
            lines.append(f"  {rt.name}: {rt.title}")
            for edition in rt.editions:
                lines.append(f"    edition {edition.name} ({edition.years}): {edition.title}")
                if details:
                    lines += [
                        f"      {rt.name}:{spec.id}  "
                        + " ".join(filter(None, (spec.number, spec.title)))
                        for spec in edition.walk()
                    ]
            for option, meaning in rt.options.items():
                lines.append(f"    -o {option}=...  {meaning}")
            if details and rt.figures:
                lines.append(f"    figures: {', '.join(rt.figures)}")
            for contributor, extension in plugins.extensions_of(rt.name):
                adds = []
                if extension.placements:
                    adds.append("places its categories in " + _placements(extension.placements))
                if extension.transforms:
                    adds.append("transforms the document")
                lines.append(f"    extended by {contributor}: {'; '.join(adds)}")
    for broken in plugins.broken:
        lines.append(f"{broken.name} FAILED TO LOAD: {broken.reason}")
    return lines


def _placements(placements: Mapping[str, Mapping[str, tuple[str, ...]]]) -> str:
    return ", ".join(
        f"{category} → {', '.join(sections)} (edition {edition})"
        for edition, by_category in placements.items()
        for category, sections in by_category.items()
    )


@cli.command("plugins")
@click.option(
    "--details",
    is_flag=True,
    help="Also each edition's section ids (for a record's sections targets) and figure names.",
)
@pass_env
def plugins_command(env: Env, details: bool) -> None:
    """List the installed plugins, their versions, report types and editions.

    A plugin that failed to load is listed with the reason (exit status 3);
    the others still work.
    """
    plugins = env.plugins
    for line in describe_plugins(plugins, details=details):
        style = (
            "bold red" if "FAILED TO LOAD" in line else "bold" if not line.startswith(" ") else None
        )
        console.print(line, style=style, markup=False, soft_wrap=True)
    if plugins.broken:
        raise SystemExit(3)


@cli.group("plugin")
def plugin_group() -> None:
    """Write a new report plugin."""


@plugin_group.command("new")
@click.argument("name")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("."),
    show_default=True,
    help="Folder to create the plugin package in.",
)
def plugin_new_command(name: str, directory: Path) -> None:
    """Scaffold an installable plugin package for a new report type NAME.

    The package has the entry point, the hooks, one edition outline, a
    template override and a passing test; install it with `pip install -e`.
    """
    files = scaffold_plugin(name, directory)
    root = directory / plugin_names(name)["dist"]
    console.print(
        f"Wrote the {plugin_names(name)['name']!r} report plugin in {root}:", markup=False
    )
    for path in files:
        console.print(f"  {path.relative_to(root)}", markup=False)
    console.print(
        f"Next: pip install -e {root}  then  hrdraft plugins  and  pytest {root}",
        markup=False,
        soft_wrap=True,
    )
