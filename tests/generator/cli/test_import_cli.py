"""`conventio import` as a user runs it: a draft written where asked, a
report on stderr, existing files kept, garbage refused in plain words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from generator.cli import cli
from generator.corpus.loader import load_corpus
from generator.generation.batch import generate
from generator.parties.check import load_parties
from tests.support.paths import ROOT


@pytest.fixture(scope="module")
def sixth_docx(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("sixth")
    parties = load_parties(ROOT / "examples" / "parties.yaml")
    result = generate(
        load_corpus(), "inami-network-2021/avenant-06", parties, out, only={"net-02"}, lang="fr"
    )
    return out / "inami-network-2021/avenant-06" / result.entries[0].files["docx"]["path"]


def test_import_writes_the_draft_where_asked_and_reports(sixth_docx, tmp_path):
    draft = tmp_path / "conventions" / "inami-network-2021" / "avenant-07.yaml"
    draft.parent.mkdir(parents=True)
    report = tmp_path / "report.txt"
    run = CliRunner().invoke(
        cli, ["import", str(sixth_docx), "-o", str(draft), "--report", str(report)]
    )
    assert run.exit_code == 0, run.output
    data = yaml.safe_load(draft.read_text("utf-8"))
    assert data["id"] == "inami-network-2021/avenant-07"
    assert data["amends"] == "inami-network-2021" and data["ordinal"] == 6
    assert "an amendment — 2 articles, 2 operations, annex 1 (46 rows)" in run.output
    assert report.read_text("utf-8").startswith("Imported ")

    again = CliRunner().invoke(cli, ["import", str(sixth_docx), "-o", str(draft)])
    assert again.exit_code == 1 and "the file exists" in again.output
    forced = CliRunner().invoke(cli, ["import", str(sixth_docx), "-o", str(draft), "--force"])
    assert forced.exit_code == 0


def test_import_prints_the_draft_without_output(sixth_docx):
    run = CliRunner().invoke(cli, ["import", str(sixth_docx)])
    assert run.exit_code == 0
    assert "type: amendment" in run.stdout and "Imported " not in run.stdout


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("notes.pdf", b"hello, this is not a PDF", "not a pdf or a docx"),
        ("picture.docx", b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image"),
        ("empty.pdf", b"", "empty"),
        ("cut.pdf", b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog", "damaged"),
    ],
)
def test_garbage_gets_a_plain_message_and_exit_1(tmp_path, name, content, says):
    path = tmp_path / name
    path.write_bytes(content)
    run = subprocess.run(
        [sys.executable, "-m", "generator.cli", "import", str(path)],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert run.returncode == 1
    assert str(path) in run.stderr and says in run.stderr.lower()
    assert "Traceback" not in run.stderr and run.stdout == ""


def test_missing_file(tmp_path):
    run = CliRunner().invoke(cli, ["import", str(tmp_path / "nowhere.pdf")])
    assert run.exit_code == 1 and "nowhere.pdf" in run.output


def test_the_public_entry_loads_the_importer_only_when_called(tmp_path):
    """`generator.importing.import_document` is the one entry the CLI calls; the
    package itself loads no stage (no lxml, pypdf, yaml) until it is used."""
    probe = (
        "import sys, generator.importing as importing\n"
        "heavy = ('lxml', 'pypdf', 'yaml', 'generator.importing.pipeline')\n"
        "print(sorted(m for m in heavy if m in sys.modules))\n"
        "print(importing.import_document.__module__, sorted(importing.__all__))\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.splitlines() == [
        "[]",
        "generator.importing.pipeline ['ImportResult', 'import_document', 'import_extract']",
    ]
