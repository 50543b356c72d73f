"""A synthetic billing file for the practice bonus of article 14/1, for benchmarks.

`make_billing(rows, corpus, seed)` draws `rows` billing lines (always the same
ones for the same arguments: numpy's seeded generator) with the columns the
bonus reads (`provider_inami`, `network`, `pseudocode`, `service_date`,
`entered_date`, `amount`):

- thousands of providers (one per 250 rows, at most 8,000), each with a valid
  11-digit INAMI number (97-rule check digits, qualification 780/781/790); how
  much each bills is skewed (log-normal), so some pass the volume threshold and
  most stay under it; each has an outreach habit of its own;
- the 32 networks of examples/parties.yaml (their party ids); most providers
  bill in one network, some in two or three;
- the pseudocodes of annex 1 of the sixth amendment (inami-network-2021/avenant-06),
  read from the corpus with what the code registry says of each: mostly the
  individual codes of the volume list, group sessions, and codes in neither list;
- service dates from two months before the reference period to two months after
  it, entry dates a few days to weeks later, a few entered months late (after
  the deadline);
- amounts in euros with cents, one tariff per code, indexed in the new year;
- exact duplicates of about 0.5 % of the rows, scattered through the file.

The period and deadline come from the corpus (parameters of article 14/1), so a
file still straddles them when an amendment moves them. `write_billing` writes
the CSV (`,` separated, `.` decimals, ISO dates) and the Parquet file (typed:
dates as dates, amounts as decimals).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from generator.bonus.parameters import BonusParameters
from generator.corpus.collection import Corpus
from generator.model.documents import Amendment
from generator.model.pseudocodes import CodeRegistry, RegistryEntry
from generator.parties.numbers import inami_with_check

ROOT = Path(__file__).resolve().parents[1]
PARTIES = ROOT / "examples" / "parties.yaml"
ANNEX_DOCUMENT = "inami-network-2021/avenant-06"
COLUMNS = ("provider_inami", "network", "pseudocode", "service_date", "entered_date", "amount")
QUALIFICATIONS = ("780", "781", "790")
#: what a row bills: an individual session of the volume list, a group session,
#: or a code in neither list of article 14/1
KIND_SHARES = {"volume": 0.86, "group": 0.09, "other": 0.05}
DUPLICATE_SHARE = 0.005
LATE_SHARE = 0.02
MARGIN_DAYS = 61


@dataclass(frozen=True)
class CodeLists:
    """The annex 1 codes a billing file draws from, by what they bill."""

    volume: list[str]
    outreach: list[str]
    group: list[str]
    other: list[str]


def code_lists(corpus: Corpus, parameters: BonusParameters) -> CodeLists:
    """The codes of annex 1 of the sixth amendment, sorted by the registry and article 14/1."""
    amendment = corpus.get(ANNEX_DOCUMENT)
    assert isinstance(amendment, Amendment)
    annex = next(a for a in amendment.annexes if a.rows)
    registry: dict[str, RegistryEntry] = {
        entry.code: entry for r in corpus.of_type(CodeRegistry) for entry in r.codes
    }
    annex_codes = [row.code for row in annex.rows]
    volume = [c for c in annex_codes if c in parameters.codes("volume_codes")]
    outreach = [c for c in volume if c in parameters.codes("outreach_codes")]
    group = [c for c in annex_codes if c in registry and registry[c].service == "group"]
    listed = set(volume) | set(group)
    other = [c for c in annex_codes if c not in listed]
    return CodeLists(volume=volume, outreach=outreach, group=group, other=other)


def network_ids() -> list[str]:
    """The party ids of the example networks."""
    data = yaml.safe_load(PARTIES.read_text(encoding="utf-8"))
    return [network["id"] for network in data["networks"]]


def _providers(rng: np.random.Generator, count: int) -> list[str]:
    heads = rng.choice(np.arange(100_000, 1_000_000), size=count, replace=False)
    qualifications = rng.choice(QUALIFICATIONS, size=count)
    return [inami_with_check(int(h), str(q)) for h, q in zip(heads, qualifications, strict=True)]


def _provider_networks(rng: np.random.Generator, providers: int, networks: int) -> np.ndarray:
    """(providers, 3) network indexes: the home network, then a second and a third
    (the home one again for a provider in fewer networks)."""
    weights = rng.dirichlet(np.full(networks, 2.0))
    home = rng.choice(networks, size=providers, p=weights)
    second = np.where(rng.random(providers) < 0.15, rng.integers(0, networks, providers), home)
    third = np.where(rng.random(providers) < 0.03, rng.integers(0, networks, providers), second)
    return np.stack([home, second, third], axis=1)


def _codes(rng: np.random.Generator, lists: CodeLists, outreach_habit: np.ndarray) -> np.ndarray:
    """One pseudocode per row; `outreach_habit` is each row's provider's outreach rate."""
    rows = len(outreach_habit)
    kinds = rng.choice(len(KIND_SHARES), size=rows, p=list(KIND_SHARES.values()))
    in_person = [c for c in lists.volume if c not in lists.outreach]
    outreach = rng.random(rows) < outreach_habit
    picks = {
        "volume": np.where(
            outreach,
            np.array(lists.outreach)[rng.integers(0, len(lists.outreach), rows)],
            np.array(in_person)[rng.integers(0, len(in_person), rows)],
        ),
        "group": np.array(lists.group)[rng.integers(0, len(lists.group), rows)],
        "other": np.array(lists.other)[rng.integers(0, len(lists.other), rows)],
    }
    return np.stack([picks[kind] for kind in KIND_SHARES])[kinds, np.arange(rows)]


def _dates(
    rng: np.random.Generator, rows: int, parameters: BonusParameters
) -> tuple[np.ndarray, np.ndarray]:
    start, end = parameters.period
    first = np.datetime64(start - dt.timedelta(days=MARGIN_DAYS))
    last = np.datetime64(end + dt.timedelta(days=MARGIN_DAYS))
    span = int((last - first).astype(int)) + 1
    service = first + rng.integers(0, span, rows).astype("timedelta64[D]")
    lag = np.rint(rng.exponential(12.0, rows)).astype(int)
    late = rng.random(rows) < LATE_SHARE
    lag = np.where(late, lag + rng.integers(60, 180, rows), lag)
    return service, service + lag.astype("timedelta64[D]")


def _amount_cents(
    rng: np.random.Generator, codes: np.ndarray, service: np.ndarray, new_year: np.datetime64
) -> np.ndarray:
    """One tariff per code (45 to 95 EUR), indexed by 1.81 % for services in the new year."""
    unique, index = np.unique(codes, return_inverse=True)
    tariffs = rng.integers(4_500, 9_500, len(unique))
    cents = tariffs[index]
    return np.where(service >= new_year, np.rint(cents * 1.0181).astype(int), cents)


def make_billing(rows: int, corpus: Corpus, parameters: BonusParameters, seed: int = 15) -> dict:
    """The columns of a synthetic billing file of `rows` rows (numpy arrays)."""
    rng = np.random.default_rng(seed)
    lists = code_lists(corpus, parameters)
    networks = np.array(network_ids())
    duplicates = int(rows * DUPLICATE_SHARE)
    base = rows - duplicates
    count = max(10, min(8_000, rows // 250))
    inami = np.array(_providers(rng, count))
    activity = rng.lognormal(0.0, 0.9, count)
    habit = rng.beta(1.2, 4.0, count)
    provider = rng.choice(count, size=base, p=activity / activity.sum())
    slots = rng.choice(3, size=base, p=[0.7, 0.2, 0.1])
    network = _provider_networks(rng, count, len(networks))[provider, slots]
    codes = _codes(rng, lists, habit[provider])
    service, entered = _dates(rng, base, parameters)
    new_year = np.datetime64(dt.date(parameters.period[1].year, 1, 1))
    cents = _amount_cents(rng, codes, service, new_year)
    order = np.concatenate([np.arange(base), rng.integers(0, base, duplicates)])
    order = order[rng.permutation(rows)]
    return {
        "provider_inami": inami[provider][order],
        "network": networks[network][order],
        "pseudocode": codes[order],
        "service_date": service[order],
        "entered_date": entered[order],
        "amount_cents": cents[order],
    }


def write_billing(columns: dict, folder: Path) -> tuple[Path, Path]:
    """The billing file as CSV and as Parquet in `folder`: (csv, parquet)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    cents = columns["amount_cents"]
    text = {
        "provider_inami": pa.array(columns["provider_inami"], pa.string()),
        "network": pa.array(columns["network"], pa.string()),
        "pseudocode": pa.array(columns["pseudocode"], pa.string()),
        "service_date": pa.array(columns["service_date"].astype(str), pa.string()),
        "entered_date": pa.array(columns["entered_date"].astype(str), pa.string()),
        "amount": pa.array(
            np.char.add(np.char.add((cents // 100).astype(str), "."), _two_digits(cents % 100))
        ),
    }
    csv_path, parquet_path = folder / "billing.csv", folder / "billing.parquet"
    options = pacsv.WriteOptions(quoting_style="none")
    pacsv.write_csv(pa.table(text), csv_path, write_options=options)
    typed = dict(text)
    typed["service_date"] = pa.array(columns["service_date"].astype("datetime64[D]"), pa.date32())
    typed["entered_date"] = pa.array(columns["entered_date"].astype("datetime64[D]"), pa.date32())
    typed["amount"] = pa.array(text["amount"]).cast(pa.decimal128(10, 2))
    pq.write_table(pa.table(typed), parquet_path)
    return csv_path, parquet_path


def _two_digits(values: np.ndarray) -> np.ndarray:
    return np.char.zfill(values.astype(str), 2)
