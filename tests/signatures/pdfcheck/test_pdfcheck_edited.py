"""check_returned() refuses a returned PDF edited before, between or after its
signatures: a byte changed, a page painted or added, another document appended."""

from __future__ import annotations

import io

import pytest
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject

from signatures.pdfcheck import ACCEPTED, REJECTED
from signatures.samples.signing_ca import sign_field
from tests.support.returned_pdfs import check, incremental, move_signing_date, rejected_for


@pytest.mark.libreoffice
def test_a_byte_changed_in_the_issued_part(issued, by_both, roots):
    """A byte changed in what LibreOffice wrote (inside a compressed page stream): both
    signatures break."""
    tampered = bytearray(by_both)
    tampered[by_both.index(b"stream\n", len(issued) // 2) + 20] ^= 0x01
    result = check(issued, bytes(tampered), roots)
    rejected_for(result, r"Jean Dupont .* no longer matches the file: .*tampered with")
    assert "Marie Lambert" in result.reason
    assert not result.prefix_ok
    assert [s.intact for s in result.signatures] == [False, False]
    assert result.signed_roles == ()
    # the broken prefix is a consequence, not a second thing to review
    assert "rewrote" not in result.reason


@pytest.mark.libreoffice
def test_the_signing_date_changed(issued, by_network, roots):
    """A byte changed after the issued part, inside the signed range: the date the
    signature dictionary gives (/M)."""
    result = check(issued, move_signing_date(by_network, len(issued)), roots)
    assert result.prefix_ok
    rejected_for(result, r"^The signature of Jean Dupont \(field “sig_network”\) no longer")
    (signature,) = result.signatures
    assert not signature.intact and signature.verdict == REJECTED


def _add_page_text(writer: PdfWriter) -> None:
    """Paint a sentence on the first page, as an incremental update."""
    page = writer.pages[0]
    extra = DecodedStreamObject()
    extra.set_data(b"BT /F1 18 Tf 72 760 Td (Montant: 1 000 000 EUR) Tj ET")
    reference = writer._add_object(extra)
    contents = page.raw_get("/Contents")
    existing = contents.get_object()
    items = list(existing) if isinstance(existing, ArrayObject) else [contents]
    page[NameObject("/Contents")] = ArrayObject([*items, reference])


@pytest.mark.libreoffice
@pytest.mark.parametrize("edit", ["page content", "new page"])
def test_a_page_edited_after_signing(issued, by_network, roots, edit):
    change = _add_page_text if edit == "page content" else lambda w: w.add_blank_page()
    edited = incremental(by_network, change)
    result = check(issued, edited, roots)
    rejected_for(
        result,
        r"^After Jean Dupont signed \(field “sig_network”\), the file was edited: a later "
        r"change altered its pages or content",
    )
    (signature,) = result.signatures
    # the signed revision itself is intact and trusted: what came after is the problem
    assert signature.intact and signature.trusted
    assert signature.coverage == "ENTIRE_REVISION"
    assert signature.modification_level == "OTHER" and signature.docmdp_ok is False
    assert "unexplained" in signature.technical
    assert result.prefix_ok and result.identity_matches


def _paint(writer: IncrementalPdfFileWriter) -> None:
    """Paint a sentence on page 1 (pyHanko's writer: what a signing program would use)."""
    stream = generic.StreamObject(stream_data=b"BT /F1 18 Tf 72 760 Td (Montant: 1 EUR) Tj ET")
    writer.add_stream_to_page(0, writer.add_object(stream))


def _new_page(writer: IncrementalPdfFileWriter) -> None:
    box = generic.ArrayObject([generic.NumberObject(v) for v in (0, 0, 595, 842)])
    page = generic.DictionaryObject(
        {
            generic.NameObject("/Type"): generic.NameObject("/Page"),
            generic.NameObject("/MediaBox"): box,
            generic.NameObject("/Resources"): generic.DictionaryObject(),
        }
    )
    writer.insert_page(page)


def _edited(pdf: bytes, change, sign_as=None) -> bytes:
    """`pdf` with one incremental update made by pyHanko after `change(writer)`; with
    `sign_as`, that same update also signs the field sig_network."""
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    change(writer)
    if sign_as is not None:
        meta = signers.PdfSignatureMetadata(field_name="sig_network")
        return signers.PdfSigner(meta, signer=sign_as).sign_pdf(writer).getvalue()
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.libreoffice
@pytest.mark.parametrize("edit", ["page content", "new page", "in the signing revision"])
def test_a_page_edited_before_signing(issued, ca, roots, edit):
    """The issued bytes are kept, but an update paints a sentence on page 1 (or adds a
    page) before the network signs, or while it signs: the signature is intact, since it
    signs the edit, and the file is refused all the same."""
    if edit == "in the signing revision":
        signed = _edited(issued, _paint, sign_as=ca.signer("network"))
    else:
        change = _paint if edit == "page content" else _new_page
        signed = sign_field(_edited(issued, change), "sig_network", ca.signer("network"))
    result = check(issued, signed, roots)
    pages = len(PdfReader(io.BytesIO(issued)).pages)
    what = (
        rf"Pages were added \(the document has {pages + 1} pages; the one we issued has "
        rf"{pages}\)"
        if edit == "new page"
        else "Page 1 was changed"
    )
    rejected_for(
        result,
        rf"^{what} before it was signed: between the document we issued and the signature "
        r"of Jean Dupont \(field “sig_network”\), the file was edited, so what was signed is "
        r"not the document we issued\.$",
    )
    (signature,) = result.signatures
    assert signature.intact and signature.trusted and signature.verdict == ACCEPTED
    assert result.prefix_ok and result.identity_matches
    assert result.technical  # pyHanko's finding, for whoever investigates


@pytest.mark.libreoffice
def test_a_page_edited_between_two_signatures(by_network, issued, ca, roots):
    """The hospital signs a copy that was edited after the network signed."""
    edited = _edited(by_network, _paint)
    signed = sign_field(edited, "sig_hospital", ca.signer("hospital"))
    result = check(issued, signed, roots)
    rejected_for(result, r"^After Jean Dupont signed \(field “sig_network”\), the file was edited")
    assert [s.verdict for s in result.signatures] == [REJECTED, ACCEPTED]
    assert result.signed_roles == ("hospital",)


@pytest.mark.libreoffice
def test_another_document_appended_after_the_issued_bytes(issued, ca, roots):
    """The issued bytes, then a whole new copy of the document (its own cross-reference
    table, no link back to the issued one), signed: the issued bytes are a prefix and the
    identity is the issued one, but the issued document is not what was signed."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(issued)))
    _add_page_text(writer)
    out = io.BytesIO()
    out.write(issued)
    writer.write(out)  # offsets counted from the start of the file
    signed = sign_field(out.getvalue(), "sig_network", ca.signer("network"))
    result = check(issued, signed, roots)
    assert result.prefix_ok and result.identity_matches
    rejected_for(
        result,
        r"^The returned file begins with the document we issued, but what follows does not "
        r"add to it: it replaces it with another document",
    )
