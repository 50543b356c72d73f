"""The content type of each part of a .docx, and [Content_Types].xml.

A part's content type tells Word what it holds: a part not listed there is
ignored, so every part added to a package is added here too.
"""

from __future__ import annotations

from generator.ooxml.namespaces import CONTENT_TYPES_NS, XML_DECLARATION

#: the part that lists the others' content types
PART = "[Content_Types].xml"

#: a .docx file as a whole (its MIME type)
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
RELATIONSHIPS = "application/vnd.openxmlformats-package.relationships+xml"
XML = "application/xml"
DOCUMENT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
SETTINGS = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
CORE_PROPERTIES = "application/vnd.openxmlformats-package.core-properties+xml"
EXTENDED_PROPERTIES = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
CUSTOM_PROPERTIES = "application/vnd.openxmlformats-officedocument.custom-properties+xml"


def content_types_xml(overrides: dict[str, str]) -> bytes:
    """[Content_Types].xml: .rels and .xml parts by default, and the content
    type of each part in `overrides` (part name -> content type)."""
    listed = "".join(
        f'<Override PartName="/{part}" ContentType="{content_type}"/>'
        for part, content_type in overrides.items()
    )
    return (
        f'{XML_DECLARATION}<Types xmlns="{CONTENT_TYPES_NS}">'
        f'<Default Extension="rels" ContentType="{RELATIONSHIPS}"/>'
        f'<Default Extension="xml" ContentType="{XML}"/>'
        f"{listed}</Types>"
    ).encode()


def with_override(types: bytes, part: str, content_type: str) -> bytes:
    """`types` (a [Content_Types].xml) listing `part` too; unchanged if it does."""
    text = types.decode()
    if f'PartName="/{part}"' in text:
        return types
    override = f'<Override PartName="/{part}" ContentType="{content_type}"/>'
    return text.replace("</Types>", override + "</Types>").encode()
