"""A national register number never appears, whole or in part, in anything
conventio prints about a party file: problems, summaries, exceptions, reprs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.parties import numbers
from generator.parties.check import check_parties, load_parties
from generator.parties.problems import PartiesError
from generator.parties.slots import slot_values
from tests.support.party_files import PARTIES, changed, write_csv_folder, write_xlsx, write_yaml

VALID = numbers.nrn_with_check("910417", 268)  # 91041726894
assert numbers.normalise_nrn(VALID) == VALID
DOTTED = numbers.format_nrn(VALID)  # 91.04.17-268.94
BAD_CHECK = DOTTED[:-1] + str((int(DOTTED[-1]) + 1) % 10)
TOO_SHORT = DOTTED[:-3]
OTHER_VALID = numbers.nrn_with_check("630212", 145)

# every stretch of 5 digits of the numbers used: none may be printed
SECRETS = {VALID, numbers.normalise_nrn(OTHER_VALID), re.sub(r"\D", "", BAD_CHECK)}
WINDOWS = {s[i : i + 5] for s in SECRETS for i in range(len(s) - 4)}


def assert_no_nrn(text: str) -> None:
    squeezed = re.sub(r"[\s.\-/]", "", text)
    for window in WINDOWS:
        assert window not in text, (window, text)
        assert window not in squeezed, (window, text)


def _second_with(nrn: str) -> dict:
    data = changed("psychologists", 0)
    twin = dict(data["psychologists"][0], id="psy-0002", nrn=nrn)
    data["psychologists"].append(twin)
    return data


CASES = {
    "valid": changed("psychologists", 0, nrn=DOTTED),
    "valid compact, verified": changed("psychologists", 0, nrn=VALID, verified_by_hand=True),
    "bad check digits": changed("psychologists", 0, nrn=BAD_CHECK),
    "too short": changed("psychologists", 0, nrn=TOO_SHORT),
    "in the phone column": changed("psychologists", 0, phone=VALID, nrn=OTHER_VALID),
    "in the inami column": changed("psychologists", 0, inami=DOTTED),
    "in the email column": changed("psychologists", 0, email=VALID),
    "in the bce column": changed("psychologists", 0, bce=DOTTED),
    "as the id": changed("psychologists", 0, id=VALID),
    "as a network id": changed("psychologists", 0, networks=[VALID]),
    "as the language": changed("psychologists", 0, language=VALID),
    "twice": _second_with(OTHER_VALID) | {},
    "missing": changed("psychologists", 0, nrn=None),
}
CASES["twice"]["psychologists"][0]["nrn"] = OTHER_VALID


def _write(fmt: str, folder: Path, data: dict) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    if fmt == "yaml":
        return write_yaml(folder / "parties.yaml", data)
    if fmt == "xlsx":
        return write_xlsx(folder / "parties.xlsx", data)
    return write_csv_folder(folder / "csv", data)


@pytest.mark.parametrize("fmt", ["yaml", "xlsx", "csv"])
def test_no_nrn_in_any_output_of_parties_check(tmp_path, fmt):
    outcomes = {}
    for label, data in CASES.items():
        path = _write(fmt, tmp_path / label.replace(" ", "-"), data)
        result = CliRunner().invoke(cli, ["parties", "check", str(path)])
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert_no_nrn(result.output)
        outcomes[label] = result.exit_code
        for problem in check_parties(path):
            assert_no_nrn(str(problem))
            assert_no_nrn(repr(problem))
        try:
            register = load_parties(path)
        except PartiesError as exc:
            assert_no_nrn(str(exc))
            assert_no_nrn(repr(exc))
        else:
            for party in register.all():
                assert_no_nrn(repr(party))
                assert_no_nrn(str(party))
            assert_no_nrn(repr(register))
    assert outcomes["valid"] == 0 and outcomes["valid compact, verified"] == 0
    assert all(code == 1 for label, code in outcomes.items() if not label.startswith("valid"))


def test_no_nrn_in_a_real_process(tmp_path):
    for label in ("valid", "bad check digits", "in the phone column", "twice"):
        for fmt in ("yaml", "xlsx", "csv"):
            path = _write(fmt, tmp_path / fmt / label.replace(" ", "-"), CASES[label])
            done = subprocess.run(
                [sys.executable, "-m", "generator.cli", "parties", "check", str(path)],
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == (0 if label == "valid" else 1), done.stderr
            assert "Traceback" not in done.stderr
            assert_no_nrn(done.stdout + done.stderr)


def test_the_messages_say_what_is_wrong_without_the_number(tmp_path):
    path = write_yaml(tmp_path / "p.yaml", CASES["bad check digits"])
    (problem,) = check_parties(path)
    assert problem.message == (
        "nrn: the national register number is not valid (its check digits do not match)"
    )
    path = write_yaml(tmp_path / "twice.yaml", CASES["twice"])
    inami, nrn = check_parties(path)
    assert (inami.severity, nrn.severity) == ("warning", "error")
    assert nrn.message == "nrn: the same national register number as 'psy-0001' (line 40)"


def test_the_slot_values_hide_the_nrn_from_repr(tmp_path):
    register = load_parties(write_yaml(tmp_path / "p.yaml", CASES["valid"]))
    values = slot_values(register.parties_for("net-01", "psy-0001"))
    assert values["provider.nrn"] == DOTTED  # the document needs it ...
    assert_no_nrn(repr(values))  # ... a log does not
    assert_no_nrn(str(values))
    assert PARTIES["psychologists"][0]["nrn"] != DOTTED  # the shared data stays untouched
