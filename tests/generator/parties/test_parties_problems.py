"""Every problem of a party file reported at its place: file, row and column of a CSV,
sheet and cell of an XLSX, line and column of a YAML file."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ConventioError
from generator.parties import numbers
from generator.parties.check import check_parties, load_parties
from generator.parties.model import LISTS
from generator.parties.problems import PartiesError
from tests.support.party_files import (
    NRN,
    changed,
    line_of,
    write_csv_folder,
    write_single_csv,
    write_xlsx,
    write_yaml,
)


def lines(path: Path) -> list[str]:
    return [str(p) for p in check_parties(path)]


def test_csv_problems_name_file_row_and_column(tmp_path):
    data = changed("psychologists", 0, email="", colour="blue")
    data["psychologists"].append(dict(data["psychologists"][0], id="psy-0002", email="a@b.be"))
    data["psychologists"][1]["nrn"] = numbers.nrn_with_check("630212", 145)
    data["psychologists"][1]["networks"] = ["net-01", "net-09"]
    data["organisations"][0]["id"] = "psy-0002"
    data["networks"][0]["hospital"] = "psy-0001"
    data["networks"][1]["kind"] = "teens"
    data["hospitals"][1]["bce"] = "0201.234.518"
    folder = write_csv_folder(tmp_path / "csv", data)
    net, hosp, psy, org = (str(folder / f"{n}.csv") for n in LISTS)
    assert lines(folder) == [
        f"{hosp}:3:4: error: bce: the BCE/KBO number is not valid (its check digits do not match)",
        f"{net}:2:6: error: hospital: 'psy-0001' is a psychologist, not a hospital",
        f"{net}:3:2: error: kind must be one of 'adults', 'children' or 'german-speaking' "
        "(it is 'teens')",
        f"{org}:2:1: error: duplicate id 'psy-0002': already the id of the psychologist at "
        f"{psy}:3:1",
        f"{psy}:1:11: error: unknown column 'colour'; allowed: id, name, address, inami, "
        "email, phone, nrn, bce, networks, language, signing_certificates, verified_by_hand",
        f"{psy}:2:5: error: empty cell: email is required for a psychologist",
        f"{psy}:3:9: error: networks: no network has the id 'net-09'; did you mean 'net-03'?",
    ]


def test_missing_column_said_once_at_the_header(tmp_path):
    data = changed("hospitals", 0, director=None)
    data = {k: v for k, v in data.items()}
    data["hospitals"][1] = {k: v for k, v in data["hospitals"][1].items() if k != "director"}
    folder = write_csv_folder(tmp_path / "csv", data)
    assert lines(folder) == [
        f"{folder / 'hospitals.csv'}:1:1: error: missing column 'director': this sheet needs it "
        "(the columns are: id, name, inami, bce, director, director_gender, "
        "signing_certificates, verified_by_hand)"
    ]


def test_xlsx_problems_print_sheet_column_letter_and_row(tmp_path):
    data = changed("networks", 2, convention_title=None)
    data["networks"].append(dict(data["networks"][0], id="net-04", language="EN"))
    data["networks"].append(dict(data["networks"][1], id="net-05", inami=None))
    data["psychologists"][0]["networks"] = "net-01; net-02;net-77"
    path = write_xlsx(tmp_path / "parties.xlsx", data)
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    workbook["networks"]["C7"] = None  # a name left empty
    workbook.save(path)
    assert lines(path) == [
        # no convention_title column at all: the row's first cell
        f"{path}:networks!A4: error: a german-speaking network needs the title of its "
        "convention with the minister (convention_title)",
        f"{path}:networks!E5: error: language must be one of 'fr', 'nl' or 'de' (it is 'EN')",
        f"{path}:networks!D6: error: a children network needs its INAMI number (inami)",
        f"{path}:psychologists!I2: error: networks: no network has the id 'net-77'; "
        "did you mean 'net-05'?",
    ]
    data["networks"].append(dict(data["networks"][0], id="net-06"))
    path = write_xlsx(tmp_path / "more.xlsx", data)
    workbook = load_workbook(path)
    workbook["networks"]["C7"] = None
    workbook.save(path)
    assert f"{path}:networks!C7: error: empty cell: name is required for a network" in lines(path)


def test_single_csv_problems(tmp_path):
    path = write_single_csv(tmp_path / "parties.csv")
    text = path.read_text(encoding="utf-8-sig").splitlines()
    header = text[0].split(";")
    row = text[4].split(";")  # hospital hosp-01
    row[0] = "hopital"
    row[header.index("nrn")] = "x"
    text[4] = ";".join(row)
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    assert lines(path) == [
        f"{path}:5:1: error: type is 'hopital': it must be one of network, hospital, "
        "psychologist, organisation",
    ]
    row[0] = "hospital"
    text[4] = ";".join(row)
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    assert lines(path) == [
        f"{path}:5:{header.index('nrn') + 1}: error: the column 'nrn' does not apply to a "
        "hospital (a hospital has: id, name, inami, bce, director, director_gender, "
        "signing_certificates, verified_by_hand)",
    ]


def test_yaml_problems_at_their_line_and_column(tmp_path):
    path = tmp_path / "parties.yaml"
    write_yaml(path, changed("hospitals", 1, directeur="X", director=None))
    text = path.read_text(encoding="utf-8")
    text = text.replace("networks:\n  - net-02", "networks: [net-02, net-02]")
    path.write_text(text, encoding="utf-8")
    assert lines(path) == [
        f"{path}:{line_of(text, 'id: hosp-02')}:3: error: missing field 'director' "
        "(required for a hospital)",
        f"{path}:{line_of(text, 'directeur')}:3: error: unknown field 'directeur'; "
        "did you mean 'director'?",
        f"{path}:{line_of(text, '[net-02, net-02]')}:3: warning: networks: 'net-02' is "
        "listed twice",
    ]


def test_yaml_duplicate_keys_and_structure(tmp_path):
    path = tmp_path / "p.yaml"
    path.write_text(
        "networks: []\nhospitals: {}\npsychologists:\n  - just a text\norganisations: []\n"
        "organisations: []\n",
        encoding="utf-8",
    )
    assert lines(path) == [
        f"{path}:2:1: error: hospitals must be a list (entries starting with '- ')",
        f"{path}:4:5: error: each entry of psychologists must be a block of fields "
        "(key: value lines)",
        f"{path}:6:1: error: the key 'organisations' appears twice in this block",
    ]


def test_signing_certificates_problems_never_repeat_a_number(tmp_path):
    sha1 = "ab" * 20
    data = changed("networks", 0, signing_certificates=[sha1])
    data["psychologists"][0]["signing_certificates"] = f"CN=Siobhán, serialNumber={NRN}"
    path = write_yaml(tmp_path / "p.yaml", data)
    found = lines(path)
    assert len(found) == 2, found
    assert "signing_certificates: a certificate fingerprint must be its SHA-256: 64 " in (found[0])
    assert "(this one has 40; a SHA-1 fingerprint has 40)" in found[0]
    assert "must not hold a national register number" in found[1]
    assert not any(NRN in line or "85073003328" in line for line in found)


def test_load_parties_raises_a_conventio_error_listing_every_problem(tmp_path):
    path = write_yaml(tmp_path / "p.yaml", changed("networks", 0, language="xx", name=None))
    with pytest.raises(PartiesError) as caught:
        load_parties(path)
    assert isinstance(caught.value, ConventioError)
    assert len(caught.value.problems) == 2
    assert "missing field 'name'" in str(caught.value)
    assert str(caught.value).endswith(f"2 error(s) in {path}")


def test_a_duplicate_id_is_found_even_when_one_entry_is_broken(tmp_path):
    data = changed("hospitals", 0)
    data["hospitals"].append(dict(data["hospitals"][0], director=""))
    path = write_yaml(tmp_path / "p.yaml", data)
    text = path.read_text(encoding="utf-8")
    first = line_of(text, "id: hosp-01")
    last = len(text.splitlines()) - text.splitlines()[::-1].index("- id: hosp-01")
    expected = f"{path}:{last}:3: error: duplicate id 'hosp-01': already the id of the hospital"
    assert f"{expected} at line {first}" in lines(path)
