"""The hash chain: the log is changed behind the register's back, with SQL,
and `verify_log` names each event concerned and what is wrong."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from generator.errors import ConventioError
from signatures import db, log
from signatures.cli.texts import verify_log_text
from signatures.register import Register
from tests.support.register import (
    T0,
    corpus_fixture,
    day,
    doc_id,
    fake_manifest,
    register_url_fixture,
    sign,
)

register_url = register_url_fixture()
corpus = corpus_fixture()


@pytest.fixture
def register(register_url, corpus, tmp_path):
    """Three issued documents and seven more events: 10 in all."""
    with Register(register_url) as opened:
        parties = ["net-01", "net-02", "net-03"]
        opened.issue_from_manifest(fake_manifest(tmp_path / "m", parties), now=T0)
        for n, party in enumerate(parties):
            opened.record(doc_id(party), "sent", now=day(1 + n))
            sign(opened, doc_id(party), "network", party=party, now=day(5 + n))
        sign(opened, doc_id("net-01"), "hospital", now=day(9))
        assert opened.head()[0] == 10
        yield opened


def sql(register: Register, statement, **params) -> None:
    with register.engine.begin() as connection:
        connection.execute(statement, params) if params else connection.execute(statement)


def row(register: Register, seq: int) -> dict:
    with register.engine.connect() as connection:
        found = connection.execute(sa.select(db.events).where(db.events.c.seq == seq)).one()
    return dict(found._mapping)


def problems(register: Register, anchor: str | None = None) -> list[tuple[int, str, str]]:
    result = register.verify(anchor)
    return [(p.seq, p.document_id, p.message) for p in result.problems]


def test_an_untouched_log_verifies(register):
    result = register.verify(files=True)
    assert result.ok and result.count == 10
    assert result.head == register.head()
    ok, text = verify_log_text(register.url)
    assert ok and "ok: 10 events and the files it names verified" in text
    assert f"#10:{register.head()[1]}" in text


def test_an_edited_event_is_named(register):
    e = db.events
    sql(register, e.update().where(e.c.seq == 5).values(role="hospital"))
    found = problems(register)
    assert len(found) == 1
    seq, document, message = found[0]
    assert (seq, document) == (5, doc_id("net-01"))
    assert "'signed hospital' does not match its hash: edited after it was written" in message
    ok, text = verify_log_text(register.url)
    assert not ok
    assert f"event #5 (document {doc_id('net-01')}): 'signed hospital' does not match" in text
    assert "NOT OK: 1 problem(s) in 10 events" in text


def test_an_edited_time_or_manual_flag_is_named(register):
    e = db.events
    sql(register, e.update().where(e.c.seq == 7).values(at=log.format_time(day(30))))
    sql(register, e.update().where(e.c.seq == 8).values(manual=True))
    assert [p[0] for p in problems(register)] == [7, 8]


def test_an_edit_rehashed_by_hand_breaks_the_link_to_the_next_event(register):
    e = db.events
    fields = row(register, 4)
    fields["reason"] = "forged"
    new_hash = log.event_hash(fields["prev_hash"], fields)
    sql(register, e.update().where(e.c.seq == 4).values(reason="forged", hash=new_hash))
    ((seq, document, message),) = problems(register)
    assert (seq, document) == (5, doc_id("net-01"))
    assert "does not follow event #4" in message


def test_a_deleted_event_is_named(register):
    e = db.events
    sql(register, e.delete().where(e.c.seq == 6))
    ((seq, document, message),) = problems(register)
    assert seq == 7 and document == doc_id("net-02")
    assert message.startswith("event #6 is missing (deleted): this event follows #5")


def test_deleted_events_at_the_end_need_the_noted_hash(register):
    noted = f"#{register.head()[0]}:{register.head()[1]}"
    e = db.events
    sql(register, e.delete().where(e.c.seq >= 9))
    assert problems(register) == []  # the chain alone cannot tell
    ((seq, _, message),) = problems(register, anchor=noted)
    assert seq == 10
    assert "the log ends at #8 and no event of it has that hash" in message
    assert "or events #9 to #10 were cut from the end of the log since it was noted" in message
    ok, text = verify_log_text(register.url, anchor=noted)
    assert not ok and f"anchor {noted}: does not hold: the log ends at #8" in text


def test_a_log_rewritten_whole_does_not_match_the_noted_hash(register):
    noted = f"#5:{row(register, 5)['hash']}"
    e = db.events
    # an attacker who knows the algorithm rewrites event 3 and every later hash
    prev = row(register, 2)["hash"]
    for seq in range(3, 11):
        fields = row(register, seq)
        if seq == 3:
            fields["reason"] = "rewritten"
        fields["prev_hash"] = prev
        fields["hash"] = prev = log.event_hash(prev, fields)
        values = {k: fields[k] for k in ("reason", "prev_hash", "hash")}
        sql(register, e.update().where(e.c.seq == seq).values(**values))
    assert problems(register) == []
    ((seq, _, message),) = problems(register, anchor=noted)
    assert seq == 5 and "or the log was rewritten up to #5 since it was noted" in message
    assert f"(event #5 has {row(register, 5)['hash']})" in message  # in full
    with pytest.raises(ConventioError, match="not a log position"):
        register.verify("5:abc")


def test_an_inserted_event_is_named(register):
    e = db.events
    forged = row(register, 10)
    forged.update(seq=11, kind="signed", role="committee", prev_hash=forged["hash"])
    forged["hash"] = "f" * 64
    sql(register, e.insert().values(**forged))
    ((seq, document, message),) = problems(register)
    assert (seq, document) == (11, doc_id("net-01"))
    assert "'signed committee' does not match its hash" in message
    assert "not written by conventio (forged)" in message


def test_an_event_inserted_in_the_middle_is_named(register):
    e = db.events
    # make room at #4 by renumbering, then put a forged event there
    with register.engine.begin() as connection:
        for seq in range(10, 3, -1):
            connection.execute(e.update().where(e.c.seq == seq).values(seq=seq + 1))
        forged = row(register, 3) | {"seq": 4, "kind": "declined", "role": "hospital"}
        forged["hash"] = "e" * 64
        connection.execute(e.insert().values(**forged))
    ((seq, document, message),) = problems(register)
    assert (seq, document) == (4, doc_id("net-03"))
    assert "'declined hospital' about document" in message
    assert "is not part of the chain: event #5 links directly to #3" in message
    # the events renumbered to make room are said once, in the same problem
    assert "the events from #5 to #11 were renumbered (written as #4 to #10)" in message
    ok, text = verify_log_text(register.url)
    assert not ok and "event #4 was inserted (forged): 'declined hospital'" in text


def test_swapped_events_are_named_as_reordered(register):
    e = db.events
    payload = [name for name in log.HASHED if name != "seq"]
    a, b = row(register, 4), row(register, 7)
    sql(register, e.update().where(e.c.seq == 4).values(**{k: b[k] for k in payload}))
    sql(register, e.update().where(e.c.seq == 7).values(**{k: a[k] for k in payload}))
    found = problems(register)
    assert [(s, d) for s, d, _ in found] == [(4, doc_id("net-02")), (7, doc_id("net-01"))]
    assert (
        "holds 'signed network', which was written as event #7: events were reordered"
        in (found[0][2])
    )
    assert "holds 'sent', which was written as event #4" in found[1][2]


def test_rows_renumbered_into_another_order_are_named_as_reordered(register):
    e = db.events
    with register.engine.begin() as connection:
        connection.execute(e.update().where(e.c.seq == 5).values(seq=1000))
        connection.execute(e.update().where(e.c.seq == 8).values(seq=5))
        connection.execute(e.update().where(e.c.seq == 1000).values(seq=8))
    found = problems(register)
    assert [p[0] for p in found] == [5, 8]
    assert "written as event #8: events were reordered" in found[0][2]
    assert "written as event #5: events were reordered" in found[1][2]


def test_an_event_about_a_document_never_issued_is_named(register):
    e = db.events
    forged = row(register, 10)
    forged.update(seq=11, document_id="nowhere#net-09#fr", prev_hash=forged["hash"])
    forged["hash"] = log.event_hash(forged["prev_hash"], forged)
    sql(register, e.insert().values(**forged))
    ((seq, document, message),) = problems(register)
    assert (seq, document) == (11, "nowhere#net-09#fr")
    assert "refers to a document never issued before it" in message


def test_an_event_that_does_not_say_who_recorded_it_is_named(register):
    e = db.events
    forged = row(register, 10)
    forged.update(seq=11, kind="reminder", role=None, recorded_by=None, database_user=None)
    forged["prev_hash"] = forged["hash"]
    forged["hash"] = log.event_hash(forged["prev_hash"], forged)  # hashed as version 1 did
    sql(register, e.insert().values(**forged))
    ((seq, document, message),) = problems(register)
    assert (seq, document) == (11, doc_id("net-01"))
    assert "'reminder' does not say who recorded it, though every event since #1 does" in message
