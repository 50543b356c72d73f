"""For the tests of the import readers (generator/importing/read): a DOCX built with
python-docx the way the readers meet them (Word numbering, bold titles, a table, a
real footnote, a running header and a footer with a PAGE field), how to look into
what a reader made of a document, and how a reader must refuse one."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.shared import Pt

from generator.importing.read.extract import Block, Extract
from generator.importing.read.opening import UnreadableDocument, read_document

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


def block_texts(extract: Extract) -> list[str]:
    return [block.text for block in extract.blocks]


def find_block(extract: Extract, start: str) -> Block:
    found = [block for block in extract.blocks if block.text.startswith(start)]
    assert found, f"no block starts with {start!r}: {block_texts(extract)}"
    return found[0]


def assert_unreadable(path: Path, *, contains: str, **limits) -> None:
    with pytest.raises(UnreadableDocument) as caught:
        read_document(path, **limits)
    message = str(caught.value)
    assert str(path) in message
    assert contains in message
    assert "Traceback" not in message and 'File "' not in message
