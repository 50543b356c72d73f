"""The signature register: issue from a real manifest, record events, status
computed from events, errors in plain words. SQLite always, PostgreSQL when
CONVENTIO_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil

import pytest

from generator.errors import ConventioError
from generator.parties import numbers
from signatures import db
from signatures.register import Record, Register
from signatures.status import statuses as fold_statuses
from signatures.store import FileStore, sha256
from tests.support.register import (
    POSTGRES_ENV,
    PROVIDER_AMENDMENT,
    SIXTH,
    T0,
    corpus_fixture,
    day,
    doc_id,
    fake_manifest,
    needs_postgres,
    real_manifests_fixture,
    register_url_fixture,
    sign,
)

register_url = register_url_fixture()
corpus = corpus_fixture()
real_manifests = real_manifests_fixture()

NRN = numbers.nrn_with_check("910417", 268)


@pytest.fixture
def register(register_url):
    with Register(register_url) as opened:
        yield opened


# --- the store ----------------------------------------------------------------


def test_store_keeps_each_file_once_by_its_hash(tmp_path):
    store = FileStore(tmp_path / "store")
    sha = store.put(b"signed copy")
    assert sha == sha256(b"signed copy")
    assert store.path(sha) == tmp_path / "store" / sha[:2] / sha[2:]
    assert store.put(b"signed copy") == sha
    assert store.get(sha) == b"signed copy"
    assert [p.name for p in (tmp_path / "store").rglob("*") if p.is_file()] == [sha[2:]]
    # a damaged file is said to be damaged, and a new put repairs it
    store.path(sha).write_bytes(b"tampered")
    with pytest.raises(ConventioError, match="damaged"):
        store.get(sha)
    store.put(b"signed copy")
    assert store.get(sha) == b"signed copy"
    with pytest.raises(ConventioError, match="not in the register's store"):
        store.get("a" * 64)
    with pytest.raises(ConventioError, match="not a SHA-256"):
        store.path("../../etc/passwd")


# --- roles ---------------------------------------------------------------------


def test_the_roles_come_from_the_manifest_not_from_the_corpus(register, corpus, tmp_path):
    # the corpus has the sixth amendment signed by the committee, the network and
    # the hospital; what generation wrote into the manifest is what the register keeps
    path = fake_manifest(tmp_path / "m", ["net-01"], SIXTH, signatories=("network",))
    register.issue_from_manifest(path, now=T0)
    issued = register.issued_document(doc_id("net-01"))
    assert issued.required_roles == ("network",)
    assert issued.data["signers"] == {"network": "net-01"}
    assert issued.data["provider_kind"] == ""


def test_a_manifest_without_roles_is_refused_in_words(register, corpus, tmp_path):
    path = fake_manifest(tmp_path / "old", ["net-01", "net-02"])
    data = json.loads(path.read_text(encoding="utf-8"))
    for entry in data["documents"]:  # as a conventio from before roles in manifests wrote it
        for name in ("provider_kind", "roles", "signers"):
            del entry[name]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConventioError) as refused:
        register.issue_from_manifest(path, now=T0)
    message = str(refused.value)
    assert "written by an older conventio" in message and "conventio generate" in message
    assert "Traceback" not in message
    assert register.events() == []


# --- issuing ------------------------------------------------------------------


def test_issue_from_a_real_manifest(register, corpus, real_manifests):
    folder = real_manifests["sixth"]
    assert register.issue_from_manifest(folder / "manifest.json", now=T0) == 2
    # the same manifest again: nothing new
    assert register.issue_from_manifest(folder, now=day(1)) == 0
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entry = next(e for e in manifest["documents"] if e["party"] == "net-01")
    issued = register.issued_document(entry["document_id"])
    assert issued.kind == "issued" and issued.when == T0
    assert issued.source == SIXTH and issued.party == "net-01"
    assert issued.required_roles == ("committee", "network", "hospital")
    data = issued.data
    assert data["content_hash"] == entry["content_hash"]
    assert data["files"]["docx"]["sha256"] == entry["files"]["docx"]["sha256"]
    assert data["network"] == "net-01" and data["language"] == "fr"
    copy = register.issued_file_bytes(entry["document_id"], "docx")
    assert copy == (folder / entry["files"]["docx"]["path"]).read_bytes()
    with pytest.raises(ConventioError, match="not issued as PDF"):
        register.issued_file_bytes(entry["document_id"], "pdf")
    found = register.find_by_sha(entry["files"]["docx"]["sha256"])
    assert [(f.document_id, f.what) for f in found] == [(entry["document_id"], "issued docx")]
    assert register.find_by_content_hash(entry["content_hash"]) == [entry["document_id"]]
    assert register.find_by_content_hash("f" * 64) == []
    status = register.status(entry["document_id"])
    assert status.state == "issued" and status.missing_roles == issued.required_roles


def test_provider_documents_need_the_provider_or_the_organisation(register, corpus, real_manifests):
    parties = real_manifests["parties"]
    count = register.issue_from_manifest(real_manifests["providers"], now=T0)
    issued = register.issued_documents()
    assert count == len(issued) > 2
    kinds = set()
    for event in issued.values():
        provider = parties.provider(event.data["provider"])
        kinds.add(provider.party_type)
        own = "provider" if provider.party_type == "psychologist" else "organisation"
        assert event.required_roles == (own, "network", "hospital")
        signers = event.data["signers"]
        assert signers[own] == provider.id
        assert signers["network"] == "net-03"
        assert signers["hospital"] == parties.network("net-03").hospital
    assert kinds == {"psychologist", "organisation"}


def test_the_provider_kind_comes_from_the_manifest(register, corpus, tmp_path):
    path = fake_manifest(
        tmp_path / "m",
        ["psy-0001@net-01", "org-0001@net-01"],
        PROVIDER_AMENDMENT,
        provider_of={"psy-0001@net-01": "psy-0001", "org-0001@net-01": "org-0001"},
    )
    register.issue_from_manifest(path, now=T0)
    assert register.issued_document(doc_id("psy-0001@net-01", PROVIDER_AMENDMENT)).roles == (
        "provider network hospital"
    )
    assert register.issued_document(doc_id("org-0001@net-01", PROVIDER_AMENDMENT)).roles == (
        "organisation network hospital"
    )
    # a provider whose kind the manifest does not give: refused, whatever its id says
    odd = fake_manifest(
        tmp_path / "odd", ["x-1@net-01"], PROVIDER_AMENDMENT, provider_of={"x-1@net-01": "x-1"}
    )
    with pytest.raises(ConventioError, match=r"provider kind '' does not fit its provider 'x-1'"):
        register.issue_from_manifest(odd, now=T0)


@pytest.mark.parametrize(
    ("change", "said"),
    [
        ({"provider_kind": "organisation"}, "who does not sign as provider"),
        ({"provider_kind": "notary"}, "provider kind 'notary' does not fit"),
        ({"roles": ["provider", "notary"]}, "are not different roles among committee"),
        ({"roles": ["provider", "provider"]}, "are not different roles"),
        ({"signers": {"provider": "psy-0001"}}, "does not name one signer (or none) per role"),
        (
            {"signers": {"provider": "psy-0002", "network": "net-01", "hospital": None}},
            "its provider signer 'psy-0002' is not its provider 'psy-0001'",
        ),
        (
            {"signers": {"provider": "psy-0001", "network": "net-01", "hospital": "h 1"}},
            "its hospital signer 'h 1' is not a party id",
        ),
    ],
)
def test_who_signs_must_fit_the_entry(register, corpus, tmp_path, change, said):
    path = fake_manifest(
        tmp_path / "m",
        ["psy-0001@net-01"],
        PROVIDER_AMENDMENT,
        provider_of={"psy-0001@net-01": "psy-0001"},
    )
    data = json.loads(path.read_text(encoding="utf-8"))
    data["documents"][0].update(change)
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConventioError) as refused:
        register.issue_from_manifest(path, now=T0)
    assert said in str(refused.value) and "nothing was recorded" in str(refused.value)
    assert register.events() == []


def test_what_is_not_a_manifest_is_refused(register, corpus, tmp_path):
    cases = {
        "not json": "{",
        "no documents": '{"files": []}',
        "empty": '{"documents": []}',
        "missing field": json.dumps({"documents": [{"document_id": "x"}]}),
    }
    for name, text in cases.items():
        path = tmp_path / name / "manifest.json"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        with pytest.raises(ConventioError, match="is not a conventio manifest"):
            register.issue_from_manifest(path)
    with pytest.raises(ConventioError, match="no manifest at"):
        register.issue_from_manifest(tmp_path / "nowhere")
    # a file changed after generation, a file gone, a name leaving the folder
    good = fake_manifest(tmp_path / "good", ["net-01"])
    (good.parent / "doc-00000.docx").write_bytes(b"changed")
    with pytest.raises(ConventioError, match="changed after generation"):
        register.issue_from_manifest(good)
    (good.parent / "doc-00000.docx").unlink()
    with pytest.raises(ConventioError, match="not in"):
        register.issue_from_manifest(good)
    data = json.loads(good.read_text(encoding="utf-8"))
    data["documents"][0]["files"]["docx"]["path"] = "../escape.docx"
    good.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(ConventioError, match="not a file name in its folder"):
        register.issue_from_manifest(good)
    assert register.events() == []


def test_a_new_copy_of_an_issued_document_is_refused_unless_reissued(register, corpus, tmp_path):
    first = fake_manifest(tmp_path / "a", ["net-01"])
    register.issue_from_manifest(first, now=T0)
    sign(register, doc_id("net-01"), "network", now=day(1))
    changed = fake_manifest(tmp_path / "b", ["net-01", "net-02"], content="v2")
    with pytest.raises(ConventioError, match=r"issued before with other content.*net-01"):
        register.issue_from_manifest(changed, now=day(2))
    assert len(register.events()) == 2  # net-02 was not recorded either
    assert register.issue_from_manifest(changed, now=day(2), reissue=True) == 2
    status = register.status(doc_id("net-01"))
    assert status.state == "issued" and status.signed == {} and status.issued_at == day(2)
    assert register.statuses()[doc_id("net-01")] == status
    assert_three_ways_agree(register)
    # both copies stay findable
    assert len(register.find_by_sha(sha256((first.parent / "doc-00000.docx").read_bytes()))) == 1


# --- events and status --------------------------------------------------------


def assert_three_ways_agree(register: Register) -> None:
    """The database's tallies, the pure fold of every event, and the cheap
    states of the matrix give the same answer."""
    full = register.statuses()
    assert full == fold_statuses(register.events())
    assert register.states() == {d: s.line() for d, s in full.items()}


def issue_networks(register, corpus, tmp_path, parties=("net-01", "net-02", "net-03")):
    register.issue_from_manifest(fake_manifest(tmp_path / "issued", list(parties)), now=T0)


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


# --- where the register is ----------------------------------------------------


def test_register_location(tmp_path, monkeypatch):
    monkeypatch.delenv("CONVENTIO_REGISTER", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert (
        db.resolve_url(None) == f"sqlite:///{tmp_path / 'data' / 'conventio' / 'register.sqlite'}"
    )
    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert db.resolve_url(None).endswith("/home/.local/share/conventio/register.sqlite")
    monkeypatch.setenv("CONVENTIO_REGISTER", str(tmp_path / "env.sqlite"))
    assert db.resolve_url(None) == f"sqlite:///{tmp_path / 'env.sqlite'}"
    assert db.resolve_url(tmp_path / "given.sqlite") == f"sqlite:///{tmp_path / 'given.sqlite'}"
    url = "postgresql+psycopg://u:p@h/d"
    assert db.resolve_url(url) == url
    # created on first use, with its store beside it
    monkeypatch.delenv("CONVENTIO_REGISTER_STORE", raising=False)
    with Register(tmp_path / "deep" / "reg.sqlite") as register:
        assert (tmp_path / "deep" / "reg.sqlite").is_file()
        assert register.store.root == tmp_path / "deep" / "store"
        assert register.head() is None


def test_bad_registers_are_named_plainly(tmp_path, monkeypatch):
    monkeypatch.delenv("CONVENTIO_REGISTER_STORE", raising=False)
    with pytest.raises(ConventioError, match="'mysql' database; use an SQLite file or PostgreSQL"):
        Register("mysql://user@host/db")
    with pytest.raises(ConventioError, match="neither a file path nor a database URL"):
        Register("::not a url::/x://")
    with pytest.raises(ConventioError, match="in-memory register would lose everything"):
        Register("sqlite://")
    with pytest.raises(ConventioError, match="cannot use the register") as caught:
        Register("postgresql+psycopg://someone:s3cret@127.0.0.1:1/nothing")
    assert "s3cret" not in str(caught.value)
    assert "127.0.0.1" in str(caught.value)
    # a folder that cannot be made
    blocked = tmp_path / "file"
    blocked.write_text("x")
    with pytest.raises(ConventioError, match="cannot create the register's folder"):
        Register(blocked / "reg.sqlite")


@needs_postgres
def test_a_postgres_register_without_a_store_folder_is_named_plainly(monkeypatch):
    monkeypatch.delenv("CONVENTIO_REGISTER_STORE", raising=False)
    url = os.environ[POSTGRES_ENV]
    with Register(url) as register, pytest.raises(ConventioError, match="--store DIR"):
        register.store  # noqa: B018


def test_store_moved_is_reported(register, corpus, tmp_path):
    issue_networks(register, corpus, tmp_path)
    shutil.rmtree(register.store.root)
    result = register.verify(files=True)
    assert not result.ok
    assert all("not in the register's store" in p.message for p in result.problems)
    assert [p.seq for p in result.problems] == [1, 2, 3]
    assert register.verify(files=False).ok


def test_tables_are_created_once_and_shared(register_url):
    with Register(register_url) as first, Register(register_url) as second:
        assert first.head() is None and second.head() is None
