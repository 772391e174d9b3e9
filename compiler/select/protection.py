"""Name protection over all the records of a selection: one person, one consent.

`Protection` is built once per build from every record in scope. It decides
each person's consent across records (the same person, by folded full
name, within a country, takes the most protective consent any record gives:
``withheld`` over ``anonymous`` over ``named``), builds one `Matcher` for all
the names that may not be printed and those that may, and then makes each
record safe (`Protection.record`) or any other text (`Protection.text`,
`Protection.findings` for checking an edited import).

Every field that reaches an output goes through it: title, summary,
their translations, location, citation text and URL, source name, persons' names and groups,
figure keys, link targets in record text, and the record id (an id that
carries a protected name is replaced by a short hash of the record's
identity, the same in every build). Text is matched as the reader sees it,
after Markdown is parsed and entities decoded (``markdown.py``). A name
written in another script is also matched romanised, whole ("Zhang Wei" for
张伟): a translation may write it so, and consent is decided across
records, after the translation was checked at ingest against its own.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from ..records import Person, Record, Source
from .fold import fold, fold_text
from .markdown import ReaderText, plain
from .matcher import KEEP, PART, Hit, Matcher
from .phrases import Who, edits, indefinite_article

__all__ = ["INDIVIDUAL_SOURCE_KINDS", "Finding", "Protection", "describe"]

# Source kinds that name a person rather than an organisation.
INDIVIDUAL_SOURCE_KINDS = {"defender": "a human rights defender", "journalist": "a journalist"}
# A source of another kind whose name carries a protected name is printed as this.
_SOURCE_KINDS = {
    **INDIVIDUAL_SOURCE_KINDS,
    "ngo": "an NGO",
    "media": "a media outlet",
    "un": "a UN body",
    "government": "a government body",
    "academic": "an academic",
    "mission": "a diplomatic mission",
}
# A source name that starts with a personal title is a person whatever its kind.
_PERSONAL_TITLE = re.compile(
    r"^(?:dr|prof|mr|mrs|ms|mx|sr|sra|srta|mme|mlle|rev|fr|sheikh|rabbi|imam|pastor)\.?\s",
    re.IGNORECASE,
)
_STRICTNESS = {"named": 0, "anonymous": 1, "withheld": 2}

# A neutral phrase for a person who may not be named, by record language:
# (first mention, later mention).
_SOMEONE = {
    "en": ("a person", "the person"),
    "es": ("una persona", "la persona"),
    "zh": ("某人", "此人"),
    "ar": ("شخص", "الشخص"),
    "fr": ("une personne", "la personne"),
    "pt": ("uma pessoa", "a pessoa"),
    "ja": ("ある人物", "ある人物"),
    "ko": ("한 사람", "한 사람"),
}
_ROLE = {
    "victim": "a person",
    "witness": "a witness",
    "source": "a source",
    "perpetrator": "an individual",
}


def romanised(name: str) -> tuple[str, ...]:
    """How English text may write a name of another script: romanised, in both orders.

    ``张伟`` → ("Zhang Wei", "Wei Zhang"); ``陈志强`` → ("Chen Zhiqiang",
    "Zhiqiang Chen", "Chen Zhi Qiang"); ``Лукашенко Ігор`` → ("Lukashenko
    Igor", "Igor Lukashenko"). Empty for a name in Latin letters (matched as
    written) and where the romanisation is not a name (under two parts or
    four letters, or all lower case, as anyascii writes Korean and Arabic).
    """
    if all(unicodedata.name(c, "").startswith("LATIN") for c in name if c.isalpha()):
        return ()
    from anyascii import anyascii

    words = anyascii(name).split()
    spaced: list[str] = []
    if len(words) == 1:  # Chinese, Japanese: one run of syllables
        syllables = re.findall(r"[A-Z][a-z]*", words[0])
        if len(syllables) > 2:
            spaced = [" ".join(syllables)]
        words = [*syllables[:1], "".join(syllables[1:]).capitalize()] if syllables else []
    words = [w for w in words if w]
    if len(words) < 2 or len("".join(words)) < 4 or all(w.islower() for w in words):
        return ()
    forms = [" ".join(words), " ".join(words[1:] + words[:1]), *spaced]
    return tuple(dict.fromkeys(forms))


def describe(person: Person, language: str) -> str:
    """How a draft first refers to a person who may not be named."""
    lang = language.split("-")[0]
    if lang != "en":
        return _SOMEONE.get(lang, ("[name withheld]",))[0]
    if person.consent == "withheld":
        return "a person"
    if person.group:
        return f"{indefinite_article(person.group)} {person.group}"
    return _ROLE.get(person.role, "a person")


def _later(first: str, language: str) -> str:
    lang = language.split("-")[0]
    if lang != "en":
        return _SOMEONE.get(lang, (first, first))[1]
    article, _, noun = first.partition(" ")
    return f"the {noun}" if article in ("a", "an") and noun else first


@dataclass(frozen=True)
class Finding:
    """A protected person named in a text: on which line, listed by which records."""

    line: int
    records: tuple[str, ...]


@dataclass
class _Person:
    """One person in scope, by folded full name within a country."""

    name: str
    consent: str
    person: Person | None  # the entry that set the consent (None: an unlisted source)
    source_kind: str | None = None
    records: tuple[str, ...] = ()


def _key(country: str, name: str) -> tuple[str, str]:
    return country, fold_text(name).strip()


def _is_individual(source: Source) -> bool:
    return source.kind in INDIVIDUAL_SOURCE_KINDS or bool(_PERSONAL_TITLE.match(source.name))


class Protection:
    """Consent decided across `records`, and one matcher for all their names.

    `consent_from` is (country, name, consent) of the persons of the records
    in scope that this draft may not use (restricted ones for a public draft,
    confidential ones always): only their consent counts, so that a person
    who asked for anonymity in a confidential record is not named in a
    public one. Nothing else of those records (not even how they describe
    the person) is used.
    """

    def __init__(
        self, records: Iterable[Record], consent_from: Iterable[tuple[str, str, str]] = ()
    ) -> None:
        records = list(records)
        people: dict[tuple[str, str], _Person] = {}
        for r in records:
            for p in r.persons:
                key = _key(r.country, p.name)
                known = people.get(key)
                if known is None:
                    people[key] = _Person(p.name, p.consent, p, records=(r.id,))
                    continue
                known.records += (r.id,)
                if _STRICTNESS[p.consent] > _STRICTNESS[known.consent]:
                    known.consent, known.person = p.consent, p
        for country, name, consent in consent_from:
            key = _key(country, name)
            known = people.get(key)
            if known is None:
                if consent != "named":
                    people[key] = _Person(name, consent, None)
            elif _STRICTNESS[consent] > _STRICTNESS[known.consent]:
                known.consent = consent  # the description stays the one this draft may use
        # An individual source no record lists as a person is not named.
        for r in records:
            if _is_individual(r.source):
                key = _key(r.country, r.source.name)
                if key not in people:
                    people[key] = _Person(r.source.name, "anonymous", None, r.source.kind, (r.id,))
        self._people = people
        protected = {k[1]: p for k, p in people.items() if p.consent != "named"}
        kept = {k[1]: p.name for k, p in people.items() if p.consent == "named"}
        kept = {k: n for k, n in kept.items() if k not in protected}  # other country
        self._owners: list[_Person] = list(protected.values())
        self._owner_of = {k: i for i, k in enumerate(protected)}
        slavic = any(r.language.split("-")[0] in _SLAVIC for r in records)
        self.matcher = Matcher([p.name for p in self._owners], kept.values(), slavic=slavic)
        # An organisation whose name carries a protected name ("Friends of Hugo
        # Baptiste") is itself a protected form, replaced by its kind.
        aliases: dict[str, str] = {}
        for r in records:
            if not _is_individual(r.source) and self._protected_hits(
                r.source.name, within=self._within(r)
            ):
                aliases.setdefault(r.source.name, r.source.kind)
        whole = list(aliases)
        for name, kind in aliases.items():
            self._owner_of[fold_text(name).strip()] = len(self._owners)
            self._owners.append(_Person(name, "anonymous", None, kind))
        # A name of another script romanised is the same person, described alike:
        # the matcher would not see 张伟 in "Zhang Wei".
        for entry in self._owners[: len(protected)]:
            for form in romanised(entry.name):
                self._owners.append(dataclasses.replace(entry))
                whole.append(form)
        if whole:
            self.matcher = Matcher(
                [p.name for p in self._owners[: len(protected)]],
                kept.values(),
                whole=whole,
                slavic=slavic,
            )
        self._who: dict[tuple[int, str], Who] = {}
        self._unchecked: list[Who] = []  # phrases handed out, not yet checked
        self._unsafe_phrase = False

    # -- consent ------------------------------------------------------------

    def consent(self, country: str, name: str) -> str:
        """The consent that applies to `name` in `country`, across all records."""
        known = self._people.get(_key(country, name))
        return known.consent if known else "anonymous"

    def _protected_hits(
        self,
        text: str,
        slug: bool = False,
        language: str = "en",
        within: frozenset[int] | None = None,
    ) -> list[Hit]:
        """Hits of names that may not be printed.

        `within`: the people a record lists. A part of anyone else's name
        alone ("Amparo", in the place "Nuevo Amparo") is another person or a
        place as often as not: it counts only in a text that also has that
        person's full name.
        """
        hits = [h for h in self.matcher.find(text, language=language, slug=slug) if h.kind != KEEP]
        whole: set[int] = set()
        for h in hits:
            if h.kind != PART:
                whole |= h.owners
        out = []
        for h in hits:
            # A form several people share: describe the one this record lists,
            # or whose full name the text has.
            if len(h.owners) == 1:
                mine = h.owners if (within and h.owner in within) or h.owner in whole else None
            else:
                mine = (h.owners & within if within else None) or h.owners & whole
            if mine:
                h = Hit(h.start, h.end, min(mine), h.kind, h.owners)
            elif within is not None and h.kind == PART:
                continue
            out.append(h)
        return out

    def _within(self, record: Record) -> frozenset[int]:
        names = [p.name for p in record.persons] + [record.source.name]
        found = (self._owner_of.get(fold_text(n).strip()) for n in names)
        return frozenset(i for i in found if i is not None)

    @property
    def _phrases_safe(self) -> bool:
        """No phrase handed out so far carries a protected name."""
        while self._unchecked:
            who = self._unchecked.pop()
            if self._protected_hits(who.first) or self._protected_hits(who.later):
                self._unsafe_phrase = True
        return not self._unsafe_phrase

    def _describe(self, owner: int, language: str) -> Who:
        cached = self._who.get((owner, language))
        if cached is not None:
            return cached
        entry = self._owners[owner]
        if entry.person is not None:
            person = entry.person
            if person.group and self._protected_hits(person.group):
                person = person.model_copy(update={"group": None})  # "brother of <name>"
            first = describe(person, language)
        else:
            lang = language.split("-")[0]
            kind = entry.source_kind or "defender"
            first = _SOURCE_KINDS[kind] if lang == "en" else _SOMEONE.get(lang, ("",))[0]
            first = first or _SOURCE_KINDS[kind]
        who = Who(first, _later(first, language))
        self._who[(owner, language)] = who
        self._unchecked.append(who)
        return who

    # -- text ---------------------------------------------------------------

    def text(
        self,
        text: str,
        language: str = "en",
        *,
        slug: bool = False,
        within: frozenset[int] | None = None,
    ) -> str:
        """`text` (record Markdown) with every protected name replaced, as prose.

        `slug`: the text is an address, id or key (name parts match in any
        case). `within`: see `_protected_hits` (None: every part counts).
        """
        for _ in range(3):
            scrubbed = self._scrub(text, language, slug, within)
            if scrubbed == text:
                return text
            if plain(text) and plain(scrubbed) and self._phrases_safe:
                # Plain text with its names replaced by phrases that name
                # nobody: nothing new to find (Markdown is checked again,
                # as its rewrite can join what markup kept apart).
                return scrubbed
            text = scrubbed
        # Still finding names after three passes: keep only the plain text.
        reader = ReaderText.parse(text)
        reader.aligned = False
        return reader.rewrite(self._edits(reader.text, language, slug, None))

    def _edits(
        self, visible: str, language: str, slug: bool, within: frozenset[int] | None
    ) -> list[tuple[int, int, str]]:
        hits = self._protected_hits(visible, slug, language, within)
        if not hits:
            return []
        who = {h.owner: self._describe(h.owner, language) for h in hits}
        female: dict[int, bool | None] = {}
        for h in hits:
            gender = (((p := self._owners[h.owner].person) and p.gender) or "").lower()
            female[h.owner] = True if gender in _FEMALE else False if gender in _MALE else None
        return edits(visible, [(h.start, h.end, h.owner) for h in hits], who, language, female)

    def _scrub(self, text: str, language: str, slug: bool, within: frozenset[int] | None) -> str:
        if plain(text):
            changes = self._edits(text, language, slug, within)
            out = text
            for a, b, phrase in reversed(changes):
                out = out[:a] + phrase + out[b:]
            return out
        reader = ReaderText.parse(text)
        drop = [i for i, link in enumerate(reader.links) if self._protected_hits(link.href, True)]
        changes = self._edits(reader.text, language, slug, within)
        if not changes and not drop:
            return text
        return reader.rewrite(changes, drop)

    def text_about(self, text: str, records: Iterable[Record], language: str = "en") -> str:
        """`text`, written from `records` (a stored draft's block), protected as a compile would.

        A part of a name alone counts where one of `records` lists the
        person (or the text also has the full name), as in :meth:`record`.
        """
        within = frozenset().union(*(self._within(r) for r in records))
        return self.text(text, language, within=within)

    def names_someone(self, text: str, *, slug: bool = False) -> bool:
        """True when `text` (an address or id: `slug`) carries a name that may not be printed."""
        return bool(self._protected_hits(text, slug=slug))

    def findings(self, text: str, records: Iterable[Record] | None = None) -> list[Finding]:
        """Where `text` names someone who may not be named, and the records listing them.

        With `records` (those the text is written from), a part of a name
        alone counts as :meth:`text_about` counts it; without, every part does.
        """
        out = []
        reader = ReaderText.parse(text)
        within = None
        if records is not None:
            within = frozenset().union(*(self._within(r) for r in records))
        for h in self._protected_hits(reader.text, within=within):
            if reader.aligned:
                at, source = reader.source_range(h.start, h.end)[0], reader.source
            else:
                at, source = h.start, reader.text
            line = source.count("\n", 0, at) + 1
            out.append(Finding(line, self._owners[h.owner].records))
        return out

    # -- records ------------------------------------------------------------

    def record(self, record: Record) -> tuple[Record, int, int]:
        """The record made safe to print; (record, persons unnamed, persons removed)."""
        lang = record.language
        within = self._within(record)
        unlisted: Protection | None = None  # see _as_unlisted

        def text(value: str, language: str = lang) -> str:
            value = self.text(value, language, within=within)
            return unlisted.text(value, language) if unlisted is not None else value

        persons: list[Person] = []
        unnamed = removed = 0
        for p in record.persons:
            consent = self.consent(record.country, p.name)
            group = text(p.group) if p.group else p.group
            if consent == "named":
                persons.append(p if group == p.group else p.model_copy(update={"group": group}))
            elif consent == "withheld":
                removed += 1
            else:
                unnamed += 1
                shown = p.model_copy(update={"consent": consent, "group": group})
                persons.append(shown.model_copy(update={"name": describe(shown, lang)}))
        source = record.source
        if _is_individual(source):
            listed = any(fold_text(p.name) == fold_text(source.name) for p in record.persons)
            if not listed or self.consent(record.country, source.name) != "named":
                if self.consent(record.country, source.name) == "named":
                    unlisted = Protection([_as_unlisted(record)])
                source = source.model_copy(update={"name": _SOURCE_KINDS[source.kind]})
        elif self._protected_hits(source.name, within=within):
            source = source.model_copy(update={"name": _SOURCE_KINDS[source.kind]})
        citation = record.citation
        if citation is not None:
            url = citation.url
            if url and self._protected_hits(url, slug=True, within=within):
                url = None  # the citation text still says where it came from
            citation = citation.model_copy(update={"text": text(citation.text), "url": url})
        update = {
            "title": text(record.title),
            "summary": text(record.summary),
            "location": text(record.location) if record.location else record.location,
            "persons": persons,
            "source": source,
            "citation": citation,
            "figures": self._figures(record.figures, within),
            # A translation is scrubbed in its own language, like the original.
            "translations": {
                tag: t.model_copy(
                    update={
                        "title": text(t.title, tag) if t.title else t.title,
                        "summary": text(t.summary, tag),
                    }
                )
                for tag, t in record.translations.items()
            },
        }
        if self._protected_hits(record.id, slug=True, within=within):
            digest = hashlib.sha256(f"{record.source.name}\0{record.id}".encode()).hexdigest()
            update["id"] = f"{record.country}-{digest[:10]}"
        changed = {k: v for k, v in update.items() if v != getattr(record, k)}
        if not changed:
            return record, unnamed, removed
        return record.model_copy(update=changed), unnamed, removed

    def _figures(self, figures: dict[str, int], within: frozenset[int]) -> dict[str, int]:
        out: dict[str, int] = {}
        for key, value in figures.items():
            if self._protected_hits(key, slug=True, within=within):
                words = self.text(key.replace("_", " "), "en", slug=True, within=within)
                key = re.sub(r"[^a-z0-9]+", "_", fold(words).text).strip("_")
                while key in out:
                    key += "_2"
            out[key] = value
        return out


def _as_unlisted(record: Record) -> Record:
    """The record with its source as its only, unconsenting, person.

    An individual source is named only where their own record lists them
    as consenting (and no record in scope says otherwise); a record that
    does not list them scrubs their name from its own text too.
    """
    person = Person(name=record.source.name, role="source", consent="anonymous")
    return record.model_copy(update={"persons": [person]})


_SLAVIC = frozenset("ru uk be bg mk pl cs sk sl hr sr bs".split())
_FEMALE = frozenset("female f woman girl femme mujer femenino".split())
_MALE = frozenset("male m man boy homme hombre masculino".split())
