"""Pins the corpus texts to the sources word for word.

`test_every_french_text_is_in_its_sources` checks that each French text of a
document occurs in the source file(s) its `sources` name, reporting every failing
text with its file and YAML path; `test_amendment_parts_are_contiguous_in_the_source`
checks that the texts of each part of an amendment follow one another in the source
with nothing left out.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from generator.model.choices import print_choices
from generator.model.provisions import Provision
from generator.model.text import FOOTNOTE_RE, SLOT_RE
from tests.support.corpus_pins import DOCUMENTS, SOURCES, doc, i18n_texts, inserted, raw


def normalise(text: str) -> str:
    """Collapse whitespace; rejoin a word hyphenated at a line end.

    Every line-end hyphen in the sources is a real one ("maladie-invalidité",
    "post-Covid-19", "co-création", "c'est-à-dire"), so the hyphen is kept and
    only the line break is removed.
    """
    text = re.sub(r"(\w-)[ \t]*\n\s*(?=\w)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


@cache
def source_text(file_name: str) -> str:
    # The page breaks inside corpus texts leave only whitespace, which normalise()
    # collapses, except the footnotes printed at a page's foot (PAGE_FOOT_NOTES):
    # see source_without_page_feet.
    return normalise((SOURCES / file_name).read_text(encoding="utf-8"))


#: footnotes printed at the foot of a page in the middle of a text, the text reading
#: on after them on the next page: (first words, last words) of each, mark included.
#: In 001, footnote 1 of circular Psy-Ort/2023/003 cuts its second « o » point
#: (« ces dépenses ne font [note] plus partie du budget »).
PAGE_FOOT_NOTES = {
    "001_16ea3ccc09936a41.txt": [("1 la pratique en outreach", "d’autres financements.")],
}


@cache
def source_without_page_feet(file_name: str) -> str:
    """The source with its page-foot footnotes taken out of the text they cut (each
    footnote is a corpus text of its own, found in `source_text`)."""
    text = source_text(file_name)
    for first, last in PAGE_FOOT_NOTES.get(file_name, ()):
        start = text.index(first)
        end = text.index(last, start) + len(last)
        text = text[:start].rstrip() + " " + text[end:].lstrip()
    return text


def render(text: str) -> str:
    """The text as the blank model prints it: choices as their alternatives
    (brackets and all), slots as their placeholder, footnote references as their
    bare mark."""
    text = SLOT_RE.sub(lambda m: m.group(2) or "", print_choices(text))
    text = FOOTNOTE_RE.sub(lambda m: m.group(1), text)
    return normalise(text)


# The registry model has no `sources`: its labels come from 004 (annex 1) and 003
# (cost centres); its title is editorial.
REGISTRY_SOURCES = ["004_93286c8b41ca43c3.txt", "003_deb1f858f1acfa25.txt"]

#: the only words the corpus holds that its sources do not print: the feminine of a
#: signatory's capacity (issue 12: « directeur / directrice générale »), printed when
#: the party file says the signatory is a woman. Each is pinned to its masculine,
#: which is in the sources (`test_a_feminine_capacity_is_the_feminine_of_its_capacity`).
FEMININE_OF = {"directeur général": "directrice générale"}


def _feminine_capacity(path: str) -> bool:
    return path.endswith(".capacity_feminine")


def test_every_french_text_is_in_its_sources():
    failures = []
    checked = 0
    for doc_id in DOCUMENTS:
        data = raw(doc_id)
        if data["type"] == "code-registry":
            files = REGISTRY_SOURCES
        else:
            files = [s["file"] for s in data["sources"] if s.get("file")]
        assert files, f"{doc_id}: no source file named"
        haystacks = [source_text(f) for f in files] + [source_without_page_feet(f) for f in files]
        for path, text in i18n_texts(data):
            if (data["type"] == "code-registry" and path == "title") or _feminine_capacity(path):
                continue
            needle = render(text["fr"])
            if not needle:
                continue
            checked += 1
            if any(needle in h for h in haystacks):
                continue
            # A convention's title is lifted from the middle of a sentence
            # ("Sixième avenant à la convention entre ...", "Avenant au modèle de
            # convention ..."): only its initial letter is capitalised.
            if data["type"] == "convention" and path == "title":
                lowered = needle[0].lower() + needle[1:]
                if any(lowered in h for h in haystacks):
                    continue
            failures.append(f"{doc_id}.yaml {path} (not in {', '.join(files)}):\n    {needle}")
    assert checked > 300
    assert not failures, f"{len(failures)} text(s) not found word for word:\n" + "\n".join(failures)


def test_a_feminine_capacity_is_the_feminine_of_its_capacity():
    found = 0
    for doc_id in DOCUMENTS:
        document = doc(doc_id)
        closing = getattr(document, "closing", None)
        for block in closing.signatures if closing else []:
            if block.capacity_feminine is not None:
                found += 1
                assert block.capacity is not None
                assert FEMININE_OF[block.capacity.fr] == block.capacity_feminine.fr, doc_id
    assert found == 4  # the network's and the hospital's blocks of both amendments


# --------------------------------------------------------------------------- contiguity
# The test above checks each text on its own. These check that the texts of a
# part follow one another in the source with nothing left out in between: the
# head of each amendment (title, recitals, preamble), each amending article with
# its quoted text, the closing, and the annex.


def provision_words(p: Provision) -> list[str]:
    words = []
    if p.heading:
        words.append(p.heading.fr)
    if p.kind == "article":
        words.append(p.label or f"Article {p.num}")
    elif p.kind == "paragraph":
        words.append(p.label or ("§ 1er" if p.num == "1" else f"§ {p.num}"))
    elif p.kind == "point":
        words.append(p.label or p.num)
    if p.text:
        words.append(p.text.fr)
    for child in p.children:
        words += provision_words(child)
    return words


def preamble_words(blocks) -> list[str]:
    words = []
    for block in blocks:
        if block.paragraphs:
            paragraphs = [t.fr for t in block.paragraphs]
        else:
            paragraphs = []
            for i, variant in enumerate(block.variants):
                if i:
                    paragraphs.append(block.separator.fr)
                paragraphs += [t.fr for t in variant.paragraphs]
        if block.bullet:
            paragraphs[0] = "• " + paragraphs[0]
        words += paragraphs
    return words


def amendment_segments(amendment_id: str) -> list[tuple[str, str]]:
    a = doc(amendment_id)
    segments = [
        (
            "head",
            [a.title.fr, *(r.fr for r in a.recitals), *preamble_words(a.preamble)],
        )
    ]
    for art in a.articles:
        words = [art.text.fr]
        for op in art.operations:
            if op.provision is not None:
                body = " ".join(provision_words(op.provision))
                words.append(op.quote.open + body + op.quote.close)
        segments.append((f"article {art.num}", words))
    closing = [a.closing.place_date.fr]
    for block in a.closing.signatures:
        closing += [line.fr for line in block.lines]
    segments.append(("closing", closing))
    for annex in a.annexes:
        words = [annex.heading.fr, *(c.fr for c in annex.columns)]
        for row in annex.rows:
            words += [row.code, row.description.fr]
        words += [n.fr for n in annex.notes]
        words.append("Abréviations :")
        words += [f"{x.abbr} : {x.meaning.fr}" for x in annex.abbreviations]
        segments.append((f"annex {annex.num}", words))
    return [(name, render(" ".join(words))) for name, words in segments]


def source_without_footnote_block(file_name: str, amendment_id: str) -> str:
    """The source with the footnotes of article 17 § 1/1 removed.

    In 004 those footnotes are printed at the foot of the page, between the
    second and third alinéas of the provider amendment's article 14/1 (page
    noise inside that quoted article); removed here so that the article reads
    as one piece.
    """
    text = source_text(file_name)
    if amendment_id != "network-provider-2021/avenant-2023-09":
        return text
    point = inserted(amendment_id, "1").children[0].children[0]
    block = render(" ".join(f"{f.mark} {f.text.fr}" for f in point.footnotes))
    assert text.count(block) == 1
    return text.replace(" " + block + " ", " ")


@pytest.mark.parametrize(
    "amendment_id", ["inami-network-2021/avenant-06", "network-provider-2021/avenant-2023-09"]
)
def test_amendment_parts_are_contiguous_in_the_source(amendment_id):
    (source,) = {s.file for s in doc(amendment_id).sources}
    haystack = source_without_footnote_block(source, amendment_id)
    missing = [
        f"{name}:\n    {text}"
        for name, text in amendment_segments(amendment_id)
        if text not in haystack
    ]
    assert not missing, "not found as one piece:\n" + "\n".join(missing)


def test_article_13_paragraph_2_is_contiguous_in_the_note():
    para = doc("inami-network-2021/convention").articles[2].children[1]
    words = provision_words(para)
    assert words[0] == "§ 2"  # not printed in the quotation
    quoted = render("« " + " ".join(words[1:]))
    assert quoted in source_text("003_deb1f858f1acfa25.txt")
