"""Issue 12, layout that reads as an official text: the PDF LibreOffice makes
of each generated DOCX (test_layout_docx.py), read back with pypdf: where each
line is printed, in which font, the bookmarks, /Lang and the metadata."""

from __future__ import annotations

import re

import pytest
from pypdf import PdfReader

from tests.support.layout_docs import (
    AMENDMENTS,
    CASES,
    WITH_ANNEX,
    WITH_PARAGRAPH_1_1,
    line_with,
    outline_titles,
    printed_lines,
)

pytestmark = pytest.mark.libreoffice

#: a table row's first line: its code (in the text, codes come in lists: "792595, 792610")
CODE = re.compile(r"\d{6}(?![\d,])")
HEADER = "pseudocodedescription"  # the header row, its cells' words joined


def _pdf(layout_documents, name):
    return layout_documents[name]["pdf"]


def _row(line) -> bool:
    """The line opens a row of the annex table (set smaller than the text)."""
    return bool(CODE.match(line.text)) and line.size < 10


def _cells(line) -> str:
    return line.text.replace(" ", "").lower()


def _body(lines, page: int):
    """The lines of one page, without the running header (the issuer's letterhead:
    the lines printed alike at the top of every page) and the footer."""
    pages = {line.page for line in lines}
    seen: dict[tuple[float, str], set[int]] = {}
    for line in lines:
        seen.setdefault((round(line.y), line.text), set()).add(line.page)
    running = {key for key, on in seen.items() if on == pages}
    return [
        line
        for line in lines
        if line.page == page
        and (round(line.y), line.text) not in running
        and not line.text.startswith("Réf. ")
    ]


@pytest.mark.parametrize("name", WITH_ANNEX)
def test_the_annex_header_repeats_on_each_page_and_no_row_splits(layout_documents, name):
    lines = printed_lines(_pdf(layout_documents, name))
    pages = sorted({line.page for line in lines if _row(line)})
    assert len(pages) >= 2  # a long annex: it goes on to a second page
    for page in pages:
        body = _body(lines, page)
        header = next(i for i, line in enumerate(body) if _cells(line) == HEADER)
        # under the header, a row starts with its code: none began on the page before
        assert _row(body[header + 1]), body[header + 1].text
    continuation = _body(lines, pages[1])
    assert _cells(continuation[0]) == HEADER  # at the top of page 2


@pytest.mark.parametrize("name", WITH_ANNEX)
def test_the_notes_under_the_table_are_in_the_body_font(layout_documents, name):
    if not name.startswith(("sixth", "provider")):
        pytest.skip("the coordinated convention's annex has no notes")
    lines = printed_lines(_pdf(layout_documents, name))
    note = line_with(lines, "Tout ajout ou modification des pseudocodes")
    body = line_with(lines, "Vu la loi relative")
    assert (note.size, note.fonts) == (body.size, body.fonts)
    code = next(line for line in lines if _row(line))
    assert note.size > code.size  # not the table's smaller type


@pytest.mark.parametrize("name", AMENDMENTS)
def test_a_quoted_article_is_indented_and_no_bookmark(layout_documents, name):
    path = _pdf(layout_documents, name)
    lines = printed_lines(path)
    own = line_with(lines, "Article 1")
    quoted = [line for line in lines if line.text == "Article 14/1"]
    assert len(quoted) == 1
    assert quoted[0].x > own.x + 20  # indented (1 cm is 28 points)
    assert any("Bold" in font for font in quoted[0].fonts)
    titles = [title for _, title in outline_titles(path)]
    assert "Article 1" in titles and "Article 14/1" not in titles


@pytest.mark.parametrize("name", WITH_PARAGRAPH_1_1)
def test_the_alineas_of_paragraph_1_1_are_siblings(layout_documents, name):
    lines = printed_lines(_pdf(layout_documents, name))
    first = line_with(lines, "Par dérogation aux dispositions du §1")
    second = line_with(lines, "Le ticket modérateur n'est pas non plus dû")
    third = line_with(lines, "Seules les prestations en application")
    points = [
        line_with(lines, "Les séances individuelles ou de groupe ont lieu"),
        line_with(lines, "Les séances individuelles ou de groupe se"),
    ]
    assert abs(first.x - second.x) < 1 and abs(second.x - third.x) < 1
    assert all(point.x > second.x + 10 for point in points)
    assert abs(points[0].x - points[1].x) < 1


@pytest.mark.parametrize("name", list(CASES))
def test_the_pdf_is_in_belgian_french(layout_documents, name):
    root = PdfReader(str(_pdf(layout_documents, name))).trailer["/Root"]
    assert root["/Lang"] == "fr-BE"


@pytest.mark.parametrize("name", WITH_ANNEX)
def test_bookmarks_name_the_articles_and_the_annex(layout_documents, name):
    titles = outline_titles(_pdf(layout_documents, name))
    top = [title for depth, title in titles if depth == 0]
    if name.startswith("sixth"):
        assert top[:2] == ["Article 1", "Article 2"]
    elif name.startswith("provider"):
        assert top[:4] == ["Article 1", "Article 2", "Article 3", "Article 4"]
    else:  # the convention's own articles, an article's title above it
        assert top[:3] == ["Article 14", "Prime de pratique", "Article 17"]
        assert (1, "Article 14/1") in titles
    assert top[-1].startswith("Annexe 1")


@pytest.mark.parametrize("name", list(CASES))
def test_the_footer_says_page_n_of_m(layout_documents, name):
    lines = printed_lines(_pdf(layout_documents, name))
    pages = max(line.page for line in lines)
    for page in range(1, pages + 1):
        footer = [line.text for line in lines if line.page == page and "Réf. " in line.text]
        assert len(footer) == 1 and footer[0].endswith(f"– page {page} / {pages}"), footer


@pytest.mark.parametrize("name", WITH_PARAGRAPH_1_1)
def test_footnotes_are_at_the_foot_of_the_page_that_calls_them(layout_documents, name):
    lines = printed_lines(_pdf(layout_documents, name))
    calling = line_with(lines, "Le centrum voor leerlingenbegeleiding")
    notes = [line_with(lines, f"{n} Tel qu’indiqué dans le") for n in ("1", "2")]
    footer = next(x for x in lines if x.page == calling.page and x.text.startswith("Réf. "))
    body = [x for x in _body(lines, calling.page) if x.size >= calling.size and x.y > footer.y]
    assert all(note.page == calling.page for note in notes)
    # under the last line of text, above the footer, in smaller type
    assert all(footer.y < note.y < min(x.y for x in body) for note in notes)
    assert all(note.size < calling.size for note in notes)


@pytest.mark.parametrize("name", list(CASES))
def test_no_line_begins_with_french_punctuation_or_ends_with_a_guillemet(layout_documents, name):
    lines = printed_lines(_pdf(layout_documents, name))
    broken = [x.text for x in lines if re.match(r"[:;?!»]", x.text) or x.text.endswith("«")]
    assert not broken


# -- PDF/A metadata ----------------------------------------------------------------

XMP_DATE = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)")
INFO_DATE = re.compile(r"D:(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(Z|[+-]\d\d'\d\d'?)")


def _xmp(reader):
    from lxml import etree

    packet = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    return etree.fromstring(
        packet[packet.index(b"<x:xmpmeta") : packet.rindex(b"</x:xmpmeta>") + 12]
    )


@pytest.mark.parametrize("name", list(CASES))
def test_the_xmp_title_is_the_documents_title(layout_documents, name):
    reader = PdfReader(str(_pdf(layout_documents, name)))
    info = reader.metadata
    titles = _xmp(reader).findall(".//{http://purl.org/dc/elements/1.1/}title//{*}li")
    assert [t.text for t in titles] == [info["/Title"]]
    assert "&" not in titles[0].text  # not escaped twice: "l&apos;Institut"
    if name.startswith("sixth"):
        assert "de l'Institut national d'assurance maladie-invalidité" in titles[0].text


@pytest.mark.parametrize("name", list(CASES))
def test_the_dates_are_well_formed_and_agree(layout_documents, name):
    reader = PdfReader(str(_pdf(layout_documents, name)))
    xmp = _xmp(reader)
    created = INFO_DATE.fullmatch(reader.metadata["/CreationDate"])
    assert created
    xmp_dates = {e.tag.split("}")[1]: e.text for e in xmp.iter("{http://ns.adobe.com/xap/1.0/}*")}
    assert XMP_DATE.fullmatch(xmp_dates["CreateDate"])
    y, mo, d, h, mi, s, _ = created.groups()
    assert xmp_dates["CreateDate"].startswith(f"{y}-{mo}-{d}T{h}:{mi}:{s}")
    if "/ModDate" in reader.metadata:
        assert reader.metadata["/ModDate"] == reader.metadata["/CreationDate"]
        assert xmp_dates["ModifyDate"] == xmp_dates["CreateDate"]


@pytest.mark.parametrize("name", list(CASES))
def test_every_font_is_embedded(layout_documents, name):
    reader = PdfReader(str(_pdf(layout_documents, name)))
    seen = set()
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            described = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = described["/FontDescriptor"].get_object()
            assert {"/FontFile", "/FontFile2", "/FontFile3"} & set(descriptor), font["/BaseFont"]
            seen.add(str(font["/BaseFont"]))
    assert seen
