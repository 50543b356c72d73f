"""b) A base convention whose article titles are typed in bold ("Article 1er",
run-in "Art. 2.", "Article 3 – Objet", "Article 4" with its title on the next
line), §, 1°, a), dashes, soft hyphens that LibreOffice breaks at line ends, a
real Word footnote, a footer "Page X sur Y"."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Cm

from tests.support.import_docs.corpus_texts import (
    alinea,
    closing,
    committee_party,
    fr,
    inami_convention,
    indent,
    network_party,
    paragraph,
    plain,
    point,
    printed,
    sixth_amendment,
)
from tests.support.import_docs.word import (
    add_field,
    add_footnote_reference,
    add_footnotes_part,
    add_para,
    flat_texts,
    new_document,
    provision_lines,
    save,
    write_lines,
)

#: the footnote of article 3, § 1er (the text of a footnote of the 2023 provider amendment)
FOOTNOTE = (
    "Tel qu’indiqué dans le “Decreet betreffende de leerlingenbegeleiding in het "
    "basisonderwijs, het secundair onderwijs en de centra voor leerlingenbegeleiding van "
    "27 april 2018”"
)
#: a long alinea of article 2, typeset with soft hyphens in its long words
LONG_ALINEA = (
    "Les partenaires du réseau organisent conjointement une offre de soins "
    "psychologiques accessible, intégrée et multidisciplinaire, en concertation avec "
    "les administrations communales, les organisations représentatives des patients, les "
    "professionnels de l'accompagnement psychosocial et les établissements "
    "d'enseignement, afin de garantir une couverture géographique suffisante, une "
    "accessibilité financière et une continuité des interventions préventives et "
    "thérapeutiques, indépendamment de la situation financière et sociale du bénéficiaire."
)


def _preamble(source: dict[str, Any]) -> list[dict[str, Any]]:
    """The parties as the sixth amendment names them, between "Entre" and "il est
    convenu ce qui suit"."""
    return [
        {"paragraphs": [fr("Entre")]},
        committee_party(source),
        {"paragraphs": [fr("D'une part,")]},
        network_party(source),
        {"paragraphs": [fr("Et d'autre part,")]},
        {"paragraphs": [fr("il est convenu ce qui suit :")]},
    ]


def _article_1() -> dict[str, Any]:
    """Definitions: points 1° to 3°, the second with a) and b)."""
    return {
        "kind": "article",
        "num": "1",
        "children": [
            alinea(
                "Pour l'application de la présente convention, on entend par :",
                point("1°", "« réseau » : le réseau de santé mentale partie à la convention;"),
                point(
                    "2°",
                    "« prestataire » : le psychologue clinicien ou l'orthopédagogue "
                    "clinicien qui :",
                    point("a)", "est autorisé à exercer sa profession en Belgique;"),
                    point("b)", "a conclu une convention avec le réseau;"),
                ),
                point("3°", "« ASBL IM » : l'ASBL Intermutualistisch Agentschap."),
            )
        ],
    }


def _article_2() -> dict[str, Any]:
    """Three alineas, the second long (soft hyphens)."""
    return {
        "kind": "article",
        "num": "2",
        "children": [
            alinea(
                "La présente convention est conclue pour la durée du 1er septembre "
                "2021 au 31 décembre 2023."
            ),
            alinea(LONG_ALINEA),
            alinea("Elle n'est pas reconduite tacitement."),
        ],
    }


def _article_3() -> dict[str, Any]:
    """A heading, a § with a footnote, dashes under a 1°, a § 2/1."""
    return {
        "kind": "article",
        "num": "3",
        "heading": fr("Objet"),
        "children": [
            {
                **paragraph(
                    "1",
                    "La présente convention finance les fonctions psychologiques dans "
                    "la première ligne organisées par le réseau[^1].",
                ),
                "footnotes": [{"mark": "1", "text": fr(FOOTNOTE)}],
            },
            paragraph(
                "2",
                "Le réseau s'engage à :",
                point(
                    "1°",
                    "organiser une offre de soins pour :",
                    indent("les enfants et les adolescents;"),
                    indent("les adultes et les personnes âgées."),
                ),
                point("2°", "enregistrer les séances dans l'application de facturation."),
            ),
            paragraph(
                "2/1",
                "Le réseau désigne un coordinateur local qui veille à l'exécution de "
                "la présente convention.",
            ),
        ],
    }


def _article_4(art13: dict[str, Any]) -> dict[str, Any]:
    """A heading on its own line; its § 2 is § 2 of the corpus's article 13."""
    return {
        "kind": "article",
        "num": "4",
        "heading": fr("Financement"),
        "children": [
            paragraph(
                "1",
                "L'INAMI verse au réseau un montant total pour la durée de la convention.",
            ),
            plain(art13["children"][1]),
        ],
    }


def _closing() -> dict[str, Any]:
    return closing(
        "Fait à Bruxelles, le 26 juillet 2021, en trois exemplaires.",
        ["Pour le Comité de l'assurance soins de santé,", "Le fonctionnaire dirigeant,"],
        ["Pour le réseau de santé mentale,"],
    )


def expected_convention_bold_titles() -> dict[str, Any]:
    source = sixth_amendment()
    art13 = inami_convention()["articles"][2]
    return {
        "type": "convention",
        "title": fr(printed(inami_convention()["title"]["fr"])),
        "recitals": [fr(source["recitals"][0]["fr"])],
        "preamble": _preamble(source),
        "articles": [_article_1(), _article_2(), _article_3(), _article_4(art13)],
        "closing": _closing(),
        "annexes": [],
    }


def build_convention_bold_titles(folder: Path) -> Path:
    expected = expected_convention_bold_titles()
    document = new_document(font="Liberation Sans", size=10)
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Page ")
    add_field(footer, "PAGE", "1")
    footer.add_run(" sur ")
    add_field(footer, "NUMPAGES", "2")
    add_footnotes_part(document, {1: FOOTNOTE})

    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    add_para(document, expected["title"]["fr"], bold=True, align=center, size=13)
    for recital in expected["recitals"]:
        add_para(document, recital["fr"])
    for text in flat_texts(expected["preamble"]):
        add_para(document, text)

    art1, art2, art3, art4 = expected["articles"]
    add_para(document, "Article 1er", bold=True)
    write_lines(document, provision_lines(art1))

    run_in = document.add_paragraph()  # "Art. 2." in bold, its first alinea on the same line
    run_in.add_run("Art. 2.").bold = True
    run_in.add_run(" " + art2["children"][0]["text"]["fr"])
    long_alinea = add_para(document, LONG_ALINEA, align=justify, soft_hyphens=True)
    long_alinea.paragraph_format.right_indent = Cm(6)  # narrow: many line ends
    add_para(document, art2["children"][2]["text"]["fr"])

    add_para(document, f"Article 3 – {art3['heading']['fr']}", bold=True)
    for text, level, hanging in provision_lines(art3):
        marked = text.endswith("[^1].")
        paragraph = add_para(
            document,
            text.replace("[^1].", "") if marked else text,
            level=level,
            hanging=hanging,
            align=justify,
        )
        if marked:
            add_footnote_reference(paragraph, 1)
            paragraph.add_run(".")

    add_para(document, "Article 4", bold=True)
    add_para(document, art4["heading"]["fr"], bold=True)
    write_lines(document, provision_lines(art4), justify=True)

    closing = expected["closing"]
    add_para(document, closing["place_date"]["fr"])
    for block in closing["signatures"]:
        for line in block["lines"]:
            add_para(document, line["fr"])
    return save(document, folder, "convention_bold_titles")
