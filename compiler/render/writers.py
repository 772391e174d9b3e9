"""Output formats: one registry of writers, chosen by name, each working from a tree.

A :class:`Writer` turns a draft's document tree (a `Report`) or the diff of
two trees (a `ReportDiff`) into the bytes or text of one file. Writers never
read another writer's output: the PDF writer renders the HTML from the tree
itself (sharing, through the :class:`WriteContext`, an HTML string already
made from the same document in the same run), then WeasyPrint.

Writers are registered through the ``hrdraft_register_writers`` hook, the
core's own like any plugin's: this module is a default plugin and registers
the draft writers ``html``, ``pdf`` and ``docx`` (Word, ``hrdraft.render.docx``);
``hrdraft.history.writers``, another, the draft writer ``md`` and the diff
writers ``terminal``, ``html``, ``pdf``, ``json`` and ``docx``. A name is unique per kind (a
draft writer and a diff writer may share one); `Plugins.writers` merges
them and names both plugins of a clash. ``hrdraft compile``, ``hrdraft
export`` and ``hrdraft diff`` accept exactly the registered names.

The Markdown and diff writers belong to the history stage, which comes
after rendering, and are registered from there.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from ..errors import HrdraftError, NotFoundError, PluginError, choices
from ..plugins import hookimpl

if TYPE_CHECKING:
    from ..document import Report
    from ..plugins import Plugins
    from .renderer import Renderer

__all__ = [
    "WRITER_KINDS",
    "WriteContext",
    "Writer",
    "WriterKind",
    "find_writer",
    "hrdraft_register_writers",
    "writers_of",
]

WriterKind = Literal["draft", "diff"]
WRITER_KINDS: tuple[WriterKind, ...] = ("draft", "diff")


class WriteContext:
    """What a writer may use besides the tree: the renderer, the version, options.

    `renderer` is a :class:`Renderer` or a function that makes one, called
    the first time a writer asks (the terminal and JSON diffs never do).
    `version` is the stored version the draft is, when there is one (the
    Markdown export names it, so the edited file can be imported back).
    `options` are a writer's settings from the command line; the core's:
    ``context`` (terminal diff: also unchanged blocks of changed sections),
    ``color_system`` and ``width`` (terminal diff: the console's),
    ``comments`` (html and pdf diffs: the newer version's review comments).
    """

    def __init__(
        self,
        renderer: Renderer | Callable[[], Renderer],
        *,
        version: Any = None,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        self._renderer = renderer
        self.version = version
        self.options: Mapping[str, Any] = dict(options or {})
        self._html: dict[int, tuple[Report, str]] = {}

    @property
    def renderer(self) -> Renderer:
        if callable(self._renderer):  # a Renderer is not callable: a function that makes one
            self._renderer = self._renderer()
        return self._renderer  # type: ignore[return-value]

    def html(self, report: Report) -> str:
        """The draft's HTML page, rendered once per document within this context."""
        cached = self._html.get(id(report))
        if cached is None or cached[0] is not report:
            cached = (report, self.renderer.html(report))
            self._html[id(report)] = cached
        return cached[1]


@dataclass(frozen=True)
class Writer:
    """One output format.

    `name` is what ``--format`` takes (lowercase; unique among writers of
    the same `kind`). `kind` is what it writes from: ``"draft"`` (a
    `Report`) or ``"diff"`` (a `ReportDiff`). `suffix` is the file name's
    ending (``".html"``), `media_type` the file's MIME type, `description`
    one line for ``--help``. `write(tree, context)` returns the file's
    content: ``str`` (written as UTF-8) or ``bytes``. `binary` says that the
    content is not text to print (then the CLI asks for ``--out``).
    """

    name: str
    kind: WriterKind
    suffix: str
    media_type: str
    description: str
    write: Callable[[Any, WriteContext], bytes | str]
    binary: bool = False

    def __post_init__(self) -> None:
        if self.kind not in WRITER_KINDS:
            raise ValueError(f"writer {self.name!r}: kind must be one of {WRITER_KINDS}")
        if not self.name or self.name != self.name.lower() or "," in self.name:
            raise ValueError(f"writer name {self.name!r} must be lowercase, without commas")
        if not self.suffix.startswith("."):
            raise ValueError(f"writer {self.name!r}: suffix must start with '.'")

    def output(self, tree: Any, context: WriteContext) -> bytes | str:
        """The file's content; a plugin's writer that fails is a plugin error naming it."""
        try:
            return self.write(tree, context)
        except HrdraftError:
            raise
        except Exception as exc:
            if self in CORE_WRITERS:
                raise  # our own bug: keep its traceback
            raise PluginError(f"{self.kind} format {self.name!r} failed: {exc!r}") from exc

    def to_bytes(self, tree: Any, context: WriteContext) -> bytes:
        """The file's content as bytes (text encoded as UTF-8)."""
        data = self.output(tree, context)
        return data.encode("utf-8") if isinstance(data, str) else data


# -------------------------------------------------------------------------
# Choosing a writer
# -------------------------------------------------------------------------


def writers_of(plugins: Plugins, kind: WriterKind) -> dict[str, Writer]:
    """The registered writers of one kind, by name: the core's first, then plugins' by name."""
    return {name: w for (k, name), w in plugins.writers.items() if k == kind}


def find_writer(plugins: Plugins, kind: WriterKind, name: str) -> Writer:
    """The `kind` writer called `name`; an unknown name lists the registered ones."""
    found = writers_of(plugins, kind)
    writer = found.get(name.strip().lower())
    if writer is None:
        raise NotFoundError(f"no {kind} format {name!r}", choices(list(found)))
    return writer


# -------------------------------------------------------------------------
# The core's writers
# -------------------------------------------------------------------------


def _draft_html(report: Report, context: WriteContext) -> str:
    return context.html(report)


def _draft_pdf(report: Report, context: WriteContext) -> bytes:
    return context.renderer.write_pdf(context.html(report))


def _draft_docx(report: Report, context: WriteContext) -> bytes:
    from .docx import write_docx  # python-docx loads only when a Word file is written

    return write_docx(
        report,
        version=context.version,
        page_size=context.renderer.page_size,
        comments=context.options.get("comments", ()),
    )


CORE_WRITERS: tuple[Writer, ...] = (
    Writer(
        "html",
        "draft",
        ".html",
        "text/html",
        "the draft as one self-contained HTML page",
        _draft_html,
    ),
    Writer(
        "pdf",
        "draft",
        ".pdf",
        "application/pdf",
        "the draft as a paged PDF (the HTML through the print styles)",
        _draft_pdf,
        binary=True,
    ),
    Writer(
        "docx",
        "draft",
        ".docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "the draft as a Word document (footnotes, headings, track changes on), to import back",
        _draft_docx,
        binary=True,
    ),
)


@hookimpl
def hrdraft_register_writers() -> list[Writer]:
    """The core's output formats, registered like any plugin's."""
    return list(CORE_WRITERS)
