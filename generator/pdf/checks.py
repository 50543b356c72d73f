"""Is this a usable PDF, and is it PDF/A-2b?"""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.errors import PyPdfError

from generator.pdf.xmp import XmpError, pdfa_identification

#: what LibreOffice is asked for and what the XMP must then declare
PDFA_2B = ("2", "B")


class InvalidPdf(ValueError):
    """The bytes are not a usable PDF; the message says why."""


def open_pdf(data: bytes) -> PdfReader:
    """A pypdf reader over `data`, or InvalidPdf."""
    if not data:
        raise InvalidPdf("the file is empty")
    if not data.startswith(b"%PDF-"):
        raise InvalidPdf("it does not start with %PDF-")
    try:
        return PdfReader(io.BytesIO(data), strict=False)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidPdf(f"pypdf cannot read it ({exc})") from exc


def xmp_packet(reader: PdfReader) -> bytes | None:
    """The raw XMP metadata packet of the document catalog, if any."""
    try:
        metadata = reader.trailer["/Root"].get("/Metadata")
        if metadata is None:
            return None
        return metadata.get_object().get_data()
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidPdf(f"its XMP metadata cannot be read ({exc})") from exc


def pdfa_conformance(data: bytes) -> tuple[str, str] | None:
    """(part, conformance) the PDF's XMP declares, e.g. ("2", "B"); None if none."""
    return _pdfa_of(open_pdf(data))


def _pdfa_of(reader: PdfReader) -> tuple[str, str] | None:
    packet = xmp_packet(reader)
    if packet is None:
        return None
    try:
        found = pdfa_identification(packet)
    except XmpError as exc:
        raise InvalidPdf(str(exc)) from exc
    if found is None:
        return None
    return found[0], found[1].upper()


def check_pdf(data: bytes, *, pdfa: tuple[str, str] | None = PDFA_2B) -> int:
    """The number of pages of a complete, readable PDF with at least one page.

    With `pdfa` (the default: ("2", "B")), its XMP must also declare that PDF/A
    part and conformance. Raises InvalidPdf saying what is wrong.
    """
    if data and data.startswith(b"%PDF-") and b"%%EOF" not in data[-2048:]:
        raise InvalidPdf("it is truncated (no %%EOF at its end)")
    reader = open_pdf(data)
    try:
        pages = len(reader.pages)
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InvalidPdf(f"its pages cannot be read ({exc})") from exc
    if pages < 1:
        raise InvalidPdf("it has no page")
    if pdfa is not None:
        found = _pdfa_of(reader)
        if found is None:
            raise InvalidPdf("its XMP metadata declares no PDF/A conformance")
        if found != pdfa:
            raise InvalidPdf(
                f"it declares PDF/A-{found[0]}{found[1].lower()}, "
                f"not PDF/A-{pdfa[0]}{pdfa[1].lower()}"
            )
    return pages
