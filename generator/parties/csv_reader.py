"""CSV party files: a folder holding networks.csv, hospitals.csv,
psychologists.csv and organisations.csv, or a single CSV file with a `type`
column; UTF-8, separated by ';' (Excel with Belgian settings) or ','."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any

from generator.parties.model import BY_TYPE
from generator.parties.problems import Cell, shown
from generator.parties.raw_tables import LIST_NAMES, TYPE_COLUMN, TYPE_OF_LIST, RawFile, read_table


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


def read_csv_folder(folder: Path, raw: RawFile) -> None:
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
        table = read_table(
            TYPE_OF_LIST[list_name], records, display, None, raw, numbered_columns=True
        )
        if table is not None:
            raw.tables.append(table)


def read_single_csv(path: Path, raw: RawFile) -> None:
    records = _csv_records(path, raw.display, raw)
    if records is None:
        return
    table = read_table(None, records, raw.display, None, raw, numbered_columns=True)
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
