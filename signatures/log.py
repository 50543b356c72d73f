"""The append-only event log and its chain of hashes.

Event n carries `prev_hash`, the hash of event n-1 (64 zeros for the first),
and `hash` = SHA-256 of `prev_hash`, a line break, and the canonical JSON (keys
sorted, no spaces, UTF-8) of all its other columns, its sequence number
included. `verify_log` recomputes the chain and names every event that was
edited, deleted, inserted or moved: an event is named as inserted when the
chain goes around it (the event after it links to the one before it),
whether or not the forger made its hash up.

Who recorded an event is part of it, in two hashed columns: `recorded_by`
(`--actor`, else CONVENTIO_ACTOR, else the operating-system user: what the
person says, or their login) and, on PostgreSQL, `database_user` (the
`current_user` of the writing transaction: the account the server vouches
for). They are columns rather than keys of `details` because they are a fact
about every event, shown by every report and searched in SQL, and because a
caller's details can then never pose as them. Schema version 1 had neither: an
event that has neither is hashed exactly as version 1 hashed it, so a register
upgraded in place keeps its chain; once an event says who recorded it, a later
event that does not is named by `verify_log`.

What the chain cannot show on its own: events cut off at the end, or events
appended (or the whole log rewritten) by someone who computes the hashes as
conventio does. Against these, keep the latest `#N:hash` that every report
prints, in full, and give it back as `anchor`: the log must still hold event N
with that hash. An anchor that does not parse is a usage error; one whose
hash is another event's is said to be mistyped; otherwise an event N with
another hash means the log was rewritten up to N, and a log ending before N
means events were cut from its end (or, in both cases, that the anchor was
noted from another register: nothing in the log can tell the two apart)."""

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


# --- verification -----------------------------------------------------------


@dataclass(frozen=True)
class LogProblem:
    seq: int
    document_id: str
    message: str
    #: what the message is about, when not "event #N (document D)"
    subject: str = ""

    def __str__(self) -> str:
        if self.subject:
            return f"{self.subject}: {self.message}"
        where = f"event #{self.seq}"
        if self.document_id:
            where += f" (document {self.document_id})"
        return f"{where}: {self.message}"


@dataclass
class Verification:
    count: int = 0
    head: tuple[int, str] | None = None
    problems: list[LogProblem] = field(default_factory=list)
    #: the anchor given (sequence number, hash), and whether the log holds it
    anchor: tuple[int, str] | None = None
    anchor_holds: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems and (self.anchor is None or self.anchor_holds)


_ANCHOR = re.compile(r"^#?(\d+):([0-9a-fA-F]{64})$")


def parse_anchor(text: str) -> tuple[int, str]:
    """(sequence number, hash) of an anchor written as the reports print it,
    `#N:HASH`; a ConventioError (a usage error, not a verdict) otherwise."""
    match = _ANCHOR.match(text.strip())
    if not match or int(match.group(1)) < 1:
        raise ConventioError(
            f"{text!r} is not a log position: give it as printed by a report, "
            "#SEQUENCE:HASH (such as #2041:3f9a... with all 64 hexadecimal digits of the hash)"
        )
    return int(match.group(1)), match.group(2).lower()


def _describe(event: Event | _Link) -> str:
    role = f" {event.role}" if event.role else ""
    return f"'{event.kind}{role}'"


@dataclass(frozen=True, slots=True)
class _Link:
    """What verification keeps of every event: its place in the chain."""

    seq: int
    prev_hash: str
    hash: str
    intact: bool
    kind: str
    role: str | None
    document_id: str


def _intact_at(event: Event, seq: int) -> bool:
    fields = {name: getattr(event, name) for name in HASHED}
    fields["seq"] = seq
    return event_hash(event.prev_hash, fields) == event.hash


def _names_no_document(event: Event) -> bool:
    """A receipt of a returned file that named no document issued here."""
    return event.kind == "received" and not (
        event.document_id or event.role or event.source or event.party
    )


def verify_log(connection: sa.Connection, anchor: str | None = None) -> Verification:
    """Check the whole chain; every problem names the event concerned."""
    result = Verification()
    result.anchor = parse_anchor(anchor) if anchor else None
    query = sa.select(*(events.c[name] for name in COLUMNS)).order_by(events.c.seq)
    links: list[_Link] = []
    changed: dict[int, Event] = {}  # index in `links` -> the event
    issued: dict[str, tuple[str, str]] = {}
    says_who_since: int | None = None
    rows = connection.execution_options(yield_per=5000).execute(query)
    for row in rows:
        event = Event.from_row(row)
        fields = {name: getattr(event, name) for name in HASHED}
        intact = event_hash(event.prev_hash, fields) == event.hash
        if not intact:
            changed[len(links)] = event
        links.append(
            _Link(
                event.seq,
                event.prev_hash,
                event.hash,
                intact,
                event.kind,
                event.role,
                event.document_id,
            )
        )

        def problem(message: str, event: Event = event) -> None:
            result.problems.append(LogProblem(event.seq, event.document_id, message))

        if event.kind == "issued":
            issued[event.document_id] = (event.source, event.party)
        elif _names_no_document(event):
            pass  # a file received that named no issued document: it belongs to none
        elif intact and issued.get(event.document_id) != (event.source, event.party):
            never = event.document_id not in issued
            problem(
                f"{_describe(event)} refers to a document "
                + ("never issued before it" if never else "issued with another source or party")
            )
        if event.recorded_by is not None:
            says_who_since = says_who_since or event.seq
        elif says_who_since is not None and intact:
            problem(
                f"{_describe(event)} does not say who recorded it, though every event since "
                f"#{says_who_since} does: it was not written by this conventio (forged)"
            )
    result.count = len(links)
    result.head = (links[-1].seq, links[-1].hash) if links else None
    explained = _inserted_problems(links, changed, result.problems)
    explained |= _renumbered_problems(links, changed, explained, result.problems)
    _chain_problems(links, explained, result.problems)
    result.problems.extend(_changed_problems([e for i, e in changed.items() if i not in explained]))
    if result.anchor is not None:
        _check_anchor(result, links)
    result.problems.sort(key=lambda p: p.seq)
    return result


def _inserted_problems(
    links: list[_Link], changed: dict[int, Event], problems: list[LogProblem]
) -> set[int]:
    """Name the events the chain goes around. Walking back from the latest
    event along the links, when event x links to event p with events between
    them, and those events are neither linked to by x or a later event nor
    link to one, and x sits where it was written (or was renumbered by
    exactly as many to make room), the events between were inserted
    (forged). Returns the indexes explained this way (the inserted events,
    and those renumbered to make room)."""
    index_of = {link.hash: i for i, link in enumerate(links)}
    linked_from: dict[str, int] = {}
    for i, link in enumerate(links):
        linked_from[link.prev_hash] = max(i, linked_from.get(link.prev_hash, -1))
    explained: set[int] = set()
    x = len(links) - 1
    while x > 0:
        link = links[x]
        p = -1 if link.prev_hash == GENESIS else index_of.get(link.prev_hash)
        if p is None or p >= x - 1:
            x -= 1  # a known link to the one before, or a break the other checks name
            continue
        skipped = range(p + 1, x)
        shift = len(skipped)
        fits = (p < 0 or links[p].intact) and (
            link.intact or _intact_at(changed[x], link.seq - shift)
        )
        apart = all(
            index_of.get(links[c].prev_hash, -1) < x and linked_from.get(links[c].hash, -1) < x
            for c in skipped
        )
        if not (fits and apart):
            x -= 1
            continue
        before = f"#{links[p].seq}" if p >= 0 else "the start of the log"
        if x == len(links) - 1:
            # nothing after x says which line is the real one
            first, last = links[skipped[0]].seq, links[skipped[-1]].seq
            between = f"#{first}" if shift == 1 else f"#{first} to #{last}"
            problems.append(
                LogProblem(
                    link.seq,
                    link.document_id,
                    f"{_describe(link)} links directly to {before}, going around {between}: "
                    f"either it or {between} was inserted (forged); the anchor noted last "
                    "(verify-log --anchor) tells which",
                )
            )
            if link.intact:
                explained.add(x)
            x = p
            continue
        moved = []
        if not link.intact:
            for i in range(x, len(links)):
                if i not in changed or not _intact_at(changed[i], links[i].seq - shift):
                    break
                moved.append(i)
        for i in skipped:
            forged = links[i]
            how = (
                "its hash was computed as conventio does"
                if forged.intact
                else "its hash does not even match it"
            )
            message = (
                f"{_describe(forged)} about document {forged.document_id} is not part of the "
                f"chain: event #{link.seq} links directly to {before}; {how}"
            )
            if moved:
                message += (
                    f"; to make room, the events from #{links[moved[0]].seq} to "
                    f"#{links[moved[-1]].seq} were renumbered (written as "
                    f"#{links[moved[0]].seq - shift} to #{links[moved[-1]].seq - shift})"
                )
            problems.append(
                LogProblem(
                    forged.seq,
                    forged.document_id,
                    message,
                    subject=f"event #{forged.seq} was inserted (forged)",
                )
            )
        explained.update(skipped)
        explained.update(moved)
        if link.intact:
            explained.add(x)  # its link is explained (if renumbered, it is in `moved`)
        x = p
    return explained


#: how far a renumbered event is looked for from where it was written
_SHIFTS = tuple(d for n in range(1, 9) for d in (n, -n))


def _renumbered_problems(
    links: list[_Link], changed: dict[int, Event], explained: set[int], problems: list[LogProblem]
) -> set[int]:
    """Runs of events moved whole to other numbers by the same amount: after
    a deletion, to close the gap (or, before, to make room). A single event
    moved onto another changed event's number is left to the reordering
    check. Returns the indexes explained."""
    by_seq = {link.seq: link for link in links}
    found: set[int] = set()
    i = 0
    while i < len(links):
        event = changed.get(i)
        if event is None or i in explained:
            i += 1
            continue
        shift = next((d for d in _SHIFTS if _intact_at(event, event.seq + d)), None)
        if shift is None:
            i += 1
            continue
        run = [i]
        while (nxt := run[-1] + 1) in changed and nxt not in explained:
            if not _intact_at(changed[nxt], links[nxt].seq + shift):
                break
            run.append(nxt)
        first, last = links[run[0]], links[run[-1]]
        target = first.seq + shift
        # moved onto the number of another changed event: a swap, named as reordered
        swapped = target in by_seq and not by_seq[target].intact
        if len(run) == 1 and swapped:
            i += 1
            continue
        subject = (
            f"event #{first.seq} was renumbered"
            if len(run) == 1
            else f"events #{first.seq} to #{last.seq} were renumbered"
        )
        written = f"#{target}" if len(run) == 1 else f"#{target} to #{last.seq + shift}"
        if shift > 0:
            gone = (
                f"the event written as #{first.seq} was"
                if shift == 1
                else f"the events written as #{first.seq} to #{first.seq + shift - 1} were"
            )
            why = f"{gone} deleted and the numbers closed up"
        else:
            why = "the numbers were moved to make room for events put before them"
        problems.append(
            LogProblem(
                first.seq,
                first.document_id if len(run) == 1 else "",
                f"written as {written}; {why}",
                subject=subject,
            )
        )
        found.update(run)
        i = run[-1] + 1
    return found


def _chain_problems(links: list[_Link], explained: set[int], problems: list[LogProblem]) -> None:
    """Gaps in the numbering, and intact events that do not link to the one
    before them (after a changed event the link says nothing more: that one
    is named)."""
    expected, prev_hash, prev_seq, after_changed = 1, GENESIS, 0, False
    for i, link in enumerate(links):
        gap = link.seq != expected
        if gap:
            missing = (
                f"event #{expected} is missing"
                if link.seq == expected + 1
                else f"events #{expected} to #{link.seq - 1} are missing"
            )
            problems.append(
                LogProblem(
                    link.seq,
                    link.document_id,
                    f"{missing} (deleted): this event follows #{prev_seq or 'none'}",
                )
            )
        elif (
            link.intact and link.prev_hash != prev_hash and not after_changed and i not in explained
        ):
            problems.append(
                LogProblem(
                    link.seq,
                    link.document_id,
                    f"{_describe(link)} does not follow event #{prev_seq}: it records another "
                    "previous hash (an earlier event was rewritten with a new hash, or this one "
                    "was moved)",
                )
            )
        prev_hash, prev_seq, expected = link.hash, link.seq, link.seq + 1
        after_changed = not link.intact


def _check_anchor(result: Verification, links: list[_Link]) -> None:
    """Does the log still hold the anchor's event with the anchor's hash?"""
    assert result.anchor is not None
    seq, digest = result.anchor
    subject = f"anchor #{seq}:{digest}"
    at = next((link for link in links if link.seq == seq), None)
    if at is not None and at.hash == digest:
        result.anchor_holds = True
        return
    elsewhere = next((link for link in links if link.hash == digest), None)
    end = links[-1].seq if links else 0
    if elsewhere is not None:
        message = (
            f"does not hold as given: that hash is event #{elsewhere.seq}'s, not #{seq}'s; "
            f"check the number noted (anchor #{elsewhere.seq}:{digest} holds)"
        )
    elif seq > end:
        cut = f"event #{seq} was" if seq == end + 1 else f"events #{end + 1} to #{seq} were"
        ends = f"the log ends at #{end}" if end else "the log is empty"
        message = (
            f"does not hold: {ends} and no event of it has that hash: either the anchor was "
            f"noted from another register, or {cut} cut from the end of the log since it "
            "was noted"
        )
    elif at is None:
        message = (
            f"does not hold: there is no event #{seq} and no event has that hash: either the "
            f"anchor was noted from another register, or event #{seq} was deleted since it "
            "was noted"
        )
    else:
        message = (
            f"does not hold: no event of this log has that hash (event #{seq} has "
            f"{at.hash}): either the anchor was noted from another register, or the log was "
            f"rewritten up to #{seq} since it was noted"
        )
    result.problems.append(LogProblem(seq, "", message, subject=subject))


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
