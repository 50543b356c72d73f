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
    #: the DuckDB connection holding the tables (volumes per network: `network_volumes`)
    con: object = field(default=None, repr=False)

    def network_volumes(self, provider: str) -> dict[str, Decimal]:
        return network_volumes(self.con, provider) if self.con is not None else {}

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
    con = report.con = checked.con
    _classify(con, params, _group_codes(corpus))
    for provider, reason, count in con.execute(
        """SELECT p.kept, coalesce(reason, 'duplicate row'),
            sum(CASE WHEN reason IS NULL THEN n - 1 ELSE n END)
        FROM kinds JOIN provider_inami_k AS p ON kinds.provider = p.id
        WHERE reason IS NOT NULL OR n > 1 GROUP BY ALL"""
    ).fetchall():
        by_reason = report.excluded_by_provider.setdefault(provider, {})
        by_reason[reason] = int(count)
        report.excluded[reason] = report.excluded.get(reason, 0) + int(count)
    report.excluded = {r: report.excluded[r] for r in EXCLUSIONS if r in report.excluded}
    report.rows = _rows(con, params, parties)
    report.counted = sum(r.individual_sessions for r in report.rows)
    return report


def _group_codes(corpus) -> list[str]:
    registry = corpus.get(CODE_REGISTRY)
    return [entry.code for entry in registry.codes if entry.service in GROUP_SERVICES]


def _classify(con, params: BonusParameters, group_codes: list[str]) -> None:
    """Table `kinds`: the distinct rows (all six fields alike) with how many times
    each is in the file, the reason it is excluded (NULL: counted once, its copies
    excluded as duplicates) and whether its code is an outreach code. A reason
    depends only on a row's fields, so every copy of a row has the same one. The
    codes' roles are decided once per distinct code (table `roles`)."""
    start, end = params.period
    volume, outreach = set(params.codes("volume_codes")), set(params.codes("outreach_codes"))
    codes = con.execute("SELECT id, kept FROM pseudocode_k").fetchall()
    con.execute("CREATE TABLE roles (code INTEGER, role VARCHAR, outreach BOOLEAN)")
    if codes:
        con.executemany(
            "INSERT INTO roles VALUES (?, ?, ?)",
            [(i, _role(c, group_codes, volume, outreach), c in outreach) for i, c in codes],
        )
    con.execute(
        """CREATE TABLE kinds AS SELECT k.*, roles.outreach, CASE
            WHEN roles.role IS NOT NULL THEN roles.role
            WHEN service_date < $start OR service_date > $end THEN 'out of period'
            WHEN entered_date > $deadline THEN 'entered too late'
            END AS reason
        FROM billing AS k
        JOIN roles ON k.pseudocode = roles.code""",
        {"start": start, "end": end, "deadline": params.data_deadline},
    )


def _role(code: str, group_codes: list[str], volume: set[str], outreach: set[str]) -> str | None:
    """Why rows with this code are excluded whatever their dates; None: counted."""
    if code in group_codes:
        return "group code"
    if code not in volume and code not in outreach:
        return "code not in either list"
    return None


def _rows(con, params: BonusParameters, parties) -> list[BonusRow]:
    """One row per provider with a counted session. The sums, and the choice of the
    paying network, are made in DuckDB (table `volumes`: euros per provider and
    network); Python does the exact arithmetic of the article per provider."""
    con.execute(
        """CREATE TABLE volumes AS SELECT p.kept AS provider, n.kept AS network,
            v.* EXCLUDE (provider, network)
        FROM (SELECT provider, network, sum(amount) AS euros, count(*) AS sessions,
                count(*) FILTER (WHERE outreach) AS outreach_sessions,
                coalesce(sum(amount) FILTER (WHERE outreach), 0) AS outreach_euros
              FROM kinds WHERE reason IS NULL GROUP BY provider, network) AS v
        JOIN provider_inami_k AS p ON v.provider = p.id
        JOIN network_k AS n ON v.network = n.id"""
    )
    totals = con.execute(
        """SELECT provider, sum(euros), sum(sessions), sum(outreach_sessions),
            sum(outreach_euros) FROM volumes GROUP BY provider ORDER BY provider"""
    ).fetchall()
    providers = _providers_by_inami(parties)
    paying = _paying_networks(con, providers, parties is not None)
    with decimal.localcontext() as ctx:
        ctx.prec = PRECISION
        rows = [_row(total, params, providers.get(total[0]), paying) for total in totals]
    for row in rows:
        if row.paying_network is None:
            row.unpaid_reason = _unpaid_reason(con, row, parties is not None)
    return rows


def _paying_networks(con, providers: dict, with_parties: bool) -> dict[str, str]:
    """provider -> the network of the largest euro volume among those the provider
    has a convention with (all of the billing's without a party file); a tie goes to
    the lowest network id (declared reading `practice_bonus_tie`)."""
    candidates = "volumes"
    if with_parties:
        pairs = [(inami, net) for inami, p in providers.items() for net in p.networks]
        con.execute(
            "CREATE TABLE conventions AS SELECT unnest($1::VARCHAR[]) AS provider, "
            "unnest($2::VARCHAR[]) AS network",
            [[a for a, _ in pairs], [b for _, b in pairs]],
        )
        candidates = "(SELECT volumes.* FROM volumes JOIN conventions USING (provider, network))"
    return dict(
        con.execute(
            f"SELECT provider, first(network ORDER BY euros DESC, network ASC) "
            f"FROM {candidates} GROUP BY provider"
        ).fetchall()
    )


def _unpaid_reason(con, row: BonusRow, with_parties: bool) -> str:
    if with_parties and row.convention_networks is None:
        return "the provider is not in the party file: no network with a convention"
    billed = ", ".join(network_volumes(con, row.provider_inami))
    conventions = ", ".join(row.convention_networks or ()) or "none"
    return (
        f"the provider has no convention with the networks of its billing ({billed}); "
        f"its conventions: {conventions}"
    )


def network_volumes(con, provider: str) -> dict[str, Decimal]:
    """The euros counted for `provider` per network of the billing."""
    return dict(
        con.execute(
            "SELECT network, euros FROM volumes WHERE provider = ? ORDER BY network", [provider]
        ).fetchall()
    )


def _providers_by_inami(parties) -> dict:
    if parties is None:
        return {}
    return {p.inami: p for p in parties.providers if p.inami}


def _row(total: tuple, params, provider, paying: dict[str, str]) -> BonusRow:
    inami, amount, sessions, outreach_sessions, outreach_euros = total
    sessions, outreach_sessions = int(sessions), int(outreach_sessions)
    part_volume = prorata(amount, params.amount("volume_threshold"), params.amount("volume_max"))
    share = outreach_share(params, sessions, outreach_sessions, amount, outreach_euros)
    part_outreach = prorata(
        share, params.percentage("outreach_threshold"), params.amount("outreach_max")
    )
    total_exact = min(part_volume + part_outreach, params.amount("max"))
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
        paying_network=paying.get(inami),
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


def outreach_share(
    params, sessions: int, outreach_sessions: int, euros: Decimal, outreach_euros: Decimal
) -> Decimal:
    """The outreach share in percent, as the declared reading counts it."""
    if params.reading("outreach_basis") == "euros":
        return outreach_euros * HUNDRED / euros if euros else Decimal(0)
    return Decimal(outreach_sessions) * HUNDRED / sessions if sessions else Decimal(0)


def paid(amount: Decimal) -> Decimal:
    """Rounded to the cent, half up: the amount as paid."""
    return amount.quantize(CENT, rounding=ROUND_HALF_UP)
