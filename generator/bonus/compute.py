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

from generator.bonus.billing import RowError
from generator.bonus.checks import checked_billing
from generator.bonus.parameters import BonusParameters, Cited, bonus_parameters

#: the reasons a row is not counted, in the order they are tested
EXCLUSIONS = (
    "group code",
    "code not in either list",
    "out of period",
    "entered too late",
    "duplicate row",
)
#: the registry's services that are group sessions (article 14/1: not counted)
GROUP_SERVICES = ("group", "community-group")
CODE_REGISTRY = "registry/pseudocodes"
#: digits kept in exact divisions (far beyond a cent of a million euros)
PRECISION = 40
CENT = Decimal("0.01")
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
    #: euros counted per network of the billing
    network_volumes: dict[str, Decimal] = field(default_factory=dict)
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
) -> BonusReport:
    """The bonus of `year` per provider from a billing file. With errors in the
    file, `errors` lists them (the first of each column) and `rows` is empty."""
    params = bonus_parameters(corpus, year)
    for name in ("rounding", "tie", "no_convention", "cap"):
        params.reading(name)  # refuse a reading conventio cannot follow, before reading data
    checked = checked_billing(Path(billing), columns, parties)
    report = BonusReport(
        year, checked.source, [], checked.read, 0, {}, checked.errors,
        checked.error_counts, params, with_names=parties is not None,
    )  # fmt: skip
    if checked.errors:
        return report
    con = checked.con
    _classify(con, params, _group_codes(corpus))
    for reason, count in con.execute(
        "SELECT reason, count(*) FROM classified WHERE reason IS NOT NULL GROUP BY reason"
    ).fetchall():
        report.excluded[reason] = int(count)
    report.excluded = {r: report.excluded[r] for r in EXCLUSIONS if r in report.excluded}
    for provider, reason, count in con.execute(
        "SELECT provider, reason, count(*) FROM classified WHERE reason IS NOT NULL "
        "GROUP BY provider, reason"
    ).fetchall():
        report.excluded_by_provider.setdefault(provider, {})[reason] = int(count)
    report.rows = _rows(con, params, parties)
    report.counted = sum(r.individual_sessions for r in report.rows)
    return report


def _group_codes(corpus) -> list[str]:
    registry = corpus.get(CODE_REGISTRY)
    return [entry.code for entry in registry.codes if entry.service in GROUP_SERVICES]


def _classify(con, params: BonusParameters, group_codes: list[str]) -> None:
    start, end = params.period
    listed = sorted(set(params.codes("volume_codes")) | set(params.codes("outreach_codes")))
    con.execute(
        """CREATE TABLE classified AS SELECT *, CASE
            WHEN list_contains($groups, pseudocode) THEN 'group code'
            WHEN NOT list_contains($listed, pseudocode) THEN 'code not in either list'
            WHEN service_date < $start OR service_date > $end THEN 'out of period'
            WHEN entered_date > $deadline THEN 'entered too late'
            WHEN row_number() OVER (PARTITION BY provider, network, pseudocode, service_date,
                 entered_date, amount ORDER BY row_no) > 1 THEN 'duplicate row'
            END AS reason
        FROM billing""",
        {
            "groups": group_codes,
            "listed": listed,
            "start": start,
            "end": end,
            "deadline": params.data_deadline,
        },
    )


def _rows(con, params: BonusParameters, parties) -> list[BonusRow]:
    volume = params.codes("volume_codes")
    outreach = params.codes("outreach_codes")
    sums = con.execute(
        """SELECT provider, network, sum(amount), count(*),
            count(*) FILTER (WHERE list_contains($outreach, pseudocode)),
            coalesce(sum(amount) FILTER (WHERE list_contains($outreach, pseudocode)), 0)
        FROM classified WHERE reason IS NULL AND list_contains($volume, pseudocode)
        GROUP BY provider, network ORDER BY provider, network""",
        {"outreach": outreach, "volume": volume},
    ).fetchall()
    by_provider: dict[str, list[tuple]] = {}
    for provider, *rest in sums:
        by_provider.setdefault(provider, []).append(tuple(rest))
    providers = _providers_by_inami(parties)
    with decimal.localcontext() as ctx:
        ctx.prec = PRECISION
        return [
            _row(inami, per_network, params, providers.get(inami), parties is not None)
            for inami, per_network in sorted(by_provider.items())
        ]


def _providers_by_inami(parties) -> dict:
    if parties is None:
        return {}
    return {p.inami: p for p in parties.providers if p.inami}


def _row(inami: str, per_network: list[tuple], params, provider, with_parties: bool) -> BonusRow:
    volumes = {net: exact(euros) for net, euros, *_ in per_network}
    amount = sum(volumes.values(), Decimal(0))
    sessions = sum(int(n) for _, _, n, _, _ in per_network)
    outreach_sessions = sum(int(o) for *_, o, _ in per_network)
    outreach_euros = exact(sum((Decimal(e) for *_, e in per_network), Decimal(0)))
    part_volume = prorata(amount, params.amount("volume_threshold"), params.amount("volume_max"))
    share = outreach_share(params, sessions, outreach_sessions, amount, outreach_euros)
    part_outreach = prorata(
        share, params.percentage("outreach_threshold"), params.amount("outreach_max")
    )
    total = min(part_volume + part_outreach, params.amount("max"))
    conventions = tuple(provider.networks) if provider is not None else None
    paying, reason = paying_network(volumes, conventions if with_parties else None, with_parties)
    return BonusRow(
        provider_inami=inami,
        provider_name=provider.name if provider is not None else None,
        amount_counted_eur=amount,
        individual_sessions=sessions,
        outreach_sessions=outreach_sessions,
        outreach_share=share,
        part_volume_eur=paid(part_volume),
        part_outreach_eur=paid(part_outreach),
        bonus_eur=paid(total),
        paying_network=paying,
        part_volume_exact=part_volume,
        part_outreach_exact=part_outreach,
        bonus_exact=total,
        outreach_amount_eur=outreach_euros,
        network_volumes=volumes,
        convention_networks=conventions,
        unpaid_reason=reason,
    )


def prorata(value: Decimal, threshold: Decimal, maximum: Decimal) -> Decimal:
    """`maximum` from `threshold` on, pro rata below (800 × 12,000 / 36,000)."""
    if value >= threshold:
        return maximum
    return maximum * value / threshold


def outreach_share(
    params, sessions: int, outreach_sessions: int, euros: Decimal, outreach_euros: Decimal
) -> Decimal:
    """The outreach share in percent, as the declared reading counts it."""
    if params.reading("outreach_basis") == "euros":
        return outreach_euros * HUNDRED / euros if euros else Decimal(0)
    return Decimal(outreach_sessions) * HUNDRED / sessions if sessions else Decimal(0)


def exact(amount: Decimal) -> Decimal:
    """An exact amount without trailing zeros beyond the cent (12100.0000 -> 12100.00)."""
    amount = Decimal(amount).normalize()
    return amount.quantize(CENT) if amount.as_tuple().exponent > -2 else amount


def paid(amount: Decimal) -> Decimal:
    """Rounded to the cent, half up: the amount as paid."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)


def paying_network(
    volumes: dict[str, Decimal], conventions: tuple[str, ...] | None, with_parties: bool
) -> tuple[str | None, str | None]:
    """The network with the largest euro volume among those of the billing the
    provider has a convention with (all of them without a party file); a tie goes
    to the lowest network id (declared reading `practice_bonus_tie`)."""
    if with_parties and conventions is None:
        return None, "the provider is not in the party file: no network with a convention"
    candidates = {n: v for n, v in volumes.items() if conventions is None or n in conventions}
    if not candidates:
        billed = ", ".join(sorted(volumes))
        return None, (
            f"the provider has no convention with the networks of its billing ({billed}); "
            f"its conventions: {', '.join(conventions or ()) or 'none'}"
        )
    largest = max(candidates.values())
    return min(n for n, v in candidates.items() if v == largest), None
