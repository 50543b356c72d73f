"""The DOCX reader on a DOCX built with python-docx: numbering, bold, a table, a
footnote, and the page furniture left out."""

from __future__ import annotations

from generator.importing.read.opening import read_document
from tests.support.read_docs import CODES, FOOTNOTE, block_texts, find_block


def test_docx_numbering_bold_table_footnote_and_furniture(built):
    extract = read_document(built["docx"])
    assert extract.kind == "docx" and extract.pages is None
    texts = block_texts(extract)

    title = extract.blocks[0]
    assert title.text == "Convention de test entre le réseau et le prestataire"
    assert title.bold and title.centered and title.size > 1.3

    article1 = find_block(extract, "Article 1 ")
    assert article1.text == "Article 1 Obligations du prestataire" and article1.bold
    assert "Article 2 Section 2" in texts and "Article 3 Section 3" in texts
    # level 1 restarts under each article; level 2 prints letters
    assert texts.count("1° point numéro 1 de l'article 1;") == 1
    assert "1° point numéro 1 de l'article 3;" in texts
    assert "2° point numéro 2 de l'article 3;" in texts
    assert "a) une sous-lettre;" in texts
    body = find_block(extract, "Le psychologue clinicien")
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
