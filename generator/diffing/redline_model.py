"""Interface between the diff engine and the DOCX redline writer.

The diff engine (``generator.diffing.adapters.to_redline``) produces a
:class:`RedlineDocument`; the writer (``generator.diffing.redline.write_redline``)
turns it into a DOCX with tracked changes.  Accepting every change must give the
RIGHT side's text, rejecting every change the LEFT side's: the ``equal`` and
``delete`` runs of a paragraph spell the left text, the ``equal`` and ``insert``
runs spell the right text (labels included, as the first runs, when they change).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Run:
    op: str  # "equal" | "insert" | "delete"
    text: str


@dataclass(frozen=True)
class RedlineParagraph:
    runs: tuple[Run, ...]
    style: str = "text"  # "title" | "heading" | "text" | "note"
    level: int = 0  # indent 0-3
    label: str = ""
    whole: str | None = None  # "insert" | "delete" when the whole paragraph is added/removed
    #: a Word comment on the paragraph: the amendment article that made the change
    comment: str | None = None


@dataclass(frozen=True)
class RedlineRow:
    cells: tuple[tuple[Run, ...], ...]
    whole: str | None = None


@dataclass(frozen=True)
class RedlineTable:
    header: tuple[str, ...]
    rows: tuple[RedlineRow, ...]


@dataclass(frozen=True)
class RedlineDocument:
    title: str
    blocks: tuple[RedlineParagraph | RedlineTable, ...]
    left_label: str
    right_label: str
    #: the language of the words the redline adds (header, footer)
    lang: str = "fr"
