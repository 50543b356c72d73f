"""Finding events by a hash they hold: the stored files named by events (issued
files, manifests, evidence), the documents issued with a content hash, the
signatures made with a certificate, and every file the log names (to check the
store). Each function reads through a connection the register opened."""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlalchemy as sa

from signatures import db, log
from signatures.log import Event


@dataclass(frozen=True)
class Found:
    document_id: str
    #: "issued pdf", "issued docx", "manifest", "evidence of event #12 (signed hospital)"
    what: str
    seq: int


def _events(connection: sa.Connection, where: sa.ColumnElement[bool]) -> list[Event]:
    e = db.events
    query = sa.select(*(e.c[name] for name in log.COLUMNS)).where(where).order_by(e.c.seq)
    return [Event.from_row(r) for r in connection.execute(query)]


def acted_by(connection: sa.Connection, party_id: str) -> list[Event]:
    """The events recorded as done by this party, in log order."""
    return _events(connection, db.events.c.actor == party_id)


def signed_with(connection: sa.Connection, fingerprint: str) -> list[Event]:
    """The `signed` events whose details name the certificate of this SHA-256
    fingerprint, in log order."""
    e = db.events
    found = _events(
        connection, (e.c.kind == "signed") & e.c.details.contains(fingerprint, autoescape=True)
    )
    return [e for e in found if e.data.get("certificate_sha256") == fingerprint]


def files_with_sha(connection: sa.Connection, sha: str) -> list[Found]:
    """Every issued file, manifest or evidence with this SHA-256, in log order."""
    e = db.events
    found: list[Found] = []
    for event in _events(
        connection,
        sa.or_(
            e.c.evidence_sha256 == sha,
            sa.and_(e.c.kind == "issued", e.c.details.contains(sha, autoescape=True)),
        ),
    ):
        if event.evidence_sha256 == sha:
            role = f" {event.role}" if event.role else ""
            what = f"evidence of event #{event.seq} ({event.kind}{role})"
            found.append(Found(event.document_id, what, event.seq))
        if event.kind != "issued":
            continue
        data = event.data
        for fmt, info in sorted(data.get("files", {}).items()):
            if info.get("sha256") == sha:
                found.append(Found(event.document_id, f"issued {fmt}", event.seq))
        if data.get("manifest_sha256") == sha:
            found.append(Found(event.document_id, "manifest", event.seq))
    return found


def documents_with_content_hash(connection: sa.Connection, content_hash: str) -> list[str]:
    """The documents issued with this content hash (of their text), sorted."""
    e = db.events
    query = sa.select(e.c.document_id, e.c.details).where(
        e.c.kind == "issued", e.c.details.contains(content_hash, autoescape=True)
    )
    rows = connection.execute(query).all()
    return sorted(
        {r.document_id for r in rows if json.loads(r.details).get("content_hash") == content_hash}
    )


def named_files(connection: sa.Connection) -> list[tuple[int, str, str, str]]:
    """Every file the log names, as (seq, document id, what: "evidence", "pdf",
    "docx"..., SHA-256), in log order, each event's files by name."""
    e = db.events
    rows = connection.execute(
        sa.select(e.c.seq, e.c.document_id, e.c.kind, e.c.evidence_sha256, e.c.details)
        .where(sa.or_(e.c.kind == "issued", e.c.evidence_sha256.is_not(None)))
        .order_by(e.c.seq)
    ).all()
    found = []
    for seq, document_id, kind, evidence, details in rows:
        named = {"evidence": evidence} if evidence else {}
        if kind == "issued":
            data = json.loads(details)
            named.update({fmt: info["sha256"] for fmt, info in data.get("files", {}).items()})
        found.extend((seq, document_id, what, sha) for what, sha in sorted(named.items()))
    return found
