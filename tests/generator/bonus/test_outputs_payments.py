"""`bonus payments`: per network, the providers it pays, amounts rounded to the cent
where paid, totals that are the exact sums of those amounts; CSV and XLSX read back;
the folder replaced all at once or not at all."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import load_workbook
from openpyxl.utils.exceptions import IllegalCharacterError

from generator.bonus.compute import BonusRow
from generator.bonus.payments import payments_by_network, unpaid_providers, write_payments
from generator.errors import ConventioError
from generator.parties.check import load_parties
from tests.support.paths import ROOT

PARTIES = ROOT / "examples" / "parties.yaml"


def row(inami: str, name: str, bonus: str, network: str | None) -> BonusRow:
    zero = Decimal(0)
    return BonusRow(inami, name, zero, 0, 0, zero, zero, zero, Decimal(bonus), network)


THIRD = Decimal(800) * Decimal(12000) / Decimal(36000)  # 266.666..., the article's example
ROWS = [
    BonusRow(
        "9-93042-44-780",
        "Marie-Hélène de l'Hôpital",
        *[Decimal(0)] * 1,
        150,
        0,
        Decimal(0),
        THIRD,
        Decimal(0),
        THIRD,
        "net-01",
    ),  # the article's first example, exact until paid
    row("9-86529-58-780", "Griet Van den Broeck", "229.78", "net-03"),
    row("9-77025-56-780", "Jürgen Müller", "1000", "net-01"),
    row("9-00000-00-000", "Nobody paid", "0", "net-01"),
    row("9-11111-11-111", "No convention", "120.5", None),
    row("9-22222-22-222", "Half a cent", "10.005", "net-03"),
]


def test_each_network_pays_its_providers_with_exact_totals():
    networks = {n.network: n for n in payments_by_network(ROWS)}
    assert set(networks) == {"net-01", "net-03"}  # no network for the row without one
    net01 = networks["net-01"]
    assert [(p.provider_inami, p.bonus_eur) for p in net01.payments] == [
        ("9-77025-56-780", Decimal("1000.00")),
        ("9-93042-44-780", Decimal("266.67")),  # rounded where paid, not before
    ]
    assert net01.total_eur == Decimal("1266.67")
    net03 = networks["net-03"]
    assert [p.bonus_eur for p in net03.payments] == [Decimal("10.01"), Decimal("229.78")]
    assert net03.total_eur == sum(p.bonus_eur for p in net03.payments) == Decimal("239.79")


def test_the_party_file_names_the_networks():
    networks = payments_by_network(ROWS, load_parties(PARTIES))
    assert networks[0].network_name == "Réseau Enfants et Adolescents Fictif Bruxelles-Nord"
    assert networks[0].network_inami == "74977931"


def _csv(path):
    return list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"))))


def test_csv_and_xlsx_hold_the_lists_and_totals(tmp_path):
    target = tmp_path / "payments"
    written = write_payments(payments_by_network(ROWS), target)
    names = sorted(p.name for p in written)
    assert names == sorted(
        f"{stem}.{ext}" for stem in ("networks", "net-01", "net-03") for ext in ("csv", "xlsx")
    )
    assert _csv(target / "net-01.csv") == [
        ["provider_inami", "provider_name", "bonus_eur"],
        ["9-77025-56-780", "Jürgen Müller", "1000.00"],
        ["9-93042-44-780", "Marie-Hélène de l'Hôpital", "266.67"],
        ["total", "", "1266.67"],
    ]
    overview = _csv(target / "networks.csv")
    assert overview[-1] == ["total", "", "", "4", "1506.46"]
    sheet = load_workbook(target / "net-03.xlsx").active
    values = [[c.value for c in r] for r in sheet.iter_rows()]
    assert values[0] == ["provider_inami", "provider_name", "bonus_eur"]
    assert values[1] == ["9-22222-22-222", "Half a cent", 10.01]
    assert values[-1][0] == "total" and Decimal(str(values[-1][2])) == Decimal("239.79")
    assert sheet["C2"].number_format == "#,##0.00"


def test_a_failure_leaves_the_folder_as_it_was(tmp_path):
    target = tmp_path / "payments"
    write_payments(payments_by_network(ROWS[:2]), target)
    before = {p.name: p.read_bytes() for p in target.iterdir()}
    # the last network's workbook cannot be written (a control character in a name):
    # the files of the networks before it were already made, and must not appear
    bad = [*ROWS, row("9-33333-33-333", "Bad\x01name", "5", "net-99")]
    with pytest.raises(IllegalCharacterError):
        write_payments(payments_by_network(bad), target)
    assert {p.name: p.read_bytes() for p in target.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["payments"]  # no staging left


def test_providers_no_network_pays_are_listed_apart_with_the_reason(tmp_path):
    unpaid = [
        *ROWS,
        BonusRow(
            "9-44444-44-444", "Sans réseau", *[Decimal(0)] * 1, 3, 0, Decimal(0), Decimal(0),
            Decimal(0), Decimal("33.333"), None, unpaid_reason="not in the party file",
        ),
    ]  # fmt: skip
    target = tmp_path / "payments"
    written = write_payments(payments_by_network(unpaid), target, unpaid_providers(unpaid))
    assert {"unpaid.csv", "unpaid.xlsx"} <= {p.name for p in written}
    assert _csv(target / "unpaid.csv") == [
        ["provider_inami", "provider_name", "bonus_eur", "reason"],
        ["9-11111-11-111", "No convention", "120.50", ""],
        ["9-44444-44-444", "Sans réseau", "33.33", "not in the party file"],
        ["total", "", "153.83", ""],
    ]
    sheet = load_workbook(target / "unpaid.xlsx").active
    assert [c.value for c in sheet[3]] == [
        "9-44444-44-444", "Sans réseau", 33.33, "not in the party file",
    ]  # fmt: skip
    # the networks' own lists and totals do not hold them
    assert _csv(target / "networks.csv")[-1] == ["total", "", "", "4", "1506.46"]


def test_a_network_whose_list_would_be_named_like_the_overview_is_refused(tmp_path):
    clash = [row("9-55555-55-555", "X", "10", "unpaid")]
    with pytest.raises(ConventioError, match="named like the unpaid list"):
        write_payments(payments_by_network(clash), tmp_path / "p", unpaid_providers(clash))
    assert not (tmp_path / "p").exists()


def test_bonus_payments_says_who_no_network_pays(tmp_path):
    from generator.bonus.payments import run_payments
    from generator.corpus.loader import load_corpus
    from tests.support.billing_files import sessions, write_csv
    from tests.support.party_files import write_yaml

    parties = write_yaml(tmp_path / "parties.yaml")
    rows = sessions("91234537780", 2, "100", network="net-03")  # psy-0001: no convention there
    said = run_payments(
        load_corpus(), write_csv(tmp_path / "b.csv", rows), 2023, tmp_path / "pay", parties
    )
    assert said[1] == (
        "1 provider(s) with a bonus (4.44 EUR) have no paying network: listed with the "
        "reason in unpaid.csv and unpaid.xlsx"
    )
    listed = _csv(tmp_path / "pay" / "unpaid.csv")
    assert listed[1][:3] == ["91234537780", "Siobhán Ó Súilleabháin", "4.44"]
    assert "no convention with the networks of its billing (net-03)" in listed[1][3]
