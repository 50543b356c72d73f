"""The events a caller records about an issued document (sent, signed,
declined, superseded, voided, reminder), checked before they are written:
what can be checked alone first, then against the document's `issued` event.

A signature or a refusal is a manual record unless it is `verified`: a
signature read from a returned PDF whose signatures `conventio signatures
import` checked (and which it keeps as the evidence). Every other `signed` or
`declined` event, whatever the caller says about `manual`, is marked manual
and needs its evidence (the scanned paper, the letter) and a reason."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.errors import ConventioError, one_line
from signatures import log
from signatures.log import Event
from signatures.privacy import refuse_nrn
from signatures.roles import ROLES
from signatures.status import KINDS

#: the kinds that take a role (True: must): who signed, declined, was sent or reminded
ROLE_KINDS = {"signed": True, "declined": False, "sent": False, "reminder": False}
#: the kinds that need a reason
REASON_KINDS = ("superseded", "voided")
#: the kinds that are manual records unless verified by the import
HAND_KINDS = ("signed", "declined")
#: the only kind a verified import records
VERIFIED_KINDS = ("signed",)
#: the kind of event that may name no issued document: a returned file that names
#: none (not a PDF, no identity, a document never issued here) is still a receipt
RECEIPT = "received"
#: the document id of such a receipt
NO_DOCUMENT = ""


def names_no_document(record: Record) -> bool:
    """A receipt of a file that names no document issued here."""
    return record.kind == RECEIPT and record.document_id == NO_DOCUMENT


@dataclass(frozen=True)
class Record:
    """One event to record about an issued document."""

    document_id: str
    kind: str
    role: str | None = None
    #: the party who acted (an id), when known
    party: str | None = None
    evidence: bytes | None = None
    reason: str | None = None
    manual: bool = False
    details: Mapping[str, Any] | None = None
    now: dt.datetime | None = None


def _plain(value: str | None, what: str, limit: int = 200) -> None:
    if value is None:
        return
    if not isinstance(value, str) or not value or len(value) > limit or one_line(value) != value:
        raise ConventioError(f"{what} must be a plain id of at most {limit} characters")
    refuse_nrn(value, what)


def is_manual(record: Record, verified: bool = False) -> bool:
    """Whether the event is a manual record: said so, or a signature or
    refusal that no verified import vouches for."""
    if record.manual:
        return True
    return record.kind in HAND_KINDS and not (verified and record.kind in VERIFIED_KINDS)


def check_record(record: Record, verified: bool = False) -> None:
    """What can be checked without the register: kind, role, manual record
    (with `verified`, a signature checked by the import: see the module)."""
    where = f"{record.document_id}: {record.kind}"
    _check_what(record, where)
    _check_proof(record, verified, where)
    _check_values(record, where)


def _check_what(record: Record, where: str) -> None:
    """The document, the kind of event and the role."""
    if record.document_id == NO_DOCUMENT and not names_no_document(record):
        raise ConventioError(f"a {record.kind} event must name the document it concerns")
    if names_no_document(record) and (record.role is not None or record.evidence is None):
        raise ConventioError(
            "a receipt that names no issued document keeps the file received as its "
            "evidence, and no role"
        )
    if record.kind == "issued":
        raise ConventioError(
            f"{record.document_id}: documents are issued from a generation manifest "
            "(issue_from_manifest), not recorded by hand"
        )
    if record.kind not in KINDS:
        raise ConventioError(
            f"{record.document_id}: unknown event {record.kind!r}; "
            f"one of {', '.join(k for k in KINDS if k != 'issued')}"
        )
    if record.role is not None and record.role not in ROLES:
        raise ConventioError(f"{where}: unknown role {record.role!r}; one of {', '.join(ROLES)}")
    if record.role is None and ROLE_KINDS.get(record.kind):
        raise ConventioError(f"{where}: say which role signed ({', '.join(ROLES)})")
    if record.role is not None and record.kind not in ROLE_KINDS:
        raise ConventioError(f"{where}: a {record.kind} event concerns the whole document, no role")


def _check_proof(record: Record, verified: bool, where: str) -> None:
    """The evidence and the reason a kind of event needs."""
    if is_manual(record, verified) and (
        record.evidence is None or not (record.reason or "").strip()
    ):
        hand = (
            f"; a {record.kind} event that does not come from a signed PDF checked by "
            "`conventio signatures import` is a manual record"
            if record.kind in HAND_KINDS
            else ""
        )
        raise ConventioError(
            f"{where}: a manual record needs its evidence (the scanned paper, the letter: "
            f"--evidence FILE) and a reason (--reason){hand}"
        )
    if verified and record.kind in VERIFIED_KINDS and record.evidence is None:
        raise ConventioError(f"{where}: a verified signature keeps the signed file as evidence")
    if record.kind in REASON_KINDS and not (record.reason or "").strip():
        raise ConventioError(f"{where}: say why (a reason)")


def _check_values(record: Record, where: str) -> None:
    """What the caller gives as values: bytes, plain ids, text and JSON without a NUL
    character or a national register number."""
    if record.evidence is not None and not isinstance(record.evidence, bytes | bytearray):
        raise ConventioError(f"{where}: the evidence must be the bytes of a file")
    _plain(record.party, f"{where}: the party")
    if record.reason is not None:
        if "\x00" in record.reason:
            raise ConventioError(f"{where}: the reason holds a NUL character")
        refuse_nrn(record.reason, f"{where}: the reason")
    if record.details is not None:
        if not isinstance(record.details, Mapping):
            raise ConventioError(f"{where}: details must be a mapping")
        try:
            text = log.canonical_details(dict(record.details))
        except (TypeError, ValueError) as error:
            raise ConventioError(f"{where}: details must be plain JSON data ({error})") from None
        if "\\u0000" in text:
            raise ConventioError(f"{where}: the details hold a NUL character")
        refuse_nrn(dict(record.details), f"{where}: the details")


def draft_event(
    record: Record,
    issued: Event | None,
    evidence: str | None,
    at: dt.datetime,
    verified: bool = False,
) -> dict[str, Any]:
    """The event's columns, once the document is known to have been issued (or,
    for a receipt that names no issued document, `issued` None)."""
    where = f"{record.document_id}: {record.kind}"
    if issued is None:
        if not names_no_document(record):
            raise ConventioError(f"{where}: the document was never issued")
        return _columns(record, "", "", evidence, at, verified)
    if record.role is not None and record.role not in issued.required_roles:
        required = ", ".join(issued.required_roles) or "no one"
        raise ConventioError(
            f"{where}: {record.role} does not sign this document (signed by: {required})"
        )
    expected = issued.data.get("signers", {}).get(record.role) if record.role else None
    if record.kind == "signed" and record.party and expected and record.party != expected:
        raise ConventioError(
            f"{where}: {record.party} is not the {record.role} of this document ({expected})"
        )
    return _columns(record, issued.source, issued.party, evidence, at, verified)


def _columns(
    record: Record,
    source: str,
    party: str,
    evidence: str | None,
    at: dt.datetime,
    verified: bool,
) -> dict[str, Any]:
    return {
        "at": log.format_time(at),
        "kind": record.kind,
        "document_id": record.document_id,
        "source": source,
        "party": party,
        "role": record.role,
        "actor": record.party,
        "manual": is_manual(record, verified),
        "evidence_sha256": evidence,
        "reason": record.reason,
        "roles": None,
        "details": log.canonical_details(dict(record.details or {})),
    }
