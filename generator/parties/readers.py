"""Party files read into raw rows, each value with the place it came from.

Formats (see docs/parties-format.md):
- YAML: one file with the lists networks, hospitals, psychologists, organisations;
- XLSX: one workbook with sheets of those four names, first row = column names;
- CSV: a folder holding networks.csv, hospitals.csv, psychologists.csv and
  organisations.csv, or a single CSV file with a `type` column.

Nothing here knows what a party needs: that is the model's job (check.py).
Problems with the file itself (missing, not UTF-8, not a workbook, a sheet
missing, ...) are returned as PartyProblems, never raised.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.parties.model import BY_TYPE, LISTS
from generator.parties.problems import Cell, PartyProblem, column_letter, shown

LIST_NAMES = tuple(LISTS)  # networks, hospitals, psychologists, organisations
TYPE_OF_LIST = {name: model.party_type for name, model in LISTS.items()}
TYPE_COLUMN = "type"


@dataclass
class RawRow:
    """One party as read: its values (empty cells left out) and their places."""

    kind: str | None  # network | hospital | psychologist | organisation; None if unknown
    values: dict[str, Any]
    where: Cell  # the row (first column) or the YAML entry
    cells: dict[str, Cell] = field(default_factory=dict)  # every column or key, even empty

    def cell(self, name: str) -> Cell:
        return self.cells.get(name, self.where)


@dataclass
class RawTable:
    """One list of parties: a sheet, a CSV file, or a YAML list."""

    kind: str | None  # None: a single CSV file whose rows say their type
    where: Cell  # the header row (tabular) or the list's key (YAML)
    tabular: bool
    headers: dict[str, Cell] = field(default_factory=dict)  # column name -> header cell
    rows: list[RawRow] = field(default_factory=list)


@dataclass
class RawFile:
    display: str
    tables: list[RawTable] = field(default_factory=list)
    problems: list[PartyProblem] = field(default_factory=list)


def read_party_file(path: Path, display: str | None = None) -> RawFile:
    """Read a .yaml/.yml file, a .xlsx workbook, a .csv file or a folder of CSV files."""
    shown_path = display or str(path)
    raw = RawFile(shown_path)
    where = Cell(shown_path)
    suffix = path.suffix.lower()
    if not path.exists():
        raw.problems.append(where.problem("no such file or folder"))
    elif path.is_dir():
        _read_csv_folder(path, raw)
    elif suffix in (".yaml", ".yml"):
        _read_yaml(path, raw)
    elif suffix in (".xlsx", ".xlsm"):
        _read_xlsx(path, raw)
    elif suffix == ".csv":
        _read_single_csv(path, raw)
    elif suffix in (".xls", ".ods", ".numbers"):
        raw.problems.append(
            where.problem(f"cannot read {suffix} files: save the workbook as .xlsx (Excel)")
        )
    else:
        raw.problems.append(
            where.problem(
                "unknown kind of file: give a .yaml or .yml file, a .xlsx workbook, "
                "a .csv file or a folder of CSV files"
            )
        )
    return raw


# --- cells -----------------------------------------------------------------


def header_name(value: Any) -> str:
    """A column name as a field name: 'Collecting hospital' -> 'collecting_hospital'."""
    text = str(value).strip().lower()
    return "_".join(text.replace("-", " ").split())


def _clean(value: Any) -> Any:
    """A cell's value, or None when it is empty."""
    if value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return value or None
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _table(
    kind: str | None,
    records: list[tuple[int, list[Any]]],
    file: str,
    sheet: str | None,
    raw: RawFile,
    *,
    numbered_columns: bool,
) -> RawTable | None:
    """Header and rows of one sheet or CSV file. `records` are (row number, cells)."""

    def at(row: int, column: int) -> Cell:
        return Cell(file, row, column, sheet)

    filled = [(n, cells) for n, cells in records if any(_clean(c) is not None for c in cells)]
    if not filled:
        where = at(1, 1)
        raw.problems.append(
            where.problem("the sheet is empty: its first row must name the columns (id, ...)")
            if sheet
            else where.problem("the file is empty: its first row must name the columns (id, ...)")
        )
        return None
    header_row, header_cells = records[0]
    if all(_clean(c) is None for c in header_cells):
        raw.problems.append(
            at(header_row, 1).problem(
                "the first row must name the columns (id, name, ...); it is empty"
            )
        )
        return None
    table = RawTable(kind, at(header_row, 1), tabular=True)
    columns: dict[int, str] = {}
    for index, value in enumerate(header_cells, start=1):
        name_value = _clean(value)
        if name_value is None:
            continue
        name = header_name(name_value)
        if name in table.headers:
            first = table.headers[name]
            place = f"column {first.column}" if numbered_columns else column_letter(first.column)
            raw.problems.append(
                at(header_row, index).problem(
                    f"the column {shown(name)} appears twice (first in {place}); "
                    "only the first is read"
                )
            )
            continue
        table.headers[name] = at(header_row, index)
        columns[index] = name
    for row_number, cells in records[1:]:
        if all(_clean(c) is None for c in cells):
            continue
        row = RawRow(kind, {}, at(row_number, 1))
        for index, name in columns.items():
            row.cells[name] = at(row_number, index)
        for index, value in enumerate(cells, start=1):
            value = _clean(value)
            if value is None:
                continue
            name = columns.get(index)
            if name is None:
                raw.problems.append(
                    at(row_number, index).problem(
                        "this cell holds a value but its column has no name in the first row"
                    )
                )
                continue
            row.values[name] = value
        table.rows.append(row)
    return table


# --- CSV -------------------------------------------------------------------


def _delimiter(text: str) -> str:
    """';' (what Excel writes with Belgian settings) or ',' - whichever the
    header row uses more, outside quotes."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    counts = {",": 0, ";": 0}
    quoted = False
    for ch in first:
        if ch == '"':
            quoted = not quoted
        elif not quoted and ch in counts:
            counts[ch] += 1
    return ";" if counts[";"] > counts[","] else ","


def _csv_records(path: Path, display: str, raw: RawFile) -> list[tuple[int, list[Any]]] | None:
    where = Cell(display)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raw.problems.append(where.problem(f"cannot read the file: {exc.strerror or exc}"))
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raw.problems.append(
            Cell(display, line, 1).problem(
                "the file is not UTF-8 text (in Excel, save it as 'CSV UTF-8')"
            )
        )
        return None
    if not text.strip():
        raw.problems.append(
            where.problem("the file is empty: its first row must name the columns (id, ...)")
        )
        return None
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    records: list[tuple[int, list[Any]]] = []
    try:
        for number, cells in enumerate(reader, start=1):
            records.append((number, cells))
    except csv.Error as exc:
        raw.problems.append(
            Cell(display, len(records) + 1, 1).problem(f"the CSV cannot be read here: {exc}")
        )
        return None
    return records


def _read_csv_folder(folder: Path, raw: RawFile) -> None:
    present = {p.name.lower(): p for p in folder.iterdir() if p.is_file()}
    wanted = [f"{name}.csv" for name in LIST_NAMES]
    if not any(name in present for name in wanted):
        raw.problems.append(
            Cell(raw.display).problem(
                "the folder holds none of the party files: it needs "
                + ", ".join(wanted[:-1])
                + f" and {wanted[-1]}"
            )
        )
        return
    for list_name, file_name in zip(LIST_NAMES, wanted, strict=True):
        path = present.get(file_name)
        display = str(Path(raw.display) / (path.name if path else file_name))
        if path is None:
            raw.problems.append(
                Cell(display).problem(
                    f"missing file: the folder has no {file_name} "
                    f"(write the header row alone if there are no {list_name})"
                )
            )
            continue
        records = _csv_records(path, display, raw)
        if records is None:
            continue
        table = _table(TYPE_OF_LIST[list_name], records, display, None, raw, numbered_columns=True)
        if table is not None:
            raw.tables.append(table)


def _read_single_csv(path: Path, raw: RawFile) -> None:
    records = _csv_records(path, raw.display, raw)
    if records is None:
        return
    table = _table(None, records, raw.display, None, raw, numbered_columns=True)
    if table is None:
        return
    if TYPE_COLUMN not in table.headers:
        stem = path.stem.lower()
        if stem in LIST_NAMES:
            message = (
                f"{path.name} alone holds only the {stem}: give the folder that holds it "
                "with networks.csv, hospitals.csv, psychologists.csv and organisations.csv"
            )
        else:
            message = (
                "a single CSV file needs a column 'type' saying what each row is (network, "
                "hospital, psychologist or organisation); or give a folder holding "
                "networks.csv, hospitals.csv, psychologists.csv and organisations.csv"
            )
        raw.problems.append(table.where.problem(message))
        return
    for row in table.rows:
        value = row.values.pop(TYPE_COLUMN, None)
        word = str(value).strip().lower() if value is not None else ""
        word = {name.removesuffix("s"): name for name in LIST_NAMES}.get(word.removesuffix("s"))
        if word is None:
            what = "empty" if value is None else shown(value)
            raw.problems.append(
                row.cell(TYPE_COLUMN).problem(
                    f"type is {what}: it must be one of {', '.join(BY_TYPE)}"
                )
            )
            row.kind = None
        else:
            row.kind = TYPE_OF_LIST[word]
    raw.tables.append(table)


# --- XLSX ------------------------------------------------------------------


def _declares_entities(exc: BaseException) -> bool:
    """Whether openpyxl failed because defusedxml (which it uses when installed)
    refused a DTD, an entity or an external reference in the workbook's XML."""
    from defusedxml import DefusedXmlException

    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, DefusedXmlException):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _read_xlsx(path: Path, raw: RawFile) -> None:
    import warnings
    import zipfile

    from generator.ziplimits import EXCEL, zip_problem

    where = Cell(raw.display)
    if not zipfile.is_zipfile(path):
        raw.problems.append(
            where.problem("the file is not an Excel workbook (.xlsx): it cannot be opened")
        )
        return
    refused = zip_problem(path, EXCEL)  # before openpyxl decompresses anything
    if refused is not None:
        raw.problems.append(where.problem(f"the workbook {refused}"))
        return
    try:
        from openpyxl import load_workbook

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(path, data_only=True)
    except Exception as exc:
        if _declares_entities(exc):
            raw.problems.append(
                where.problem(
                    "the workbook declares XML entities, a construction used to make a small "
                    "file expand without end: conventio does not read it; save the workbook "
                    "again from Excel or LibreOffice"
                )
            )
            return
        raw.problems.append(
            where.problem("the file is not an Excel workbook (.xlsx) that can be read")
        )
        return
    try:
        sheets = {sheet.title.strip().lower(): sheet for sheet in workbook.worksheets}
        for list_name in LIST_NAMES:
            sheet = sheets.get(list_name)
            if sheet is None:
                names = ", ".join(shown(ws.title) for ws in workbook.worksheets)
                raw.problems.append(
                    where.problem(
                        f"the workbook has no sheet {list_name!r} (its sheets: {names}); "
                        "it needs the sheets networks, hospitals, psychologists and "
                        "organisations"
                    )
                )
                continue
            records = [
                (cells[0].row, [cell.value for cell in cells]) for cells in sheet.iter_rows()
            ]
            table = _table(
                TYPE_OF_LIST[list_name],
                records,
                raw.display,
                sheet.title,
                raw,
                numbered_columns=False,
            )
            if table is not None:
                raw.tables.append(table)
    finally:
        workbook.close()


# --- YAML ------------------------------------------------------------------


def _read_yaml(path: Path, raw: RawFile) -> None:
    from generator.yamlsource import read_yaml

    src, yaml_problems = read_yaml(path, raw.display)
    raw.problems.extend(Cell(p.path, p.line, p.column).problem(p.message) for p in yaml_problems)
    if src is None:
        return

    def at(loc: tuple) -> Cell:
        return Cell(raw.display, *src.position(loc))

    if not isinstance(src.data, dict):
        what = "a list" if isinstance(src.data, list) else "a single value"
        raw.problems.append(
            at(()).problem(
                f"the file is {what}; it must be a block with the lists networks, "
                "hospitals, psychologists and organisations"
            )
        )
        return
    import difflib

    for key in src.data:
        if key not in LIST_NAMES:
            close = difflib.get_close_matches(key, LIST_NAMES, n=1)
            hint = f"did you mean {close[0]!r}?" if close else "allowed: " + ", ".join(LIST_NAMES)
            raw.problems.append(at((key,)).problem(f"unknown list {shown(key)}; {hint}"))
    for list_name in LIST_NAMES:
        if list_name not in src.data:
            raw.problems.append(
                at(()).problem(
                    f"missing the list {list_name!r} (write '{list_name}: []' if there are none)"
                )
            )
            continue
        items = src.data[list_name]
        table = RawTable(TYPE_OF_LIST[list_name], at((list_name,)), tabular=False)
        raw.tables.append(table)
        if items is None:
            continue
        if not isinstance(items, list):
            raw.problems.append(
                at((list_name,)).problem(f"{list_name} must be a list (entries starting with '- ')")
            )
            continue
        for index, item in enumerate(items):
            if not isinstance(item, dict):
                raw.problems.append(
                    at((list_name, index)).problem(
                        f"each entry of {list_name} must be a block of fields (key: value lines)"
                    )
                )
                continue
            row = RawRow(table.kind, dict(item), at((list_name, index)))
            for name in item:
                row.cells[name] = at((list_name, index, name))
            table.rows.append(row)
