"""Importing returned signed PDFs: read each file, match it to the document issued,
check its signatures, and record what was received and who signed.

Every file gets its own verdict (accepted, review or rejected) with a reason in plain
words; one bad file never stops the others.

- Reading (`returned_file.read_returned`): only a regular file is read (not a folder, a
  device such as /dev/zero, a pipe), and at most `MAX_RETURNED_BYTES` (50 MB): a larger
  file is refused unread.
- Storing: every file that could be read is kept in the store, named by its SHA-256,
  whatever its verdict, so that a refused copy can be looked at later.
- The log: a file that names a document issued here gives a `received` event on that
  document (its verdict and reason, the file as evidence) and, when accepted, a `signed`
  event per role it newly signs, all in one transaction. A `received` event does not
  change the document's state. A file that could be read but names no document issued
  here (not a PDF, no conventio identity, a document this register does not know) gives a
  `received` event of its own, with no document id (and the document it names, if any,
  in its details), so the log shows every file received. A path that could not be read
  (missing, a folder, a device, too large) gives no event: nothing was received.
- Refused before any check: a document that is voided, superseded or declined (its
  signing has ended: the state would not change, so a signature on it is not recorded).
- Who signs: two roles need two certificates (except the network and its hospital), a
  party signs with the certificates its party file lists, or else with the one it used
  first, and a certificate registered for one party does not sign for another
  (`signer_rules`).

No national register number is printed or recorded: not in a path, a certificate's
name or subject, a reason (`generator.privacy` masks them).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ConventioError
from generator.privacy import mask_national_numbers
from signatures.log import Event
from signatures.reasons import Finding, Reason, Verdict, error_text, rejected
from signatures.records import NO_DOCUMENT
from signatures.register import Record, Register
from signatures.returned_file import MAX_RETURNED_BYTES, Unreadable, read_returned
from signatures.signer_rules import KnownCertificate, PartySigner, SignerRules
from signatures.status import DECLINED, ENDINGS, SUPERSEDED
from signatures.wording import say
from signatures.wording.english import PHRASES

#: the subject attribute that carries the national register number on a
#: Belgian eID certificate: never recorded
_SERIAL = re.compile(r"(^|,)\s*(serialNumber|SERIALNUMBER|2\.5\.4\.5)=(\\,|[^,])*")


@dataclass(frozen=True)
class ImportOutcome:
    #: the file as given, any national register number in it masked
    path: str
    #: the stored file's SHA-256; "" when nothing could be read (nothing stored)
    sha256: str
    verdict: Verdict
    reason: str
    document_id: str | None = None
    recorded: tuple[str, ...] = ()
    already_signed: tuple[str, ...] = ()
    #: the receipt is in the log (a `received` event on `document_id`)
    logged: bool = False
    #: the file names no document issued here: its receipt belongs to none
    unattached: bool = False


def without_serial_number(subject: str) -> str:
    """A certificate subject without its serial number (on an eID card, the
    holder's national register number), any other such number masked."""
    return mask_national_numbers(_SERIAL.sub("", subject).strip(", "))


def import_returned(
    register: Register,
    paths: Iterable[Path | str],
    trust_folder: Path,
    *,
    parties: Any | None = None,
    now: dt.datetime | None = None,
    limit: int = MAX_RETURNED_BYTES,
) -> list[ImportOutcome]:
    """Check and record each returned file; one outcome per file, in order.
    `parties`: the party register (`load_parties`), for the certificates parties list."""
    from signatures.pdfcheck import load_trust_roots

    roots = load_trust_roots(trust_folder)
    outcomes = []
    for path in paths:
        shown = mask_national_numbers(str(path))
        try:
            data = read_returned(path, limit)
        except Unreadable as exc:
            outcomes.append(ImportOutcome(shown, "", Verdict.REJECTED, str(exc)))
            continue
        sha = register.store.put(data)
        receipt = _Receipt(shown, Path(path).name, data, sha)
        outcomes.append(_import_one(register, receipt, roots, parties, now))
    return outcomes


@dataclass(frozen=True)
class _Receipt:
    shown: str
    name: str
    data: bytes
    sha: str

    def outcome(self, verdict: Verdict, reason: str, document_id: str | None = None, **more):
        return ImportOutcome(self.shown, self.sha, verdict, reason, document_id, **more)


def _import_one(register: Register, receipt: _Receipt, roots, parties, now) -> ImportOutcome:
    from signatures.pdfcheck.facts import file_problem, read_identity_of

    def unattached(finding: Finding, named: str | None = None) -> ImportOutcome:
        """Refused before it could be matched to an issued document: logged as a
        receipt of its own, so that the log shows every file received."""
        reason = mask_national_numbers(say(finding))
        logged = _log_receipt(register, None, receipt, Verdict.REJECTED, reason, now, named=named)
        return receipt.outcome(Verdict.REJECTED, reason, named, logged=logged, unattached=True)

    problem = file_problem(receipt.data)
    if problem:
        return unattached(rejected(Reason.RECEIVED_FILE_UNUSABLE, problem=problem))
    identity, _ = read_identity_of(receipt.data)
    if identity is None:
        return unattached(rejected(Reason.NO_CONVENTIO_IDENTITY))
    document_id = mask_national_numbers(identity[0])
    try:
        issued = register.issued_document(identity[0])
    except ConventioError:
        return unattached(rejected(Reason.NEVER_ISSUED_HERE, document_id=document_id), document_id)

    def refused(verdict: Verdict, reason: str, technical: str = "") -> ImportOutcome:
        reason = mask_national_numbers(reason)
        logged = _log_receipt(register, issued, receipt, verdict, reason, now, technical)
        return receipt.outcome(verdict, reason, document_id, logged=logged)

    try:
        issued_pdf = register.issued_file_bytes(issued.document_id, "pdf")
    except ConventioError as exc:
        return refused(Verdict.REJECTED, say(rejected(Reason.NOT_ISSUED_AS_PDF, error=str(exc))))
    ended = _ended(register, issued)
    if ended:
        return refused(Verdict.REJECTED, ended)
    try:
        check = _check(register, issued, issued_pdf, receipt.data, roots, parties, now)
    except Exception as exc:  # a hostile file must not stop the batch: a refusal
        unchecked = rejected(Reason.FILE_NOT_CHECKABLE, error=error_text(exc))
        return refused(Verdict.REJECTED, say(unchecked))
    if not check.accepted:
        return refused(check.verdict, check.reason, _technical(check))
    return _record_signatures(register, issued, receipt, check, now)


def _check(register, issued: Event, issued_pdf: bytes, data: bytes, roots, parties, now):
    from signatures.pdfcheck import check_returned

    rules = signer_rules(register, issued, parties)
    return check_returned(issued_pdf, data, roots, issued.required_roles, at=now, signers=rules)


def _ended(register: Register, issued: Event) -> str | None:
    """Why signatures on this document are no longer recorded, or None."""
    status = register.status(issued.document_id)
    if status.state not in ENDINGS:
        return None
    events = [e for e in register.events(issued.document_id) if e.seq > issued.seq]
    last = next((e for e in reversed(events) if e.kind == status.state), None)
    reason = {
        DECLINED: Reason.DOCUMENT_DECLINED,
        SUPERSEDED: Reason.DOCUMENT_SUPERSEDED,
    }.get(status.state, Reason.DOCUMENT_VOIDED)
    finding = rejected(
        reason,
        ended_at=status.ended_at,
        reason=last.reason if last is not None else None,
        role=last.role if last is not None else None,
    )
    return say(finding)


def signer_rules(register: Register, issued: Event, parties: Any | None) -> SignerRules:
    """What the signers of this document must match: for each role, the party that
    signs in it with the certificates its party file lists (when `parties` is given) or
    the certificate of its first accepted signature in that role; and the certificates
    already recorded on this document since it was issued; and, for any certificate, the
    parties it signed for before (a certificate signs for one party)."""
    recorded: dict[str, KnownCertificate] = {}
    for event in register.events(issued.document_id):
        if event.seq > issued.seq and event.kind == "signed" and event.role:
            known = _known(event)
            if known is not None:
                recorded.setdefault(event.role, known)
    by_role: dict[str, PartySigner] = {}
    for role, party in issued.data.get("signers", {}).items():
        if not party:
            continue
        listed: tuple[str, ...] = ()
        if parties is not None and party in parties:
            listed = tuple(parties.get(party).signing_certificates)
        learned = None
        if not listed:
            learned = next(
                (
                    known
                    for event in register.acted_by(party)
                    if event.kind == "signed" and event.role == role
                    for known in [_known(event)]
                    if known is not None
                ),
                None,
            )
        by_role[role] = PartySigner(party, listed, learned)

    def registered_with(fingerprint: str) -> list[KnownCertificate]:
        return [k for k in map(_known, register.signed_with(fingerprint)) if k is not None]

    return SignerRules(parties=by_role, recorded=recorded, registered_with=registered_with)


def _known(event: Event) -> KnownCertificate | None:
    data = event.data
    fingerprint = data.get("certificate_sha256")
    if not fingerprint:
        return None
    return KnownCertificate(
        fingerprint,
        data.get("signer_name") or data.get("signer") or PHRASES["unknown signer"],
        event.when.strftime("%Y-%m-%d"),
        event.document_id,
        party=event.actor or "",
        role=event.role or "",
    )


def _details(signature: Any, sha256: str) -> dict[str, Any]:
    def when(value: dt.datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "field": signature.field_name,
        "signer": without_serial_number(signature.subject),
        "signer_name": mask_national_numbers(signature.signer_name),
        "issuer": without_serial_number(signature.issuer),
        "certificate_sha256": signature.fingerprint,
        "claimed_signing_time": when(signature.claimed_signing_time),
        "timestamped_at": when(signature.timestamped_at),
        "coverage": str(signature.coverage),
        "modification_level": str(signature.modification_level),
        "verdict": signature.verdict,
        "returned_sha256": sha256,
    }


def _technical(check: Any, limit: int = 2000) -> str:
    """pyHanko's findings behind a refusal, in one line, for whoever investigates."""
    refused = [s.technical for s in check.signatures if s.verdict != Verdict.ACCEPTED]
    found = [check.technical, *refused]
    text = "; ".join(t for t in found if t)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _received(
    issued: Event | None,
    receipt: _Receipt,
    verdict: Verdict,
    reason: str,
    now,
    technical: str = "",
    named: str | None = None,
) -> Record:
    """The `received` event of a returned file: its verdict and reason (and pyHanko's
    findings, when refused), the file itself as evidence. Without `issued`, the file
    named no document issued here (`named`: the one it names, if any): the receipt
    then belongs to no document."""
    details = {
        "verdict": verdict,
        "file_name": mask_national_numbers(receipt.name),
        "returned_sha256": receipt.sha,
    }
    if technical:
        details["technical"] = mask_national_numbers(technical)
    if named:
        details["names_document"] = named
    return Record(
        document_id=issued.document_id if issued is not None else NO_DOCUMENT,
        kind="received",
        evidence=receipt.data,
        reason=f"{verdict}: {reason}",
        details=details,
        now=now,
    )


def _log_receipt(register, issued, receipt, verdict, reason, now, technical="", named=None) -> bool:
    try:
        register.record_many([_received(issued, receipt, verdict, reason, now, technical, named)])
    except ConventioError:
        return False
    return True


def _record_signatures(register, issued: Event, receipt: _Receipt, check, now) -> ImportOutcome:
    document_id = issued.document_id
    already = tuple(register.status(document_id).signed)
    signers = issued.data.get("signers", {})
    signed = [
        Record(
            document_id=document_id,
            kind="signed",
            role=s.role,
            party=signers.get(s.role),
            evidence=receipt.data,
            details=_details(s, receipt.sha),
            now=now,
        )
        for s in check.signatures
        if s.role in check.signed_roles and s.role not in already
    ]
    reason = mask_national_numbers(check.reason)
    try:
        # checked above: verified signatures, not manual records
        register.record_many(
            [_received(issued, receipt, Verdict.ACCEPTED, reason, now), *signed], verified=True
        )
    except ConventioError as exc:
        refusal = mask_national_numbers(
            say(rejected(Reason.SIGNATURES_NOT_RECORDED, error=str(exc)))
        )
        logged = _log_receipt(register, issued, receipt, Verdict.REJECTED, refusal, now)
        return receipt.outcome(Verdict.REJECTED, refusal, document_id, logged=logged)
    return receipt.outcome(
        Verdict.ACCEPTED,
        reason,
        document_id,
        recorded=tuple(r.role for r in signed),
        already_signed=already,
        logged=True,
    )
