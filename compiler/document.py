"""The report document: the typed tree every stage after `build` works on.

`Report` › `Section` › blocks (`Paragraph`, `BulletList`, `Table`, `Note`,
`Pointer`, and `Conflict`, which only a three-way merge makes). HTML, PDF,
Markdown export, versions and diffs are all functions of this tree, never of
each other's output. It serialises to JSON losslessly
(`Report.model_dump_json()` / `Report.model_validate_json()`).

Text in blocks is the safe Markdown subset of docs/records.md; the renderer,
not the builder, turns it into markup.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Audience = Literal["public", "internal"]
AUDIENCES: tuple[str, ...] = ("public", "internal")


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Cite(_Node):
    """A reference from a block to one revision of one stored record."""

    record: str = Field(description="The record's id")
    revision: int = Field(1, description="The record revision the text was built from")


class Paragraph(_Node):
    """Running text with the records it is built from."""

    kind: Literal["paragraph"] = "paragraph"
    text: str
    cites: tuple[Cite, ...] = ()
    lang: str | None = Field(None, description="BCP 47 tag when not the report's language")


class BulletList(_Node):
    """A list of short items (e.g. TIP's prioritized recommendations)."""

    kind: Literal["list"] = "list"
    items: tuple[str, ...]
    cites: tuple[Cite, ...] = ()


class Table(_Node):
    """A figures table; each row may cite the records its numbers come from."""

    kind: Literal["table"] = "table"
    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_cites: tuple[tuple[Cite, ...], ...] = ()


class Note(_Node):
    """A boxed remark that is not draft prose, e.g. a labelled suggestion."""

    kind: Literal["note"] = "note"
    label: str
    text: str


class Pointer(_Node):
    """A cross-reference to another report ("See the ... Report")."""

    kind: Literal["pointer"] = "pointer"
    report: str = Field(description="Report type name, e.g. 'tip'")
    text: str


# The blocks a plugin builds; a conflict holds these, never another conflict.
PlainBlock = Annotated[Paragraph | BulletList | Table | Note | Pointer, Field(discriminator="kind")]


class Conflict(_Node):
    """A block both a reviewer and the records changed, differently: both texts, unresolved.

    A three-way merge (``hrdraft.history.merge``) puts it where the block
    was. `reviewer` is the reviewer's text (empty: the reviewer deleted the
    block), `records` the new compile's (empty: the records no longer give
    it), `base` the text both started from. The versions the two sides come
    from label them in a draft. Resolved by ``hrdraft versions resolve`` or
    by a further import.
    """

    kind: Literal["conflict"] = "conflict"
    id: str = Field(description="Its number within the draft, e.g. '1'")
    reviewer: tuple[PlainBlock, ...] = ()
    records: tuple[PlainBlock, ...] = ()
    base: tuple[PlainBlock, ...] = ()
    reviewer_version: int | None = Field(None, description="The reviewer's version, e.g. 14")
    records_version: int | None = Field(None, description="The new compile's version, e.g. 16")

    @property
    def cites(self) -> tuple[Cite, ...]:
        """Every citation of either side (a table's rows too), so code that asks a
        block for its records sees a conflict's (the base's are not shown)."""
        found: list[Cite] = []
        for block in (*self.reviewer, *self.records):
            found += getattr(block, "cites", ())
            for row in getattr(block, "row_cites", ()):
                found += row
        return tuple(dict.fromkeys(found))


Block = Annotated[
    Paragraph | BulletList | Table | Note | Pointer | Conflict, Field(discriminator="kind")
]


class Section(_Node):
    """One heading of the outline with its blocks and sub-sections."""

    id: str = Field(description="Stable id within the edition, e.g. '1.c'")
    number: str = Field("", description="As printed, e.g. 'Section 1.' or 'c.'")
    title: str
    blocks: tuple[Block, ...] = ()
    children: tuple[Section, ...] = ()

    @property
    def heading(self) -> str:
        return f"{self.number} {self.title}".strip()

    def walk(self) -> Iterator[Section]:
        """This section and all below it, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


class SourceEntry(_Node):
    """One line of the sources list at the end of a draft."""

    record: str
    revision: int
    source: str = Field(description="Source name as it may be printed for the audience")
    kind: str
    citation: str
    url: str | None = None


class Report(_Node):
    """A whole draft: one report type, edition, country, year and audience."""

    report_type: str
    report_title: str
    edition: str
    country: str
    country_name: str
    year: int
    period: str = Field(description="Human-readable reporting period")
    audience: Audience
    language: str = "en"
    title: str
    sections: tuple[Section, ...]
    sources: tuple[SourceEntry, ...] = ()
    metadata: dict[str, int | str] = Field(default_factory=dict)

    def walk(self) -> Iterator[Section]:
        """Every section, depth first, in document order."""
        for section in self.sections:
            yield from section.walk()

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.walk() if s.id == section_id), None)
