"""From issue to signature, through the real command line: generate PDFs, record
them as issued, sign them with a test CA, import the signed copies, and ask which
text binds the party (the `world` of conftest.py). What the register refuses is in
test_signatures_flow_refused.py and test_signatures_flow_signers.py."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from pypdf import PdfWriter

from signatures.importing import without_serial_number
from signatures.samples.signing_ca import sign_field, signing_ca
from tests.support.signatures_flow import SIXTH, run

pytestmark = pytest.mark.libreoffice


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
