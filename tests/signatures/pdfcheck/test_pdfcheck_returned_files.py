"""check_returned() on what the returned file is: another document, another identity,
a file saved again whole, an unsigned copy, signatures in unknown fields, files that
are not PDFs at all, and an issued copy that is damaged."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader, PdfWriter

from generator.pdf.finish import finish
from signatures.pdfcheck import ACCEPTED, REJECTED, REVIEW
from signatures.samples.signing_ca import sign_field
from tests.support.returned_pdfs import ROLES, SIXTH, check, incremental, rejected_for


@pytest.mark.libreoffice
def test_a_different_document(issued_pdfs, issued, ca, roots):
    """The amendment issued to net-02, signed and returned as net-01's."""
    other = sign_field(issued_pdfs["net-02"], "sig_network", ca.signer("network"))
    result = check(issued, other, roots)
    rejected_for(
        result,
        rf"^The returned file is a different document: it is “{SIXTH}#net-02#fr”, but the "
        rf"document expected here is “{SIXTH}#net-01#fr”\.$",
    )
    assert not result.identity_matches and not result.prefix_ok
    assert result.document_id == f"{SIXTH}#net-02#fr"
    # its signature itself is fine: the register can still see who signed what
    assert [s.verdict for s in result.signatures] == [ACCEPTED]


@pytest.mark.libreoffice
def test_the_identity_rewritten_after_signing(issued, by_network, roots):
    """A later revision gives the signed file another identity: pyHanko lets metadata
    updates pass, the comparison with the issued copy does not."""
    renamed = finish(by_network, document_id=f"{SIXTH}#net-09#fr", content_hash="sha256:0")
    result = check(issued, renamed, roots)
    assert result.prefix_ok
    rejected_for(result, r"^The returned file is a different document: it is “.*#net-09#fr”")
    # only one of the two places changed: two identities
    half = incremental(by_network, lambda w: w.add_metadata({"/ConventioContentHash": "x"}))
    rejected_for(check(issued, half, roots), r"carries two different document identities")


@pytest.mark.libreoffice
def test_a_file_rewritten_by_a_program_goes_to_review(issued, ca, roots):
    """Saved again as a whole (not an incremental update) before signing: same identity,
    the signature is good, but the bytes we issued are not kept."""
    rewritten = PdfWriter(clone_from=PdfReader(io.BytesIO(issued)))
    out = io.BytesIO()
    rewritten.write(out)
    signed = sign_field(out.getvalue(), "sig_network", ca.signer("network"))
    result = check(issued, signed, roots)
    assert result.verdict == REVIEW, result.reason
    assert result.reason.startswith("The returned file is not the issued file with signatures")
    assert result.identity_matches and not result.prefix_ok
    assert result.signed_roles == ("network",) and not result.complete


@pytest.mark.libreoffice
def test_an_unsigned_copy(issued, roots):
    result = check(issued, issued, roots)
    rejected_for(result, r"^The returned file carries no signature\.$")
    assert result.identity_matches and result.prefix_ok
    assert result.signatures == () and result.missing_roles == ROLES


@pytest.mark.libreoffice
@pytest.mark.parametrize("field", ["sig_mayor", "Signature1"])
def test_a_signature_in_an_unknown_field(issued, ca, roots, field):
    signed = sign_field(issued, field, ca.signer("network"))
    result = check(issued, signed, roots)
    rejected_for(
        result,
        rf"^Jean Dupont signed in the field “{field}”, which is not a signature place of "
        r"this document \(its places are “sig_committee”, “sig_network” and "
        r"“sig_hospital”\)\.$",
    )
    (signature,) = result.signatures
    assert signature.role == ("mayor" if field == "sig_mayor" else None)
    assert signature.trusted  # a good signature, in the wrong place
    assert result.signed_roles == ()


@pytest.mark.libreoffice
def test_one_good_and_one_bad_signature(issued, by_network, ca, roots):
    """The network signs properly, then an impostor signs for the hospital."""
    signed = sign_field(by_network, "sig_hospital", ca.signer("untrusted"))
    result = check(issued, signed, roots)
    rejected_for(result, r"^Signed by Jean Dupont, whose certificate does not chain")
    assert [s.verdict for s in result.signatures] == [ACCEPTED, REJECTED]
    assert result.signed_roles == ("network",)


def _encrypted(pdf: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt("", "owner-password")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


@pytest.mark.libreoffice
@pytest.mark.parametrize(
    "make, message",
    [
        (lambda signed: b"", r"^The returned file is empty\.$"),
        (lambda signed: b"Bonjour, voici le document sign\xc3\xa9.", r"is not a PDF\.$"),
        (lambda signed: b"PK\x03\x04" + signed[:200], r"looks like a Word document"),
        (lambda signed: signed[: len(signed) * 2 // 3], r"is incomplete: it stops before"),
        (lambda signed: b"%PDF-1.7\n" + bytes(range(256)) * 8 + b"\n%%EOF\n", r"damaged"),
        (_encrypted, r"protected by a password"),
    ],
    ids=["empty", "text", "zip", "truncated", "garbage", "encrypted"],
)
def test_malformed_returned_files_are_refused_not_raised(issued, by_both, roots, make, message):
    result = check(issued, make(by_both), roots)
    rejected_for(result, message)
    assert result.signatures == () and result.signed_roles == ()
    assert result.missing_roles == ROLES


@pytest.mark.libreoffice
def test_bytes_like_and_wrong_types(issued, by_network, roots):
    result = check(bytearray(issued), memoryview(by_network), roots)
    assert result.verdict == ACCEPTED and result.prefix_ok, result.reason
    rejected_for(check(issued, "by_network.pdf", roots), r"is not a file's content \(it is a str")


@pytest.mark.libreoffice
def test_a_malformed_issued_copy(by_both, roots):
    rejected_for(
        check(b"", by_both, roots),
        r"^The issued document we hold is empty, so the returned file cannot be compared",
    )
    rejected_for(check(b"%PDF-1.7 nothing\n%%EOF", by_both, roots), r"^The issued document")
