"""The practice bonus of article 14/1 per provider, from a checked billing file.

Every row read is counted, excluded with one reason (the first that applies, in
the order of `EXCLUSIONS`), or an error. Amounts are exact decimals; the parts and
the total are rounded to the cent only where they are paid (the declared
reading `practice_bonus_rounding`). Every number comes from the parameters of
article 14/1 in force (generator/bonus/parameters.py)."""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import NamedTuple

from generator.bonus.billing import RowError, out_of_memory
from generator.bonus.checks import checked_billing
from generator.bonus.parameters import BonusParameters, Cited, bonus_parameters
from generator.bonus.plain_csv import count_plain_csv
from generator.bonus.rules import EXCLUSIONS, CountingRules, Volume
from generator.bonus.sql_counts import count_checked_billing

__all__ = ["EXCLUSIONS", "BonusReport", "BonusRow", "compute_bonus", "paid", "prorata"]

#: digits kept in exact divisions (far beyond a cent of a million euros)
PRECISION = 40
CENT = Decimal("0.01")
#: euros counted start from this (two decimals, as the sums of amounts keep)
ZERO = Decimal("0.00")
HUNDRED = Decimal(100)

#: the fields of a result row, in order (`provider_name` only with a party file)
ROW_FIELDS = (
    "provider_inami",
    "provider_name",
    "amount_counted_eur",
    "individual_sessions",
    "outreach_sessions",
    "outreach_share",
    "part_volume_eur",
    "part_outreach_eur",
    "bonus_eur",
    "paying_network",
)


@dataclass
class BonusRow:
    provider_inami: str
    provider_name: str | None
    amount_counted_eur: Decimal
    individual_sessions: int
    outreach_sessions: int
    #: the outreach share in percent, exact (13 for 13 %)
    outreach_share: Decimal
    part_volume_eur: Decimal
    part_outreach_eur: Decimal
    bonus_eur: Decimal
    paying_network: str | None
    # --- not printed in the result table; the explanation uses them
    part_volume_exact: Decimal = Decimal(0)
    part_outreach_exact: Decimal = Decimal(0)
    bonus_exact: Decimal = Decimal(0)
    outreach_amount_eur: Decimal = Decimal(0)
    #: networks the provider has a convention with (None: no party file)
    convention_networks: tuple[str, ...] | None = None
    #: why paying_network is empty
    unpaid_reason: str | None = None

    def fields(self, with_name: bool) -> dict[str, object]:
        names = [n for n in ROW_FIELDS if with_name or n != "provider_name"]
        return {name: getattr(self, name) for name in names}


@dataclass
class BonusReport:
    year: int
    source: str
    rows: list[BonusRow]
    read: int
    counted: int
    excluded: dict[str, int]
    errors: list[RowError]
    error_counts: dict[str, int]
    parameters: BonusParameters
    #: excluded rows per provider and reason
    excluded_by_provider: dict[str, dict[str, int]] = field(default_factory=dict)
    with_names: bool = False
    #: the counted rows per provider and network (generator/bonus/rules.py `Volume`)
    volumes: dict[str, dict[str, Volume]] = field(default_factory=dict, repr=False)

    def network_volumes(self, provider: str) -> dict[str, Decimal]:
        """The euros counted for `provider` per network of the billing."""
        return {net: v.euros for net, v in sorted(self.volumes.get(provider, {}).items())}

    @property
    def assumptions(self) -> list[Cited]:
        return self.parameters.readings

    @property
    def balanced(self) -> bool:
        return self.read == self.counted + sum(self.excluded.values())


def compute_bonus(
    billing: Path,
    year: int,
    corpus,
    *,
    columns: dict[str, str] | None = None,
    parties=None,
    memory_limit: str | None = None,
) -> BonusReport:
    """The bonus of `year` per provider from a billing file. With errors in the
    file, `errors` lists them (the first of each column) and `rows` is empty.

    A plain CSV file (every value in a form read the quick way, no error) is
    counted with polars (generator/bonus/plain_csv.py); any other file, or one with
    errors, is read and checked row by row in DuckDB (generator/bonus/checks.py).
    Both give the same counts, to the row. `memory_limit` ("4GB") bounds the exact
    way's memory; a file that needs more is refused in plain words."""
    params = bonus_parameters(corpus, year)
    for name in ("rounding", "tie", "no_convention", "cap"):
        params.reading(name)  # refuse a reading conventio cannot follow, before reading data
    rules = CountingRules.of(params, corpus)
    counted = count_plain_csv(Path(billing), columns, parties, rules)
    if counted is None:
        import duckdb

        try:
            checked = checked_billing(Path(billing), columns, parties, memory_limit)
            if checked.errors:
                return BonusReport(
                    year, checked.source, [], checked.read, 0, {}, checked.errors,
                    checked.error_counts, params, with_names=parties is not None,
                )  # fmt: skip
            counted = count_checked_billing(checked, rules)
        except duckdb.OutOfMemoryException:
            raise out_of_memory(billing) from None
    report = BonusReport(
        year, counted.source, [], counted.read, 0, {}, [], {}, params,
        with_names=parties is not None, volumes=counted.by_provider(),
    )  # fmt: skip
    for reason in EXCLUSIONS:  # in this order for every provider too
        by_provider = counted.excluded.get(reason, {})
        for provider, count in by_provider.items():
            report.excluded_by_provider.setdefault(provider, {})[reason] = count
        if by_provider:
            report.excluded[reason] = sum(by_provider.values())
    report.rows = _rows(report.volumes, params, parties)
    report.counted = sum(r.individual_sessions for r in report.rows)
    return report


def _rows(
    volumes: dict[str, dict[str, Volume]], params: BonusParameters, parties
) -> list[BonusRow]:
    """One row per provider with a counted session, by INAMI number: the sums over
    its networks, the paying network, and the exact arithmetic of the article."""
    providers = _providers_by_inami(parties)
    figures = _Figures.of(params)
    rows = []
    with decimal.localcontext() as ctx:
        ctx.prec = PRECISION
        for inami in sorted(volumes):
            by_network = volumes[inami]
            euros, sessions, outreach_sessions, outreach_euros = ZERO, 0, 0, ZERO
            for v in by_network.values():
                euros += v.euros
                sessions += v.sessions
                outreach_sessions += v.outreach_sessions
                outreach_euros += v.outreach_euros
            total = (inami, euros, sessions, outreach_sessions, outreach_euros)
            provider = providers.get(inami)
            paying = _paying_network(by_network, provider, parties is not None)
            rows.append(_row(total, figures, provider, paying))
    for row in rows:
        if row.paying_network is None:
            row.unpaid_reason = _unpaid_reason(volumes, row, parties is not None)
    return rows


def _paying_network(by_network: dict[str, Volume], provider, with_parties: bool) -> str | None:
    """The network of the largest euro volume among those the provider has a
    convention with (all of the billing's without a party file); a tie goes to the
    lowest network id (declared reading `practice_bonus_tie`)."""
    candidates = [
        (-v.euros, network)
        for network, v in by_network.items()
        if not with_parties or (provider is not None and network in provider.networks)
    ]
    return min(candidates)[1] if candidates else None


def _unpaid_reason(volumes: dict[str, dict[str, Volume]], row: BonusRow, with_parties: bool) -> str:
    if with_parties and row.convention_networks is None:
        return "the provider is not in the party file: no network with a convention"
    billed = ", ".join(sorted(volumes.get(row.provider_inami, {})))
    conventions = ", ".join(row.convention_networks or ()) or "none"
    return (
        f"the provider has no convention with the networks of its billing ({billed}); "
        f"its conventions: {conventions}"
    )


def _providers_by_inami(parties) -> dict:
    if parties is None:
        return {}
    return {p.inami: p for p in parties.providers if p.inami}


class _Figures(NamedTuple):
    """The article's figures, read once for all providers."""

    volume_threshold: Decimal
    volume_max: Decimal
    outreach_threshold: Decimal
    outreach_max: Decimal
    maximum: Decimal
    outreach_basis: str

    @classmethod
    def of(cls, params: BonusParameters) -> _Figures:
        return cls(
            params.amount("volume_threshold"),
            params.amount("volume_max"),
            params.percentage("outreach_threshold"),
            params.amount("outreach_max"),
            params.amount("max"),
            params.reading("outreach_basis"),
        )


def _row(total: tuple, figures: _Figures, provider, paying: str | None) -> BonusRow:
    inami, amount, sessions, outreach_sessions, outreach_euros = total
    sessions, outreach_sessions = int(sessions), int(outreach_sessions)
    part_volume = prorata(amount, figures.volume_threshold, figures.volume_max)
    share = share_in_percent(
        figures.outreach_basis, sessions, outreach_sessions, amount, outreach_euros
    )
    part_outreach = prorata(share, figures.outreach_threshold, figures.outreach_max)
    total_exact = min(part_volume + part_outreach, figures.maximum)
    return BonusRow(
        provider_inami=inami,
        provider_name=provider.name if provider is not None else None,
        amount_counted_eur=amount,
        individual_sessions=sessions,
        outreach_sessions=outreach_sessions,
        outreach_share=share,
        part_volume_eur=paid(part_volume),
        part_outreach_eur=paid(part_outreach),
        bonus_eur=paid(total_exact),
        paying_network=paying,
        part_volume_exact=part_volume,
        part_outreach_exact=part_outreach,
        bonus_exact=total_exact,
        outreach_amount_eur=outreach_euros,
        convention_networks=tuple(provider.networks) if provider is not None else None,
    )


def prorata(value: Decimal, threshold: Decimal, maximum: Decimal) -> Decimal:
    """`maximum` from `threshold` on, pro rata below (800 × 12,000 / 36,000)."""
    if value >= threshold:
        return maximum
    return maximum * value / threshold


def share_in_percent(
    basis: str, sessions: int, outreach_sessions: int, euros: Decimal, outreach_euros: Decimal
) -> Decimal:
    """The outreach share in percent, counted as the declared reading `basis` says
    (« sessions » or « euros »)."""
    if basis == "euros":
        return outreach_euros * HUNDRED / euros if euros else Decimal(0)
    return Decimal(outreach_sessions) * HUNDRED / sessions if sessions else Decimal(0)


def paid(amount: Decimal) -> Decimal:
    """Rounded to the cent, half up: the amount as paid."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)
