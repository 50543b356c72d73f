"""Every place that relies on the one national-register-number detector
(generator/privacy.py) never repeats a number: the messages the command line
prints, the signature register, party ids, the importer's draft and report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from click.testing import CliRunner

from generator.cli import cli
from generator.parties import numbers
from generator.privacy import MASK, holds_national_number
from tests.support.paths import ROOT
from tests.support.register import fake_manifest

NRN = "890328-993-57"  # valid: 89.03.28-993.57
DIGITS = "89032899357"
OTHER = numbers.nrn_with_check("850730", 33)  # 85.07.30-033.28, stdnum's example


# --- the command line never repeats one -----------------------------------------


def test_a_usage_error_does_not_echo_a_national_number():
    result = CliRunner().invoke(cli, ["show", "inami-network-2021", "--at", NRN])
    assert result.exit_code == 2
    assert "'--at'" in result.output and MASK in result.output
    assert not holds_national_number(result.output)


def test_an_error_message_does_not_echo_a_national_number(tmp_path):
    # a subprocess: what a user sees on the terminal, stderr included
    run = subprocess.run(
        [sys.executable, "-m", "generator.cli", "show", f"convention-{NRN}"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 1 and "no document" in run.stderr
    assert not holds_national_number(run.stderr + run.stdout)


# --- the signature register -------------------------------------------------------


@pytest.mark.parametrize(
    "option",
    [["--reason", f"signé par le directeur {NRN}"], ["--party", f"p{DIGITS}"]],
)
def test_the_register_refuses_a_number_in_any_spelling_and_logs_nothing(tmp_path, option):
    register = tmp_path / "register.sqlite"
    manifest = fake_manifest(tmp_path / "issued", ["net-01"])
    runner = CliRunner()
    issued = runner.invoke(cli, ["signatures", "issue", str(manifest), "--register", str(register)])
    assert issued.exit_code == 0, issued.output
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(b"%PDF-1.7 scan")
    result = runner.invoke(
        cli,
        [
            "signatures",
            "record",
            "inami-network-2021/avenant-06#net-01#fr",
            "--kind",
            "declined",
            "--role",
            "network",
            "--evidence",
            str(scan),
            "--reason",
            "by letter",
            *option,
            "--register",
            str(register),
        ],
    )
    assert result.exit_code == 1
    assert "national register number" in result.output
    assert not holds_national_number(result.output)
    engine = sa.create_engine(f"sqlite:///{register}")
    with engine.connect() as connection:
        rows = connection.execute(sa.text("SELECT * FROM register_events")).all()
    engine.dispose()
    assert len(rows) == 1  # the issue only: nothing of the refused event reached the log
    assert not any(holds_national_number(str(v)) for row in rows for v in row)


# --- party ids -------------------------------------------------------------------


def test_a_party_id_holding_a_national_number_is_refused(tmp_path):
    from tests.support.party_files import PARTIES, changed, write_yaml

    bad_id = "p" + numbers.format_nrn(OTHER).replace("-", ".")  # a valid id by its form
    path = write_yaml(tmp_path / "parties.yaml", changed("psychologists", 0, id=bad_id))
    result = CliRunner().invoke(cli, ["parties", "check", str(path)])
    assert result.exit_code == 1
    assert "must not hold a national register number" in result.output
    assert not holds_national_number(result.output)
    assert PARTIES  # the shared example stays unchanged


# --- the importer ----------------------------------------------------------------


def _signed_copy(path: Path) -> Path:
    """A signed copy as a DOCX: the number in a body sentence, a table cell and the
    page header."""
    from docx import Document

    document = Document()
    document.sections[0].header.paragraphs[0].text = f"Dossier {NRN}"
    document.add_paragraph("Avenant à la convention", style="Title")
    document.add_paragraph("Article 1er")
    document.add_paragraph(
        "Le prestataire, numéro d’identification du Registre national : "
        f"{numbers.format_nrn(DIGITS)}."
    )
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Registre national"
    table.cell(0, 1).text = numbers.format_nrn(OTHER)
    document.add_paragraph("Article 2")
    document.add_paragraph("La présente convention entre en vigueur le 1er septembre 2023.")
    document.save(path)
    return path


def test_import_leaves_no_national_number_in_the_draft_or_the_report(tmp_path):
    source = _signed_copy(tmp_path / "signed.docx")
    report = tmp_path / "report.txt"
    draft = tmp_path / "draft.yaml"
    result = CliRunner().invoke(
        cli, ["import", str(source), "-o", str(draft), "--report", str(report)]
    )
    assert result.exit_code == 0, result.output
    for text in (draft.read_text("utf-8"), report.read_text("utf-8"), result.output):
        assert not holds_national_number(text)
        assert DIGITS[:6] not in text.replace(".", "").replace("-", "")
    assert "{provider.nrn|}" in draft.read_text("utf-8")


def test_a_file_name_holding_a_national_number_is_not_repeated(tmp_path):
    named = tmp_path / f"avenant {NRN}.docx"
    _signed_copy(named)
    report = tmp_path / "report.txt"
    result = CliRunner().invoke(cli, ["import", str(named), "--report", str(report)])
    assert result.exit_code == 0, result.output
    for text in (result.output, report.read_text("utf-8")):
        assert not holds_national_number(text)
        assert f"avenant {MASK}.docx" in text
    shown = CliRunner().invoke(
        cli, ["show", "inami-network-2021", "--at", "2023-10-01", "-o", str(tmp_path / NRN)]
    )
    assert shown.exit_code == 0 and (tmp_path / NRN).is_file()
    assert f"written: {tmp_path}/{MASK}" in shown.output
