"""Compiling drafts in parallel processes, one draft at a time per process.

A build is a pure function of its request and its selection, and hrdraft
keeps no state outside the store, so drafts compile side by side in separate
processes, each with its own database connection, plugins and renderer. The
processes are started fresh (``spawn``), never forked from a parent holding
open connections. Results come back in the order the drafts were asked for,
whatever order they finish in.
"""

from __future__ import annotations

import importlib
import importlib.metadata
import multiprocessing
import os
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from .errors import HrdraftError

if TYPE_CHECKING:
    from .build import BuildRequest
    from .pipeline import DraftResult
    from .plugins import Plugins
    from .render import Renderer
    from .store import Store


def default_jobs() -> int:
    """One process per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@dataclass(frozen=True)
class DraftFailure:
    """One draft that could not be compiled, with the user's error as text.

    Carried as plain fields: an exception object does not always survive the
    trip between processes.
    """

    request: BuildRequest
    message: str
    hint: str
    exit_code: int

    @property
    def label(self) -> str:
        return self.request.label

    @classmethod
    def of(cls, request: BuildRequest, exc: HrdraftError) -> DraftFailure:
        return cls(request, exc.message, exc.hint or "", exc.exit_code)


@dataclass(frozen=True)
class WorkerSetup:
    """What a worker process needs to open the same store, plugins and renderer."""

    db_url: str
    plugins: dict[str, Any]
    template_dir: Path | None
    page_size: str


_state: tuple[Store, Plugins, Renderer] | None = None


def _load_arguments(plugins: Plugins) -> dict[str, Any]:
    """How a new process loads the same plugins: entry points, blocked names, extra modules."""
    from .plugins import DEFAULT_PLUGINS, ENTRY_POINT_GROUP

    found = {ep.name for ep in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)}
    registered = dict(plugins.pm.list_name_plugin())
    broken = {b.name for b in plugins.broken}
    extra = []
    for name, plugin in registered.items():
        if not name or name in found or name in DEFAULT_PLUGINS or name.startswith("_"):
            continue
        if not isinstance(plugin, ModuleType):
            raise HrdraftError(
                f"plugin {name!r} is an object, not a module, so another process cannot load it",
                "compile with --jobs 1",
            )
        extra.append(plugin.__name__)
    return {
        "entry_points": bool(found & registered.keys()) or not found,
        "block": tuple(sorted(found - registered.keys() - broken)),
        "extra": tuple(extra),
    }


def _start_worker(setup: WorkerSetup) -> None:
    global _state
    from .plugins import load_plugins
    from .render import Renderer
    from .store import open_store

    store = open_store(setup.db_url, upgrade=False)  # the parent brought the schema up to date
    arguments = dict(setup.plugins)
    extra = tuple(importlib.import_module(name) for name in arguments.pop("extra"))
    plugins = load_plugins(**arguments, extra=extra)
    renderer = Renderer(
        plugins.template_dirs, user_dir=setup.template_dir, page_size=setup.page_size
    )
    _state = (store, plugins, renderer)


def _compile_in_worker(
    request: BuildRequest, out_dir: Path, formats: tuple[str, ...]
) -> DraftResult | DraftFailure:
    from .pipeline import compile_one

    assert _state is not None, "worker not started"
    return compile_one(*_state, request, out_dir, formats)


def compile_in_processes(
    store: Store,
    plugins: Plugins,
    renderer: Renderer,
    requests: list[BuildRequest],
    *,
    out_dir: Path,
    formats: tuple[str, ...],
    jobs: int,
    on_done: Callable[[DraftResult | DraftFailure], None] | None = None,
) -> list[DraftResult | DraftFailure]:
    """Compile `requests` in up to `jobs` processes; outcomes in request order."""
    setup = WorkerSetup(
        db_url=store.connect_url,
        plugins=_load_arguments(plugins),
        template_dir=renderer.user_dir,
        page_size=renderer.page_size,
    )
    outcomes: list[DraftResult | DraftFailure | None] = [None] * len(requests)
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(requests)),
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
        initargs=(setup,),
    ) as pool:
        futures: dict[Future[DraftResult | DraftFailure], int] = {
            pool.submit(_compile_in_worker, request, out_dir, formats): index
            for index, request in enumerate(requests)
        }
        for future in as_completed(futures):
            outcome = future.result()  # our own bug in a worker re-raises here, traceback and all
            outcomes[futures[future]] = outcome
            if on_done is not None:
                on_done(outcome)
    return [o for o in outcomes if o is not None]
