"""Naming what was done to a log whose chain does not hold: events inserted around
which the chain goes, runs of events renumbered, events deleted (gaps), reordered or
edited. Each finding is a `LogProblem` that names the event concerned."""

from __future__ import annotations

from dataclasses import dataclass

from signatures.log.chain import GENESIS, HASHED, Event, event_hash


@dataclass(frozen=True)
class LogProblem:
    """One thing wrong with the log (or a file it names), saying which event."""

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


def describe(event: Event | Link) -> str:
    role = f" {event.role}" if event.role else ""
    return f"'{event.kind}{role}'"


@dataclass(frozen=True, slots=True)
class Link:
    """What verification keeps of every event: its place in the chain."""

    seq: int
    prev_hash: str
    hash: str
    intact: bool
    kind: str
    role: str | None
    document_id: str


def intact_at(event: Event, seq: int) -> bool:
    fields = {name: getattr(event, name) for name in HASHED}
    fields["seq"] = seq
    return event_hash(event.prev_hash, fields) == event.hash


def inserted_problems(
    links: list[Link], changed: dict[int, Event], problems: list[LogProblem]
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
        p = _goes_around(links, changed, x, index_of, linked_from)
        if p is None:
            x -= 1  # a link to the one before, or a break the other checks name
            continue
        if x == len(links) - 1:
            # nothing after x says which line is the real one
            problems.append(_around_the_latest(links, x, p))
        else:
            found, moved = _inserted_between(links, changed, x, p)
            problems.extend(found)
            explained.update(range(p + 1, x))
            explained.update(moved)
        if links[x].intact:
            explained.add(x)  # its link is explained (if renumbered, it is in `moved`)
        x = p
    return explained


def _goes_around(
    links: list[Link],
    changed: dict[int, Event],
    x: int,
    index_of: dict[str, int],
    linked_from: dict[str, int],
) -> int | None:
    """The index p (-1: the start of the log) of the event that event x links to, when
    the events between p and x were inserted (see `inserted_problems`); else None."""
    link = links[x]
    p = -1 if link.prev_hash == GENESIS else index_of.get(link.prev_hash)
    if p is None or p >= x - 1:
        return None
    skipped = range(p + 1, x)
    fits = (p < 0 or links[p].intact) and (
        link.intact or intact_at(changed[x], link.seq - len(skipped))
    )
    apart = all(
        index_of.get(links[c].prev_hash, -1) < x and linked_from.get(links[c].hash, -1) < x
        for c in skipped
    )
    return p if fits and apart else None


def _before(links: list[Link], p: int) -> str:
    return f"#{links[p].seq}" if p >= 0 else "the start of the log"


def _around_the_latest(links: list[Link], x: int, p: int) -> LogProblem:
    """The latest event x goes around the events after p: either it or they are forged."""
    link = links[x]
    first, last = links[p + 1].seq, links[x - 1].seq
    between = f"#{first}" if x - p - 1 == 1 else f"#{first} to #{last}"
    return LogProblem(
        link.seq,
        link.document_id,
        f"{describe(link)} links directly to {_before(links, p)}, going around {between}: "
        f"either it or {between} was inserted (forged); the anchor noted last "
        "(verify-log --anchor) tells which",
    )


def _inserted_between(
    links: list[Link], changed: dict[int, Event], x: int, p: int
) -> tuple[list[LogProblem], list[int]]:
    """Each event between p and x, inserted; and the indexes of the events from x on
    that were renumbered to make room for them."""
    link, shift = links[x], x - p - 1
    moved = []
    if not link.intact:
        for i in range(x, len(links)):
            if i not in changed or not intact_at(changed[i], links[i].seq - shift):
                break
            moved.append(i)
    problems = []
    for i in range(p + 1, x):
        forged = links[i]
        how = (
            "its hash was computed as conventio does"
            if forged.intact
            else "its hash does not even match it"
        )
        message = (
            f"{describe(forged)} about document {forged.document_id} is not part of the "
            f"chain: event #{link.seq} links directly to {_before(links, p)}; {how}"
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
    return problems, moved


#: how far a renumbered event is looked for from where it was written
_SHIFTS = tuple(d for n in range(1, 9) for d in (n, -n))


def renumbered_problems(
    links: list[Link], changed: dict[int, Event], explained: set[int], problems: list[LogProblem]
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
        shift = next((d for d in _SHIFTS if intact_at(event, event.seq + d)), None)
        if shift is None:
            i += 1
            continue
        run = [i]
        while (nxt := run[-1] + 1) in changed and nxt not in explained:
            if not intact_at(changed[nxt], links[nxt].seq + shift):
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


def chain_problems(links: list[Link], explained: set[int], problems: list[LogProblem]) -> None:
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
                    f"{describe(link)} does not follow event #{prev_seq}: it records another "
                    "previous hash (an earlier event was rewritten with a new hash, or this one "
                    "was moved)",
                )
            )
        prev_hash, prev_seq, expected = link.hash, link.seq, link.seq + 1
        after_changed = not link.intact


def changed_problems(changed: list[Event], limit: int = 500) -> list[LogProblem]:
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
                f"holds {describe(event)}, which was written as event #{home}: "
                "events were reordered"
            )
        else:
            message = (
                f"{describe(event)} does not match its hash: edited after it was written, "
                "or not written by conventio (forged)"
            )
        problems.append(LogProblem(event.seq, event.document_id, message))
    return problems
