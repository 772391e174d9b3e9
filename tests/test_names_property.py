"""Property: no form of an unconsented name survives in anything a reader gets from a record.

Names are generated in several scripts (Latin with accents, Cyrillic,
Arabic, Han, Hangul) and mentioned in many forms (NFD and NFC, invisible
characters inside, look-alike letters, full-width, split by emphasis or
entities, capitals, e-mail addresses and URL slugs, case endings, Traditional
for Simplified) in every field that reaches an output. The record goes
through `make_safe`; each text field is read as a reader would read it
(Markdown → HTML → text) and as its source; nothing may still fold to a
part of the name.
"""

from __future__ import annotations

import html
import re
import unicodedata

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from hrdraft.records import Record
from hrdraft.render.markup import to_html
from hrdraft.select import make_safe
from hrdraft.select.fold import fold

LATIN = st.from_regex(r"[A-ZÁÉÓÑ][a-záéíóúñ]{2,8}", fullmatch=True)
CYRILLIC = st.from_regex(
    r"[БВГДКЛМНПРСТ][аеиоу][бвгдклмнпрст][аеиоу][бвгдклмнпрст]", fullmatch=True
)
ARABIC = st.text(alphabet="بتحدرسعفقكلمنهوي", min_size=3, max_size=6)
# Characters with distinct Traditional forms, so the Traditional spelling differs.
HAN_SURNAMES = "陈张刘杨黄赵吴孙马罗郑"
HAN_GIVEN = "志强伟国华丽军龙红东"
TRADITIONAL = str.maketrans(
    "陈张刘杨黄赵吴孙马罗郑志强伟国华丽军龙红东", "陳張劉楊黃趙吳孫馬羅鄭誌強偉國華麗軍龍紅東"
)
HANGUL = st.text(
    alphabet=st.characters(min_codepoint=0xAC00, max_codepoint=0xD7A3), min_size=1, max_size=1
)
# Words of the templates and descriptions: a generated part equal to one is no test.
TEMPLATE_WORDS = {
    fold(w).text
    for w in "police detained on monday later was released friends of brother reported "
    "adherents statement person the a an ngo source victim https example org".split()
}


@st.composite
def names(draw: st.DrawFn) -> tuple[str, str, list[str]]:
    """(script, name as recorded, the parts a reader must not find)."""
    script = draw(st.sampled_from(["latin", "cyrillic", "arabic", "han", "hangul"]))
    if script == "han":
        name = draw(st.sampled_from(HAN_SURNAMES)) + "".join(
            draw(st.lists(st.sampled_from(HAN_GIVEN), min_size=2, max_size=2, unique=True))
        )
        return script, name, [name, name[1:]]
    if script == "hangul":
        family, *given = draw(st.lists(HANGUL, min_size=3, max_size=3, unique=True))
        assume(not {family, *given} & set("한사람"))
        return script, f"{family} {''.join(given)}", [family + "".join(given), "".join(given)]
    part = {"latin": LATIN, "cyrillic": CYRILLIC, "arabic": ARABIC}[script]
    parts = draw(st.lists(part, min_size=2, max_size=2, unique_by=lambda p: fold(p).text))
    assume(all(fold(p).text not in TEMPLATE_WORDS for p in parts))
    return script, " ".join(parts), parts


FORMS = [
    "nfc",
    "nfd",
    "invisible",
    "lookalike",
    "fullwidth",
    "emphasis",
    "entity",
    "capitals",
    "email",
    "slug",
    "inflected",
    "traditional",
]
FIELDS = [
    "title",
    "summary",
    "translation",
    "location",
    "citation",
    "url",
    "source",
    "group",
    "figure",
    "id",
]
_LOOKALIKE = str.maketrans("aeopcxyAEOPCXHBMTK", "аеорсхуАЕОРСХНВМТК")


def mention(name: str, script: str, form: str, markdown: bool) -> str:
    """`name` written in `form` (a form a text field can hold)."""
    surname = name.split()[-1]
    if form == "nfd":
        return unicodedata.normalize("NFD", name)
    if form == "invisible":
        return surname[:1] + "\u200b" + surname[1:] if len(surname) > 1 else surname
    if form == "lookalike":
        return name.translate(_LOOKALIKE)
    if form == "fullwidth":
        return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in name)
    if form == "emphasis" and markdown and len(surname) > 2:
        return f"**{surname[:2]}**{surname[2:]}"
    if form == "entity" and markdown:
        return f"&#{ord(surname[0])};{surname[1:]}"
    if form == "capitals":
        return name.upper()
    if form in ("email", "slug"):
        ascii_name = fold(name).text
        sep = "." if form == "email" else "-"
        return sep.join(ascii_name.split()) + ("@example.org" if form == "email" else "-blog")
    if form == "inflected" and script == "cyrillic":
        return " ".join(w + "у" for w in name.split())
    if form == "traditional" and script == "han":
        return name.translate(TRADITIONAL)
    return name


def build(name: str, script: str, form: str, field: str) -> Record:
    language = {"cyrillic": "ru", "arabic": "ar", "han": "zh-Hans", "hangul": "ko"}.get(
        script, "en"
    )
    text_mention = mention(name, script, form, markdown=True)
    slug = re.sub(r"[^a-z0-9]+", "_", fold(name).text) or "x"
    data: dict[str, object] = {
        "id": "XA-1",
        "country": "XA",
        "year": 2023,
        "title": "Arrest",
        "summary": "Police detained a man on Monday.",
        "language": language,
        "source": {"name": "Veloria Rights Watch", "kind": "ngo"},
        "persons": [{"name": name, "role": "victim", "consent": "anonymous"}],
        "sensitivity": "public",
    }
    if field in ("title", "summary", "location"):
        data[field] = (
            f"Police detained {text_mention} on Monday. Later {text_mention} was released."
        )
    elif field == "translation":
        # A record's translation is printed in its place: scrubbed the same way.
        data["translations"] = {
            "es" if language == "en" else "en": {
                "title": f"On {text_mention}",
                "summary": f"Police detained {text_mention} on Monday. Later {text_mention} "
                "was released.",
            }
        }
    elif field == "citation":
        data["citation"] = {"text": f"Statement on {text_mention}"}
    elif field == "url":
        data["citation"] = {"text": "Statement", "url": f"https://example.org/{slug}-{slug}"}
    elif field == "source":
        data["source"] = {"name": f"Friends of {mention(name, script, form, False)}", "kind": "ngo"}
    elif field == "group":
        data["persons"] = [
            {"name": name, "role": "victim", "consent": "withheld"},
            {"name": "Tomas Berg", "role": "witness", "group": f"brother of {name}"},
        ]
    elif field == "figure":
        data["figures"] = {f"adherents_of_{slug}": 3}
    elif field == "id":
        data["id"] = f"XA-{slug}"
    return Record.model_validate(data)


def reader_views(record: Record) -> list[str]:
    """Every string of the record a draft prints, as source and as a reader reads it."""
    texts = [record.title, record.summary, record.location or "", record.source.name, record.id]
    if record.citation:
        texts += [record.citation.text, record.citation.url or ""]
    texts += [p.name for p in record.persons] + [p.group or "" for p in record.persons]
    texts += [k.replace("_", " ") for k in record.figures]
    texts += [t for tr in record.translations.values() for t in (tr.title or "", tr.summary)]
    rendered = [html.unescape(re.sub(r"<[^>]+>", "", str(to_html(t)))) for t in texts]
    return texts + rendered


def survives(part: str, text: str, unspaced: bool) -> bool:
    p, t = fold(part).text, fold(text).text
    if unspaced:
        return p in t.replace(" ", "")
    return re.search(rf"(?<![^\W\d_]){re.escape(p)}(?![^\W\d_])", t) is not None


@given(who=names(), form=st.sampled_from(FORMS), field=st.sampled_from(FIELDS))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
def test_no_form_of_an_unconsented_name_reaches_a_reader(
    who: tuple[str, str, list[str]], form: str, field: str
) -> None:
    script, name, parts = who
    record = build(name, script, form, field)
    safe, _, _ = make_safe(record)
    unspaced = script in ("han", "hangul")
    for text in reader_views(safe):
        for part in parts:
            assert not survives(part, text, unspaced), (form, field, name, text)
        if form == "inflected" and script == "cyrillic":
            for word in name.split():
                assert not survives(word + "у", text, unspaced), (field, name, text)
