"""The register's queries that read many events at once: the latest issue
of each document, and every document's status (with its dates) or state
(without, for the matrix), computed from the events each time."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from signatures import db, log
from signatures.log import Event
from signatures.status import (
    KINDS,
    DocumentStatus,
    StateLine,
    Tally,
    decide,
    from_tallies,
    statuses,
)

_ONCE = Tally("", "", 1, False, False)


def latest_issued(
    connection: sa.Connection, document_ids: Iterable[str] | None
) -> dict[str, Event]:
    """The latest `issued` event of each document (of every one when None)."""
    e = db.events
    query = sa.select(*(e.c[name] for name in log.COLUMNS)).where(e.c.kind == "issued")
    found: dict[str, Event] = {}
    if document_ids is None:
        batches = [query]
    else:
        ids = sorted(set(document_ids))
        batches = [
            query.where(e.c.document_id.in_(ids[i : i + 500])) for i in range(0, len(ids), 500)
        ]
    for batch in batches:
        for row in connection.execute(batch.order_by(e.c.seq)):
            event = Event.from_row(row)
            found[event.document_id] = event
    return found


def all_statuses(connection: sa.Connection) -> dict[str, DocumentStatus]:
    """The status of every document. The events other than reminders are
    read along the covering index that starts with the kind and tallied
    here (cheaper than grouping in SQLite); reminders are counted in the
    database. A document issued more than once is folded from its own
    events since the latest issue."""
    e = db.events
    others = [k for k in KINDS if k != "reminder"]
    events_query = sa.select(e.c.kind, e.c.document_id, e.c.role, e.c.at, e.c.manual).where(
        e.c.kind.in_(others)
    )
    manual = sa.cast(e.c.manual, sa.Integer)
    reminders_query = (
        sa.select(
            e.c.document_id,
            sa.func.min(e.c.at),
            sa.func.max(e.c.at),
            sa.func.count(),
            sa.func.min(manual),
            sa.func.max(manual),
        )
        .where(e.c.kind == "reminder")
        .group_by(e.c.kind, e.c.document_id)
    )
    heads_query = sa.select(e.c.document_id, e.c.source, e.c.party, e.c.roles).where(
        e.c.kind == "issued"
    )
    tallies: dict[str, dict[tuple[str, str | None], Tally]] = {}
    for kind, doc, role, at, flag in raw_rows(connection, events_query):
        counted = tallies.get(doc)
        if counted is None:
            counted = tallies[doc] = {}
        tally = counted.get((kind, role))
        if tally is None:
            counted[(kind, role)] = Tally(at, at, 1, bool(flag), bool(flag))
        else:
            tally.add_raw(at, bool(flag))
    for doc, first, last, count, low, high in raw_rows(connection, reminders_query):
        tallies.setdefault(doc, {})[("reminder", None)] = Tally(
            first, last, count, low == 1, high == 1
        )
    heads = {row[0]: row[1:] for row in raw_rows(connection, heads_query)}
    reissued = [d for d, t in tallies.items() if t.get(("issued", None), _ONCE).count > 1]
    again = statuses(log.read_events(connection, reissued)) if reissued else {}
    found = {
        doc: again.get(doc)
        or from_tallies(doc, source, party, tuple((roles or "").split()), tallies[doc])
        for doc, (source, party, roles) in heads.items()
    }
    return dict(sorted(found.items()))


def all_states(connection: sa.Connection) -> dict[str, StateLine]:
    """The state of every document without its dates (what the matrix
    shows), the cheap way: the events other than reminders read along the
    covering index, with no time; the same rule as `statuses`."""
    e = db.events
    others = [k for k in KINDS if k != "reminder"]
    events_query = sa.select(e.c.kind, e.c.document_id, e.c.role, e.c.manual).where(
        e.c.kind.in_(others)
    )
    manual_reminders = (
        sa.select(e.c.document_id).where(e.c.kind == "reminder", e.c.manual.is_(True)).distinct()
    )
    heads_query = sa.select(e.c.document_id, e.c.source, e.c.party, e.c.roles, e.c.at).where(
        e.c.kind == "issued"
    )
    # per document: [times issued, sent, roles signed, end kinds, manual]
    seen: dict[str, list] = {}
    for kind, doc, role, flag in raw_rows(connection, events_query):
        item = seen.get(doc)
        if item is None:
            item = seen[doc] = [0, False, set(), set(), False]
        if kind == "signed":
            item[2].add(role)
        elif kind == "sent":
            item[1] = True
        elif kind == "issued":
            item[0] += 1
        else:
            item[3].add(kind)
        if flag:
            item[4] = True
    for (doc,) in raw_rows(connection, manual_reminders):
        if doc in seen:
            seen[doc][4] = True
    heads = {row[0]: row[1:] for row in raw_rows(connection, heads_query)}
    reissued = [d for d, item in seen.items() if item[0] > 1]
    again = statuses(log.read_events(connection, reissued)) if reissued else {}
    found: dict[str, StateLine] = {}
    for doc, (source, party, roles, at) in heads.items():
        if doc in again:
            found[doc] = again[doc].line()
            continue
        _, sent, signed, ended, manual = seen[doc]
        state, missing = decide(tuple((roles or "").split()), signed, sent, ended)
        found[doc] = StateLine(doc, source, party, state, missing, manual, at)
    return dict(sorted(found.items()))


def raw_rows(connection: sa.Connection, query: sa.Select) -> list[tuple]:
    """The rows of `query` as plain tuples from the driver, in the
    connection's transaction: for the hot path (SQLAlchemy rows cost more
    than the query itself on 100,000 events). The query holds constants only."""
    text = str(query.compile(dialect=connection.dialect, compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.cursor()
    try:
        cursor.execute(text)
        return cursor.fetchall()
    finally:
        cursor.close()
