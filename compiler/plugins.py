"""Finding, loading and asking the plugins.

Plugins (the built-in HRR, TIP and IRF among them) are found through the
``hrdraft`` entry-point group. A plugin that fails to import or whose hook
has a wrong signature is recorded with its reason and left out, so commands
that do not need it keep working. The core's own readers and vocabulary are
registered as ordinary plugins too.
"""

from __future__ import annotations

import importlib
import importlib.metadata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pluggy

from . import hookspecs
from .errors import NotFoundError, PluginError, choices
from .records import Category, FigureNames, Vocabulary

if TYPE_CHECKING:
    from .ingest import Reader
    from .outline import ReportType

ENTRY_POINT_GROUP = "hrdraft"

hookimpl = pluggy.HookimplMarker(hookspecs.PROJECT)

# The core's own behaviour, made of ordinary plugins.
DEFAULT_PLUGINS: tuple[str, ...] = ("hrdraft.vocabulary", "hrdraft.ingest.readers")


@dataclass(frozen=True)
class BrokenPlugin:
    name: str
    reason: str


@dataclass(frozen=True)
class PluginInfo:
    name: str
    version: str
    report_types: tuple[ReportType, ...]


@dataclass
class Plugins:
    """The loaded plugins and what they registered, merged and checked."""

    pm: pluggy.PluginManager
    broken: list[BrokenPlugin] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)

    @property
    def hook(self) -> Any:
        return self.pm.hook

    def _collect(self, hook_name: str) -> list[tuple[str, Any]]:
        """(plugin name, item) for every item every plugin returned."""
        out: list[tuple[str, Any]] = []
        caller = getattr(self.pm.hook, hook_name)
        for impl in reversed(caller.get_hookimpls()):
            try:
                items = impl.function()
            except Exception as exc:  # a plugin's bug, not ours: name it
                raise PluginError(
                    f"plugin {impl.plugin_name!r} failed in {hook_name}: {exc!r}"
                ) from exc
            out.extend((impl.plugin_name, item) for item in items or [])
        return out

    @cached_property
    def report_types(self) -> dict[str, ReportType]:
        found: dict[str, ReportType] = {}
        owner: dict[str, str] = {}
        for plugin, rt in self._collect("hrdraft_register_report_types"):
            if rt.name in found:
                raise PluginError(
                    f"report type {rt.name!r} is registered by both "
                    f"{owner[rt.name]!r} and {plugin!r}",
                    "uninstall or block one of them (HRDRAFT_BLOCK_PLUGINS=name)",
                )
            found[rt.name] = rt
            owner[rt.name] = plugin
        self._owners = owner
        return found

    def owner_of(self, report_type: str) -> str:
        self.report_types  # noqa: B018 - fills _owners
        return self._owners[report_type]

    def report_type(self, name: str) -> ReportType:
        try:
            return self.report_types[name]
        except KeyError:
            hint = choices(sorted(self.report_types))
            if self.broken:
                hint += "; plugins that failed to load: " + ", ".join(
                    f"{b.name} ({b.reason})" for b in self.broken
                )
            raise NotFoundError(f"unknown report type {name!r}", hint) from None

    @cached_property
    def vocabulary(self) -> Vocabulary:
        merged: dict[str, Category] = {}
        for plugin, category in self._collect("hrdraft_register_categories"):
            if category.id in merged:
                raise PluginError(
                    f"plugin {plugin!r} registers category {category.id!r}, which already exists",
                    "use a new prefix for a plugin's own categories",
                )
            merged[category.id] = category
        return Vocabulary(list(merged.values()))

    @cached_property
    def validation_context(self) -> dict[str, Any]:
        """What record validation checks against: categories, figure names, section ids."""
        return {
            "vocabulary": self.vocabulary,
            "figures": FigureNames(
                [name for rt in self.report_types.values() for name in rt.figures]
            ),
            "section_targets": {
                rt.name: {sid for edition in rt.editions for sid in edition.section_ids()}
                for rt in self.report_types.values()
            },
        }

    @cached_property
    def readers(self) -> dict[str, Reader]:
        return {reader.name: reader for _, reader in self._collect("hrdraft_register_readers")}

    @cached_property
    def template_dirs(self) -> list[Path]:
        return [Path(d) for _, d in self._collect("hrdraft_template_dirs")]

    def describe(self) -> list[PluginInfo]:
        by_plugin: dict[str, list[ReportType]] = {}
        for rt in self.report_types.values():
            by_plugin.setdefault(self.owner_of(rt.name), []).append(rt)
        return [
            PluginInfo(name, self.versions.get(name, ""), tuple(by_plugin.get(name, [])))
            for name, _ in sorted(self.pm.list_name_plugin())
            if name and not name.startswith("_")
        ]


def _register(pm: pluggy.PluginManager, plugin: ModuleType | object, name: str) -> None:
    pm.register(plugin, name=name)


def load_plugins(
    *,
    entry_points: bool = True,
    extra: tuple[ModuleType | object, ...] = (),
    block: tuple[str, ...] = (),
) -> Plugins:
    """Build the plugin manager: defaults, entry points, then `extra` plugins.

    `block` names plugins not to load (also from ``HRDRAFT_BLOCK_PLUGINS``,
    comma-separated). Failures are collected in `Plugins.broken`, never raised.
    """
    import os

    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    blocked = set(block) | {
        b.strip() for b in os.environ.get("HRDRAFT_BLOCK_PLUGINS", "").split(",") if b.strip()
    }
    plugins = Plugins(pm)
    for modname in DEFAULT_PLUGINS:
        _register(pm, importlib.import_module(modname), modname)
        plugins.versions[modname] = _own_version()
    if entry_points:
        for ep in sorted(
            importlib.metadata.entry_points(group=ENTRY_POINT_GROUP), key=lambda e: e.name
        ):
            if ep.name in blocked:
                pm.set_blocked(ep.name)
                continue
            try:
                _register(pm, ep.load(), ep.name)
            except Exception as exc:  # import errors, bad hook signatures
                plugins.broken.append(BrokenPlugin(ep.name, f"{type(exc).__name__}: {exc}"))
                continue
            plugins.versions[ep.name] = ep.dist.version if ep.dist else ""
    for plugin in extra:
        name = getattr(plugin, "__name__", type(plugin).__name__)
        _register(pm, plugin, name)
        plugins.versions.setdefault(name, "")
    return plugins


def _own_version() -> str:
    try:
        return importlib.metadata.version("hrdraft")
    except importlib.metadata.PackageNotFoundError:
        return "0+unknown"


_default: Plugins | None = None


def get_plugins() -> Plugins:
    """The process-wide plugins loaded from entry points (loaded on first use)."""
    global _default
    if _default is None:
        _default = load_plugins()
    return _default
