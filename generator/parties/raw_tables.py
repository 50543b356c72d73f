"""Party files as read, before any check: tables of raw rows, each value with
the place it came from (file, sheet, row, column, or YAML entry), and how the
rows of one sheet or CSV file are read under their header row."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from generator.parties.model import LISTS
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


def header_name(value: Any) -> str:
    """A column name as a field name: 'Collecting hospital' -> 'collecting_hospital'."""
    text = str(value).strip().lower()
    return "_".join(text.replace("-", " ").split())


def clean_cell(value: Any) -> Any:
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


def read_table(
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

    filled = [(n, cells) for n, cells in records if any(clean_cell(c) is not None for c in cells)]
    if not filled:
        where = at(1, 1)
        raw.problems.append(
            where.problem("the sheet is empty: its first row must name the columns (id, ...)")
            if sheet
            else where.problem("the file is empty: its first row must name the columns (id, ...)")
        )
        return None
    header_row, header_cells = records[0]
    if all(clean_cell(c) is None for c in header_cells):
        raw.problems.append(
            at(header_row, 1).problem(
                "the first row must name the columns (id, name, ...); it is empty"
            )
        )
        return None
    table = RawTable(kind, at(header_row, 1), tabular=True)
    columns = _read_header(table, header_row, header_cells, at, raw, numbered_columns)
    for row_number, cells in records[1:]:
        if any(clean_cell(c) is not None for c in cells):
            table.rows.append(_read_row(kind, columns, row_number, cells, at, raw))
    return table


def _read_header(
    table: RawTable,
    header_row: int,
    header_cells: list[Any],
    at: Callable[[int, int], Cell],
    raw: RawFile,
    numbered_columns: bool,
) -> dict[int, str]:
    """The columns' names, into `table.headers`; returns {column number: name}. A
    name given twice is read in its first column only."""
    columns: dict[int, str] = {}
    for index, value in enumerate(header_cells, start=1):
        name_value = clean_cell(value)
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
    return columns


def _read_row(
    kind: str | None,
    columns: dict[int, str],
    row_number: int,
    cells: list[Any],
    at: Callable[[int, int], Cell],
    raw: RawFile,
) -> RawRow:
    """One party's row: its non-empty values under their column names."""
    row = RawRow(kind, {}, at(row_number, 1))
    for index, name in columns.items():
        row.cells[name] = at(row_number, index)
    for index, value in enumerate(cells, start=1):
        value = clean_cell(value)
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
    return row
