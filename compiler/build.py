"""Build one draft: classify → build sections → transform, as a pure function.

`build_report` is the whole stage in one readable function. It takes the
request and the records already selected for it (the pipeline loads them
from the store), and returns the report document and the context it was
built with; it reads no store and writes nothing, so drafts can be built in
parallel processes. Hooks about a report type are asked of its owner only
(the plugin that registered it); what other plugins declared they add
(``hrdraft_extend_report_types``) is merged in; every call goes through
pluggy. Every plugin failure is re-raised as a :class:`PluginError` that
names the report type, the section and the hook.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from .countries import country_name
from .document import Audience, Cite, Report, Section, SourceEntry, Table
from .errors import HrdraftError, NotFoundError, PluginError, choices
from .outline import Edition, ReportType, SectionSpec, missing_target_message
from .plugins import Plugins
from .records import Record, Source, parse_target
from .select import SelectedRecord, Selection


@dataclass(frozen=True)
class Placement:
    """Where the classify step put each record of a draft.

    The record's explicit ``sections`` targets, or else the owner's answer,
    merged with what contributing plugins place: exactly what the sections
    were built from. Later stages read it rather than classify again.
    `by_record` has every selected record's id (an empty tuple: left out of
    this report); `by_section` the records of each section id, in event order.
    Covers the whole edition, also in a draft of one section.
    """

    by_record: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    by_section: Mapping[str, tuple[SelectedRecord, ...]] = field(default_factory=dict)
    # Explicit targets not applied (another edition's, or a heading this one
    # lacks), one sentence each for the compile summary: never silently.
    warnings: tuple[str, ...] = ()
    # Section ids where records in scope this audience may not use would go,
    # judged by their categories and targets only: such a heading must not
    # say "There were no reports of ..." (see withheld_sections).
    withheld: frozenset[str] = frozenset()

    def sections(self, record_id: str) -> tuple[str, ...]:
        """The section ids a record was placed in (none: not in this report)."""
        return self.by_record.get(record_id, ())

    def records(self, section_id: str) -> tuple[SelectedRecord, ...]:
        """The records placed in exactly this section, in event order."""
        return self.by_section.get(section_id, ())

    def under(self, spec: SectionSpec) -> tuple[SelectedRecord, ...]:
        """The records placed in `spec` or any heading below it, each once, in event order."""
        found = {item.id: item for s in spec.walk() for item in self.records(s.id)}
        return tuple(sorted(found.values(), key=lambda item: item.sort_key))


@dataclass(frozen=True)
class BuildContext:
    """Everything a plugin's build hooks may know about the draft being built.

    Built from the request and its selections only (no store handle): a
    build is a function of what it is given. `placement` is filled once
    classification is done, so it is empty while ``hrdraft_classify_record``
    runs and complete for ``hrdraft_build_section`` and
    ``hrdraft_transform_document``.
    """

    report_type: ReportType
    edition: Edition
    country: str
    country_name: str
    year: int
    period: tuple[date, date]
    audience: Audience
    options: Mapping[str, str]
    selection: Selection
    previous: Selection | None = None
    placement: Placement = field(default_factory=Placement)
    # Filled once the document is built: every record in scope the draft does
    # not cite, with the reason (record id, reason), in event order.
    unplaced: tuple[tuple[str, str], ...] = ()

    @property
    def items(self) -> list[SelectedRecord]:
        """Every record this draft may use, safe for its audience, in event order."""
        return self.selection.items

    @property
    def previous_items(self) -> list[SelectedRecord]:
        """The same selection for the previous reporting year's period (empty if not given).

        For reports that compare a year with the one before (TIP's figures).
        """
        return self.previous.items if self.previous is not None else []

    @property
    def period_label(self) -> str:
        start, end = self.period
        return f"{start:%-d %B %Y} – {end:%-d %B %Y}"


@dataclass
class BuildRequest:
    """What to build. `country_name` overrides the name looked up from the code."""

    report_type: str
    country: str
    year: int
    audience: Audience = "public"
    edition: str | None = None
    section: str | None = None
    options: dict[str, str] = field(default_factory=dict)
    country_name: str = ""
    # Who asked (``compile --author``): recorded on the version saved, never built from.
    author: str = ""

    @property
    def label(self) -> str:
        """How messages name the draft: "hrr XA 2023 public §1.c"."""
        part = f" §{self.section}" if self.section else ""
        return f"{self.report_type} {self.country} {self.year} {self.audience}{part}"


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


def _no_answer(plugins: Plugins, hook_name: str, report_type: str, what: str) -> PluginError:
    """The error for an owner that gave no answer: it lacks the hook, or returned None."""
    owner = plugins.owner_of(report_type)
    if owner not in plugins.implementers(hook_name):
        return PluginError(
            f"plugin {owner!r} registers report type {report_type!r} but has no {hook_name}"
        )
    return PluginError(
        f"plugin {owner!r} returned None from {hook_name} for {report_type} {what}",
        "only the owner of a report type is asked: return [] for nothing, never None",
    )


def _explicit_targets(
    context: BuildContext, item: SelectedRecord, ids: set[str]
) -> tuple[list[str], list[str]]:
    """The record's targets that apply to this draft's edition, and warnings for the others.

    ``hrr@2023:1.c`` names its edition; ``hrr:1.c`` means the edition of the
    record's own year. A section id can mean different things in different
    editions (1.c is torture up to 2023, war crimes from 2024), so a target
    meant for another edition is never applied here, only reported.
    """
    report_type = context.report_type
    edition = context.edition.name
    applied: list[str] = []
    warnings: list[str] = []
    for target in item.record.sections:
        report, meant, section = parse_target(target)
        if report != report_type.name:
            continue
        if meant is None:
            own = report_type.edition_for(item.record.year)
            meant = own.name if own is not None else None
        if meant == edition and section in ids:
            applied.append(section)
        elif meant == edition or meant is None or report_type.edition(meant) is None:
            # In the edition's terms, as ingest warned: "record X: 'hrr:1.d' is
            # not in the 2024 edition's outline of hrr; placed by ...; 1.d is
            # 'Arbitrary Arrest or Detention' in the 2023 edition: write ...".
            placed = f"placed by its categories in this {edition} draft"
            message = missing_target_message(report_type, target, item.record.year, placed)
            warnings.append(f"record {item.id}: {message}")
        else:
            warnings.append(
                f"record {item.id} targets {report}:{section} of edition {meant}; "
                f"placed by its categories in this {edition} draft"
            )
    return applied, warnings


def classify(plugins: Plugins, context: BuildContext) -> Placement:
    """Where each record goes: explicit `sections` targets meant for this edition, else
    the owner's answer, merged with the sections contributing plugins place the
    record's categories in."""
    report_type = context.report_type.name
    ids = set(context.edition.section_ids())
    owner = plugins.owner_of(report_type)
    ask_owner = plugins.caller_for("hrdraft_classify_record", owner)
    contributed = plugins.contributed_placements(report_type, context.edition.name)
    by_record: dict[str, tuple[str, ...]] = {}
    by_section: dict[str, list[SelectedRecord]] = defaultdict(list)
    warnings: list[str] = []
    for item in context.items:
        targets, not_applied = _explicit_targets(context, item, ids)
        if targets:
            # Applied targets win; the others are only worth a note.
            not_applied = [
                w.replace("placed by its categories", "not applied") for w in not_applied
            ]
        warnings += not_applied
        if not targets:
            answer = _call(
                "hrdraft_classify_record",
                f"{report_type} record {item.id}",
                ask_owner,
                context=context,
                item=item,
            )
            if answer is None:
                raise _no_answer(
                    plugins, "hrdraft_classify_record", report_type, f"record {item.id}"
                )
            answer = list(answer)
            stray = [t for t in answer if t not in ids]
            if stray:
                raise PluginError(
                    f"the {report_type} plugin put record {item.id} in "
                    f"section {stray[0]!r}, which edition {context.edition.name} lacks"
                )
            # Contributions are checked against the edition when loaded.
            targets = [
                *answer,
                *(s for c in item.record.categories for s in contributed.get(c, ())),
            ]
        by_record[item.id] = tuple(dict.fromkeys(targets))
        for target in by_record[item.id]:
            by_section[target].append(item)
    return Placement(
        by_record, {sid: tuple(items) for sid, items in by_section.items()}, tuple(warnings)
    )


def withheld_sections(plugins: Plugins, context: BuildContext) -> frozenset[str]:
    """The section ids where the records this audience may not use would be placed.

    Each is classified like any record, but from a stand-in that carries only
    its categories and explicit targets (no id, text, source, date or person),
    so no plugin ever sees a hidden record's content.
    """
    if not context.selection.withheld:
        return frozenset()
    stand_ins = [
        SelectedRecord(
            Record.model_construct(
                id=f"withheld-{n}",
                country=context.country,
                year=context.year,
                event_date=None,
                title="(withheld)",
                summary="(withheld)",
                language="en",
                categories=list(w.categories),
                sections=list(w.sections),
                source=Source.model_construct(name="(withheld)", kind="ngo", reliability="F"),
                credibility=None,
                citation=None,
                persons=[],
                figures={},
                figure_scope=None,
                sensitivity="public",
                received=None,
            ),
            0,
        )
        for n, w in enumerate(context.selection.withheld, 1)
    ]
    hidden = replace(context, selection=Selection(stand_ins))
    return frozenset(classify(plugins, hidden).by_section)


HERE_KEY = "headings without information in this draft (confidential records only)"
PUBLIC_KEY = "headings without information in a public draft (records not public)"


def withheld_headings(context: BuildContext) -> dict[str, str]:
    """For an internal draft: the headings a draft has no information on, and why.

    Keys "this draft" (records in scope only confidential) and "a public
    draft" (only restricted or confidential): the officer sees why a heading
    says "This draft includes no information on ..." rather than "There
    were no reports". Heading numbers and titles only, nothing of a record.
    """
    here: list[str] = []
    public: list[str] = []
    for spec in context.edition.walk():
        placed = context.placement.records(spec.id)
        label = f"{spec.id} {spec.title}"
        if spec.id in context.placement.withheld and not placed:
            here.append(label)
        elif (spec.id in context.placement.withheld or placed) and not any(
            i.record.sensitivity == "public" for i in placed
        ):
            public.append(label)
    found = {}
    if here:
        found[HERE_KEY] = "; ".join(here)
    if public:
        found[PUBLIC_KEY] = "; ".join(public)
    return found


def unplaced(
    context: BuildContext, document: Report, section: str | None = None
) -> tuple[tuple[str, str], ...]:
    """Every record in scope the draft does not cite, with why, in event order.

    Computed from the placement and the built document only (no store): a
    record classified nowhere, one whose categories have no heading in this
    edition, one placed outside a one-section draft, or one its section left
    out (for instance when every person in it withheld consent). Each reason
    starts with its kind, the detail follows in brackets: see `reason_kind`.
    """
    cited = {entry.record for entry in document.sources}
    edition = context.edition.name
    in_draft = {s.id for s in document.walk()}
    found = []
    for item in context.items:
        if item.id in cited:
            continue
        placed = context.placement.sections(item.id)
        categories = item.record.categories
        if not placed and not categories:
            reason = "classified nowhere (no categories, no target for this edition)"
        elif not placed:
            reason = f"no heading in this edition ({edition}; categories: {', '.join(categories)})"
        elif section and not in_draft.intersection(placed):
            reason = f"outside this one-section draft (placed in {', '.join(placed)})"
        else:
            reason = f"not cited by its section (placed in {', '.join(placed)})"
        found.append((item.id, reason))
    return tuple(found)


def _build_sections(
    plugins: Plugins, context: BuildContext, specs: tuple[SectionSpec, ...], ask_owner: Any
) -> tuple[Section, ...]:
    sections = []
    for spec in specs:
        blocks = _call(
            "hrdraft_build_section",
            f"{context.report_type.name} section {spec.id}",
            ask_owner,
            context=context,
            spec=spec,
            items=list(context.placement.records(spec.id)),
        )
        if blocks is None:
            raise _no_answer(
                plugins, "hrdraft_build_section", context.report_type.name, f"section {spec.id}"
            )
        children = _build_sections(plugins, context, spec.children, ask_owner)
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
    # A chain, not a broadcast: the owner, then the plugins that declared they
    # transform this report type; each sees the previous one's result.
    for plugin in plugins.transform_chain(context.report_type.name):
        result = _call(
            "hrdraft_transform_document",
            f"{context.report_type.name} (plugin {plugin})",
            plugins.caller_for("hrdraft_transform_document", plugin),
            context=context,
            document=document,
        )
        if result is not None:
            document = result
    return document


def _sources(document: Report, context: BuildContext) -> tuple[SourceEntry, ...]:
    # Year-on-year figures (TIP) cite the previous period's records, selected
    # for the same audience; a record in both periods is this period's.
    by_id = {item.id: item for item in (*context.previous_items, *context.items)}
    cited: dict[str, None] = {}
    for section in document.walk():
        for block in section.blocks:
            cites = getattr(block, "cites", ()) or ()
            for row in getattr(block, "row_cites", ()) or ():
                cites = (*cites, *row)
            for cite in cites:
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
    plugins: Plugins,
    request: BuildRequest,
    selection: Selection,
    previous: Selection | None = None,
) -> tuple[Report, BuildContext]:
    """Build the report document a request asks for, from its selection.

    `selection` is what the draft may use (its country, period and
    audience); `previous` the same for the previous reporting year's period
    (TIP compares year on year), or None.
    """
    report_type, edition = resolve(plugins, request)
    period = report_type.period(request.year)
    name = request.country_name or country_name(request.country)
    context = BuildContext(
        report_type=report_type,
        edition=edition,
        country=request.country,
        country_name=name,
        year=request.year,
        period=period,
        audience=request.audience,
        options=dict(request.options),
        selection=selection,
        previous=previous,
    )
    placement = classify(plugins, context)
    withheld = withheld_sections(plugins, context)
    if request.audience == "public":
        # A public draft writes every empty heading the same way ("This draft
        # includes no information on ..."): were it to say "There were no
        # reports" only where no hidden record exists, the other wording
        # would tell its readers that one does. The internal draft says which.
        withheld = frozenset(edition.section_ids())
    placement = replace(placement, withheld=withheld)
    context = replace(context, placement=placement)
    outline = edition.outline
    if request.section:
        outline = (edition.find(request.section),)  # type: ignore[assignment]
    ask_owner = plugins.caller_for("hrdraft_build_section", plugins.owner_of(report_type.name))
    sections = _build_sections(plugins, context, outline, ask_owner)  # type: ignore[arg-type]
    metadata: dict[str, int | str] = {}
    if request.audience != "public":
        # An internal draft says what it used and left out, and why (counts
        # only). A public one does not: a count that changes beside a vanished
        # passage would tell its readers that a record was reclassified or a
        # consent withdrawn.
        metadata["records in scope for this audience"] = len(selection.items)
        for reason, count in sorted(selection.excluded.items()):
            metadata[f"records left out: {reason}"] = count
        if selection.persons_unnamed:
            metadata["persons described, not named (no consent)"] = selection.persons_unnamed
        if selection.persons_removed:
            metadata["persons left out (consent withheld)"] = selection.persons_removed
        metadata.update(withheld_headings(context))
    document = Report(
        report_type=report_type.name,
        report_title=report_type.title,
        edition=edition.name,
        country=request.country,
        country_name=name,
        year=request.year,
        period=context.period_label,
        audience=request.audience,
        title=f"{name} {request.year} {report_type.title}",
        sections=sections,
        metadata=metadata,
    )
    document = _transform(plugins, context, document)
    sources = _sources(document, context)
    metadata = {"records cited": len(sources), **document.metadata}
    document = document.model_copy(update={"sources": sources, "metadata": metadata})
    left_out = unplaced(context, document, request.section)
    context = replace(context, unplaced=left_out)
    if request.audience != "public" and left_out:
        # Internal drafts say which records in scope they did not use and why
        # (ids and reasons, never content). A public draft does not: it would
        # tell its readers about records they may not see.
        metadata = {
            **document.metadata,
            "records in scope not used (see the appendix)": len(left_out),
        }
        document = document.model_copy(
            update={
                "sections": (
                    *document.sections,
                    appendix_section(left_out, {i.id: i.revision for i in context.items}),
                ),
                "metadata": metadata,
            }
        )
    return document, context


APPENDIX_ID = "unplaced"


def reason_kind(reason: str) -> str:
    """The kind of an `unplaced` reason, without its detail, for counts by reason."""
    return reason.split(" (", 1)[0]


def appendix_section(
    left_out: tuple[tuple[str, str], ...], revisions: Mapping[str, int]
) -> Section:
    """The internal draft's last, section-like block: records in scope not used, and why.

    Each row carries its record as a citation (never printed as a footnote,
    see partials/appendix.html) so that a stored version's row goes when its
    record is erased or may no longer be shown, like any cited text.
    """
    return Section(
        id=APPENDIX_ID,
        number="Appendix.",
        title="Records in scope not used in this draft",
        blocks=(
            Table(
                caption="Each record in scope for this audience that no section cites, "
                "with the reason",
                header=("record", "reason"),
                rows=tuple((record, reason) for record, reason in left_out),
                row_cites=tuple(
                    (Cite(record=record, revision=revisions[record]),) for record, _ in left_out
                ),
            ),
        ),
    )
