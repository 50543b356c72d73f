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

from signatures.log.chain import (
    ADDED_LATER,
    COLUMNS,
    GENESIS,
    HASHED,
    TIME_FORMAT,
    Event,
    append,
    canonical_details,
    event_hash,
    format_time,
    head,
    parse_time,
    read_events,
    utc,
)
from signatures.log.tampering import LogProblem
from signatures.log.verification import Verification, parse_anchor, verify_log

__all__ = [
    "ADDED_LATER",
    "COLUMNS",
    "GENESIS",
    "HASHED",
    "TIME_FORMAT",
    "Event",
    "LogProblem",
    "Verification",
    "append",
    "canonical_details",
    "event_hash",
    "format_time",
    "head",
    "parse_anchor",
    "parse_time",
    "read_events",
    "utc",
    "verify_log",
]
