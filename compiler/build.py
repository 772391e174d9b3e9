"""Build one draft: select → classify → build sections → transform.

`build_report` is the whole stage in one readable function. It returns the
report document and the warnings a drafter should see; it writes nothing.
Every plugin failure is re-raised as a :class:`PluginError` that names the
report type, the section and the hook.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from .countries import country_name
from .document import Audience, Report, Section, SourceEntry
from .errors import HrdraftError, NotFoundError, PluginError, choices
from .outline import Edition, ReportType, SectionSpec
from .plugins import Plugins
from .select import SelectedRecord, Selection, select_records
from .store import Store


@dataclass
class BuildContext:
    """Everything a plugin's build hooks may know about the draft being built."""

    report_type: ReportType
    edition: Edition
    country: str
    country_name: str
    year: int
    period: tuple[date, date]
    audience: Audience
    options: dict[str, str]
    selection: Selection
    _store: Store | None = field(default=None, repr=False)

    @property
    def items(self) -> list[SelectedRecord]:
        """Every record this draft may use, safe for its audience, in event order."""
        return self.selection.items

    @cached_property
    def previous_items(self) -> list[SelectedRecord]:
        """The same selection for the previous reporting year's period.

        For reports that compare a year with the one before (TIP's figures).
        """
        if self._store is None:
            return []
        period = self.report_type.period(self.year - 1)
        return select_records(self._store, self.country, period, self.year - 1, self.audience).items

    @property
    def period_label(self) -> str:
        start, end = self.period
        return f"{start:%-d %B %Y} – {end:%-d %B %Y}"


@dataclass
class BuildRequest:
    report_type: str
    country: str
    year: int
    audience: Audience = "public"
    edition: str | None = None
    section: str | None = None
    options: dict[str, str] = field(default_factory=dict)


def resolve(plugins: Plugins, request: BuildRequest) -> tuple[ReportType, Edition]:
    """The report type and edition a request names, or a clear error."""
    report_type = plugins.report_type(request.report_type)
    if request.edition:
        edition = report_type.edition(request.edition)
        if edition is None:
            raise NotFoundError(
                f"{report_type.name} has no edition {request.edition!r}",
                choices([e.name for e in report_type.editions]),
            )
    else:
        edition = report_type.edition_for(request.year)
        if edition is None:
            raise NotFoundError(
                f"no {report_type.name} edition applies to {request.year}",
                "pass --edition; "
                + choices([f"{e.name} ({e.years})" for e in report_type.editions]),
            )
    if request.section and edition.find(request.section) is None:
        raise NotFoundError(
            f"section {request.section!r} is not in {report_type.name} edition {edition.name}",
            choices(edition.section_ids()),
        )
    unknown = sorted(set(request.options) - set(report_type.options))
    if unknown:
        raise NotFoundError(
            f"{report_type.name} has no option {unknown[0]!r}",
            choices(sorted(report_type.options)),
        )
    return report_type, edition


def _call(hook_name: str, where: str, fn: Any, **kwargs: Any) -> Any:
    try:
        return fn(**kwargs)
    except HrdraftError:
        raise  # a plugin's own clear message about the user's input (e.g. a bad option)
    except Exception as exc:
        raise PluginError(f"{hook_name} failed for {where}: {type(exc).__name__}: {exc}") from exc


def classify(plugins: Plugins, context: BuildContext) -> dict[str, list[SelectedRecord]]:
    """Section id → records, explicit `sections` targets first, then the plugins."""
    ids = set(context.edition.section_ids())
    prefix = context.report_type.name + ":"
    placed: dict[str, list[SelectedRecord]] = defaultdict(list)
    for item in context.items:
        explicit = [t[len(prefix) :] for t in item.record.sections if t.startswith(prefix)]
        targets = [t for t in explicit if t in ids]
        if not targets:
            targets = _call(
                "hrdraft_classify_record",
                f"record {item.id}",
                plugins.hook.hrdraft_classify_record,
                context=context,
                item=item,
            )
            if targets is None:
                raise PluginError(f"no plugin classifies records for {context.report_type.name!r}")
            stray = [t for t in targets if t not in ids]
            if stray:
                raise PluginError(
                    f"the {context.report_type.name} plugin put record {item.id} in "
                    f"section {stray[0]!r}, which edition {context.edition.name} lacks"
                )
        for target in dict.fromkeys(targets):
            placed[target].append(item)
    return placed


def _build_sections(
    plugins: Plugins,
    context: BuildContext,
    specs: tuple[SectionSpec, ...],
    placed: dict[str, list[SelectedRecord]],
) -> tuple[Section, ...]:
    sections = []
    for spec in specs:
        blocks = _call(
            "hrdraft_build_section",
            f"{context.report_type.name} section {spec.id}",
            plugins.hook.hrdraft_build_section,
            context=context,
            spec=spec,
            items=placed.get(spec.id, []),
        )
        if blocks is None:
            raise PluginError(f"no plugin builds sections for {context.report_type.name!r}")
        children = _build_sections(plugins, context, spec.children, placed)
        sections.append(
            Section(
                id=spec.id,
                number=spec.number,
                title=spec.title,
                blocks=tuple(blocks),
                children=children,
            )
        )
    return tuple(sections)


def _transform(plugins: Plugins, context: BuildContext, document: Report) -> Report:
    # A chain, not a broadcast: each transform sees the previous one's result.
    for impl in reversed(plugins.hook.hrdraft_transform_document.get_hookimpls()):
        result = _call(
            "hrdraft_transform_document",
            f"plugin {impl.plugin_name}",
            impl.function,
            context=context,
            document=document,
        )
        if result is not None:
            document = result
    return document


def _sources(
    document: Report, items: list[SelectedRecord], context: BuildContext | None = None
) -> tuple[SourceEntry, ...]:
    by_id = {item.id: item for item in items}
    cited: dict[str, None] = {}
    for section in document.walk():
        for block in section.blocks:
            cites = getattr(block, "cites", ()) or ()
            for row in getattr(block, "row_cites", ()) or ():
                cites = (*cites, *row)
            for cite in cites:
                if cite.record not in by_id and context is not None:
                    # Year-on-year figures (TIP) cite the previous period's
                    # records, selected for the same audience; looked up only
                    # when a draft cites one.
                    for item in context.previous_items:
                        by_id.setdefault(item.id, item)
                if cite.record not in by_id:
                    raise PluginError(
                        f"section {section.id} cites record {cite.record!r}, "
                        "which this draft may not use"
                    )
                cited[cite.record] = None
    entries = []
    for record_id in sorted(cited, key=lambda r: by_id[r].sort_key):
        item = by_id[record_id]
        record = item.record
        entries.append(
            SourceEntry(
                record=record.id,
                revision=item.revision,
                source=record.source.name,
                kind=record.source.kind,
                citation=record.citation.text if record.citation else record.title,
                url=record.citation.url if record.citation else None,
            )
        )
    return tuple(entries)


def empty_sections(document: Report) -> list[str]:
    """Ids of headings with nothing under them (a plugin bug: never silently empty)."""
    return [s.id for s in document.walk() if not s.blocks and not s.children]


def build_report(
    store: Store, plugins: Plugins, request: BuildRequest
) -> tuple[Report, BuildContext]:
    """Build the report document a request asks for."""
    report_type, edition = resolve(plugins, request)
    period = report_type.period(request.year)
    selection = select_records(store, request.country, period, request.year, request.audience)
    context = BuildContext(
        report_type=report_type,
        edition=edition,
        country=request.country,
        country_name=country_name(request.country),
        year=request.year,
        period=period,
        audience=request.audience,
        options=dict(request.options),
        selection=selection,
        _store=store,
    )
    placed = classify(plugins, context)
    outline = edition.outline
    if request.section:
        outline = (edition.find(request.section),)  # type: ignore[assignment]
    sections = _build_sections(plugins, context, outline, placed)  # type: ignore[arg-type]
    metadata: dict[str, int | str] = {"records in scope for this audience": len(selection.items)}
    for reason, count in sorted(selection.excluded.items()):
        metadata[f"records left out: {reason}"] = count
    if selection.persons_unnamed:
        metadata["persons described, not named (no consent)"] = selection.persons_unnamed
    if selection.persons_removed:
        metadata["persons left out (consent withheld)"] = selection.persons_removed
    document = Report(
        report_type=report_type.name,
        report_title=report_type.title,
        edition=edition.name,
        country=request.country,
        country_name=context.country_name,
        year=request.year,
        period=context.period_label,
        audience=request.audience,
        title=f"{context.country_name} {request.year} {report_type.title}",
        sections=sections,
        metadata=metadata,
    )
    document = _transform(plugins, context, document)
    sources = _sources(document, selection.items, context)
    metadata = {"records cited": len(sources), **document.metadata}
    document = document.model_copy(update={"sources": sources, "metadata": metadata})
    return document, context
