"""Problems found in a party file, reported where the user must fix them:

parties.yaml:12:5: error: ...              (YAML: line and column)
csv/networks.csv:7:3: error: ...           (CSV: row, header = row 1, and column number)
parties.xlsx:networks!C7: error: ...       (XLSX: sheet, column letter and row)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from generator.errors import ConventioError

Severity = Literal["error", "warning"]


def column_letter(column: int) -> str:
    """1 -> 'A', 27 -> 'AA' (spreadsheet column names)."""
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters or "A"


@dataclass(frozen=True)
class PartyProblem:
    file: str
    row: int
    column: int
    message: str
    severity: Severity = "error"
    sheet: str | None = None  # set for XLSX: the place prints as sheet!C7

    @property
    def place(self) -> str:
        if self.sheet is not None:
            return f"{self.file}:{self.sheet}!{column_letter(self.column)}{self.row}"
        return f"{self.file}:{self.row}:{self.column}"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def sort_key(self) -> tuple:
        return (self.file, self.sheet or "", self.row, self.column, self.message)

    def __str__(self) -> str:
        return f"{self.place}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Cell:
    """Where a value stands: a YAML line and column, a CSV row and column, or
    an XLSX sheet, row and column."""

    file: str
    row: int = 1
    column: int = 1
    sheet: str | None = None

    def problem(self, message: str, severity: Severity = "error") -> PartyProblem:
        return PartyProblem(self.file, self.row, self.column, message, severity, self.sheet)

    def __str__(self) -> str:
        return self.problem("").place

    def seen_from(self, other: Cell) -> str:
        """This place as said in a message about `other`: short within one file
        ('line 12', 'row 7', 'networks!C7'), in full otherwise."""
        if self.file != other.file or self.row < 1:
            return str(self)
        if self.sheet is not None:
            return f"{self.sheet}!{column_letter(self.column)}{self.row}"
        word = "line" if self.file.lower().endswith((".yaml", ".yml")) else "row"
        return f"{word} {self.row}"


def sort_problems(problems: list[PartyProblem]) -> list[PartyProblem]:
    return sorted(set(problems), key=PartyProblem.sort_key)


def shown(value: object) -> str:
    """A value quoted for a message, unless it could be a personal number.

    Messages quote ids, kinds and languages so the user sees what was typed;
    anything holding six digits or more is never repeated (a national register
    number typed in the wrong column must not appear in the output)."""
    text = str(value)
    if sum(ch.isdigit() for ch in text) >= 6:
        return "this value"
    if len(text) > 60:
        text = text[:57] + "..."
    return repr(text)


class PartiesError(ConventioError):
    """The party file has errors; `problems` holds every one (and the warnings)."""

    def __init__(self, problems: list[PartyProblem], source: str = "the party file"):
        self.problems = sort_problems(problems)
        errors = sum(p.is_error for p in self.problems)
        lines = [str(p) for p in self.problems]
        lines.append(f"{errors} error(s) in {source}")
        super().__init__("\n".join(lines))
