"""Writing the test documents with python-docx the way INAMI's Word documents are
typeset: paragraphs with hanging labels, complex fields (PAGE, NUMPAGES), real
footnotes, automatically numbered headings, annex tables whose header row repeats."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import docx
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE, RELATIONSHIP_TYPE
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

#: words this long get a soft hyphen in their middle (add_text with soft_hyphens)
SOFT_HYPHENATED_MIN_LENGTH = 11


def new_document(font: str = "Liberation Sans", size: float = 10.5) -> docx.Document:
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = font
    normal.font.size = Pt(size)
    normal.paragraph_format.space_after = Pt(4)
    for section in document.sections:
        section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    return document


def add_field(paragraph, instruction: str, shown: str) -> None:
    """A complex field (PAGE, NUMPAGES) with `shown` as its cached result."""
    for inner in (
        '<w:fldChar w:fldCharType="begin"/>',
        f'<w:instrText xml:space="preserve"> {instruction} </w:instrText>',
        '<w:fldChar w:fldCharType="separate"/>',
        f"<w:t>{shown}</w:t>",
        '<w:fldChar w:fldCharType="end"/>',
    ):
        paragraph._p.append(parse_xml(f"<w:r {nsdecls('w')}>{inner}</w:r>"))


def add_text(paragraph, text: str, *, bold: bool = False, soft_hyphens: bool = False) -> None:
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


def add_para(
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
        add_text(paragraph, text, bold=bold, soft_hyphens=soft_hyphens)
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


def write_lines(document, lines: list[Line], *, justify: bool = False, **kwargs) -> None:
    align = WD_ALIGN_PARAGRAPH.JUSTIFY if justify else None
    for text, level, hanging in lines:
        add_para(document, text, level=level, hanging=hanging, align=align, **kwargs)


def quoted(lines: list[Line], open_: str = "« ", close: str = " »") -> list[Line]:
    (first, *middle), last = lines, lines[-1]
    if not middle:
        return [(open_ + first[0] + close, first[1], first[2])]
    return [(open_ + first[0], *first[1:]), *middle[:-1], (last[0] + close, *last[1:])]


def add_footnotes_part(document, notes: dict[int, str]) -> None:
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


def add_footnote_reference(paragraph, number: int) -> None:
    paragraph._p.append(
        parse_xml(
            f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
            f'<w:footnoteReference w:id="{number}"/></w:r>'
        )
    )


ARTICLE_NUM_ID = 90


def add_article_numbering(document) -> int:
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


def add_numbered_heading(document, num_id: int):
    """An article title: a Heading 2 whose only text is its automatic number."""
    heading = document.add_paragraph(style="Heading 2")
    heading._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'
        )
    )
    return heading


def add_annex_table(document, annex: dict[str, Any]) -> None:
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


def save(document, folder: Path, name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.docx"
    document.save(path)
    return path


def flat_texts(blocks: list[dict[str, Any]]) -> list[str]:
    return [p["fr"] for block in blocks for p in block["paragraphs"]]
