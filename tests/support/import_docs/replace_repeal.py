"""c) An amendment with every kind of operation (replace an article, a paragraph,
a point; repeal; insert a paragraph), justified Liberation Serif 11 pt, margins
2.5 cm, and an entry into force with an exception."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from tests.support.import_docs.corpus_texts import (
    alinea,
    closing,
    fr,
    inami_convention,
    paragraph,
    plain,
    point,
    sixth_amendment,
)
from tests.support.import_docs.word import (
    Line,
    add_para,
    flat_texts,
    new_document,
    provision_lines,
    quoted,
    save,
    write_lines,
)

#: the title of the seventh amendment, as the document prints it
TITLE = (
    "Septième avenant à la convention entre le Comité de l’assurance soins de santé "
    "de l'Institut national d'assurance maladie-invalidité et le Réseau de santé "
    "mentale xxxxx du 26 juillet 2021 concernant le financement des fonctions "
    "psychologiques dans la première ligne par le biais de réseaux et de "
    "partenariats locaux multidisciplinaires."
)


def _quote() -> dict[str, str]:
    return {"open": "« ", "close": " »"}


def _quoting(action: str, place: str, address: str, provision: dict[str, Any]) -> dict[str, Any]:
    """An operation that quotes its new provision: `place` is "target" or "after"."""
    return {"action": action, place: address, "quote": _quote(), "provision": provision}


def _article(num: str, text: str, *operations: dict[str, Any], **more: Any) -> dict[str, Any]:
    return {"num": num, "text": fr(text), "operations": list(operations), **more}


def _new_article_5() -> dict[str, Any]:
    return {
        "kind": "article",
        "num": "5",
        "children": [
            alinea(
                "Le réseau transmet chaque année à l'INAMI, au plus tard le 31 mars, un "
                "rapport d'activités portant sur l'année civile précédente."
            ),
            alinea("Le rapport est établi selon le modèle fourni par l'INAMI."),
        ],
    }


def _new_paragraph_2() -> dict[str, Any]:
    return paragraph(
        "2",
        "Le coordinateur local est chargé :",
        point("1°", "du suivi de l'offre de soins psychologiques dans la zone d'activité;"),
        point("2°", "de la concertation avec les partenaires du réseau."),
    )


def _new_paragraph_2_1() -> dict[str, Any]:
    return paragraph(
        "2/1",
        "Les coûts visés au § 2 sont justifiés par des pièces probantes conservées par "
        "l'hôpital pendant sept ans.",
    )


def _new_point_8() -> dict[str, Any]:
    """Article 13, § 2, 8° of the convention, with a full stop."""
    point8 = plain(inami_convention()["articles"][2]["children"][1]["children"][7])
    point8["text"]["fr"] += "."
    return point8


def _articles() -> list[dict[str, Any]]:
    """Its six articles: replace an article, a paragraph, a point; repeal; insert a
    paragraph; an entry into force with an exception."""
    return [
        _article(
            "1",
            "L’article 5 de la convention est remplacé par ce qui suit :",
            _quoting("replace", "target", "art_5", _new_article_5()),
        ),
        _article(
            "2",
            "Le § 2 de l’article 7 de la convention est remplacé par ce qui suit :",
            _quoting("replace", "target", "art_7__para_2", _new_paragraph_2()),
        ),
        _article(
            "3",
            "L’article 9 de la convention est abrogé.",
            {"action": "repeal", "target": "art_9"},
        ),
        _article(
            "4",
            "À l’article 13, § 2, de la convention, le 8° est remplacé par ce qui suit :",
            _quoting("replace", "target", "art_13__para_2__point_8", _new_point_8()),
        ),
        _article(
            "5",
            "Dans l’article 13 de la convention, il est inséré un § 2/1 rédigé comme suit :",
            _quoting("insert", "after", "art_13__para_2", _new_paragraph_2_1()),
        ),
        _article(
            "6",
            "Le présent avenant produit ses effets le 1er janvier 2024, à l’exception "
            "de l’article 2 qui entre en vigueur le 1er juillet 2024.",
            entry_into_force=[{"articles": ["2"], "date": "2024-07-01"}],
        ),
    ]


def _closing() -> dict[str, Any]:
    return closing(
        "Fait à Bruxelles, le 18 décembre 2023.",
        ["Pour le Comité de l'assurance des soins de santé:", "Le fonctionnaire dirigeant,"],
        ["Pour le réseau de santé mentale,"],
    )


def expected_amendment_replace_repeal() -> dict[str, Any]:
    return {
        "type": "amendment",
        "title": fr(TITLE),
        "recitals": [fr(r["fr"]) for r in sixth_amendment()["recitals"][:2]],
        "preamble": [{"paragraphs": [fr("Il est convenu ce qui suit :")]}],
        "articles": _articles(),
        "in_force": "2024-01-01",
        "closing": _closing(),
        "annexes": [],
    }


def _quoted_lines(provision: dict[str, Any]) -> list[Line]:
    """A quoted new provision as amendments print it: an article run in ("Article 5.
    Le réseau ..."), a paragraph with its §, a point with its number."""
    lines = provision_lines(provision)
    if provision["kind"] == "article":
        text, level, hanging = lines[0]
        lines[0] = (f"Article {provision['num']}. {text}", level, hanging)
    elif provision["kind"] == "point":
        lines[0] = (lines[0][0].replace("\t", " "), 0, False)
    return quoted(lines)


def build_amendment_replace_repeal(folder: Path) -> Path:
    expected = expected_amendment_replace_repeal()
    document = new_document(font="Liberation Serif", size=11)
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
    document.styles["Normal"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    add_para(document, expected["title"]["fr"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for recital in expected["recitals"]:
        add_para(document, recital["fr"])
    for text in flat_texts(expected["preamble"]):
        add_para(document, text)
    for article in expected["articles"]:
        title = "Article 1er" if article["num"] == "1" else f"Article {article['num']}"
        add_para(document, title, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        add_para(document, article["text"]["fr"])
        for operation in article["operations"]:
            if "provision" in operation:
                write_lines(document, _quoted_lines(operation["provision"]), justify=True)
    closing = expected["closing"]
    place_date = add_para(document, closing["place_date"]["fr"])
    place_date.paragraph_format.page_break_before = True  # the signatures on a page of their own
    for block in closing["signatures"]:
        for line in block["lines"]:
            add_para(document, line["fr"])
    return save(document, folder, "amendment_replace_repeal")
