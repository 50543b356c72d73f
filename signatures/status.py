"""A document's status, computed from its events (never stored).

Only the events since the document was last issued count. The state is the
first of these that applies:

- voided: a `voided` event;
- superseded: a `superseded` event;
- declined: a `declined` event;
- fully signed: every required role has signed (a document no one signs, a
  circular, is never "signed");
- partly signed: some required role has signed, and the missing roles are named;
- sent: a `sent` event;
- issued.

A `received` event (a returned file, accepted or refused, logged by
`signatures import`) does not change the state: it only shows in the events.

A role's signature is dated by its first `signed` event, and is manual when
every `signed` event of that role is a manual record (a paper signature with
its evidence); a document is marked manual when any of its events is."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from generator.errors import ConventioError
from signatures.log import TIME_FORMAT, Event, parse_time

KINDS = ("issued", "sent", "signed", "declined", "superseded", "voided", "reminder", "received")
ISSUED, SENT, PARTLY, FULLY = "issued", "sent", "partly signed", "fully signed"
DECLINED, SUPERSEDED, VOIDED = "declined", "superseded", "voided"
#: the kinds that end a document's signing
ENDINGS = (DECLINED, SUPERSEDED, VOIDED)
STATES = (ISSUED, SENT, PARTLY, FULLY, DECLINED, SUPERSEDED, VOIDED)
#: states in which signatures are still awaited
OPEN = (ISSUED, SENT, PARTLY)


class Tally:
    """The events of one kind (and role) of a document: first and last time,
    how many, whether all or any were manual records."""

    __slots__ = ("all_manual", "any_manual", "count", "first", "last")

    def __init__(self, first: str, last: str, count: int, all_manual: bool, any_manual: bool):
        self.first, self.last, self.count = first, last, count
        self.all_manual, self.any_manual = all_manual, any_manual

    @classmethod
    def of(cls, event: Event) -> Tally:
        return cls(event.at, event.at, 1, event.manual, event.manual)

    def add(self, event: Event) -> None:
        self.add_raw(event.at, event.manual)

    def add_raw(self, at: str, manual: bool) -> None:
        if at < self.first:
            self.first = at
        elif at > self.last:
            self.last = at
        self.count += 1
        self.all_manual = self.all_manual and manual
        self.any_manual = self.any_manual or manual


@dataclass(slots=True)
class Signature:
    role: str
    at: dt.datetime
    manual: bool


@dataclass(slots=True)
class DocumentStatus:
    document_id: str
    source: str
    party: str
    state: str
    required_roles: tuple[str, ...]
    signed: dict[str, Signature]
    missing_roles: tuple[str, ...]
    issued_at: dt.datetime
    sent_at: dt.datetime | None
    last_event_at: dt.datetime
    reminders: int = 0
    last_reminder_at: dt.datetime | None = None
    #: when it was declined, superseded or voided
    ended_at: dt.datetime | None = None
    #: any of its events is a manual record
    manual: bool = False

    @property
    def open(self) -> bool:
        """Signatures are still awaited."""
        return self.state in OPEN and bool(self.missing_roles)

    @property
    def label(self) -> str:
        return label_of(self.state, self.missing_roles, self.manual)

    @property
    def waiting_since(self) -> dt.datetime:
        return self.sent_at or self.issued_at

    def line(self) -> StateLine:
        return StateLine(
            self.document_id,
            self.source,
            self.party,
            self.state,
            self.missing_roles,
            self.manual,
            self.issued_at.strftime(TIME_FORMAT),
        )


@dataclass(slots=True)
class StateLine:
    """A document's state without its dates: what the matrix shows."""

    document_id: str
    source: str
    party: str
    state: str
    missing_roles: tuple[str, ...]
    manual: bool
    #: when it was (last) issued, as stored: "YYYY-MM-DDTHH:MM:SS.ffffffZ"
    issued_at: str

    @property
    def label(self) -> str:
        return label_of(self.state, self.missing_roles, self.manual)


def label_of(state: str, missing: tuple[str, ...], manual: bool) -> str:
    text = state
    if state == PARTLY:
        text += f" (missing: {', '.join(missing)})"
    if manual:
        text += " [manual]"
    return text


def decide(
    required: tuple[str, ...], signed: Iterable[str], sent: bool, ended: Iterable[str]
) -> tuple[str, tuple[str, ...]]:
    """The state, and the required roles that have not signed (the rule of
    this module's docstring, in one place)."""
    done = set(signed)
    missing = tuple(r for r in required if r not in done)
    state = SENT if sent else ISSUED
    if required and not missing:
        state = FULLY
    elif len(missing) < len(required):
        state = PARTLY
    finished = set(ended)
    for kind in (DECLINED, SUPERSEDED, VOIDED):
        if kind in finished:
            state = kind
    return state, missing


Key = tuple[str, str | None]


def from_tallies(
    document_id: str,
    source: str,
    party: str,
    required: tuple[str, ...],
    tallies: Mapping[Key, Tally],
) -> DocumentStatus:
    """The status of one document from the tallies of its events since issue."""
    issued = sent = last_reminder = None
    signed: dict[str, Tally] = {}
    ended: dict[str, str] = {}
    reminders, last, manual = 0, "", False
    for (kind, role), tally in tallies.items():
        last = max(last, tally.last)
        manual = manual or tally.any_manual
        if kind == "signed":
            if role in required:
                signed[role] = tally
        elif kind == "reminder":
            reminders += tally.count
            last_reminder = max(last_reminder or tally.last, tally.last)
        elif kind == "sent":
            sent = min(sent or tally.first, tally.first)
        elif kind == "issued":
            issued = tally
        elif kind in ENDINGS:
            ended[kind] = min(ended.get(kind, tally.first), tally.first)
    if issued is None:
        raise ConventioError(f"document {document_id} was never issued")
    state, missing = decide(required, signed, sent is not None, ended)
    end = None
    for kind in (DECLINED, SUPERSEDED, VOIDED):
        if kind in ended:
            end = ended[kind]
    return DocumentStatus(
        document_id,
        source,
        party,
        state,
        required,
        {
            r: Signature(r, parse_time(signed[r].first), signed[r].all_manual)
            for r in required
            if r in signed
        },
        missing,
        parse_time(issued.last),
        parse_time(sent) if sent else None,
        parse_time(last),
        reminders,
        parse_time(last_reminder) if last_reminder else None,
        parse_time(end) if end else None,
        manual,
    )


def statuses(events: Iterable[Event]) -> dict[str, DocumentStatus]:
    """The status of every document among `events` (in log order)."""
    issued: dict[str, Event] = {}
    tallies: dict[str, dict[Key, Tally]] = {}
    for event in events:
        if event.kind == "issued":
            issued[event.document_id] = event
            tallies[event.document_id] = {}
        counted = tallies.get(event.document_id)
        if counted is None:
            continue
        key = (event.kind, event.role)
        if key in counted:
            counted[key].add(event)
        else:
            counted[key] = Tally.of(event)
    return {
        doc: from_tallies(doc, e.source, e.party, e.required_roles, tallies[doc])
        for doc, e in issued.items()
    }


def document_status(events: Iterable[Event]) -> DocumentStatus:
    """The status of the one document `events` are about."""
    found = statuses(events)
    if len(found) != 1:
        raise ConventioError(f"expected the events of one issued document, got {len(found)}")
    return next(iter(found.values()))
