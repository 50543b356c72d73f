"""Issue 12, layout that reads as an official text: the generated DOCX read
back, for the sixth amendment (a network of each kind), the provider amendment
(a psychologist and an organisation), a coordinated convention and a circular.
The PDF made from them: test_layout_pdf.py."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from generator.ooxml.namespaces import W_NS, W
from tests.support.layout_docs import (
    AMENDMENTS,
    CASES,
    WITH_ANNEX,
    WITH_PARAGRAPH_1_1,
    docx_names,
    docx_part,
    style_of,
    styled_paragraphs,
)

TWIPS_PER_CM = 1440 / 2.54


def _docx(layout_documents, name):
    return layout_documents[name]["docx"]


def _xml(path, part: str):
    return etree.fromstring(docx_part(path, part).encode("utf-8"))


# -- annex tables ------------------------------------------------------------------


@pytest.mark.parametrize("name", WITH_ANNEX)
def test_annex_table_header_repeats_and_rows_never_split(layout_documents, name):
    body = _xml(_docx(layout_documents, name), "word/document.xml")
    tables = [t for t in body.iter(f"{W}tbl") if "pseudocode" in "".join(t.itertext()).lower()]
    assert tables
    for table in tables:
        rows = table.findall(f"{W}tr")
        assert len(rows) > 10  # the codes, one row each
        header, *codes = rows
        assert header.find(f"{W}trPr/{W}tblHeader") is not None
        assert all(row.find(f"{W}trPr/{W}tblHeader") is None for row in codes)
        assert all(row.find(f"{W}trPr/{W}cantSplit") is not None for row in rows)
        # the schema's order in w:trPr: cantSplit first, tblHeader after the height
        tags = [etree.QName(c).localname for c in header.find(f"{W}trPr")]
        assert tags.index("cantSplit") < tags.index("tblHeader")


@pytest.mark.parametrize("name", WITH_ANNEX)
def test_the_code_column_fits_pseudocode_and_the_notes_are_body_text(layout_documents, name):
    path = _docx(layout_documents, name)
    body = _xml(path, "word/document.xml")
    table = next(t for t in body.iter(f"{W}tbl") if "792514" in "".join(t.itertext()))
    widths = [int(c.get(f"{W}w")) for c in table.find(f"{W}tblGrid")]
    # "Pseudocode", 10 bold characters at 9 pt, and the cell's margins: 2.6 cm at least
    assert widths[0] >= 2.6 * TWIPS_PER_CM
    assert sum(widths) <= 16.6 * TWIPS_PER_CM + 1  # within the margins of an A4 page
    assert table.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
    if name.startswith(("sixth", "provider")):
        assert style_of(path, "Tout ajout ou modification des pseudocodes") == "CV Text"
        assert style_of(path, "Soins psychologiques spécialisés") == "CV Text"


# -- a quoted article, and § 1/1 ---------------------------------------------------


@pytest.mark.parametrize("name", AMENDMENTS)
def test_a_quoted_article_has_its_own_style(layout_documents, name):
    paragraphs = styled_paragraphs(_docx(layout_documents, name))
    own = {style for style, text in paragraphs if re.fullmatch(r"Article \d+", text)}
    quoted = {style for style, text in paragraphs if text == "Article 14/1"}
    assert own == {"CV Heading"}
    assert quoted == {"CV Quote Heading"}
    bonus = next(s for s, t in paragraphs if t.startswith("Sur la base des prestations"))
    assert bonus == "CV Quote"
    styles = _xml(_docx(layout_documents, name), "word/styles.xml")
    indent = _style(styles, "CV Quote Heading").find(f"{W}pPr/{W}ind")
    assert int(indent.get(f"{W}left")) > 0  # indented, as INAMI sets a quoted text
    assert _style(styles, "CV Quote Heading").find(f"{W}pPr/{W}outlineLvl") is None


@pytest.mark.parametrize("name", WITH_PARAGRAPH_1_1)
def test_the_alineas_of_paragraph_1_1_are_siblings(layout_documents, name):
    path = _docx(layout_documents, name)
    first = style_of(path, "Par dérogation aux dispositions du §1")
    second = style_of(path, "Le ticket modérateur n'est pas non plus dû")
    third = style_of(path, "Seules les prestations en application")
    point_of_first = style_of(path, "Les séances individuelles ou de groupe ont lieu")
    point_of_second = style_of(path, "Les séances individuelles ou de groupe se déroulent")
    base = "CV Quote" if name.startswith("provider") else "CV Text"
    assert first == second == third == base
    assert point_of_first == point_of_second == f"{base} 1"


# -- language, outline, footer -----------------------------------------------------


def _style(styles, name: str):
    found = [s for s in styles.iter(f"{W}style") if s.find(f"{W}name").get(f"{W}val") == name]
    assert found, name
    return found[0]


@pytest.mark.parametrize("name", list(CASES))
def test_styles_say_the_text_is_belgian_french(layout_documents, name):
    styles = _xml(_docx(layout_documents, name), "word/styles.xml")
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default.get(f"{W}val") == "fr-BE"
    for style in styles.iter(f"{W}style"):
        name_ = style.find(f"{W}name").get(f"{W}val")
        if name_.startswith("CV ") and style.get(f"{W}type") == "paragraph":
            assert style.find(f"{W}rPr/{W}lang").get(f"{W}val") == "fr-BE", name_
    assert "en-US" not in etree.tostring(styles).decode()


@pytest.mark.parametrize("name", list(CASES))
def test_headings_have_outline_levels(layout_documents, name):
    styles = _xml(_docx(layout_documents, name), "word/styles.xml")
    levels = {
        n: _style(styles, n).find(f"{W}pPr/{W}outlineLvl").get(f"{W}val")
        for n in ("CV Heading", "CV Article")
    }
    assert levels == {"CV Heading": "0", "CV Article": "1"}


@pytest.mark.parametrize("name", list(CASES))
def test_the_footer_says_page_n_of_m(layout_documents, name):
    path = _docx(layout_documents, name)
    rels = docx_part(path, "word/_rels/document.xml.rels")
    targets = re.findall(r'Target="(footer\d*\.xml)"', rels)
    assert targets
    footer = _xml(path, f"word/{targets[0]}")
    fields = [f.get(f"{W}instr").strip() for f in footer.iter(f"{W}fldSimple")]
    assert fields == ["PAGE", "NUMPAGES"]
    text = "".join(footer.itertext())
    assert re.search(r"– page 1 / 1$", text), text
    assert W_NS in etree.tostring(footer).decode()


# -- footnotes ---------------------------------------------------------------------

#: the seed's two notes under § 1/1 of article 17 (tests/sources/)
NOTES = [
    "Tel qu’indiqué dans le “Decreet betreffende de leerlingenbegeleiding in het",
    "Tel qu’indiqué dans le « Décret relatif aux missions, programmes et rapport",
]


@pytest.mark.parametrize("name", WITH_PARAGRAPH_1_1)
def test_footnotes_are_word_footnotes(layout_documents, name):
    path = _docx(layout_documents, name)
    assert "word/footnotes.xml" in docx_names(path)
    assert 'PartName="/word/footnotes.xml"' in docx_part(path, "[Content_Types].xml")
    assert 'Target="footnotes.xml"' in docx_part(path, "word/_rels/document.xml.rels")
    notes = _xml(path, "word/footnotes.xml")
    real = [n for n in notes.findall(f"{W}footnote") if n.get(f"{W}type") is None]
    assert [n.get(f"{W}id") for n in real] == ["1", "2"]
    texts = ["".join(n.itertext()).strip().replace("\u00a0", " ") for n in real]
    assert [t[: len(start)] for t, start in zip(texts, NOTES, strict=True)] == NOTES
    assert all(n.find(f".//{W}footnoteRef") is not None for n in real)
    # in the body: the references where the seed prints ¹ and ², and no note paragraph
    body = _xml(path, "word/document.xml")
    paragraph = next(
        p
        for p in body.iter(f"{W}p")
        if "Le centrum voor leerlingenbegeleiding" in "".join(p.itertext())
    )
    assert [r.get(f"{W}id") for r in paragraph.iter(f"{W}footnoteReference")] == ["1", "2"]
    assert "leerlingenbegeleiding (CLB)" in "".join(paragraph.itertext())
    assert not any(text.startswith("Tel qu’indiqué") for _, text in styled_paragraphs(path))
    assert "¹" not in "".join(body.itertext())


@pytest.mark.parametrize("name", ["sixth-children", "circular"])
def test_documents_without_notes_have_no_footnotes_part(layout_documents, name):
    assert "word/footnotes.xml" not in docx_names(_docx(layout_documents, name))


# -- French typography -------------------------------------------------------------


def _printed_text(path, part: str) -> str:
    return "".join(t.text or "" for t in _xml(path, part).iter(f"{W}t"))


@pytest.mark.parametrize("name", list(CASES))
def test_french_punctuation_keeps_to_its_word(layout_documents, name):
    path = _docx(layout_documents, name)
    parts = ["word/document.xml"] + (["word/footnotes.xml"] if name in WITH_PARAGRAPH_1_1 else [])
    for part in parts:
        text = _printed_text(path, part)
        # an ordinary space never stands before : ; ? ! » nor after «
        assert not re.search(r" [:;?!»]|« ", text), re.findall(r".{20} [:;?!»]|« .{20}", text)
    text = _printed_text(path, "word/document.xml")
    assert "\u00a0:" in text
    if name in AMENDMENTS:
        assert "«\u00a0" in text and "\u00a0»" in text
    if name in WITH_PARAGRAPH_1_1:
        assert "les conditions suivantes sont remplies\u00a0:" in text
