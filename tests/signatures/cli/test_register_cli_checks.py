"""What the command line refuses or names about the register's content:
`signatures issue` checks each manifest entry against the identity in its
files and refuses ids that are not party ids (all or nothing); `verify-log`
names an inserted event as inserted, says whether an anchor holds, tells a
malformed or mistyped anchor from a rewritten log, and prints hashes in full.
SQLite always, PostgreSQL when CONVENTIO_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner
from pypdf import PdfWriter

from generator.cli import cli
from generator.pdf.finish import finish
from generator.privacy import holds_national_number
from signatures import db, log
from tests.support.register import SIXTH, doc_id, fake_manifest, register_url_fixture

register_url = register_url_fixture()

NRN = "890328-993-57"


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    return result


def event_count(url: str) -> int:
    """How many events the register holds (0 when there is no register there)."""
    if "://" not in url and not Path(url).exists():
        return 0
    engine = db.make_engine(db.resolve_url(url))
    try:
        if not sa.inspect(engine).has_table(db.events.name):
            return 0
        with db.reading(engine) as connection:
            return len(log.read_events(connection))
    finally:
        engine.dispose()


# --- issue: each entry against its files, party ids ----------------------------------


def edit(manifest: Path, number: int, **values) -> None:
    """Change fields of the manifest's entry `number` (1-based)."""
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["documents"][number - 1].update(values)
    manifest.write_text(json.dumps(data), encoding="utf-8")


def put_file(manifest: Path, number: int, fmt: str, name: str, content: bytes) -> None:
    """Give entry `number` the file `name` with `content` (its hash in the manifest)."""
    import hashlib

    (manifest.parent / name).write_bytes(content)
    data = json.loads(manifest.read_text(encoding="utf-8"))
    entry = data["documents"][number - 1]
    entry["files"][fmt] = {"path": name, "sha256": hashlib.sha256(content).hexdigest()}
    manifest.write_text(json.dumps(data), encoding="utf-8")


def identity_pdf(document_id: str, content_hash: str) -> bytes:
    """A real PDF whose identity `generator.pdf.finish` wrote."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return finish(buffer.getvalue(), document_id=document_id, content_hash=content_hash)


def refused(url: str, manifest: Path) -> str:
    result = run("signatures", "issue", str(manifest), "--register", url)
    assert result.exit_code == 1, result.output
    assert "nothing was recorded" in result.output
    assert event_count(url) == 0
    return result.output


def test_files_that_are_not_their_entrys_copy_are_refused(register_url, tmp_path):
    manifest = fake_manifest(tmp_path / "m", ["net-01", "net-02", "net-03"])
    entries = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    # the copies of net-01 and net-02 swapped; net-03 is fine, and not recorded either
    edit(manifest, 1, files=entries[1]["files"])
    edit(manifest, 2, files=entries[0]["files"])
    text = refused(register_url, manifest)
    assert "2 problem(s)" in text
    assert (
        f"document 1 ('{doc_id('net-01')}'): its DOCX file doc-00001.docx is the copy of "
        f"document '{doc_id('net-02')}', not of this one" in text
    )
    assert f"document 2 ('{doc_id('net-02')}'): its DOCX file doc-00000.docx" in text
    assert "document 3" not in text


def test_a_content_hash_other_than_the_files_is_refused(register_url, tmp_path):
    manifest = fake_manifest(tmp_path / "m", ["net-01", "net-02"])
    edit(manifest, 2, content_hash="f" * 64)
    text = refused(register_url, manifest)
    assert f"document 2 ('{doc_id('net-02')}'): its DOCX file doc-00001.docx carries the " in text
    assert f"the manifest '{'f' * 64}': file and manifest are not of the same generation" in text


def test_files_without_an_identity_are_refused(register_url, tmp_path):
    manifest = fake_manifest(tmp_path / "m", ["net-01", "net-02"])
    plain = io.BytesIO()
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    put_file(manifest, 1, "docx", "plain.docx", plain.getvalue())
    put_file(manifest, 2, "docx", "text.docx", b"not a word file")
    text = refused(register_url, manifest)
    assert "its DOCX file plain.docx carries no conventio identity" in text
    assert "its DOCX file text.docx: it is not a DOCX file" in text


def test_a_pdf_is_checked_against_its_entry_too(register_url, tmp_path):
    manifest = fake_manifest(tmp_path / "m", ["net-01", "net-02"])
    entries = json.loads(manifest.read_text(encoding="utf-8"))["documents"]
    good = identity_pdf(doc_id("net-01"), entries[0]["content_hash"])
    put_file(manifest, 1, "pdf", "net-01.pdf", good)
    put_file(manifest, 2, "pdf", "net-02.pdf", identity_pdf(doc_id("net-01"), "0" * 64))
    text = refused(register_url, manifest)
    assert (
        f"document 2 ('{doc_id('net-02')}'): its PDF file net-02.pdf is the copy of document "
        f"'{doc_id('net-01')}', not of this one" in text
    )
    assert "document 1" not in text
    right = identity_pdf(doc_id("net-02"), entries[1]["content_hash"])
    put_file(manifest, 2, "pdf", "net-02.pdf", right)
    accepted = run("signatures", "issue", str(manifest), "--register", register_url)
    assert accepted.exit_code == 0, accepted.output
    assert "2 document(s) recorded as issued" in accepted.output


@pytest.mark.parametrize(
    ("values", "message"),
    [
        ({"party": "Net 01", "network": "Net 01"}, "its party 'Net 01' is not a party id"),
        ({"network": "../net-01"}, "its network '../net-01' is not a party id"),
        ({"provider": "PSY-1"}, "its provider 'PSY-1' is not a party id"),
        ({"party": "psy-0001@net-01@x"}, "its party 'psy-0001@net-01@x' is not a party id"),
        (
            {"party": "net-02"},
            "its party is 'net-02', but its network and provider make it 'net-01'",
        ),
        (
            {"provider": "psy-0001"},
            "its party is 'net-01', but its network and provider make it 'psy-0001@net-01'",
        ),
        (
            {"document_id": f"{SIXTH}#net-09#fr"},
            "its document id is not the one generation gives this source, party and language",
        ),
    ],
)
def test_ids_that_are_not_party_ids_or_disagree_are_refused(
    register_url, tmp_path, values, message
):
    manifest = fake_manifest(tmp_path / "m", ["net-01", "net-02"])
    edit(manifest, 1, **values)
    text = refused(register_url, manifest)
    assert "document 1 (" in text and message in text
    assert "document 2" not in text


def test_a_party_id_holding_a_national_register_number_is_refused_unrepeated(
    register_url, tmp_path
):
    manifest = fake_manifest(tmp_path / "m", ["net-01"])
    edit(manifest, 1, party=f"psy-{NRN}@net-01", provider=f"psy-{NRN}")
    text = refused(register_url, manifest)
    assert "national register number" in text
    assert not holds_national_number(text)


# --- verify-log ---------------------------------------------------------------------------


@pytest.fixture
def logged(register_url, tmp_path):
    """Three issued documents and seven more events, through the CLI: 10 in all."""
    manifest = fake_manifest(tmp_path / "m", ["net-01", "net-02", "net-03"])
    assert run("signatures", "issue", str(manifest), "--register", register_url).exit_code == 0
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF scan")
    for party in ("net-01", "net-02", "net-03"):
        run("signatures", "record", doc_id(party), "--kind", "sent", "--register", register_url)
        result = run(
            "signatures", "record", doc_id(party), "--kind", "signed", "--role", "network",
            "--evidence", str(scan), "--reason", "paper", "--register", register_url,
        )  # fmt: skip
        assert result.exit_code == 0, result.output
    run("signatures", "record", doc_id("net-01"), "--kind", "reminder", "--register", register_url)
    assert event_count(register_url) == 10
    return register_url


def rows(url: str) -> dict[int, dict]:
    engine = sa.create_engine(db.resolve_url(url))
    with engine.connect() as connection:
        found = connection.execute(sa.select(db.events).order_by(db.events.c.seq)).all()
    engine.dispose()
    return {row.seq: dict(row._mapping) for row in found}


def change(url: str, *statements) -> None:
    engine = sa.create_engine(db.resolve_url(url))
    with engine.begin() as connection:
        for statement in statements:
            connection.execute(statement)
    engine.dispose()


def verify(url: str, *extra: str):
    return run("signatures", "verify-log", "--register", url, *extra)


def test_an_inserted_event_is_named_inserted(logged):
    e = db.events
    before = rows(logged)
    # room made at #4, and a forged event there whose hash is computed as conventio does
    forged = before[3] | {"seq": 4, "kind": "declined", "role": "network"}
    forged["prev_hash"] = before[3]["hash"]
    forged["hash"] = log.event_hash(forged["prev_hash"], forged)
    change(
        logged,
        *(e.update().where(e.c.seq == seq).values(seq=seq + 1) for seq in range(10, 3, -1)),
        e.insert().values(**forged),
    )
    result = verify(logged)
    assert result.exit_code == 1
    problems = result.output.splitlines()[:-2]
    assert problems == [
        f"event #4 was inserted (forged): 'declined network' about document {doc_id('net-03')} "
        "is not part of the chain: event #5 links directly to #3; its hash was computed as "
        "conventio does; to make room, the events from #5 to #11 were renumbered (written as "
        "#4 to #10)"
    ]
    assert "NOT OK: 1 problem(s) in 11 events" in result.output


def test_events_renumbered_after_a_deletion_are_named_once(logged):
    e = db.events
    change(
        logged,
        e.delete().where(e.c.seq == 6),
        *(e.update().where(e.c.seq == seq).values(seq=seq - 1) for seq in range(7, 11)),
    )
    result = verify(logged)
    assert result.exit_code == 1
    assert (
        "events #6 to #9 were renumbered: written as #7 to #10; the event written as #6 was "
        "deleted and the numbers closed up" in result.output
    )
    assert "NOT OK: 1 problem(s)" in result.output


def test_an_anchor_that_holds_is_said_to_hold(logged):
    digest = rows(logged)[10]["hash"]
    earlier = rows(logged)[4]["hash"]
    for anchor in (f"#10:{digest}", f"10:{digest}", f"#10:{digest.upper()}", f"#4:{earlier}"):
        result = verify(logged, "--anchor", anchor)
        assert result.exit_code == 0, result.output
        seq = anchor.lstrip("#").split(":")[0]
        assert f"anchor #{seq}:{anchor.split(':')[1].lower()} holds" in result.output
        assert f"ok: 10 events and the files it names verified; latest #10:{digest}" in (
            result.output
        )


@pytest.mark.parametrize(
    "anchor",
    ["#10:abc", "#0:" + "a" * 64, "ten", "#10:" + "g" * 64, "#10:" + "a" * 16 + "..."],
)
def test_a_malformed_anchor_is_a_usage_error(logged, anchor):
    result = verify(logged, "--anchor", anchor)
    assert result.exit_code == 2
    assert "Invalid value for '--anchor'" in result.output
    assert "is not a log position" in result.output
    assert "NOT OK" not in result.output and "rewritten" not in result.output


def test_an_anchor_with_the_wrong_number_is_said_mistyped(logged):
    digest = rows(logged)[10]["hash"]
    result = verify(logged, "--anchor", f"#9:{digest}")
    assert result.exit_code == 1
    assert (
        f"anchor #9:{digest}: does not hold as given: that hash is event #10's, not #9's; "
        f"check the number noted (anchor #10:{digest} holds)" in result.output
    )
    assert "rewritten" not in result.output and "deleted" not in result.output


def test_an_unknown_anchor_names_both_causes_and_every_hash_in_full(logged):
    unknown = "ab" * 32
    at_five = rows(logged)[5]["hash"]
    result = verify(logged, "--anchor", f"#5:{unknown}")
    assert result.exit_code == 1
    assert (
        f"anchor #5:{unknown}: does not hold: no event of this log has that hash (event #5 has "
        f"{at_five}): either the anchor was noted from another register, or the log was "
        "rewritten up to #5 since it was noted" in result.output
    )
    beyond = verify(logged, "--anchor", f"#12:{unknown}")
    assert (
        "does not hold: the log ends at #10 and no event of it has that hash: either the anchor "
        "was noted from another register, or events #11 to #12 were cut from the end of the "
        "log since it was noted" in beyond.output
    )
    # no hash is ever shortened: two different ones never look the same
    for text in (result.output, beyond.output):
        assert not re.search(r"[0-9a-f]{8,63}\.\.\.", text)
        for digest in re.findall(r"[0-9a-f]{16,}", text):
            assert len(digest) == 64


def test_a_refused_manifest_leaves_no_register_behind(tmp_path):
    manifest = fake_manifest(tmp_path / "m", ["net-01"])
    edit(manifest, 1, content_hash="f" * 64)
    where = tmp_path / "new" / "register.sqlite"
    result = run("signatures", "issue", str(manifest), "--register", str(where))
    assert result.exit_code == 1 and "nothing was recorded" in result.output
    assert not where.exists() and not where.parent.exists()
