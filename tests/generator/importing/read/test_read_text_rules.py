"""The rules the import readers share: hyphens undone at line ends, page furniture
(running headers, page numbers) recognised, list numbers formatted."""

from __future__ import annotations

from generator.importing.read.text_rules import join_lines


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
