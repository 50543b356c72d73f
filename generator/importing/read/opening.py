"""Open a PDF or DOCX to import, or say plainly why it cannot be read.

The file's real type is read from its first bytes, not from its name: a
.doc renamed .docx, a scan saved as .pdf or a web page saved as a PDF all
come from users. Every failure is an `UnreadableDocument` that names the
file, says what is wrong and what to do; no pypdf, zipfile or lxml error
reaches the user as a traceback. Size limits are checked before anything is
parsed or decompressed (a DOCX through generator/ziplimits.py), so a huge or
hostile file costs nothing.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from lxml import etree
from pypdf import PdfReader
from pypdf.errors import PyPdfError

from generator.errors import ConventioError
from generator.importing.read.extract import Extract

_TROUBLE = (
    PyPdfError,
    OSError,
    ValueError,
    KeyError,
    IndexError,
    TypeError,
    AttributeError,
    RecursionError,
    zlib.error,
    zipfile.BadZipFile,
    etree.LxmlError,
)
_OCR = (
    "it is probably a scan; run OCR first (for example `ocrmypdf input.pdf output.pdf`) "
    "and import the result, or import the DOCX if you have it"
)


class UnreadableDocument(ConventioError):
    """The file is not a PDF or DOCX that can be imported; the message says why."""


def read_document(path: Path, *, max_bytes: int = 50_000_000, max_pages: int = 500) -> Extract:
    """The blocks of a PDF or DOCX file, whichever it really is.

    Raises UnreadableDocument for a missing file, a folder, an empty file, a
    file larger than `max_bytes` or with more than `max_pages` pages, a file
    that is neither a PDF nor a DOCX (a .doc, an image, text, a damaged or
    truncated file), a PDF protected by a password, and a PDF with no text.
    """
    path = Path(path)
    data = _bytes(path, max_bytes)
    kind = _sniff(path, data)
    if kind == "pdf":
        return _read_pdf(path, data, max_pages)
    return _read_docx(path, data)


def _fail(path: Path, problem: str) -> UnreadableDocument:
    return UnreadableDocument(f"{path}: {problem}")


def _bytes(path: Path, max_bytes: int) -> bytes:
    if not path.exists():
        raise _fail(path, "no such file; check the name and the folder")
    if path.is_dir():
        raise _fail(path, "is a folder, not a file; give the PDF or DOCX file itself")
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _fail(
                path,
                f"is {_mb(size)}, more than the {_mb(max_bytes)} an imported document may be; "
                "import the convention's own file, not a bundle or a scan of it",
            )
        if size == 0:
            raise _fail(path, "is empty (0 bytes); the download or copy probably failed")
        with path.open("rb") as handle:
            return handle.read(max_bytes + 1)
    except OSError as error:
        raise _fail(path, f"cannot be read ({error.strerror or error})") from None


def _mb(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 100_000 else f"{size} bytes"


def _sniff(path: Path, data: bytes) -> str:
    """ "pdf" or "docx" from the content, or UnreadableDocument saying what it is."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        raise _fail(
            path,
            "is an old Word .doc file (or a password-protected Word file), not a PDF or DOCX; "
            "open it in Word or LibreOffice and save it as .docx (without a password)",
        )
    images = {
        b"\x89PNG": "a PNG image",
        b"\xff\xd8\xff": "a JPEG image",
        b"GIF8": "a GIF image",
        b"II*\x00": "a TIFF image",
        b"MM\x00*": "a TIFF image",
    }
    for magic, what in images.items():
        if data.startswith(magic):
            raise _fail(path, f"is {what}, not a PDF or DOCX; it contains no text: {_OCR}")
    if data.lstrip().startswith(b"{\\rtf"):
        raise _fail(path, "is an RTF document; open it in Word or LibreOffice and save it as .docx")
    head = data[:2048].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")):
        raise _fail(path, "is a web page (HTML), not a PDF or DOCX; download the document itself")
    return _not_a_document(path, data)


def _not_a_document(path: Path, data: bytes) -> str:
    try:
        data[:4096].decode("utf-8")
        looks = "it looks like plain text"
    except UnicodeDecodeError:
        looks = "its content is not recognised"
    raise _fail(
        path,
        f"is not a PDF or a DOCX file ({looks}); import the convention as published, "
        "in PDF or Word (.docx)",
    )


def _read_pdf(path: Path, data: bytes, max_pages: int) -> Extract:
    from io import BytesIO

    from generator.importing.read.pdf_reader import read_pdf

    if b"%%EOF" not in data[-2048:]:
        raise _fail(
            path,
            "is a damaged or truncated PDF (it does not end with %%EOF); download or copy it again",
        )
    try:
        reader = PdfReader(BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise _fail(
                path,
                "is a PDF protected by a password; open it with the password and save or "
                "print it as a PDF without one, then import that",
            )
        pages = len(reader.pages)
    except UnreadableDocument:
        raise
    except _TROUBLE as error:
        raise _fail(
            path, f"is a damaged PDF ({_reason(error)}); download or copy it again"
        ) from None
    if pages > max_pages:
        raise _fail(
            path, f"has {pages} pages, more than the {max_pages} an imported document may have"
        )
    if pages == 0:
        raise _fail(path, "is a PDF without pages")
    try:
        extract = read_pdf(path, reader)
    except _TROUBLE as error:
        raise _fail(path, f"could not be read as a PDF ({_reason(error)})") from None
    if not any(block.text.strip() for block in extract.blocks):
        raise _fail(path, f"contains no text: {_OCR}")
    return extract


def _read_docx(path: Path, data: bytes) -> Extract:
    from io import BytesIO

    from generator.importing.read.docx_reader import read_docx
    from generator.ziplimits import WORD, first_corrupt_member, zip_problem

    refused = zip_problem(path, WORD)  # before anything is decompressed
    if refused is not None:
        raise _fail(path, refused)
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            names = set(archive.namelist())
            broken = first_corrupt_member(archive, WORD) if "word/document.xml" in names else None
    except _TROUBLE as error:
        raise _fail(
            path, f"is a damaged or truncated ZIP/DOCX file ({_reason(error)}); copy it again"
        ) from None
    if "word/document.xml" not in names:
        what = "an Excel workbook" if "xl/workbook.xml" in names else "a ZIP archive"
        if "ppt/presentation.xml" in names:
            what = "a PowerPoint presentation"
        if "content.xml" in names:
            what = "an OpenDocument file"
        raise _fail(
            path,
            f"is {what}, not a Word document (it has no word/document.xml); "
            "import the convention as a PDF or .docx",
        )
    if broken is not None:
        raise _fail(path, f"is a damaged DOCX ({broken} is corrupt); copy it again")
    try:
        extract = read_docx(path)
    except _TROUBLE as error:
        raise _fail(path, f"could not be read as a Word document ({_reason(error)})") from None
    if not extract.blocks:
        raise _fail(path, "contains no text")
    return extract


def _reason(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
