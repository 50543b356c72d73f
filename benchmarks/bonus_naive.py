"""The practice bonus the straightforward pandas way: the benchmark's yardstick.

What anyone would write first with pandas: read the whole CSV into a DataFrame
of text, drop duplicate rows, parse the dates, keep the rows of the reference
period entered by the deadline, keep the codes of the volume list, group by
provider (and by provider and network for the paying network), then apply the
article's rules provider by provider in exact decimals. Every amount, code list,
date and declared reading comes from the parameters of article 14/1 in force,
read by conventio's own `bonus_parameters` (generator/bonus/parameters.py);
nothing is typed here. Divisions keep as many digits as conventio's (PRECISION),
so that the exact outreach share is the same number, digit for digit.

It reads only well-formed files (those the benchmark makes): no error rows, no
column mapping, no party file. It gives one row per provider with at least one
counted session, with the fields of conventio's result, in the same order.
"""

from __future__ import annotations

import decimal
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pandas as pd

from generator.bonus.compute import PRECISION, ROW_FIELDS

CENT = Decimal("0.01")
HUNDRED = Decimal(100)
#: the declared readings this way follows with one fixed rule each (outreach_basis,
#: sessions or euros, is read row by row); another reading in the corpus stops it
FOLLOWED = {"rounding": "half-up-cent-at-payment", "tie": "lowest-network-id", "cap": "sum"}


def counted_rows(billing: Path, parameters) -> pd.DataFrame:
    """The rows the article counts: no duplicate, in the period, entered in time,
    a code of the volume list; with the amount in cents and an outreach flag."""
    frame = pd.read_csv(billing, dtype=str, keep_default_na=False)
    frame = frame[~frame.duplicated()]
    start, end = parameters.period
    service = pd.to_datetime(frame["service_date"], format="%Y-%m-%d")
    entered = pd.to_datetime(frame["entered_date"], format="%Y-%m-%d")
    in_period = (service >= pd.Timestamp(start)) & (service <= pd.Timestamp(end))
    in_time = entered <= pd.Timestamp(parameters.data_deadline)
    frame = frame[in_period & in_time]
    frame = frame[frame["pseudocode"].isin(parameters.codes("volume_codes"))].copy()
    euros = pd.to_numeric(frame["amount"].str.replace(",", ".", regex=False))
    frame["cents"] = (euros * 100).round().astype("int64")
    frame["outreach"] = frame["pseudocode"].isin(parameters.codes("outreach_codes"))
    return frame


def paying_networks(frame: pd.DataFrame) -> dict[str, str]:
    """Per provider, the network with the largest counted volume in euros; on a tie,
    the lowest network (the declared reading `tie`)."""
    volumes = frame.groupby(["provider_inami", "network"], as_index=False)["cents"].sum()
    volumes = volumes.sort_values(
        ["provider_inami", "cents", "network"], ascending=[True, False, True]
    )
    first = volumes.drop_duplicates("provider_inami")
    return dict(zip(first["provider_inami"], first["network"], strict=True))


def provider_row(provider: str, totals, network: str, parameters) -> dict:
    """One provider's bonus by the article's rules, in exact decimals: the fields of
    conventio's result row (ROW_FIELDS), in its order."""
    amount = Decimal(int(totals["cents"])).scaleb(-2)
    sessions, outreach = int(totals["sessions"]), int(totals["outreach_sessions"])
    if parameters.reading("outreach_basis") == "euros":
        share = Decimal(int(totals["outreach_cents"])).scaleb(-2) * HUNDRED / amount
    else:
        share = Decimal(outreach) * HUNDRED / sessions
    volume_max, outreach_max = parameters.amount("volume_max"), parameters.amount("outreach_max")
    part_volume = min(volume_max, volume_max * amount / parameters.amount("volume_threshold"))
    threshold = parameters.percentage("outreach_threshold")
    part_outreach = min(outreach_max, outreach_max * share / threshold)
    bonus = min(parameters.amount("max"), part_volume + part_outreach)
    row = {
        "provider_inami": provider,
        "provider_name": None,
        "amount_counted_eur": amount,
        "individual_sessions": sessions,
        "outreach_sessions": outreach,
        "outreach_share": share,
        "part_volume_eur": part_volume.quantize(CENT, ROUND_HALF_UP),
        "part_outreach_eur": part_outreach.quantize(CENT, ROUND_HALF_UP),
        "bonus_eur": bonus.quantize(CENT, ROUND_HALF_UP),
        "paying_network": network,
    }
    return {name: row[name] for name in ROW_FIELDS}


def naive_bonus(billing: Path, parameters) -> list[dict]:
    """One row per provider (sorted by INAMI number), the pandas way."""
    for name, value in FOLLOWED.items():
        if parameters.reading(name) != value:
            raise ValueError(f"the pandas way follows {name} = {value} only")
    frame = counted_rows(billing, parameters)
    frame["outreach_cents"] = frame["cents"].where(frame["outreach"], 0)
    totals = frame.groupby("provider_inami").agg(
        cents=("cents", "sum"),
        sessions=("cents", "size"),
        outreach_sessions=("outreach", "sum"),
        outreach_cents=("outreach_cents", "sum"),
    )
    networks = paying_networks(frame)
    with decimal.localcontext() as context:
        context.prec = PRECISION  # the digits conventio keeps in its exact divisions
        return [
            provider_row(provider, row, networks[provider], parameters)
            for provider, row in totals.sort_index().iterrows()
        ]


def main(argv: list[str] | None = None) -> int:
    """`python -m benchmarks.bonus_naive BILLING YEAR OUT.csv`: the pandas way as a
    whole process (start-up, corpus, computation, result file), to set beside
    `conventio bonus compute` run the same way."""
    import csv
    import sys

    from generator.bonus.parameters import bonus_parameters
    from generator.corpus.loader import load_corpus

    billing, year, out = (argv if argv is not None else sys.argv[1:])[:3]
    rows = naive_bonus(Path(billing), bonus_parameters(load_corpus(), int(year)))
    fields = [f for f in ROW_FIELDS if f != "provider_name"]
    with open(out, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(fields)
        writer.writerows([row[f] for f in fields] for row in rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
