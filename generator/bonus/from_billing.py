"""The one way the outputs (payments, statements) get the bonus: the core's
`compute_bonus` (generator/bonus/compute.py) on a billing file, and a refusal, in
the words `bonus compute` uses, when the file has row errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.bonus.billing import parse_columns
from generator.bonus.compute import BonusReport, compute_bonus


def bonus_report(
    billing: Path, year: int, corpus: Any, *, columns: Any = None, parties: Any = None
) -> BonusReport:
    """The report for a billing file; `columns` as the command line gives it
    (`provider_inami=INAMI_PREST,...`, once or several times)."""
    return compute_bonus(billing, year, corpus, columns=parse_columns(columns), parties=parties)


def refuse_errors(report: BonusReport) -> None:
    """With errors in the billing file nothing is computed: say them (as `bonus
    compute` does) and stop; payments and statements are never made from it."""
    if not report.errors:
        return
    from generator.bonus.output import errors_text
    from generator.errors import ConventioError

    raise ConventioError(errors_text(report))
