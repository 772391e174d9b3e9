"""Compile drafts: the whole run from a request to files on disk.

For each requested draft: fingerprint the inputs (record revisions in scope,
the files of the core and of every plugin, templates, options) → reuse the
version made from exactly these inputs, or build the document and save it
as a new version → when a reviewer's version tops the draft, also a merged
version carrying the reviewer's edits onto it (compiler/history/carry.py),
whose drafts are then the ones written → render HTML and PDF unless the
files on disk already come from that version.
Everything is gathered first, then written, so a failing draft leaves the
others' files intact and says which draft failed and why.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .build import BuildContext, BuildRequest, build_report, empty_sections, resolve
from .countries import country_name
from .document import Report
from .errors import HrdraftError, NotFoundError
from .history.carry import Carried, carry_forward
from .history.refilter import load_for_output
from .history.versions import Version, find_by_fingerprint, save_compiled
from .jobs import DraftFailure, compile_in_processes
from .plugins import Plugins
from .safe_write import write_private
from .select import inputs_of, select_records
from .select.translations import untranslated as untranslated_ids
from .store import Store
from .words import plural

if TYPE_CHECKING:  # WeasyPrint loads only when something is rendered
    from .render import Renderer
    from .render.writers import Writer

# The draft writers compiled when no --format is given; any registered one may be asked for.
FORMATS: tuple[str, ...] = ("html", "pdf")
# Bump when the document tree's shape changes, so old versions are not reused.
DOCUMENT_SCHEMA = "1"
# Beside each draft's files, what they were rendered from (".hrr-2023-public.manifest.json"):
# one per draft, so drafts compiled side by side never write the same one.
MANIFEST = ".{stem}.manifest.json"


@dataclass
class DraftResult:
    """What compiling one draft did."""

    request: BuildRequest
    version: Version
    new_version: bool
    files: list[Path] = field(default_factory=list)
    rendered: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    # Records in scope the draft does not cite, with why (record id, reason);
    # None when the version was reused (its first compile reported them).
    unplaced: list[tuple[str, str]] | None = None
    # Records the draft prints in their original language (no translation
    # into the report's); None when the version was reused.
    untranslated: list[str] | None = None
    # A reviewer's version topped the draft: what the compile did with it
    # (`version` is then the merged one, or the reviewer's when nothing changed).
    carried: Carried | None = None

    @property
    def label(self) -> str:
        return self.request.label


def _source_digest(module_file: str | None) -> str:
    """A hash of a module's files: everything in its package, or the file itself."""
    if not module_file:
        return ""
    path = Path(module_file)
    files = [path]
    if path.name == "__init__.py":
        files = sorted(
            f
            for f in path.parent.rglob("*")
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc"
        )
    digest = hashlib.sha256()
    for f in files:
        digest.update(f.relative_to(path.parent).as_posix().encode() + b"\0")
        digest.update(f.read_bytes())
    return digest.hexdigest()


@lru_cache(maxsize=1)
def _core_digest() -> str:
    return _source_digest(str(Path(__file__).with_name("__init__.py")))


def code_fingerprint(plugins: Plugins, report_type: str) -> list[tuple[str, str]]:
    """(name, hash of its files) for the core and each plugin that can change `report_type`.

    A change to the code that selects, scrubs and builds (a safety fix among
    them) makes every draft build again, without anyone bumping a version;
    a change to the TIP plugin rebuilds TIP drafts, not HRR ones.
    """
    out = [("compiler", _core_digest())]
    for name in sorted(plugins.plugins_for(report_type)):
        plugin = plugins.pm.get_plugin(name)
        module = plugin if hasattr(plugin, "__file__") else sys.modules.get(type(plugin).__module__)
        out.append((name, _source_digest(getattr(module, "__file__", None))))
    return out


def resolve_country_name(request: BuildRequest, store: Store | None = None) -> BuildRequest:
    """The request with the country's printable name filled in, as the draft will print it.

    The store's name first (``hrdraft countries set``), then the other
    sources (``hrdraft.countries``). The name is an input like any other: it
    is part of the request, so of the fingerprint, and a renamed country
    makes a new version.
    """
    if request.country_name:
        return request
    return replace(request, country_name=country_name(request.country, store))


def fingerprint(store: Store, plugins: Plugins, templates: str, request: BuildRequest) -> str:
    """A hash of everything a draft is made from; equal hashes, equal drafts.

    `templates` is the renderer's fingerprint (templates, styles, renderer code).
    """
    report_type, edition = resolve(plugins, request)
    inputs = inputs_of(store, request.country, report_type.period(request.year), request.year)
    if not inputs:
        raise NotFoundError(
            f"no records for {request.country} in the {report_type.name} {request.year} "
            "reporting period",
            "ingest records first (`hrdraft ingest FILE`), or check --country and --year; "
            "`hrdraft records list` shows what is stored",
        )
    previous = []
    if report_type.compares_previous_year:
        previous = inputs_of(
            store, request.country, report_type.period(request.year - 1), request.year - 1
        )
    owners = plugins.plugins_for(report_type.name)
    body = {
        "schema": DOCUMENT_SCHEMA,
        "report": [report_type.name, edition.name, request.country, request.year],
        "country_name": resolve_country_name(request, store).country_name,
        "audience": request.audience,
        "section": request.section or "",
        "options": sorted(request.options.items()),
        "inputs": inputs,
        "previous": previous,
        "plugins": sorted((name, plugins.versions.get(name, "")) for name in owners),
        "code": code_fingerprint(plugins, report_type.name),
        "templates": templates,
    }
    return hashlib.sha256(json.dumps(body, default=str).encode()).hexdigest()


def build_from_store(
    store: Store, plugins: Plugins, request: BuildRequest
) -> tuple[Report, BuildContext]:
    """Load what a draft may use (once), then build it: the build itself touches no store."""
    request = resolve_country_name(request, store)
    report_type, _ = resolve(plugins, request)
    selection = select_records(
        store, request.country, report_type.period(request.year), request.year, request.audience
    )
    previous = None
    if report_type.compares_previous_year:
        year = request.year - 1
        previous = select_records(
            store, request.country, report_type.period(year), year, request.audience
        )
    return build_report(plugins, request, selection, previous)


def output_stem(out_dir: Path, request: BuildRequest) -> Path:
    """out/XA/hrr-2023-public (section drafts get the section id appended)."""
    name = f"{request.report_type}-{request.year}-{request.audience}"
    if request.section:
        name += f"-{request.section}"
    return out_dir / request.country / name


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _manifest_path(stem: Path) -> Path:
    return stem.parent / MANIFEST.format(stem=stem.name)


def _read_manifest(stem: Path) -> dict[str, dict[str, str | int]]:
    try:
        return json.loads(_manifest_path(stem).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _writer_digest(writer: Writer) -> str:
    """A hash of the code of the plugin a writer comes from: a fixed writer writes again."""
    module = sys.modules.get(getattr(writer.write, "__module__", "") or "")
    return _source_digest(getattr(module, "__file__", None))


def _up_to_date(path: Path, version: Version, made_by: dict[str, str], manifest: dict) -> bool:
    """The file on disk is exactly what this version renders to with these templates and writer.

    Checked by content, not by version id alone: a fresh store numbers its
    versions from 1 again, and an old file must not pass for a new draft.
    """
    entry = manifest.get(path.name)
    return (
        path.is_file()
        and not path.is_symlink()
        and entry is not None
        and entry.get("document") == version.content_hash
        and all(entry.get(key) == value for key, value in made_by.items())
        and entry.get("sha256") == _sha256(path)
    )


def compile_draft(
    store: Store,
    plugins: Plugins,
    renderer: Renderer,
    request: BuildRequest,
    *,
    out_dir: Path,
    formats: Iterable[str] = FORMATS,
) -> DraftResult:
    """Compile one draft: reuse or build its version, then render what is stale."""
    request = resolve_country_name(request, store)
    templates = renderer.fingerprint()
    fp = fingerprint(store, plugins, templates, request)
    version = find_by_fingerprint(store, fp)
    warnings: list[str] = []
    new_version = False
    document = None  # loaded only if something must be rendered
    unplaced: list[tuple[str, str]] | None = None
    untranslated: list[str] | None = None
    if version is None:
        document, built = build_from_store(store, plugins, request)
        warnings += [f"section {s} has no text" for s in empty_sections(document)]
        warnings += built.placement.warnings
        unplaced = list(built.unplaced)
        untranslated = untranslated_ids(built.items, (s.record for s in document.sources))
        version, new_version = save_compiled(
            store, document, fingerprint=fp, section=request.section or "", author=request.author
        )
    # A reviewer's version on top of the draft: its edits are carried onto this compile.
    carried = carry_forward(store, version, author=request.author)
    if carried is not None:
        warnings += carried.dropped
        if carried.current.id != version.id:  # "new" now says whether the merge is
            version, document, new_version = carried.current, None, carried.new

    stem = output_stem(out_dir, request)
    manifest = _read_manifest(stem)
    result = DraftResult(
        request,
        version,
        new_version,
        warnings=warnings,
        unplaced=unplaced,
        untranslated=untranslated,
    )
    result.carried = carried
    from .render.writers import WriteContext, find_writer

    # One context per draft: the PDF writer reuses the HTML the html writer made.
    context = WriteContext(renderer, version=version)
    for fmt in formats:
        writer = find_writer(plugins, "draft", fmt)
        # not with_suffix: "-1.c" is no suffix
        path = stem.parent / f"{stem.name}{writer.suffix}"
        result.files.append(path)
        made_by = {"templates": templates, "writer": _writer_digest(writer)}
        if _up_to_date(path, version, made_by, manifest):
            continue
        if document is None:
            _, document = load_for_output(store, version.id)
        data = writer.to_bytes(document, context)
        write_private(path, data)
        manifest[path.name] = {
            "version": version.id,
            "document": version.content_hash,
            **made_by,
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        result.rendered.append(path)
    if result.rendered:
        write_private(_manifest_path(stem), json.dumps(manifest, indent=1))
    return result


def compile_one(
    store: Store,
    plugins: Plugins,
    renderer: Renderer,
    request: BuildRequest,
    out_dir: Path,
    formats: tuple[str, ...],
) -> DraftResult | DraftFailure:
    """One draft; a user's error (or a broken plugin's) becomes a DraftFailure."""
    try:
        return compile_draft(store, plugins, renderer, request, out_dir=out_dir, formats=formats)
    except HrdraftError as exc:
        return DraftFailure.of(request, exc)


class DraftsFailed(HrdraftError):
    """Some drafts of a run failed; the others were compiled and written.

    ``results`` are the drafts that were compiled, ``failures`` the ones that
    were not, each in the order they were asked for.
    """

    def __init__(self, results: list[DraftResult], failures: list[DraftFailure]) -> None:
        many = len(failures) + len(results)
        lines = [f"{f.label}: {f.message}" + (f" ({f.hint})" if f.hint else "") for f in failures]
        super().__init__(
            f"{len(failures)} of {plural(many, 'draft')} failed:\n  " + "\n  ".join(lines),
        )
        self.results = results
        self.failures = failures
        # A broken plugin (3) outranks a user's input error (2).
        self.exit_code = max(f.exit_code for f in failures)


def compile_drafts(
    store: Store,
    plugins: Plugins,
    renderer: Renderer,
    requests: list[BuildRequest],
    *,
    out_dir: Path,
    formats: Iterable[str] = FORMATS,
    jobs: int = 1,
    on_done: Callable[[DraftResult | DraftFailure], None] | None = None,
) -> list[DraftResult]:
    """Compile several drafts, in `jobs` processes; `on_done` is called after each.

    Every draft is attempted: one that fails (a user's error, a broken
    plugin) does not stop the others. The compiled drafts are returned in
    request order; if any failed, :class:`DraftsFailed` is raised after all
    were attempted, carrying both lists.
    """
    formats = tuple(formats)
    if jobs > 1 and len(requests) > 1:
        outcomes = compile_in_processes(
            store,
            plugins,
            renderer,
            requests,
            out_dir=out_dir,
            formats=formats,
            jobs=jobs,
            on_done=on_done,
        )
    else:
        outcomes = []
        for request in requests:
            outcome = compile_one(store, plugins, renderer, request, out_dir, formats)
            outcomes.append(outcome)
            if on_done is not None:
                on_done(outcome)
    results = [o for o in outcomes if isinstance(o, DraftResult)]
    failures = [o for o in outcomes if isinstance(o, DraftFailure)]
    if failures:
        raise DraftsFailed(results, failures)
    return results


def countries_in_store(store: Store) -> list[str]:
    """Every country code with at least one stored record."""
    from .store import records

    return records.countries_in_store(store)
