"""Which two versions a diff compares, and what the two drafts are to each other.

`hrdraft diff N --previous` compares a version with the one before it of the
same draft (report type, country, year, audience, section and edition), and
`--previous-year` with the newest of the year before; each says which it
picked, and when there is none, what can be compared instead. Two drafts
that are not versions of one draft are named for the outputs' notes
(:func:`comparison_notes`) and for the refusal of a diff across report types
or countries (compiler/history/diff.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import NotFoundError
from ..store import Store
from ..words import article
from .versions import Version, list_versions

if TYPE_CHECKING:
    from .changes import ReportDiff

__all__ = [
    "comparison_notes",
    "draft_name",
    "pick_previous",
    "previous_draft_version",
    "previous_year_version",
    "type_name",
    "unlike_drafts",
]

# -------------------------------------------------------------------------
# What two drafts are to each other
# -------------------------------------------------------------------------


def type_name(report_type: str) -> str:
    """A report type as messages print it: the built-in initialisms in capitals ("HRR"),
    a plugin's longer name as it is."""
    return report_type.upper() if report_type.isalpha() and len(report_type) <= 4 else report_type


def unlike_drafts(old_type: str, old_country: str, new_type: str, new_country: str) -> str:
    """How two unlike drafts are named: "an HRR draft with a TIP draft: sections will not match"."""
    if old_type != new_type:
        old_name = type_name(old_type) + (f" {old_country}" if old_country != new_country else "")
        new_name = type_name(new_type) + (f" {new_country}" if old_country != new_country else "")
        return (
            f"{article(old_name + ' draft')} with {article(new_name + ' draft')}: "
            "sections will not match"
        )
    return (
        f"{article(f'{type_name(old_type)} draft')} for {old_country} with one for "
        f"{new_country}: the drafts describe different countries"
    )


def comparison_notes(diff: ReportDiff) -> tuple[str, ...]:
    """What the two drafts of a diff are to each other, when not two versions of one draft.

    One line each, for the top of every output: different report types or
    countries (a diff made with --force), editions (sections matched by id
    only), audiences (the diff is internal). Empty for two versions of the
    same report, country, edition and audience.
    """
    old, new = diff.old, diff.new
    notes: list[str] = []
    if old["report_type"] != new["report_type"] or old["country"] != new["country"]:
        notes.append(
            "comparing "
            + unlike_drafts(old["report_type"], old["country"], new["report_type"], new["country"])
        )
    elif old["edition"] != new["edition"]:
        notes.append(
            f"comparing the {old['edition']} edition of {type_name(old['report_type'])} with "
            f"the {new['edition']} edition: their outlines differ, so sections are matched by "
            "id only"
        )
    if old["audience"] != new["audience"]:
        notes.append(
            f"comparing {article(old['audience'] + ' draft')} with "
            f"{article(new['audience'] + ' draft')}: the diff shows internal text"
        )
    return tuple(notes)


# -------------------------------------------------------------------------
# Versions: which one to compare with
# -------------------------------------------------------------------------


def draft_name(version: Version) -> str:
    """The draft a version belongs to, as messages name it: "HRR XA 2024 public (2024 edition)"."""
    part = f" §{version.section}" if version.section else ""
    return (
        f"{type_name(version.report_type)} {version.country} {version.year} "
        f"{version.audience}{part} ({version.edition} edition)"
    )


def previous_draft_version(store: Store, version: Version) -> Version | None:
    """The version before `version` of the same draft, compiled or imported.

    The same draft: report type, country, year, audience, section and
    edition (two editions of one year are two outlines, not two versions of
    one text).
    """
    same = list_versions(
        store,
        report_type=version.report_type,
        country=version.country,
        year=version.year,
        audience=version.audience,
        section=version.section,
    )
    older = [v for v in same if v.edition == version.edition and v.id < version.id]
    return older[-1] if older else None


def previous_year_version(store: Store, version: Version) -> Version | None:
    """The newest version of the same report, country, audience and section a year earlier."""
    older = list_versions(
        store,
        report_type=version.report_type,
        country=version.country,
        year=version.year - 1,
        audience=version.audience,
        section=version.section,
    )
    return older[-1] if older else None


def pick_previous(store: Store, version: Version, *, year: bool = False) -> tuple[Version, str]:
    """The version to compare `version` with, and a line saying which it is and why.

    The previous version of the same draft (:func:`previous_draft_version`),
    or with `year` the newest of the year before
    (:func:`previous_year_version`). None: a NotFoundError whose hint names
    what can be compared instead.
    """
    found = (
        previous_year_version(store, version) if year else previous_draft_version(store, version)
    )
    if found is not None:
        what = "the newest version a year earlier" if year else "the previous version"
        return found, f"comparing v{version.id} with v{found.id}, {what} of {draft_name(found)}"
    if year:
        raise NotFoundError(
            f"no version of {type_name(version.report_type)} {version.country} "
            f"{version.year - 1} {version.audience}"
            f"{' §' + version.section if version.section else ''} to compare v{version.id} with",
            "see `hrdraft versions list` and give both ids: hrdraft diff OLD NEW",
        )
    others = [
        v
        for v in list_versions(
            store,
            report_type=version.report_type,
            country=version.country,
            year=version.year,
            audience=version.audience,
            section=version.section,
        )
        if v.edition != version.edition and v.id < version.id
    ]
    hint = "`--previous-year` compares it with last year's newest version"
    if others:
        other = others[-1]
        hint = (
            f"v{other.id} is the {other.edition} edition of the same year: "
            f"hrdraft diff {other.id} {version.id}; or {hint}"
        )
    raise NotFoundError(f"v{version.id} is the first version of {draft_name(version)}", hint)
