"""Party files read into raw rows, each value with the place it came from.

Formats (see docs/parties-format.md):
- YAML: one file with the lists networks, hospitals, psychologists, organisations;
- XLSX: one workbook with sheets of those four names, first row = column names;
- CSV: a folder holding networks.csv, hospitals.csv, psychologists.csv and
  organisations.csv, or a single CSV file with a `type` column.

Nothing here knows what a party needs: that is the model's job (check.py).
The raw tables are in raw_tables.py, the CSV and Excel readers in
csv_reader.py and xlsx_reader.py; YAML is read here.
Problems with the file itself (missing, not UTF-8, not a workbook, a sheet
missing, ...) are returned as PartyProblems, never raised.
"""

from __future__ import annotations

from pathlib import Path

from generator.parties.csv_reader import read_csv_folder, read_single_csv
from generator.parties.problems import Cell, shown
from generator.parties.raw_tables import LIST_NAMES, TYPE_OF_LIST, RawFile, RawRow, RawTable
from generator.parties.xlsx_reader import read_xlsx


def read_party_file(path: Path, display: str | None = None) -> RawFile:
    """Read a .yaml/.yml file, a .xlsx workbook, a .csv file or a folder of CSV files."""
    shown_path = display or str(path)
    raw = RawFile(shown_path)
    where = Cell(shown_path)
    suffix = path.suffix.lower()
    if not path.exists():
        raw.problems.append(where.problem("no such file or folder"))
    elif path.is_dir():
        read_csv_folder(path, raw)
    elif suffix in (".yaml", ".yml"):
        _read_yaml(path, raw)
    elif suffix in (".xlsx", ".xlsm"):
        read_xlsx(path, raw)
    elif suffix == ".csv":
        read_single_csv(path, raw)
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
