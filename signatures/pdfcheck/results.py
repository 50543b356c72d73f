"""What a check of a returned PDF answers: `ReturnedCheck` for the file, with a
`SignatureCheck` for each signature in it. Verdicts and reasons are named in
`signatures.reasons`; `reason` and `problems` hold their sentences
(`signatures.wording`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from signatures.reasons import Finding, Verdict

__all__ = ["ReturnedCheck", "SignatureCheck"]


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
    verdict: Verdict
    reason: str
    #: pyHanko's findings in one line, for whoever investigates a refusal
    technical: str = ""
    #: what the checks found (`reason` says them): its problems, or why it is accepted
    findings: tuple[Finding, ...] = ()


@dataclass(frozen=True)
class ReturnedCheck:
    """What `check_returned` found. `reason` is for people; the rest for the register."""

    verdict: Verdict
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
    #: what the checks found, worst first (`problems` and `reason` say them): the
    #: problems of the file and of its signatures, or why it is accepted
    findings: tuple[Finding, ...] = ()

    @property
    def accepted(self) -> bool:
        return self.verdict is Verdict.ACCEPTED

    @property
    def complete(self) -> bool:
        """Accepted, and signed for every role."""
        return self.accepted and not self.missing_roles
