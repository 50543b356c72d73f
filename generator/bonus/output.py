"""A bonus result as a file (CSV, XLSX, JSON) and as the plain-words report the
command prints: rows read = rows counted + rows excluded per reason, the errors,
and the declared assumptions the result rests on."""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from generator.bonus.compute import ROW_FIELDS, BonusReport
from generator.errors import ConventioError
from generator.files import write_atomically
from generator.privacy import mask_national_numbers

FORMATS = (".csv", ".xlsx", ".json")
#: the outreach share is printed in percent with this many decimals (computed exactly)
SHARE_PLACES = Decimal("0.01")


def share_text(share: Decimal) -> str:
    return str(share.quantize(SHARE_PLACES, rounding=ROUND_HALF_UP))


def _cell(value: object) -> object:
    return "" if value is None else value


def table(report: BonusReport) -> tuple[list[str], list[list[object]]]:
    """The result table: headers and rows (decimals as Decimal, share in percent)."""
    headers = [n for n in ROW_FIELDS if report.with_names or n != "provider_name"]
    rows: list[list[object]] = []
    for row in report.rows:
        fields = row.fields(report.with_names)
        fields["outreach_share"] = Decimal(share_text(row.outreach_share))
        rows.append([_cell(fields[name]) for name in headers])
    return headers, rows


def write_result(report: BonusReport, path: Path) -> None:
    """The result, written all at once (nothing when the report has errors)."""
    if report.errors:
        raise ConventioError("the billing file has errors: no result is written")
    suffix = Path(path).suffix.lower()
    if suffix == ".csv":
        data = _csv(report)
    elif suffix == ".xlsx":
        data = _xlsx(report)
    elif suffix == ".json":
        data = (json.dumps(as_json(report), indent=2, ensure_ascii=False) + "\n").encode()
    else:
        raise ConventioError(f"{path}: the result is written as {', '.join(FORMATS)}")
    write_atomically(Path(path), data)


def _csv(report: BonusReport) -> bytes:
    headers, rows = table(report)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(headers)
    writer.writerows([[str(v) for v in row] for row in rows])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _xlsx(report: BonusReport) -> bytes:
    from openpyxl import Workbook

    headers, rows = table(report)
    book = Workbook()
    sheet = book.active
    sheet.title = f"prime {report.year}"
    sheet.append(headers)
    for row in rows:
        # amounts stay exact: written as text would hinder sums, as float would round;
        # a cent amount is exact enough in Excel's double for display and sums
        sheet.append([float(v) if isinstance(v, Decimal) else v for v in row])
    notes = book.create_sheet("hypothèses")
    notes.append(["id", "question", "lecture", "raison", "adresse"])
    for cited in report.assumptions:
        p = cited.parameter
        notes.append([p.id, p.question, p.reading, p.reason, cited.address])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def as_json(report: BonusReport) -> dict:
    headers, rows = table(report)
    return {
        "year": report.year,
        "billing": report.source,
        "rows": [
            dict(zip(headers, [str(v) if isinstance(v, Decimal) else v for v in row], strict=True))
            for row in rows
        ],
        "unpaid": {r.provider_inami: r.unpaid_reason for r in report.rows if r.unpaid_reason},
        "rows_read": report.read,
        "rows_counted": report.counted,
        "rows_excluded": report.excluded,
        "assumptions": [assumption_json(c) for c in report.assumptions],
        "parameters": report.parameters.values(),
    }


def assumption_json(cited) -> dict:
    p = cited.parameter
    return {
        "id": p.id,
        "value": p.value,
        "question": p.question,
        "reading": p.reading,
        "reason": p.reason,
        "address": cited.address,
    }


def balance_lines(report: BonusReport) -> list[str]:
    """rows read = rows counted + rows excluded, per reason."""
    excluded = sum(report.excluded.values())
    lines = [
        f"rows read: {report.read} = rows counted: {report.counted} + rows excluded: {excluded}"
    ]
    lines += [f"  excluded, {reason}: {count}" for reason, count in report.excluded.items()]
    return lines


def assumption_lines(report: BonusReport) -> list[str]:
    lines = ["Declared assumptions (article 14/1 is silent; the corpus states the reading):"]
    for cited in report.assumptions:
        p = cited.parameter
        lines.append(f"- {p.label} [{cited.address}]: {p.reading}")
    return lines


def summary_text(report: BonusReport) -> str:
    unpaid = [r for r in report.rows if r.unpaid_reason]
    lines = [f"Practice bonus {report.year} (article 14/1) from {report.source}:"]
    lines.append(
        f"{len(report.rows)} providers, total "
        f"{sum((r.bonus_eur for r in report.rows), Decimal(0))} EUR"
    )
    lines += [f"no paying network for {r.provider_inami}: {r.unpaid_reason}" for r in unpaid]
    lines += balance_lines(report) + assumption_lines(report)
    return mask_national_numbers("\n".join(lines))


def errors_text(report: BonusReport) -> str:
    total = sum(report.error_counts.values())
    lines = [f"{report.source}: {total} row(s) in error; nothing was computed or written."]
    lines += [str(e) for e in report.errors]
    for name, count in report.error_counts.items():
        shown = sum(1 for e in report.errors if e.field == name)
        if count > shown:
            lines.append(f"... and {count - shown} more row(s) with an error in {name}")
    lines.append("Correct these rows (or map the right columns with --columns) and run again.")
    return mask_national_numbers("\n".join(lines))
