"""The shipped fictional billing file examples/billing-2023.csv: written again byte for
byte by its script, and holding every case article 14/1 speaks of (its two worked
examples, a provider in two networks, and every kind of row it does not count)."""

from __future__ import annotations

import csv
import importlib.util
import subprocess
import sys
from collections import Counter
from datetime import date
from decimal import Decimal

import pytest

from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples"
BILLING = EXAMPLES / "billing-2023.csv"


def _script():
    spec = importlib.util.spec_from_file_location("make_billing", EXAMPLES / "make_billing.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_billing", module)  # its dataclass looks itself up there
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script():
    return _script()


@pytest.fixture(scope="module")
def rows():
    with BILLING.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _counted(row, codes) -> bool:
    service, entered = (
        date.fromisoformat(row["service_date"]),
        date.fromisoformat(row["entered_date"]),
    )
    return (
        row["pseudocode"] in codes.volume
        and codes.start <= service <= codes.end
        and entered <= codes.deadline
    )


def test_the_script_writes_the_same_bytes_again(tmp_path):
    target = tmp_path / "billing.csv"
    subprocess.run(
        [sys.executable, str(EXAMPLES / "make_billing.py"), str(target)],
        check=True,
        timeout=300,
        capture_output=True,
    )
    assert target.read_bytes() == BILLING.read_bytes()


def test_the_first_worked_example_counts_exactly_12000_eur(script, rows):
    codes = script.read_codes()
    provider = script.worked_examples(script.read_providers())["volume_12000"]
    mine = [r for r in rows if r["provider_inami"] == provider["inami"]]
    assert mine and all(_counted(r, codes) for r in mine)
    assert sum(Decimal(r["amount"]) for r in mine) == Decimal("12000.00")
    assert not [r for r in mine if r["pseudocode"] in codes.outreach]


def test_the_second_worked_example_has_13_percent_outreach(script, rows):
    codes = script.read_codes()
    provider = script.worked_examples(script.read_providers())["outreach_13"]
    mine = [r for r in rows if r["provider_inami"] == provider["inami"]]
    assert mine and all(_counted(r, codes) for r in mine)
    outreach = [r for r in mine if r["pseudocode"] in codes.outreach]
    assert Decimal(len(outreach)) / Decimal(len(mine)) == Decimal("0.13")
    euros = sum(Decimal(r["amount"]) for r in outreach) / sum(Decimal(r["amount"]) for r in mine)
    assert euros == Decimal("0.13")  # the same share whether counted in sessions or euros


def test_one_provider_bills_in_two_networks(script, rows):
    provider = script.worked_examples(script.read_providers())["two_networks"]
    volume = Counter()
    for row in rows:
        if row["provider_inami"] == provider["inami"]:
            volume[row["network"]] += Decimal(row["amount"])
    assert set(volume) == set(provider["networks"])
    first, second = provider["networks"]
    assert volume[first] > volume[second]


def test_every_kind_of_row_the_article_does_not_count_is_there(script, rows):
    codes = script.read_codes()
    kinds = Counter()
    for row in rows:
        service = date.fromisoformat(row["service_date"])
        entered = date.fromisoformat(row["entered_date"])
        if row["pseudocode"] in codes.group:
            kinds["group"] += 1
        elif row["pseudocode"] not in codes.volume:
            kinds["neither list"] += 1
        elif not codes.start <= service <= codes.end:
            kinds["out of period"] += 1
        elif entered > codes.deadline:
            kinds["entered too late"] += 1
        else:
            kinds["counted"] += 1
    keys = [tuple(r.values()) for r in rows]
    kinds["duplicate"] = len(keys) - len(set(keys))
    assert kinds["duplicate"] == 1
    for kind in ("group", "neither list", "out of period", "entered too late", "counted"):
        assert kinds[kind] > 0, kind
    assert 2000 <= len(rows) <= 5000


def test_every_provider_and_network_is_an_example_party(script, rows):
    providers = {p["inami"]: p for p in script.read_providers()}
    for row in rows:
        assert row["network"] in providers[row["provider_inami"]]["networks"]
