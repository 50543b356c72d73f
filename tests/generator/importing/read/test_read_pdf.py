"""The PDF reader on the PDF a real LibreOffice makes of the DOCX built here: the
same blocks as from the DOCX, wrapped lines and soft hyphens joined again, the page
furniture left out; its limits, and a PDF with an empty user password.

The `libreoffice` tests run soffice (CI installs it); set
CONVENTIO_SKIP_LIBREOFFICE=1 to skip them on purpose.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from generator.importing.read.opening import read_document
from tests.support.read_docs import (
    CODES,
    FOOTNOTE,
    LONG,
    assert_unreadable,
    block_texts,
    find_block,
)


@pytest.fixture(scope="module")
def built_pdf(built, tmp_path_factory) -> Path:
    from generator.pdf.libreoffice import convert_many

    out = tmp_path_factory.mktemp("built_pdf")
    return convert_many([built["docx"]], out)[built["docx"]]


@pytest.mark.libreoffice
def test_pdf_of_built_docx(built_pdf):
    extract = read_document(built_pdf)
    assert extract.kind == "pdf" and extract.pages is not None
    texts = block_texts(extract)

    title = extract.blocks[0]
    assert title.text == "Convention de test entre le réseau et le prestataire"
    assert title.bold and title.centered and title.size > 1.3

    # a paragraph wrapped over several lines is one block again
    body = find_block(extract, "Le psychologue clinicien")
    assert body.text.startswith(LONG) and "¹" in body.text and not body.bold
    assert find_block(extract, "Article 1").text == "Article 1 Obligations du prestataire"
    assert find_block(extract, "Article 1").bold
    assert "1° point numéro 1 de l'article 1;" in texts
    assert "a) une sous-lettre;" in texts
    assert find_block(extract, "1 Tel qu'indiqué").text == f"1 {FOOTNOTE}"

    # what LibreOffice printed: a header cell wrapped mid-word, a soft hyphen at a line end
    raw = [
        line for page in PdfReader(str(built_pdf)).pages for line in page.extract_text().split("\n")
    ]
    assert "pseudo" in raw and "code" in raw and "presta-" in [r.strip() for r in raw]
    rows = [block for block in extract.blocks if block.cells is not None]
    assert rows[0].cells == ("pseudocode", "description")
    assert [row.cells for row in rows[1:]] == CODES
    assert "Les prestations facturées" in texts

    assert {o.why for o in extract.omitted} <= {"running header", "footer", "page number"}
    omitted = " ".join(o.text for o in extract.omitted)
    assert "INAMI – Service des soins de santé" in omitted
    assert not any("INAMI –" in t or "Convention modèle" in t for t in texts)


@pytest.mark.libreoffice
def test_pdf_limits_and_empty_password(tmp_path, built_pdf):
    assert_unreadable(built_pdf, contains="pages, more than", max_pages=0)
    reader = PdfReader(str(built_pdf))
    writer = PdfWriter(clone_from=reader)
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    opened = tmp_path / "owner-only.pdf"
    with opened.open("wb") as handle:
        writer.write(handle)
    extract = read_document(opened)
    assert any(b.text.startswith("Convention de test") for b in extract.blocks)
