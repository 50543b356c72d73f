"""The DOCX redline as a lawyer receives it (issue 13): a header naming both
versions, page numbers, and on each change a real Word comment naming the
amendment article that made it."""

from __future__ import annotations

import io
import zipfile

import docx
import pytest
from click.testing import CliRunner
from docx.oxml.ns import qn
from lxml import etree

from generator.cli import cli

PROVIDER = ("network-provider-2021@2023-08-31", "network-provider-2021@2023-10-01")
PROVIDER_AMENDMENT = "de l'avenant au modèle de convention du 28 septembre 2023"
COMMENTS_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"


@pytest.fixture(scope="module")
def redline(tmp_path_factory):
    target = tmp_path_factory.mktemp("redline") / "redline.docx"
    result = CliRunner().invoke(
        cli, ["diff", *PROVIDER, "--format", "docx", "--output", str(target)]
    )
    assert result.exit_code == 0, result.output
    return target


def test_each_change_has_a_word_comment_naming_the_amendment_article(redline):
    with zipfile.ZipFile(redline) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("word/_rels/document.xml.rels").decode()
        comments = etree.fromstring(archive.read("word/comments.xml"))
        body = etree.fromstring(archive.read("word/document.xml"))
    assert 'PartName="/word/comments.xml"' in types and COMMENTS_TYPE in types
    assert 'relationships/comments" Target="comments.xml"' in rels
    texts = {
        c.get(qn("w:id")): "".join(t.text for t in c.iter(qn("w:t")))
        for c in comments.iter(qn("w:comment"))
    }
    # three changes: articles 1 (§ 1/1 of article 17), 2 (article 14/1) and 3 (annex 1)
    assert sorted(texts.values()) == [
        f"Article 1er {PROVIDER_AMENDMENT}",
        f"Article 2 {PROVIDER_AMENDMENT}",
        f"Article 3 {PROVIDER_AMENDMENT}",
    ]
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert sorted(e.get(qn("w:id")) for e in body.iter(qn(f"w:{tag}"))) == sorted(texts)
    # python-docx reads the document (and its comments part) back
    document = docx.Document(io.BytesIO(redline.read_bytes()))
    assert document.paragraphs[0].text.startswith("Modèle de convention")


def test_the_header_names_both_versions_and_the_footer_numbers_pages(redline):
    document = docx.Document(io.BytesIO(redline.read_bytes()))
    section = document.sections[0]
    header = " ".join(p.text for p in section.header.paragraphs)
    assert (
        "Modèle de convention (network-provider-2021), texte en vigueur au 31 août 2023" in header
    )
    assert (
        "Modèle de convention (network-provider-2021), texte en vigueur au 1er octobre 2023"
        in header
    )
    fields = [
        f.get(qn("w:instr")).strip()
        for p in section.footer.paragraphs
        for f in p._p.iter(qn("w:fldSimple"))
    ]
    assert fields == ["PAGE", "NUMPAGES"]
    assert section.footer.paragraphs[0].text.startswith("page ")


@pytest.mark.libreoffice
def test_libreoffice_prints_the_header_and_the_page_numbers(redline, tmp_path):
    from pypdf import PdfReader

    from generator.pdf.libreoffice import convert_many

    pdf = convert_many([redline], tmp_path)[redline]
    reader = PdfReader(pdf)
    pages = len(reader.pages)
    assert pages >= 2
    first, last = reader.pages[0].extract_text(), reader.pages[-1].extract_text()
    assert "texte en vigueur au 31 août 2023" in first and f"page 1 / {pages}" in first
    assert f"page {pages} / {pages}" in last


@pytest.mark.libreoffice
def test_libreoffice_reads_the_comments_as_comments(redline, tmp_path):
    """Exported with its comments in the margin, each comment is a PDF note
    (LibreOffice read it as a comment, not as text)."""
    import subprocess

    from pypdf import PdfReader

    from generator.pdf.soffice import find_soffice

    export = 'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}'
    profile = (tmp_path / "profile").resolve().as_uri()
    command = [find_soffice(), f"-env:UserInstallation={profile}", "--headless"]
    subprocess.run(
        [*command, "--convert-to", export, "--outdir", str(tmp_path), str(redline)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    reader = PdfReader(tmp_path / "redline.pdf")
    notes = [
        annotation.get_object().get("/Contents")
        for page in reader.pages
        for annotation in page.get("/Annots") or ()
        if annotation.get_object().get("/Subtype") == "/Text"
    ]
    assert notes == [
        f"Article 2 {PROVIDER_AMENDMENT}",
        f"Article 1er {PROVIDER_AMENDMENT}",
        f"Article 3 {PROVIDER_AMENDMENT}",
    ]
