"""Test documents for `conventio import`, typeset the way INAMI's are and not the way
conventio prints them, built with python-docx (and turned into PDF by a real
LibreOffice with `to_pdf`).

Each builder `build_<name>(folder)` writes `<name>.docx` and returns its path;
`expected_<name>()` gives what the importer should make of it, in the corpus format
(docs/corpus-format.md), limited to what the document states for sure.  The texts
come from the corpus (conventions/*.yaml) where it has them, printed as the blank
published model prints them (`{network.name|xxxxx}` -> `xxxxx`), so that the
expectations are exact.  The documents are rendered from the expected provisions,
so the two cannot drift apart.

- amendment_numbered_headings: the sixth amendment's article 14/1 and annex rows;
  article titles are Word headings numbered automatically ("Article %1": the
  paragraph text is empty), a running header, a footer with a PAGE field, a
  two-column annex table whose header row repeats, long wrapped descriptions.
- convention_bold_titles: a base convention whose article titles are typed in bold
  ("Article 1er", run-in "Art. 2.", "Article 3 – Objet", "Article 4" with its title
  on the next line), §, 1°, a), dashes, soft hyphens that LibreOffice breaks at line
  ends, a real Word footnote, a footer "Page X sur Y".
- amendment_replace_repeal: every kind of operation (replace an article, a
  paragraph, a point; repeal; insert a paragraph), justified Liberation Serif 11 pt,
  margins 2.5 cm, and an entry into force with an exception.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import docx
import yaml
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

from generator.model.text import SLOT_RE

CORPUS = Path(__file__).resolve().parents[2] / "conventions"

#: the running header of amendment_numbered_headings (on every page)
HEADER = "INAMI – Service des soins de santé"
#: running texts that must end up in `omitted`, never in the draft, per document
RUNNING: dict[str, list[str]] = {"amendment_numbered_headings": [HEADER]}
#: documents whose footer prints a page number ("Page 2", "Page 2 sur 3")
PAGE_NUMBERED = ("amendment_numbered_headings", "convention_bold_titles")
#: the least number of pages each PDF has
MIN_PAGES = {
    "amendment_numbered_headings": 3,
    "convention_bold_titles": 2,
    "amendment_replace_repeal": 2,
}
#: in the long alinea of convention_bold_titles, words this long get a soft hyphen in their middle
SOFT_HYPHENATED_MIN_LENGTH = 11


# --- the corpus texts, as the published blank model prints them ----------------


@cache
def _corpus(relative: str) -> dict[str, Any]:
    return yaml.safe_load((CORPUS / relative).read_text(encoding="utf-8"))


def sixth_amendment() -> dict[str, Any]:
    return copy.deepcopy(_corpus("inami-network-2021/avenant-06.yaml"))


def printed(text: str) -> str:
    """A corpus text as the blank model prints it: each slot by its placeholder."""
    return SLOT_RE.sub(lambda m: m.group(2) or "", text)


def fr(text: str) -> dict[str, str]:
    return {"fr": text}


def plain(provision: dict[str, Any]) -> dict[str, Any]:
    """A corpus provision reduced to what a printed page shows: kind, num, heading,
    text and children (no notes, parameters, labels), slots printed."""
    out: dict[str, Any] = {"kind": provision["kind"]}
    if provision.get("num"):
        out["num"] = provision["num"]
    for key in ("heading", "text"):
        if provision.get(key):
            out[key] = fr(printed(provision[key]["fr"]))
    if provision.get("footnotes"):
        out["footnotes"] = provision["footnotes"]
    if provision.get("children"):
        out["children"] = [plain(child) for child in provision["children"]]
    return out


def alinea(text: str, *children: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "alinea", "text": fr(text)}
    if children:
        out["children"] = list(children)
    return out


def point(num: str, text: str, *children: dict[str, Any]) -> dict[str, Any]:
    out = {"kind": "point", "num": num, "text": fr(text)}
    if children:
        out["children"] = list(children)
    return out


def indent(text: str) -> dict[str, Any]:
    return {"kind": "indent", "text": fr(text)}


def paragraph(num: str, text: str | None, *children: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {"kind": "paragraph", "num": num}
    if text is not None:
        out["text"] = fr(text)
    if children:
        out["children"] = list(children)
    return out


# --- writing Word documents ------------------------------------------------------


def _document(font: str = "Liberation Sans", size: float = 10.5) -> docx.Document:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    normal.paragraph_format.space_after = Pt(4)
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    return document


def _field(paragraph, instruction: str, shown: str) -> None:
    """A complex field (PAGE, NUMPAGES) with `shown` as its cached result."""
    for inner in (
        '<w:fldChar w:fldCharType="begin"/>',
        f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        f"<w:t>{shown}</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    ):
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{inner}</w:r>"))


def _text(paragraph, text: str, *, bold: bool = False, soft_hyphens: bool = False) -> None:
    """Add `text` as runs; with `soft_hyphens`, each long word gets a Word soft
    hyphen (w:softHyphen) in its middle, where LibreOffice may break the line."""
    if not soft_hyphens:
        paragraph.add_run(text).bold = bold or None
        return
    pending: list[str] = []
    for word in text.split(" "):
        if len(word) >= SOFT_HYPHENATED_MIN_LENGTH and word.isalpha():
            middle = len(word) // 2
            pending.append(word[:middle])
            paragraph.add_run(" ".join(pending)).bold = bold or None
            paragraph.add_run()._r.append(parse_xml(f"<w:softHyphen {nsdecls('w')}/>"))
            pending = [word[middle:]]
        else:
            pending.append(word)
    paragraph.add_run(" ".join(pending)).bold = bold or None


def _para(
    document,
    text: str = "",
    *,
    bold: bool = False,
    level: int = 0,
    hanging: bool = False,
    align=None,
    size: float | None = None,
    soft_hyphens: bool = False,
):
    paragraph = document.add_paragraph()
    if text:
        _text(paragraph, text, bold=bold, soft_hyphens=soft_hyphens)
    fmt = paragraph.paragraph_format
    if level or hanging:
        fmt.left_indent = Cm(1.0 * level + (0.8 if hanging else 0))
    if hanging:
        fmt.first_line_indent = Cm(-0.8)
        fmt.tab_stops.add_tab_stop(Cm(1.0 * level + 0.8))
    if align is not None:
        paragraph.alignment = align
    if size:
        for run in paragraph.runs:
            run.font.size = Pt(size)
    return paragraph


def paragraph_label(num: str) -> str:
    return "§ 1er." if num == "1" else f"§ {num}."


Line = tuple[str, int, bool]  # text, indent level, hanging label


def provision_lines(provision: dict[str, Any], level: int = 0) -> list[Line]:
    """The printed lines of a provision's body (not of an article's title)."""
    kind, text = provision["kind"], provision.get("text", {}).get("fr")
    lines: list[Line] = []
    if kind == "paragraph":
        lines.append((f"{paragraph_label(provision['num'])} {text or ''}".strip(), level, False))
    elif kind == "point":
        lines.append((f"{provision['num']}\t{text}", level, True))
    elif kind == "indent":
        lines.append((f"-\t{text}", level, True))
    elif text:
        lines.append((text, level, False))
    inner = level + (0 if kind in ("article", "paragraph") else 1)
    for child in provision.get("children", []):
        lines.extend(provision_lines(child, inner))
    return lines


def _write_lines(document, lines: list[Line], *, justify: bool = False, **kwargs) -> None:
    align = WD_ALIGN_PARAGRAPH.JUSTIFY if justify else None
    for text, level, hanging in lines:
        _para(document, text, level=level, hanging=hanging, align=align, **kwargs)


def quoted(lines: list[Line], open_: str = "« ", close: str = " »") -> list[Line]:
    (first, *middle), last = lines, lines[-1]
    if not middle:
        return [(open_ + first[0] + close, first[1], first[2])]
    return [(open_ + first[0], *first[1:]), *middle[:-1], (last[0] + close, *last[1:])]


def _footnotes_part(document, notes: dict[int, str]) -> None:
    """A real word/footnotes.xml with the separators Word expects."""
    body = "".join(
        f'<w:footnote w:id="{n}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
        f'</w:rPr><w:footnoteRef/></w:r><w:r><w:rPr><w:sz w:val="16"/></w:rPr>'
        f'<w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
        for n, text in notes.items()
    )
    xml = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:footnotes {nsdecls("w")}>'
        '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        '</w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:footnote>{body}</w:footnotes>"
    )
    part = Part(
        PackURI("/word/footnotes.xml"),
        CONTENT_TYPE.WML_FOOTNOTES,
        xml.encode("utf-8"),
        document.part.package,
    )
    document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)


def _footnote_reference(paragraph, number: int) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'
        )
    )


ARTICLE_NUM_ID = 90


def _article_numbering(document) -> int:
    """Add to the numbering part a one-level list printing "Article 1", "Article 2",
    ...; return its numId."""
    numbering = document.part.numbering_part.element
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{ARTICLE_NUM_ID}">'
        '<w:multiLevelType w:val="singleLevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        '<w:numFmt w:val="decimal"/><w:suff w:val="nothing"/><w:lvlText w:val="Article %1"/>'
        '<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:firstLine="0"/></w:pPr>'
        "<w:rPr><w:b/></w:rPr></w:lvl></w:abstractNum>"
    )
    nums = numbering.findall(qn("w:num"))
    if nums:
        nums[0].addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{ARTICLE_NUM_ID}">'
            f'<w:abstractNumId w:val="{ARTICLE_NUM_ID}"/></w:num>'
        )
    )
    return ARTICLE_NUM_ID


def _numbered_heading(document, num_id: int):
    """An article title: a Heading 2 whose only text is its automatic number."""
    heading = document.add_paragraph(style="Heading 2")
    heading._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return heading


def _annex_table(document, annex: dict[str, Any]) -> None:
    table = document.add_table(rows=1 + len(annex["rows"]), cols=2)
    table.style = "Table Grid"
    widths = (Cm(2.6), Cm(13.4))
    header = table.rows[0]
    header._tr.get_or_add_trPr().append(parse_xml(f"<w:tblHeader {nsdecls('w')}/>"))
    for cell, column in zip(header.cells, annex["columns"], strict=True):
        cell.paragraphs[0].add_run(column["fr"]).bold = True
    for row, item in zip(table.rows[1:], annex["rows"], strict=True):
        row.cells[0].paragraphs[0].add_run(item["code"])
        row.cells[1].paragraphs[0].add_run(item["description"]["fr"])
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _save(document, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.docx"
    document.save(path)
    return path


def _flat_texts(blocks: list[dict[str, Any]]) -> list[str]:
    return [p["fr"] for block in blocks for p in block["paragraphs"]]


# --- a) the sixth amendment, articles numbered by Word ------------------------------


def expected_amendment_numbered_headings() -> dict[str, Any]:
    source = sixth_amendment()
    art1, art2 = source["articles"]
    operation = art1["operations"][0]
    annex = source["annexes"][0]
    return {
        "type": "amendment",
        "title": fr(printed(source["title"]["fr"])),
        "recitals": [fr(r["fr"]) for r in source["recitals"]],
        "preamble": [
            {"paragraphs": [fr("est convenu entre,")]},
            {"paragraphs": [fr("d'une part,")]},
            {
                "party": "committee",
                "paragraphs": [fr(source["preamble"][2]["paragraphs"][0]["fr"])],
            },
            {"paragraphs": [fr("et d'autre part,")]},
            {
                "party": "network",
                "paragraphs": [
                    fr(printed(p["fr"])) for p in source["preamble"][4]["variants"][0]["paragraphs"]
                ],
            },
        ],
        "articles": [
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
        ],
        "in_force": "2023-10-01",
        "closing": {
            "place_date": fr("Fait à Bruxelles, le 25 septembre 2023."),
            "signatures": [
                {"role": s["role"], "lines": [fr(printed(line["fr"])) for line in s["lines"]]}
                for s in source["closing"]["signatures"]
            ],
        },
        "annexes": [
            {
                "num": "1",
                "heading": fr(annex["heading"]["fr"]),
                "columns": annex["columns"],
                "rows": annex["rows"][:12],
                "notes": annex["notes"],
                "abbreviations": annex["abbreviations"],
            }
        ],
    }


def build_amendment_numbered_headings(folder: Path) -> Path:
    expected = expected_amendment_numbered_headings()
    document = _document()
    section = document.sections[0]
    header = section.header.paragraphs[0]
    header.text = HEADER
    header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer = section.footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")

    center = WD_ALIGN_PARAGRAPH.CENTER
    _para(document, expected["title"]["fr"], bold=True, align=center, size=13)
    for recital in expected["recitals"]:
        _para(document, recital["fr"])
    for text in _flat_texts(expected["preamble"]):
        _para(document, text)

    num_id = _article_numbering(document)
    art1, art2, art3 = expected["articles"]
    _numbered_heading(document, num_id)
    _para(document, art1["text"]["fr"])
    new = art1["operations"][0]["provision"]
    title = [(new["heading"]["fr"], 0, False), (f"Article {new['num']}", 0, False)]
    lines = quoted(title + provision_lines(new))
    for number, (text, level, hanging) in enumerate(lines):
        _para(document, text, level=level, hanging=hanging, bold=number < 2)
    for article in (art2, art3):
        _numbered_heading(document, num_id)
        _para(document, article["text"]["fr"])

    closing = expected["closing"]
    _para(document, closing["place_date"]["fr"])
    for block in closing["signatures"]:
        for number, line in enumerate(block["lines"]):
            _para(document, line["fr"], bold=number == 0)

    annex = expected["annexes"][0]
    heading = _para(document, annex["heading"]["fr"], bold=True, align=center)
    heading.paragraph_format.page_break_before = True
    heading.paragraph_format.space_after = Pt(12)
    _annex_table(document, annex)
    _para(document)
    for note in annex["notes"]:
        _para(document, note["fr"])
    _para(document, "Abréviations :")
    for item in annex["abbreviations"]:
        _para(document, f"{item['abbr']} : {item['meaning']['fr']}")
    return _save(document, folder, "amendment_numbered_headings")


# --- b) a base convention, article titles typed in bold ------------------------------

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


def _inami_convention() -> dict[str, Any]:
    return copy.deepcopy(_corpus("inami-network-2021/convention.yaml"))


def expected_convention_bold_titles() -> dict[str, Any]:
    source = sixth_amendment()
    art13 = _inami_convention()["articles"][2]
    para2 = plain(art13["children"][1])
    return {
        "type": "convention",
        "title": fr(printed(_inami_convention()["title"]["fr"])),
        "recitals": [fr(source["recitals"][0]["fr"])],
        "preamble": [
            {"paragraphs": [fr("Entre")]},
            {
                "party": "committee",
                "paragraphs": [fr(source["preamble"][2]["paragraphs"][0]["fr"])],
            },
            {"paragraphs": [fr("D'une part,")]},
            {
                "party": "network",
                "paragraphs": [
                    fr(printed(p["fr"])) for p in source["preamble"][4]["variants"][0]["paragraphs"]
                ],
            },
            {"paragraphs": [fr("Et d'autre part,")]},
            {"paragraphs": [fr("il est convenu ce qui suit :")]},
        ],
        "articles": [
            {
                "kind": "article",
                "num": "1",
                "children": [
                    alinea(
                        "Pour l'application de la présente convention, on entend par :",
                        point(
                            "1°", "« réseau » : le réseau de santé mentale partie à la convention;"
                        ),
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
            },
            {
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
            },
            {
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
            },
            {
                "kind": "article",
                "num": "4",
                "heading": fr("Financement"),
                "children": [
                    paragraph(
                        "1",
                        "L'INAMI verse au réseau un montant total pour la durée de la convention.",
                    ),
                    para2,
                ],
            },
        ],
        "closing": {
            "place_date": fr("Fait à Bruxelles, le 26 juillet 2021, en trois exemplaires."),
            "signatures": [
                {
                    "role": "committee",
                    "lines": [
                        fr("Pour le Comité de l'assurance soins de santé,"),
                        fr("Le fonctionnaire dirigeant,"),
                    ],
                },
                {"role": "network", "lines": [fr("Pour le réseau de santé mentale,")]},
            ],
        },
        "annexes": [],
    }


def build_convention_bold_titles(folder: Path) -> Path:
    expected = expected_convention_bold_titles()
    document = _document(font="Liberation Sans", size=10)
    footer = document.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.add_run("Page ")
    _field(footer, "PAGE", "1")
    footer.add_run(" sur ")
    _field(footer, "NUMPAGES", "2")
    _footnotes_part(document, {1: FOOTNOTE})

    center, justify = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY
    _para(document, expected["title"]["fr"], bold=True, align=center, size=13)
    for recital in expected["recitals"]:
        _para(document, recital["fr"])
    for text in _flat_texts(expected["preamble"]):
        _para(document, text)

    art1, art2, art3, art4 = expected["articles"]
    _para(document, "Article 1er", bold=True)
    _write_lines(document, provision_lines(art1))

    run_in = document.add_paragraph()  # "Art. 2." in bold, its first alinea on the same line
    run_in.add_run("Art. 2.").bold = True
    run_in.add_run(" " + art2["children"][0]["text"]["fr"])
    long_alinea = _para(document, LONG_ALINEA, align=justify, soft_hyphens=True)
    long_alinea.paragraph_format.right_indent = Cm(6)  # narrow: many line ends
    _para(document, art2["children"][2]["text"]["fr"])

    _para(document, f"Article 3 – {art3['heading']['fr']}", bold=True)
    for text, level, hanging in provision_lines(art3):
        marked = text.endswith("[^1].")
        paragraph = _para(
            document,
            text.replace("[^1].", "") if marked else text,
            level=level,
            hanging=hanging,
            align=justify,
        )
        if marked:
            _footnote_reference(paragraph, 1)
            paragraph.add_run(".")

    _para(document, "Article 4", bold=True)
    _para(document, art4["heading"]["fr"], bold=True)
    _write_lines(document, provision_lines(art4), justify=True)

    closing = expected["closing"]
    _para(document, closing["place_date"]["fr"])
    for block in closing["signatures"]:
        for line in block["lines"]:
            _para(document, line["fr"])
    return _save(document, folder, "convention_bold_titles")


# --- c) an amendment that replaces, repeals and inserts ------------------------------


def expected_amendment_replace_repeal() -> dict[str, Any]:
    source = sixth_amendment()
    point8 = plain(_inami_convention()["articles"][2]["children"][1]["children"][7])
    point8["text"]["fr"] += "."
    new_article_5 = {
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
    new_paragraph_2 = paragraph(
        "2",
        "Le coordinateur local est chargé :",
        point("1°", "du suivi de l'offre de soins psychologiques dans la zone d'activité;"),
        point("2°", "de la concertation avec les partenaires du réseau."),
    )
    new_paragraph_2_1 = paragraph(
        "2/1",
        "Les coûts visés au § 2 sont justifiés par des pièces probantes conservées par "
        "l'hôpital pendant sept ans.",
    )

    def quote() -> dict[str, str]:
        return {"open": "« ", "close": " »"}

    return {
        "type": "amendment",
        "title": fr(
            "Septième avenant à la convention entre le Comité de l’assurance soins de santé "
            "de l'Institut national d'assurance maladie-invalidité et le Réseau de santé "
            "mentale xxxxx du 26 juillet 2021 concernant le financement des fonctions "
            "psychologiques dans la première ligne par le biais de réseaux et de "
            "partenariats locaux multidisciplinaires."
        ),
        "recitals": [fr(r["fr"]) for r in source["recitals"][:2]],
        "preamble": [{"paragraphs": [fr("Il est convenu ce qui suit :")]}],
        "articles": [
            {
                "num": "1",
                "text": fr("L’article 5 de la convention est remplacé par ce qui suit :"),
                "operations": [
                    {
                        "action": "replace",
                        "target": "art_5",
                        "quote": quote(),
                        "provision": new_article_5,
                    }
                ],
            },
            {
                "num": "2",
                "text": fr("Le § 2 de l’article 7 de la convention est remplacé par ce qui suit :"),
                "operations": [
                    {
                        "action": "replace",
                        "target": "art_7__para_2",
                        "quote": quote(),
                        "provision": new_paragraph_2,
                    }
                ],
            },
            {
                "num": "3",
                "text": fr("L’article 9 de la convention est abrogé."),
                "operations": [{"action": "repeal", "target": "art_9"}],
            },
            {
                "num": "4",
                "text": fr(
                    "À l’article 13, § 2, de la convention, le 8° est remplacé par ce qui suit :"
                ),
                "operations": [
                    {
                        "action": "replace",
                        "target": "art_13__para_2__point_8",
                        "quote": quote(),
                        "provision": point8,
                    }
                ],
            },
            {
                "num": "5",
                "text": fr(
                    "Dans l’article 13 de la convention, il est inséré un § 2/1 rédigé comme suit :"
                ),
                "operations": [
                    {
                        "action": "insert",
                        "after": "art_13__para_2",
                        "quote": quote(),
                        "provision": new_paragraph_2_1,
                    }
                ],
            },
            {
                "num": "6",
                "text": fr(
                    "Le présent avenant produit ses effets le 1er janvier 2024, à l’exception "
                    "de l’article 2 qui entre en vigueur le 1er juillet 2024."
                ),
                "operations": [],
                "entry_into_force": [{"articles": ["2"], "date": "2024-07-01"}],
            },
        ],
        "in_force": "2024-01-01",
        "closing": {
            "place_date": fr("Fait à Bruxelles, le 18 décembre 2023."),
            "signatures": [
                {
                    "role": "committee",
                    "lines": [
                        fr("Pour le Comité de l'assurance des soins de santé:"),
                        fr("Le fonctionnaire dirigeant,"),
                    ],
                },
                {"role": "network", "lines": [fr("Pour le réseau de santé mentale,")]},
            ],
        },
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
    document = _document(font="Liberation Serif", size=11)
    for section in document.sections:
        section.left_margin = section.right_margin = Cm(2.5)
        section.top_margin = section.bottom_margin = Cm(2.5)
    document.styles["Normal"].paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY

    _para(document, expected["title"]["fr"], bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for recital in expected["recitals"]:
        _para(document, recital["fr"])
    for text in _flat_texts(expected["preamble"]):
        _para(document, text)
    for article in expected["articles"]:
        title = "Article 1er" if article["num"] == "1" else f"Article {article['num']}"
        _para(document, title, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT)
        _para(document, article["text"]["fr"])
        for operation in article["operations"]:
            if "provision" in operation:
                _write_lines(document, _quoted_lines(operation["provision"]), justify=True)
    closing = expected["closing"]
    place_date = _para(document, closing["place_date"]["fr"])
    place_date.paragraph_format.page_break_before = True  # the signatures on a page of their own
    for block in closing["signatures"]:
        for line in block["lines"]:
            _para(document, line["fr"])
    return _save(document, folder, "amendment_replace_repeal")


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "amendment_numbered_headings": build_amendment_numbered_headings,
    "convention_bold_titles": build_convention_bold_titles,
    "amendment_replace_repeal": build_amendment_replace_repeal,
}
EXPECTED: dict[str, Callable[[], dict[str, Any]]] = {
    "amendment_numbered_headings": expected_amendment_numbered_headings,
    "convention_bold_titles": expected_convention_bold_titles,
    "amendment_replace_repeal": expected_amendment_replace_repeal,
}


def build_all(folder: Path) -> dict[str, Path]:
    """Every document as DOCX in `folder`: {name: path}."""
    return {name: build(folder) for name, build in BUILDERS.items()}


def to_pdf(docx_paths: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Convert with a real LibreOffice, all in one run (one start): {docx: pdf}."""
    from generator.pdf.libreoffice import convert_many

    return convert_many(docx_paths, out_dir, workers=1)
