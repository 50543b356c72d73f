"""Party files: YAML, XLSX and CSV read into a register, and every problem
reported at its file, row and column."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.errors import ConventioError
from generator.parties import numbers
from generator.parties.check import check_parties, load_parties
from generator.parties.model import LISTS, Psychologist
from generator.parties.problems import PartiesError
from generator.parties.register import PartyRegister
from generator.parties.slots import slot_values
from tests.support.party_files import (
    NRN,
    changed,
    write_csv_folder,
    write_single_csv,
    write_xlsx,
    write_yaml,
)


def run(*args: str):
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    assert "Traceback" not in result.output
    return result


def line_of(text: str, needle: str) -> int:
    return next(n for n, line in enumerate(text.splitlines(), 1) if needle in line)


def lines(path: Path) -> list[str]:
    return [str(p) for p in check_parties(path)]


# --- numbers ----------------------------------------------------------------


def test_bce_forms_normalise_to_the_dotted_form():
    for form in ("0403.170.701", "BE0403170701", "403170701", "BE 0403 170 701", 403170701):
        assert numbers.normalise_bce(form) == "0403.170.701"
    with pytest.raises(numbers.NumberError, match="check digits do not match"):
        numbers.normalise_bce("0403.170.702")
    with pytest.raises(numbers.NumberError, match="10 digits"):
        numbers.normalise_bce("12345")


def test_national_register_number_forms_and_checks():
    for form in ("85.07.30-033.28", "85073003328", "850730-033-28", "85 07 30 033 28"):
        assert numbers.normalise_nrn(form) == "85073003328"
    assert numbers.format_nrn("85073003328") == NRN
    with pytest.raises(numbers.NumberError) as bad:
        numbers.normalise_nrn("85.07.30-033.29")
    assert str(bad.value) == (
        "the national register number is not valid (its check digits do not match)"
    )
    assert numbers.nrn_with_check("910417", 268) == "91041726894"
    assert numbers.normalise_nrn("91041726894") == "91041726894"


def test_inami_rule_97_and_89_and_display():
    assert numbers.normalise_inami("710-00436") == "71000436"
    assert numbers.normalise_inami("9/12345 37.780") == "91234537780"
    assert numbers.normalise_inami(1234567) == "01234567"  # leading zero restored
    assert numbers.inami_check_ok("71000436")  # 97 - 710004 % 97 = 36
    assert numbers.inami_check_ok("12345676")  # 89 - 123456 % 89 = 76 (older numbers)
    assert numbers.inami_check_ok("12345625")  # 97 - 123456 % 97 = 25
    assert not numbers.inami_check_ok("12345678")
    # first six digits a multiple of 97: the check is 97
    assert numbers.inami_check_ok(f"{97 * 1000:06d}97")
    assert numbers.format_inami("91234537780") == "9-12345-37-780"
    assert numbers.format_inami("71000436") == "710-00436"
    with pytest.raises(numbers.NumberError, match="8 digits"):
        numbers.normalise_inami("1234567890")


def test_phone_and_email():
    assert numbers.normalise_phone("0471 23 45 67") == "+32471234567"
    assert numbers.normalise_phone("+32 9 234 56 78") == "+3292345678"
    assert numbers.format_phone("+32471234567") == "0471 23 45 67"
    with pytest.raises(numbers.NumberError, match="not a valid number"):
        numbers.normalise_phone("123")
    assert numbers.normalise_email("info@Example.org") == "info@example.org"
    with pytest.raises(numbers.NumberError, match="@-sign"):
        numbers.normalise_email("info.example.org")


# --- valid files --------------------------------------------------------------


def _assert_the_parties(register: PartyRegister) -> None:
    assert register.counts() == {
        "networks": 3,
        "hospitals": 2,
        "psychologists": 1,
        "organisations": 1,
    }
    psy = register.get("psy-0001")
    assert isinstance(psy, Psychologist)
    assert (psy.nrn, psy.bce, psy.phone, psy.inami) == (
        "85073003328",
        "0876.543.270",
        "+32471234567",
        "91234537780",
    )
    assert psy.networks == ("net-01", "net-02")
    assert register.hospital("hosp-01").bce == "0403.170.701"
    assert register.hospital("hosp-02").bce == "0201.234.517"
    assert [p.id for p in register.providers_of("net-02")] == ["psy-0001", "org-001"]
    assert register.network_of("org-001").id == "net-02"
    assert register.collecting_hospital_of("net-02").id == "hosp-01"
    assert register.network("net-03").convention_title == "Titel der fiktiven Konvention"
    assert not register.warnings


def test_valid_yaml(tmp_path):
    _assert_the_parties(load_parties(write_yaml(tmp_path / "parties.yaml")))


@pytest.mark.parametrize(("delimiter", "bom"), [(";", True), (",", False), (",", True)])
def test_valid_csv_folder(tmp_path, delimiter, bom):
    folder = write_csv_folder(tmp_path / "csv", delimiter=delimiter, bom=bom)
    _assert_the_parties(load_parties(folder))


def test_valid_single_csv_with_a_type_column(tmp_path):
    _assert_the_parties(load_parties(write_single_csv(tmp_path / "parties.csv")))


def test_valid_xlsx_with_numbers_typed_as_numbers_and_flags_in_words(tmp_path):
    from openpyxl import load_workbook

    path = write_xlsx(tmp_path / "parties.xlsx")
    workbook = load_workbook(path)
    sheet = workbook["hospitals"]
    sheet["D2"] = 403170701  # the BCE as Excel keeps a number: no leading zero
    sheet["C3"] = 71011225
    sheet["F2"] = "verified_by_hand"
    sheet["F1"] = "Verified by hand"  # header spelt as people do
    sheet["F2"] = "oui"
    sheet["F3"] = "non"
    workbook.save(path)
    register = load_parties(path)
    _assert_the_parties(register)
    assert register.hospital("hosp-01").verified_by_hand is True
    assert register.hospital("hosp-02").verified_by_hand is False
    assert register.hospital("hosp-02").inami == "71011225"


def test_three_formats_give_the_same_register(tmp_path):
    registers = [
        load_parties(write_yaml(tmp_path / "p.yaml")),
        load_parties(write_xlsx(tmp_path / "p.xlsx")),
        load_parties(write_csv_folder(tmp_path / "csv")),
        load_parties(write_single_csv(tmp_path / "p.csv")),
    ]
    assert all(r == registers[0] for r in registers[1:])


def test_register_questions_and_slots(tmp_path):
    register = load_parties(write_yaml(tmp_path / "parties.yaml"))
    with pytest.raises(ConventioError, match="works with 2 networks"):
        register.network_of("psy-0001")
    with pytest.raises(ConventioError, match=r"no party 'psy-0002'.*did you mean 'psy-0001'"):
        register.get("psy-0002")
    with pytest.raises(ConventioError, match="'hosp-01' is a hospital, not a network"):
        register.network("hosp-01")
    with pytest.raises(ConventioError, match="does not work with the network 'net-03'"):
        register.parties_for("net-03", "psy-0001")
    parties = register.parties_for("net-02", "psy-0001")
    values = slot_values(parties)
    assert values["network.inami"] == "740-00112"
    assert values["hospital.name"] == "Fictief Ziekenhuis Sint-Jan"
    assert values["collecting_hospital.bce"] == "0403.170.701"
    assert values["collecting_hospital.director"] == "Anne Müller"
    assert values["provider.inami"] == "9-12345-37-780"
    assert values["provider.phone"] == "0471 23 45 67"
    assert values["provider.nrn"] == NRN
    assert "85" not in repr(values).replace("hosp", "")
    org = slot_values(register.parties_for("net-02", "org-001"))
    assert org["organisation.representative"] == "Koen D'Haese"
    assert "organisation.inami" not in org
    german = slot_values(register.parties_for("net-03"))
    assert german["network.convention_title"] == "Titel der fiktiven Konvention"


# --- problems, each at its place -------------------------------------------------


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
        "(the columns are: id, name, inami, bce, director, signing_certificates, "
        "verified_by_hand)"
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
        "hospital (a hospital has: id, name, inami, bce, director, signing_certificates, "
        "verified_by_hand)",
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


FINGERPRINT = "3f9a" * 16  # a SHA-256 fingerprint: 64 hexadecimal digits


def test_signing_certificates_in_every_format(tmp_path):
    """A party may list the certificates it signs with: fingerprints (as openssl prints
    them, with colons, in capitals) and signers' names (commas inside a name are kept)."""
    openssl = ":".join(FINGERPRINT[i : i + 2] for i in range(0, 64, 2)).upper()
    data = changed("networks", 0, signing_certificates=[openssl, "CN=Jean Dupont, O=Réseau Fictif"])
    data["hospitals"][0]["signing_certificates"] = ["Anne Müller"]
    registers = [
        load_parties(write_yaml(tmp_path / "p.yaml", data)),
        load_parties(write_xlsx(tmp_path / "p.xlsx", data)),
        load_parties(write_csv_folder(tmp_path / "csv", data, delimiter=",")),
        load_parties(write_single_csv(tmp_path / "p.csv", data)),
    ]
    assert all(r == registers[0] for r in registers[1:])
    register = registers[0]
    assert register.network("net-01").signing_certificates == (
        FINGERPRINT,
        "CN=Jean Dupont, O=Réseau Fictif",
    )
    assert register.hospital("hosp-01").signing_certificates == ("Anne Müller",)
    assert register.network("net-02").signing_certificates == ()


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


# --- files that are not party files ----------------------------------------------


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


def test_a_duplicate_id_is_found_even_when_one_entry_is_broken(tmp_path):
    data = changed("hospitals", 0)
    data["hospitals"].append(dict(data["hospitals"][0], director=""))
    path = write_yaml(tmp_path / "p.yaml", data)
    text = path.read_text(encoding="utf-8")
    first = line_of(text, "id: hosp-01")
    last = len(text.splitlines()) - text.splitlines()[::-1].index("- id: hosp-01")
    expected = f"{path}:{last}:3: error: duplicate id 'hosp-01': already the id of the hospital"
    assert f"{expected} at line {first}" in lines(path)
