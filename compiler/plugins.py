"""Finding, loading and asking the plugins.

Plugins (the built-in HRR, TIP and IRF among them) are found through the
``hrdraft`` entry-point group. A plugin that fails to import, whose hook has
a wrong signature, or that implements a hook that does not exist (a misspelt
name, found by pluggy's ``check_pending``) is recorded with its reason and
unregistered completely, so none of its hooks ever runs and commands that do
not need it keep working. The core's own readers and vocabulary are
registered as ordinary plugins too.

Every hook is called through pluggy, so wrappers, tracing and monitoring see
every call. Where the core must know which plugin answered (who registered a
report type, a category), or must ask one plugin only (the owner of a report
type), it calls through :meth:`Plugins.caller_for`: pluggy's subset caller
with that plugin's implementation and every plugin's wrappers.
"""

from __future__ import annotations

import difflib
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
    from .outline import ReportExtension, ReportType
    from .render.writers import Writer

ENTRY_POINT_GROUP = "hrdraft"

hookimpl = pluggy.HookimplMarker(hookspecs.PROJECT)

# The core's own behaviour, made of ordinary plugins.
DEFAULT_PLUGINS: tuple[str, ...] = (
    "hrdraft.vocabulary",
    "hrdraft.ingest.readers",
    "hrdraft.render.writers",
    "hrdraft.history.writers",
)


@dataclass(frozen=True)
class BrokenPlugin:
    name: str
    reason: str


@dataclass(frozen=True)
class PluginInfo:
    name: str
    version: str
    report_types: tuple[ReportType, ...]


def _is_wrapper(impl: pluggy.HookImpl) -> bool:
    return bool(impl.wrapper or impl.hookwrapper)


@dataclass
class Plugins:
    """The loaded plugins and what they registered, merged and checked."""

    pm: pluggy.PluginManager
    broken: list[BrokenPlugin] = field(default_factory=list)
    versions: dict[str, str] = field(default_factory=dict)
    _checked_extensions: dict[str, list[tuple[str, ReportExtension]]] = field(
        default_factory=dict, repr=False
    )

    @property
    def hook(self) -> Any:
        return self.pm.hook

    # -- asking plugins -----------------------------------------------------

    def implementers(self, hook_name: str) -> list[str]:
        """Plugins with an implementation (not a wrapper) of `hook_name`, in pluggy's call order."""
        caller = getattr(self.pm.hook, hook_name, None)
        if caller is None:
            return []
        impls = reversed(caller.get_hookimpls())  # get_hookimpls is the reverse of call order
        return list(dict.fromkeys(i.plugin_name for i in impls if not _is_wrapper(i)))

    def caller_for(self, hook_name: str, plugin_name: str) -> Any:
        """`hook_name` as pluggy calls it with only `plugin_name`'s implementation.

        Every plugin's wrappers (``wrapper=True``, ``hookwrapper=True``) stay
        in, and the call goes through pluggy, so tracing and monitoring see
        it. (pluggy removes whole plugins: a plugin that both wraps and
        implements one hook, through ``specname``, is removed with its wrapper.)
        """
        keep = self.pm.get_plugin(plugin_name)
        caller = getattr(self.pm.hook, hook_name)
        others = {
            i.plugin for i in caller.get_hookimpls() if not _is_wrapper(i) and i.plugin is not keep
        }
        return self.pm.subset_hook_caller(hook_name, remove_plugins=others)

    def _collect(self, hook_name: str) -> list[tuple[str, Any]]:
        """(plugin name, item) for every item every plugin returned, one call per plugin."""
        out: list[tuple[str, Any]] = []
        for name in self.implementers(hook_name):
            try:
                items = self.caller_for(hook_name, name)()
            except Exception as exc:  # a plugin's bug, not ours: name it
                raise PluginError(f"plugin {name!r} failed in {hook_name}: {exc!r}") from exc
            # Not firstresult: one list per implementation called (ours only).
            out.extend((name, item) for result in items for item in result or [])
        return out

    # -- what the plugins registered -----------------------------------------

    @cached_property
    def _report_types(self) -> tuple[dict[str, ReportType], dict[str, str]]:
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
        return found, owner

    @property
    def report_types(self) -> dict[str, ReportType]:
        return self._report_types[0]

    def owner_of(self, report_type: str) -> str:
        """The name of the plugin that registered `report_type`: it classifies and builds it."""
        self.report_type(report_type)  # a clear error for an unknown name
        return self._report_types[1][report_type]

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
    def _categories(self) -> tuple[Vocabulary, dict[str, str]]:
        merged: dict[str, Category] = {}
        owner: dict[str, str] = {}
        for plugin, category in self._collect("hrdraft_register_categories"):
            if category.id in merged:
                raise PluginError(
                    f"plugin {plugin!r} registers category {category.id!r}, which already exists",
                    "use a new prefix for a plugin's own categories",
                )
            merged[category.id] = category
            owner[category.id] = plugin
        return Vocabulary(list(merged.values())), owner

    @property
    def vocabulary(self) -> Vocabulary:
        return self._categories[0]

    @cached_property
    def _declared_extensions(self) -> list[tuple[str, ReportExtension]]:
        return self._collect("hrdraft_extend_report_types")

    def extensions_of(self, report_type: str) -> list[tuple[str, ReportExtension]]:
        """(plugin, what it adds) to `report_type`, plugins in name order, each checked.

        Checked per report type, so a mistake in an extension of one report
        type fails that type's drafts only. An extension of a report type
        that is not installed is never asked about, so blocking the owner
        does not break the plugin that extends it.
        """
        if report_type not in self._checked_extensions:
            self.report_type(report_type)  # a clear error for an unknown name
            found = [(p, e) for p, e in self._declared_extensions if e.report_type == report_type]
            for plugin, ext in found:
                self._check_extension(plugin, ext)
            self._checked_extensions[report_type] = sorted(found, key=lambda pair: pair[0])
        return self._checked_extensions[report_type]

    def _check_extension(self, plugin: str, ext: ReportExtension) -> None:
        rt = self.report_types[ext.report_type]
        where = f"plugin {plugin!r} extends {rt.name!r}"
        if self.owner_of(rt.name) == plugin:
            raise PluginError(
                f"{where}, which it owns", "place its records in hrdraft_classify_record instead"
            )
        category_owner = self._categories[1]
        for edition_name, by_category in ext.placements.items():
            edition = rt.edition(edition_name)
            if edition is None:
                raise PluginError(
                    f"{where}: it has no edition {edition_name!r}",
                    choices([e.name for e in rt.editions]),
                )
            ids = edition.section_ids()
            for category, sections in by_category.items():
                if category_owner.get(category) != plugin:
                    raise PluginError(
                        f"{where}: it places category {category!r}, which it does not register",
                        "place only categories of the plugin's own (hrdraft_register_categories)",
                    )
                stray = [s for s in sections if s not in ids]
                if stray:
                    raise PluginError(
                        f"{where}: edition {edition_name} has no section {stray[0]!r}",
                        choices(ids),
                    )
        if ext.transforms and plugin not in self.implementers("hrdraft_transform_document"):
            raise PluginError(
                f"{where} with transforms=True but does not implement hrdraft_transform_document"
            )

    def contributors(self, report_type: str) -> list[str]:
        """Plugins that add placements or a transform to `report_type`, in name order."""
        exts = self.extensions_of(report_type)
        return list(dict.fromkeys(p for p, e in exts if e.transforms or e.placements))

    def plugins_for(self, report_type: str) -> list[str]:
        """Every plugin that can change a `report_type` draft: the owner, then contributors."""
        return [self.owner_of(report_type), *self.contributors(report_type)]

    def contributed_placements(self, report_type: str, edition: str) -> dict[str, tuple[str, ...]]:
        """Category → section ids the contributors place records of it in, merged."""
        merged: dict[str, dict[str, None]] = {}
        for _, ext in self.extensions_of(report_type):
            for category, sections in ext.placements.get(edition, {}).items():
                merged.setdefault(category, {}).update(dict.fromkeys(sections))
        return {category: tuple(sections) for category, sections in merged.items()}

    def transform_chain(self, report_type: str) -> list[str]:
        """Whose `hrdraft_transform_document` a draft goes through: the owner, then contributors
        that declared ``transforms=True``, in name order."""
        owner = self.owner_of(report_type)
        chain = [owner] if owner in self.implementers("hrdraft_transform_document") else []
        exts = self.extensions_of(report_type)
        return chain + list(dict.fromkeys(p for p, e in exts if e.transforms))

    @cached_property
    def validation_context(self) -> dict[str, Any]:
        """What record validation checks against: categories, figure names, section ids
        (and the report types, whose editions a target's suggestions come from)."""
        return {
            "vocabulary": self.vocabulary,
            "figures": FigureNames(
                [name for rt in self.report_types.values() for name in rt.figures]
            ),
            "section_targets": {
                rt.name: {sid for edition in rt.editions for sid in edition.section_ids()}
                for rt in self.report_types.values()
            },
            "report_types": self.report_types,
        }

    @cached_property
    def readers(self) -> dict[str, Reader]:
        return {reader.name: reader for _, reader in self._collect("hrdraft_register_readers")}

    @cached_property
    def template_dirs(self) -> list[Path]:
        return [Path(d) for _, d in self._collect("hrdraft_template_dirs")]

    @cached_property
    def writers(self) -> dict[tuple[str, str], Writer]:
        """(kind, name) → output format, from every plugin's ``hrdraft_register_writers``.

        A name is unique per kind ("draft", "diff"); a second writer of the
        same kind and name is an error naming both plugins.
        """
        found: dict[tuple[str, str], Writer] = {}
        owner: dict[tuple[str, str], str] = {}
        for plugin, writer in self._collect("hrdraft_register_writers"):
            key = (writer.kind, writer.name)
            if key in found:
                raise PluginError(
                    f"{writer.kind} format {writer.name!r} is registered by both "
                    f"{owner[key]!r} and {plugin!r}",
                    "uninstall or block one of them (HRDRAFT_BLOCK_PLUGINS=name)",
                )
            found[key] = writer
            owner[key] = plugin
        # The core's formats first, in the order its plugins declare them,
        # then each other plugin's, by plugin name: what --help and errors list.
        core = {name: index for index, name in enumerate(DEFAULT_PLUGINS)}
        order = {key: n for n, key in enumerate(found)}
        ranked = sorted(found, key=lambda k: (core.get(owner[k], len(core)), owner[k], order[k]))
        return {key: found[key] for key in ranked}

    def describe(self) -> list[PluginInfo]:
        by_plugin: dict[str, list[ReportType]] = {}
        for rt in self.report_types.values():
            by_plugin.setdefault(self.owner_of(rt.name), []).append(rt)
        return [
            PluginInfo(name, self.versions.get(name, ""), tuple(by_plugin.get(name, [])))
            for name, _ in sorted(self.pm.list_name_plugin())
            if name and not name.startswith("_")
        ]


# -------------------------------------------------------------------------
# Loading
# -------------------------------------------------------------------------


def _register(pm: pluggy.PluginManager, plugin: ModuleType | object, name: str) -> None:
    try:
        hash(plugin)
    except TypeError:
        # pluggy's subset callers keep plugins in a set: one unhashable plugin
        # would break every owner-dispatched call, so refuse it here.
        raise pluggy.PluginValidationError(
            plugin, f"plugin {name!r} is an unhashable object; register a module or class"
        ) from None
    try:
        pm.register(plugin, name=name)
    except pluggy.PluginValidationError:
        # pluggy before 1.7 left a plugin that failed validation registered
        # with the hooks it had checked so far; 1.7 still does in one corner
        # (historic hooks). Whatever is left of it must never run.
        if pm.get_plugin(name) is plugin:
            pm.unregister(plugin=plugin, name=name)
        raise


def _unknown_hooks(pm: pluggy.PluginManager, plugin: object) -> list[str]:
    """Hook names `plugin` implements that no hookspec declares (and not optional)."""
    return sorted(
        name
        for name, caller in vars(pm.hook).items()
        if isinstance(caller, pluggy.HookCaller)
        and not caller.has_spec()
        and any(i.plugin is plugin and not i.optionalhook for i in caller.get_hookimpls())
    )


def _drop_plugins_with_unknown_hooks(plugins: Plugins) -> None:
    """pluggy's check_pending, until it passes: each plugin it names is broken, and removed."""
    pm = plugins.pm
    known = [
        n for n, c in vars(pm.hook).items() if isinstance(c, pluggy.HookCaller) and c.has_spec()
    ]
    while True:
        try:
            pm.check_pending()
            return
        except pluggy.PluginValidationError as exc:
            name = pm.get_name(exc.plugin) or repr(exc.plugin)
            reasons = []
            for hook in _unknown_hooks(pm, exc.plugin) or ["?"]:
                close = difflib.get_close_matches(hook, known, n=1)
                reasons.append(
                    f"unknown hook {hook!r}" + (f" (did you mean {close[0]!r}?)" if close else "")
                )
            pm.unregister(plugin=exc.plugin)
            plugins.versions.pop(name, None)
            plugins.broken.append(
                BrokenPlugin(name, "PluginValidationError: " + "; ".join(reasons))
            )


def load_plugins(
    *,
    entry_points: bool = True,
    extra: tuple[ModuleType | object, ...] = (),
    block: tuple[str, ...] = (),
) -> Plugins:
    """Build the plugin manager: defaults, entry points, then `extra` plugins.

    `block` names plugins not to load (also from ``HRDRAFT_BLOCK_PLUGINS``,
    comma-separated). Failures are collected in `Plugins.broken`, never
    raised, and a plugin listed there is not registered at all.
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
        try:
            _register(pm, plugin, name)
        except pluggy.PluginValidationError as exc:
            plugins.broken.append(BrokenPlugin(name, f"{type(exc).__name__}: {exc}"))
            continue
        plugins.versions.setdefault(name, "")
    _drop_plugins_with_unknown_hooks(plugins)
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
