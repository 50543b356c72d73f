"""Verifying the log: recompute every event's hash, follow the chain, check that each
event concerns a document issued before it and says who recorded it, and check an
anchor noted earlier (`parse_anchor`). What went wrong is named by `tampering`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import sqlalchemy as sa

from generator.errors import ConventioError
from signatures.db import events
from signatures.log.chain import COLUMNS, HASHED, Event, event_hash
from signatures.log.tampering import (
    Link,
    LogProblem,
    chain_problems,
    changed_problems,
    describe,
    inserted_problems,
    renumbered_problems,
)


@dataclass
class Verification:
    """What `verify_log` found: how many events, the latest, every problem."""

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
    links: list[Link] = []
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
            Link(
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
                f"{describe(event)} refers to a document "
                + ("never issued before it" if never else "issued with another source or party")
            )
        if event.recorded_by is not None:
            says_who_since = says_who_since or event.seq
        elif says_who_since is not None and intact:
            problem(
                f"{describe(event)} does not say who recorded it, though every event since "
                f"#{says_who_since} does: it was not written by this conventio (forged)"
            )
    result.count = len(links)
    result.head = (links[-1].seq, links[-1].hash) if links else None
    explained = inserted_problems(links, changed, result.problems)
    explained |= renumbered_problems(links, changed, explained, result.problems)
    chain_problems(links, explained, result.problems)
    result.problems.extend(changed_problems([e for i, e in changed.items() if i not in explained]))
    if result.anchor is not None:
        _check_anchor(result, links)
    result.problems.sort(key=lambda p: p.seq)
    return result


def _check_anchor(result: Verification, links: list[Link]) -> None:
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
