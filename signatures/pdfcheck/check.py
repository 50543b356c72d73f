"""`check_returned`: read the files (`facts`, `revisions`), apply the rules (`rules`,
`signatures.signer_rules`), say the findings (`signatures.wording`), and answer a
`ReturnedCheck` (see the package for what is checked)."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from pyhanko_certvalidator import ValidationContext

from generator.errors import ConventioError
from signatures.pdfcheck.facts import (
    Identity,
    ReturnedFacts,
    SignatureFacts,
    read_returned,
    read_signature,
)
from signatures.pdfcheck.results import ReturnedCheck, SignatureCheck
from signatures.pdfcheck.revisions import before_signing
from signatures.pdfcheck.rules import (
    accepted_finding,
    accepted_findings,
    before_signing_findings,
    file_findings,
    signature_findings,
    unusable,
)
from signatures.pdfcheck.trust import TrustRoots, trust_anchors
from signatures.reasons import Finding, Reason, Verdict, review
from signatures.signer_rules import SignerRules, signer_problems
from signatures.wording import say

__all__ = ["check_returned", "check_signature"]


@dataclass(frozen=True)
class _Problem:
    """One problem of a returned file: a finding of the file, or a refused signature
    (said in one sentence with all of its own findings)."""

    verdict: Verdict
    text: str
    findings: tuple[Finding, ...]

    @classmethod
    def of(cls, finding: Finding) -> _Problem:
        return cls(finding.verdict, say(finding), (finding,))


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
    answer = {
        "sha256": hashlib.sha256(returned if isinstance(returned, bytes) else b"").hexdigest(),
        "checked_at": moment,
    }
    refusal, issued_identity = unusable(issued, returned)
    if refusal is not None:
        return _refused(refusal, roles, answer)
    facts = read_returned(issued, returned)
    checks = tuple(
        check_signature(read_signature(s, anchors, moment), roles, moment) for s in facts.embedded
    )
    problems, answer["technical"], refused = _problems(
        issued, facts, issued_identity, checks, roles, signers or SignerRules()
    )
    people = [c for c in checks if c.kind == "signature"]
    signed = {c.role for c in people if c.verdict == Verdict.ACCEPTED and c.role not in refused}
    missing = tuple(r for r in roles if r not in signed)
    findings = [f for p in problems for f in p.findings] or accepted_findings(people, missing)
    return ReturnedCheck(
        verdict=Verdict.worst(p.verdict for p in problems),
        reason=" ".join(p.text for p in problems) or " ".join(map(say, findings)),
        problems=tuple(p.text for p in problems),
        document_id=facts.identity[0] if facts.identity else None,
        content_hash=facts.identity[1] if facts.identity else None,
        identity_matches=facts.identity == issued_identity,
        prefix_ok=facts.prefix_ok,
        signatures=checks,
        signed_roles=tuple(r for r in roles if r in signed),
        missing_roles=missing,
        findings=tuple(findings),
        **answer,
    )


def _problems(
    issued: bytes,
    facts: ReturnedFacts,
    issued_identity: Identity,
    checks: tuple[SignatureCheck, ...],
    roles: tuple[str, ...],
    signers: SignerRules,
) -> tuple[list[_Problem], str, set[str]]:
    """Every problem of the returned file, worst first; pyHanko's finding about a change
    before the first signature ("" if none); and the roles whose signature is refused
    for who signed it."""
    problems = [_Problem.of(f) for f in file_findings(facts, issued_identity)]
    technical = ""
    if facts.prefix_ok and facts.reader is not None:
        found = before_signing(issued, facts.reader, facts.embedded)
        early, technical = before_signing_findings(found, checks)
        problems.extend(map(_Problem.of, early))
    if not any(c.kind == "signature" for c in checks):
        problems.append(_Problem.of(Finding(Reason.NO_SIGNATURE)))
    problems.extend(
        _Problem(c.verdict, c.reason, c.findings) for c in checks if c.verdict != Verdict.ACCEPTED
    )
    refused_already = any(p.verdict is Verdict.REJECTED for p in problems)
    if facts.identity == issued_identity and not facts.prefix_ok and not refused_already:
        # the signatures hold, but over a file that is not byte for byte what we issued
        problems.append(_Problem.of(review(Reason.FILE_REWRITTEN)))
    breaches = signer_problems(checks, roles, signers)
    problems.extend(_Problem.of(breach.finding) for breach in breaches)
    problems.sort(key=lambda p: -p.verdict.severity)
    return problems, technical, {role for breach in breaches for role in breach.roles}


def check_signature(
    facts: SignatureFacts, roles: Sequence[str], moment: dt.datetime
) -> SignatureCheck:
    """The verdict on one signature (or document time-stamp), with the facts the
    register records."""
    found = signature_findings(facts, roles, moment)
    verdict = Verdict.worst(f.verdict for f in found)
    if verdict is Verdict.ACCEPTED:
        found = [accepted_finding(facts)]
    indic = facts.trust_problem
    return SignatureCheck(
        field_name=facts.field_name,
        role=facts.role,
        kind="document time-stamp" if facts.is_timestamp else "signature",
        **facts.certificate.certificate_fields(),
        claimed_signing_time=facts.claimed_signing_time,
        timestamped_at=facts.timestamped_at,
        timestamp_trusted=facts.timestamp_trusted,
        intact=facts.intact,
        valid=facts.valid,
        trusted=facts.trusted,
        trust_problem=indic.name if indic is not None else None,
        coverage=facts.coverage,
        modification_level=facts.modification_level,
        docmdp_ok=facts.docmdp_ok,
        signed_until=facts.signed_until,
        verdict=verdict,
        reason=" ".join(say(f) for f in found),
        technical=facts.technical,
        findings=tuple(found),
    )


def _refused(finding: Finding, roles: tuple[str, ...], answer: dict) -> ReturnedCheck:
    """The answer for files that cannot even be compared."""
    reason = say(finding)
    return ReturnedCheck(
        verdict=Verdict.REJECTED,
        reason=reason,
        problems=(reason,),
        document_id=None,
        content_hash=None,
        identity_matches=False,
        prefix_ok=False,
        signatures=(),
        signed_roles=(),
        missing_roles=roles,
        findings=(finding,),
        **answer,
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
