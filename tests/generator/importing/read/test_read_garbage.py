"""The import readers on garbage of every kind: each refused with a plain message
that names the file."""

from __future__ import annotations

import os
import zipfile
from io import BytesIO

from pypdf import PdfWriter

from tests.support.read_docs import assert_unreadable


def _pdf_bytes(*, text: bool = True, password: str | None = None) -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    if password is not None:
        writer.encrypt(user_password=password, owner_password="owner", algorithm="RC4-128")
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


def test_garbage_is_refused_with_a_plain_message(tmp_path, built):
    text = tmp_path / "notes.pdf"
    text.write_text("Ceci n'est pas un PDF.\n", "utf-8")
    assert_unreadable(text, contains="not a PDF or a DOCX")

    png = tmp_path / "scan.pdf"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert_unreadable(png, contains="PNG image")

    doc = tmp_path / "old.docx"
    doc.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    assert_unreadable(doc, contains=".doc")

    real = built["docx"].read_bytes()
    truncated_docx = tmp_path / "cut.docx"
    truncated_docx.write_bytes(real[: len(real) // 2])
    assert_unreadable(truncated_docx, contains="damaged")

    archive = tmp_path / "archive.docx"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("readme.txt", "hello")
    assert_unreadable(archive, contains="not a Word document")

    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    assert_unreadable(empty, contains="empty")

    assert_unreadable(tmp_path / "missing.pdf", contains="no such file")
    assert_unreadable(tmp_path, contains="folder")

    assert_unreadable(built["docx"], contains="more than", max_bytes=1000)


def test_broken_pdfs_are_refused(tmp_path):
    blank = tmp_path / "blank.pdf"
    blank.write_bytes(_pdf_bytes())
    assert_unreadable(blank, contains="contains no text: it is probably a scan")

    locked = tmp_path / "locked.pdf"
    locked.write_bytes(_pdf_bytes(password="secret"))
    assert_unreadable(locked, contains="password")

    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(_pdf_bytes()[:300])
    assert_unreadable(truncated, contains="truncated")

    garbled = tmp_path / "garbled.pdf"
    garbled.write_bytes(b"%PDF-1.7\n" + os.urandom(2000) + b"\n%%EOF\n")
    assert_unreadable(garbled, contains="PDF")
