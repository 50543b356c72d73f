"""A throw-away certificate authority that signs PDFs, for tests, benchmarks and
demonstrations (no network, no files kept; never to be trusted outside them).

    from signatures.samples.signing_ca import signing_ca, sign_field

    ca = signing_ca()                       # made once per process, then cached
    roots = ca.write_trust_folder(tmp_path)  # root.pem in a folder, for load_trust_roots
    signed = sign_field(issued, "sig_network", ca.signer("network"))
    signed = sign_field(signed, "sig_hospital", ca.signer("hospital"), timestamp=True)

What it holds (keys EC P-256, so that making them takes milliseconds; the TSA's is RSA
2048, since pyHanko's test time-stamper signs with RSA only):

- `root`: "CN=Conventio Test Root CA" — the only certificate to trust;
- `intermediate`: "CN=Conventio Test Signing CA", issued by the root, issuing the leaves;
- leaves, by name (`ca.people`):
  - "network": "CN=Jean Dupont, O=Réseau Fictif" (signs for the network),
  - "hospital": "CN=Marie Lambert, O=Hôpital Fictif" (signs for the hospital),
  - "committee": "CN=Anne Peeters, O=INAMI Fictif" (signs for the insurance committee),
  - "expired": "CN=Paul Ancien, O=Réseau Fictif", issued by the intermediate, whose
    validity ended 30 days ago,
  - "untrusted": "CN=Jean Dupont, O=Réseau Fictif" again, but self-signed: it chains to no
    trusted root (the same name as the real one, as an impostor would choose);
  - "authentication": "CN=Jean Dupont (Authentication), O=Réseau Fictif", issued by the
    intermediate for logging in, not for signing (digital signature without
    non-repudiation, like the authentication certificate of an eID card);
  - "numbered": "CN=Luc Martin 85.07.30-033.28, O=Réseau Fictif, serialNumber=85073003328",
    self-signed: a certificate whose name and subject carry a national register number
    (an eID certificate carries it as its serialNumber), which no message may show;
- `tsa`: a time-stamping authority certificate issued by the intermediate, for
  `sign_field(..., timestamp=True)` (pyHanko's `DummyTimeStamper`, in memory).

The signing leaves carry the key usages a signing certificate of the Belgian eID has
(non-repudiation) and digital signature; their chains are embedded in each signature, as
signing programs do, so only the root needs to be trusted.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
from dataclasses import dataclass, field
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import signers
from pyhanko.sign.timestamps import DummyTimeStamper
from pyhanko_certvalidator.registry import SimpleCertificateStore

ROOT_NAME = "Conventio Test Root CA"
#: a valid national register number (python-stdnum's example), in a certificate's name
NATIONAL_NUMBER = "85.07.30-033.28"

#: name -> (common name, organisation)
PEOPLE = {
    "network": ("Jean Dupont", "Réseau Fictif"),
    "hospital": ("Marie Lambert", "Hôpital Fictif"),
    "committee": ("Anne Peeters", "INAMI Fictif"),
    "expired": ("Paul Ancien", "Réseau Fictif"),
    "untrusted": ("Jean Dupont", "Réseau Fictif"),
    "authentication": ("Jean Dupont (Authentication)", "Réseau Fictif"),
    "numbered": (f"Luc Martin {NATIONAL_NUMBER}", "Réseau Fictif"),
}
#: the certificates that are self-signed (chain to no trusted root)
SELF_SIGNED = ("untrusted", "numbered")


@dataclass(frozen=True)
class Issued:
    """A certificate with its private key."""

    certificate: x509.Certificate
    key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey

    @property
    def asn1(self) -> asn1_x509.Certificate:
        return asn1_x509.Certificate.load(self.certificate.public_bytes(serialization.Encoding.DER))

    @property
    def asn1_key(self) -> asn1_keys.PrivateKeyInfo:
        return asn1_keys.PrivateKeyInfo.load(
            self.key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )

    @property
    def pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    @property
    def fingerprint(self) -> str:
        """SHA-256 of the DER certificate, lower-case hex."""
        return self.certificate.fingerprint(hashes.SHA256()).hex()

    @property
    def subject(self) -> str:
        return self.certificate.subject.rfc4514_string()


@dataclass(frozen=True)
class SigningCA:
    root: Issued
    intermediate: Issued
    tsa: Issued
    people: dict[str, Issued] = field(default_factory=dict)

    def signer(self, name: str) -> signers.SimpleSigner:
        """A pyHanko signer for one of `people` ("network", "hospital", "expired", ...)."""
        person = self.people[name]
        chain = [] if name in SELF_SIGNED else [self.intermediate.asn1]
        return signers.SimpleSigner(
            signing_cert=person.asn1,
            signing_key=person.asn1_key,
            cert_registry=SimpleCertificateStore.from_certs(chain),
        )

    def timestamper(self) -> DummyTimeStamper:
        return DummyTimeStamper(
            tsa_cert=self.tsa.asn1,
            tsa_key=self.tsa.asn1_key,
            certs_to_embed=SimpleCertificateStore.from_certs([self.intermediate.asn1]),
        )

    def write_trust_folder(self, folder: Path) -> Path:
        """`folder` (made if needed) with the root certificate as `root.pem`."""
        folder.mkdir(parents=True, exist_ok=True)
        (folder / "root.pem").write_bytes(self.root.pem)
        return folder


def _name(common: str, organisation: str | None = None, serial: str | None = None) -> x509.Name:
    """C, O, CN in the usual order: "CN=..., O=..., C=BE" in RFC 4514 (most specific first);
    with `serial`, a serialNumber last, as on an eID certificate."""
    attributes = [x509.NameAttribute(NameOID.COUNTRY_NAME, "BE")]
    if organisation:
        attributes.append(x509.NameAttribute(NameOID.ORGANIZATION_NAME, organisation))
    attributes.append(x509.NameAttribute(NameOID.COMMON_NAME, common))
    if serial:
        attributes.append(x509.NameAttribute(NameOID.SERIAL_NUMBER, serial))
    return x509.Name(attributes)


def _issue(
    subject: x509.Name,
    issuer: Issued | None,
    *,
    ca: bool,
    not_before: dt.datetime,
    not_after: dt.datetime,
    purpose: str = "sign",
) -> Issued:
    """A certificate for a new key, signed by `issuer` (self-signed if None)."""
    if purpose == "tsa":  # pyHanko's DummyTimeStamper signs with RSA only
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    else:
        key = ec.generate_private_key(ec.SECP256R1())
    signing_key = issuer.key if issuer is not None else key
    issuer_name = issuer.certificate.subject if issuer is not None else subject
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(not_before)
        .not_valid_after(not_after)
        .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    )
    if issuer is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer.key.public_key()),
            critical=False,
        )
    if ca:
        usage = dict(key_cert_sign=True, crl_sign=True, digital_signature=False)
        content_commitment = False
    elif purpose == "tsa":
        usage = dict(key_cert_sign=False, crl_sign=False, digital_signature=True)
        content_commitment = False
        builder = builder.add_extension(
            x509.ExtendedKeyUsage([ExtendedKeyUsageOID.TIME_STAMPING]), critical=True
        )
    else:
        usage = dict(key_cert_sign=False, crl_sign=False, digital_signature=True)
        content_commitment = purpose == "sign"  # non-repudiation: for signing documents
    builder = builder.add_extension(
        x509.KeyUsage(
            content_commitment=content_commitment,
            key_encipherment=False,
            data_encipherment=False,
            key_agreement=False,
            encipher_only=False,
            decipher_only=False,
            **usage,
        ),
        critical=True,
    )
    return Issued(builder.sign(signing_key, hashes.SHA256()), key)


@functools.cache
def signing_ca() -> SigningCA:
    """The test CA, made once per process."""
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    day = dt.timedelta(days=1)
    root = _issue(
        _name(ROOT_NAME, "Conventio Tests"),
        None,
        ca=True,
        not_before=now - 3650 * day,
        not_after=now + 3650 * day,
    )
    intermediate = _issue(
        _name("Conventio Test Signing CA", "Conventio Tests"),
        root,
        ca=True,
        not_before=now - 3000 * day,
        not_after=now + 3000 * day,
    )
    people = {}
    for name, (common, organisation) in PEOPLE.items():
        if name == "expired":
            window = (now - 400 * day, now - 30 * day)
        else:
            window = (now - 30 * day, now + 700 * day)
        issuer = None if name in SELF_SIGNED else intermediate
        serial = NATIONAL_NUMBER.replace(".", "").replace("-", "") if name == "numbered" else None
        people[name] = _issue(
            _name(common, organisation, serial),
            issuer,
            ca=False,
            not_before=window[0],
            not_after=window[1],
            purpose="authenticate" if name == "authentication" else "sign",
        )
    tsa = _issue(
        _name("Conventio Test TSA", "Conventio Tests"),
        intermediate,
        ca=False,
        not_before=now - 30 * day,
        not_after=now + 700 * day,
        purpose="tsa",
    )
    return SigningCA(root=root, intermediate=intermediate, tsa=tsa, people=people)


def sign_field(
    pdf: bytes,
    field_name: str,
    signer: signers.Signer,
    *,
    timestamp: bool = False,
    timestamper: DummyTimeStamper | None = None,
) -> bytes:
    """`pdf` with the signature field `field_name` signed by `signer`, as an incremental
    update (made if the PDF has no such field). With `timestamp`, the signature carries a
    time-stamp token from the test TSA (or from `timestamper`)."""
    if timestamp and timestamper is None:
        timestamper = signing_ca().timestamper()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf))
    meta = signers.PdfSignatureMetadata(field_name=field_name)
    pdf_signer = signers.PdfSigner(meta, signer=signer, timestamper=timestamper)
    return pdf_signer.sign_pdf(writer).getvalue()
