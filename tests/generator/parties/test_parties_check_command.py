"""`conventio parties check`: every problem and a summary, a number verified by hand
as a warning, files that are not party files refused in plain words (in the process
and in a real one), and no party library imported at start-up."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from click.testing import CliRunner

from generator.cli import cli
from generator.parties.check import load_parties
from generator.parties.model import LISTS
from tests.support.party_files import changed, line_of, write_csv_folder, write_xlsx, write_yaml


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def test_verified_by_hand_turns_an_inami_failure_into_a_warning(tmp_path):
    bad = write_yaml(tmp_path / "bad.yaml", changed("hospitals", 0, inami="710-00437"))
    line = line_of(bad.read_text(encoding="utf-8"), "710-00437")
    result = run("parties", "check", str(bad))
    assert result.exit_code == 1
    assert f"bad.yaml:{line}:3: error: inami: the INAMI number is not valid" in result.output
    assert "mark the party verified_by_hand: true" in result.output
    ok = write_yaml(
        tmp_path / "ok.yaml", changed("hospitals", 0, inami="710-00437", verified_by_hand=True)
    )
    result = run("parties", "check", str(ok))
    assert result.exit_code == 0, result.output
    assert f"ok.yaml:{line}:3: warning: inami: the check digits do not follow the usual rule" in (
        result.output
    )
    assert result.output.splitlines()[-1].endswith(
        "3 networks, 2 hospitals, 1 psychologist, 1 organisation; 0 errors, 1 warning"
    )
    register = load_parties(ok)
    assert [p.severity for p in register.warnings] == ["warning"]


def test_cli_prints_every_problem_and_a_summary(tmp_path):
    ok = run("parties", "check", str(write_yaml(tmp_path / "p.yaml")))
    assert ok.exit_code == 0
    assert ok.output == (
        f"parties OK: {tmp_path / 'p.yaml'}: 3 networks, 2 hospitals, 1 psychologist, "
        "1 organisation; 0 errors, 0 warnings\n"
    )
    bad = run(
        "parties",
        "check",
        str(write_yaml(tmp_path / "b.yaml", changed("networks", 0, language="xx"))),
    )
    assert bad.exit_code == 1
    assert (
        bad.output.splitlines()[-1] == f"parties NOT OK: {tmp_path / 'b.yaml'}: 1 error, 0 warnings"
    )


def _garbage(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    random_xlsx = tmp_path / "random.xlsx"
    random_xlsx.write_bytes(os.urandom(2048))
    zip_xlsx = tmp_path / "zip.xlsx"
    with zipfile.ZipFile(zip_xlsx, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    empty_csv = tmp_path / "empty.csv"
    empty_csv.write_bytes(b"")
    headers_only = tmp_path / "headers.csv"
    headers_only.write_bytes("\ufefftype;id;name\r\n".encode())
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("type;id;name\nnetwork;net-01;Réseau\n".encode("latin-1"))
    no_type = tmp_path / "people.csv"
    no_type.write_text("id;name\npsy-1;A\n", encoding="utf-8")
    yaml_list = tmp_path / "list.yaml"
    yaml_list.write_text("- id: net-01\n", encoding="utf-8")
    yaml_empty = tmp_path / "empty.yaml"
    yaml_empty.write_text("# nothing\n", encoding="utf-8")
    yaml_broken = tmp_path / "broken.yaml"
    yaml_broken.write_text("networks: [\n", encoding="utf-8")
    no_sheet = write_xlsx(tmp_path / "nosheet.xlsx", skip="organisations")
    half_folder = write_csv_folder(tmp_path / "half")
    (half_folder / "hospitals.csv").unlink()
    empty_folder = tmp_path / "nothing"
    empty_folder.mkdir()
    headers_folder = write_csv_folder(
        tmp_path / "hfolder", {name: [] for name in LISTS}, delimiter=";"
    )
    odt = tmp_path / "parties.ods"
    odt.write_bytes(b"x")
    return {
        "random bytes as .xlsx": (random_xlsx, "the file is not an Excel workbook (.xlsx)"),
        "a zip that is no workbook": (zip_xlsx, "not an Excel workbook (.xlsx) that can be read"),
        "empty CSV": (empty_csv, "1:1: error: the file is empty: its first row must name"),
        "CSV with only headers": (headers_only, "the file holds no party"),
        "CSV not UTF-8": (latin1, "2:1: error: the file is not UTF-8 text"),
        "CSV without type": (people := no_type, "needs a column 'type'"),
        "YAML that is a list": (yaml_list, "1:1: error: the file is a list; it must be a block"),
        "YAML empty": (yaml_empty, "1:1: error: the file is empty"),
        "YAML broken": (yaml_broken, "YAML syntax error"),
        "sheet missing": (no_sheet, "error: the workbook has no sheet 'organisations'"),
        "CSV file missing": (half_folder, "missing file: the folder has no hospitals.csv"),
        "empty folder": (empty_folder, "the folder holds none of the party files"),
        "folder with headers only": (headers_folder, "the file holds no party"),
        "not found": (tmp_path / "nope.yaml", "nope.yaml:1:1: error: no such file or folder"),
        "ods": (odt, "save the workbook as .xlsx"),
        "people": (people, "error: a single CSV file needs a column 'type'"),
    }


def test_garbage_files_give_a_plain_message(tmp_path):
    for label, (path, expected) in _garbage(tmp_path).items():
        result = run("parties", "check", str(path))
        assert result.exit_code == 1, label
        assert expected in result.output, (label, result.output)


def test_garbage_files_no_traceback_in_a_real_process(tmp_path):
    for label, (path, expected) in _garbage(tmp_path).items():
        done = subprocess.run(
            [sys.executable, "-m", "generator.cli", "parties", "check", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 1, label
        assert "Traceback" not in done.stderr + done.stdout, label
        assert expected in done.stderr, (label, done.stderr)


def test_the_cli_imports_no_party_library_at_start_up():
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, generator.cli; print(sorted(m for m in ('pydantic', 'openpyxl', "
            "'stdnum', 'phonenumbers', 'email_validator', 'generator.parties') "
            "if m in sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.strip() == "[]"
