"""The one way every bonus command (compute, explain, payments, statements) gets
the bonus: the party file read when one is given, the core's `compute_bonus`
(generator/bonus/compute.py) on the billing file, and a refusal, in the words
`bonus compute` uses, when the file has row errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.bonus.billing import parse_columns
from generator.bonus.compute import BonusReport, compute_bonus


def bonus_report(
    billing: Path, year: int, corpus: Any, *, columns: Any = None, parties_file: Path | None = None
) -> tuple[BonusReport, Any]:
    """The report for a billing file, and the parties of `parties_file` (None
    without one); `columns` as the command line gives it
    (`provider_inami=INAMI_PREST,...`, once or several times)."""
    parties = None
    if parties_file is not None:
        from generator.parties.check import load_parties

        parties = load_parties(parties_file)
    report = compute_bonus(billing, year, corpus, columns=parse_columns(columns), parties=parties)
    return report, parties


def refuse_errors(report: BonusReport) -> None:
    """With errors in the billing file nothing is computed: say them (as `bonus
    compute` does) and stop; payments and statements are never made from it."""
    if not report.errors:
        return
    from generator.bonus.output import errors_text
    from generator.errors import ConventioError

    raise ConventioError(errors_text(report))
