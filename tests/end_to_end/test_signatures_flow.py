"""From issue to signature, through the real command line: generate PDFs,
record them as issued, sign them with a test CA, import the signed copies,
and ask which text binds the party."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sqlite3
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from pypdf import PdfWriter

from generator.cli import cli
from signatures.importing import without_serial_number
from signatures.samples.signing_ca import NATIONAL_NUMBER, sign_field, signing_ca
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"
SIXTH = "inami-network-2021/avenant-06"

pytestmark = pytest.mark.libreoffice


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    base = tmp_path_factory.mktemp("flow")
    out = base / "out"
    made = run(
        "generate",
        SIXTH,
        "--parties",
        str(EXAMPLES),
        "--only",
        "net-01,net-02",
        "--format",
        "pdf",
        "--out",
        str(out),
    )
    assert made.exit_code == 0, made.output
    register = str(base / "register.sqlite")
    issued = run(
        "signatures", "issue", str(out / SIXTH), "--register", register, "--parties", str(EXAMPLES)
    )
    assert issued.exit_code == 0, issued.output
    assert "2 document(s) recorded as issued" in issued.output
    trust = signing_ca().write_trust_folder(base / "trust")
    return {"base": base, "pdfs": out / SIXTH, "register": register, "trust": str(trust)}


def _sign(world, name: str, roles: list[str]) -> Path:
    ca = signing_ca()
    data = (world["pdfs"] / "net-01.fr.pdf").read_bytes()
    for role in roles:
        data = sign_field(data, f"sig_{role}", ca.signer(role))
    path = world["base"] / name
    path.write_bytes(data)
    return path


def test_signed_copies_are_imported_and_bind_the_party(world):
    register, trust = world["register"], world["trust"]
    partly = _sign(world, "partly.pdf", ["network", "hospital"])
    result = run("signatures", "import", str(partly), "--register", register, "--trust", trust)
    assert result.exit_code == 0, result.output
    assert f"partly.pdf: accepted ({SIXTH}#net-01#fr)" in result.output
    assert "recorded signatures: network, hospital" in result.output
    status = run("signatures", "status", f"{SIXTH}#net-01#fr", "--register", register)
    assert "partly signed" in status.output and "committee" in status.output
    shown = run(
        "show",
        "inami-network-2021",
        "--at",
        "2023-10-01",
        "--party",
        "net-01",
        "--register",
        register,
    )
    assert shown.exit_code == 0, shown.output
    assert f"En attente de signature (non appliqué) : {SIXTH}" in shown.output
    assert "Article 14/1" not in shown.output
    # the committee signs the copy the network returned: now fully signed
    full = world["base"] / "full.pdf"
    full.write_bytes(
        sign_field(partly.read_bytes(), "sig_committee", signing_ca().signer("committee"))
    )
    again = run("signatures", "import", str(full), "--register", register, "--trust", trust)
    assert again.exit_code == 0, again.output
    assert "recorded signatures: committee" in again.output
    assert "already signed before: network, hospital" in again.output
    shown = run(
        "show",
        "inami-network-2021",
        "--at",
        "2023-10-01",
        "--party",
        "net-01",
        "--register",
        register,
        "--format",
        "json",
    )
    data = json.loads(shown.output)
    assert data["binding"]["signed"] == [SIXTH] and data["binding"]["pending"] == []
    assert "art_14-1" in [a["eid"] for a in data["articles"]]
    verified = run("signatures", "verify-log", "--register", register)
    assert verified.exit_code == 0, verified.output


def test_a_tampered_copy_is_refused_and_kept(world):
    register, trust = world["register"], world["trust"]
    signed = _sign(world, "tampered.pdf", ["network"])
    data = bytearray(signed.read_bytes())
    middle = len(data) // 3
    data[middle] = (data[middle] + 1) % 256
    signed.write_bytes(bytes(data))
    result = run("signatures", "import", str(signed), "--register", register, "--trust", trust)
    assert result.exit_code == 1
    assert "tampered.pdf: rejected" in result.output
    assert "kept for review in the store as" in result.output
    sha = result.output.split("kept for review in the store as ")[1].split()[0]
    store = Path(world["base"]) / "store"
    assert (store / sha[:2] / sha[2:]).is_file()


def test_an_unsigned_or_foreign_file_is_refused(world, tmp_path):
    register, trust = world["register"], world["trust"]
    unsigned = world["pdfs"] / "net-02.fr.pdf"
    result = run("signatures", "import", str(unsigned), "--register", register, "--trust", trust)
    assert result.exit_code == 1 and "rejected" in result.output
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"not a pdf at all")
    result = run("signatures", "import", str(garbage), "--register", register, "--trust", trust)
    assert result.exit_code == 1
    assert "garbage.pdf: rejected: this file is not a PDF." in result.output
    foreign = tmp_path / "foreign.pdf"
    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    writer.write(foreign)
    result = run("signatures", "import", str(foreign), "--register", register, "--trust", trust)
    assert result.exit_code == 1
    assert "foreign.pdf: rejected: this PDF carries no conventio identity" in result.output
    assert "logged as a receipt that names no document issued here" in result.output
    # every file received is in the log, and the log still holds together
    sha = hashlib.sha256(foreign.read_bytes()).hexdigest()
    rows = sqlite3.connect(register).execute(
        "SELECT document_id, kind, evidence_sha256, reason FROM register_events "
        "WHERE evidence_sha256 = ?",
        (sha,),
    )
    ((document, kind, _, reason),) = rows.fetchall()
    assert (document, kind) == ("", "received")
    assert reason.startswith("rejected: this PDF carries no conventio identity")
    verified = run("signatures", "verify-log", "--register", register)
    assert verified.exit_code == 0, verified.output


def test_no_national_register_number_is_recorded(world):
    subject = "CN=Jean Dupont (Signature),SN=Dupont,serialNumber=85073003328,C=BE"
    assert without_serial_number(subject) == "CN=Jean Dupont (Signature),SN=Dupont,C=BE"
    rows = sqlite3.connect(world["register"]).execute("SELECT * FROM register_events").fetchall()
    assert rows and not any("85073003328" in str(row) for row in rows)


# --- what the register refuses, through the command line ---------------------------------

NET01, NET02 = f"{SIXTH}#net-01#fr", f"{SIXTH}#net-02#fr"


def fresh_register(world, folder: Path) -> str:
    """A new register (its store beside it) with the two issued copies."""
    folder.mkdir(parents=True, exist_ok=True)
    register = str(folder / "register.sqlite")
    issued = run(
        "signatures",
        "issue",
        str(world["pdfs"]),
        "--register",
        register,
        "--parties",
        str(EXAMPLES),
    )
    assert issued.exit_code == 0, issued.output
    return register


def signed_copy(world, folder: Path, name: str, party: str, signers, paint=False) -> Path:
    """The copy issued to `party`, signed field by field: `signers` is a list of
    (role of the field, name of the test certificate). With `paint`, page 1 is first
    painted over, as an incremental update."""
    data = (world["pdfs"] / f"{party}.fr.pdf").read_bytes()
    if paint:
        from pyhanko.pdf_utils import generic
        from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

        writer = IncrementalPdfFileWriter(io.BytesIO(data))
        stream = generic.StreamObject(stream_data=b"BT /F1 18 Tf 72 760 Td (1 000 000 EUR) Tj ET")
        writer.add_stream_to_page(0, writer.add_object(stream))
        out = io.BytesIO()
        writer.write(out)
        data = out.getvalue()
    for role, who in signers:
        data = sign_field(data, f"sig_{role}", signing_ca().signer(who))
    path = folder / name
    path.write_bytes(data)
    return path


def import_(register: str, world, *files, extra=()):
    return run(
        "signatures",
        "import",
        *map(str, files),
        "--register",
        register,
        "--trust",
        world["trust"],
        *extra,
    )


def status_of(register: str, document: str) -> str:
    shown = run("signatures", "status", document, "--register", register)
    assert shown.exit_code == 0, shown.output
    return shown.output


def test_a_copy_changed_before_it_was_signed_is_refused_and_logged(world, tmp_path):
    register = fresh_register(world, tmp_path)
    painted = signed_copy(
        world,
        tmp_path,
        "painted.pdf",
        "net-01",
        [("network", "network"), ("hospital", "hospital"), ("committee", "committee")],
        paint=True,
    )
    result = import_(register, world, painted)
    assert result.exit_code == 1, result.output
    assert (
        f"painted.pdf: rejected ({NET01}): Page 1 was changed before it was signed: between "
        "the document we issued and the signature of Jean Dupont (field “sig_network”), the "
        "file was edited" in result.output
    )
    assert "1 file(s): 0 accepted, 0 for review, 1 rejected" in result.output
    status = status_of(register, NET01)
    assert "state: issued" in status  # not "fully signed": nothing was recorded as signed
    # a receipt changes no state, in any report
    assert "  2 issued\n" in status_of(register, SIXTH)
    matrix = tmp_path / "matrix.csv"
    assert run("signatures", "matrix", "-o", str(matrix), "--register", register).exit_code == 0
    assert "net-01,issued\n" in matrix.read_text(encoding="utf-8").replace("\r\n", "\n")
    assert "received  reason: rejected: Page 1 was changed before it was signed" in status
    sha = result.output.split("kept for review in the store as ")[1].split()[0]
    assert f"evidence {sha}" in status
    (details, evidence) = (
        sqlite3.connect(register)
        .execute("SELECT details, evidence_sha256 FROM register_events WHERE kind = 'received'")
        .fetchone()
    )
    received = json.loads(details)
    assert evidence == sha == received["returned_sha256"]
    assert received["verdict"] == "rejected" and received["file_name"] == "painted.pdf"
    assert "unexplained" in received["technical"]  # pyHanko's finding, for investigators
    verified = run("signatures", "verify-log", "--register", register)
    assert verified.exit_code == 0, verified.output


def test_one_certificate_for_two_roles_is_refused(world, tmp_path):
    register = fresh_register(world, tmp_path)
    twice = signed_copy(
        world, tmp_path, "twice.pdf", "net-01", [("network", "network"), ("committee", "network")]
    )
    result = import_(register, world, twice)
    assert result.exit_code == 1, result.output
    assert (
        "rejected (" + NET01 + "): Jean Dupont signed for the committee and the network with "
        "one certificate: each role must be signed by its own signer (only the hospital and "
        "the network may share one)." in result.output
    )
    # on two copies, imported one after the other: the register remembers the first
    network = signed_copy(world, tmp_path, "network.pdf", "net-01", [("network", "network")])
    assert import_(register, world, network).exit_code == 0
    committee = signed_copy(world, tmp_path, "committee.pdf", "net-01", [("committee", "network")])
    result = import_(register, world, committee)
    assert result.exit_code == 1, result.output
    assert (
        "Jean Dupont signed for the committee with the certificate that already signed for "
        "the network (registered on " in result.output
    )
    # the hospital that represents the network may sign with the network's certificate
    shared = signed_copy(world, tmp_path, "shared.pdf", "net-01", [("hospital", "network")])
    result = import_(register, world, shared)
    assert result.exit_code == 0, result.output
    assert "recorded signatures: hospital" in result.output


def test_a_party_signs_with_its_own_certificate(world, tmp_path):
    """hosp-01 represents both net-01 and net-02. Marie Lambert signs net-01's copy for it
    (learned on first use); then the network's signer, Jean Dupont, signs net-02's copy in
    its place: refused, until the party file lists his certificate for hosp-01."""
    register = fresh_register(world, tmp_path)
    first = signed_copy(world, tmp_path, "first.pdf", "net-01", [("hospital", "hospital")])
    assert import_(register, world, first).exit_code == 0
    other = signed_copy(world, tmp_path, "other.pdf", "net-02", [("hospital", "network")])
    result = import_(register, world, other)
    assert result.exit_code == 1, result.output
    said = result.output
    assert (
        f"other.pdf: rejected ({NET02}): The signature for the hospital (field "
        "“sig_hospital”) is by Jean Dupont, but hosp-01 signs with the certificate of Marie "
        "Lambert, registered on " in said
    )
    assert f"({NET01}). If hosp-01 now signs with this certificate, add its fingerprint" in said
    assert "hospital (hosp-01): not signed" in status_of(register, NET02)

    jean = signing_ca().people["network"].fingerprint
    parties = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    hospital = next(h for h in parties["hospitals"] if h["id"] == "hosp-01")
    hospital["signing_certificates"] = [jean]
    listing = tmp_path / "parties.yaml"
    listing.write_text(yaml.safe_dump(parties, allow_unicode=True), encoding="utf-8")
    result = import_(register, world, other, extra=("--parties", str(listing)))
    assert result.exit_code == 0, result.output
    assert "recorded signatures: hospital" in result.output
    # the list replaces what was learned: Marie Lambert's certificate is not in it
    marie = signed_copy(world, tmp_path, "marie.pdf", "net-02", [("hospital", "hospital")])
    result = import_(register, world, marie, extra=("--parties", str(listing)))
    assert result.exit_code == 1, result.output
    assert (
        "is by Marie Lambert, but hosp-01 signs with the certificate "
        f"{jean[:16]}… (its signing_certificates in the party file)" in result.output
    )


def test_a_certificate_signs_for_one_party(world, tmp_path):
    """Jean Dupont signs for net-01 as its network; then for net-02 as its network too:
    refused, until net-02's party file lists his certificate."""
    register = fresh_register(world, tmp_path)
    first = signed_copy(world, tmp_path, "first.pdf", "net-01", [("network", "network")])
    assert import_(register, world, first).exit_code == 0
    second = signed_copy(world, tmp_path, "second.pdf", "net-02", [("network", "network")])
    result = import_(register, world, second)
    assert result.exit_code == 1, result.output
    assert (
        f"second.pdf: rejected ({NET02}): The signature for the network (field “sig_network”) "
        "is by Jean Dupont, whose certificate signs for net-01 as the network (registered on "
        in result.output
    )
    jean = signing_ca().people["network"].fingerprint
    parties = yaml.safe_load(EXAMPLES.read_text(encoding="utf-8"))
    network = next(n for n in parties["networks"] if n["id"] == "net-02")
    network["signing_certificates"] = f"Jean Dupont; {jean}"
    listing = tmp_path / "parties.yaml"
    listing.write_text(yaml.safe_dump(parties, allow_unicode=True), encoding="utf-8")
    result = import_(register, world, second, extra=("--parties", str(listing)))
    assert result.exit_code == 0, result.output
    assert "recorded signatures: network" in result.output


@pytest.mark.parametrize("kind", ["voided", "superseded", "declined"])
def test_signatures_on_an_ended_document_are_refused(world, tmp_path, kind):
    register = fresh_register(world, tmp_path)
    options = []
    if kind == "declined":  # a refusal recorded by hand needs its evidence
        letter = tmp_path / "letter.pdf"
        letter.write_bytes(b"%PDF-1.7 the network's letter")
        options = ["--role", "network", "--evidence", str(letter)]
    ended = run(
        "signatures",
        "record",
        NET01,
        "--kind",
        kind,
        "--reason",
        "wrong amount",
        "--register",
        register,
        *options,
    )
    assert ended.exit_code == 0, ended.output
    signed = signed_copy(world, tmp_path, "late.pdf", "net-01", [("network", "network")])
    result = import_(register, world, signed)
    assert result.exit_code == 1, result.output
    by = " by the network" if kind == "declined" else ""
    assert f"late.pdf: rejected ({NET01}): this document was {kind}{by} on " in result.output
    assert "(wrong amount)" in result.output and "signatures on it are not recorded" in (
        result.output
    )
    status = status_of(register, NET01)
    assert f"state: {kind}" in status and "network (net-01): not signed" in status
    assert f"received  reason: rejected: this document was {kind}" in status


def test_a_batch_gives_each_file_its_verdict(world, tmp_path):
    """Good and bad files together, in a real process with a memory limit: every file
    has its own verdict, none stops the others, and the exit code says that not all were
    accepted. /dev/zero and a file larger than the limit are refused unread."""
    import resource
    import subprocess
    import sys

    register = fresh_register(world, tmp_path)
    good = signed_copy(world, tmp_path, "good.pdf", "net-01", [("network", "network")])
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(good.read_bytes()[:50_000])
    text = tmp_path / "letter.pdf"
    text.write_text("Bonjour, voici le document signé.", encoding="utf-8")
    huge = tmp_path / "huge.pdf"
    with huge.open("wb") as handle:  # sparse: 51 MB that take no room on the disk
        handle.truncate(51 * 1024 * 1024)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    numbered = tmp_path / f"scan {NATIONAL_NUMBER}.pdf"
    numbered.write_bytes(b"%PDF-1.7\n")
    files = [
        good,
        "/dev/zero",
        folder,
        tmp_path / "missing.pdf",
        truncated,
        text,
        huge,
        numbered,
    ]

    def limited():  # 3 GB of address space: reading /dev/zero whole would fail, not hang
        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "generator.cli",
            "signatures",
            "import",
            *map(str, files),
            "--register",
            register,
            "--trust",
            world["trust"],
        ],
        capture_output=True,
        text=True,
        timeout=600,
        preexec_fn=limited,
        check=False,
    )
    out = done.stdout
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert f"{good}: accepted ({NET01})" in out
    assert "/dev/zero: rejected: this is a device, not a file: give a PDF file" in out
    assert f"{folder}: rejected: this is a folder, not a file" in out
    assert f"{tmp_path / 'missing.pdf'}: rejected: there is no such file" in out
    assert f"{truncated}: rejected: this file is incomplete: it stops before the end" in out
    assert f"{text}: rejected: this file is not a PDF." in out
    assert f"{huge}: rejected: this file is larger than 50 MB" in out
    assert "8 file(s): 1 accepted, 0 for review, 7 rejected" in out
    # no file name, no message shows a national register number
    assert NATIONAL_NUMBER not in out and "85073003328" not in out
    assert "scan [numéro du Registre national].pdf: rejected" in out
    # every "kept" names its file; what could not be read was not kept
    kept = [line for line in out.splitlines() if "kept for review in the store as" in line]
    assert len(kept) == 3 and all(re.fullmatch(r".* as [0-9a-f]{64}", k) for k in kept), kept
    assert out.count("nothing was read, so nothing was kept") == 4
    assert "network (net-01): signed" in status_of(register, NET01)

    again = import_(register, world, good)
    assert again.exit_code == 0, again.output
    assert "already signed before: network" in again.output
    assert "1 file(s): 1 accepted, 0 for review, 0 rejected" in again.output


def test_a_signer_name_with_a_national_number_is_never_shown(world, tmp_path):
    register = fresh_register(world, tmp_path)
    signed = signed_copy(world, tmp_path, "numbered.pdf", "net-01", [("network", "numbered")])
    result = import_(register, world, signed)
    assert result.exit_code == 1, result.output
    assert "Signed by Luc Martin [numéro du Registre national], whose certificate" in (
        result.output
    )
    shown = result.output + status_of(register, NET01)
    assert NATIONAL_NUMBER not in shown and "85073003328" not in shown
    rows = sqlite3.connect(register).execute("SELECT * FROM register_events").fetchall()
    assert rows  # the document was issued: its events are there to search
    assert not any("85073003328" in str(row) or NATIONAL_NUMBER in str(row) for row in rows)
