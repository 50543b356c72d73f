"""The register's facts through the command line (`conventio signatures ...`
and `conventio show --party`): a signature typed by hand is a manual record
with its evidence, every event says who recorded it, reading never creates a
register, a party never issued to is an error, and `--corpus` is honoured.
SQLite always, PostgreSQL when CONVENTIO_TEST_POSTGRES_URL is set."""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from generator.cli import cli
from generator.privacy import holds_national_number
from signatures import db, log
from tests.support.minicorpus import write_corpus
from tests.support.register import (
    SIXTH,
    corpus_fixture,
    doc_id,
    fake_manifest,
    fresh_url,
    needs_postgres,
    register_url_fixture,
)

register_url = register_url_fixture()
corpus = corpus_fixture()

NRN = "890328-993-57"
NETWORKS = ["net-01", "net-02", "net-03"]


def run(*args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(cli, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "internal error" not in result.output and "Traceback" not in result.output
    return result


def on_postgres(url: str) -> bool:
    return url.startswith("postgresql")


@pytest.fixture
def issued(register_url, tmp_path):
    """The sixth amendment issued to three networks, through the CLI."""
    manifest = fake_manifest(tmp_path / "issued", NETWORKS)
    result = run("signatures", "issue", str(manifest), "--register", register_url)
    assert result.exit_code == 0, result.output
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7 scanned paper")
    return {"url": register_url, "scan": str(scan), "tmp": tmp_path}


def events(url: str) -> list[log.Event]:
    engine = db.make_engine(db.resolve_url(url))
    try:
        with db.reading(engine) as connection:
            return log.read_events(connection)
    finally:
        engine.dispose()


# --- a signature typed by hand ---------------------------------------------------


@pytest.mark.parametrize("kind", ["signed", "declined"])
def test_a_hand_signature_without_evidence_and_reason_is_refused(issued, kind):
    url, d = issued["url"], doc_id("net-01")
    before = len(events(url))
    for extra in ([], ["--evidence", issued["scan"]], ["--reason", "on paper"]):
        result = run(
            "signatures", "record", d, "--kind", kind, "--role", "network", *extra,
            "--register", url,
        )  # fmt: skip
        assert result.exit_code == 1
        assert "a manual record needs its evidence" in result.output
        assert f"a {kind} event that does not come from a signed PDF checked by" in result.output
    assert len(events(url)) == before  # nothing written


def test_a_hand_signature_is_manual_everywhere_without_saying_manual(issued, tmp_path):
    url, d = issued["url"], doc_id("net-01")
    result = run(
        "signatures", "record", d, "--kind", "signed", "--role", "network",
        "--evidence", issued["scan"], "--reason", "signed on paper, 12/10/2023",
        "--register", url,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert result.output.startswith("recorded (manual record): #4 ")
    assert "MANUAL RECORD" in result.output
    assert f"{d}: partly signed (missing: committee, hospital) [manual]" in result.output
    assert events(url)[-1].manual
    status = run("signatures", "status", d, "--register", url).output
    assert "network (net-01): signed 2024" not in status  # dated now, not in 2024
    assert "(manual record), recorded by" in status and "[manual]" in status
    assert "(manual record)" in run("signatures", "party", "net-01", "--register", url).output
    assert "[manual]" in run("signatures", "status", SIXTH, "--register", url).output
    matrix = tmp_path / "matrix.csv"
    assert run("signatures", "matrix", "-o", str(matrix), "--register", url).exit_code == 0
    assert "partly signed (missing: committee, hospital) [manual]" in matrix.read_text()
    # --manual is still accepted, and changes nothing
    again = run(
        "signatures", "record", d, "--kind", "declined", "--role", "hospital", "--manual",
        "--evidence", issued["scan"], "--reason", "refused by letter", "--register", url,
    )  # fmt: skip
    assert again.exit_code == 0, again.output
    assert again.output.startswith("recorded (manual record): #5 ")


# --- who recorded each event -------------------------------------------------------


def test_every_event_says_who_recorded_it(issued):
    url, d = issued["url"], doc_id("net-02")
    user = f" (database user {sa.make_url(url).username})" if on_postgres(url) else ""
    env = {"CONVENTIO_ACTOR": ""}
    # the issue: the operating-system user (and on PostgreSQL the database user)
    first = events(url)[0]
    assert first.recorded_by == getpass.getuser()
    assert first.database_user == (sa.make_url(url).username if on_postgres(url) else None)
    # --actor, else CONVENTIO_ACTOR
    sent = run("signatures", "record", d, "--kind", "sent", "--actor", "Marie Dubois",
               "--register", url, env=env)  # fmt: skip
    assert sent.exit_code == 0, sent.output
    assert f"recorded by Marie Dubois{user}" in sent.output
    reminded = run("signatures", "record", d, "--kind", "reminder", "--register", url,
                   env={"CONVENTIO_ACTOR": "Jan Peeters"})  # fmt: skip
    assert f"recorded by Jan Peeters{user}" in reminded.output
    signed = run(
        "signatures", "record", d, "--kind", "signed", "--role", "network",
        "--evidence", issued["scan"], "--reason", "paper", "--actor", "Marie Dubois",
        "--register", url,
    )  # fmt: skip
    assert signed.exit_code == 0, signed.output
    status = run("signatures", "status", d, "--register", url).output
    assert f"(manual record), recorded by Marie Dubois{user}" in status
    mine = next(e for e in events(url) if e.document_id == d)
    assert f"issued  docx {mine.data['files']['docx']['sha256']}" in status  # in full
    assert f"recorded by {getpass.getuser()}{user}" in status
    assert f"recorded by Jan Peeters{user}" in status
    party = run("signatures", "party", "net-02", "--register", url).output
    assert f"(manual record), recorded by Marie Dubois{user}" in party
    # the recorder is part of the event's hash: changing it is caught
    e = db.events
    engine = db.make_engine(db.resolve_url(url))
    with engine.begin() as connection:
        connection.execute(e.update().where(e.c.seq == 4).values(recorded_by="someone else"))
    engine.dispose()
    checked = run("signatures", "verify-log", "--register", url)
    assert checked.exit_code == 1 and "event #4 (document" in checked.output


def test_an_actor_holding_a_national_register_number_is_refused(issued):
    url, d = issued["url"], doc_id("net-01")
    before = len(events(url))
    result = run("signatures", "record", d, "--kind", "sent", "--actor", f"clerk {NRN}",
                 "--register", url)  # fmt: skip
    assert result.exit_code == 1
    assert "national register number" in result.output
    assert not holds_national_number(result.output)
    assert len(events(url)) == before


def test_without_a_user_name_the_user_id_is_recorded(monkeypatch):
    from signatures.recorder import recorder_name

    # the real failure needs a process whose user has no name; getpass raises OSError then
    def no_name() -> str:
        raise OSError("No username set in the environment")

    monkeypatch.delenv("CONVENTIO_ACTOR", raising=False)
    monkeypatch.setattr(getpass, "getuser", no_name)
    assert recorder_name() == f"uid {os.getuid()}"
    assert recorder_name("  Marie Dubois ") == "Marie Dubois"


def test_a_version_1_register_is_upgraded_in_place(register_url, tmp_path, corpus):
    """A register written before events said who recorded them: its events
    keep their hashes, new ones say who recorded them."""
    from signatures.register import Register

    with Register(register_url) as register:
        register.issue_from_manifest(fake_manifest(tmp_path / "m", ["net-01"]))
    # back to version 1: its event hashed without the new columns, which are dropped
    engine = sa.create_engine(db.resolve_url(register_url))
    e = db.events
    with engine.begin() as connection:
        connection.execute(e.update().values(recorded_by=None, database_user=None))
        (event,) = log.read_events(connection)
        fields = {name: getattr(event, name) for name in log.HASHED}
        connection.execute(e.update().values(hash=log.event_hash(log.GENESIS, fields)))
        for column in ("recorded_by", "database_user"):
            connection.execute(sa.text(f"ALTER TABLE register_events DROP COLUMN {column}"))
        connection.execute(db.meta.update().values(value="1"))
    checked = run("signatures", "verify-log", "--register", register_url)
    assert checked.exit_code == 0, checked.output
    sent = run("signatures", "record", doc_id("net-01"), "--kind", "sent", "--actor", "Ann",
               "--register", register_url)  # fmt: skip
    assert sent.exit_code == 0 and "recorded by Ann" in sent.output
    status = run("signatures", "status", doc_id("net-01"), "--register", register_url).output
    assert "recorded by: not known (recorded before conventio kept it)" in status
    assert run("signatures", "verify-log", "--register", register_url).exit_code == 0
    with engine.connect() as connection:
        assert connection.execute(sa.select(db.meta.c.value)).scalar() == "2"
    engine.dispose()


# --- reading never creates a register ------------------------------------------------


READERS = [
    ["signatures", "status", SIXTH],
    ["signatures", "outstanding"],
    ["signatures", "party", "net-01"],
    ["signatures", "matrix", "-o", "{tmp}/matrix.csv"],
    ["signatures", "verify-log"],
    ["signatures", "record", doc_id("net-01"), "--kind", "sent"],
    ["show", "inami-network-2021", "--party", "net-01"],
]


@pytest.mark.parametrize("command", READERS, ids=lambda c: " ".join(c[:2]))
def test_reading_a_register_that_does_not_exist_creates_nothing(tmp_path, command):
    missing = tmp_path / "nowhere" / "register.sqlite"
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    result = run(*args, "--register", str(missing))
    assert result.exit_code == 1
    assert f"there is no register at {missing}" in result.output
    assert not missing.parent.exists()


def _not_registers(tmp_path: Path) -> dict[str, Path]:
    tmp_path.mkdir()
    text = tmp_path / "notes.txt"
    text.write_text("not a database\n")
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(b"")
    folder = tmp_path / "folder"
    folder.mkdir()
    other = tmp_path / "other.sqlite"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.commit()
    connection.close()
    return {
        "is not a register: it is not an SQLite database": text,
        "is an empty file, not a register": empty,
        "is a folder; give the register's file": folder,
        "is an SQLite database of another program (tables invoices)": other,
    }


@pytest.mark.parametrize("command", READERS[:5], ids=lambda c: " ".join(c[:2]))
def test_what_is_not_a_register_is_named_and_left_alone(tmp_path, command):
    args = [a.replace("{tmp}", str(tmp_path)) for a in command]
    for message, path in _not_registers(tmp_path / command[1]).items():
        before = sorted(p.name for p in path.parent.iterdir())
        content = path.read_bytes() if path.is_file() else None
        result = run(*args, "--register", str(path))
        assert result.exit_code == 1, result.output
        assert f"{path} {message}" in result.output or f"register {path} {message}" in (
            result.output
        )
        assert sorted(p.name for p in path.parent.iterdir()) == before  # no -wal, no store
        assert (path.read_bytes() if path.is_file() else None) == content


def test_issue_does_not_write_into_what_is_not_a_register(tmp_path):
    manifest = fake_manifest(tmp_path / "issued", ["net-01"])
    for message, path in _not_registers(tmp_path / "targets").items():
        if "empty file" in message:
            continue  # an empty file is where SQLite makes a new database
        content = path.read_bytes() if path.is_file() else None
        result = run("signatures", "issue", str(manifest), "--register", str(path))
        assert result.exit_code == 1 and message in result.output, result.output
        assert (path.read_bytes() if path.is_file() else None) == content


def test_issue_reads_who_signs_from_the_manifest_not_a_party_file(tmp_path):
    """`--parties` is no longer read (a party file that does not even exist is no
    error): the manifest says who signs; the user is told the option is not needed."""
    manifest = fake_manifest(tmp_path / "issued", ["net-01"])
    register = tmp_path / "register.sqlite"
    result = run(
        "signatures", "issue", str(manifest), "--register", str(register),
        "--parties", str(tmp_path / "no-such-parties.yaml"),
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert "--parties is no longer needed (and not read)" in result.output
    assert "1 document(s) recorded as issued" in result.output


@needs_postgres
def test_reading_an_empty_postgres_database_creates_no_tables(tmp_path, monkeypatch):
    monkeypatch.setenv("CONVENTIO_REGISTER_STORE", str(tmp_path / "store"))
    url = fresh_url("postgresql", tmp_path)
    result = run("signatures", "outstanding", "--register", url)
    assert result.exit_code == 1
    assert "there is no register in the database postgresql+psycopg://conventio:***@" in (
        result.output
    )
    engine = sa.create_engine(url)
    with engine.connect() as connection:
        tables = set(sa.inspect(connection).get_table_names())
    engine.dispose()
    assert not tables & {"register_events", "register_meta"}


# --- show --party ----------------------------------------------------------------------


def test_show_party_of_a_party_never_issued_to_is_an_error(issued):
    url = issued["url"]
    shown = run("show", "inami-network-2021", "--party", "net-01", "--register", url)
    assert shown.exit_code == 0, shown.output
    assert "En attente de signature (non appliqué)" in shown.output
    for party, hint in (("net-1", "did you mean net-01"), ("net-09", "")):
        result = run("show", "inami-network-2021", "--party", party, "--register", url)
        assert result.exit_code == 1
        assert f"has issued nothing of inami-network-2021 (nor of its amendments) to '{party}'" in (
            result.output
        )
        assert hint in result.output
    other = run("show", "network-provider-2021", "--party", "net-01", "--register", url)
    assert other.exit_code == 1
    assert "has issued nothing of network-provider-2021" in other.output
    amendment = run("show", SIXTH, "--party", "net-01", "--register", url)
    assert amendment.exit_code == 1 and "applies to a convention, not to" in amendment.output


# --- --corpus ----------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["issue", "{manifest}"], ["status", SIXTH], ["verify-log"]])
def test_a_corpus_that_does_not_exist_is_an_error_for_every_command(tmp_path, command):
    manifest = fake_manifest(tmp_path / "issued", ["net-01"])
    register = tmp_path / "register.sqlite"
    args = [a.replace("{manifest}", str(manifest)) for a in command]
    for given, env in (
        (["--corpus", str(tmp_path / "nonexistent")], None),
        ([], {"CONVENTIO_CORPUS": str(tmp_path / "nonexistent")}),
    ):
        result = run(*given, "signatures", *args, "--register", str(register), env=env)
        assert result.exit_code == 1
        assert f"the corpus folder {tmp_path / 'nonexistent'} does not exist" in result.output
        assert not register.exists()


def test_issue_and_show_party_use_the_corpus_given(tmp_path):
    corpus = write_corpus(tmp_path / "corpus")
    # as generation writes it from the mini corpus, whose amendment the committee and
    # the network sign
    signing = ("committee", "network")
    manifest = fake_manifest(
        tmp_path / "issued", ["net-01", "net-02"], "conv/a1", signatories=signing
    )
    register = str(tmp_path / "register.sqlite")
    issued = run("--corpus", str(corpus), "signatures", "issue", str(manifest),
                 "--register", register)  # fmt: skip
    assert issued.exit_code == 0, issued.output
    assert "2 document(s) recorded as issued" in issued.output
    assert events(register)[0].roles == "committee network"  # from the manifest
    shown = run("--corpus", str(corpus), "show", "conv", "--at", "2023-06-01", "--party",
                "net-01", "--register", register, "--format", "json")  # fmt: skip
    assert shown.exit_code == 0, shown.output
    binding = json.loads(shown.output)["binding"]
    assert binding == {"party": "net-01", "signed": [], "pending": ["conv/a1"]}
    # the default corpus has no conv/a1: show --party uses the --corpus given
    default = run("show", "conv", "--party", "net-01", "--register", register)
    assert default.exit_code == 1 and "no document 'conv'" in default.output
