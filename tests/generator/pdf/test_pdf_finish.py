"""finish(): identity in the metadata and empty signature fields that can be signed;
read_identity() on the finished PDF and on a signed copy."""

from __future__ import annotations

import datetime as dt
import io
import itertools

import docx
import pytest
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from lxml import etree
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pypdf import PdfReader, PdfWriter

from generator.errors import ConventioError
from generator.pdf import check_pdf, convert_many, finish, pdfa_conformance, read_identity
from generator.pdf.finish import SignatureLayout, signature_boxes
from generator.pdf.xmp import CONVENTIO_NS, PDFA_SCHEMA
from generator.pdf.xmp import read_identity as xmp_identity

ROLES = ["committee", "network", "hospital"]
DOCUMENT_ID = "inami-network-2021/avenant-06/réseau-07"
CONTENT_HASH = "sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> bytes:
    """A two-page PDF/A-2b made by LibreOffice from a DOCX."""
    folder = tmp_path_factory.mktemp("finish")
    document = docx.Document()
    document.add_heading("Sixième avenant à la convention « réseau »", level=1)
    for number in range(1, 30):
        document.add_paragraph(f"Article {number}. L’INAMI et le réseau s’engagent à …")
    source = folder / "avenant.docx"
    document.save(source)
    pdf = convert_many([source], folder / "out")[source]
    return pdf.read_bytes()


@pytest.fixture(scope="module")
def finished(converted) -> bytes:
    return finish(
        converted, document_id=DOCUMENT_ID, content_hash=CONTENT_HASH, signing_roles=ROLES
    )


def blank_pdf(width: float = 595.28, height: float = 841.89, pages: int = 1) -> bytes:
    """A PDF made without LibreOffice: no XMP, no PDF/A."""
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width, height)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def throwaway_signer() -> tuple[signers.SimpleSigner, asn1_x509.Certificate]:
    """A signer with a self-signed certificate valid today only."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Réseau test")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert = asn1_x509.Certificate.load(certificate.public_bytes(serialization.Encoding.DER))
    private = asn1_keys.PrivateKeyInfo.load(
        key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return signers.SimpleSigner(signing_cert=cert, signing_key=private, cert_registry=None), cert


def sign(pdf: bytes, field: str, signer: signers.SimpleSigner) -> bytes:
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(field_name=field)
    return signers.sign_pdf(writer, meta, signer=signer).getvalue()


def signature_fields(pdf: bytes) -> dict[str, bool]:
    """{field name: signed?} as pyHanko sees them."""
    reader = PdfFileReader(io.BytesIO(pdf))
    return {name: value is not None for name, value, _ in fields.enumerate_sig_fields(reader)}


@pytest.mark.libreoffice
def test_finish_is_deterministic(converted, finished):
    again = finish(
        converted, document_id=DOCUMENT_ID, content_hash=CONTENT_HASH, signing_roles=ROLES
    )
    assert again == finished
    other = finish(converted, document_id=DOCUMENT_ID, content_hash="sha256:0", signing_roles=ROLES)
    assert other != finished


@pytest.mark.libreoffice
def test_finish_appends_and_keeps_pdfa(converted, finished):
    assert finished.startswith(converted)  # an incremental update: LibreOffice's bytes kept
    assert check_pdf(finished) == check_pdf(converted) >= 2
    assert pdfa_conformance(finished) == ("2", "B")


@pytest.mark.libreoffice
def test_identity_in_info_and_xmp(converted, finished):
    assert read_identity(converted) is None
    assert read_identity(finished) == (DOCUMENT_ID, CONTENT_HASH)
    reader = PdfReader(io.BytesIO(finished))
    assert reader.metadata["/ConventioDocumentId"] == DOCUMENT_ID
    assert reader.metadata["/ConventioContentHash"] == CONTENT_HASH
    # the rest of the information dictionary is LibreOffice's, untouched
    assert reader.metadata["/Producer"].startswith("LibreOffice")
    packet = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert xmp_identity(packet) == (DOCUMENT_ID, CONTENT_HASH)
    # PDF/A: our properties are described by an extension schema
    tree = etree.fromstring(packet.split(b"?>", 1)[1].rsplit(b"<?xpacket", 1)[0])
    uris = [e.text for e in tree.iter(f"{{{PDFA_SCHEMA}}}namespaceURI")]
    assert uris == [CONVENTIO_NS]
    names = [e.text for e in tree.iter("{http://www.aiim.org/pdfa/ns/property#}name")]
    assert names == ["DocumentId", "ContentHash"]


@pytest.mark.libreoffice
def test_empty_signature_fields_on_the_last_page(finished):
    assert signature_fields(finished) == {f"sig_{role}": False for role in ROLES}
    reader = PdfReader(io.BytesIO(finished))
    last = reader.pages[-1]
    height = float(last.mediabox.top)
    widgets = [a.get_object() for a in last["/Annots"]]
    assert [w["/T"] for w in widgets] == [f"sig_{role}" for role in ROLES]
    rects = []
    for widget in widgets:
        assert widget["/FT"] == "/Sig" and widget["/Subtype"] == "/Widget"
        assert "/V" not in widget
        assert widget["/F"] & 4  # printed (PDF/A requires it)
        assert widget.raw_get("/P").idnum == last.indirect_reference.idnum
        assert list(widget["/AP"].keys()) == ["/N"]  # PDF/A: the normal appearance only
        x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
        assert x2 - x1 >= 100 and y2 - y1 >= 40
        assert y2 < height / 3  # lower part of the page
        rects.append((x1, y1, x2, y2))
    # side by side, not overlapping
    for left, right in itertools.pairwise(rects):
        assert left[2] <= right[0]
    for page in reader.pages[:-1]:
        assert "/Annots" not in page


@pytest.mark.libreoffice
def test_a_field_can_be_signed_and_the_identity_read_back(finished):
    signer, certificate = throwaway_signer()
    signed = sign(finished, "sig_network", signer)
    assert signed.startswith(finished)
    assert signature_fields(signed) == {
        "sig_committee": False,
        "sig_network": True,
        "sig_hospital": False,
    }
    signature = PdfFileReader(io.BytesIO(signed)).embedded_signatures[0]
    assert signature.field_name == "sig_network"
    status = validate_pdf_signature(signature, ValidationContext(trust_roots=[certificate]))
    assert status.intact and status.valid
    assert status.bottom_line
    assert read_identity(signed) == (DOCUMENT_ID, CONTENT_HASH)
    # pyHanko rewrites the XMP (properties as attributes, other prefixes): still found
    packet = PdfReader(io.BytesIO(signed)).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert xmp_identity(packet) == (DOCUMENT_ID, CONTENT_HASH)
    assert pdfa_conformance(signed) == ("2", "B")
    # finishing the signed copy again would replace the identity, not duplicate it
    refinished = finish(signed, document_id="again", content_hash="h")
    packet = PdfReader(io.BytesIO(refinished)).trailer["/Root"]["/Metadata"]
    packet = packet.get_object().get_data()
    assert xmp_identity(packet) == ("again", "h")
    assert packet.count(CONVENTIO_NS.encode()) == 2

    # a second signer fills a second field of the signed copy
    second = sign(signed, "sig_hospital", signer)
    assert signature_fields(second) == {
        "sig_committee": False,
        "sig_network": True,
        "sig_hospital": True,
    }
    assert read_identity(second) == (DOCUMENT_ID, CONTENT_HASH)


@pytest.mark.libreoffice
def test_fields_are_not_added_twice(finished):
    with pytest.raises(ConventioError, match="already has the signature field"):
        finish(finished, document_id="x", content_hash="y", signing_roles=["network"])
    # the identity alone can be written again; the new one replaces the old
    again = finish(finished, document_id="other", content_hash="z")
    assert read_identity(again) == ("other", "z")
    packet = PdfReader(io.BytesIO(again)).trailer["/Root"]["/Metadata"].get_object().get_data()
    assert packet.count(CONVENTIO_NS.encode()) == 2  # the schema and the description: once each


def test_finish_a_pdf_without_xmp():
    pdf = blank_pdf(pages=2)
    identity = ('id <&> "quoted" ’é', "hash")
    finished = finish(pdf, document_id=identity[0], content_hash=identity[1], signing_roles=["a"])
    assert read_identity(finished) == identity
    packet = PdfReader(io.BytesIO(finished)).trailer["/Root"]["/Metadata"].get_object()
    assert packet["/Type"] == "/Metadata" and packet["/Subtype"] == "/XML"
    assert xmp_identity(packet.get_data()) == identity
    assert signature_fields(finished) == {"sig_a": False}


def test_two_identities_are_an_error():
    finished = finish(blank_pdf(), document_id="one", content_hash="h")
    writer = PdfWriter(PdfReader(io.BytesIO(finished)), incremental=True)
    writer.add_metadata({"/ConventioDocumentId": "two"})
    out = io.BytesIO()
    writer.write(out)
    with pytest.raises(ConventioError, match="two identities"):
        read_identity(out.getvalue())


def test_not_a_pdf():
    with pytest.raises(ConventioError, match="does not start with %PDF"):
        read_identity(b"hello")
    with pytest.raises(ConventioError, match="cannot finish this PDF"):
        finish(b"", document_id="a", content_hash="b")


@pytest.mark.parametrize(
    "roles, message",
    [
        (["network", "network"], "given twice"),
        (["the.network"], "letters, digits"),
        ([""], "letters, digits"),
        ("network", "a list of names"),
    ],
)
def test_bad_roles(roles, message):
    with pytest.raises(ConventioError, match=message):
        finish(blank_pdf(), document_id="a", content_hash="b", signing_roles=roles)


def test_bad_identity():
    with pytest.raises(ConventioError, match="non-empty"):
        finish(blank_pdf(), document_id=" ", content_hash="b")
    with pytest.raises(ConventioError, match="control characters"):
        finish(blank_pdf(), document_id="a\nb", content_hash="b")


def test_boxes_side_by_side_then_in_rows():
    a4 = (0.0, 0.0, 595.28, 841.89)
    layout = SignatureLayout()
    three = signature_boxes(a4, 3, layout)
    assert len({box[1] for box in three}) == 1  # one row
    assert three[0][0] == pytest.approx(layout.margin)
    assert three[-1][2] <= a4[2] - layout.margin + 0.01
    five = signature_boxes(a4, 5, layout)
    rows = sorted({box[1] for box in five}, reverse=True)
    assert len(rows) == 2
    assert [box[1] for box in five] == [rows[0]] * 3 + [rows[1]] * 2  # reading order
    assert min(rows) == pytest.approx(layout.bottom)
    with pytest.raises(ConventioError, match="do not fit"):
        signature_boxes(a4, 60, layout)


def test_fields_follow_the_page_box():
    """A landscape last page after portrait ones: the boxes use its own size."""
    writer = PdfWriter()
    writer.add_blank_page(595.28, 841.89)
    writer.add_blank_page(841.89, 595.28)
    out = io.BytesIO()
    writer.write(out)
    finished = finish(out.getvalue(), document_id="a", content_hash="b", signing_roles=ROLES)
    last = PdfReader(io.BytesIO(finished)).pages[-1]
    rects = [[float(v) for v in a.get_object()["/Rect"]] for a in last["/Annots"]]
    assert max(r[2] for r in rects) <= 841.89 - 56
    assert len({r[1] for r in rects}) == 1
