"""What the register says, as data and as text: one document or one source,
what is outstanding, what a party signed, the parties × sources matrix, and
which amendments bind a party. Every text ends with the register and its
latest log hash, in full, so that a printed report pins the log it was read
from. Every event line, and every signature in the status and party reports,
says who recorded it; hashes are printed in full."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from generator.errors import ConventioError
from signatures.log import Event
from signatures.register import Register
from signatures.status import FULLY, OPEN, STATES, DocumentStatus, StateLine


def when(moment: dt.datetime | None) -> str:
    return "-" if moment is None else moment.strftime("%Y-%m-%d %H:%M UTC")


def footer(register: Register) -> str:
    return f"register: {register.shown_url}\n{register.head_text()}\n"


def _manual(flag: bool) -> str:
    return " (manual record)" if flag else ""


def recorded_by(event: Event) -> str:
    """Who recorded the event, as the reports say it."""
    if event.recorded_by is None:
        return "recorded by: not known (recorded before conventio kept it)"
    user = f" (database user {event.database_user})" if event.database_user else ""
    return f"recorded by {event.recorded_by}{user}"


def signature_events(events: Iterable[Event]) -> dict[str, dict[str, Event]]:
    """Per document, per role: the `signed` event that dates its signature
    (the first since the document was last issued)."""
    found: dict[str, dict[str, Event]] = {}
    for event in events:
        if event.kind == "issued":
            found[event.document_id] = {}
        elif event.kind == "signed" and event.role:
            found.setdefault(event.document_id, {}).setdefault(event.role, event)
    return found


# --- one document, or every document of a source ----------------------------


def status_text(register: Register, target: str) -> str:
    """A document's status and events, or the status of every document of a
    corpus source."""
    issued = register.issued_documents()
    if target in issued:
        return _document_text(register, issued[target]) + footer(register)
    of_source = sorted(d for d, e in issued.items() if e.source == target)
    if not of_source:
        raise ConventioError(
            f"no document and no source {target!r} in the register {register.shown_url}"
        )
    all_statuses = register.statuses()
    rows = [all_statuses[d] for d in of_source]
    counts = Counter(s.state for s in rows)
    lines = [f"{target}: {len(rows)} document(s)"]
    lines.append("  " + ", ".join(f"{counts[s]} {s}" for s in STATES if counts[s]))
    width = max(len(s.party) for s in rows)
    for status in rows:
        lines.append(f"  {status.party:<{width}}  {status.label}  ({status.document_id})")
    return "\n".join(lines) + "\n" + footer(register)


def _document_text(register: Register, issued: Event) -> str:
    status = register.status(issued.document_id)
    data = issued.data
    lines = [
        status.document_id,
        f"  source: {status.source}   party: {status.party}   language: {data.get('language')}",
        f"  state: {status.label}",
    ]
    signers = data.get("signers", {})
    events = register.events(status.document_id)
    first = signature_events(events).get(status.document_id, {})
    for role in status.required_roles:
        who = f" ({signers[role]})" if signers.get(role) else ""
        signature = status.signed.get(role)
        done = (
            f"signed {when(signature.at)}{_manual(signature.manual)}, {recorded_by(first[role])}"
            if signature
            else "not signed"
        )
        lines.append(f"  {role}{who}: {done}")
    if not status.required_roles:
        lines.append("  no one signs this document")
    lines.append("  events:")
    for event in events:
        lines.append("    " + event_line(event))
    return "\n".join(lines) + "\n"


def event_line(event: Event) -> str:
    parts = [f"#{event.seq}", when(event.when), event.kind]
    if event.role:
        parts.append(event.role)
    if event.actor:
        parts.append(f"by {event.actor}")
    if event.manual:
        parts.append("MANUAL RECORD")
    if event.reason:
        parts.append(f"reason: {event.reason}")
    if event.evidence_sha256:
        parts.append(f"evidence {event.evidence_sha256}")
    if event.kind == "issued":
        files = event.data.get("files", {})
        parts.append(", ".join(f"{f} {i['sha256']}" for f, i in sorted(files.items())))
    parts.append(recorded_by(event))
    return "  ".join(parts)


# --- outstanding ------------------------------------------------------------


@dataclass(frozen=True)
class Outstanding:
    status: DocumentStatus
    #: role -> the party that should sign in it, where known
    missing: dict[str, str | None]
    days: int
    reminder_due: bool


def outstanding(
    register: Register, interval_days: int = 14, now: dt.datetime | None = None
) -> list[Outstanding]:
    """Every document still awaiting signatures, longest waiting first; a
    reminder is due when the last reminder (or the sending, or the issue) is
    `interval_days` old or more."""
    from signatures.log import utc

    if interval_days < 1:
        raise ConventioError("the reminder interval is at least 1 day")
    moment = utc(now)
    issued = register.issued_documents()
    found = []
    for status in register.statuses().values():
        if not status.open:
            continue
        signers = issued[status.document_id].data.get("signers", {})
        last_contact = max(status.waiting_since, status.last_reminder_at or status.waiting_since)
        found.append(
            Outstanding(
                status,
                {role: signers.get(role) for role in status.missing_roles},
                (moment - status.waiting_since).days,
                moment - last_contact >= dt.timedelta(days=interval_days),
            )
        )
    found.sort(key=lambda o: (-o.days, o.status.document_id))
    return found


def outstanding_text(
    register: Register, interval_days: int = 14, now: dt.datetime | None = None
) -> str:
    items = outstanding(register, interval_days, now)
    due = sum(o.reminder_due for o in items)
    lines = [
        f"{len(items)} document(s) awaiting signatures; reminder due for {due} "
        f"(every {interval_days} days)"
    ]
    for item in items:
        status = item.status
        missing = ", ".join(
            f"{role} ({who})" if who else role for role, who in item.missing.items()
        )
        since = "sent" if status.sent_at else "issued"
        reminded = (
            f"; {status.reminders} reminder(s), last {when(status.last_reminder_at)}"
            if status.reminders
            else ""
        )
        flag = "  REMINDER DUE" if item.reminder_due else ""
        lines.append(
            f"  {status.document_id}: missing {missing}; {since} {item.days} day(s) ago"
            f"{reminded}{flag}"
        )
    return "\n".join(lines) + "\n" + footer(register)


# --- one party ----------------------------------------------------------------


@dataclass(frozen=True)
class PartyDocument:
    status: DocumentStatus
    #: the roles in which the party signs this document
    roles: tuple[str, ...]
    #: role -> the event that dates its signature (who recorded it, ...)
    signatures: dict[str, Event] = field(default_factory=dict)


def party_documents(register: Register, party_id: str) -> list[PartyDocument]:
    """Every document the party receives or signs in some role, with its status."""
    issued = register.issued_documents()
    acted: dict[str, set[str]] = {}
    for event in register.acted_by(party_id):
        if event.role:
            acted.setdefault(event.document_id, set()).add(event.role)
    all_statuses = register.statuses()
    found = []
    for doc, event in sorted(issued.items()):
        signers = event.data.get("signers", {})
        roles = {role for role, who in signers.items() if who == party_id}
        roles |= acted.get(doc, set())
        addressee = event.party == party_id or event.party.split("@")[0] == party_id
        if roles or addressee:
            status = all_statuses[doc]
            ordered = tuple(r for r in status.required_roles if r in roles)
            found.append(PartyDocument(status, ordered))
    first = signature_events(register.events_of([i.status.document_id for i in found]))
    return [PartyDocument(i.status, i.roles, first.get(i.status.document_id, {})) for i in found]


def party_text(register: Register, party_id: str) -> str:
    items = party_documents(register, party_id)
    if not items:
        raise ConventioError(
            f"the register {register.shown_url} has no document for or signed by {party_id!r}"
        )
    signed = [i for i in items if i.roles and all(r in i.status.signed for r in i.roles)]
    lines = [f"{party_id}: {len(items)} document(s), signed its part of {len(signed)}"]
    for item in items:
        status = item.status
        mine = []
        for role in item.roles:
            signature = status.signed.get(role)
            mine.append(
                f"{role} signed {when(signature.at)}{_manual(signature.manual)}, "
                f"{recorded_by(item.signatures[role])}"
                if signature
                else f"{role} not signed"
            )
        part = "; ".join(mine) if mine else "addressee"
        lines.append(f"  {status.document_id}: {part} — document {status.label}")
    return "\n".join(lines) + "\n" + footer(register)


# --- parties × sources ------------------------------------------------------


@dataclass
class Matrix:
    parties: list[str]
    sources: list[str]
    #: (party, source) -> the state of the latest document issued
    cells: dict[tuple[str, str], StateLine]
    #: (party, source) -> how many documents were issued (languages, versions)
    issued: Counter = field(default_factory=Counter)
    head: str = ""
    register: str = ""

    def label(self, party: str, source: str) -> str:
        status = self.cells.get((party, source))
        if status is None:
            return ""
        extra = self.issued[(party, source)] - 1
        return status.label + (f" (+{extra} earlier)" if extra > 0 else "")


def matrix_of(lines: Iterable[StateLine]) -> Matrix:
    cells: dict[tuple[str, str], StateLine] = {}
    issued: Counter = Counter()
    for status in lines:
        key = (status.party, status.source)
        issued[key] += 1
        held = cells.get(key)
        if held is None or (status.issued_at, status.document_id) > (
            held.issued_at,
            held.document_id,
        ):
            cells[key] = status
    parties = sorted({p for p, _ in cells})
    sources = sorted({s for _, s in cells})
    return Matrix(parties, sources, cells, issued)


def matrix(register: Register) -> Matrix:
    result = matrix_of(register.states().values())
    result.head = register.head_text()
    result.register = register.shown_url
    return result


# --- what binds a party -----------------------------------------------------


def signed_sources_for(
    register: Register, party_id: str, convention_id: str, corpus: Any | None = None
) -> tuple[list[str], list[str]]:
    """The amendments of `convention_id` the party has fully signed, and those
    still awaiting signatures (issued, sent or partly signed), in amendment
    order when the corpus is given. A provider working with several networks
    is named with its network: psy-0001@net-01. A party the register never
    issued this convention or one of its amendments to is an error (with the
    closest party ids issued to)."""
    grid = matrix_of(register.states().values())
    prefix = convention_id.rstrip("/") + "/"
    parties = {p for p, s in grid.cells if s == convention_id or s.startswith(prefix)}
    party = party_id
    if party_id not in parties:
        networks = sorted(p for p in parties if p.split("@")[0] == party_id and "@" in p)
        if len(networks) > 1:
            raise ConventioError(
                f"{party_id} works with several networks in the register "
                f"({', '.join(networks)}): say which one, as {networks[0]}"
            )
        if not networks:
            raise _never_issued(register, party_id, convention_id, parties)
        party = networks[0]
    sources = [s for p, s in grid.cells if p == party and s.startswith(prefix)]
    if corpus is not None:
        order = [a.id for a in corpus.amendments_of(convention_id)]
        sources = [s for s in order if s in sources]
    else:
        sources.sort()
    signed = [s for s in sources if grid.cells[(party, s)].state == FULLY]
    pending = [s for s in sources if grid.cells[(party, s)].state in OPEN]
    return signed, pending


def _never_issued(
    register: Register, party_id: str, convention_id: str, parties: set[str]
) -> ConventioError:
    import difflib

    where = f"the register {register.shown_url}"
    if not parties:
        return ConventioError(
            f"{where} has issued nothing of {convention_id} (nor of its amendments) to anyone: "
            "is it the right register, and the right convention?"
        )
    close = difflib.get_close_matches(party_id, sorted(parties), n=3)
    hint = f"; did you mean {' or '.join(close)}?" if close else ""
    return ConventioError(
        f"{where} has issued nothing of {convention_id} (nor of its amendments) to "
        f"{party_id!r}, so nothing binds it there{hint}"
    )
