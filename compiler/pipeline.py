"""Compile drafts: the whole run from a request to files on disk.

For each requested draft: fingerprint the inputs (record revisions in scope,
the files of the core and of every plugin, templates, options) → reuse the
version made from exactly these inputs, or build the document and save it
as a new version → render HTML and PDF unless the files on disk already
come from that version.
Everything is gathered first, then written, so a failing draft leaves the
others' files intact and says which draft failed and why.
"""

from __future__ import annotations

import hashlib
import json
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from .build import BuildRequest, build_report, empty_sections, resolve
from .errors import NotFoundError
from .history.versions import (
    Version,
    find_by_fingerprint,
    list_versions,
    load_version,
    save_version,
)
from .plugins import Plugins
from .select import inputs_of
from .store import Store

if TYPE_CHECKING:  # WeasyPrint loads only when something is rendered
    from .render import Renderer

FORMATS: tuple[str, ...] = ("html", "pdf")
# Bump when the document tree's shape changes, so old versions are not reused.
DOCUMENT_SCHEMA = "1"
MANIFEST = ".hrdraft-manifest.json"


@dataclass
class DraftResult:
    """What compiling one draft did."""

    request: BuildRequest
    version: Version
    new_version: bool
    files: list[Path] = field(default_factory=list)
    rendered: list[Path] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        r = self.request
        part = f" §{r.section}" if r.section else ""
        return f"{r.report_type} {r.country} {r.year} {r.audience}{part}"


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


def code_fingerprint(plugins: Plugins) -> list[tuple[str, str]]:
    """(name, hash of its files) for the core and each plugin.

    A change to the code that selects, scrubs and builds (a safety fix among
    them) makes every draft build again, without anyone bumping a version.
    """
    out = [("compiler", _core_digest())]
    for name, plugin in sorted(plugins.pm.list_name_plugin(), key=lambda item: item[0]):
        module = plugin if hasattr(plugin, "__file__") else sys.modules.get(type(plugin).__module__)
        out.append((name, _source_digest(getattr(module, "__file__", None))))
    return out


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
    previous = inputs_of(
        store, request.country, report_type.period(request.year - 1), request.year - 1
    )
    body = {
        "schema": DOCUMENT_SCHEMA,
        "report": [report_type.name, edition.name, request.country, request.year],
        "audience": request.audience,
        "section": request.section or "",
        "options": sorted(request.options.items()),
        "inputs": inputs,
        "previous": previous,
        "plugins": sorted(plugins.versions.items()),
        "code": code_fingerprint(plugins),
        "templates": templates,
    }
    return hashlib.sha256(json.dumps(body, default=str).encode()).hexdigest()


def output_stem(out_dir: Path, request: BuildRequest) -> Path:
    """out/XA/hrr-2023-public (section drafts get the section id appended)."""
    name = f"{request.report_type}-{request.year}-{request.audience}"
    if request.section:
        name += f"-{request.section}"
    return out_dir / request.country / name


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read_manifest(folder: Path) -> dict[str, dict[str, str | int]]:
    try:
        return json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _up_to_date(path: Path, version: Version, templates: str, manifest: dict) -> bool:
    """The file on disk is exactly what this version renders to with these templates.

    Checked by content, not by version id alone: a fresh store numbers its
    versions from 1 again, and an old file must not pass for a new draft.
    """
    entry = manifest.get(path.name)
    return (
        path.is_file()
        and entry is not None
        and entry.get("document") == version.content_hash
        and entry.get("templates") == templates
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
    templates = renderer.fingerprint()
    fp = fingerprint(store, plugins, templates, request)
    version = find_by_fingerprint(store, fp)
    warnings: list[str] = []
    new_version = False
    document = None  # loaded only if something must be rendered
    if version is None:
        document, _ = build_report(store, plugins, request)
        warnings += [f"section {s} has no text" for s in empty_sections(document)]
        same = [
            v
            for v in list_versions(
                store,
                report_type=request.report_type,
                country=request.country,
                year=request.year,
                audience=request.audience,
                section=request.section or "",
            )
            if v.edition == document.edition
        ]
        latest = same[-1] if same else None
        if latest is not None and load_version(store, latest.id)[1] == document:
            version = latest  # inputs moved, text did not: no new version
        else:
            version = save_version(
                store,
                document,
                fingerprint=fp,
                section=request.section or "",
                parent_id=latest.id if latest else None,
            )
            new_version = True

    stem = output_stem(out_dir, request)
    manifest = _read_manifest(stem.parent)
    result = DraftResult(request, version, new_version, warnings=warnings)
    html: str | None = None
    for fmt in formats:
        path = stem.parent / f"{stem.name}.{fmt}"  # not with_suffix: "-1.c" is no suffix
        result.files.append(path)
        if _up_to_date(path, version, templates, manifest):
            continue
        if document is None:
            _, document = load_version(store, version.id)
        html = html if html is not None else renderer.html(document)
        data = html.encode("utf-8") if fmt == "html" else renderer.write_pdf(html)
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(path.suffix + ".part")
        tmp.write_bytes(data)
        tmp.replace(path)  # never leave a half-written draft under the real name
        manifest[path.name] = {
            "version": version.id,
            "document": version.content_hash,
            "templates": templates,
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        result.rendered.append(path)
    if result.rendered:
        (stem.parent / MANIFEST).write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    return result


def compile_drafts(
    store: Store,
    plugins: Plugins,
    renderer: Renderer,
    requests: list[BuildRequest],
    *,
    out_dir: Path,
    formats: Iterable[str] = FORMATS,
    on_done: Callable[[DraftResult], None] | None = None,
) -> list[DraftResult]:
    """Compile several drafts in order; `on_done` is called after each."""
    results = []
    for request in requests:
        result = compile_draft(
            store, plugins, renderer, request, out_dir=out_dir, formats=tuple(formats)
        )
        results.append(result)
        if on_done is not None:
            on_done(result)
    return results


def countries_in_store(store: Store) -> list[str]:
    """Every country code with at least one stored record."""
    from sqlalchemy import select

    from .store import StoredRecord

    with store.session() as session:
        return list(
            session.scalars(select(StoredRecord.country).distinct().order_by(StoredRecord.country))
        )
