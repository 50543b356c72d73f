"""Reading and editing the XMP metadata packet of a PDF.

Two uses: checking that LibreOffice's output declares PDF/A-2b
(`pdfaid:part` 2, `pdfaid:conformance` B), and writing conventio's document
identity as XMP properties of our own namespace. PDF/A forbids XMP properties
that no schema describes, so the identity comes with a PDF/A extension schema
(`pdfaExtension:schemas`) that describes them; without it a validator such as
veraPDF would reject the file.

The packet is edited in place: the bytes before `<x:xmpmeta` (the xpacket
header) and after `</x:xmpmeta>` (padding and the xpacket trailer) are kept
as they are, only the element in between is re-serialised, so the same input
always gives the same output.
"""

from __future__ import annotations

import re

from lxml import etree

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
X = "adobe:ns:meta/"
PDFAID = "http://www.aiim.org/pdfa/ns/id/"
PDFA_EXTENSION = "http://www.aiim.org/pdfa/ns/extension/"
PDFA_SCHEMA = "http://www.aiim.org/pdfa/ns/schema#"
PDFA_PROPERTY = "http://www.aiim.org/pdfa/ns/property#"
DC = "http://purl.org/dc/elements/1.1/"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

#: conventio's XMP namespace. It is a name, not an address to fetch; changing it
#: would hide the identity of PDFs written before (the info dictionary keeps it too).
CONVENTIO_NS = "urn:conventio:xmp:document:1.0#"
CONVENTIO_PREFIX = "conventio"
#: XMP property name -> what it holds (the descriptions go into the extension schema)
IDENTITY_PROPERTIES = {
    "DocumentId": "conventio identifier of the generated document",
    "ContentHash": "hash of the data the document was generated from",
}

_PACKET_HEADER = '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
_PACKET_TRAILER = "\n" + (" " * 99 + "\n") * 20 + '<?xpacket end="w"?>'
_PREFIX = r"(?:[A-Za-z_][\w.-]*:)?"
_XMPMETA = re.compile(rf"<{_PREFIX}xmpmeta\b.*</{_PREFIX}xmpmeta\s*>", re.S)
_RDF = re.compile(rf"<{_PREFIX}RDF\b.*</{_PREFIX}RDF\s*>", re.S)


class XmpError(ValueError):
    """The metadata packet is not well-formed XMP."""


def _parser() -> etree.XMLParser:
    # no network, no entities: the packet comes from a file we were handed
    return etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)


def _split(packet: bytes) -> tuple[str, etree._Element, str]:
    """(text before, the x:xmpmeta or rdf:RDF element, text after)."""
    try:
        text = packet.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise XmpError(f"the XMP packet is not UTF-8: {exc}") from exc
    match = _XMPMETA.search(text)
    if match is None:
        match = _RDF.search(text)
    if match is None:
        raise XmpError("the XMP packet has neither x:xmpmeta nor rdf:RDF")
    try:
        root = etree.fromstring(match.group(0).encode("utf-8"), _parser())
    except etree.XMLSyntaxError as exc:
        raise XmpError(f"the XMP packet is not well-formed XML: {exc}") from exc
    return text[: match.start()], root, text[match.end() :]


def _joined(before: str, root: etree._Element, after: str) -> bytes:
    """The packet `_split` took apart, with its changed element: namespace
    declarations nothing uses any more dropped (e.g. left by removed properties)."""
    etree.cleanup_namespaces(root)
    etree.indent(root, space=" ")
    return (before + etree.tostring(root, encoding="unicode") + after).encode("utf-8")


def _rdf(root: etree._Element) -> etree._Element:
    if root.tag == f"{{{RDF}}}RDF":
        return root
    rdf = root.find(f"{{{RDF}}}RDF")
    if rdf is None:
        raise XmpError("the XMP packet has no rdf:RDF element")
    return rdf


def _property(rdf: etree._Element, ns: str, name: str) -> str | None:
    """A simple property, written either as an element or as an attribute."""
    for description in rdf.iterfind(f"{{{RDF}}}Description"):
        value = description.get(f"{{{ns}}}{name}")
        if value is not None:
            return value.strip()
        element = description.find(f"{{{ns}}}{name}")
        if element is not None:
            return (element.text or "").strip()
    return None


def pdfa_identification(packet: bytes) -> tuple[str, str] | None:
    """(part, conformance) declared by `pdfaid:`, e.g. ("2", "B"); None if absent."""
    rdf = _rdf(_split(packet)[1])
    part = _property(rdf, PDFAID, "part")
    conformance = _property(rdf, PDFAID, "conformance")
    if part is None or conformance is None:
        return None
    return part, conformance


def read_identity(packet: bytes) -> tuple[str, str] | None:
    """(document id, content hash) from conventio's XMP properties, if both are there."""
    rdf = _rdf(_split(packet)[1])
    document_id = _property(rdf, CONVENTIO_NS, "DocumentId")
    content_hash = _property(rdf, CONVENTIO_NS, "ContentHash")
    if document_id is None or content_hash is None:
        return None
    return document_id, content_hash


def _sub(parent: etree._Element, ns: str, name: str, text: str | None = None, **attrib: str):
    element = etree.SubElement(parent, f"{{{ns}}}{name}", attrib)
    if text is not None:
        element.text = text
    return element


def _extension_schema(bag: etree._Element) -> None:
    """Describe conventio's namespace in a `pdfaExtension:schemas` bag."""
    key = f"{{{PDFA_SCHEMA}}}namespaceURI"
    for li in bag.iterfind(f"{{{RDF}}}li"):
        # written as an element, or (as pyHanko rewrites it) as an attribute
        uris = [(e.text or "").strip() for e in li.iter(key)]
        uris += [e.get(key, "").strip() for e in li.iter()]
        if CONVENTIO_NS in uris:
            bag.remove(li)
    li = _sub(bag, RDF, "li", **{f"{{{RDF}}}parseType": "Resource"})
    _sub(li, PDFA_SCHEMA, "schema", "conventio document identity")
    _sub(li, PDFA_SCHEMA, "namespaceURI", CONVENTIO_NS)
    _sub(li, PDFA_SCHEMA, "prefix", CONVENTIO_PREFIX)
    seq = _sub(_sub(li, PDFA_SCHEMA, "property"), RDF, "Seq")
    for name, description in IDENTITY_PROPERTIES.items():
        prop = _sub(seq, RDF, "li", **{f"{{{RDF}}}parseType": "Resource"})
        _sub(prop, PDFA_PROPERTY, "name", name)
        _sub(prop, PDFA_PROPERTY, "valueType", "Text")
        _sub(prop, PDFA_PROPERTY, "category", "external")
        _sub(prop, PDFA_PROPERTY, "description", description)


def with_identity(packet: bytes | None, document_id: str, content_hash: str) -> bytes:
    """The packet with conventio's identity set (replacing any earlier one).

    `packet` None makes a new packet holding only the identity and its schema.
    """
    if packet is None:
        before, after = _PACKET_HEADER, _PACKET_TRAILER
        root = etree.Element(f"{{{X}}}xmpmeta", nsmap={"x": X})
        etree.SubElement(root, f"{{{RDF}}}RDF", nsmap={"rdf": RDF})
    else:
        before, root, after = _split(packet)
    rdf = _rdf(root)
    about = f"{{{RDF}}}about"

    # drop conventio's properties wherever they are, then empty descriptions they leave
    for description in list(rdf.iterfind(f"{{{RDF}}}Description")):
        for name in IDENTITY_PROPERTIES:
            description.attrib.pop(f"{{{CONVENTIO_NS}}}{name}", None)
            for element in description.findall(f"{{{CONVENTIO_NS}}}{name}"):
                description.remove(element)
        if len(description) == 0 and set(description.attrib) <= {about}:
            rdf.remove(description)

    bag = rdf.find(f"{{{RDF}}}Description/{{{PDFA_EXTENSION}}}schemas/{{{RDF}}}Bag")
    if bag is None:
        description = etree.SubElement(
            rdf,
            f"{{{RDF}}}Description",
            {about: ""},
            nsmap={
                "pdfaExtension": PDFA_EXTENSION,
                "pdfaSchema": PDFA_SCHEMA,
                "pdfaProperty": PDFA_PROPERTY,
            },
        )
        bag = _sub(_sub(description, PDFA_EXTENSION, "schemas"), RDF, "Bag")
    _extension_schema(bag)

    description = etree.SubElement(
        rdf, f"{{{RDF}}}Description", {about: ""}, nsmap={CONVENTIO_PREFIX: CONVENTIO_NS}
    )
    _sub(description, CONVENTIO_NS, "DocumentId", document_id)
    _sub(description, CONVENTIO_NS, "ContentHash", content_hash)

    return _joined(before, root, after)


def with_title(packet: bytes, title: str) -> bytes:
    """The packet with `dc:title` saying `title` (the Info dictionary's /Title).

    LibreOffice escapes an apostrophe twice in the XMP (`l&amp;apos;Institut`
    where the document's title says `l'Institut`), and PDF/A wants the XMP and
    the Info dictionary to agree: the title is written again, once, as text."""
    before, root, after = _split(packet)
    rdf = _rdf(root)
    titles = list(rdf.iter(f"{{{DC}}}title"))
    description = titles[0].getparent() if titles else None
    for old in titles:
        old.getparent().remove(old)
    for each in rdf.iterfind(f"{{{RDF}}}Description"):
        each.attrib.pop(f"{{{DC}}}title", None)
    if description is None:
        description = etree.SubElement(
            rdf, f"{{{RDF}}}Description", {f"{{{RDF}}}about": ""}, nsmap={"dc": DC}
        )
    alt = _sub(_sub(description, DC, "title"), RDF, "Alt")
    _sub(alt, RDF, "li", title, **{XML_LANG: "x-default"})
    if titles:  # where it was: the first child of its description, as LibreOffice writes it
        description.insert(0, description[-1])
    return _joined(before, root, after)
