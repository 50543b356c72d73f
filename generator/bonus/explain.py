"""One provider's bonus, step by step: for each step the provision of article 14/1
it applies (article, paragraph, point), the parameters used (their address in
the corpus and their label), the figures, and the declared assumptions."""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field
from decimal import ROUND_DOWN, Decimal

from generator.bonus.compute import EXCLUSIONS, PRECISION, BonusReport, BonusRow
from generator.bonus.output import share_text
from generator.errors import ConventioError
from generator.parties import numbers
from generator.privacy import mask_national_numbers

#: exact figures are printed with this many decimals at most (then « … »)
SHOWN_PLACES = Decimal("0.0001")


@dataclass(frozen=True)
class Step:
    title: str
    provision: str
    #: (address in the corpus, label, value) of each parameter used
    parameters: list[tuple[str, str, str]] = field(default_factory=list)
    figures: list[str] = field(default_factory=list)


def _used(report: BonusReport, *names: str) -> list[tuple[str, str, str]]:
    found = []
    for name in names:
        cited = report.parameters.cite(name)
        p = cited.parameter
        if hasattr(p, "start"):
            value = f"{p.start} – {p.end}"
        elif hasattr(p, "codes"):
            value = ", ".join(p.codes)
        elif p.type == "percentage":
            value = f"{p.value} %"
        elif p.type == "amount":
            value = f"{p.value} {p.currency}"
        else:
            value = str(p.value)
        found.append((cited.address, p.label, value))
    return found


def find_row(report: BonusReport, provider: str) -> BonusRow:
    try:
        inami = numbers.normalise_inami(provider)
    except numbers.NumberError as exc:
        raise ConventioError(f"--provider: {exc}") from None
    for row in report.rows:
        if row.provider_inami == inami:
            return row
    excluded = report.excluded_by_provider.get(inami)
    if excluded:
        detail = ", ".join(f"{reason}: {count}" for reason, count in excluded.items())
        raise ConventioError(
            f"provider {numbers.format_inami(inami)}: no row of the billing file is counted "
            f"for the bonus ({detail}); the bonus is 0"
        )
    raise ConventioError(f"provider {numbers.format_inami(inami)}: not in the billing file")


def explain(report: BonusReport, provider: str) -> list[Step]:
    """The steps of `provider`'s bonus (an INAMI number, written in any usual way)."""
    row = find_row(report, provider)
    p = report.parameters
    rows = _rows_step(report, row)
    volume = Step(
        "Part 1: volume of individual sessions",
        p.cite("volume_threshold").human,
        _used(report, "volume_codes", "volume_threshold", "volume_max", "volume_share"),
        [
            f"amount counted (total rate, personal contribution included): "
            f"{row.amount_counted_eur} EUR",
            _prorata_text(
                row.amount_counted_eur, p.amount("volume_threshold"), p.amount("volume_max"),
                row.part_volume_exact, "EUR",
            ),
            f"part 1 = {figure(row.part_volume_exact)} EUR, paid {row.part_volume_eur} EUR",
        ],
    )  # fmt: skip
    basis = p.reading("outreach_basis")
    counted = (
        f"{row.outreach_sessions} outreach sessions / {row.individual_sessions} sessions"
        if basis == "sessions"
        else f"{row.outreach_amount_eur} EUR / {row.amount_counted_eur} EUR"
    )
    outreach = Step(
        "Part 2: innovation (outreach)",
        p.cite("outreach_threshold").human,
        _used(report, "outreach_codes", "outreach_threshold", "outreach_max", "innovation_share"),
        [
            f"outreach share ({basis}): {counted} = {share_text(row.outreach_share)} %",
            _prorata_text(
                row.outreach_share, p.percentage("outreach_threshold"),
                p.amount("outreach_max"), row.part_outreach_exact, "%",
            ),
            f"part 2 = {figure(row.part_outreach_exact)} EUR, paid {row.part_outreach_eur} EUR",
        ],
    )  # fmt: skip
    exact_sum = decimal.Context(prec=PRECISION).add(row.part_volume_exact, row.part_outreach_exact)
    total = Step(
        "Total, capped",
        p.cite("max").human,
        _used(report, "max"),
        [
            f"part 1 + part 2 = {figure(exact_sum)} EUR; "
            f"at most {p.amount('max')} EUR: {figure(row.bonus_exact)} EUR",
            f"bonus paid (rounded to the cent): {row.bonus_eur} EUR",
        ],
    )
    return [rows, volume, outreach, total, _network_step(report, row)]


def figure(value: Decimal) -> str:
    """An exact figure as printed: itself, or its first four decimals and « … » when
    it has more (the computation keeps them all)."""
    short = value.quantize(SHOWN_PLACES, rounding=ROUND_DOWN)
    return str(value) if short == value else f"{short}…"


def _prorata_text(value, threshold, maximum, result, unit: str) -> str:
    if value >= threshold:
        return f"{figure(value)} {unit} ≥ {threshold} {unit}: the maximum, {maximum} EUR"
    return (
        f"{figure(value)} {unit} < {threshold} {unit}: "
        f"{maximum} × {figure(value)} / {threshold} = {figure(result)} EUR"
    )


def _rows_step(report: BonusReport, row: BonusRow) -> Step:
    p = report.parameters
    excluded = report.excluded_by_provider.get(row.provider_inami, {})
    figures = [f"rows counted: {row.individual_sessions} individual sessions"]
    figures += [f"rows excluded, {r}: {excluded[r]}" for r in EXCLUSIONS if r in excluded]
    return Step(
        "Sessions taken into account",
        f"{p.cite('reference_period').human}; {p.cite('data_deadline').human}",
        _used(report, "reference_period", "data_deadline"),
        figures,
    )


def _network_step(report: BonusReport, row: BonusRow) -> Step:
    p = report.parameters
    volumes = report.network_volumes(row.provider_inami)
    figures = [f"{net}: {euros} EUR" for net, euros in volumes.items()]
    if row.convention_networks is not None:
        figures.append(f"networks with a convention: {', '.join(row.convention_networks)}")
    figures.append(
        f"paying network: {row.paying_network}"
        if row.paying_network
        else f"no paying network: {row.unpaid_reason}"
    )
    return Step(
        "Paying network (largest volume in euros)",
        f"{p.cite('payment_deadline').human}; {p.after('payment_deadline')}",
        _used(report, "payment_deadline"),
        figures,
    )


def explanation_text(report: BonusReport, provider: str) -> str:
    from generator.bonus.output import assumption_lines

    steps = explain(report, provider)
    row = find_row(report, provider)
    p = report.parameters
    lines = [
        f"Practice bonus {report.year} of provider {numbers.format_inami(row.provider_inami)}"
        + (f" ({row.provider_name})" if row.provider_name else ""),
        f"{p.article} as in force on {p.at}" + (f" [{p.changed_by}]" if p.changed_by else ""),
    ]
    for number, step in enumerate(steps, 1):
        lines.append("")
        lines.append(f"{number}. {step.title} — {step.provision}")
        lines += [
            f"   parameter {label} [{address}]: {value}"
            for address, label, value in step.parameters
        ]
        lines += [f"   {figure}" for figure in step.figures]
    lines.append("")
    lines += assumption_lines(report)
    return mask_national_numbers("\n".join(lines))
