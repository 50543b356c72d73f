"""Excel party files: one workbook (.xlsx) with the sheets networks,
hospitals, psychologists and organisations, first row = column names. The
workbook is checked as a ZIP archive before openpyxl opens it, and XML entities
are refused (openpyxl parses with defusedxml)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.parties.problems import Cell, shown
from generator.parties.raw_tables import LIST_NAMES, TYPE_OF_LIST, RawFile, read_table


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


def read_xlsx(path: Path, raw: RawFile) -> None:
    """The four sheets of the workbook into `raw.tables`; what stops it, into
    `raw.problems`."""
    workbook = _open_workbook(path, raw)
    if workbook is None:
        return
    try:
        _read_sheets(workbook, raw)
    finally:
        workbook.close()


def _open_workbook(path: Path, raw: RawFile) -> Any:
    """The workbook opened by openpyxl, or None (the problem said in `raw`)."""
    import warnings
    import zipfile

    from generator.ziplimits import EXCEL, zip_problem

    where = Cell(raw.display)
    if not zipfile.is_zipfile(path):
        raw.problems.append(
            where.problem("the file is not an Excel workbook (.xlsx): it cannot be opened")
        )
        return None
    refused = zip_problem(path, EXCEL)  # before openpyxl decompresses anything
    if refused is not None:
        raw.problems.append(where.problem(f"the workbook {refused}"))
        return None
    try:
        from openpyxl import load_workbook

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return load_workbook(path, data_only=True)
    except Exception as exc:
        if _declares_entities(exc):
            raw.problems.append(
                where.problem(
                    "the workbook declares XML entities, a construction used to make a small "
                    "file expand without end: conventio does not read it; save the workbook "
                    "again from Excel or LibreOffice"
                )
            )
            return None
        raw.problems.append(
            where.problem("the file is not an Excel workbook (.xlsx) that can be read")
        )
        return None


def _read_sheets(workbook: Any, raw: RawFile) -> None:
    sheets = {sheet.title.strip().lower(): sheet for sheet in workbook.worksheets}
    for list_name in LIST_NAMES:
        sheet = sheets.get(list_name)
        if sheet is None:
            names = ", ".join(shown(ws.title) for ws in workbook.worksheets)
            raw.problems.append(
                Cell(raw.display).problem(
                    f"the workbook has no sheet {list_name!r} (its sheets: {names}); "
                    "it needs the sheets networks, hospitals, psychologists and "
                    "organisations"
                )
            )
            continue
        records = [(cells[0].row, [cell.value for cell in cells]) for cells in sheet.iter_rows()]
        table = read_table(
            TYPE_OF_LIST[list_name],
            records,
            raw.display,
            sheet.title,
            raw,
            numbered_columns=False,
        )
        if table is not None:
            raw.tables.append(table)
