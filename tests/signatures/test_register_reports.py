"""Reports on the register: one document or source, what is outstanding, one
party, the parties × sources matrix (CSV, XLSX, HTML), what binds a party, and
the texts the CLI prints. Each carries the latest log hash."""

from __future__ import annotations

import csv
import io
import json

import openpyxl
import pytest

from generator.errors import ConventioError
from signatures import db, log, reports
from signatures.cli import texts
from signatures.exports import matrix_csv, matrix_html, matrix_xlsx
from signatures.register import Register
from tests.support.register import (
    PROVIDER_AMENDMENT,
    SIXTH,
    T0,
    corpus_fixture,
    day,
    doc_id,
    fake_manifest,
    real_manifests_fixture,
    register_url_fixture,
    sign,
)

register_url = register_url_fixture()
corpus = corpus_fixture()
real_manifests = real_manifests_fixture()

PSY = {"psy-0001@net-01": "psy-0001", "psy-0001@net-02": "psy-0001", "org-0002@net-01": "org-0002"}
HOSTILE = '<script>alert("x")</script>&amp;'
FORMULA = '=HYPERLINK("http://evil.example","click")'


@pytest.fixture
def register(register_url, corpus, tmp_path):
    """Three networks with the sixth amendment; providers with theirs."""
    with Register(register_url) as opened:
        nets = ["net-01", "net-02", "net-03"]
        opened.issue_from_manifest(fake_manifest(tmp_path / "n", nets), now=T0)
        path = fake_manifest(tmp_path / "p", list(PSY), PROVIDER_AMENDMENT, provider_of=PSY)
        opened.issue_from_manifest(path, now=day(2))
        yield opened


def on_postgres(register: Register) -> bool:
    """Whether the register is on PostgreSQL."""
    return register.engine.dialect.name == "postgresql"


def head_of(register: Register) -> str:
    seq, digest = register.head()
    return f"#{seq}:{digest}"


# --- one document, one source -------------------------------------------------


def test_status_of_a_document_and_of_a_source(register):
    d = doc_id("net-01")
    register.record(d, "sent", now=day(1))
    sign(register, d, "network", party="net-01", now=day(3))
    register.record(
        d, "signed", role="hospital", evidence=b"scan", reason="paper copy", manual=True,
        now=day(4),
    )  # fmt: skip
    text = reports.status_text(register, d)
    who = register.recorder
    assert "state: partly signed (missing: committee) [manual]" in text
    assert "committee: not signed" in text
    assert f"network (net-01): signed 2024-03-04 09:00 UTC, recorded by {who}" in text
    assert f"hospital: signed 2024-03-05 09:00 UTC (manual record), recorded by {who}" in text
    assert "MANUAL RECORD  reason: paper copy" in text
    assert head_of(register) in text
    text = reports.status_text(register, SIXTH)
    assert f"{SIXTH}: 3 document(s)" in text
    assert "2 issued, 1 partly signed" in text
    assert head_of(register) in text
    with pytest.raises(ConventioError, match="no document and no source 'nothing'"):
        reports.status_text(register, "nothing")


# --- outstanding ----------------------------------------------------------------


def test_outstanding_with_a_reminder_interval(register):
    a, b, c = doc_id("net-01"), doc_id("net-02"), doc_id("net-03")
    register.record(a, "sent", now=day(1))
    register.record(a, "reminder", now=day(10))
    register.record(b, "sent", now=day(5))
    for role in ("committee", "network", "hospital"):
        sign(register, c, role, now=day(6))
    register.record(doc_id("psy-0001@net-02", PROVIDER_AMENDMENT), "voided", reason="x")
    items = {o.status.document_id: o for o in reports.outstanding(register, 14, now=day(20))}
    assert c not in items and doc_id("psy-0001@net-02", PROVIDER_AMENDMENT) not in items
    assert items[a].days == 19 and not items[a].reminder_due  # reminded 10 days ago
    assert items[b].days == 15 and items[b].reminder_due
    psy = doc_id("psy-0001@net-01", PROVIDER_AMENDMENT)
    assert items[psy].days == 18 and items[psy].reminder_due
    assert items[psy].missing == {"provider": "psy-0001", "network": "net-01", "hospital": None}
    # longest waiting first
    assert next(iter(items)) == a
    text = reports.outstanding_text(register, 14, now=day(20))
    assert "4 document(s) awaiting signatures; reminder due for 3 (every 14 days)" in text
    assert f"{a}: missing committee, network (net-01), hospital; sent 19 day(s) ago; " in text
    assert "1 reminder(s), last 2024-03-11 09:00 UTC" in text
    assert (
        f"{b}: missing committee, network (net-02), hospital; sent 15 day(s) ago  REMINDER DUE"
        in (text)
    )
    assert head_of(register) in text
    with pytest.raises(ConventioError, match="at least 1 day"):
        reports.outstanding(register, 0)


# --- one party --------------------------------------------------------------------


def test_what_a_party_signed(register):
    net = doc_id("net-01")
    psy = doc_id("psy-0001@net-01", PROVIDER_AMENDMENT)
    sign(register, net, "network", party="net-01", now=day(3))
    sign(register, psy, "provider", party="psy-0001", now=day(4))
    with Register(register.url, actor="Marie Dubois (INAMI)") as clerk:
        clerk.record(
            psy, "signed", role="network", party="net-01", evidence=b"x", reason="paper",
            now=day(5),
        )  # fmt: skip
    sign(register, psy, "hospital", party="hosp-01", now=day(6))
    items = {i.status.document_id: i for i in reports.party_documents(register, "net-01")}
    org = doc_id("org-0002@net-01", PROVIDER_AMENDMENT)
    assert set(items) == {net, psy, org}
    assert items[net].roles == ("network",) and items[psy].roles == ("network",)
    text = reports.party_text(register, "net-01")
    assert "net-01: 3 document(s), signed its part of 2" in text
    # on PostgreSQL, also the database user the server vouches for
    user = f" (database user {register.engine.url.username})" if on_postgres(register) else ""
    assert (
        f"{psy}: network signed 2024-03-06 09:00 UTC (manual record), recorded by "
        f"Marie Dubois (INAMI){user} — document fully signed" in text
    )
    assert f"{net}: network signed 2024-03-04 09:00 UTC, recorded by {register.recorder}" in text
    assert f"{org}: network not signed — document issued" in text
    assert head_of(register) in text
    # a provider with two networks: both its documents; a hospital through what it signed
    assert len(reports.party_documents(register, "psy-0001")) == 2
    assert [i.roles for i in reports.party_documents(register, "hosp-01")] == [("hospital",)]
    with pytest.raises(ConventioError, match="no document for or signed by 'nobody'"):
        reports.party_text(register, "nobody")


# --- the matrix -----------------------------------------------------------------


def issue_unchecked(register: Register, parties: list[str]) -> None:
    """Issued events for party values `issue` now refuses, as a register
    written by an earlier conventio (or by hand) may hold them: the exports
    must still treat them as hostile."""
    template = register.issued_document(doc_id("net-01"))
    drafts = []
    for party in parties:
        fields = {name: getattr(template, name) for name in log.HASHED if name != "seq"}
        fields.update(document_id=doc_id(party), party=party, at=log.format_time(day(3)))
        drafts.append(fields)
    with db.writing(register.engine) as connection:
        log.append(connection, drafts)


def test_matrix_exports_are_faithful_and_escaped(register, corpus, tmp_path):
    with pytest.raises(ConventioError, match="is not a party id"):
        register.issue_from_manifest(fake_manifest(tmp_path / "h", [HOSTILE, FORMULA]))
    issue_unchecked(register, [HOSTILE, FORMULA])
    sign(register, doc_id(HOSTILE), "network", now=day(4))
    register.record(doc_id("net-01"), "superseded", reason="seventh amendment", now=day(5))
    grid = reports.matrix(register)
    assert grid.sources == [SIXTH, PROVIDER_AMENDMENT]
    assert grid.parties == sorted(["net-01", "net-02", "net-03", *PSY, HOSTILE, FORMULA])
    assert grid.label(HOSTILE, SIXTH) == "partly signed (missing: committee, hospital)"
    assert grid.label("net-01", SIXTH) == "superseded"
    assert grid.label("net-01", PROVIDER_AMENDMENT) == ""
    head = head_of(register)
    assert grid.head.endswith(head)

    rows = list(csv.reader(io.StringIO(matrix_csv(grid).decode("utf-8"))))
    assert rows[0] == ["party", SIXTH, PROVIDER_AMENDMENT]
    table = {r[0]: r[1:] for r in rows[1 : 1 + len(grid.parties)]}
    assert table[HOSTILE] == ["partly signed (missing: committee, hospital)", ""]
    assert table["'" + FORMULA] == ["issued", ""]  # never a formula
    assert table["psy-0001@net-01"] == ["", "issued"]
    assert rows[-1] == ["log", grid.head] and head in rows[-1][1]

    path = tmp_path / "m.xlsx"
    path.write_bytes(matrix_xlsx(grid))
    book = openpyxl.load_workbook(path)
    sheet = book["matrix"]
    values = [[c.value or "" for c in row] for row in sheet.iter_rows()]
    assert values[0] == ["party", SIXTH, PROVIDER_AMENDMENT]
    by_party = {r[0]: r[1:] for r in values[1:]}
    assert by_party[FORMULA] == ["issued", ""]
    assert sheet.cell(row=1 + grid.parties.index(FORMULA) + 1, column=1).data_type == "s"
    assert by_party["net-01"] == ["superseded", ""]
    assert head in book["register"]["B2"].value

    page = matrix_html(grid).decode("utf-8")
    assert "<script>" not in page and "alert(&quot;x&quot;)" in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;amp;" in page
    assert "<link" not in page and "src=" not in page  # self-contained
    assert head in page

    for fmt in ("csv", "xlsx", "html"):
        out = tmp_path / f"matrix.{fmt}"
        text = texts.matrix_export(out, None, register.url)
        assert out.is_file() and f"written: {out}" in text and head in text
    with pytest.raises(ConventioError, match="cannot tell the format"):
        texts.matrix_export(tmp_path / "matrix.pdf", None, register.url)


def test_latest_copy_counts_in_the_matrix(register, corpus, tmp_path):
    again = fake_manifest(tmp_path / "again", ["net-01"], content="v2")
    register.issue_from_manifest(again, now=day(9), reissue=True)
    grid = reports.matrix(register)
    assert grid.label("net-01", SIXTH) == "issued"
    assert grid.cells[("net-01", SIXTH)].issued_at == "2024-03-10T09:00:00.000000Z"


# --- what binds a party -----------------------------------------------------------


def test_signed_sources_for_a_party(register, corpus):
    for role in ("committee", "network", "hospital"):
        sign(register, doc_id("net-01"), role, now=day(3))
    assert reports.signed_sources_for(register, "net-01", "inami-network-2021") == (
        [SIXTH],
        [],
    )
    assert reports.signed_sources_for(register, "net-02", "inami-network-2021", corpus) == (
        [],
        [SIXTH],
    )
    psy = doc_id("org-0002@net-01", PROVIDER_AMENDMENT)
    register.record(psy, "declined", role="organisation", evidence=b"letter", reason="by post",
                    now=day(4))  # fmt: skip
    assert reports.signed_sources_for(register, "org-0002", "network-provider-2021") == ([], [])
    with pytest.raises(ConventioError, match=r"several networks.*psy-0001@net-01"):
        reports.signed_sources_for(register, "psy-0001", "network-provider-2021")
    assert reports.signed_sources_for(register, "psy-0001@net-02", "network-provider-2021") == (
        [],
        [PROVIDER_AMENDMENT],
    )
    # a party never issued anything of the convention: an error, with the closest ids
    with pytest.raises(ConventioError, match=r"issued nothing of inami-network-2021.*'net-09'"):
        reports.signed_sources_for(register, "net-09", "inami-network-2021")
    with pytest.raises(ConventioError, match=r"did you mean net-01"):
        reports.signed_sources_for(register, "net-1", "inami-network-2021")
    with pytest.raises(ConventioError, match=r"issued nothing of inami-network-2018.*to anyone"):
        reports.signed_sources_for(register, "net-01", "inami-network-2018")


# --- the CLI's texts --------------------------------------------------------------


def test_cli_texts_from_a_real_manifest(register_url, corpus, real_manifests, tmp_path):
    folder = real_manifests["sixth"]
    text = texts.issue(folder, register_url, now=T0)
    assert text.startswith("2 document(s) recorded as issued\n")
    text = texts.issue(folder / "manifest.json", register_url, now=T0)
    assert text.startswith("0 document(s) recorded as issued (2 already recorded")
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    d = next(e["document_id"] for e in manifest["documents"] if e["party"] == "net-02")
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7 signed on paper")
    text = texts.record_text(
        d,
        "signed",
        register_url,
        role="hospital",
        evidence_path=scan,
        reason="signed on paper, posted",
        now=day(2),
    )
    assert "recorded (manual record):" in text and "MANUAL RECORD" in text
    assert f"{d}: partly signed (missing: committee, network) [manual]" in text
    text = texts.record_text(d, "sent", register_url, now=day(1))
    assert text.startswith("recorded: #4 ") and "log: 4 events" in text
    with pytest.raises(ConventioError, match="cannot read the evidence file"):
        texts.record_text(
            d, "signed", register_url, role="network", evidence_path=tmp_path / "none.pdf"
        )
    assert "(manual record)" in texts.status_text(d, register_url)
    assert "2 document(s) awaiting signatures" in texts.outstanding_text(
        register_url, interval_days=7, now=day(30)
    )
    assert "net-02: 1 document(s)" in texts.party_text("net-02", register_url)
    ok, text = texts.verify_log_text(register_url)
    assert ok and text.startswith("ok: 4 events and the files it names verified")
    with Register(register_url) as register:
        assert register.store.get(register.events(d)[-2].evidence_sha256) == scan.read_bytes()
