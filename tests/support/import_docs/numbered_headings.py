"""a) The sixth amendment's article 14/1 and annex rows; article titles are Word
headings numbered automatically ("Article %1": the paragraph text is empty), a
running header, a footer with a PAGE field, a two-column annex table whose header
row repeats, long wrapped descriptions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt

from tests.support.import_docs.corpus_texts import (
    committee_party,
    fr,
    network_party,
    plain,
    printed,
    sixth_amendment,
)
from tests.support.import_docs.word import (
    add_annex_table,
    add_article_numbering,
    add_field,
    add_numbered_heading,
    add_para,
    flat_texts,
    new_document,
    provision_lines,
    quoted,
    save,
)

#: the running header (on every page)
HEADER = "INAMI – Service des soins de santé"


def _preamble(source: dict[str, Any]) -> list[dict[str, Any]]:
    """The parties as the sixth amendment names them."""
    return [
        {"paragraphs": [fr("est convenu entre,")]},
        {"paragraphs": [fr("d'une part,")]},
        committee_party(source),
        {"paragraphs": [fr("et d'autre part,")]},
        network_party(source),
    ]


def _articles(source: dict[str, Any]) -> list[dict[str, Any]]:
    """Insert the sixth amendment's article 14/1, replace annex 1, come into force."""
    art1, art2 = source["articles"]
    operation = art1["operations"][0]
    return [
        {
            "num": "1",
            "text": fr("Dans la convention, un article 14/1 est ajouté comme suit :"),
            "operations": [
                {
                    "action": "insert",
                    "after": "art_14",
                    "quote": {"open": "« ", "close": " »"},
                    "provision": plain(operation["provision"]),
                }
            ],
        },
        {
            "num": "2",
            "text": fr(art2["text"]["fr"]),
            "operations": [{"action": "replace", "target": "annex_1", "annex": "1"}],
        },
        {
            "num": "3",
            "text": fr("Le présent avenant entre en vigueur le 1er octobre 2023."),
            "operations": [],
        },
    ]


def _annex(source: dict[str, Any]) -> dict[str, Any]:
    """The sixth amendment's annex 1, its first 12 rows."""
    annex = source["annexes"][0]
    return {
        "num": "1",
        "heading": fr(annex["heading"]["fr"]),
        "columns": annex["columns"],
        "rows": annex["rows"][:12],
        "notes": annex["notes"],
        "abbreviations": annex["abbreviations"],
    }


def expected_amendment_numbered_headings() -> dict[str, Any]:
    source = sixth_amendment()
    return {
        "type": "amendment",
        "title": fr(printed(source["title"]["fr"])),
        "recitals": [fr(r["fr"]) for r in source["recitals"]],
        "preamble": _preamble(source),
        "articles": _articles(source),
        "in_force": "2023-10-01",
        "closing": {
            "place_date": fr("Fait à Bruxelles, le 25 septembre 2023."),
            "signatures": [
                {"role": s["role"], "lines": [fr(printed(line["fr"])) for line in s["lines"]]}
                for s in source["closing"]["signatures"]
            ],
        },
        "annexes": [_annex(source)],
    }


def build_amendment_numbered_headings(folder: Path) -> Path:
    expected = expected_amendment_numbered_headings()
    document = new_document()
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = HEADER
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    add_field(footer, "PAGE", "1")

    center = WD_ALIGN_PARAGRAPH.CENTER
    add_para(document, expected["title"]["fr"], bold=True, align=center, size=13)
    for recital in expected["recitals"]:
        add_para(document, recital["fr"])
    for text in flat_texts(expected["preamble"]):
        add_para(document, text)

    num_id = add_article_numbering(document)
    art1, art2, art3 = expected["articles"]
    add_numbered_heading(document, num_id)
    add_para(document, art1["text"]["fr"])
    new = art1["operations"][0]["provision"]
    title = [(new["heading"]["fr"], 0, False), (f"Article {new['num']}", 0, False)]
    lines = quoted(title + provision_lines(new))
    for number, (text, level, hanging) in enumerate(lines):
        add_para(document, text, level=level, hanging=hanging, bold=number < 2)
    for article in (art2, art3):
        add_numbered_heading(document, num_id)
        add_para(document, article["text"]["fr"])

    closing = expected["closing"]
    add_para(document, closing["place_date"]["fr"])
    for block in closing["signatures"]:
        for number, line in enumerate(block["lines"]):
            add_para(document, line["fr"], bold=number == 0)

    annex = expected["annexes"][0]
    heading = add_para(document, annex["heading"]["fr"], bold=True, align=center)
    heading.paragraph_format.page_break_before = True
    heading.paragraph_format.space_after = Pt(12)
    add_annex_table(document, annex)
    add_para(document)
    for note in annex["notes"]:
        add_para(document, note["fr"])
    add_para(document, "Abréviations :")
    for item in annex["abbreviations"]:
        add_para(document, f"{item['abbr']} : {item['meaning']['fr']}")
    return save(document, folder, "amendment_numbered_headings")
