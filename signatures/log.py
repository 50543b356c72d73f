"""The append-only event log and its chain of hashes.

Event n carries `prev_hash`, the hash of event n-1 (64 zeros for the first),
and `hash` = SHA-256 of `prev_hash`, a line break, and the canonical JSON (keys
sorted, no spaces, UTF-8) of all its other columns, its sequence number
included. `verify_log` recomputes the chain and names every event that was
edited, deleted, inserted or moved.

What the chain cannot show on its own: events cut off at the end, or events
appended by someone who computes the hashes as conventio does. Against both,
keep the latest hash that every report prints (`#2041:3f9a...`) and give it
back as `anchor`: the log must still hold that event, unchanged."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
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
    "manual",
    "evidence_sha256",
    "reason",
    "roles",
    "details",
)
COLUMNS = (*HASHED, "prev_hash", "hash")
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
    body = {name: fields[name] for name in HASHED}
    body["manual"] = bool(body["manual"])
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


# --- verification -----------------------------------------------------------


@dataclass(frozen=True)
class LogProblem:
    seq: int
    document_id: str
    message: str

    def __str__(self) -> str:
        where = f"event #{self.seq}"
        if self.document_id:
            where += f" (document {self.document_id})"
        return f"{where}: {self.message}"


@dataclass
class Verification:
    count: int = 0
    head: tuple[int, str] | None = None
    problems: list[LogProblem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


_ANCHOR = re.compile(r"^#?(\d+):([0-9a-f]{64})$")


def parse_anchor(text: str) -> tuple[int, str]:
    match = _ANCHOR.match(text.strip())
    if not match:
        raise ConventioError(
            f"{text!r} is not a log position: give it as printed by a report, "
            "#SEQUENCE:HASH (such as #2041:3f9a...64 hexadecimal digits)"
        )
    return int(match.group(1)), match.group(2)


def _describe(event: Event) -> str:
    role = f" {event.role}" if event.role else ""
    return f"'{event.kind}{role}'"


def verify_log(connection: sa.Connection, anchor: str | None = None) -> Verification:
    """Check the whole chain; every problem names the event concerned."""
    result = Verification()
    anchored = parse_anchor(anchor) if anchor else None
    query = sa.select(*(events.c[name] for name in COLUMNS)).order_by(events.c.seq)
    expected, prev_hash, prev_seq, after_changed = 1, GENESIS, 0, False
    changed: list[Event] = []
    issued: dict[str, tuple[str, str]] = {}
    rows = connection.execution_options(yield_per=5000).execute(query)
    for row in rows:
        event = Event.from_row(row)
        result.count += 1

        def problem(message: str, event: Event = event) -> None:
            result.problems.append(LogProblem(event.seq, event.document_id, message))

        gap = event.seq != expected
        if gap:
            missing = (
                f"event #{expected} is missing"
                if event.seq == expected + 1
                else f"events #{expected} to #{event.seq - 1} are missing"
            )
            problem(f"{missing} (deleted): this event follows #{prev_seq or 'none'}")
        fields = {name: getattr(event, name) for name in HASHED}
        intact = event_hash(event.prev_hash, fields) == event.hash
        if not intact:
            changed.append(event)
        elif event.prev_hash != prev_hash and not gap and not after_changed:
            # (after a changed event the link says nothing more: that one is named)
            problem(
                f"{_describe(event)} does not follow event #{prev_seq}: it records another "
                "previous hash (an earlier event was rewritten with a new hash, or this one "
                "was inserted or moved)"
            )
        if event.kind == "issued":
            issued[event.document_id] = (event.source, event.party)
        elif intact and issued.get(event.document_id) != (event.source, event.party):
            never = event.document_id not in issued
            problem(
                f"{_describe(event)} refers to a document "
                + ("never issued before it" if never else "issued with another source or party")
            )
        prev_hash, prev_seq, expected = event.hash, event.seq, event.seq + 1
        after_changed = not intact
        if anchored and event.seq == anchored[0] and event.hash != anchored[1]:
            problem(
                f"its hash is {event.hash[:16]}..., but the hash noted for it was "
                f"{anchored[1][:16]}...: the log was rewritten up to here"
            )
    result.head = (prev_seq, prev_hash) if result.count else None
    result.problems.extend(_changed_problems(changed))
    if anchored and prev_seq < anchored[0]:
        result.problems.append(
            LogProblem(
                anchored[0],
                "",
                f"was noted with hash {anchored[1][:16]}..., but the log now ends at "
                f"#{prev_seq}: events after #{prev_seq} were deleted",
            )
        )
    result.problems.sort(key=lambda p: p.seq)
    return result


def _changed_problems(changed: list[Event], limit: int = 500) -> list[LogProblem]:
    """Events whose content no longer matches their hash; when the content of
    one matches the place of another, the two were swapped (reordered)."""
    problems: list[LogProblem] = []
    candidates = changed[:limit]
    for index, event in enumerate(changed):
        home = None
        fields = {name: getattr(event, name) for name in HASHED}
        for other in candidates if index < limit else ():
            if other is event:
                continue
            fields["seq"] = other.seq
            # its content was put in the other's row, or the whole row renumbered
            if other.hash == event_hash(other.prev_hash, fields) or event.hash == event_hash(
                event.prev_hash, fields
            ):
                home = other.seq
                break
        if home is not None:
            message = (
                f"holds {_describe(event)}, which was written as event #{home}: "
                "events were reordered"
            )
        else:
            message = (
                f"{_describe(event)} does not match its hash: edited after it was written, "
                "or not written by conventio (forged)"
            )
        problems.append(LogProblem(event.seq, event.document_id, message))
    return problems
