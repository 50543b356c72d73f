"""The shipped fictional example parties: valid in all three formats, the same
data in each, and in step with the script that writes them."""

from __future__ import annotations

import subprocess
import sys
from collections import Counter

import pytest

from generator.parties.check import check_parties, load_parties
from generator.parties.model import LISTS
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples"
FORMATS = {
    "yaml": EXAMPLES / "parties.yaml",
    "xlsx": EXAMPLES / "parties.xlsx",
    "csv": EXAMPLES / "csv",
}


@pytest.fixture(scope="module")
def registers():
    return {name: load_parties(path) for name, path in FORMATS.items()}


@pytest.mark.parametrize("name", list(FORMATS))
def test_the_examples_have_no_problem(name):
    assert check_parties(FORMATS[name]) == []


def test_the_three_formats_hold_the_same_parties(registers):
    assert registers["yaml"] == registers["xlsx"] == registers["csv"]


def test_the_examples_are_the_32_networks_their_hospitals_and_their_providers(registers):
    register = registers["yaml"]
    kinds = Counter(n.kind for n in register.networks)
    assert len(register.networks) == 32
    assert kinds["german-speaking"] == 1
    assert 18 <= kinds["adults"] <= 22 and 9 <= kinds["children"] <= 13
    used = {n.hospital for n in register.networks} | {
        n.collecting_hospital for n in register.networks
    }
    assert used == {h.id for h in register.hospitals}
    collecting = Counter(n.collecting_hospital for n in register.networks)
    assert max(collecting.values()) >= 2  # some networks share a collecting hospital
    assert any(n.hospital != n.collecting_hospital for n in register.networks)
    assert len(register.providers) >= 290
    assert len(register.psychologists) >= 260 and len(register.organisations) >= 25
    assert all(1 <= len(p.networks) <= 2 for p in register.providers)
    assert all(register.providers_of(n.id) for n in register.networks)
    assert {p.language for p in register.providers} == {"fr", "nl", "de"}
    assert [n.language for n in register.networks if n.kind == "german-speaking"] == ["de"]
    names = {p.name for p in register.all()} | {p.address for p in register.providers}
    text = "\n".join(sorted(names))
    for needle in ("l'Hôpital", "Müller", "Van den Broeck", "Ó Súilleabháin", "«", '"'):
        assert needle in text, needle
    assert all(p.email.endswith(("@example.org", "@example.be")) for p in register.providers)
    assert len({p.nrn for p in register.psychologists}) == len(register.psychologists)


def test_every_file_says_it_is_fictional():
    assert "fictional: true" in FORMATS["yaml"].read_text(encoding="utf-8").splitlines()[0]
    for readme in (EXAMPLES / "README.md", EXAMPLES / "csv" / "README.md"):
        assert "FICTIONAL" in readme.read_text(encoding="utf-8").splitlines()[0]
    from openpyxl import load_workbook

    workbook = load_workbook(FORMATS["xlsx"], read_only=True)
    assert workbook.sheetnames[0] == "README"
    assert "FICTIONAL" in workbook["README"]["A1"].value
    workbook.close()


def test_the_script_writes_what_is_shipped(tmp_path):
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / "make_examples.py"), str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    shipped = FORMATS["yaml"].read_text(encoding="utf-8")
    assert (tmp_path / "parties.yaml").read_text(encoding="utf-8") == shipped
    for list_name in LISTS:
        name = f"csv/{list_name}.csv"
        assert (tmp_path / name).read_bytes() == (EXAMPLES / name).read_bytes(), name
    assert load_parties(tmp_path / "parties.xlsx") == load_parties(FORMATS["xlsx"])
