"""docProps/custom.xml: a .docx's custom properties, written and read back.

Every copy conventio issues carries its identity there (`DOCUMENT_ID`,
`CONTENT_HASH`, `REFERENCE`): generation writes it, the signature register
reads it back from a signed copy. Values are text (``vt:lpwstr``).
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape, quoteattr

from generator.errors import ConventioError
from generator.ooxml import content_types, relationships
from generator.ooxml.namespaces import CUSTOM_PROPERTIES_NS, VT_NS, XML_DECLARATION

PART = "docProps/custom.xml"

#: the names of the properties that say which issued document a copy is
DOCUMENT_ID = "ConventioDocumentId"
CONTENT_HASH = "ConventioContentHash"
REFERENCE = "ConventioReference"

#: the format id every user-defined property has
_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
#: the id of the package's relationship to the part, when conventio adds it
_RELATIONSHIP_ID = "rIdConventioCustom"
#: a custom-properties part larger than this is not one conventio wrote
_MAX_PART = 1_000_000


def custom_properties_xml(properties: list[tuple[str, str]]) -> bytes:
    """The part holding `properties`, (name, text value) in order; values are escaped."""
    body = "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name={quoteattr(name)}>'
        f"<vt:lpwstr>{escape(value)}</vt:lpwstr></property>"
        for pid, (name, value) in enumerate(properties, start=2)
    )
    return (
        f'{XML_DECLARATION}<Properties xmlns="{CUSTOM_PROPERTIES_NS}" xmlns:vt="{VT_NS}">'
        f"{body}</Properties>"
    ).encode()


def add_custom_properties(parts: dict[str, bytes], properties: list[tuple[str, str]]) -> None:
    """Put `properties` into the package `parts` (part name -> bytes), with the
    content type and the relationship that make Word read them."""
    parts[content_types.PART] = content_types.with_override(
        parts[content_types.PART], PART, content_types.CUSTOM_PROPERTIES
    )
    parts[relationships.ROOT_PART] = relationships.with_relationship(
        parts[relationships.ROOT_PART], _RELATIONSHIP_ID, relationships.CUSTOM_PROPERTIES, PART
    )
    parts[PART] = custom_properties_xml(properties)


def read_custom_properties(data: bytes) -> dict[str, str]:
    """The text properties of the .docx `data` (name -> value), {} if it has
    none; ConventioError saying what is wrong if it is no .docx or its part is
    not one conventio could have written."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                info = archive.getinfo(PART)
            except KeyError:
                return {}
            if info.file_size > _MAX_PART:
                raise ConventioError(f"its {PART} is too large to be conventio's")
            part = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as error:
        raise ConventioError(f"it is not a DOCX file ({error})") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(part, parser)
    except etree.XMLSyntaxError as error:
        raise ConventioError(f"its {PART} is not well-formed XML ({error})") from None
    values: dict[str, str] = {}
    for prop in root.iter(f"{{{CUSTOM_PROPERTIES_NS}}}property"):
        text = prop.findtext(f"{{{VT_NS}}}lpwstr")
        if text is not None:
            values[prop.get("name", "")] = text
    return values
