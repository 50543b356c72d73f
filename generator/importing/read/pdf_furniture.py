"""Running headers, footers and page numbers: printed on every page, not part
of the text.

A line is page furniture when it sits in the top or bottom band of its page,
among the first or last few lines, and either repeats (same text once digits
are ignored) on at least half of the pages -- at least two pages -- or is a
page number ("3", "- 3 -", "page 3", "3/12", "Page 3 sur 12", "... – page 3").
Everything removed is returned with the reason, for `Extract.omitted`.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

from generator.importing.read.extract import Omitted
from generator.importing.read.pdf_lines import Line

#: share of the page height, at the top and at the bottom, where furniture is looked for
BAND = 0.15
#: furniture is among this many lines at the top or the bottom of a page
EDGE_LINES = 6

_PAGE_NUMBER = re.compile(
    r"""^(?:
        [-–—]?\s*\d{1,4}\s*[-–—]?                               # 3, - 3 -
      | (?:page|p\.|blz\.|seite|pagina)\s*\d{1,4}(?:\s*(?:/|sur|of|van|von|de)\s*\d{1,4})?
      | \d{1,4}\s*(?:/|sur|of|van|von)\s*\d{1,4}                # 3/12, 3 sur 12
    )$""",
    re.VERBOSE | re.IGNORECASE,
)
_ENDS_WITH_PAGE = re.compile(r"[-–—·|]\s*(?:page|p\.|blz\.|seite)\s*\d{1,4}\s*$", re.IGNORECASE)


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", " ", text.strip().lower()))


def _band(line: Line) -> str | None:
    if line.y >= line.page_height * (1 - BAND):
        return "top"
    if line.y <= line.page_height * BAND:
        return "bottom"
    return None


def remove_furniture(pages: Sequence[list[Line]]) -> tuple[list[list[Line]], list[Omitted]]:
    """The pages' lines without headers, footers and page numbers, and what was removed."""
    candidates: list[set[int]] = []
    for lines in pages:
        edge = set(range(min(EDGE_LINES, len(lines))))
        edge |= set(range(max(0, len(lines) - EDGE_LINES), len(lines)))
        candidates.append({i for i in edge if _band(lines[i]) is not None})

    seen: Counter[str] = Counter()
    for lines, indices in zip(pages, candidates, strict=True):
        seen.update({_key(lines[i].text) for i in indices})
    needed = max(2, math.ceil(len(pages) / 2))

    kept_pages: list[list[Line]] = []
    omitted: list[Omitted] = []
    for number, (lines, indices) in enumerate(zip(pages, candidates, strict=True), start=1):
        kept: list[Line] = []
        for i, line in enumerate(lines):
            why = _why(line, seen, needed) if i in indices else None
            if why is None:
                kept.append(line)
            else:
                omitted.append(Omitted(line.text, f"page {number}", why))
        kept_pages.append(kept)
    return kept_pages, omitted


def _why(line: Line, seen: Counter[str], needed: int) -> str | None:
    text = line.text.strip()
    if _PAGE_NUMBER.match(text):
        return "page number"
    if seen[_key(text)] >= needed and len(seen) > 0:
        return "running header" if _band(line) == "top" else "footer"
    if _band(line) == "bottom" and _ENDS_WITH_PAGE.search(text):
        return "page number"
    return None
