"""The import readers on real files: DOCX built here with python-docx, the same
converted to PDF by a real LibreOffice, a document conventio generates, and
garbage of every kind.

The `libreoffice` tests run soffice (CI installs it); set
CONVENTIO_SKIP_LIBREOFFICE=1 to skip them on purpose.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections import Counter
from io import BytesIO
from pathlib import Path

import docx
import pytest
import yaml
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Pt
from pypdf import PdfReader, PdfWriter

from generator.importing.read.extract import Block, Extract
from generator.importing.read.opening import UnreadableDocument, read_document
from generator.importing.read.text_rules import join_lines
from tests.support.paths import ROOT

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'

LONG = (
    "Le psychologue clinicien conventionné s'engage à dispenser des séances individuelles "
    "et de groupe aux bénéficiaires du réseau, conformément aux dispositions de l'annexe, "
    "et à enregistrer les prestations dans l'application de facturation au plus tard "
    "le dixième jour du mois qui suit la prestation, sans exception aucune."
)
CODES = [
    ("792514", "SPPL - séance de groupe - 1 - par un psychologue et un autre prestataire de soins"),
    (
        "792050",
        "SPPL – séance de groupe sans intervention personnelle conformément à l'une des "
        "situations prévues dans la convention sur les fonctions psychologiques dans la "
        "première ligne - remboursement uniquement pour le psychologue/orthopédagogue clinicien",
    ),
    ("792595", "SPPL – séance Ind. avant séance de groupe"),
]
FOOTNOTE = "Tel qu'indiqué dans le décret du 27 avril 2018."


# -- building test documents ----------------------------------------------------------


def _add_numbering(document: docx.Document) -> str:
    """An "Article %1" list (level 0) with "%2°" points (level 1); returns its numId."""
    numbering = document.part.numbering_part.element
    numbering.append(
        parse_xml(
            f'<w:abstractNum {W_NS} w:abstractNumId="90">'
            '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="Article %1"/><w:lvlJc w:val="left"/>'
            "<w:rPr><w:b/></w:rPr></w:lvl>"
            '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
            '<w:lvlText w:val="%2°"/><w:lvlJc w:val="left"/></w:lvl>'
            '<w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/>'
            '<w:lvlText w:val="%3)"/><w:lvlJc w:val="left"/></w:lvl>'
            "</w:abstractNum>"
        )
    )
    # w:num must follow every w:abstractNum
    numbering.append(parse_xml(f'<w:num {W_NS} w:numId="90"><w:abstractNumId w:val="90"/></w:num>'))
    return "90"


def _number(paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(
        parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>')
    )


def _add_footnote(document: docx.Document, paragraph, text: str) -> None:
    """A real footnote: a footnotes part and a reference run in `paragraph`."""
    blob = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {W_NS}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        "</w:footnote>"
        '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        "<w:continuationSeparator/></w:r></w:p></w:footnote>"
        '<w:footnote w:id="1"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
        '<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteRef/></w:r>'
        f'<w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        "</w:footnotes>"
    ).encode()
    part = Part(
        PackURI("/word/footnotes.xml"),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
        blob,
        document.part.package,
    )
    document.part.relate_to(part, RT.FOOTNOTES)
    paragraph._p.append(
        parse_xml(
            f'<w:r {W_NS}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            '<w:footnoteReference w:id="1"/></w:r>'
        )
    )
    paragraph.add_run(" et la suite de la phrase.")


def _page_field(paragraph) -> None:
    paragraph._p.append(
        parse_xml(f'<w:fldSimple {W_NS} w:instr="PAGE"><w:r><w:t>1</w:t></w:r></w:fldSimple>')
    )


def make_docx(path: Path) -> Path:
    document = docx.Document()
    num_id = _add_numbering(document)
    section = document.sections[0]
    section.header.paragraphs[0].text = "INAMI – Service des soins de santé"
    footer = section.footer.paragraphs[0]
    footer.text = "Convention modèle – page "
    _page_field(footer)

    title = document.add_paragraph()
    title.alignment = 1
    run = title.add_run("Convention de test entre le réseau et le prestataire")
    run.bold = True
    run.font.size = Pt(16)
    document.add_paragraph("Vu la loi relative à l'assurance obligatoire soins de santé;")
    for n in range(1, 4):
        heading = document.add_paragraph()
        heading.add_run("Obligations du prestataire" if n == 1 else f"Section {n}").bold = True
        body = document.add_paragraph(LONG)
        if n == 1:
            _add_footnote(document, body, FOOTNOTE)
        _number(heading, num_id, 0)
        for m in range(1, 3):
            point = document.add_paragraph(f"point numéro {m} de l'article {n};")
            _number(point, num_id, 1)
    sub = document.add_paragraph("une sous-lettre;")
    _number(sub, num_id, 2)

    document.add_page_break()  # an annex starts on a new page
    document.add_paragraph("Annexe 1 – liste des pseudocodes").runs[0].bold = True
    table = document.add_table(rows=1 + len(CODES), cols=2)
    table.style = "Table Grid"
    table.autofit = False
    widths = (Pt(52), Pt(380))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row_index, (code, description) in enumerate([("pseudocode", "description"), *CODES]):
        row = table.rows[row_index]
        for cell, width, text in zip(row.cells, widths, (code, description), strict=True):
            cell.width = width
            run = cell.paragraphs[0].add_run(text)
            run.bold = row_index == 0
            run.font.size = Pt(9)
    narrow = document.add_table(rows=1, cols=1)
    narrow.autofit = False
    narrow.columns[0].width = Pt(70)
    narrow.rows[0].cells[0].width = Pt(70)
    narrow.rows[0].cells[0].paragraphs[0].add_run("Les presta\u00adtions facturées")
    document.add_paragraph("Fait à Bruxelles, le 1er janvier 2024.")
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("built")
    return {"docx": make_docx(folder / "convention.docx")}


@pytest.fixture(scope="module")
def built_pdf(built, tmp_path_factory) -> Path:
    from generator.pdf.libreoffice import convert_many

    out = tmp_path_factory.mktemp("built_pdf")
    return convert_many([built["docx"]], out)[built["docx"]]


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, Path]:
    """conventio's own amendment 2023-09 for one provider, as DOCX and PDF."""
    from click.testing import CliRunner

    from generator.cli import cli

    out = tmp_path_factory.mktemp("generated")
    result = CliRunner().invoke(
        cli,
        [
            "generate",
            "network-provider-2021/avenant-2023-09",
            "--parties",
            str(ROOT / "examples" / "parties.yaml"),
            "--only",
            "psy-0010",
            "--format",
            "docx,pdf",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    folder = out / "network-provider-2021" / "avenant-2023-09"
    return {"docx": next(folder.glob("*.docx")), "pdf": next(folder.glob("*.pdf"))}


def _texts(extract: Extract) -> list[str]:
    return [block.text for block in extract.blocks]


def _find(extract: Extract, start: str) -> Block:
    found = [block for block in extract.blocks if block.text.startswith(start)]
    assert found, f"no block starts with {start!r}: {_texts(extract)}"
    return found[0]


def _annex_rows() -> list[tuple[str, str]]:
    data = yaml.safe_load(
        (ROOT / "conventions/network-provider-2021/avenant-2023-09.yaml").read_text("utf-8")
    )
    return [(row["code"], row["description"]["fr"]) for row in data["annexes"][0]["rows"]]


# -- shared text rules -----------------------------------------------------------------


def test_hyphenation_is_undone_only_at_line_ends_before_lowercase():
    assert join_lines("les presta-", "tions facturées") == "les prestations facturées"
    assert join_lines("le centre psycho-", "médico-sociaux") == "le centre psycho-médico-sociaux"
    assert join_lines("première ligne -", "remboursement") == "première ligne - remboursement"
    assert join_lines("Namur-", "Sud") == "Namur-Sud"
    assert join_lines("soins de", "santé") == "soins de santé"
    assert join_lines("porte-", "monnaie", {"porte-monnaie"}) == "porte-monnaie"


def test_page_furniture_rules():
    from generator.importing.read.pdf_furniture import remove_furniture
    from generator.importing.read.pdf_lines import Line, Segment

    def line(page: int, y: float, text: str) -> Line:
        return Line(page, text, 60, 300, y, 10, False, (Segment(text, 60, 300, False),), 595, 842)

    pages = [
        [
            line(n, 800, f"Convention {n}/3 – INAMI"),
            line(n, 700, f"Texte de la page {n}."),
            line(n, 40, footer),
        ]
        for n, footer in ((1, "- 1 -"), (2, "Page 2 sur 3"), (3, "Réf. abc – page 3"))
    ]
    kept, omitted = remove_furniture(pages)
    assert [[x.text for x in page] for page in kept] == [
        [f"Texte de la page {n}."] for n in (1, 2, 3)
    ]
    whys = {(o.text, o.where): o.why for o in omitted}
    assert whys[("Convention 2/3 – INAMI", "page 2")] == "running header"
    assert whys[("- 1 -", "page 1")] == "page number"
    assert whys[("Page 2 sur 3", "page 2")] == "page number"
    assert whys[("Réf. abc – page 3", "page 3")] == "page number"


def test_number_formats():
    from generator.importing.read.docx_numbering import bullet, format_number

    assert [format_number(n, "lowerLetter") for n in (1, 26, 27)] == ["a", "z", "aa"]
    assert format_number(14, "upperRoman") == "XIV" and format_number(4, "lowerRoman") == "iv"
    assert format_number(1, "ordinal") == "1er" and format_number(3, "decimalZero") == "03"
    assert bullet("\uf0b7") == "•" and bullet("o") == "o" and bullet("-") == "-"


# -- DOCX -------------------------------------------------------------------------------


def test_docx_numbering_bold_table_footnote_and_furniture(built):
    extract = read_document(built["docx"])
    assert extract.kind == "docx" and extract.pages is None
    texts = _texts(extract)

    title = extract.blocks[0]
    assert title.text == "Convention de test entre le réseau et le prestataire"
    assert title.bold and title.centered and title.size > 1.3

    article1 = _find(extract, "Article 1 ")
    assert article1.text == "Article 1 Obligations du prestataire" and article1.bold
    assert "Article 2 Section 2" in texts and "Article 3 Section 3" in texts
    # level 1 restarts under each article; level 2 prints letters
    assert texts.count("1° point numéro 1 de l'article 1;") == 1
    assert "1° point numéro 1 de l'article 3;" in texts
    assert "2° point numéro 2 de l'article 3;" in texts
    assert "a) une sous-lettre;" in texts
    body = _find(extract, "Le psychologue clinicien")
    assert not body.bold

    # the footnote mark in the text, the note right after its paragraph
    index = texts.index(body.text)
    assert "sans exception aucune.¹ et la suite de la phrase." in body.text
    note = extract.blocks[index + 1]
    assert note.where == "footnote 1" and note.text == f"1 {FOOTNOTE}"

    rows = [block for block in extract.blocks if block.cells is not None]
    assert rows[0].cells == ("pseudocode", "description") and rows[0].bold
    assert [row.cells for row in rows[1:4]] == CODES
    assert rows[1].where == "table 1, row 2" and rows[1].text == " | ".join(CODES[0])
    assert rows[4].cells == ("Les prestations facturées",)

    furniture = {(o.text, o.where, o.why) for o in extract.omitted}
    assert ("INAMI – Service des soins de santé", "page header", "running header") in furniture
    assert ("Convention modèle – page 1", "page footer", "footer") in furniture
    assert not any("INAMI –" in t or "Convention modèle" in t for t in texts)


# -- PDF (made by LibreOffice from the DOCX) ----------------------------------------------


@pytest.mark.libreoffice
def test_pdf_of_built_docx(built_pdf):
    extract = read_document(built_pdf)
    assert extract.kind == "pdf" and extract.pages is not None
    texts = _texts(extract)

    title = extract.blocks[0]
    assert title.text == "Convention de test entre le réseau et le prestataire"
    assert title.bold and title.centered and title.size > 1.3

    # a paragraph wrapped over several lines is one block again
    body = _find(extract, "Le psychologue clinicien")
    assert body.text.startswith(LONG) and "¹" in body.text and not body.bold
    assert _find(extract, "Article 1").text == "Article 1 Obligations du prestataire"
    assert _find(extract, "Article 1").bold
    assert "1° point numéro 1 de l'article 1;" in texts
    assert "a) une sous-lettre;" in texts
    assert _find(extract, "1 Tel qu'indiqué").text == f"1 {FOOTNOTE}"

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


# -- conventio's own generated amendment ---------------------------------------------------


@pytest.mark.libreoffice
def test_generated_pdf_headers_articles_and_annex(generated):
    extract = read_document(generated["pdf"])
    texts = _texts(extract)
    pages = extract.pages
    assert pages is not None and pages >= 4

    headers = [o for o in extract.omitted if o.why == "running header"]
    footers = [o for o in extract.omitted if o.why == "footer"]
    for line in (
        "Institut national d'assurance maladie-invalidité",
        "Service des soins de santé",
        "Avenue Galilée 5/01 – 1210 Bruxelles",
    ):
        assert sum(o.text == line for o in headers) == pages
        assert line not in texts
    assert len(footers) == pages
    assert all(re.search(r"^Réf\. .* – page \d+$", o.text) for o in footers)
    assert not any("Réf. network-provider" in t for t in texts)

    assert "Article 1" in texts and "Article 2" in texts
    assert _find(extract, "Article 1").bold
    assert any("leerlingenbegeleiding¹ (CLB)" in t for t in texts)
    assert any("psycho-médico-sociaux² (CPMS)" in t for t in texts)

    rows = [block for block in extract.blocks if block.cells is not None]
    assert rows[0].cells == ("pseudocode", "description") and rows[0].bold
    code_rows = [row for row in rows if re.fullmatch(r"\d{6}", row.cells[0])]
    assert len(code_rows) == 46
    assert [tuple(row.cells) for row in code_rows] == _annex_rows()
    assert {row.where for row in code_rows} >= {"page 4", "page 5"}


@pytest.mark.libreoffice
def test_generated_docx_reads_the_same(generated):
    from_docx = read_document(generated["docx"])
    from_pdf = read_document(generated["pdf"])
    assert _texts(from_docx) == _texts(from_pdf)
    rows = [block.cells for block in from_docx.blocks if block.cells is not None]
    assert rows[0] == ("pseudocode", "description")
    assert [r for r in rows if re.fullmatch(r"\d{6}", r[0])] == _annex_rows()
    omitted = {o.text for o in from_docx.omitted}
    assert "Avenue Galilée 5/01 – 1210 Bruxelles" in omitted


def _words(text: str) -> Counter[str]:
    words = (w.strip(".,;:!?()[]«»\"'“”’") for w in text.split())
    return Counter(w for w in words if w)


@pytest.mark.libreoffice
def test_generated_pdf_every_word_accounted_for(generated):
    """Nothing is lost: every word pypdf sees is in a block or in what was omitted."""
    extract = read_document(generated["pdf"])
    raw = [page.extract_text() for page in PdfReader(str(generated["pdf"])).pages]
    lines = [line for page in raw for line in page.splitlines()]
    joined = ""
    for line in lines:
        joined = join_lines(joined, line) if joined else line
    # the annex's header cell "pseudocode", wrapped mid-word in its narrow column
    seen = _words(joined.replace("pseudocod e description", "pseudocode description"))
    kept = _words(" ".join([*_texts(extract), *(o.text for o in extract.omitted)]))
    missing = seen - kept
    assert not missing, missing


# -- garbage ---------------------------------------------------------------------------


def _pdf_bytes(*, text: bool = True, password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def _assert_unreadable(path: Path, *, contains: str, **limits) -> None:
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path, **limits)
    message = str(caught.value)
    assert str(path) in message
    assert contains in message
    assert "Traceback" not in message and 'File "' not in message


def test_garbage_is_refused_with_a_plain_message(tmp_path, built):
    text = tmp_path / "notes.pdf"
    text.write_text("Ceci n'est pas un PDF.\n", "utf-8")
    _assert_unreadable(text, contains="not a PDF or a DOCX")

    png = tmp_path / "scan.pdf"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    _assert_unreadable(png, contains="PNG image")

    doc = tmp_path / "old.docx"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    _assert_unreadable(doc, contains=".doc")

    real = built["docx"].read_bytes()
    truncated_docx = tmp_path / "cut.docx"
    truncated_docx.write_bytes(real[: len(real) // 2])
    _assert_unreadable(truncated_docx, contains="damaged")

    archive = tmp_path / "archive.docx"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("readme.txt", "hello")
    _assert_unreadable(archive, contains="not a Word document")

    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    _assert_unreadable(empty, contains="empty")

    _assert_unreadable(tmp_path / "missing.pdf", contains="no such file")
    _assert_unreadable(tmp_path, contains="folder")

    _assert_unreadable(built["docx"], contains="more than", max_bytes=1000)


def test_broken_pdfs_are_refused(tmp_path):
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(_pdf_bytes())
    _assert_unreadable(blank, contains="contains no text: it is probably a scan")

    locked = tmp_path / "locked.pdf"
    locked.write_bytes(_pdf_bytes(password="secret"))
    _assert_unreadable(locked, contains="password")

    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(_pdf_bytes()[:300])
    _assert_unreadable(truncated, contains="truncated")

    garbled = tmp_path / "garbled.pdf"
    garbled.write_bytes(b"%PDF-1.7\n" + os.urandom(2000) + b"\n%%EOF\n")
    _assert_unreadable(garbled, contains="PDF")


@pytest.mark.libreoffice
def test_pdf_limits_and_empty_password(tmp_path, built_pdf):
    _assert_unreadable(built_pdf, contains="pages, more than", max_pages=0)
    reader = PdfReader(str(built_pdf))
    writer = PdfWriter(clone_from=reader)
    writer.encrypt(user_password="", owner_password="owner", algorithm="RC4-128")
    opened = tmp_path / "owner-only.pdf"
    with opened.open("wb") as handle:
        writer.write(handle)
    extract = read_document(opened)
    assert any(b.text.startswith("Convention de test") for b in extract.blocks)
