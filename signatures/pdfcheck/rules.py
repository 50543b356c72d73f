"""The rules a returned PDF must meet: facts in (`facts`, `revisions`), findings out
(`signatures.reasons`: a reason and its weight, with the facts its sentence names),
no words (`signatures.wording` says them). Who may sign is `signatures.signer_rules`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from pyhanko.sign.ades.report import AdESFailure, AdESIndeterminate

from generator.pdf.finish import FIELD_PREFIX
from signatures.pdfcheck.facts import (
    Identity,
    ReturnedFacts,
    SignatureFacts,
    file_problem,
    read_identity_of,
)
from signatures.pdfcheck.results import SignatureCheck
from signatures.pdfcheck.revisions import BeforeSigning
from signatures.reasons import Finding, Reason, accepted, error_text, rejected, review

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


# --- the file -----------------------------------------------------------------------


def unusable(issued: bytes, returned: bytes) -> tuple[Finding | None, Identity | None]:
    """Why the two files cannot even be compared (the issued copy or the returned file is
    not a readable PDF, the issued copy carries no identity), else None and the issued
    copy's identity. Each file is read only as far as the one before it passed."""
    problem = file_problem(issued)
    if problem:
        return rejected(Reason.ISSUED_FILE_UNUSABLE, problem=problem), None
    problem = file_problem(returned)
    if problem:
        return rejected(Reason.RETURNED_FILE_UNUSABLE, problem=problem), None
    identity, problem = read_identity_of(issued)
    if problem:
        return rejected(Reason.ISSUED_IDENTITY_UNREADABLE, problem=problem), None
    if identity is None:
        return rejected(Reason.ISSUED_WITHOUT_IDENTITY), None
    return None, identity


def file_findings(facts: ReturnedFacts, issued_identity: Identity) -> list[Finding]:
    """The returned file is the issued document (its identity), and its signatures can
    be read."""
    found = []
    if facts.identity_problem:
        found.append(rejected(Reason.RETURNED_IDENTITY_UNREADABLE, problem=facts.identity_problem))
    elif facts.identity is None:
        found.append(rejected(Reason.NO_IDENTITY))
    elif facts.identity[0] != issued_identity[0]:
        found.append(
            rejected(
                Reason.OTHER_DOCUMENT, document_id=facts.identity[0], expected=issued_identity[0]
            )
        )
    elif facts.identity[1] != issued_identity[1]:
        found.append(rejected(Reason.OTHER_VERSION, document_id=facts.identity[0]))
    if facts.signatures_error is not None:
        found.append(
            rejected(Reason.SIGNATURES_UNREADABLE, error=error_text(facts.signatures_error))
        )
    return found


def before_signing_findings(
    found: BeforeSigning, checks: Sequence[SignatureCheck]
) -> tuple[list[Finding], str]:
    """Nothing but signing or form filling between the issued copy and the first
    signature (`checks`: the file's signatures, as `found` counts them); and pyHanko's
    finding, for whoever investigates."""
    if found.error is not None:
        error = found.error
        return [rejected(Reason.ADDITION_UNREADABLE, error=error_text(error))], error_text(
            error, 500
        )
    if not found.built_on_issued:
        return [rejected(Reason.NOT_BUILT_ON_ISSUED)], ""
    change = found.change
    if change is None:
        return [], ""
    if found.first_signed is None:
        return [rejected(Reason.CONTENT_CHANGED_AFTER_ISSUE, what=change.what)], change.technical
    first = checks[found.first_signed]
    finding = rejected(
        Reason.CONTENT_CHANGED_BEFORE_SIGNING,
        what=change.what,
        signer=first.signer_name,
        field=first.field_name,
        timestamp=first.kind != "signature",
    )
    return [finding], change.technical


def accepted_findings(people: Sequence[SignatureCheck], missing: Sequence[str]) -> list[Finding]:
    """Why a returned file is accepted: who signed it, and who is still to sign."""
    signed = [(c.signer_name, c.role) for c in people]
    found = [accepted(Reason.RETURNED_FILE_ACCEPTED, signed=signed)]
    if missing:
        found.append(accepted(Reason.ROLES_STILL_TO_SIGN, roles=list(missing)))
    return found


# --- one signature ------------------------------------------------------------------


def signature_findings(
    facts: SignatureFacts, roles: Sequence[str], moment: dt.datetime
) -> list[Finding]:
    """What is wrong with one signature (or document time-stamp) of the document whose
    signing `roles` these are, checked at `moment`: nothing if it is accepted."""
    if facts.error is not None:
        return [
            rejected(
                Reason.SIGNATURE_UNCHECKABLE, field=facts.field_name, error=error_text(facts.error)
            )
        ]
    who = {
        "signer": facts.certificate.name,
        "field": facts.field_name,
        "timestamp": facts.is_timestamp,
    }
    found = []
    if not facts.intact:
        found.append(rejected(Reason.SIGNATURE_TAMPERED, **who))
    elif not facts.valid:
        found.append(rejected(Reason.SIGNATURE_BROKEN, **who))
    if not facts.is_timestamp and facts.role not in roles:
        places = [FIELD_PREFIX + role for role in roles]
        found.append(rejected(Reason.NOT_A_SIGNATURE_PLACE, **who, fields=places))
    if facts.intact and facts.valid:
        found.extend(_after_signing(facts, who))
        if not facts.trusted:
            found.append(_untrusted(facts, moment, who))
        if facts.timestamp_trusted is False and not facts.is_timestamp and facts.timestamp_damaged:
            found.append(review(Reason.TIMESTAMP_DAMAGED, **who))
    return found


def accepted_finding(facts: SignatureFacts) -> Finding:
    """Why a signature (or document time-stamp) with no problem is accepted."""
    if facts.is_timestamp:
        return accepted(
            Reason.TIMESTAMP_ACCEPTED,
            signer=facts.certificate.name,
            timestamped_at=facts.timestamped_at,
        )
    return accepted(
        Reason.SIGNATURE_ACCEPTED,
        signer=facts.certificate.name,
        role=facts.role,
        signed_after=facts.modification_level not in (None, "NONE"),
    )


def _after_signing(facts: SignatureFacts, who: dict) -> list[Finding]:
    """It covers the document: the entire file, or its entire revision with only signing
    or form filling after it (pyHanko's difference analysis)."""
    if facts.coverage not in ("ENTIRE_FILE", "ENTIRE_REVISION"):
        return [rejected(Reason.PARTIAL_COVERAGE, **who)]
    if facts.coverage == "ENTIRE_FILE":
        return []  # nothing after it
    level = facts.modification_level
    if level is None:
        return [rejected(Reason.LATER_CHANGE_UNREADABLE, **who)]
    if level == "ANNOTATIONS":
        return [review(Reason.ANNOTATED_AFTER_SIGNING, **who)]
    if level not in _HARMLESS_AFTER or facts.docmdp_ok is False:
        return [rejected(Reason.EDITED_AFTER_SIGNING, **who)]
    return []


def _untrusted(facts: SignatureFacts, moment: dt.datetime, who: dict) -> Finding:
    """Why its certificate cannot be trusted at `moment`, the most precise reason first."""
    certificate, indic = facts.certificate, facts.trust_problem
    if certificate.not_valid_after is not None and moment > certificate.not_valid_after:
        return rejected(
            Reason.CERTIFICATE_EXPIRED,
            **who,
            valid_until=certificate.not_valid_after,
            checked_at=moment,
        )
    if certificate.not_valid_before is not None and moment < certificate.not_valid_before:
        return rejected(
            Reason.CERTIFICATE_NOT_YET_VALID,
            **who,
            valid_from=certificate.not_valid_before,
            checked_at=moment,
        )
    if indic in _EXPIRED:
        return rejected(Reason.CHAIN_EXPIRED, **who, horizon=facts.error_time_horizon)
    if indic in _NOT_YET_VALID:
        return rejected(Reason.CHAIN_NOT_YET_VALID, **who)
    if indic in _REVOKED:
        return rejected(Reason.CERTIFICATE_REVOKED, **who)
    if indic is AdESIndeterminate.SIG_CONSTRAINTS_FAILURE or not certificate.for_signing:
        return rejected(Reason.NOT_A_SIGNING_CERTIFICATE, **who)
    if indic in _NO_CHAIN or indic is None:
        if certificate.self_signed:
            return rejected(Reason.SELF_SIGNED, **who)
        return rejected(Reason.UNTRUSTED_ISSUER, **who, issuer=certificate.issuer_name)
    return rejected(Reason.UNTRUSTED, **who, indication=indic.name)
