"""Small billing files for the practice bonus tests, written as CSV, XLSX or
Parquet in a test's tmp_path; providers with valid INAMI numbers; rows spread
over distinct service dates so that none is a duplicate unless wanted."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from generator.parties.numbers import inami_with_check

HEADERS = ["provider_inami", "network", "pseudocode", "service_date", "entered_date", "amount"]
#: an individual session code of the volume list, not an outreach code
INDIVIDUAL = "792595"
#: an outreach code (also in the volume list)
OUTREACH = "792654"
#: a group session code
GROUP = "792514"
#: a valid pseudocode in neither list of article 14/1 (a consultation)
OTHER = "792956"
FIRST_DAY = dt.date(2022, 9, 1)
ENTERED = "2023-09-30"


def provider(n: int) -> str:
    """A valid 11-digit INAMI number of a psychologist (97-rule check digits)."""
    return inami_with_check(100000 + n, "780")


def sessions(inami: str, count: int, amount: str, code: str = INDIVIDUAL, network="net-01",
             start: int = 0) -> list[list[str]]:  # fmt: skip
    """`count` sessions on successive days from 1 September 2022 (+ `start` days)."""
    return [
        [inami, network, code, (FIRST_DAY + dt.timedelta(days=start + i)).isoformat(),
         ENTERED, amount]
        for i in range(count)
    ]  # fmt: skip


def write_csv(path: Path, rows: list[list[str]], delimiter: str = ";", bom: bool = True,
              headers: list[str] = HEADERS) -> Path:  # fmt: skip
    with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(headers)
        writer.writerows(rows)
    return path


def write_xlsx(path: Path, rows: list[list], headers: list[str] = HEADERS) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


def write_parquet(path: Path, rows: list[list[str]], headers: list[str] = HEADERS) -> Path:
    import duckdb

    csv_copy = write_csv(path.with_suffix(".source.csv"), rows, ",", False, headers)
    con = duckdb.connect()
    con.execute(
        f"COPY (SELECT * FROM read_csv('{csv_copy}', all_varchar = true)) "
        f"TO '{path}' (FORMAT parquet)"
    )
    csv_copy.unlink()
    return path
