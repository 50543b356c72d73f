"""Importing returned signed PDFs: match each to the document issued, check its
signatures, and record who signed. A file is kept in the store whatever the
verdict, so a refused copy can be looked at later."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.errors import ConventioError
from signatures.register import Record, Register

#: the subject attribute that carries the national register number on a
#: Belgian eID certificate: never recorded
_SERIAL = re.compile(r"(^|,)\s*(serialNumber|SERIALNUMBER|2\.5\.4\.5)=(\\,|[^,])*")


@dataclass(frozen=True)
class ImportOutcome:
    path: str
    sha256: str
    verdict: str  # accepted | review | rejected
    reason: str
    document_id: str | None = None
    recorded: tuple[str, ...] = ()
    already_signed: tuple[str, ...] = ()


def without_serial_number(subject: str) -> str:
    """A certificate subject without its serial number (on an eID card, the
    holder's national register number)."""
    return _SERIAL.sub("", subject).strip(", ")


def _details(signature: Any, sha256: str) -> dict[str, Any]:
    def when(value: dt.datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "field": signature.field_name,
        "signer": without_serial_number(signature.subject),
        "issuer": without_serial_number(signature.issuer),
        "certificate_sha256": signature.fingerprint,
        "claimed_signing_time": when(signature.claimed_signing_time),
        "timestamped_at": when(signature.timestamped_at),
        "coverage": str(signature.coverage),
        "modification_level": str(signature.modification_level),
        "verdict": signature.verdict,
        "returned_sha256": sha256,
    }


def import_returned(
    register: Register,
    paths: Iterable[Path],
    trust_folder: Path,
    *,
    now: dt.datetime | None = None,
) -> list[ImportOutcome]:
    from generator.pdf.finish import read_identity
    from signatures.pdfcheck import check_returned, load_trust_roots

    roots = load_trust_roots(trust_folder)
    outcomes = []
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            outcomes.append(
                ImportOutcome(str(path), "", "rejected", f"cannot read: {exc.strerror}")
            )
            continue
        sha = register.store.put(data)
        outcomes.append(
            _import_one(register, str(path), data, sha, roots, now, read_identity, check_returned)
        )
    return outcomes


def _import_one(register, path, data, sha, roots, now, read_identity, check_returned):
    try:
        identity = read_identity(data)
    except Exception:  # a damaged file: the check below says so in words
        identity = None
    if identity is None:
        return ImportOutcome(
            path,
            sha,
            "rejected",
            "this file carries no conventio identity: it was not issued here, or it is not a PDF",
        )
    document_id = identity[0]
    try:
        issued = register.issued_document(document_id)
        issued_pdf = register.issued_file_bytes(document_id, "pdf")
    except ConventioError as exc:
        return ImportOutcome(
            path, sha, "rejected", f"never issued as a PDF here: {exc}", document_id
        )
    check = check_returned(issued_pdf, data, roots, issued.required_roles, at=now)
    if not check.accepted:
        return ImportOutcome(path, sha, check.verdict, check.reason, document_id)
    already = tuple(register.status(document_id).signed)
    signers = issued.data.get("signers", {})
    records = [
        Record(
            document_id,
            "signed",
            s.role,
            signers.get(s.role),
            data,
            None,
            False,
            _details(s, sha),
            now,
        )
        for s in check.signatures
        if s.role and s.role not in already
    ]
    if records:
        # checked above: verified signatures, not manual records
        register.record_many(records, verified=True)
    return ImportOutcome(
        path,
        sha,
        "accepted",
        check.reason,
        document_id,
        tuple(r.role for r in records),
        tuple(r for r in already),
    )


def outcomes_text(outcomes: list[ImportOutcome], register: Register) -> tuple[bool, str]:
    lines = []
    for o in outcomes:
        head = f"{o.path}: {o.verdict}"
        if o.document_id:
            head += f" ({o.document_id})"
        lines.append(f"{head}: {o.reason}")
        if o.recorded:
            lines.append(f"  recorded signatures: {', '.join(o.recorded)}")
        if o.already_signed:
            lines.append(f"  already signed before: {', '.join(o.already_signed)}")
        if o.verdict != "accepted":
            lines.append(f"  kept for review in the store as {o.sha256}")
    accepted = sum(o.verdict == "accepted" for o in outcomes)
    lines.append(f"{accepted} of {len(outcomes)} file(s) accepted")
    lines.append(register.head_text())
    return accepted == len(outcomes), "\n".join(lines) + "\n"
