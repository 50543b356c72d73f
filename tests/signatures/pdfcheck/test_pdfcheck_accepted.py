"""check_returned() accepts a returned PDF that adds signatures to the issued one:
signed in turn, time-stamped, checked against a validation context, and on a PDF
made without LibreOffice."""

from __future__ import annotations

import datetime as dt
import hashlib
import io

import pytest
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign.signers import PdfTimeStamper
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfWriter

from generator.errors import ConventioError
from generator.pdf.finish import finish, read_identity
from signatures.pdfcheck import ACCEPTED, check_returned
from signatures.samples.signing_ca import sign_field
from tests.support.returned_pdfs import ROLES, SIXTH, check, move_signing_date, rejected_for


def _assert_signed_by_jean_and_marie(network, hospital, ca) -> None:
    """The network's signature is Jean Dupont's, the hospital's Marie Lambert's (the test
    CA's people), both trusted and made just now; only the hospital's is time-stamped."""
    jean, marie = ca.people["network"], ca.people["hospital"]
    assert network.subject == jean.subject == "CN=Jean Dupont,O=Réseau Fictif,C=BE"
    assert network.issuer == ca.intermediate.subject
    assert network.fingerprint == jean.fingerprint and len(network.fingerprint) == 64
    assert hospital.fingerprint == marie.fingerprint
    assert hospital.signer_name == "Marie Lambert"
    assert network.serial_number == format(jean.certificate.serial_number, "x")
    for signature in (network, hospital):
        assert signature.intact and signature.valid and signature.trusted
        assert signature.verdict == ACCEPTED and signature.trust_problem is None
        now = dt.datetime.now(dt.UTC)
        assert abs(now - signature.claimed_signing_time) < dt.timedelta(minutes=10)
    # only the hospital's signature carries a time-stamp token, from a trusted TSA
    assert network.timestamped_at is None and network.timestamp_trusted is None
    assert hospital.timestamp_trusted is True
    assert abs(hospital.timestamped_at - hospital.claimed_signing_time) < dt.timedelta(minutes=1)


# --- accepted ----------------------------------------------------------------------------


@pytest.mark.libreoffice
def test_two_parties_sign_in_turn(issued, by_network, by_both, ca, roots):
    first = check(issued, by_network, roots)
    assert first.verdict == ACCEPTED, first.reason
    assert first.signed_roles == ("network",)
    assert first.missing_roles == ("committee", "hospital") and not first.complete
    assert "Signed by Jean Dupont (for the network)" in first.reason
    assert "Still to sign: the committee and the hospital." in first.reason
    (alone,) = first.signatures
    assert alone.coverage == "ENTIRE_FILE" and alone.modification_level == "NONE"

    both = check(issued, by_both, roots)
    assert both.verdict == ACCEPTED, both.reason
    assert both.identity_matches and both.prefix_ok
    assert (both.document_id, both.content_hash) == read_identity(issued)
    assert both.document_id == f"{SIXTH}#net-01#fr"
    assert both.sha256 == hashlib.sha256(by_both).hexdigest()
    assert both.signed_roles == ("network", "hospital")
    assert both.missing_roles == ("committee",)
    assert both.problems == ()

    network, hospital = both.signatures
    assert (network.field_name, network.role, network.kind) == (
        "sig_network",
        "network",
        "signature",
    )
    # the first signature covers its own revision; after it, only the second signature
    assert network.coverage == "ENTIRE_REVISION"
    assert network.modification_level == "FORM_FILLING"
    assert network.docmdp_ok is True
    assert hospital.coverage == "ENTIRE_FILE" and hospital.modification_level == "NONE"
    assert network.signed_until < hospital.signed_until == len(by_both)
    assert network.signed_until > len(issued)

    _assert_signed_by_jean_and_marie(network, hospital, ca)

    # the committee signs last: the document is complete
    all_three = sign_field(by_both, "sig_committee", ca.signer("committee"))
    done = check(issued, all_three, roots)
    assert done.verdict == ACCEPTED and done.complete, done.reason
    assert done.signed_roles == ROLES and done.missing_roles == ()
    assert [s.coverage for s in done.signatures] == [
        "ENTIRE_REVISION",
        "ENTIRE_REVISION",
        "ENTIRE_FILE",
    ]


@pytest.mark.libreoffice
def test_a_document_time_stamp_after_signing_is_accepted(issued, by_network, ca, roots):
    """Some signing programs add a document time-stamp (PAdES-LTA): not a signature."""
    stamper = PdfTimeStamper(ca.timestamper())
    stamped = stamper.timestamp_pdf(
        IncrementalPdfFileWriter(io.BytesIO(by_network)), "sha256"
    ).getvalue()
    result = check(issued, stamped, roots)
    assert result.verdict == ACCEPTED, result.reason
    network, stamp = result.signatures
    assert network.modification_level == "LTA_UPDATES"
    assert stamp.kind == "document time-stamp" and stamp.role is None
    assert stamp.timestamped_at is not None and stamp.timestamp_trusted
    assert result.signed_roles == ("network",)


@pytest.mark.libreoffice
def test_trust_roots_as_a_validation_context(issued, by_network, ca):
    context = ValidationContext(trust_roots=[ca.root.asn1], allow_fetching=False)
    result = check_returned(issued, by_network, context, ROLES)
    assert result.verdict == ACCEPTED, result.reason
    with pytest.raises(ConventioError, match="not both"):
        check_returned(issued, by_network, context, ROLES, at=dt.datetime.now(dt.UTC))


# --- without LibreOffice: the same checks on a PDF made with pypdf -----------------------


def test_checks_on_a_pdf_made_without_libreoffice(ca, roots):
    """The signature checks do not depend on LibreOffice: a one-page PDF, finished."""
    writer = PdfWriter()
    writer.add_blank_page(595.28, 841.89)
    out = io.BytesIO()
    writer.write(out)
    issued = finish(out.getvalue(), document_id="doc#p#fr", content_hash="h", signing_roles=ROLES)
    signed = sign_field(issued, "sig_committee", ca.signer("committee"))
    result = check(issued, signed, roots)
    assert result.verdict == ACCEPTED, result.reason
    assert (result.document_id, result.content_hash) == ("doc#p#fr", "h")
    assert result.signed_roles == ("committee",)
    assert result.signatures[0].signer_name == "Anne Peeters"
    tampered = move_signing_date(signed, len(issued))
    rejected_for(check(issued, tampered, roots), r"no longer matches the file")
    rejected_for(check(issued, b"not a pdf", roots), r"is not a PDF")
