"""Tables of pseudocodes, found in printed lines by the x position of their columns.

An annex lists billing pseudocodes in two columns: a six-digit code, and a
description that wraps over several lines. In the PDF that is just lines: a
code at some x with the description's first line further right, then lines
that start at the description's x and carry on the description. A table is
two or more such code lines at the same two x positions (with the lines in
between continuing descriptions); it goes on across pages. Lines just above
the first code line that line up with the two columns are its header row, a
header cell wrapped mid-word in a narrow column ("pseudocod" / "e") joined
back.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from generator.importing.read.extract import Omitted
from generator.importing.read.pdf_lines import Line, Segment
from generator.importing.read.text_rules import collapse_spaces, drop_soft_hyphens, join_lines

_CODE = re.compile(r"^(\d{6})(?:\s+(\S.*))?$")
#: how far (points) two x positions may differ and still be one column
ALIGN = 3.0
#: cell padding assumed on each side of a column boundary (Word's and LibreOffice's default)
PADDING = 5.4


@dataclass(frozen=True)
class TableRow:
    cells: tuple[str, ...]
    page: int
    bold: bool
    size: float


@dataclass
class _Piece:
    text: str
    x0: float
    x1: float
    size: float
    bold: bool


def _code_line(line: Line) -> tuple[str, float, str, float | None] | None:
    """(code, code x, rest of the first line, description x) for a line opening a row."""
    first = line.segments[0]
    match = _CODE.match(first.text)
    if match is None:
        return None
    if match.group(2):  # the code and the description printed as one run
        if len(line.segments) > 1:
            return None
        return match.group(1), first.x0, match.group(2), None
    if len(line.segments) < 2:
        return None
    rest = " ".join(s.text for s in line.segments[1:])
    return match.group(1), first.x0, rest, line.segments[1].x0


def find_tables(
    lines: Sequence[Line], omitted: list[Omitted] | None = None
) -> list[Line | TableRow]:
    """The lines, with those that make up pseudocode tables replaced by their rows.
    A table whose header row is printed again at the top of each page it goes
    on to (Word's "repeat as header row") is one table, its header kept once;
    the repeats go to `omitted`."""
    out: list[Line | TableRow] = []
    i = 0
    ended, header = -1, None  # where the last table ended, and its header row
    while i < len(lines):
        found = _table_at(lines, i)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        start, end, rows = found
        del out[len(out) - (i - start) :]  # header lines already passed
        first = rows[0] if isinstance(rows[0], TableRow) and rows[0].bold else None
        if start == ended and _repeats(first, header):
            assert first is not None
            if omitted is not None:
                omitted.append(
                    Omitted(" | ".join(first.cells), f"page {first.page}", "repeated table header")
                )
            rows = rows[1:]
        else:
            header = first
        out.extend(rows)
        ended = i = end
    return out


def _repeats(row: TableRow | None, header: TableRow | None) -> bool:
    """`row` is the table's `header` printed again on a later page."""
    return (
        row is not None
        and header is not None
        and row.cells == header.cells
        and row.page > header.page
    )


def _table_at(lines: Sequence[Line], i: int) -> tuple[int, int, list[TableRow | Line]] | None:
    """(first line, line after, rows and the lines printed under them) of the
    table whose first code line is `lines[i]`; None if none starts there."""
    opening = _code_line(lines[i])
    if opening is None:
        return None
    code_x = opening[1]
    rows, deferred, j, desc_x = _collect_rows(lines, i, code_x, opening[3])
    if len(rows) < 2 or desc_x is None:
        return None
    header_start, header = _header(lines, i, code_x, desc_x)
    right = max(p.x1 for row in rows for p in row[1])
    # pages: each row is where its first line is
    pages = [lines[header_start].page] * len(header) + _row_pages(lines[i:j], code_x)
    result: list[TableRow | Line] = [
        TableRow(
            cells=(_cell(row[0], desc_x - 2 * PADDING), _cell(row[1], right)),
            page=page,
            bold=all(p.bold for cell in row for p in cell if p.text),
            size=max((p.size for cell in row for p in cell), default=0.0),
        )
        for row, page in zip([*header, *rows], pages, strict=True)
    ]
    return header_start, j, result + deferred


def _collect_rows(
    lines: Sequence[Line], i: int, code_x: float, desc_x: float | None
) -> tuple[list[list[list[_Piece]]], list[Line], int, float | None]:
    """The rows from `lines[i]` on, each (code pieces, description pieces); the
    lines printed under the table on a page where it goes on (footnotes), to
    put after it; the index of the line after the table; the description's x."""
    rows: list[list[list[_Piece]]] = []
    deferred: list[Line] = []
    j = i
    previous: Line | None = None
    while j < len(lines):
        line = lines[j]
        if previous is not None and not _follows(previous, line):
            break
        parsed = _code_line(line)
        if parsed is not None and abs(parsed[1] - code_x) <= ALIGN:
            if parsed[3] is not None:
                if desc_x is None:
                    desc_x = parsed[3]
                elif abs(parsed[3] - desc_x) > ALIGN:
                    break
            rows.append(_code_row(line, parsed, desc_x))
        elif _continues(line, rows, desc_x):
            rows[-1][1].append(_piece(line.segments, line.size))
        else:
            # footnotes printed under a table that goes on on the next page
            following = _next_page_start(lines, j)
            if (
                following is None
                or not rows
                or not (
                    _continues(lines[following], rows, desc_x)
                    or _opens_row(lines[following], code_x)
                )
            ):
                break
            deferred.extend(lines[j:following])
            j, previous = following, None
            continue
        previous = line
        j += 1
    return rows, deferred, j, desc_x


def _code_row(
    line: Line, parsed: tuple[str, float, str, float | None], desc_x: float | None
) -> list[list[_Piece]]:
    """The row a code line opens: the code, and the first piece of its description."""
    first = line.segments[0]
    code = _Piece(parsed[0], first.x0, first.x0, line.size, first.bold)
    rest = line.segments[1:] or (line.segments[0],)
    x0 = rest[0].x0 if len(line.segments) > 1 else (desc_x or first.x0)
    desc = _Piece(parsed[2], x0, rest[-1].x1, line.size, all(s.bold for s in rest))
    return [[code], [desc]]


def _continues(line: Line, rows: list, desc_x: float | None) -> bool:
    """A line carrying on the last row's description."""
    return (
        desc_x is not None
        and bool(rows)
        and abs(line.x0 - desc_x) <= ALIGN
        and all(s.x0 >= desc_x - ALIGN for s in line.segments)
    )


def _opens_row(line: Line, code_x: float) -> bool:
    parsed = _code_line(line)
    return parsed is not None and abs(parsed[1] - code_x) <= ALIGN


def _next_page_start(lines: Sequence[Line], j: int) -> int | None:
    """Index of the first line on the page after line j's, if there is one."""
    page = lines[j].page
    for k in range(j, len(lines)):
        if lines[k].page != page:
            return k
    return None


def _row_pages(lines: Sequence[Line], code_x: float) -> list[int]:
    return [line.page for line in lines if _opens_row(line, code_x)]


def _follows(previous: Line, line: Line) -> bool:
    """`line` is close enough below `previous` to be in the same table (or
    starts the next page)."""
    if line.page != previous.page:
        return True
    return 0 < previous.y - line.y <= 3 * max(line.size, previous.size)


def _piece(segments: Sequence[Segment], size: float) -> _Piece:
    return _Piece(
        collapse_spaces(" ".join(s.text for s in segments)),
        segments[0].x0,
        segments[-1].x1,
        size,
        all(s.bold for s in segments),
    )


def _header(
    lines: Sequence[Line], start: int, code_x: float, desc_x: float
) -> tuple[int, list[list[list[_Piece]]]]:
    """The header row: lines right above the table whose pieces sit in its two
    columns (the first column's pieces ending before the second starts), from
    the first one that has text in the second column."""
    taken: list[Line] = []
    k = start - 1
    while k >= 0 and len(taken) < 4:
        line = lines[k]
        if not _follows(line, lines[k + 1]) or line.page != lines[k + 1].page:
            break
        if not all(
            (abs(s.x0 - code_x) <= ALIGN and s.x1 <= desc_x + ALIGN) or abs(s.x0 - desc_x) <= ALIGN
            for s in line.segments
        ):
            break
        taken.insert(0, line)
        k -= 1
    while taken and not any(abs(s.x0 - desc_x) <= ALIGN for s in taken[0].segments):
        taken.pop(0)
    if not taken:
        return start, []
    row: list[list[_Piece]] = [[], []]
    for line in taken:
        for s in line.segments:
            column = 1 if abs(s.x0 - desc_x) <= ALIGN else 0
            row[column].append(_Piece(s.text, s.x0, s.x1, line.size, s.bold))
    return start - len(taken), [row]


def _cell(pieces: Sequence[_Piece], right: float) -> str:
    """A cell's lines joined: hyphenation undone, and a word the column was too
    narrow for (its first line filled up to the column's edge, the rest starting
    lowercase) joined back without a space."""
    text = ""
    previous: _Piece | None = None
    for piece in pieces:
        if previous is None:
            text = piece.text
        elif _broken_word(previous, piece, right):
            text = text.rstrip() + piece.text.lstrip()
        else:
            text = join_lines(text, piece.text)
        previous = piece
    return collapse_spaces(drop_soft_hyphens(text))


def _broken_word(previous: _Piece, piece: _Piece, right: float) -> bool:
    before, after = previous.text.strip(), piece.text.strip()
    if not before or not after or " " in before:
        return False
    if not (before[-1].isalpha() and after[0].isalpha() and after[0].islower()):
        return False
    char = 0.55 * piece.size
    return previous.x1 + char > right - 2.0
