"""Write examples/billing-2023.csv: a FICTIONAL billing file for the example parties.

Run from the checkout: `python examples/make_billing.py` (same output every time:
one seeded generator, fixed order of draws). See examples/README.md.

The codes come from the corpus, never from this script: the 15 volume codes and
the 4 outreach codes of article 14/1 (parameters of the sixth amendment), the group
codes and the codes in neither list from the pseudocode registry (annex 1). The
reference period and the deadline for entering data are the article's parameters.
Only the session amounts are this script's own (fictional, of the size of a
2023 session); `worked_examples()` says which providers show the article's examples.
"""

from __future__ import annotations

import csv
import io
import random
import sys
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ARTICLE = ROOT / "conventions" / "inami-network-2021" / "avenant-06.yaml"
REGISTRY = ROOT / "conventions" / "registry" / "pseudocodes.yaml"
PARTIES = HERE / "parties.yaml"
OUTPUT = HERE / "billing-2023.csv"

SEED = 20231005
COLUMNS = ("provider_inami", "network", "pseudocode", "service_date", "entered_date", "amount")
#: fictional amounts (EUR, personal contribution included), by kind of session
SESSION_EUR = Decimal("80.00")
FIRST_SESSION_EUR = Decimal("95.00")
GROUP_SESSION_EUR = Decimal("120.00")
OTHER_EUR = Decimal("40.00")
#: providers drawn at random (after the worked examples and the two-network provider)
RANDOM_PROVIDERS = 36


@dataclass(frozen=True)
class Codes:
    volume: tuple[str, ...]
    outreach: tuple[str, ...]
    first: tuple[str, ...]
    group: tuple[str, ...]
    neither: tuple[str, ...]
    start: date
    end: date
    deadline: date


def _parameters(node: object, found: dict[str, dict]) -> dict[str, dict]:
    if isinstance(node, dict):
        for parameter in node.get("parameters", []) or []:
            found[parameter["id"]] = parameter
        for value in node.values():
            _parameters(value, found)
    elif isinstance(node, list):
        for value in node:
            _parameters(value, found)
    return found


def read_codes() -> Codes:
    """The article's code lists, period and deadline, and the registry's other codes."""
    found = _parameters(yaml.safe_load(ARTICLE.read_text(encoding="utf-8")), {})
    volume = tuple(found["practice_bonus_volume_codes"]["codes"])
    outreach = tuple(found["practice_bonus_outreach_codes"]["codes"])
    period = found["practice_bonus_reference_period"]
    registry = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))["codes"]
    group = tuple(c["code"] for c in registry if c.get("service") == "group")
    first = tuple(
        c["code"] for c in registry if c["code"] in volume and "première séance" in c["label"]["fr"]
    )
    neither = tuple(
        c["code"]
        for c in registry
        if c.get("service") in {"individual", "consultation", "care-pathway"}
        and c["code"] not in volume
    )
    return Codes(
        volume=volume,
        outreach=outreach,
        first=first,
        group=group,
        neither=neither,
        start=date.fromisoformat(period["start"]),
        end=date.fromisoformat(period["end"]),
        deadline=date.fromisoformat(found["practice_bonus_data_deadline"]["value"]),
    )


def read_providers() -> list[dict]:
    """The example psychologists/orthopedagogues (id, inami, networks), in file order."""
    parties = yaml.safe_load(PARTIES.read_text(encoding="utf-8"))
    return [p for p in parties["psychologists"] if p.get("inami") and p.get("networks")]


def worked_examples(providers: list[dict]) -> dict[str, dict]:
    """Which example providers carry which special case (the first ones of the file)."""
    single = [p for p in providers if len(p["networks"]) == 1]
    double = [p for p in providers if len(p["networks"]) == 2]
    return {"volume_12000": single[0], "outreach_13": single[1], "two_networks": double[0]}


class _Writer:
    def __init__(self, codes: Codes, draw: random.Random):
        self.codes, self.draw, self.rows = codes, draw, []
        self.seen: set[tuple] = set()

    def day(self, start: date, end: date) -> date:
        return start + timedelta(days=self.draw.randrange((end - start).days + 1))

    def entered(self, service: date) -> date:
        """Entered a few days after the service, never after the deadline."""
        return min(service + timedelta(days=self.draw.randrange(1, 30)), self.codes.deadline)

    def add(self, provider: dict, network: str, codes, amount: Decimal, dates=None) -> None:
        """One row of a code drawn from `codes`, on dates drawn by `dates` (by default in
        the period, entered in time); drawn again if the very same row exists already,
        so that the only duplicate of the file is the one `build_rows` makes."""
        while True:
            if dates is None:
                service = self.day(self.codes.start, self.codes.end)
                entered = self.entered(service)
            else:
                service, entered = dates()
            code = self.draw.choice(codes)
            row = (provider["inami"], network, code, service.isoformat(), entered.isoformat())
            if row not in self.seen:
                self.seen.add(row)
                self.rows.append((*row, amount))
                return

    def sessions(self, provider: dict, network: str, count: int, outreach: int) -> None:
        """`count` individual sessions of the volume list, `outreach` of them in outreach,
        all at the same amount (so the outreach share is the same in sessions and euros)."""
        plain = [c for c in self.codes.volume if c not in self.codes.outreach]
        for index in range(count):
            pool = self.codes.outreach if index < outreach else plain
            self.add(provider, network, pool, SESSION_EUR)


def _worked(writer: _Writer, special: dict[str, dict]) -> None:
    # 150 x 80.00 = 12,000.00 EUR counted, no outreach: 800 x 12,000 / 36,000 = 266.67
    volume = special["volume_12000"]
    writer.sessions(volume, volume["networks"][0], 150, 0)
    # 100 sessions, 13 in outreach: 13 % gives 13/50 x 200 = 52.00
    outreach = special["outreach_13"]
    writer.sessions(outreach, outreach["networks"][0], 100, 13)
    # two networks: more euros in the first than in the second
    both = special["two_networks"]
    writer.sessions(both, both["networks"][0], 90, 20)
    writer.sessions(both, both["networks"][1], 40, 5)


def _random_provider(writer: _Writer, provider: dict) -> None:
    draw, codes = writer.draw, writer.codes
    network = provider["networks"][0]
    count = draw.randrange(20, 140)
    writer.sessions(provider, network, count, draw.randrange(0, count // 2 + 1))
    for _ in range(draw.randrange(1, 4)):  # first sessions, at their own amount
        writer.add(provider, network, codes.first, FIRST_SESSION_EUR)
    for _ in range(draw.randrange(0, 6)):  # group sessions: not counted
        writer.add(provider, network, codes.group, GROUP_SESSION_EUR)
    for _ in range(draw.randrange(0, 4)):  # codes in neither list
        writer.add(provider, network, codes.neither, OTHER_EUR)
    for _ in range(draw.randrange(0, 3)):  # entered after the deadline
        writer.add(provider, network, codes.volume, SESSION_EUR, lambda: _late(writer))
    for _ in range(draw.randrange(0, 3)):  # performed outside the reference period
        writer.add(provider, network, codes.volume, SESSION_EUR, lambda: _out_of_period(writer))


def _late(writer: _Writer) -> tuple[date, date]:
    """Performed in the last weeks of the period, entered after the deadline."""
    codes = writer.codes
    service = writer.day(codes.end - timedelta(days=20), codes.end)
    last = codes.deadline + timedelta(days=40)
    return service, writer.day(codes.deadline + timedelta(days=1), last)


def _out_of_period(writer: _Writer) -> tuple[date, date]:
    """Performed before or after the period, entered in time."""
    codes = writer.codes
    before = writer.day(codes.start - timedelta(days=90), codes.start - timedelta(days=1))
    after = writer.day(codes.end + timedelta(days=1), codes.deadline - timedelta(days=1))
    service = writer.draw.choice([before, after])
    return service, writer.entered(service)


def build_rows() -> list[tuple]:
    """All rows, sorted by provider, service date and code; one exact duplicate."""
    codes, providers = read_codes(), read_providers()
    writer = _Writer(codes, random.Random(SEED))
    special = worked_examples(providers)
    _worked(writer, special)
    taken = {p["id"] for p in special.values()}
    for provider in [p for p in providers if p["id"] not in taken][:RANDOM_PROVIDERS]:
        _random_provider(writer, provider)
    rows = sorted(writer.rows, key=lambda row: (row[0], row[3], row[2], row[1], row[4]))
    duplicated = rows[len(rows) // 2]
    rows.insert(len(rows) // 2 + 1, duplicated)  # the same row entered twice
    return rows


def render(rows: list[tuple]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([(*row[:5], f"{row[5]:.2f}") for row in rows])
    return out.getvalue()


def write(target: Path = OUTPUT) -> Path:
    target.write_text(render(build_rows()), encoding="utf-8", newline="")
    return target


if __name__ == "__main__":
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT))
