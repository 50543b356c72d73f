"""Everything in a redline DOCX but its body: the styles its paragraphs use,
its settings, its properties (title, author, date), and the content types
and relationships that tie the parts together.

Each part is the same for every redline but docProps/core.xml; `package`
zips them with the body, in a fixed order, with fixed timestamps.
"""

from __future__ import annotations

from lxml import etree

from generator.ooxml import content_types, relationships
from generator.ooxml.namespaces import (
    CORE_PROPERTIES_NS,
    DC_NS,
    DCTERMS_NS,
    EXTENDED_PROPERTIES_NS,
    R_NS,
    W_NS,
    XML_DECLARATION,
    XSI_NS,
)
from generator.ooxml.zipwriter import compress, write_zip

#: the parts around the body (generator/diffing/redline_furniture.py writes them)
HEADER_PART, FOOTER_PART, COMMENTS_PART = (
    "word/header1.xml",
    "word/footer1.xml",
    "word/comments.xml",
)
_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml"
HEADER_TYPE, FOOTER_TYPE = f"{_WORD}.header+xml", f"{_WORD}.footer+xml"
COMMENTS_TYPE = f"{_WORD}.comments+xml"
#: the relationships the section properties of the body name
HEADER_ID, FOOTER_ID = "rId3", "rId4"

#: paragraph style id for each `RedlineParagraph.style` (Normal for "text")
STYLE_IDS = {"title": "Heading1", "heading": "Heading2", "text": "Normal", "note": "Note"}


def package(
    document: bytes, title: str, author: str, date: str, furniture: dict[str, bytes]
) -> bytes:
    """The DOCX whose word/document.xml is `document`, made by `author` at
    `date` (W3C format) and entitled `title` (text XML can hold), with its
    header, footer and comments (`furniture`, by part name: redline_furniture)."""
    parts = {
        content_types.PART: _CONTENT_TYPES,
        relationships.ROOT_PART: _ROOT_RELS,
        "docProps/core.xml": _core_xml(title, author, date),
        "docProps/app.xml": _APP,
        "word/document.xml": document,
        relationships.DOCUMENT_PART: _DOCUMENT_RELS,
        "word/styles.xml": _STYLES,
        "word/settings.xml": _SETTINGS,
        **furniture,
    }
    return write_zip([compress(name, data) for name, data in parts.items()])


def serialize(element: etree._Element) -> bytes:
    """A part as bytes, with its XML declaration."""
    return etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True)


def _core_xml(title: str, author: str, date: str) -> bytes:
    cp, dc, dcterms, xsi = CORE_PROPERTIES_NS, DC_NS, DCTERMS_NS, XSI_NS
    root = etree.Element(
        f"{{{cp}}}coreProperties", nsmap={"cp": cp, "dc": dc, "dcterms": dcterms, "xsi": xsi}
    )
    etree.SubElement(root, f"{{{dc}}}title").text = title
    etree.SubElement(root, f"{{{dc}}}creator").text = author
    for name in ("created", "modified"):
        stamp = etree.SubElement(root, f"{{{dcterms}}}{name}")
        stamp.set(f"{{{xsi}}}type", "dcterms:W3CDTF")
        stamp.text = date
    return serialize(root)


_CONTENT_TYPES = content_types.content_types_xml(
    {
        "word/document.xml": content_types.DOCUMENT,
        "word/styles.xml": content_types.STYLES,
        "word/settings.xml": content_types.SETTINGS,
        HEADER_PART: HEADER_TYPE,
        FOOTER_PART: FOOTER_TYPE,
        COMMENTS_PART: COMMENTS_TYPE,
        "docProps/core.xml": content_types.CORE_PROPERTIES,
        "docProps/app.xml": content_types.EXTENDED_PROPERTIES,
    }
)

_ROOT_RELS = relationships.relationships_xml(
    [
        ("rId1", relationships.OFFICE_DOCUMENT, "word/document.xml"),
        ("rId2", relationships.CORE_PROPERTIES, "docProps/core.xml"),
        ("rId3", relationships.EXTENDED_PROPERTIES, "docProps/app.xml"),
    ]
)

_DOCUMENT_RELS = relationships.relationships_xml(
    [
        ("rId1", relationships.STYLES, "styles.xml"),
        ("rId2", relationships.SETTINGS, "settings.xml"),
        (HEADER_ID, f"{R_NS}/header", "header1.xml"),
        (FOOTER_ID, f"{R_NS}/footer", "footer1.xml"),
        ("rId5", f"{R_NS}/comments", "comments.xml"),
    ]
)

_APP = (
    XML_DECLARATION + f'<Properties xmlns="{EXTENDED_PROPERTIES_NS}">'
    "<Application>conventio</Application></Properties>"
).encode()

_SETTINGS = (
    XML_DECLARATION + f'<w:settings xmlns:w="{W_NS}">'
    '<w:defaultTabStop w:val="708"/>'
    '<w:characterSpacingControl w:val="doNotCompress"/>'
    '<w:compat><w:compatSetting w:name="compatibilityMode" '
    'w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>'
    "</w:settings>"
).encode()


def _paragraph_style(
    style_id: str, name: str, ppr: str = "", rpr: str = "", based_on: str = "Normal"
) -> str:
    return (
        f'<w:style w:type="paragraph" w:customStyle="{"1" if style_id == "Note" else "0"}" '
        f'w:styleId="{style_id}"><w:name w:val="{name}"/><w:basedOn w:val="{based_on}"/>'
        f'<w:next w:val="Normal"/><w:qFormat/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>'
    )


_STYLES = (
    XML_DECLARATION + f'<w:styles xmlns:w="{W_NS}">'
    "<w:docDefaults><w:rPrDefault><w:rPr>"
    '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>'
    '<w:sz w:val="22"/><w:szCs w:val="22"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="120" w:line="264" w:lineRule="auto"/>'
    "</w:pPr></w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    "<w:qFormat/></w:style>"
    + _paragraph_style(
        "Title",
        "Title",
        '<w:spacing w:after="120"/>',
        '<w:b/><w:sz w:val="36"/><w:szCs w:val="36"/>',
    )
    + _paragraph_style(
        "Subtitle",
        "Subtitle",
        '<w:spacing w:after="360"/>',
        '<w:color w:val="595959"/><w:sz w:val="24"/><w:szCs w:val="24"/>',
    )
    + _paragraph_style(
        "Heading1",
        "heading 1",
        '<w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/>',
        '<w:b/><w:sz w:val="28"/><w:szCs w:val="28"/>',
    )
    + _paragraph_style(
        "Heading2",
        "heading 2",
        '<w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/>',
        '<w:b/><w:sz w:val="24"/><w:szCs w:val="24"/>',
    )
    + _paragraph_style("Note", "Note", "", '<w:i/><w:sz w:val="18"/><w:szCs w:val="18"/>')
    + '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont">'
    '<w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/>'
    "</w:style>"
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
    '<w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar>'
    "</w:tblPr></w:style>"
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
    '<w:basedOn w:val="TableNormal"/><w:pPr><w:spacing w:after="0" w:line="240" '
    'w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>'
    + "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ("top", "left", "bottom", "right", "insideH", "insideV")
    )
    + "</w:tblBorders></w:tblPr></w:style>"
    "</w:styles>"
).encode()
