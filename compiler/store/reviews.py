"""Clearance states and reviewers' comments on stored versions.

A version's review is a history of states, appended and never changed:

    (none) → in_review → returned → in_review → ... → cleared

``in_review`` may move to ``returned`` (with a comment saying why) or to
``cleared``; ``returned`` only back to ``in_review``. A **cleared** version
is final: no further state, no new comment. Its text is never touched
either (versions are immutable anyway): an import based on it, or a later
compile, is a new version, and says that it supersedes it
(:func:`cleared_ancestor`). The one rewrite a cleared version can still
undergo is erasure (``erasure.py``): do no harm comes first.

A comment is on a section of a version, or on one block ("paragraph") of
that section. It follows the block into later versions by the block's
*identity*, ``block_key``: a keyed hash of the block's kind and the ids of
the records it cites (without their revisions, which change when a record
is revised), and for a block citing nothing, of its kind and section (such
a block only ever matches in its own section). Beside it, ``text_hash``, the
keyed hash of the block's words when the comment was made. In a later
version the comment is *current* where a block has both the same identity
and the same words (it may have moved), *outdated* where only the identity
matches, in the same section (in another only if the words are still at
least half alike: a record told in full in one section is referred to in
others), or failing that where a block of the same kind in the same section
shares a record and at least half its words; and listed as *paragraph
removed* where nothing matches. Both are keyed hashes (the key
opens the store): a plain hash of a paragraph would let anyone holding the
database confirm a guessed text. Authors, comments and review notes are
sealed. A comment applies to the version it was made on and to every
version descending from it (through ``parent_id``, ``base_id`` and
``theirs_id``).

State changes are written to the audit trail (``review <state>``) besides
the command's own entry.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy import text as sql_text
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from ..document import Block, BulletList, Note, Paragraph, Pointer, Report, Table
from ..errors import HrdraftError, NotFoundError
from . import audit
from .crypto import VERSION_DOCUMENT, Keyring
from .engine import Store
from .keys import assert_current_key
from .models import Review, ReviewComment, StoredVersion
from .versions import Version, load_version

__all__ = [
    "STATES",
    "Comment",
    "CommentOnCleared",
    "NoSuchParagraph",
    "ReviewError",
    "ReviewStep",
    "State",
    "UnknownSection",
    "add_comment",
    "cleared_ancestor",
    "comments_for",
    "current_state",
    "current_states",
    "forget_in_reviews",
    "reseal_reviews",
    "review_history",
    "set_state",
]

State = Literal["in_review", "returned", "cleared"]
STATES: tuple[State, ...] = ("in_review", "returned", "cleared")
# Where each state may go next; None: a version never put in review.
_MOVES: dict[str | None, tuple[str, ...]] = {
    None: ("in_review",),
    "in_review": ("returned", "cleared"),
    "returned": ("in_review",),
    "cleared": (),
}
# The associated data of this module's sealed columns (crypto.py's convention).
REVIEW_AUTHOR = b"reviews.author"
REVIEW_COMMENT = b"reviews.comment"
COMMENT_AUTHOR = b"review_comments.author"
COMMENT_TEXT = b"review_comments.text"
# A block found by its records but with other words must still be this alike.
_ALIKE = 0.5


class ReviewError(HrdraftError):
    """A review step the version's state does not allow."""


class CommentOnCleared(ReviewError):
    """A comment on a cleared version, which never changes."""


class UnknownSection(NotFoundError):
    """A comment's section id is not in the version."""


class NoSuchParagraph(NotFoundError):
    """A comment's paragraph number is past the section's last block."""


@dataclass(frozen=True)
class ReviewStep:
    """One state a version was put in, by whom, when and why."""

    id: int
    version_id: int
    state: str
    author: str
    comment: str
    created_at: datetime


@dataclass(frozen=True)
class Comment:
    """A reviewer's comment, as it applies to the version it was asked for.

    `version_id`, `section` and `block_index` (from 0; None: the whole
    section) say where it was made; `status` and `at_section`/`at_index`
    where it is in the version asked about: ``current`` (the paragraph, or
    section, is there with the same words), ``outdated`` (the paragraph is
    there, its words changed since) or ``removed`` (neither is there).
    """

    id: int
    version_id: int
    section: str
    block_index: int | None
    author: str
    text: str
    created_at: datetime
    resolved: bool
    status: Literal["current", "outdated", "removed"] = "current"
    at_section: str | None = None
    at_index: int | None = None

    @property
    def outdated(self) -> bool:
        return self.status == "outdated"

    @property
    def where(self) -> str:
        """Where it was made: "§2.a ¶2" (paragraphs counted from 1), "§2.a"."""
        part = f" ¶{self.block_index + 1}" if self.block_index is not None else ""
        return f"§{self.section}{part}"

    @property
    def status_text(self) -> str:
        """What a reader is told about it in the version asked about."""
        if self.status == "removed":
            return "paragraph removed" if self.block_index is not None else "section removed"
        if self.status == "outdated":
            return f"outdated: the paragraph changed since v{self.version_id}"
        return ""


# -------------------------------------------------------------------------
# Block identity
# -------------------------------------------------------------------------


def _records(block: Block) -> list[str]:
    """The ids of the records a block cites, each once, sorted."""
    ids = {c.record for c in getattr(block, "cites", ()) or ()}
    for row in getattr(block, "row_cites", ()) or ():
        ids.update(c.record for c in row)
    return sorted(ids)


def _words(block: Block) -> str:
    """A block's words (not its citations), as one string to hash and compare."""
    if isinstance(block, Paragraph):
        parts: list[str] = [block.text]
    elif isinstance(block, BulletList):
        parts = list(block.items)
    elif isinstance(block, Table):
        parts = [block.caption, *block.header, *(cell for row in block.rows for cell in row)]
    elif isinstance(block, Note):
        parts = [block.label, block.text]
    elif isinstance(block, Pointer):
        parts = [block.report, block.text]
    else:  # pragma: no cover - every block kind is above
        parts = []
    return json.dumps([block.kind, *parts], ensure_ascii=False)


def block_key(keyring: Keyring, block: Block, section: str) -> str:
    """The block's identity across versions (see the module docstring)."""
    records = _records(block)
    if records:
        return keyring.lookup("review block", block.kind, *records)
    return keyring.lookup("review block", block.kind, "§" + section)


def text_hash(keyring: Keyring, block: Block) -> str:
    """The keyed hash of the block's words."""
    return keyring.content_hash(_words(block))


def _alike(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a.split(), b.split(), autojunk=False).ratio()


@dataclass(frozen=True)
class _Place:
    section: str
    index: int
    block: Block
    key: str
    hash: str


def _places(keyring: Keyring, report: Report) -> list[_Place]:
    return [
        _Place(s.id, i, b, block_key(keyring, b, s.id), text_hash(keyring, b))
        for s in report.walk()
        for i, b in enumerate(s.blocks)
    ]


# -------------------------------------------------------------------------
# Writing
# -------------------------------------------------------------------------


def _lock_version(session: Session, version_id: int) -> StoredVersion:
    """The version's row, with its reviews locked until the commit (one reviewer at a time)."""
    if session.get_bind().dialect.name == "postgresql":
        row = session.scalars(
            select(StoredVersion).where(StoredVersion.id == version_id).with_for_update()
        ).first()
    else:
        # A write statement takes SQLite's write lock before the reads below.
        session.execute(sql_text("UPDATE reviews SET id = id WHERE 0 = 1"))
        row = session.get(StoredVersion, version_id)
    if row is None:
        raise NotFoundError(f"no version {version_id}", "see `hrdraft versions list` for the ids")
    return row


def _latest(session: Session, keyring: Keyring, version_id: int) -> ReviewStep | None:
    row = session.scalars(
        select(Review).where(Review.version_id == version_id).order_by(Review.id.desc()).limit(1)
    ).first()
    return _step(row, keyring) if row is not None else None


def _step(row: Review, keyring: Keyring) -> ReviewStep:
    return ReviewStep(
        row.id,
        row.version_id,
        row.state,
        keyring.open_text(row.author, REVIEW_AUTHOR),
        keyring.open_text(row.comment, REVIEW_COMMENT),
        row.created_at,
    )


def _refuse_move(version_id: int, latest: ReviewStep | None, state: str) -> None:
    now = latest.state if latest is not None else None
    if state in _MOVES[now]:
        return
    v = f"v{version_id}"
    if now == "cleared":
        assert latest is not None
        raise ReviewError(
            f"{v} is already cleared (by {latest.author or 'someone'} on "
            f"{latest.created_at:%Y-%m-%d}): a cleared version never changes",
            "to change its text, import an edited draft based on it or compile again: "
            "the new version has a review of its own",
        )
    if now is None:
        raise ReviewError(
            f"{v} is not in review", f"start its review first: hrdraft review start {version_id}"
        )
    if now == state:
        raise ReviewError(
            f"{v} is already {_words_of(state)}",
            f"see its review: hrdraft review show {version_id}",
        )
    if now == "returned":
        raise ReviewError(
            f"{v} was returned: it goes back in review before anything else",
            f"hrdraft review start {version_id}",
        )
    raise ReviewError(  # pragma: no cover - the moves above are all there are
        f"{v} cannot go from {_words_of(now)} to {_words_of(state)}"
    )


def _words_of(state: str) -> str:
    return {"in_review": "in review"}.get(state, state)


def set_state(
    store: Store, version_id: int, state: State, *, author: str, comment: str = ""
) -> ReviewStep:
    """Put a version in `state` (see the module docstring for the moves allowed).

    Returning a version needs a comment. Refused with a :class:`ReviewError`
    for any other move, and always once the version is cleared.
    """
    if state not in STATES:
        raise ReviewError(f"{state!r} is not a review state", "one of: " + ", ".join(STATES))
    if state == "returned" and not comment.strip():
        raise ReviewError(f"returning v{version_id} needs a comment saying why", "add -m TEXT")
    keyring = store.keyring
    with store.session.begin() as session:
        _lock_version(session, version_id)
        latest = _latest(session, keyring, version_id)
        _refuse_move(version_id, latest, state)
        assert_current_key(session.connection(), keyring)
        row = Review(
            version_id=version_id,
            state=state,
            author=keyring.seal_text(author, REVIEW_AUTHOR),
            comment=keyring.seal_text(comment, REVIEW_COMMENT),
            created_at=datetime.now(UTC).replace(tzinfo=None),
        )
        session.add(row)
        session.flush()
        step = _step(row, keyring)
    who = {**audit.current_user(), "author": author}
    previous = latest.state if latest is not None else None
    audit.record(
        store,
        action=f"review {state}",
        who=who,
        details={"version": version_id, "from": previous, "to": state, "step": step.id},
    )
    audit.note(store, review_steps=step.id)
    return step


def add_comment(
    store: Store,
    version_id: int,
    *,
    section: str,
    block_index: int | None,
    author: str,
    text: str,
) -> Comment:
    """Comment on `section` of a version, or on its block `block_index` (from 0).

    Refused on a cleared version (:class:`CommentOnCleared`), for a section
    the version does not have (:class:`UnknownSection`, naming the nearest
    ids) and for a block past the section's last (:class:`NoSuchParagraph`).
    """
    if not text.strip():
        raise ReviewError("a comment needs its text", "add -m TEXT")
    keyring = store.keyring
    version, report = load_version(store, version_id)
    found = report.section(section)
    if found is None:
        ids = [s.id for s in report.walk()]
        near = difflib.get_close_matches(section, ids, n=3, cutoff=0.3)
        raise UnknownSection(
            f"{version.label} has no section {section!r}",
            (f"nearest: {', '.join(near)}" if near else "valid sections: " + ", ".join(ids))
            + f" (hrdraft versions show {version_id} lists them)",
        )
    key = digest = None
    if block_index is not None:
        count = len(found.blocks)
        if not 0 <= block_index < count:
            has = f"{count} paragraph{'' if count == 1 else 's'}" if count else "no paragraphs"
            raise NoSuchParagraph(
                f"section {section} of v{version_id} has {has}; "
                f"there is no paragraph {block_index + 1}",
                (
                    f"give --paragraph 1 to {count}, counting lists, tables and notes too, "
                    f"or leave it out to comment on the whole section"
                )
                if count
                else "leave --paragraph out to comment on the whole section",
            )
        block = found.blocks[block_index]
        key, digest = block_key(keyring, block, section), text_hash(keyring, block)
    with store.session.begin() as session:
        _lock_version(session, version_id)
        latest = _latest(session, keyring, version_id)
        if latest is not None and latest.state == "cleared":
            raise CommentOnCleared(
                f"v{version_id} is cleared: a cleared version takes no new comments",
                "comment on a newer version of the draft (hrdraft versions list)",
            )
        assert_current_key(session.connection(), keyring)
        row = ReviewComment(
            version_id=version_id,
            section=section,
            block_index=block_index,
            block_key=key,
            text_hash=digest,
            author=keyring.seal_text(author, COMMENT_AUTHOR),
            text=keyring.seal_text(text, COMMENT_TEXT),
            created_at=datetime.now(UTC).replace(tzinfo=None),
            resolved=False,
        )
        session.add(row)
        session.flush()
        comment = _comment(row, keyring)
    audit.note(store, review_comments=comment.id)
    return comment


def _comment(row: ReviewComment, keyring: Keyring, **where: Any) -> Comment:
    return Comment(
        row.id,
        row.version_id,
        row.section,
        row.block_index,
        keyring.open_text(row.author, COMMENT_AUTHOR),
        keyring.open_text(row.text, COMMENT_TEXT),
        row.created_at,
        bool(row.resolved),
        **where,
    )


# -------------------------------------------------------------------------
# Reading
# -------------------------------------------------------------------------


def review_history(store: Store, version_id: int) -> list[ReviewStep]:
    """Every state the version was put in, oldest first."""
    with store.session() as session:
        rows = session.scalars(
            select(Review).where(Review.version_id == version_id).order_by(Review.id)
        )
        return [_step(row, store.keyring) for row in rows]


def current_state(store: Store, version_id: int) -> str | None:
    """The version's state now (None: never put in review)."""
    with store.session() as session:
        latest = session.scalars(
            select(Review.state)
            .where(Review.version_id == version_id)
            .order_by(Review.id.desc())
            .limit(1)
        ).first()
    return latest


def current_states(store: Store, version_ids: Iterable[int] | None = None) -> dict[int, str]:
    """The state now of each version that has one (of `version_ids`, or of all)."""
    stmt = select(Review.version_id, Review.state).order_by(Review.id)
    wanted = None if version_ids is None else set(version_ids)
    states: dict[int, str] = {}
    with store.session() as session:
        for version_id, state in session.execute(stmt):
            if wanted is None or version_id in wanted:
                states[version_id] = state  # the newest comes last
    return states


def _lineage(session: Session, version: Version) -> list[int]:
    """`version` and every version it descends from, newest first."""
    rows = session.execute(
        select(
            StoredVersion.id,
            StoredVersion.parent_id,
            StoredVersion.base_id,
            StoredVersion.theirs_id,
        ).where(
            StoredVersion.report_type == version.report_type,
            StoredVersion.country == version.country,
            StoredVersion.year == version.year,
            StoredVersion.audience == version.audience,
            StoredVersion.section == version.section,
            StoredVersion.edition == version.edition,
            StoredVersion.id <= version.id,
        )
    ).all()
    parents = {r.id: (r.parent_id, r.base_id, r.theirs_id) for r in rows}
    seen: set[int] = set()
    todo = [version.id]
    while todo:
        current = todo.pop()
        if current in seen or current not in parents:
            continue
        seen.add(current)
        todo += [p for p in parents[current] if p is not None]
    return sorted(seen, reverse=True)


def cleared_ancestor(store: Store, version_id: int) -> int | None:
    """The newest cleared version that `version_id` descends from (itself left out)."""
    version, _ = load_version(store, version_id)
    with store.session() as session:
        earlier = _lineage(session, version)[1:]
        if not earlier:
            return None
        cleared = session.scalars(
            select(Review.version_id)
            .where(Review.version_id.in_(earlier), Review.state == "cleared")
            .order_by(Review.version_id.desc())
            .limit(1)
        ).first()
    return cleared


def comments_for(store: Store, version_id: int) -> list[Comment]:
    """The comments that apply to a version, each placed in it (see the module docstring).

    Those made on it and on the versions it descends from, oldest first.
    """
    keyring = store.keyring
    version, report = load_version(store, version_id)
    with store.session() as session:
        lineage = _lineage(session, version)
        rows = list(
            session.scalars(
                select(ReviewComment)
                .where(ReviewComment.version_id.in_(lineage))
                .order_by(ReviewComment.id)
            )
        )
        places = _places(keyring, report) if rows else []
        sections = {s.id for s in report.walk()}
        trees: dict[int, Report] = {version_id: report}

        def origin(row: ReviewComment) -> Block | None:
            """The block the comment was made on, if its words are still those it saw."""
            if row.version_id not in trees:
                trees[row.version_id] = load_version(store, row.version_id)[1]
            found = trees[row.version_id].section(row.section)
            if found is None or row.block_index is None or row.block_index >= len(found.blocks):
                return None
            block = found.blocks[row.block_index]
            return block if text_hash(keyring, block) == row.text_hash else None

        return [
            _comment(row, keyring, **_locate(row, version_id, places, sections, origin))
            for row in rows
        ]


def _locate(
    row: ReviewComment,
    version_id: int,
    places: list[_Place],
    sections: set[str],
    origin: Any,
) -> dict[str, Any]:
    """Where a comment is in the version asked about: status, at_section, at_index."""
    if row.block_index is None:
        if row.section in sections:
            return {"status": "current", "at_section": row.section}
        return {"status": "removed"}
    if row.version_id == version_id:
        return {"status": "current", "at_section": row.section, "at_index": row.block_index}

    def nearest(place: _Place) -> tuple[bool, int]:
        return place.section != row.section, abs(place.index - row.block_index)

    same = [p for p in places if p.key == row.block_key]
    exact = [p for p in same if p.hash == row.text_hash]
    if exact:
        best = min(exact, key=nearest)
        return {"status": "current", "at_section": best.section, "at_index": best.index}
    was = origin(row)
    words = _words(was) if was is not None else ""
    # Other words: in its own section, the block with its records; elsewhere only
    # one that is still alike (a record told in full in one section is referred
    # to, with other words, in the others: that is not the paragraph moving).
    same = [p for p in same if p.section == row.section or _alike(words, _words(p.block)) >= _ALIKE]
    if same:
        best = min(same, key=lambda p: (p.section != row.section, -_alike(words, _words(p.block))))
        return {"status": "outdated", "at_section": best.section, "at_index": best.index}
    if was is not None:
        # Its records changed too (one more cited, one dropped): the block of
        # the same kind in the same section that shares a record and most of its words.
        records = set(_records(was))
        candidates = [
            (_alike(_words(was), _words(p.block)), p)
            for p in places
            if p.section == row.section
            and p.block.kind == was.kind
            and (records & set(_records(p.block)) or (not records and not _records(p.block)))
        ]
        candidates = [(score, p) for score, p in candidates if score >= _ALIKE]
        if candidates:
            best = max(candidates, key=lambda c: (c[0], -abs(c[1].index - row.block_index)))[1]
            return {"status": "outdated", "at_section": best.section, "at_index": best.index}
    return {"status": "removed"}


# -------------------------------------------------------------------------
# Key rotation
# -------------------------------------------------------------------------


def _rows(conn: Connection, table: Any, *columns: str) -> Iterator[Any]:
    yield from conn.execute(select(table.c.id, *(table.c[c] for c in columns)).order_by(table.c.id))


def reseal_reviews(conn: Connection, old: Keyring, new: Keyring) -> int:
    """Every review's and comment's sealed values and keyed hashes, from `old` to `new`.

    For ``hrdraft.store.rotation``, inside its transaction, after the
    versions were re-sealed (their documents open with `new`): a comment's
    block identity and words' hash are computed again from the block it was
    made on. Returns how many values were re-sealed.
    """
    done = 0
    reviews, comments = Review.__table__, ReviewComment.__table__
    for id_, author, comment in list(_rows(conn, reviews, "author", "comment")):
        conn.execute(
            reviews.update()
            .where(reviews.c.id == id_)
            .values(
                author=new.seal(old.open(author, REVIEW_AUTHOR), REVIEW_AUTHOR),
                comment=new.seal(old.open(comment, REVIEW_COMMENT), REVIEW_COMMENT),
            )
        )
        done += 2
    trees: dict[int, Report] = {}
    columns = ("version_id", "section", "block_index", "block_key", "text_hash", "author", "text")
    for id_, version_id, section, index, key, digest, author, body in list(
        _rows(conn, comments, *columns)
    ):
        if index is not None:
            if version_id not in trees:
                sealed = conn.execute(
                    select(StoredVersion.document).where(StoredVersion.id == version_id)
                ).scalar_one()
                trees[version_id] = Report.model_validate_json(
                    new.open_text(sealed, VERSION_DOCUMENT)
                )
            found = trees[version_id].section(section)
            if found is not None and index < len(found.blocks):
                block = found.blocks[index]
                same_words = old.content_hash(_words(block)) == digest
                key = block_key(new, block, section)
                # A comment whose words no longer match its own block (an erasure
                # redacted it since) keeps a hash that matches nothing, as before.
                digest = text_hash(new, block) if same_words else new.content_hash(digest)
        conn.execute(
            comments.update()
            .where(comments.c.id == id_)
            .values(
                block_key=key,
                text_hash=digest,
                author=new.seal(old.open(author, COMMENT_AUTHOR), COMMENT_AUTHOR),
                text=new.seal(old.open(body, COMMENT_TEXT), COMMENT_TEXT),
            )
        )
        done += 2
    return done


# -------------------------------------------------------------------------
# Erasure
# -------------------------------------------------------------------------


def forget_in_reviews(
    session: Session,
    keyring: Keyring,
    country: str,
    scrub: Callable[[str, str, bool], str],
    listing: set[str],
    *,
    dry_run: bool = False,
) -> int:
    """Take a forgotten person out of the review notes and comments on `country`'s versions.

    For ``erasure.forget_person``, in its session: `scrub(text, language,
    about)` replaces the person's name (`about`: the version cites a record
    listing them, so a part of the name counts too). Returns how many texts
    changed (or would, with `dry_run`).
    """
    changed = 0
    versions = {
        row.id: row
        for row in session.scalars(select(StoredVersion).where(StoredVersion.country == country))
    }
    about: dict[int, tuple[str, bool]] = {}

    def context(version_id: int) -> tuple[str, bool]:
        if version_id not in about:
            report = Report.model_validate_json(
                keyring.open_text(versions[version_id].document, VERSION_DOCUMENT)
            )
            cited = {r for s in report.walk() for b in s.blocks for r in _records(b)}
            about[version_id] = (report.language or "en", bool(cited & listing))
        return about[version_id]

    for model, column, sealed_as in (
        (Review, "comment", REVIEW_COMMENT),
        (ReviewComment, "text", COMMENT_TEXT),
    ):
        rows = session.scalars(select(model).where(model.version_id.in_(list(versions))))
        for row in rows:
            before = keyring.open_text(getattr(row, column), sealed_as)
            language, cites_them = context(row.version_id)
            after = scrub(before, language, cites_them) if before else before
            if after == before:
                continue
            changed += 1
            if not dry_run:
                setattr(row, column, keyring.seal_text(after, sealed_as))
    return changed
