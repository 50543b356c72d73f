"""The signature register records events and computes each document's status from
them: signed, declined, superseded, voided; every record checked, all or nothing,
in UTC, never holding a national register number. SQLite always, PostgreSQL when
CONVENTIO_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.errors import ConventioError
from generator.parties import numbers
from signatures.register import Record
from signatures.store import sha256
from tests.support.register import (
    T0,
    assert_three_ways_agree,
    corpus_fixture,
    day,
    doc_id,
    issue_networks,
    register_fixture,
    register_url_fixture,
    sign,
)

register_url = register_url_fixture()
corpus = corpus_fixture()
register = register_fixture()

NRN = numbers.nrn_with_check("910417", 268)


def test_status_is_computed_from_the_events(register, corpus, tmp_path):
    issue_networks(register, corpus, tmp_path)
    d = doc_id("net-01")
    register.record(d, "sent", now=day(1))
    assert register.status(d).state == "sent"
    sign(register, d, "network", party="net-01", now=day(3))
    status = register.status(d)
    assert status.state == "partly signed"
    assert status.missing_roles == ("committee", "hospital")
    assert status.label == "partly signed (missing: committee, hospital)"
    register.record(
        d,
        "signed",
        role="hospital",
        evidence=b"%PDF scanned paper",
        reason="signed on paper at the meeting of 4 March",
        manual=True,
        now=day(4),
    )
    sign(register, d, "committee", now=day(5))
    status = register.status(d)
    assert status.state == "fully signed" and status.missing_roles == ()
    assert [(r, s.at, s.manual) for r, s in status.signed.items()] == [
        ("committee", day(5), False),
        ("network", day(3), False),
        ("hospital", day(4), True),
    ]
    assert status.manual and status.label == "fully signed [manual]"
    assert status.issued_at == T0 and status.sent_at == day(1)
    assert status.last_event_at == day(5)
    # the evidence is kept and found again
    (found,) = register.find_by_sha(sha256(b"%PDF scanned paper"))
    assert found.document_id == d and "evidence of event" in found.what
    assert register.store.get(sha256(b"%PDF scanned paper")) == b"%PDF scanned paper"
    # an electronic signature of the same role later: no longer manual for that role
    sign(register, d, "hospital", now=day(6))
    assert not register.status(d).signed["hospital"].manual
    assert register.status(d).signed["hospital"].at == day(4)
    # the database's computation and the pure one agree, for every document
    assert_three_ways_agree(register)


def test_declined_superseded_voided(register, corpus, tmp_path):
    issue_networks(register, corpus, tmp_path)
    a, b, c = doc_id("net-01"), doc_id("net-02"), doc_id("net-03")
    sign(register, a, "network", now=day(1))
    register.record(a, "declined", role="hospital", evidence=b"letter", reason="refuses 14/1",
                    now=day(2))  # fmt: skip
    sign(register, b, "network", now=day(1))
    register.record(b, "superseded", reason="replaced by the seventh amendment", now=day(3),
                    details={"by": "inami-network-2021/avenant-07"})  # fmt: skip
    register.record(c, "voided", reason="issued to the wrong network", now=day(2))
    register.record(c, "reminder", evidence=b"letter", reason="by post", manual=True, now=day(3))
    # a signature after the end is kept, but the state stays
    sign(register, c, "network", now=day(4))
    states = {d: s.state for d, s in register.statuses().items()}
    assert states == {a: "declined", b: "superseded", c: "voided"}
    assert register.status(b).ended_at == day(3)
    assert register.states()[c].manual and not register.states()[b].manual
    assert register.states()[a].manual  # declined by hand: a manual record
    for d in (a, b, c):
        assert not register.status(d).open
    with pytest.raises(ConventioError, match="say why"):
        register.record(a, "voided")
    with pytest.raises(ConventioError, match="concerns the whole document, no role"):
        register.record(a, "voided", role="network", reason="x")
    assert_three_ways_agree(register)


PAPER = {"evidence": b"%PDF scan", "reason": "signed on paper"}


def test_records_are_checked(register, corpus, tmp_path):
    issue_networks(register, corpus, tmp_path)
    d = doc_id("net-01")
    with pytest.raises(ConventioError, match=r"no document 'inami.*net-0l#fr'.*did you mean"):
        register.record(doc_id("net-0l"), "sent")
    with pytest.raises(ConventioError, match="unknown event 'approved'"):
        register.record(d, "approved")
    with pytest.raises(ConventioError, match="issued from a generation manifest"):
        register.record(d, "issued")
    with pytest.raises(ConventioError, match="say which role signed"):
        register.record(d, "signed")
    with pytest.raises(ConventioError, match="unknown role 'notary'"):
        register.record(d, "signed", role="notary")
    with pytest.raises(ConventioError, match="provider does not sign this document"):
        register.record(d, "signed", role="provider", **PAPER)
    with pytest.raises(ConventioError, match="net-02 is not the network of this document"):
        register.record(d, "signed", role="network", party="net-02", **PAPER)
    # a signature or refusal that no verified import vouches for is a manual record
    for kind in ("signed", "declined"):
        with pytest.raises(ConventioError, match="manual record needs its evidence"):
            register.record(d, kind, role="hospital")
        with pytest.raises(ConventioError, match="manual record needs its evidence"):
            register.record(d, kind, role="hospital", evidence=b"scan")
    with pytest.raises(ConventioError, match="verified signature keeps the signed file"):
        register.record_many([Record(d, "signed", "hospital")], verified=True)
    with pytest.raises(ConventioError, match="manual record needs its evidence"):
        register.record(d, "signed", role="hospital", manual=True, reason="paper")
    with pytest.raises(ConventioError, match="manual record needs its evidence"):
        register.record(d, "signed", role="hospital", manual=True, evidence=b"scan")
    with pytest.raises(ConventioError, match="plain JSON"):
        register.record(d, "sent", details={"when": dt.date(2024, 1, 1)})
    with pytest.raises(ConventioError, match="time zone"):
        register.record(d, "sent", now=dt.datetime(2024, 1, 1))
    # only a receipt may name no document, and it keeps the file received
    with pytest.raises(ConventioError, match="must name the document"):
        register.record("", "sent")
    with pytest.raises(ConventioError, match="keeps the file received"):
        register.record("", "received", reason="rejected: not a PDF")
    with pytest.raises(ConventioError, match="keeps the file received"):
        register.record("", "received", role="network", evidence=b"junk")
    assert [e.kind for e in register.events()] == ["issued"] * 3


def test_a_receipt_that_names_no_document_keeps_the_log_whole(register, corpus, tmp_path):
    issue_networks(register, corpus, tmp_path)
    states = register.states()
    event = register.record("", "received", evidence=b"junk", reason="rejected: not a PDF")
    assert (event.document_id, event.source, event.party) == ("", "", "")
    assert register.verify().ok
    assert register.states() == states  # it changes no document
    (found,) = register.find_by_sha(event.evidence_sha256)
    assert found.what == f"evidence of event #{event.seq} (received)"


def test_national_register_numbers_are_refused_and_never_repeated(register, corpus, tmp_path):
    issue_networks(register, corpus, tmp_path)
    d = doc_id("net-01")
    attempts = [
        {"reason": f"signed by the director, NRN {numbers.format_nrn(NRN)}"},
        {"details": {"certificate": {"serialNumber": NRN}}},
        {"party": f"psy-{NRN}"},
    ]
    for extra in attempts:
        with pytest.raises(ConventioError, match="national register number") as caught:
            register.record(d, "signed", role="network", **{**PAPER, **extra})
        assert NRN not in str(caught.value)
        assert NRN[:6] not in str(caught.value)
    assert len(register.events()) == 3


def test_record_many_is_all_or_nothing(register, corpus, tmp_path):
    issue_networks(register, corpus, tmp_path)
    head = register.head()
    batch = [
        Record(doc_id("net-01"), "sent"),
        {"document_id": doc_id("net-02"), "kind": "sent"},
        # net-03's document: no provider
        Record(doc_id("net-03"), "signed", role="provider", evidence=b"scan", reason="paper"),
    ]
    with pytest.raises(ConventioError, match="provider does not sign"):
        register.record_many(batch, now=day(1))
    assert register.head() == head
    written = register.record_many(batch[:2], now=day(1))
    assert [e.seq for e in written] == [head[0] + 1, head[0] + 2]
    assert register.verify().ok


def test_times_are_utc(register, corpus, tmp_path):
    issue_networks(register, corpus, tmp_path)
    brussels = dt.timezone(dt.timedelta(hours=2))
    event = register.record(
        doc_id("net-01"), "sent", now=dt.datetime(2024, 6, 1, 12, 0, tzinfo=brussels)
    )
    assert event.at == "2024-06-01T10:00:00.000000Z"
    assert register.events(doc_id("net-01"))[-1].when == dt.datetime(
        2024, 6, 1, 10, 0, tzinfo=dt.UTC
    )
