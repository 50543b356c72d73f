"""The types of relationship between the parts of a .docx, and the .rels parts.

A package finds its parts through relationships: `_rels/.rels` names the
document and its properties, `word/_rels/document.xml.rels` the document's
styles and settings. A part no relationship names is not read.
"""

from __future__ import annotations

from generator.ooxml.namespaces import PACKAGE_RELATIONSHIPS_NS, R_NS, XML_DECLARATION

#: the package's relationships (to the document and its properties)
ROOT_PART = "_rels/.rels"
#: the document's relationships (to its styles, settings...)
DOCUMENT_PART = "word/_rels/document.xml.rels"

OFFICE_DOCUMENT = f"{R_NS}/officeDocument"
CORE_PROPERTIES = f"{PACKAGE_RELATIONSHIPS_NS}/metadata/core-properties"
EXTENDED_PROPERTIES = f"{R_NS}/extended-properties"
CUSTOM_PROPERTIES = f"{R_NS}/custom-properties"
STYLES = f"{R_NS}/styles"
SETTINGS = f"{R_NS}/settings"


def relationships_xml(relationships: list[tuple[str, str, str]]) -> bytes:
    """A .rels part with one relationship per (id, type, target)."""
    listed = "".join(
        f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{target}"/>'
        for rel_id, rel_type, target in relationships
    )
    return (
        f'{XML_DECLARATION}<Relationships xmlns="{PACKAGE_RELATIONSHIPS_NS}">'
        f"{listed}</Relationships>"
    ).encode()


def with_relationship(rels: bytes, rel_id: str, rel_type: str, target: str) -> bytes:
    """`rels` (a .rels part) with a relationship of `rel_type` to `target`;
    unchanged if it has a relationship of that type already."""
    text = rels.decode()
    if rel_type in text:
        return rels
    rel = f'<Relationship Id="{rel_id}" Type="{rel_type}" Target="{target}"/>'
    return text.replace("</Relationships>", rel + "</Relationships>").encode()
