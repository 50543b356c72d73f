"""The identity an issued file carries: (document id, content hash), as
generation wrote it into the DOCX custom properties (docProps/custom.xml:
ConventioDocumentId, ConventioContentHash) and into the PDF metadata (read by
`generator.pdf.finish.read_identity`, the one reader of the PDF's)."""

from __future__ import annotations

import io
import zipfile

from generator.errors import ConventioError

CUSTOM_PART = "docProps/custom.xml"
_PROPERTIES = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"
_TYPES = "{http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes}"
#: a custom-properties part larger than this is not one conventio wrote
_MAX_PART = 1_000_000


def docx_identity(data: bytes) -> tuple[str, str] | None:
    """(document id, content hash) of a DOCX, None if it carries none."""
    from lxml import etree

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            try:
                info = archive.getinfo(CUSTOM_PART)
            except KeyError:
                return None
            if info.file_size > _MAX_PART:
                raise ConventioError(f"its {CUSTOM_PART} is too large to be conventio's")
            part = archive.read(info)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as error:
        raise ConventioError(f"it is not a DOCX file ({error})") from None
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(part, parser)
    except etree.XMLSyntaxError as error:
        raise ConventioError(f"its {CUSTOM_PART} is not well-formed XML ({error})") from None
    values: dict[str, str] = {}
    for prop in root.iter(f"{_PROPERTIES}property"):
        text = prop.findtext(f"{_TYPES}lpwstr")
        if text is not None:
            values[prop.get("name", "")] = text
    document_id = values.get("ConventioDocumentId")
    content_hash = values.get("ConventioContentHash")
    if not document_id or not content_hash:
        return None
    return document_id, content_hash


def file_identity(fmt: str, data: bytes) -> tuple[str, str] | None:
    """The identity of an issued file of format `fmt` (docx, pdf)."""
    if fmt == "docx":
        return docx_identity(data)
    from generator.pdf.finish import read_identity

    return read_identity(data)
