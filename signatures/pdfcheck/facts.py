"""What a returned PDF is, as read: no verdict here (`rules` judges), no words
(`signatures.wording` says them).

- `file_problem(data)`: why bytes are not a complete, readable, unencrypted PDF;
- `read_identity_of(data)`: the document identity its metadata gives;
- `read_returned(issued, returned)`: the returned file's identity, whether it begins
  with the issued bytes, and its signatures as pyHanko finds them;
- `read_signature(signature, ...)`: one signature checked by pyHanko (its certificate,
  `SignerCertificate`, and pyHanko's status, `SignatureFacts`).

What happened between the issued copy and the first signature is read by `revisions`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp

from generator.errors import ConventioError
from generator.pdf.checks import InvalidPdf, open_pdf
from generator.pdf.finish import FIELD_PREFIX, read_identity
from generator.privacy import mask_national_numbers
from signatures.pdfcheck.trust import validation_context
from signatures.reasons import Finding, Reason, error_text, rejected
from signatures.wording.english import PHRASES

# pyHanko logs every failed check with a traceback; without a handler of the
# application's own, Python would print those on stderr. Declaring a do-nothing handler
# (what the logging guide asks of libraries) keeps them quiet and still lets an
# application that configures logging see them.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

Identity = tuple[str, str]


def file_problem(data: bytes) -> Finding | None:
    """Why `data` is not a complete, readable, unencrypted PDF (a finding said of a
    file: "is empty"); or None."""
    if not isinstance(data, bytes):
        return rejected(Reason.NOT_FILE_CONTENT, type=type(data).__name__)
    if not data:
        return rejected(Reason.EMPTY)
    if not data.startswith(b"%PDF-"):
        head = data.lstrip()[:8]
        if head.startswith(b"PK"):
            return rejected(Reason.NOT_A_PDF_BUT_ZIP)
        if head[:1] == b"<":
            return rejected(Reason.NOT_A_PDF_BUT_MARKUP)
        return rejected(Reason.NOT_A_PDF)
    if b"%%EOF" not in data[-2048:]:
        return rejected(Reason.INCOMPLETE)
    try:
        reader = open_pdf(data)
        encrypted = reader.is_encrypted
    except InvalidPdf as exc:
        return rejected(Reason.DAMAGED_PDF, error=error_text(exc))
    if encrypted:
        return rejected(Reason.ENCRYPTED)
    return None


def read_identity_of(data: bytes) -> tuple[Identity | None, Finding | None]:
    """The (document id, content hash) a PDF's metadata gives (None if none), or why it
    cannot be read (a finding said of the file)."""
    try:
        return read_identity(data), None
    except ConventioError as exc:
        if "two identities" in str(exc):
            return None, rejected(Reason.TWO_IDENTITIES)
        return None, rejected(Reason.IDENTITY_DAMAGED, error=error_text(exc))


@dataclass(frozen=True)
class ReturnedFacts:
    """What the returned file is, beside its signatures' checks."""

    identity: Identity | None
    #: why its identity cannot be read (then `identity` is None)
    identity_problem: Finding | None
    #: the issued copy's bytes are the returned file's first bytes
    prefix_ok: bool
    #: pyHanko's reader and the signatures it finds; None and () if they cannot be read
    reader: PdfFileReader | None
    embedded: tuple
    signatures_error: Exception | None


def read_returned(issued: bytes, returned: bytes) -> ReturnedFacts:
    """The returned file's identity, prefix and signatures (both files readable PDFs)."""
    prefix_ok = returned.startswith(issued)
    identity, problem = read_identity_of(returned)
    try:
        reader = PdfFileReader(io.BytesIO(returned))
        embedded = tuple(reader.embedded_signatures)
        error = None
    except Exception as exc:  # any parsing failure of a hostile file is a refusal
        reader, embedded, error = None, (), exc
    return ReturnedFacts(identity, problem, prefix_ok, reader, embedded, error)


# --- one signature ------------------------------------------------------------------


@dataclass(frozen=True)
class SignerCertificate:
    """The signer's certificate, as the checks and the register need it."""

    name: str
    subject: str
    issuer: str
    issuer_name: str
    fingerprint: str
    serial_number: str
    not_valid_before: dt.datetime | None
    not_valid_after: dt.datetime | None
    self_signed: bool
    #: no key usage extension, or one that allows non-repudiation (what pyHanko requires)
    for_signing: bool

    def certificate_fields(self) -> dict:
        """What a SignatureCheck records of the signer's certificate."""
        return {
            "signer_name": self.name,
            "subject": self.subject,
            "issuer": self.issuer,
            "fingerprint": self.fingerprint,
            "serial_number": self.serial_number,
            "not_valid_before": self.not_valid_before,
            "not_valid_after": self.not_valid_after,
        }


UNKNOWN_SIGNER = SignerCertificate(
    PHRASES["unknown signer"], "", "", "", "", "", None, None, False, True
)


def read_certificate(certificate: asn1_x509.Certificate | None) -> SignerCertificate:
    """What a signature's certificate says; an unknown signer if there is none or it
    cannot be read. Names for messages never show a national register number."""
    if certificate is None:
        return UNKNOWN_SIGNER
    try:
        return _read_certificate(certificate)
    except ValueError:
        return UNKNOWN_SIGNER


def _read_certificate(certificate: asn1_x509.Certificate) -> SignerCertificate:
    der = certificate.dump()
    parsed = x509.load_der_x509_certificate(der)

    def common_name(name: x509.Name) -> str:
        """For messages: never with a national register number (masked)."""
        found = name.get_attributes_for_oid(NameOID.COMMON_NAME)
        text = str(found[0].value) if found else name.rfc4514_string() or PHRASES["unnamed signer"]
        return mask_national_numbers(text)

    return SignerCertificate(
        name=common_name(parsed.subject),
        subject=parsed.subject.rfc4514_string(),
        issuer=parsed.issuer.rfc4514_string(),
        issuer_name=common_name(parsed.issuer),
        fingerprint=hashlib.sha256(der).hexdigest(),
        serial_number=format(parsed.serial_number, "x"),
        not_valid_before=parsed.not_valid_before_utc,
        not_valid_after=parsed.not_valid_after_utc,
        self_signed=parsed.subject == parsed.issuer,
        for_signing=_for_signing(parsed),
    )


def _for_signing(certificate: x509.Certificate) -> bool:
    try:
        usage = certificate.extensions.get_extension_for_class(x509.KeyUsage).value
    except x509.ExtensionNotFound:
        return True
    return usage.content_commitment


@dataclass(frozen=True)
class SignatureFacts:
    """One signature (or document time-stamp) as pyHanko checked it, in plain values."""

    field_name: str
    #: "network" for the field "sig_network"; None if the field is not named sig_<role>
    role: str | None
    is_timestamp: bool
    certificate: SignerCertificate
    #: byte offset where the signed bytes end (its revision's end)
    signed_until: int
    #: why pyHanko could not check it at all (then what follows is empty)
    error: Exception | None = None
    intact: bool = False
    valid: bool = False
    trusted: bool = False
    #: pyHanko's AdES sub-indication when not trusted
    trust_problem: object | None = None
    #: when the certificates above the signer's stop being valid, if pyHanko says
    error_time_horizon: dt.datetime | None = None
    coverage: str = ""
    modification_level: str | None = None
    docmdp_ok: bool | None = None
    claimed_signing_time: dt.datetime | None = None
    timestamped_at: dt.datetime | None = None
    #: None without a time-stamp token; else whether it is intact and from a trusted TSA
    timestamp_trusted: bool | None = None
    #: the signature's time-stamp token is not intact or not valid
    timestamp_damaged: bool = False
    #: pyHanko's findings in one line, for whoever investigates a refusal
    technical: str = ""


def role_of(field: str) -> str | None:
    if field.startswith(FIELD_PREFIX) and len(field) > len(FIELD_PREFIX):
        return field[len(FIELD_PREFIX) :]
    return None


def read_signature(signature, anchors, moment: dt.datetime) -> SignatureFacts:
    """Check one of pyHanko's EmbeddedPdfSignature against the trust `anchors` at
    `moment`, offline, and say what pyHanko found."""
    field = str(signature.field_name or "")
    try:
        certificate = signature.signer_cert
    except Exception:  # a signature whose CMS data is unreadable
        certificate = None
    known = dict(
        field_name=field,
        role=role_of(field),
        certificate=read_certificate(certificate),
        signed_until=_signed_until(signature),
    )
    try:
        is_timestamp = signature.sig_object_type == "/DocTimeStamp"
        validate = validate_pdf_timestamp if is_timestamp else validate_pdf_signature
        try:
            status = validate(signature, validation_context(anchors, moment))
        except Exception:
            # the analysis of what changed after the signature failed (a later part of
            # the file is damaged): check the signed bytes alone, to say whether they hold
            status = validate(signature, validation_context(anchors, moment), skip_diff=True)
    except Exception as exc:  # a malformed signature is a refusal, whatever pyHanko raises
        return SignatureFacts(
            **known, is_timestamp=False, error=exc, technical=error_text(exc, 500)
        )
    return SignatureFacts(**known, is_timestamp=is_timestamp, **_status(status, is_timestamp))


def _status(status, is_timestamp: bool) -> dict:
    """pyHanko's status of a signature or document time-stamp, in plain values."""
    coverage = status.coverage.name if status.coverage is not None else ""
    level = status.modification_level.name if status.modification_level is not None else None
    indic = status.trust_problem_indic
    found = dict(
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        trust_problem=indic,
        error_time_horizon=status.error_time_horizon,
        coverage=coverage,
        modification_level=level,
        docmdp_ok=status.docmdp_ok,
    )
    if is_timestamp:
        found.update(timestamped_at=status.timestamp, timestamp_trusted=status.trusted)
    else:
        token = status.timestamp_validity
        found.update(
            claimed_signing_time=status.signer_reported_dt,
            timestamped_at=token.timestamp if token is not None else None,
            timestamp_trusted=None if token is None else bool(token.trusted),
            timestamp_damaged=token is not None and not (token.intact and token.valid),
        )
    suspicious = status.diff_result is not None and (level is None or level == "OTHER")
    found["technical"] = "; ".join(
        part
        for part in (
            f"intact={status.intact} valid={status.valid} trusted={status.trusted}",
            f"trust_problem={indic.name}" if indic is not None else "",
            f"coverage={coverage} modification_level={level} docmdp_ok={status.docmdp_ok}",
            error_text(status.diff_result, 300) if suspicious else "",
        )
        if part
    )
    return found


def _signed_until(signature) -> int:
    try:
        byte_range = list(signature.sig_object["/ByteRange"])
        return int(byte_range[2]) + int(byte_range[3])
    except Exception:
        return 0
