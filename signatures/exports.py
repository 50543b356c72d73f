"""The parties × sources matrix as CSV, XLSX and a self-contained HTML page.

Every export carries the register and its latest log hash. Values come from
manifests and callers, so they are treated as hostile: escaped in HTML, kept
as text (never formulas) in XLSX, and in CSV a value that a spreadsheet would
read as a formula (starting with = + - @, tab or carriage return) is prefixed
with an apostrophe."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io

from generator.errors import ConventioError
from signatures.reports import Matrix
from signatures.status import STATES

FORMATS = ("csv", "xlsx", "html")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_COLOURS = {
    "issued": "#eeeeee",
    "sent": "#dde8f5",
    "partly signed": "#fff1c2",
    "fully signed": "#cdebd0",
    "declined": "#f6c9c4",
    "superseded": "#d9d2e9",
    "voided": "#c8c8c8",
}


def _rows(matrix: Matrix) -> list[list[str]]:
    rows = [["party", *matrix.sources]]
    for party in matrix.parties:
        rows.append([party, *(matrix.label(party, source) for source in matrix.sources)])
    return rows


def _stamp(matrix: Matrix) -> list[list[str]]:
    return [["register", matrix.register], ["log", matrix.head]]


def _csv_safe(value: str) -> str:
    return "'" + value if value.startswith(_FORMULA_START) else value


def matrix_csv(matrix: Matrix) -> bytes:
    """The matrix, then an empty row, then the register and its log hash."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in _rows(matrix):
        writer.writerow([_csv_safe(v) for v in row])
    writer.writerow([])
    for row in _stamp(matrix):
        writer.writerow([_csv_safe(v) for v in row])
    return buffer.getvalue().encode("utf-8")


def matrix_xlsx(matrix: Matrix) -> bytes:
    """Sheet "matrix" (the table, coloured by state) and sheet "register"."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "matrix"
    fills = {s: PatternFill("solid", fgColor=c.lstrip("#")) for s, c in _COLOURS.items()}
    for r, row in enumerate(_rows(matrix), start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(row=r, column=c)
            cell.value = value
            cell.data_type = "s"  # text, even if it starts with "="
            if r == 1 or c == 1:
                cell.font = Font(bold=True)
            elif r > 1 and c > 1 and value:
                state = matrix.cells[(matrix.parties[r - 2], matrix.sources[c - 2])].state
                cell.fill = fills[state]
    sheet.freeze_panes = "B2"
    sheet.column_dimensions["A"].width = 28
    for c in range(2, len(matrix.sources) + 2):
        sheet.column_dimensions[sheet.cell(row=1, column=c).column_letter].width = 36
    info = book.create_sheet("register")
    for r, row in enumerate(_stamp(matrix), start=1):
        for c, value in enumerate(row, start=1):
            cell = info.cell(row=r, column=c)
            cell.value = value
            cell.data_type = "s"
    info.column_dimensions["B"].width = 90
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def matrix_html(matrix: Matrix, now: dt.datetime | None = None) -> bytes:
    """One page, no outside resources; every value escaped."""
    e = html.escape
    moment = (now or dt.datetime.now(dt.UTC)).strftime("%Y-%m-%d %H:%M UTC")
    style = "\n".join(f".s{i} {{ background: {_COLOURS[s]}; }}" for i, s in enumerate(STATES))
    head_cells = "".join(f"<th scope='col'>{e(s)}</th>" for s in matrix.sources)
    body = []
    for party in matrix.parties:
        cells = []
        for source in matrix.sources:
            status = matrix.cells.get((party, source))
            if status is None:
                cells.append("<td></td>")
                continue
            css = f"s{STATES.index(status.state)}"
            title = e(status.document_id, quote=True)
            cells.append(f"<td class='{css}' title='{title}'>{e(matrix.label(party, source))}</td>")
        body.append(f"<tr><th scope='row'>{e(party)}</th>{''.join(cells)}</tr>")
    legend = " ".join(f"<span class='s{i}'>{e(s)}</span>" for i, s in enumerate(STATES))
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Signatures: parties × sources</title>
<style>
body {{ font-family: sans-serif; margin: 1.5em; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #999; padding: .25em .5em; text-align: left; vertical-align: top; }}
thead th {{ position: sticky; top: 0; background: #fff; }}
.legend span {{ padding: .1em .4em; margin-right: .3em; }}
footer {{ margin-top: 1em; font-size: .9em; color: #333; }}
{style}
</style>
</head>
<body>
<h1>Signatures: parties × sources</h1>
<p class="legend">{legend}</p>
<table>
<thead><tr><th scope="col">party</th>{head_cells}</tr></thead>
<tbody>
{chr(10).join(body)}
</tbody>
</table>
<footer>
<p>register: {e(matrix.register)}<br>{e(matrix.head)}<br>exported {e(moment)}</p>
</footer>
</body>
</html>
"""
    return page.encode("utf-8")


def export(matrix: Matrix, fmt: str, now: dt.datetime | None = None) -> bytes:
    if fmt == "csv":
        return matrix_csv(matrix)
    if fmt == "xlsx":
        return matrix_xlsx(matrix)
    if fmt == "html":
        return matrix_html(matrix, now)
    raise ConventioError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
