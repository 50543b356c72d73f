"""The identity an issued file carries: (document id, content hash), as
generation wrote it into the DOCX custom properties (read by
`generator.ooxml.custom_properties`) and into the PDF metadata (read by
`generator.pdf.finish.read_identity`, the one reader of the PDF's)."""

from __future__ import annotations

from generator.ooxml.custom_properties import (
    CONTENT_HASH,
    DOCUMENT_ID,
    read_custom_properties,
)


def docx_identity(data: bytes) -> tuple[str, str] | None:
    """(document id, content hash) of a DOCX, None if it carries none."""
    values = read_custom_properties(data)
    document_id = values.get(DOCUMENT_ID)
    content_hash = values.get(CONTENT_HASH)
    if not document_id or not content_hash:
        return None
    return document_id, content_hash


def file_identity(fmt: str, data: bytes) -> tuple[str, str] | None:
    """The identity of an issued file of format `fmt` (docx, pdf)."""
    if fmt == "docx":
        return docx_identity(data)
    from generator.pdf.finish import read_identity

    return read_identity(data)
