"""Is a returned signed PDF the document we issued, signed, and nothing else?

`check_returned(issued, returned, trust_roots, roles)` compares a PDF that comes back
signed with the copy that was issued (`generator.pdf.finish`) and checks every signature
in it with pyHanko, offline. It reads no database and writes nothing: the signature
register decides what to do with the answer.

What is checked:

- the file: a readable, complete, unencrypted PDF;
- its identity (`read_identity`: document id and content hash in the metadata) is the
  issued copy's, and the issued copy's bytes are an exact prefix of it (signing appends
  incremental updates and keeps what was there; a program that rewrites the whole file
  breaks this, and such a file is sent for review);
- each signature: intact (the signed bytes are unchanged), valid (the cryptography
  holds), trusted (the signer's certificate chains to one of `trust_roots` and was valid
  at the time of the check), in a field `sig_<role>` of one of the document's signing
  roles, and covering the document: either the entire file, or its entire revision with
  only signing or form filling after it (pyHanko's difference analysis);
- what happened between the issued bytes and the first signature (that signature's own
  revision included): only signing or form filling (`pdfcheck_revisions`), so that an
  edit made before signing is not passed off as the document we issued;
- who signed: two roles need two certificates, except the network and the hospital that
  represents it, and a party signs with its own certificate (`signer_rules`).

The answer is a `ReturnedCheck`: a verdict, "accepted", "review" or "rejected", with
a reason in plain words for the person who registers the signatures, and the details of
each signature (who, which certificate, when) for the register.

Revocation is not checked: there is no network, and no revocation data is fetched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.x509.oid import NameOID
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate
from pyhanko.sign.validation import validate_pdf_signature, validate_pdf_timestamp
from pyhanko_certvalidator import ValidationContext

from generator.errors import ConventioError, one_line
from generator.pdf.checks import InvalidPdf, open_pdf
from generator.pdf.finish import FIELD_PREFIX, read_identity
from generator.privacy import mask_national_numbers
from signatures.pdfcheck_revisions import change_before_signing, issued_revision
from signatures.pdfcheck_trust import (
    TrustRoots,
    load_trust_roots,
    trust_anchors,
    validation_context,
)
from signatures.signer_rules import SignerRules, signer_problems

__all__ = [
    "ACCEPTED",
    "REJECTED",
    "REVIEW",
    "ReturnedCheck",
    "SignatureCheck",
    "check_returned",
    "load_trust_roots",
    "unreadable",
]

# pyHanko logs every failed check with a traceback; without a handler of the
# application's own, Python would print those on stderr. Declaring a do-nothing handler
# (what the logging guide asks of libraries) keeps them quiet and still lets an
# application that configures logging see them.
for _name in ("pyhanko", "pyhanko_certvalidator"):
    logging.getLogger(_name).addHandler(logging.NullHandler())

ACCEPTED, REVIEW, REJECTED = "accepted", "review", "rejected"
_SEVERITY = {ACCEPTED: 0, REVIEW: 1, REJECTED: 2}

#: modification levels after a signature that leave what was signed as it was
_HARMLESS_AFTER = ("NONE", "LTA_UPDATES", "FORM_FILLING")

_EXPIRED = {
    AdESIndeterminate.EXPIRED,
    AdESIndeterminate.OUT_OF_BOUNDS_NO_POE,
    AdESIndeterminate.OUT_OF_BOUNDS_NOT_REVOKED,
}
_NOT_YET_VALID = {AdESIndeterminate.NOT_YET_VALID, AdESFailure.NOT_YET_VALID}
_REVOKED = {
    AdESFailure.REVOKED,
    AdESIndeterminate.REVOKED_NO_POE,
    AdESIndeterminate.REVOKED_CA_NO_POE,
}
_NO_CHAIN = {
    AdESIndeterminate.NO_CERTIFICATE_CHAIN_FOUND,
    AdESIndeterminate.CHAIN_CONSTRAINTS_FAILURE,
    AdESIndeterminate.CERTIFICATE_CHAIN_GENERAL_FAILURE,
}


@dataclass(frozen=True)
class SignatureCheck:
    """One signature (or document time-stamp) in a returned PDF, as checked."""

    field_name: str
    #: "network" for the field "sig_network"; None if the field is not named sig_<role>
    role: str | None
    #: "signature", or "document time-stamp" (added by some signing programs; no person)
    kind: str
    #: the signer's name as the certificate gives it (its common name), for messages
    signer_name: str
    #: RFC 4514, most specific first: "CN=Jean Dupont,O=Réseau Fictif,C=BE"
    subject: str
    issuer: str
    #: SHA-256 of the signer's certificate (DER), 64 lower-case hex digits
    fingerprint: str
    serial_number: str
    not_valid_before: dt.datetime | None
    not_valid_after: dt.datetime | None
    #: the signing time the signer's computer wrote (not proven)
    claimed_signing_time: dt.datetime | None
    #: the time a time-stamping authority vouches for, if the signature carries a token
    timestamped_at: dt.datetime | None
    #: None without a time-stamp token; else whether it is intact and from a trusted TSA
    timestamp_trusted: bool | None
    intact: bool
    valid: bool
    trusted: bool
    #: pyHanko's AdES sub-indication when not trusted ("NO_CERTIFICATE_CHAIN_FOUND", ...)
    trust_problem: str | None
    #: "ENTIRE_FILE", "ENTIRE_REVISION", "CONTIGUOUS_BLOCK_FROM_START", "UNCLEAR" or ""
    coverage: str
    #: what changed after it: "NONE", "LTA_UPDATES", "FORM_FILLING", "ANNOTATIONS", "OTHER"
    modification_level: str | None
    docmdp_ok: bool | None
    #: byte offset where the signed bytes end (its revision's end)
    signed_until: int
    verdict: str
    reason: str
    #: pyHanko's findings in one line, for whoever investigates a refusal
    technical: str = ""


@dataclass(frozen=True)
class ReturnedCheck:
    """What `check_returned` found. `reason` is for people; the rest for the register."""

    verdict: str
    reason: str
    #: every problem found, one plain sentence each, worst first (empty when accepted)
    problems: tuple[str, ...]
    #: the identity the returned PDF's metadata gives (None if it has none or is unreadable)
    document_id: str | None
    content_hash: str | None
    #: that identity is the issued copy's
    identity_matches: bool
    #: the issued copy's bytes are the returned file's first bytes
    prefix_ok: bool
    signatures: tuple[SignatureCheck, ...]
    #: the roles (of `roles`, in that order) whose signature passed all of its own checks
    #: (the file as a whole may still be refused: see `verdict`), and the other roles
    signed_roles: tuple[str, ...]
    missing_roles: tuple[str, ...]
    #: SHA-256 of the returned file, 64 lower-case hex digits
    sha256: str
    #: the moment the certificates were checked at
    checked_at: dt.datetime
    #: pyHanko's finding about a change before the first signature, for whoever
    #: investigates a refusal ("" when there is none)
    technical: str = ""

    @property
    def accepted(self) -> bool:
        return self.verdict == ACCEPTED

    @property
    def complete(self) -> bool:
        """Accepted, and signed for every role."""
        return self.accepted and not self.missing_roles


def check_returned(
    issued: bytes,
    returned: bytes,
    trust_roots: TrustRoots,
    roles: Sequence[str],
    *,
    at: dt.datetime | None = None,
    signers: SignerRules | None = None,
) -> ReturnedCheck:
    """Check `returned`, a signed copy of the PDF `issued`, for the signing `roles` of
    that document (the `sig_<role>` fields `finish()` put into it).

    `trust_roots`: the root certificates to trust (`cryptography` or `asn1crypto`
    certificates, e.g. `load_trust_roots(folder)`), or a pyHanko `ValidationContext` to
    use as it is. `at`: when the certificates must be valid (a time-zone-aware datetime);
    now by default. With a ValidationContext, its own moment applies and `at` must be None.
    `signers`: who may sign in which role (`signer_rules.SignerRules`: the parties'
    certificates, those recorded before); by default only the rule that two roles need two
    certificates (except the pairs `roles.MAY_SHARE_CERTIFICATE`) applies.

    Problems with the files never raise: they give a rejected (or "review") answer that
    says why. ConventioError only for unusable arguments: no or non-certificate trust
    roots, roles given as one text, `at` without a time zone.
    """
    anchors = trust_anchors(trust_roots)
    moment = _moment(at, anchors)
    roles = _check_roles(roles)
    issued, returned = _as_bytes(issued), _as_bytes(returned)
    digest = hashlib.sha256(returned if isinstance(returned, bytes) else b"").hexdigest()

    def refused(reason: str, **found) -> ReturnedCheck:
        values = dict(
            document_id=None,
            content_hash=None,
            identity_matches=False,
            prefix_ok=False,
            signatures=(),
            signed_roles=(),
            missing_roles=tuple(roles),
        )
        values.update(found)
        return ReturnedCheck(
            verdict=REJECTED,
            reason=reason,
            problems=(reason,),
            sha256=digest,
            checked_at=moment,
            **values,
        )

    problem = unreadable(issued)
    if problem:
        return refused(
            f"The issued document we hold {problem[:-1]}, so the returned file cannot be "
            "compared with it."
        )
    problem = unreadable(returned)
    if problem:
        return refused(f"The returned file {problem}")

    try:
        issued_identity = read_identity(issued)
    except ConventioError as exc:
        return refused(f"The issued document we hold {_plain_error(exc)}")
    if issued_identity is None:
        return refused(
            "The issued document we hold carries no document identity: it was not made by "
            "conventio, so the returned file cannot be compared with it."
        )
    prefix_ok = returned.startswith(issued)
    problems: list[tuple[str, str]] = []
    try:
        identity = read_identity(returned)
    except ConventioError as exc:
        identity = None
        problems.append((REJECTED, f"The returned file {_plain_error(exc)}"))
    document_id, content_hash = identity if identity is not None else (None, None)
    identity_matches = identity == issued_identity

    if problems:
        pass  # the identity could not be read: said above
    elif identity is None:
        problems.append(
            (
                REJECTED,
                "The returned file does not say which document it is (it carries no "
                "conventio document identity): it is not a document we issued, or a "
                "program removed its identity.",
            )
        )
    elif document_id != issued_identity[0]:
        problems.append(
            (
                REJECTED,
                f"The returned file is a different document: it is “{document_id}”, but "
                f"the document expected here is “{issued_identity[0]}”.",
            )
        )
    elif content_hash != issued_identity[1]:
        problems.append(
            (
                REJECTED,
                f"The returned file is another version of “{document_id}”: its content "
                "is not that of the copy we issued (its content hash differs).",
            )
        )

    try:
        reader = PdfFileReader(io.BytesIO(returned))
        embedded = reader.embedded_signatures
    except Exception as exc:  # any parsing failure of a hostile file is a refusal
        problems.append(
            (
                REJECTED,
                "The signatures in the returned file cannot be read: the file is damaged "
                f"({_short(exc)}).",
            )
        )
        reader, embedded = None, []
    checks = tuple(_check_one(signature, anchors, moment, roles) for signature in embedded)
    technical = ""
    if prefix_ok and reader is not None:
        found, technical = _before_signing(issued, reader, embedded, checks)
        problems.extend(found)

    people = [c for c in checks if c.kind == "signature"]
    if not people:
        problems.append((REJECTED, "The returned file carries no signature."))
    problems.extend((c.verdict, c.reason) for c in checks if c.verdict != ACCEPTED)
    if identity_matches and not prefix_ok and not any(v == REJECTED for v, _ in problems):
        # the signatures hold, but over a file that is not byte for byte what we issued
        problems.append(
            (
                REVIEW,
                "The returned file is not the issued file with signatures added: a program "
                "rewrote the file, so its first part is no longer byte for byte what we "
                "issued. The signatures may be good, but a person must compare it with the "
                "issued document before it is registered.",
            )
        )

    breaches = signer_problems(checks, roles, signers or SignerRules())
    problems.extend((REJECTED, breach.message) for breach in breaches)
    refused = {role for breach in breaches for role in breach.roles}
    signed = {c.role for c in people if c.verdict == ACCEPTED and c.role not in refused}
    signed_roles = tuple(r for r in roles if r in signed)
    missing_roles = tuple(r for r in roles if r not in signed)
    verdict = max((v for v, _ in problems), key=_SEVERITY.__getitem__, default=ACCEPTED)
    ordered = tuple(text for _, text in sorted(problems, key=lambda p: -_SEVERITY[p[0]]))
    reason = " ".join(ordered) if ordered else _accepted_reason(people, missing_roles)
    return ReturnedCheck(
        verdict=verdict,
        reason=reason,
        problems=ordered,
        document_id=document_id,
        content_hash=content_hash,
        identity_matches=identity_matches,
        prefix_ok=prefix_ok,
        signatures=checks,
        signed_roles=signed_roles,
        missing_roles=missing_roles,
        sha256=digest,
        checked_at=moment,
        technical=technical,
    )


def _before_signing(
    issued: bytes, reader: PdfFileReader, embedded: list, checks: tuple[SignatureCheck, ...]
) -> tuple[list[tuple[str, str]], str]:
    """The problem, if the returned file changes the issued document before (or while)
    it is first signed; and pyHanko's finding, for whoever investigates."""
    try:
        base = issued_revision(issued, reader)
        if base is None:
            return [(REJECTED, _NOT_BUILT_ON_ISSUED)], ""
        signed = sorted((s.signed_revision, index) for index, s in enumerate(embedded))
        until = signed[0][0] if signed else reader.xrefs.total_revisions - 1
        change = change_before_signing(reader, base, until)
    except Exception as exc:  # a damaged structure cannot be shown to be harmless
        return [
            (
                REJECTED,
                "What the returned file adds to the document we issued cannot be read: its "
                f"later part is damaged ({_short(exc)}).",
            )
        ], _short(exc, 500)
    if change is None:
        return [], ""
    what = change.what[0].upper() + change.what[1:]
    if not signed:
        return [(REJECTED, f"{what} after the document was issued.")], change.technical
    first = checks[signed[0][1]]
    who = (
        f"the document time-stamp “{first.field_name}”"
        if first.kind != "signature"
        else f"the signature of {first.signer_name} (field “{first.field_name}”)"
    )
    return [
        (
            REJECTED,
            f"{what} before it was signed: between the document we issued and {who}, the "
            "file was edited, so what was signed is not the document we issued.",
        )
    ], change.technical


_NOT_BUILT_ON_ISSUED = (
    "The returned file begins with the document we issued, but what follows does not add "
    "to it: it replaces it with another document (its cross-reference chain does not "
    "lead back to the issued copy)."
)


def _moment(at: dt.datetime | None, anchors) -> dt.datetime:
    if isinstance(anchors, ValidationContext):
        if at is not None:
            raise ConventioError(
                "give either `at` or a ValidationContext (which has its own moment), not both"
            )
        return anchors.moment
    if at is None:
        return dt.datetime.now(dt.UTC).replace(microsecond=0)
    if at.tzinfo is None or at.utcoffset() is None:
        raise ConventioError(f"the moment to check at ({at.isoformat()}) needs a time zone")
    return at


def _check_roles(roles: Sequence[str]) -> tuple[str, ...]:
    if isinstance(roles, str | bytes):
        raise ConventioError(f"signing roles must be a list of names, not the text {roles!r}")
    return tuple(roles)


def _as_bytes(data):
    return bytes(data) if isinstance(data, bytearray | memoryview) else data


def unreadable(data: bytes) -> str | None:
    """Why `data` is not a complete, readable, unencrypted PDF, in plain words; or None."""
    if not isinstance(data, bytes):
        return f"is not a file's content (it is a {type(data).__name__})."
    if not data:
        return "is empty."
    if not data.startswith(b"%PDF-"):
        head = data.lstrip()[:8]
        if head.startswith(b"PK"):
            kind = " (it looks like a Word document or another ZIP file)"
        elif head[:1] == b"<":
            kind = " (it looks like a web page or an XML file)"
        else:
            kind = ""
        return f"is not a PDF{kind}."
    if b"%%EOF" not in data[-2048:]:
        return (
            "is incomplete: it stops before the end of the PDF (it was cut off, for "
            "instance during an upload or by an e-mail program)."
        )
    try:
        reader = open_pdf(data)
        encrypted = reader.is_encrypted
    except InvalidPdf as exc:
        return f"is damaged: it cannot be read as a PDF ({_short(exc)})."
    if encrypted:
        return (
            "is protected by a password (encrypted), so it cannot be checked; ask for a "
            "copy without protection."
        )
    return None


def _plain_error(exc: ConventioError) -> str:
    text = str(exc)
    if "two identities" in text:
        return (
            "carries two different document identities (in its information dictionary and "
            "in its XMP metadata): someone changed one of them."
        )
    return f"is damaged: its identity cannot be read ({_short(exc)})."


def _short(exc: BaseException, limit: int = 200) -> str:
    text = one_line(str(exc)) or type(exc).__name__
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _accepted_reason(people: list[SignatureCheck], missing: tuple[str, ...]) -> str:
    who = _join([f"{c.signer_name} (for the {c.role})" for c in people])
    text = (
        f"Signed by {who}. The returned file is the document we issued; every signature "
        "is intact, made with a certificate from a trusted authority, and nothing but "
        "signing happened after it."
    )
    if missing:
        text += f" Still to sign: {_join([f'the {r}' for r in missing])}."
    return text


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _when(moment: dt.datetime | None) -> str:
    if moment is None:
        return "an unknown date"
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")


# --- one signature ------------------------------------------------------------------


@dataclass(frozen=True)
class _Who:
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


def _who(certificate: asn1_x509.Certificate | None) -> _Who:
    if certificate is None:
        return _Who("an unknown signer", "", "", "", "", "", None, None, False, True)
    der = certificate.dump()
    parsed = x509.load_der_x509_certificate(der)

    def common_name(name: x509.Name) -> str:
        """For messages: never with a national register number (masked)."""
        found = name.get_attributes_for_oid(NameOID.COMMON_NAME)
        text = str(found[0].value) if found else name.rfc4514_string() or "an unnamed signer"
        return mask_national_numbers(text)

    return _Who(
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


def _role_of(field: str) -> str | None:
    if field.startswith(FIELD_PREFIX) and len(field) > len(FIELD_PREFIX):
        return field[len(FIELD_PREFIX) :]
    return None


def _check_one(signature, anchors, moment: dt.datetime, roles: tuple[str, ...]):
    field = str(signature.field_name or "")
    role = _role_of(field)
    try:
        certificate = signature.signer_cert
    except Exception:  # a signature whose CMS data is unreadable
        certificate = None
    try:
        who = _who(certificate)
    except ValueError:
        who = _who(None)
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
        return SignatureCheck(
            field_name=field,
            role=role,
            kind="signature",
            **who.certificate_fields(),
            claimed_signing_time=None,
            timestamped_at=None,
            timestamp_trusted=None,
            intact=False,
            valid=False,
            trusted=False,
            trust_problem=None,
            coverage="",
            modification_level=None,
            docmdp_ok=None,
            signed_until=_signed_until(signature),
            verdict=REJECTED,
            reason=(
                f"The signature in the field “{field}” cannot be checked: it is damaged or "
                f"of a kind we do not know ({_short(exc)})."
            ),
            technical=_short(exc, 500),
        )
    return _judge(signature, status, who, field, role, roles, is_timestamp, moment)


def _signed_until(signature) -> int:
    try:
        byte_range = list(signature.sig_object["/ByteRange"])
        return int(byte_range[2]) + int(byte_range[3])
    except Exception:
        return 0


def _judge(signature, status, who: _Who, field, role, roles, is_timestamp, moment):
    coverage = status.coverage.name if status.coverage is not None else ""
    level = status.modification_level.name if status.modification_level is not None else None
    indic = status.trust_problem_indic
    if is_timestamp:
        timestamped_at, timestamp_trusted = status.timestamp, status.trusted
        claimed = None
    else:
        claimed = status.signer_reported_dt
        token = status.timestamp_validity
        timestamped_at = token.timestamp if token is not None else None
        timestamp_trusted = None if token is None else bool(token.trusted)

    kind = "document time-stamp" if is_timestamp else "signature"
    if is_timestamp:
        label = f"The document time-stamp in the field “{field}” (by {who.name})"
        after = f"After the document time-stamp “{field}” was added"
    else:
        label = f"The signature of {who.name} (field “{field}”)"
        after = f"After {who.name} signed (field “{field}”)"
    found: list[tuple[str, str]] = []

    if not status.intact:
        found.append(
            (
                REJECTED,
                f"{label} no longer matches the file: the file was altered after it was "
                "signed (tampered with).",
            )
        )
    elif not status.valid:
        found.append((REJECTED, f"{label} is broken: its cryptographic check fails."))

    if not is_timestamp and role not in roles:
        places = _join([f"“{FIELD_PREFIX}{r}”" for r in roles]) or "none"
        found.append(
            (
                REJECTED,
                f"{who.name} signed in the field “{field}”, which is not a signature place "
                f"of this document (its places are {places}).",
            )
        )

    if status.intact and status.valid:
        if coverage not in ("ENTIRE_FILE", "ENTIRE_REVISION"):
            found.append(
                (
                    REJECTED,
                    f"{label} covers only part of the file, so the rest could say anything.",
                )
            )
        elif coverage == "ENTIRE_FILE":
            pass  # nothing after it
        elif level is None:
            found.append(
                (
                    REJECTED,
                    f"{after}, the file was changed, and the change cannot even be analysed "
                    "(that later part of the file is damaged).",
                )
            )
        elif level == "ANNOTATIONS":
            found.append(
                (
                    REVIEW,
                    f"{after}, comments or other markings were added to the file. The signed "
                    "text is unchanged, but a person should look at them.",
                )
            )
        elif level not in _HARMLESS_AFTER or status.docmdp_ok is False:
            found.append(
                (
                    REJECTED,
                    f"{after}, the file was edited: a later change altered its pages or "
                    "content, so what it shows now is not what was signed.",
                )
            )
        if not status.trusted:
            found.append((REJECTED, _trust_reason(status, who, moment, is_timestamp)))
        if timestamp_trusted is False and not is_timestamp:
            token = status.timestamp_validity
            if not (token.intact and token.valid):
                found.append(
                    (
                        REVIEW,
                        f"The time-stamp on the signature of {who.name} is damaged, so the "
                        "signing time it gives cannot be relied on; a person should look.",
                    )
                )

    verdict = max((v for v, _ in found), key=_SEVERITY.__getitem__, default=ACCEPTED)
    if verdict == ACCEPTED:
        if is_timestamp:
            reason = f"Document time-stamp of {_when(timestamped_at)} by {who.name}: intact."
        else:
            after_it = (
                "nothing was changed after it"
                if level in (None, "NONE")
                else "only signing happened after it"
            )
            reason = (
                f"Signed by {who.name} for the {role}: the signature is intact, the "
                f"certificate chains to a trusted root, and {after_it}."
            )
    else:
        reason = " ".join(text for v, text in found if v != ACCEPTED)
    technical = "; ".join(
        part
        for part in (
            f"intact={status.intact} valid={status.valid} trusted={status.trusted}",
            f"trust_problem={indic.name}" if indic is not None else "",
            f"coverage={coverage} modification_level={level} docmdp_ok={status.docmdp_ok}",
            _short(status.diff_result, 300) if _is_suspicious(status) else "",
        )
        if part
    )
    return SignatureCheck(
        field_name=field,
        role=role,
        kind=kind,
        **who.certificate_fields(),
        claimed_signing_time=claimed,
        timestamped_at=timestamped_at,
        timestamp_trusted=timestamp_trusted,
        intact=bool(status.intact),
        valid=bool(status.valid),
        trusted=bool(status.trusted),
        trust_problem=indic.name if indic is not None else None,
        coverage=coverage,
        modification_level=level,
        docmdp_ok=status.docmdp_ok,
        signed_until=_signed_until(signature),
        verdict=verdict,
        reason=reason,
        technical=technical,
    )


def _is_suspicious(status) -> bool:
    level = status.modification_level
    return status.diff_result is not None and (level is None or level.name == "OTHER")


def _trust_reason(status, who: _Who, moment: dt.datetime, is_timestamp: bool) -> str:
    indic = status.trust_problem_indic
    subject = f"The document time-stamp by {who.name}" if is_timestamp else f"Signed by {who.name}"
    if who.not_valid_after is not None and moment > who.not_valid_after:
        return (
            f"{subject} with a certificate that expired on {_when(who.not_valid_after)}, "
            f"before the signature was checked ({_when(moment)})."
        )
    if who.not_valid_before is not None and moment < who.not_valid_before:
        return (
            f"{subject} with a certificate that is only valid from "
            f"{_when(who.not_valid_before)}, after the moment of the check ({_when(moment)})."
        )
    if indic in _EXPIRED:
        return (
            f"{subject}, but a certificate in the chain above theirs expired "
            f"({_when(status.error_time_horizon)})."
        )
    if indic in _NOT_YET_VALID:
        return f"{subject}, but a certificate in the chain above theirs is not valid yet."
    if indic in _REVOKED:
        return f"{subject} with a certificate that has been revoked (withdrawn)."
    if indic is AdESIndeterminate.SIG_CONSTRAINTS_FAILURE or not who.for_signing:
        return (
            f"{subject} with a certificate that is not meant for signing documents (for "
            "instance the authentication certificate of an eID card instead of its "
            "signature certificate)."
        )
    if indic in _NO_CHAIN or indic is None:
        origin = (
            "it is self-signed"
            if who.self_signed
            else f"it was issued by “{who.issuer_name}”, which is not a trusted authority"
        )
        return f"{subject}, whose certificate does not chain to a trusted root ({origin})."
    return f"{subject}, whose certificate cannot be trusted ({indic.name})."
