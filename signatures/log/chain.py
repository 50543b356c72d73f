"""Writing and reading the chain of events (see the package for the rule of the
hashes): times as stored, the `Event` as read, its hash, appending drafts in order,
and reading events back."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from generator.errors import ConventioError
from signatures.db import events

GENESIS = "0" * 64
HASHED = (
    "seq",
    "at",
    "kind",
    "document_id",
    "source",
    "party",
    "role",
    "actor",
    "recorded_by",
    "database_user",
    "manual",
    "evidence_sha256",
    "reason",
    "roles",
    "details",
)
COLUMNS = (*HASHED, "prev_hash", "hash")
#: hashed columns left out of the hash while empty: added by schema version 2,
#: so that the events written before keep their hashes
ADDED_LATER = ("recorded_by", "database_user")
#: rows per INSERT statement when appending
CHUNK = 1000
#: how times are stored: UTC, fixed width, so that text order is time order
TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


# --- time -------------------------------------------------------------------


def utc(now: dt.datetime | None = None) -> dt.datetime:
    if now is None:
        return dt.datetime.now(dt.UTC)
    if now.tzinfo is None or now.utcoffset() is None:
        raise ConventioError(
            "a time given to the register must say its time zone (e.g. datetime.now(UTC))"
        )
    return now.astimezone(dt.UTC)


def format_time(moment: dt.datetime) -> str:
    return utc(moment).strftime(TIME_FORMAT)


def parse_time(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text)


# --- events -----------------------------------------------------------------


@dataclass(frozen=True)
class Event:
    seq: int
    at: str
    kind: str
    document_id: str
    source: str
    party: str
    role: str | None
    actor: str | None
    recorded_by: str | None
    database_user: str | None
    manual: bool
    evidence_sha256: str | None
    reason: str | None
    roles: str | None
    details: str
    prev_hash: str
    hash: str

    @property
    def when(self) -> dt.datetime:
        return parse_time(self.at)

    @property
    def data(self) -> dict[str, Any]:
        return json.loads(self.details)

    @property
    def required_roles(self) -> tuple[str, ...]:
        return tuple((self.roles or "").split())

    @classmethod
    def from_row(cls, row: Any) -> Event:
        values = dict(row._mapping)
        values["manual"] = bool(values["manual"])
        return cls(**{name: values[name] for name in COLUMNS})


def canonical_details(details: dict[str, Any] | None) -> str:
    return json.dumps(details or {}, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def event_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    body = {name: fields[name] for name in HASHED if name not in ADDED_LATER}
    body["manual"] = bool(body["manual"])
    for name in ADDED_LATER:
        if fields.get(name) is not None:
            body[name] = fields[name]
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + text.encode("utf-8")).hexdigest()


def head(connection: sa.Connection) -> tuple[int, str] | None:
    """The last event's sequence number and hash, or None for an empty log."""
    row = connection.execute(
        sa.select(events.c.seq, events.c.hash).order_by(events.c.seq.desc()).limit(1)
    ).first()
    return (int(row.seq), row.hash) if row else None


def append(
    connection: sa.Connection,
    drafts: Sequence[dict[str, Any]],
    progress: Callable[[int, int], None] | None = None,
) -> list[Event]:
    """Chain and insert `drafts` (every hashed column but `seq`). Call inside
    `db.writing`, so that no one else appends meanwhile."""
    last = head(connection)
    seq, prev = last if last else (0, GENESIS)
    rows: list[dict[str, Any]] = []
    for draft in drafts:
        seq += 1
        row = {name: draft.get(name) for name in HASHED}
        row["seq"], row["manual"] = seq, bool(row["manual"])
        row["prev_hash"] = prev
        row["hash"] = prev = event_hash(prev, row)
        rows.append(row)
    for start in range(0, len(rows), CHUNK):
        connection.execute(events.insert(), rows[start : start + CHUNK])
        if progress:
            progress(min(start + CHUNK, len(rows)), len(rows))
    return [Event(**row) for row in rows]


def read_events(
    connection: sa.Connection, document_ids: Iterable[str] | None = None
) -> list[Event]:
    query = sa.select(*(events.c[name] for name in COLUMNS)).order_by(events.c.seq)
    if document_ids is None:
        return [Event.from_row(r) for r in connection.execute(query)]
    found: list[Event] = []
    ids = sorted(set(document_ids))
    for start in range(0, len(ids), 500):
        part = query.where(events.c.document_id.in_(ids[start : start + 500]))
        found.extend(Event.from_row(r) for r in connection.execute(part))
    found.sort(key=lambda e: e.seq)
    return found
