"""check_returned() on real issued PDFs (generated with LibreOffice), signed with pyHanko
by the test CA of signatures/samples/signing_ca.py: what is accepted, what is refused and why."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from dataclasses import replace

import pytest
from cryptography.hazmat.primitives import serialization
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.signers import PdfTimeStamper
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader, PdfWriter
from pypdf.generic import ArrayObject, DecodedStreamObject, NameObject

from generator.errors import ConventioError
from generator.pdf.finish import finish, read_identity
from signatures.pdfcheck import (
    ACCEPTED,
    REJECTED,
    REVIEW,
    ReturnedCheck,
    check_returned,
    load_trust_roots,
)
from signatures.samples.signing_ca import NATIONAL_NUMBER, sign_field, signing_ca
from signatures.signer_rules import KnownCertificate, PartySigner, SignerRules
from tests.support.paths import ROOT

SIXTH = "inami-network-2021/avenant-06"
ROLES = ("committee", "network", "hospital")


# --- the documents, made once per session -----------------------------------------------


@pytest.fixture(scope="session")
def issued_pdfs(tmp_path_factory) -> dict[str, bytes]:
    """The sixth amendment as issued to networks net-01 and net-02: PDF/A made by
    LibreOffice, with identity and empty fields sig_committee, sig_network, sig_hospital."""
    from generator.corpus.loader import load_corpus
    from generator.generation.batch import generate
    from generator.parties.check import load_parties

    out = tmp_path_factory.mktemp("issued")
    parties = load_parties(ROOT / "examples" / "parties.yaml")
    result = generate(
        load_corpus(), SIXTH, parties, out, only={"net-01", "net-02"}, formats=("pdf",)
    )
    return {
        entry.party: (result.out_dir / entry.files["pdf"]["path"]).read_bytes()
        for entry in result.entries
    }


@pytest.fixture(scope="session")
def issued(issued_pdfs) -> bytes:
    return issued_pdfs["net-01"]


@pytest.fixture(scope="session")
def ca():
    return signing_ca()


@pytest.fixture(scope="session")
def roots(ca, tmp_path_factory):
    """The trusted roots as the register reads them: from a folder of PEM files."""
    return load_trust_roots(ca.write_trust_folder(tmp_path_factory.mktemp("trust")))


@pytest.fixture(scope="session")
def by_network(issued, ca) -> bytes:
    return sign_field(issued, "sig_network", ca.signer("network"))


@pytest.fixture(scope="session")
def by_both(by_network, ca) -> bytes:
    """Signed by the network, then by the hospital with a time-stamp."""
    return sign_field(by_network, "sig_hospital", ca.signer("hospital"), timestamp=True)


def check(issued: bytes, returned: bytes, roots, **kwargs) -> ReturnedCheck:
    return check_returned(issued, returned, roots, ROLES, **kwargs)


def incremental(pdf: bytes, change) -> bytes:
    """`pdf` with an incremental update made by pypdf after `change(writer)`."""
    writer = PdfWriter(PdfReader(io.BytesIO(pdf)), incremental=True)
    change(writer)
    out = io.BytesIO()
    writer.write(out)
    assert out.getvalue().startswith(pdf)
    return out.getvalue()


def rejected_for(result: ReturnedCheck, pattern: str) -> None:
    assert result.verdict == REJECTED, result.reason
    assert re.search(pattern, result.reason), result.reason
    assert result.problems and not result.complete


# --- accepted -------------------------------------------------------------------------


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


# --- refused --------------------------------------------------------------------------


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


def _move_signing_date(signed: bytes, after: int) -> bytes:
    """One byte changed: the year of the signing date in the signature dictionary
    (`/M (D:2026...)`, the colon written `\\072`) after byte `after`, one year later."""
    found = re.compile(rb"/M \(D(?::|\\072)\d{3}(\d)").search(signed, after)
    assert found, "no signing date in the signature dictionary"
    tampered = bytearray(signed)
    tampered[found.start(1)] = ord("0") + (signed[found.start(1)] - ord("0") + 1) % 10
    return bytes(tampered)


@pytest.mark.libreoffice
def test_the_signing_date_changed(issued, by_network, roots):
    """A byte changed after the issued part, inside the signed range: the date the
    signature dictionary gives (/M)."""
    result = check(issued, _move_signing_date(by_network, len(issued)), roots)
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


# --- who signs which role --------------------------------------------------------------


@pytest.mark.libreoffice
def test_one_certificate_for_two_roles(by_network, issued, ca, roots):
    """Jean Dupont, who signed for the network, signs for the committee too."""
    signed = sign_field(by_network, "sig_committee", ca.signer("network"))
    result = check(issued, signed, roots)
    rejected_for(
        result,
        r"^Jean Dupont signed for the committee and the network with one certificate: each "
        r"role must be signed by its own signer \(only the hospital and the network may "
        r"share one\)\.$",
    )
    assert [s.verdict for s in result.signatures] == [ACCEPTED, ACCEPTED]
    assert result.signed_roles == ()


@pytest.mark.libreoffice
def test_the_network_and_its_hospital_may_share_a_certificate(by_network, issued, ca, roots):
    signed = sign_field(by_network, "sig_hospital", ca.signer("network"))
    result = check(issued, signed, roots)
    assert result.verdict == ACCEPTED, result.reason
    assert result.signed_roles == ("network", "hospital")


@pytest.mark.libreoffice
def test_a_certificate_recorded_for_another_role(issued, ca, roots):
    """The network's certificate, recorded for the network on an earlier import, now
    signs for the committee on a separate copy."""
    jean = ca.people["network"]
    signed = sign_field(issued, "sig_committee", ca.signer("network"))
    earlier = KnownCertificate(jean.fingerprint, "Jean Dupont", "2026-01-05", "doc#net-01#fr")
    rules = SignerRules(recorded={"network": earlier})
    result = check(issued, signed, roots, signers=rules)
    rejected_for(
        result,
        r"^Jean Dupont signed for the committee with the certificate that already signed for "
        r"the network \(registered on 2026-01-05\): each role must be signed by its own",
    )
    # the same certificate recorded for the same role is no problem
    again = sign_field(issued, "sig_network", ca.signer("network"))
    assert check(issued, again, roots, signers=rules).verdict == ACCEPTED


@pytest.mark.libreoffice
def test_the_wrong_partys_certificate(by_network, issued, ca, roots):
    """net-01 signed its first document with Marie Lambert's certificate (learned on
    first use); Jean Dupont now signs for it."""
    jean, marie = ca.people["network"], ca.people["hospital"]
    first = KnownCertificate(marie.fingerprint, "Marie Lambert", "2026-01-05", "doc#net-01#fr")
    rules = SignerRules(parties={"network": PartySigner("net-01", learned=first)})
    result = check(issued, by_network, roots, signers=rules)
    rejected_for(
        result,
        r"^The signature for the network \(field “sig_network”\) is by Jean Dupont, but "
        r"net-01 signs with the certificate of Marie Lambert, registered on 2026-01-05 "
        rf"\(doc#net-01#fr\)\. If net-01 now signs with this certificate, add its "
        rf"fingerprint {jean.fingerprint} to the signing_certificates of net-01",
    )
    assert result.signed_roles == ()
    learned = SignerRules(
        parties={
            "network": PartySigner("net-01", learned=replace(first, fingerprint=jean.fingerprint))
        }
    )
    assert check(issued, by_network, roots, signers=learned).verdict == ACCEPTED


@pytest.mark.libreoffice
def test_a_certificate_registered_for_another_party(by_network, issued, ca, roots):
    """Jean Dupont's certificate signed for net-02 as its network; net-01's network may not
    sign with it, unless net-01's party file lists it. The hospital that represents a
    network may sign with the network's certificate."""
    jean = ca.people["network"]
    before = KnownCertificate(
        jean.fingerprint, "Jean Dupont", "2026-01-05", "doc#net-02#fr", "net-02", "network"
    )

    def rules(listed=(), role="network"):
        return SignerRules(
            parties={"network": PartySigner("net-01", listed)},
            registered_with=lambda fingerprint: (
                [replace(before, role=role)] if fingerprint == jean.fingerprint else []
            ),
        )

    result = check(issued, by_network, roots, signers=rules())
    rejected_for(
        result,
        r"^The signature for the network \(field “sig_network”\) is by Jean Dupont, whose "
        r"certificate signs for net-02 as the network \(registered on 2026-01-05, "
        r"doc#net-02#fr\): a certificate signs for one party only\. If Jean Dupont also "
        rf"signs for net-01, add the fingerprint {jean.fingerprint} to the "
        r"signing_certificates of net-01",
    )
    assert check(issued, by_network, roots, signers=rules((jean.fingerprint,))).accepted
    assert check(issued, by_network, roots, signers=rules(role="hospital")).accepted


@pytest.mark.libreoffice
@pytest.mark.parametrize(
    "listed, accepted",
    [
        (("network",), True),
        (("hospital",), False),
        (("jean  DUPONT",), True),
        (("CN=Jean Dupont, O=Réseau Fictif",), True),
        (("CN=Jean Dupont, O=Hôpital Fictif",), False),
        (("Marie Lambert", "network"), True),
    ],
)
def test_the_certificates_a_party_lists(by_network, issued, ca, roots, listed, accepted):
    """A party file's signing_certificates: fingerprints ("network": the fingerprint of
    that test certificate) or names; they replace what was learned."""
    entries = tuple(ca.people[e].fingerprint if e in ca.people else e for e in listed)
    other = KnownCertificate(ca.people["hospital"].fingerprint, "Marie Lambert", "2026-01-05")
    rules = SignerRules(parties={"network": PartySigner("net-01", entries, learned=other)})
    result = check(issued, by_network, roots, signers=rules)
    if accepted:
        assert result.verdict == ACCEPTED, result.reason
    else:
        rejected_for(
            result,
            r"^The signature for the network \(field “sig_network”\) is by Jean Dupont, "
            r"but net-01 signs with (the certificate [0-9a-f]{16}…|CN=Jean Dupont, O=Hôpital "
            r"Fictif) \(its signing_certificates in the party file\)\.",
        )


@pytest.mark.libreoffice
def test_a_certificate_name_with_a_national_number_is_masked(issued, ca, roots):
    signed = sign_field(issued, "sig_network", ca.signer("numbered"))
    result = check(issued, signed, roots)
    rejected_for(
        result,
        r"^Signed by Luc Martin \[numéro du Registre national\], whose certificate does not "
        r"chain to a trusted root \(it is self-signed\)\.$",
    )
    (signature,) = result.signatures
    assert signature.signer_name == "Luc Martin [numéro du Registre national]"
    assert "85073003328" not in result.reason and NATIONAL_NUMBER not in result.reason


@pytest.mark.libreoffice
def test_an_untrusted_signer(issued, ca, roots):
    """An impostor's self-signed certificate with the real signer's name."""
    signed = sign_field(issued, "sig_network", ca.signer("untrusted"))
    result = check(issued, signed, roots)
    rejected_for(
        result,
        r"^Signed by Jean Dupont, whose certificate does not chain to a trusted root "
        r"\(it is self-signed\)\.$",
    )
    (signature,) = result.signatures
    assert signature.intact and signature.valid and not signature.trusted
    assert signature.fingerprint == ca.people["untrusted"].fingerprint
    assert signature.fingerprint != ca.people["network"].fingerprint
    assert signature.subject == ca.people["network"].subject  # same name, other key


@pytest.mark.libreoffice
def test_a_signer_from_an_authority_we_do_not_trust(issued, by_network, ca):
    """The genuine signature, checked against other roots."""
    result = check(issued, by_network, [ca.people["untrusted"].certificate])
    rejected_for(
        result,
        r"Signed by Jean Dupont, whose certificate does not chain to a trusted root \(it "
        r"was issued by “Conventio Test Signing CA”, which is not a trusted authority\)",
    )


@pytest.mark.libreoffice
def test_an_expired_certificate(issued, ca, roots):
    signed = sign_field(issued, "sig_network", ca.signer("expired"))
    result = check(issued, signed, roots)
    expiry = ca.people["expired"].certificate.not_valid_after_utc.strftime("%Y-%m-%d")
    rejected_for(result, rf"^Signed by Paul Ancien with a certificate that expired on {expiry}")
    (signature,) = result.signatures
    assert signature.intact and not signature.trusted
    assert signature.not_valid_after < result.checked_at


@pytest.mark.libreoffice
def test_checked_at_another_moment(issued, by_network, ca, roots):
    """`at`: the network's certificate, valid today, has expired two years from now."""
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=800)
    result = check(issued, by_network, roots, at=later)
    rejected_for(result, r"^Signed by Jean Dupont with a certificate that expired on")
    assert result.checked_at == later
    with pytest.raises(ConventioError, match="needs a time zone"):
        check(issued, by_network, roots, at=dt.datetime(2026, 1, 1))


@pytest.mark.libreoffice
def test_an_authentication_certificate(issued, ca, roots):
    signed = sign_field(issued, "sig_network", ca.signer("authentication"))
    result = check(issued, signed, roots)
    rejected_for(result, r"with a certificate that is not meant for signing documents")


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


# --- without LibreOffice: the same checks on a PDF made with pypdf ---------------------


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
    tampered = _move_signing_date(signed, len(issued))
    rejected_for(check(issued, tampered, roots), r"no longer matches the file")
    rejected_for(check(issued, b"not a pdf", roots), r"is not a PDF")


# --- the trusted roots ------------------------------------------------------------------


def test_load_trust_roots_reads_pem_der_and_bundles(ca, tmp_path):
    folder = tmp_path / "trust"
    folder.mkdir()
    pem = serialization.Encoding.PEM
    der = serialization.Encoding.DER
    (folder / "a-root.pem").write_bytes(ca.root.pem)
    (folder / "b-bundle.crt").write_bytes(  # two in one file; the root again
        ca.intermediate.certificate.public_bytes(pem) + ca.root.certificate.public_bytes(pem)
    )
    (folder / "c-belgium.CER").write_bytes(ca.people["untrusted"].certificate.public_bytes(der))
    (folder / "notes.txt").write_text("not read")
    (folder / "sub.pem").mkdir()  # a folder, not a file: skipped
    roots = load_trust_roots(folder)
    assert [r.subject for r in roots] == [
        ca.root.certificate.subject,
        ca.intermediate.certificate.subject,
        ca.people["untrusted"].certificate.subject,
    ]


def test_load_trust_roots_problems_are_clear(ca, tmp_path):
    with pytest.raises(ConventioError, match=r"trust\S* does not exist"):
        load_trust_roots(tmp_path / "trust")
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "readme.txt").write_text("put roots here")
    with pytest.raises(ConventioError, match="holds no certificate"):
        load_trust_roots(folder)
    (folder / "root.pem").write_bytes(ca.root.pem)
    (folder / "zz-broken.cer").write_bytes(b"\x30\x03\x02\x01\x00")
    with pytest.raises(ConventioError, match=r"zz-broken\.cer: not a certificate"):
        load_trust_roots(folder)
    (folder / "zz-broken.cer").unlink()
    key = ca.root.key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    (folder / "key.pem").write_bytes(key)
    with pytest.raises(ConventioError, match=r"key\.pem: not a certificate.*no 'BEGIN CERT"):
        load_trust_roots(folder)


@pytest.mark.parametrize(
    "trust, message",
    [
        ([], "no trusted root certificate"),
        ("roots/", "list of certificates"),
        ([b"-----BEGIN CERTIFICATE-----"], "trust root 1 is a bytes"),
        (42, "list of certificates"),
    ],
)
def test_unusable_trust_roots_raise(trust, message):
    with pytest.raises(ConventioError, match=message):
        check_returned(b"", b"", trust, ROLES)


def test_roles_as_one_text_raise(roots):
    with pytest.raises(ConventioError, match="list of names"):
        check_returned(b"", b"", roots, "network")
