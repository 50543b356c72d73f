"""What the register refuses, through the real command line: a copy changed before it
was signed, signatures on an ended document, a batch of bad files (each with its own
verdict), and a signer's name holding a national register number, never shown."""

from __future__ import annotations

import json
import re
import resource
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from signatures.samples.signing_ca import NATIONAL_NUMBER
from tests.support.signatures_flow import (
    NET01,
    SIXTH,
    fresh_register,
    import_,
    run,
    signed_copy,
    status_of,
)

pytestmark = pytest.mark.libreoffice


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


def _a_batch_of_files(world, tmp_path: Path) -> dict[str, Path | str]:
    """A good signed copy and seven files that are not, in the order they are given."""
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
    return {
        "good": good,
        "device": "/dev/zero",
        "folder": folder,
        "missing": tmp_path / "missing.pdf",
        "truncated": truncated,
        "text": text,
        "huge": huge,
        "numbered": numbered,
    }


def _import_in_a_process_with_little_memory(files, register: str, world):
    """`conventio signatures import` of `files` in a real process."""

    def limited():  # 3 GB of address space: reading /dev/zero whole would fail, not hang
        resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))

    return subprocess.run(
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


def test_a_batch_gives_each_file_its_verdict(world, tmp_path):
    """Good and bad files together, in a real process with a memory limit: every file
    has its own verdict, none stops the others, and the exit code says that not all were
    accepted. /dev/zero and a file larger than the limit are refused unread."""
    register = fresh_register(world, tmp_path)
    batch = _a_batch_of_files(world, tmp_path)
    good, folder, truncated, text, huge = (
        batch[name] for name in ("good", "folder", "truncated", "text", "huge")
    )
    done = _import_in_a_process_with_little_memory(list(batch.values()), register, world)
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
