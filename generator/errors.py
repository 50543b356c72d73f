"""Problems found in user input, reported as `path:line:column: message`."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {one_line(self.message)}"


def one_line(text: str) -> str:
    """A message on one line: line breaks and other control characters shown
    as escapes, so that every report line stays `path:line:column: message`."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text
    )


class ConventioError(Exception):
    """An error a user can act on: the CLI prints it without a traceback."""


class CorpusError(ConventioError):
    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
