"""Builds the Word templates in templates/<lang>/ (run: python templates/make_templates.py).

The templates are ordinary DOCX files with docxtpl (Jinja) tags: open them in
Word or LibreOffice to restyle them (fonts, margins, letterhead, the styles
whose names start with "CV "). Never type legal text into a template: the
articles, quoted provisions, party blocks and annex tables come from the corpus
through the variables listed in docs/templates.md. This script only gives a
starting point; once a template has been restyled by hand, keep the edited file
and stop regenerating it.

The words the templates print themselves (INAMI's letterhead, the footer) are
messages of conventio's catalogues (generator/catalogue.py), in the language of
each folder: templates/fr, templates/nl, templates/de.
"""

from __future__ import annotations

import re
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_LINE_SPACING, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from generator.catalogue import catalogue
from generator.ooxml.zipwriter import compress, write_zip

HERE = Path(__file__).resolve().parent

#: the language every style is tagged with (Word's spelling checker, the PDF's /Lang)
LANGUAGE_TAG = {"fr": "fr-BE", "nl": "nl-BE", "de": "de-BE"}


def letterhead_lines(lang: str) -> list[str]:
    """INAMI's letterhead, in the words of the catalogue of `lang`."""
    words = catalogue(lang)
    return [
        # TRANSLATORS: INAMI's letterhead, first line: the institute's official name
        words.gettext("National Institute for Health and Disability Insurance"),
        # TRANSLATORS: INAMI's letterhead, second line: the service that issues the conventions
        words.gettext("Health Care Service"),
        # TRANSLATORS: INAMI's letterhead, third line: its address
        words.gettext("Avenue Galilée 5/01 – 1210 Brussels"),
    ]


def footer_parts(lang: str) -> tuple[str, str, str]:
    """The footer's words around the page number and the number of pages (Word's
    PAGE and NUMPAGES fields): "Réf. {{ reference }} – page ", " / ", ""."""
    # TRANSLATORS: every page's footer; keep {reference}, {page} and {pages}
    footer = catalogue(lang).gettext("Ref. {reference} – page {page} / {pages}")
    footer = footer.replace("{reference}", "{{ reference }}")
    before, rest = footer.split("{page}")
    between, after = rest.split("{pages}")
    return before, between, after


def author(lang: str) -> str:
    """The templates' author (the document properties)."""
    # TRANSLATORS: INAMI's short name (RIZIV, LIKIV)
    short = catalogue(lang).gettext("INAMI")
    return f"{short} – conventio"


STYLES = {
    # name: (size, bold, italic, left indent cm, space after pt, align)
    "CV Title": (13, True, False, 0, 12, WD_ALIGN_PARAGRAPH.CENTER),
    "CV Subtitle": (10, False, True, 0, 12, WD_ALIGN_PARAGRAPH.CENTER),
    "CV Heading": (11, True, False, 0, 4, None),
    "CV Article": (11, True, False, 0, 4, None),
    "CV Text": (10.5, False, False, 0, 6, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "CV Text 1": (10.5, False, False, 0.8, 4, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "CV Text 2": (10.5, False, False, 1.6, 4, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "CV Text 3": (10.5, False, False, 2.4, 4, WD_ALIGN_PARAGRAPH.JUSTIFY),
    # a provision an amendment quotes: indented, its headings bold but no outline level
    "CV Quote Heading": (10.5, True, False, 1.0, 4, None),
    "CV Quote": (10.5, False, False, 1.0, 6, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "CV Quote 1": (10.5, False, False, 1.8, 4, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "CV Quote 2": (10.5, False, False, 2.6, 4, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "CV Quote 3": (10.5, False, False, 3.4, 4, WD_ALIGN_PARAGRAPH.JUSTIFY),
    "CV Note": (9, False, True, 0, 4, None),
    "CV Footnote": (8.5, False, False, 0, 2, None),
    "CV Signature": (10.5, False, False, 0, 0, None),
    "CV Letterhead": (9, False, False, 0, 0, None),
    "CV Table": (9, False, False, 0, 0, None),
}
#: styles Word's navigation pane and the PDF's bookmarks show: style -> outline level
#: (0 is the top); the quoted provisions' headings have none: they are not the
#: document's own articles
OUTLINE_LEVELS = {"CV Heading": 0, "CV Article": 1}
#: the character style of a footnote's number, in the text and in the note
FOOTNOTE_REFERENCE = "CV Footnote Reference"


def _styles(document, lang: str) -> None:
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(10.5)
    _language(document, LANGUAGE_TAG[lang])
    for name, (size, bold, italic, indent, after, align) in STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        fmt = style.paragraph_format
        fmt.left_indent = Cm(indent)
        fmt.space_after = Pt(after)
        if align is not None:
            fmt.alignment = align
        if name in ("CV Heading", "CV Article", "CV Quote Heading"):
            fmt.keep_with_next = True
            fmt.space_before = Pt(8)
        if name == "CV Note":
            style.font.color.rgb = RGBColor(0x6B, 0x4A, 0x00)
        if name in OUTLINE_LEVELS:
            outline = OxmlElement("w:outlineLvl")
            outline.set(qn("w:val"), str(OUTLINE_LEVELS[name]))
            style.element.get_or_add_pPr().append(outline)
        _tag_language(style.element.get_or_add_rPr(), LANGUAGE_TAG[lang])
    reference = document.styles.add_style(FOOTNOTE_REFERENCE, WD_STYLE_TYPE.CHARACTER)
    reference.font.superscript = True


def _tag_language(rpr, tag: str) -> None:
    """`<w:lang>` in a run-properties element: the text is in language `tag`."""
    for old in rpr.findall(qn("w:lang")):
        rpr.remove(old)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), tag)
    lang.set(qn("w:eastAsia"), tag)
    lang.set(qn("w:bidi"), "ar-SA")
    rpr.append(lang)


def _tag_every_style(document, lang: str) -> None:
    """Every conventio paragraph style says its language, also those added after
    `_styles` (the signature blocks', the letterhead's)."""
    for style in document.styles:
        if style.name.startswith("CV ") and style.type == WD_STYLE_TYPE.PARAGRAPH:
            _tag_language(style.element.get_or_add_rPr(), LANGUAGE_TAG[lang])


def _language(document, tag: str) -> None:
    """The document's default language (styles.xml's docDefaults) and Normal's."""
    defaults = document.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    _tag_language(rpr, tag)
    _tag_language(document.styles["Normal"].element.get_or_add_rPr(), tag)


def _field(paragraph, instruction: str, shown: str = "1") -> None:
    """A field (PAGE, NUMPAGES) at the end of `paragraph`, showing `shown` until updated."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = shown
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _footer(section, document, lang: str) -> None:
    """ "Réf. … – page N / M" in the footer."""
    before, between, after = footer_parts(lang)
    footer = section.footer.paragraphs[0]
    footer.style = document.styles["CV Letterhead"]
    footer.add_run(before)
    _field(footer, "PAGE")
    footer.add_run(between)
    _field(footer, "NUMPAGES")
    if after:
        footer.add_run(after)


def _p(document, text: str, style: str = "CV Text"):
    return document.add_paragraph(text, style=style)


#: how each kind of corpus block is laid out: (condition, paragraph text, style)
BLOCK_LAYOUT = (
    ('b.quoted and b.kind == "heading"', "{{ b.text }}", "CV Quote Heading"),
    (
        'b.quoted and b.kind == "paragraph" and b.level == 0',
        "{{ b.prefix }}{{ b.text }}",
        "CV Quote",
    ),
    (
        'b.quoted and b.kind == "paragraph" and b.level == 1',
        "{{ b.prefix }}{{ b.text }}",
        "CV Quote 1",
    ),
    (
        'b.quoted and b.kind == "paragraph" and b.level == 2',
        "{{ b.prefix }}{{ b.text }}",
        "CV Quote 2",
    ),
    ('b.quoted and b.kind == "paragraph"', "{{ b.prefix }}{{ b.text }}", "CV Quote 3"),
    ('b.kind == "title"', "{{ b.text }}", "CV Title"),
    ('b.kind == "subtitle"', "{{ b.text }}", "CV Subtitle"),
    ('b.kind == "heading" and b.level <= 2', "{{ b.text }}", "CV Heading"),
    ('b.kind == "heading"', "{{ b.text }}", "CV Article"),
    ('b.kind == "note"', "{{ b.text }}", "CV Note"),
    ('b.kind == "footnote"', "{{ b.label }} {{ b.text }}", "CV Footnote"),
    ('b.kind == "paragraph" and b.level == 0', "{{ b.prefix }}{{ b.text }}", "CV Text"),
    ('b.kind == "paragraph" and b.level == 1', "{{ b.prefix }}{{ b.text }}", "CV Text 1"),
    ('b.kind == "paragraph" and b.level == 2', "{{ b.prefix }}{{ b.text }}", "CV Text 2"),
    ('b.kind == "paragraph"', "{{ b.prefix }}{{ b.text }}", "CV Text 3"),
)


def _blocks_loop(document, variable: str) -> None:
    """The loop that lays out corpus blocks, one paragraph style per kind."""
    _p(document, f"{{%p for b in {variable} %}}")
    for i, (condition, text, style) in enumerate(BLOCK_LAYOUT):
        _p(document, f"{{%p {'if' if i == 0 else 'elif'} {condition} %}}")
        _p(document, text, style)
    _p(document, "{%p endif %}")
    _p(document, "{%p endfor %}")


#: the signature blocks' own styles: (size, bold, italic, space after pt)
SIGNATURE_STYLES = {
    "CV Signatory": (10.5, True, False, 0),
    "CV Capacity": (10.5, False, False, 0),
    "CV Signature Box": (8, False, True, 10),
}
#: the area under a block where the role's PDF signature field goes: one paragraph of
#: one line exactly this high, its label at the bottom (the field is 1.9 cm high and
#: 7 cm wide, from the top of the line down)
SIGNATURE_BOX_HEIGHT = Cm(3.0)
#: the empty area of each role is marked by a bookmark named sig_<role> (see docs/templates.md)
SIGNATURE_BOOKMARK = "sig_{{ s.role }}"
#: bookmark ids: 90 then the block's number (Word needs them unique in the document)
SIGNATURE_BOOKMARK_ID = "90{{ loop.index }}"


def _signature_styles(document) -> None:
    """The styles of the signature blocks (restyle them in Word: docs/templates.md).
    Every one keeps with the next paragraph: a block never splits across pages."""
    normal = document.styles["Normal"]
    for name, (size, bold, italic, after) in SIGNATURE_STYLES.items():
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.font.size = Pt(size)
        style.font.bold = bold
        style.font.italic = italic
        style.paragraph_format.space_after = Pt(after)
        style.paragraph_format.keep_with_next = name != "CV Signature Box"
    box = document.styles["CV Signature Box"].paragraph_format
    box.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    box.line_spacing = SIGNATURE_BOX_HEIGHT
    document.styles["CV Signature"].paragraph_format.keep_with_next = True


def _no_borders(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{edge}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    table._tbl.tblPr.append(borders)
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    table._tbl.tblPr.append(layout)


def _signature_box(document) -> None:
    """The area where the role's signature goes: one line of fixed height whose
    label ("Signature – Pour le réseau …") sits at its bottom, spanned by the
    bookmark sig_<role>, which conventio finds in the PDF (as a named destination)
    to put the role's signature field above the label."""
    paragraph = _p(document, "{{ s.field_label }}", "CV Signature Box")
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), SIGNATURE_BOOKMARK_ID)
    start.set(qn("w:name"), SIGNATURE_BOOKMARK)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), SIGNATURE_BOOKMARK_ID)
    paragraph._p.insert(1, start)  # after the paragraph's properties, before its text
    paragraph._p.append(end)


def _signatures(document) -> None:
    """Each role's block, kept on one page: the heading ("Pour le réseau de santé
    mentale,"), the signatory's name and capacity, the other lines ("Signature :"),
    then the area for the signature, with the field's label at its bottom."""
    _signature_styles(document)
    _p(document, "{%p if place_date %}")
    _p(document, "{{ place_date }}", "CV Text").paragraph_format.keep_with_next = True
    _p(document, "{%p endif %}")
    _p(document, "{%p for s in signatures %}")
    _p(document, "{{ s.heading }}", "CV Signature")
    for text, style in (
        ("{%p if s.name %}", "CV Signature"),
        ("{{ s.name }}", "CV Signatory"),
        ("{%p endif %}", "CV Signature"),
        ("{%p if s.capacity %}", "CV Signature"),
        ("{{ s.capacity }}", "CV Capacity"),
        ("{%p endif %}", "CV Signature"),
        ("{%p for line in s.other_lines %}", "CV Signature"),
        ("{{ line }}", "CV Signature"),
        ("{%p endfor %}", "CV Signature"),
    ):
        _p(document, text, style)
    _signature_box(document)
    _p(document, "{%p endfor %}")


#: the annex table's columns: the code column fits "Pseudocode" on one line
ANNEX_WIDTHS = (Cm(2.8), Cm(13.8))


def _row_properties(row, *, header: bool = False) -> None:
    """A row never splits across pages; the header row repeats on every page.
    (w:trPr's children in the schema's order: cantSplit, trHeight, tblHeader.)"""
    properties = row._tr.get_or_add_trPr()
    properties.insert(0, OxmlElement("w:cantSplit"))
    if header:
        properties.append(OxmlElement("w:tblHeader"))


def _shade(cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _annexes(document) -> None:
    _p(document, "{%p for a in annexes %}")
    heading = _p(document, "{{ a.heading }}", "CV Heading")
    heading.paragraph_format.page_break_before = True
    _p(document, "{%p if a.note %}")
    _p(document, "{{ a.note }}", "CV Note")
    _p(document, "{%p endif %}")
    table = document.add_table(rows=3, cols=2)
    table.style = document.styles["Table Grid"]
    table.autofit = False
    header = table.rows[0].cells
    header[0].text, header[1].text = "{{ a.columns[0] }}", "{{ a.columns[1] }}"
    for cell in header:
        _shade(cell, "E7E6E6")
        for run in cell.paragraphs[0].runs:
            run.bold = True
    table.rows[1].cells[0].text = "{%tr for r in a.rows %}"
    table.rows[2].cells[0].text = "{{ r.code }}"
    table.rows[2].cells[1].text = "{{ r.description }}"
    # the closing tag sits in its own row, removed at rendering
    row = table.add_row()
    row.cells[0].text = "{%tr endfor %}"
    for column, width in zip(table.columns, ANNEX_WIDTHS, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, ANNEX_WIDTHS, strict=True):
            cell.width = width
            for paragraph in cell.paragraphs:
                paragraph.style = document.styles["CV Table"]
    _row_properties(table.rows[0], header=True)
    _row_properties(table.rows[2])  # the row docxtpl repeats for each code
    # the notes and abbreviations under the table: body text, set off from the table
    _p(document, "{%p for line in a.after %}")
    after = _p(document, "{{ line }}", "CV Text")
    after.paragraph_format.space_before = Pt(6)
    _p(document, "{%p endfor %}")
    _p(document, "{%p endfor %}")


def _enclosure(document) -> None:
    """The text annexed to a circular letter, after its signature, on a new page."""
    _p(document, "{%p if enclosure %}")
    _p(document, "").add_run().add_break(WD_BREAK.PAGE)
    _blocks_loop(document, "enclosure")
    _p(document, "{%p endif %}")


def _letterhead(document, section, lang: str) -> None:
    """The page header: INAMI's letterhead (fixed words, translated with the
    template) on what INAMI issues, the network's name and address (party data)
    on what a network issues; who issues what is decided by conventio
    (`issuer`), never by the template."""
    name = document.styles.add_style("CV Letterhead Name", WD_STYLE_TYPE.PARAGRAPH)
    name.base_style = document.styles["CV Letterhead"]
    name.font.bold = True
    header = section.header
    first = header.paragraphs[0]
    first.text, first.style = '{%p if issuer == "network" %}', document.styles["CV Letterhead"]
    lines = [
        ("{%p for line in issuer_lines %}", "CV Letterhead"),
        ("{%p if loop.first %}", "CV Letterhead"),
        ("{{ line }}", "CV Letterhead Name"),
        ("{%p else %}", "CV Letterhead"),
        ("{{ line }}", "CV Letterhead"),
        ("{%p endif %}", "CV Letterhead"),
        ("{%p endfor %}", "CV Letterhead"),
        ("{%p else %}", "CV Letterhead"),
        *((line, "CV Letterhead") for line in letterhead_lines(lang)),
        ("{%p endif %}", "CV Letterhead"),
        ("", "CV Letterhead"),  # a line of space above the text
    ]
    for text, style in lines:
        header.add_paragraph(text, style=style)


#: the circular letter's own styles: (size, bold)
LETTER_STYLES = {"CV Sender": (8, False), "CV Letter Head": (9, False)}


def _circular_head(document) -> None:
    """The head of a circular letter as the published letter lays it out: the
    sender, to whom (left) beside the service, correspondent and e-mail (right),
    then the reference and the place and date on one line, then the subject."""
    for style_name, (size, bold) in LETTER_STYLES.items():
        style = document.styles.add_style(style_name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = document.styles["Normal"]
        style.font.size, style.font.bold = Pt(size), bold
        style.paragraph_format.space_after = Pt(0)
    _p(document, "{{ sender }}", "CV Sender")
    table = document.add_table(rows=1, cols=2)
    table.autofit = False
    _no_borders(table)
    left, right = table.rows[0].cells
    for cell, width in zip((left, right), (Cm(9.1), Cm(7.5)), strict=True):
        cell.width = width
    left.paragraphs[0].text, left.paragraphs[0].style = "{{ addressed_to }}", "CV Text"
    for text in ("{{ addressee }}", "{%p for line in addressee_lines %}", "{{ line }}"):
        left.add_paragraph(text, style="CV Text")
    left.add_paragraph("{%p endfor %}", style="CV Text")
    right.paragraphs[0].text, right.paragraphs[0].style = "{{ service }}", "CV Letter Head"
    right.add_paragraph("{%p for c in contacts %}", style="CV Letter Head")
    right.add_paragraph("{{ c.label }} {{ c.text }}", style="CV Letter Head")
    right.add_paragraph("{%p endfor %}", style="CV Letter Head")
    _p(document, "", "CV Text")
    line = _p(document, "{{ reference_line }}", "CV Text")
    line.paragraph_format.tab_stops.add_tab_stop(Cm(16.6), WD_TAB_ALIGNMENT.RIGHT)
    line.add_run().add_tab()
    line.add_run("{{ place_date }}")
    _p(document, "{{ subject_label }}", "CV Heading")
    _p(document, "{%p for line in subject %}")
    _p(document, "{{ line }}", "CV Text")
    _p(document, "{%p endfor %}")


def _information_banner(document) -> None:
    """On an information copy's first page, above the title: a framed, bold notice
    that the text is incomplete and cannot be signed."""
    _p(document, "{%p if information_banner %}")
    banner = _p(document, "{{ information_banner }}", "CV Text")
    banner.alignment = WD_ALIGN_PARAGRAPH.CENTER
    banner.runs[0].bold = True
    borders = OxmlElement("w:pBdr")
    for side in ("top", "left", "bottom", "right"):
        border = OxmlElement(f"w:{side}")
        for key, value in (("val", "single"), ("sz", "12"), ("space", "4"), ("color", "C00000")):
            border.set(qn(f"w:{key}"), value)
        borders.append(border)
    banner._p.get_or_add_pPr().append(borders)
    _p(document, "{%p endif %}")


def build(name: str, kind: str, lang: str = "fr", folder: Path = HERE) -> Path:
    """Writes folder/<lang>/<name>.docx (the templates' folder unless told)."""
    document = Document()
    _styles(document, lang)
    section = document.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.2)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    _letterhead(document, section, lang)
    _footer(section, document, lang)
    if kind == "coordinated":
        _information_banner(document)
    if kind == "circular":
        _circular_head(document)
    _blocks_loop(document, "blocks")
    if kind == "circular":
        _p(document, "{%p if salutation %}")
        _p(document, "{{ salutation }}", "CV Text")
        _p(document, "{%p endif %}")
        _p(document, "{%p for line in signatory_lines %}")
        _p(document, "{{ line }}", "CV Signature")
        _p(document, "{%p endfor %}")
        _enclosure(document)
    if kind not in ("circular", "statement"):  # a statement is a letter: nothing to sign
        _signatures(document)
        _annexes(document)
    _tag_every_style(document, lang)
    core = document.core_properties
    core.author = author(lang)
    core.language = lang
    target = folder / lang / f"{name}.docx"
    target.parent.mkdir(parents=True, exist_ok=True)
    document.save(target)
    _slim(target)
    return target


#: parts of python-docx's default document that Word does not need
UNUSED_PARTS = ("word/stylesWithEffects.xml", "docProps/thumbnail.jpeg")


def _slim(path: Path) -> None:
    """Drop the unused parts (and their references): smaller, faster copies."""
    with zipfile.ZipFile(path) as archive:
        parts = {i.filename: archive.read(i) for i in archive.infolist()}
    for name in UNUSED_PARTS:
        parts.pop(name, None)
        target = name.split("/", 1)[1] if name.startswith("word/") else name
        for rels in ("_rels/.rels", "word/_rels/document.xml.rels"):
            parts[rels] = re.sub(
                rf'<Relationship [^>]*Target="/?{re.escape(target)}"/>', "", parts[rels].decode()
            ).encode()
        parts["[Content_Types].xml"] = re.sub(
            rf'<Override PartName="/{re.escape(name)}"[^>]*/>',
            "",
            parts["[Content_Types].xml"].decode(),
        ).encode()
    # conventio's deterministic ZIP (fixed time stamps): the same script makes the
    # same bytes, so a template changes in git only when its content does
    path.write_bytes(write_zip([compress(name, data) for name, data in parts.items()]))


#: template name -> layout
TEMPLATES = {
    "amendment-inami-network": "amendment",
    "amendment-network-provider": "amendment",
    "coordinated-convention": "coordinated",
    "circular": "circular",
    # the practice bonus statement of article 14/1 (conventio bonus statements): the
    # letterhead of the paying network, then the blocks of the calculation and the article
    "bonus-statement": "statement",
}

if __name__ == "__main__":
    for name, layout in TEMPLATES.items():
        for lang in LANGUAGE_TAG:
            print(build(name, layout, lang), file=sys.stderr)
