"""What a reader hands to the structure recogniser: the document's paragraphs
and table rows as printed, and what was left out on purpose."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal


@dataclass(frozen=True)
class Block:
    """One paragraph or one table row, in reading order.

    `text` is the paragraph as printed: its lines joined by single spaces,
    hyphenation at line ends undone, runs of spaces collapsed, automatic
    numbering (Word's "Article %1", "1°", "a)") written out in front, as a
    reader of the page sees it. A table row has `cells` (each cell's text,
    same rules) and `text` is the cells joined by " | "."""

    text: str
    #: where a person finds it: "page 3" (PDF) or "paragraph 12", "table 1, row 4" (DOCX)
    where: str
    #: every character of the text is bold (a title or an article heading typed in bold)
    bold: bool = False
    #: outline level of a heading style ("Heading 1" = 1) or a heading-like numbering; 0 = body
    heading: int = 0
    #: a table row: the text of each cell
    cells: tuple[str, ...] | None = None
    #: left indent of the first line, in points from the text's left margin (0 = flush)
    indent: float = 0.0
    #: centred on the page (titles)
    centered: bool = False
    #: larger than the body text (titles): the font size relative to the body's (1.0 = same)
    size: float = 1.0


@dataclass(frozen=True)
class Omitted:
    """Text of the input that is deliberately not in the draft."""

    text: str
    where: str
    #: why, in the user's words: "running header", "page number", "footer"
    why: str


@dataclass
class Extract:
    source: Path
    kind: Literal["pdf", "docx"]
    blocks: list[Block] = field(default_factory=list)
    omitted: list[Omitted] = field(default_factory=list)
    #: pages (PDF) or None (DOCX)
    pages: int | None = None
