"""A billing file read into DuckDB, every row checked.

The file is CSV (`;` or `,`, UTF-8 with or without BOM), XLSX (first sheet) or
Parquet (a file, or a folder of them). Its columns are the six of `FIELDS`, or
other headers mapped to them (`provider_inami=INAMI_PREST`). Row numbers are
those a spreadsheet shows: the header is row 1, the first data row is row 2 (in a
Parquet file too, so that messages read alike).

Each distinct value of the number columns is checked once, in Python, by the
project's one home for the check (INAMI numbers: generator/parties/numbers.py;
pseudocodes: generator/model/pseudocodes.py); dates and amounts are checked in
SQL. A national register number is never read: a column that holds one is
refused by its name, and a value that is one is never repeated in a message.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.errors import ConventioError
from generator.privacy import holds_national_number, mask_national_numbers

FIELDS = ("provider_inami", "network", "pseudocode", "service_date", "entered_date", "amount")
#: errors shown per column (the counts say how many there are in all)
SHOWN_PER_FIELD = 20
#: values of a column not used that are looked at for national register numbers
PRIVACY_SAMPLE = 1000
#: the date forms accepted (ISO first); any other is an error with its row
DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d %H:%M:%S")
#: the first data row's number (the header is row 1)
FIRST_ROW = 2


@dataclass(frozen=True)
class RowError:
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return mask_national_numbers(f"row {self.row}, {self.field}: {self.message}")


@dataclass
class Billing:
    """The rows of a billing file in the DuckDB table `billing` (provider, network,
    pseudocode, service_date, entered_date, amount, n: each distinct row and how many
    times it is in the file), once checked."""

    con: Any
    source: str
    read: int
    errors: list[RowError] = field(default_factory=list)
    error_counts: dict[str, int] = field(default_factory=dict)


def parse_columns(texts: list[str] | tuple[str, ...] | str | None) -> dict[str, str]:
    """`"provider_inami=INAMI_PREST,amount=MONTANT"` -> {field: header}."""
    if not texts:
        return {}
    if isinstance(texts, str):
        texts = [texts]
    mapping: dict[str, str] = {}
    for text in texts:
        for part in text.split(","):
            if not part.strip():
                continue
            name, sep, header = part.partition("=")
            name, header = name.strip(), header.strip()
            if not sep or name not in FIELDS or not header:
                raise ConventioError(
                    f"--columns {part.strip()!r}: write FIELD=HEADER, where FIELD is one of "
                    f"{', '.join(FIELDS)} (e.g. provider_inami=INAMI_PREST)"
                )
            mapping[name] = header
    return mapping


def read_billing(
    path: Path, columns: dict[str, str] | None = None, memory_limit: str | None = None
) -> tuple[Any, str]:
    """A DuckDB connection holding table `raw` (row_no and the six fields, as text).
    `memory_limit` ("4GB") bounds DuckDB's memory (default: its own, 80 % of the
    machine's); a file that needs more is refused in plain words."""
    import duckdb

    path = Path(path)
    if not path.exists():
        raise ConventioError(f"{path}: no such billing file")
    con = duckdb.connect()
    con.execute("SET threads TO 2")
    if memory_limit is not None:
        if not re.fullmatch(r"[0-9]+(\.[0-9]+)? ?[KMGT]i?B", memory_limit):
            raise ConventioError(f"memory limit {memory_limit!r}: write it as 500MB or 4GB")
        con.execute(f"SET memory_limit = '{memory_limit}'")
    try:
        _load(con, path)
    except duckdb.Error as exc:
        raise ConventioError(f"{path}: {_read_problem(str(exc))}") from None
    headers = [row[0] for row in con.execute("DESCRIBE raw_file").fetchall()]
    chosen = chosen_headers(path, headers, columns or {})
    _refuse_national_numbers(con, path, headers, chosen)
    select = ", ".join(f'CAST("{chosen[f]}" AS VARCHAR) AS {f}' for f in FIELDS)
    # a view, not a copy: the file's rows are held once (rowid is the file's order)
    con.execute(f"CREATE VIEW raw AS SELECT rowid + {FIRST_ROW} AS row_no, {select} FROM raw_file")
    return con, str(path)


def _load(con, path: Path) -> None:
    suffix = path.suffix.lower()
    if path.is_dir() or suffix in (".parquet", ".pq"):
        target = str(path / "**" / "*.parquet") if path.is_dir() else str(path)
        con.execute("CREATE TABLE raw_file AS SELECT * FROM read_parquet(?)", [target])
    elif suffix == ".xlsx":
        with tempfile.TemporaryDirectory(prefix="conventio-billing-") as tmp:
            copy = Path(tmp) / "billing.csv"
            _xlsx_as_csv(path, copy)
            _load_csv(con, copy)
    elif suffix in (".csv", ".txt"):
        _load_csv(con, path)
    else:
        raise ConventioError(
            f"{path}: a billing file is .csv, .xlsx or .parquet (or a folder of .parquet files)"
        )


def out_of_memory(source: Path | str) -> ConventioError:
    """The refusal of a billing file that needs more memory than DuckDB may use."""
    return ConventioError(f"{source}: {_TOO_LARGE}")


_TOO_LARGE = (
    "the billing file needs more memory than conventio may use on this machine; "
    "nothing was computed or written. Run it on a machine with more memory"
)


def _read_problem(message: str) -> str:
    """DuckDB's reading error in plain words (never its quote of the line: it may
    hold personal data)."""
    if "out of memory" in message.lower():
        return _TOO_LARGE
    if "utf-8" in message.lower() or "unicode" in message.lower():
        return "the file is not UTF-8; save it as « CSV UTF-8 » and try again"
    line = re.search(r"Line: (\d+)", message)
    if line:
        return (
            f"row {line.group(1)} cannot be read as CSV: it has another number of "
            "columns than the header, or a quote that is not closed"
        )
    return (
        "cannot read this billing file; give a CSV (UTF-8, ';' or ','), XLSX or "
        "Parquet file with a header row"
    )


def csv_header(path: Path) -> tuple[list[str], str]:
    """The header row, read by Python's csv (not guessed by DuckDB), and the
    delimiter: ';' when the header holds more ';' than ','."""
    with open(path, "rb") as handle:
        first = handle.readline(65536)
    try:
        line = first.decode("utf-8-sig").rstrip("\r\n")
    except UnicodeDecodeError:
        raise ConventioError(
            f"{path}: the file is not UTF-8; save it as « CSV UTF-8 » and try again"
        ) from None
    line = re.split(r"\r\n|\r|\n", line, maxsplit=1)[0]  # lines may end with CR alone
    delimiter = ";" if line.count(";") >= line.count(",") and ";" in line else ","
    try:
        headers = next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        raise ConventioError(
            f"{path}: the first row cannot be read as a CSV header; it must name the "
            f"columns ({', '.join(FIELDS)})"
        ) from None
    if not any(h.strip() for h in headers):
        raise ConventioError(f"{path}: the first row must name the columns ({', '.join(FIELDS)})")
    seen = set()
    for header in headers:
        if header.strip().lower() in seen:
            raise ConventioError(
                mask_national_numbers(f"{path}: the column {header!r} appears twice in the header")
            )
        seen.add(header.strip().lower())
    return headers, delimiter


def _load_csv(con, path: Path) -> None:
    headers, delimiter = csv_header(path)
    columns = {header: "VARCHAR" for header in headers}
    con.execute(
        "CREATE TABLE raw_file AS SELECT * FROM read_csv(?, delim = ?, header = false, "
        "skip = 1, columns = ?, quote = '\"', escape = '\"', strict_mode = true, "
        "null_padding = false, auto_detect = false)",
        [str(path), delimiter, columns],
    )


def _xlsx_as_csv(path: Path, copy: Path) -> None:
    """The first sheet, cell values as text (dates ISO), written as CSV for DuckDB."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
        raise ConventioError(f"{path}: cannot open this workbook ({type(exc).__name__})") from None
    try:
        sheet = book.worksheets[0]
        with open(copy, "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            for row in sheet.iter_rows(values_only=True):
                if row is None or all(v is None for v in row):
                    continue
                writer.writerow([_cell_text(v) for v in row])
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def chosen_headers(path: Path, headers: list[str], columns: dict[str, str]) -> dict[str, str]:
    by_key = {h.strip().lower(): h for h in headers}
    chosen: dict[str, str] = {}
    missing = []
    for name in FIELDS:
        wanted = columns.get(name, name)
        header = by_key.get(wanted.strip().lower())
        if header is None:
            missing.append(f"{name} (header {wanted!r})" if name in columns else name)
        else:
            chosen[name] = header
    if missing:
        found = ", ".join(repr(h) for h in headers)
        raise ConventioError(
            mask_national_numbers(
                f"{path}: the billing file has no column {', '.join(missing)}; its headers "
                f"are {found}. Rename them, or map them with --columns FIELD=HEADER,..."
            )
        )
    return chosen


def holds_national_numbers(values: Iterable[str]) -> bool:
    """Whether the sampled values of a column not used hold national register
    numbers (an INAMI number, which can look like one, does not count)."""
    from generator.parties.numbers import inami_check_ok

    return any(holds_national_number(v) and not inami_check_ok(v) for v in values)


def _refuse_national_numbers(con, path: Path, headers: list[str], chosen: dict[str, str]) -> None:
    """A column conventio does not use that holds national register numbers is
    refused by its name, before anything is computed (its values are never printed)."""
    for header in headers:
        if header in chosen.values():
            continue  # checked row by row; a value that is one is an error, never printed
        values = con.execute(
            f'SELECT CAST("{header}" AS VARCHAR) FROM raw_file '
            f'WHERE "{header}" IS NOT NULL LIMIT {PRIVACY_SAMPLE}'
        ).fetchall()
        if holds_national_numbers(v for (v,) in values):
            raise ConventioError(
                mask_national_numbers(
                    f"{path}: column {header!r} holds national register numbers; conventio "
                    "never reads them. Remove that column from the file (or export the "
                    "billing without it) and try again"
                )
            )


def collect_errors(con, checks: list[tuple[str, str, str]]) -> tuple[list[RowError], dict]:
    """Run each (field, SQL condition on the table `checked`, message SQL) and
    collect the rows it flags: the first SHOWN_PER_FIELD of each, and the counts
    (one pass over the rows for all the counts)."""
    filters = ", ".join(f"count(*) FILTER (WHERE {condition})" for _, condition, _ in checks)
    found = con.execute(f"SELECT {filters} FROM checked").fetchone()
    errors: list[RowError] = []
    counts: dict[str, int] = {}
    for (name, condition, message), count in zip(checks, found, strict=True):
        if not count:
            continue
        counts[name] = int(count)
        rows = con.execute(
            f"SELECT row_no, {message} FROM checked WHERE {condition} "
            f"ORDER BY row_no LIMIT {SHOWN_PER_FIELD}"
        ).fetchall()
        errors.extend(RowError(int(r), name, m) for r, m in rows)
    errors.sort(key=lambda e: (e.row, FIELDS.index(e.field)))
    return errors, counts
