"""Valid party files, as YAML, XLSX, a CSV folder or one CSV with a type column, give
the same register; the register answers who works with whom and fills the slots."""

from __future__ import annotations

import pytest

from generator.errors import ConventioError
from generator.parties.check import load_parties
from generator.parties.model import Psychologist
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


def test_director_gender_and_network_address_in_every_format(tmp_path):
    """A hospital may say its director's gender (f/m, in any case, or female/male),
    and a network its address (for the letterhead of what it issues): optional, read
    alike from YAML, XLSX, a CSV folder and one CSV."""
    data = changed("hospitals", 0, director_gender="F")
    data["hospitals"][1]["director_gender"] = "male"
    data["networks"][0]["address"] = "Rue de l'Exemple 7, 1000 Bruxelles"
    registers = [
        load_parties(write_yaml(tmp_path / "p.yaml", data)),
        load_parties(write_xlsx(tmp_path / "p.xlsx", data)),
        load_parties(write_csv_folder(tmp_path / "csv", data)),
        load_parties(write_single_csv(tmp_path / "p.csv", data)),
    ]
    assert all(r == registers[0] for r in registers[1:])
    register = registers[0]
    assert register.hospital("hosp-01").director_gender == "f"
    assert register.hospital("hosp-02").director_gender == "m"
    assert slot_values(register.parties_for("net-01"))["network.address"] == (
        "Rue de l'Exemple 7, 1000 Bruxelles"
    )
    # both optional: a file without them is valid, and nothing is made up
    plain = load_parties(write_yaml(tmp_path / "plain.yaml"))
    assert plain.hospital("hosp-01").director_gender is None
    assert "network.address" not in slot_values(plain.parties_for("net-01"))


def test_a_gender_that_is_not_f_or_m_is_refused_at_its_cell(tmp_path):
    from generator.parties.check import check_parties

    data = changed("hospitals", 1, director_gender="Madame")
    path = write_xlsx(tmp_path / "p.xlsx", data)
    problems = [str(p) for p in check_parties(path)]
    assert problems == [
        f"{path}:hospitals!F3: error: director_gender: must be f (female) or m (male); "
        "leave it empty and documents print the capacity as the published model does"
    ]
