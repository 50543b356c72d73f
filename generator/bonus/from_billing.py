"""GLUE between the outputs (payments, statements) and the core of the bonus: the one
place where they call `compute_bonus` (generator/bonus/compute.py, written by the
core part of issue 15). The lead checks the call below against the core's API when
merging: arguments `(billing, year, corpus, columns=, parties=)`, a `BonusReport`
whose `rows` have the fields of one result row per provider."""

from __future__ import annotations

from pathlib import Path
from typing import Any


def bonus_report(
    billing: Path, year: int, corpus: Any, *, columns: Any = None, parties: Any = None
) -> Any:
    """The core's report for a billing file (rows, excluded, errors, assumptions...)."""
    from generator.bonus.compute import compute_bonus  # GLUE: the core's function

    return compute_bonus(billing, year, corpus, columns=columns, parties=parties)


def refuse_errors(report: Any) -> None:
    """With errors in the billing file, the core computes nothing: say them and stop
    (payments and statements are never made from a file with errors)."""
    errors = list(getattr(report, "errors", []) or [])
    if not errors:
        return
    from generator.errors import ConventioError

    shown = "\n".join(f"  - {error}" for error in errors[:20])
    more = f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else ""
    raise ConventioError(
        f"{getattr(report, 'source', 'the billing file')}: {len(errors)} row error(s); "
        f"nothing was written:\n{shown}{more}\nCorrect the rows, then run again "
        "(`conventio bonus compute` lists them all)."
    )
