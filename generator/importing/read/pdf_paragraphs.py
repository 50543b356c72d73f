"""Printed lines to paragraphs (and table rows to blocks).

A PDF has no paragraphs, only lines; where one paragraph ends and the next
begins is read from the layout, as a person would:

- a wider vertical gap than the usual line spacing;
- a change of boldness or of size (a heading and its text);
- a change of left edge (except a first-line indent, or the hanging indent
  of a numbered point);
- a previous line that stops short although the next line's first word would
  have fitted on it, when it ends a sentence or the next line does not start
  in lowercase;
- a line starting with a structural marker ("Article 1", "§ 1er", "1°", "a)",
  "-", "•", "Vu ", "Annexe", a pseudocode) -- unless the line before it is a
  full line of the same paragraph that does not end a sentence or a list
  item, i.e. the marker is only a word that happened to wrap there.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.importing.read.extract import Block
from generator.importing.read.pdf_lines import Line
from generator.importing.read.pdf_tables import TableRow
from generator.importing.read.text_rules import (
    SENTENCE_END,
    drop_soft_hyphens,
    is_marker,
    join_lines,
    word_set,
)


@dataclass(frozen=True)
class Layout:
    """What is usual in the document: the measures a line is compared with."""

    body_size: float
    left: float
    right: float
    #: baseline distance / font size between lines of one paragraph, by font size
    spacing: dict[float, float]
    default_spacing: float
    #: left edges at least three lines start at: a line starting there is not centred
    edges: tuple[float, ...] = ()

    def line_gap(self, size: float) -> float:
        return self.spacing.get(round(size * 2) / 2, self.default_spacing) * size


def measure(lines: Sequence[Line]) -> Layout:
    """The document's body size, margins and line spacing."""
    if not lines:
        return Layout(10.0, 0.0, 600.0, {}, 1.2)
    sizes: Counter[float] = Counter()
    lefts: Counter[int] = Counter()
    for line in lines:
        sizes[round(line.size * 2) / 2] += len(line.text)
        lefts[int(line.x0)] += 1
    common = lefts.most_common(1)[0][0]
    left = min(line.x0 for line in lines if int(line.x0) == common)
    edges = tuple(
        sorted(
            min(line.x0 for line in lines if int(line.x0) == x) for x, n in lefts.items() if n >= 3
        )
    )
    right = _right_margin([line.x1 for line in lines])
    ratios: dict[float, Counter[float]] = {}
    for previous, line in itertools.pairwise(lines):
        if line.page != previous.page or abs(line.size - previous.size) > 0.1:
            continue
        ratio = (previous.y - line.y) / line.size
        if 0.9 <= ratio <= 2.5:
            ratios.setdefault(round(line.size * 2) / 2, Counter())[round(ratio, 2)] += 1
    spacing = {
        size: counts.most_common(1)[0][0]
        for size, counts in ratios.items()
        if counts.most_common(1)[0][1] >= 2
    }
    everything: Counter[float] = sum(ratios.values(), Counter())
    default = everything.most_common(1)[0][0] if everything else 1.2
    return Layout(sizes.most_common(1)[0][0], left, right, spacing, default, edges)


def _right_margin(ends: list[float]) -> float:
    """The right edge most full lines reach (a lone line sticking out is ignored)."""
    ordered = sorted(ends, reverse=True)
    need = min(3, len(ordered))
    for value in ordered:
        if sum(1 for e in ordered if abs(e - value) <= 3) >= need:
            return value
    return ordered[0]


def make_blocks(
    items: Sequence[Line | TableRow], layout: Layout, with_notes: bool = True
) -> list[Block]:
    """The blocks, in reading order."""
    vocabulary = word_set(item.text for item in items if isinstance(item, Line))
    notes = _foot_of_page_notes(items, layout) if with_notes else set()
    blocks: list[Block] = []
    paragraph: list[Line] = []
    pending: list[Line] = []  # notes at the foot of a page, read after its last paragraph

    def close_paragraph() -> None:
        if paragraph:
            blocks.append(_paragraph_block(paragraph, layout, vocabulary))
            paragraph.clear()
        if pending:
            blocks.extend(make_blocks(pending, layout, with_notes=False))
            pending.clear()

    for item in items:
        if isinstance(item, TableRow):
            close_paragraph()
            blocks.append(_row_block(item, layout))
            continue
        if id(item) in notes:
            pending.append(item)
            continue
        if paragraph and not _starts_paragraph(paragraph, item, layout):
            paragraph.append(item)
            continue
        close_paragraph()
        paragraph.append(item)
    close_paragraph()
    return blocks


def _foot_of_page_notes(items: Sequence[Line | TableRow], layout: Layout) -> set[int]:
    """The lines printed smaller than the body at the foot of a page, after its
    last line of body text (footnotes): a paragraph that goes on to the next
    page is read whole, and the notes after it."""
    notes: set[int] = set()
    for previous, line in itertools.pairwise([*items, None]):
        if not isinstance(previous, Line) or (
            isinstance(line, Line) and line.page == previous.page
        ):
            continue
        page = [i for i in items if isinstance(i, Line) and i.page == previous.page]
        tail = list(itertools.takewhile(lambda i: i.size < layout.body_size - 0.6, page[::-1]))
        if tail and len(tail) < len(page):
            notes.update(id(i) for i in tail)
    return notes


def _starts_paragraph(paragraph: list[Line], line: Line, layout: Layout) -> bool:
    previous = paragraph[-1]
    if line.page == previous.page:
        gap = previous.y - line.y
        if gap <= 0 or gap > layout.line_gap(max(line.size, previous.size)) * 1.2 + 1:
            return True
    if line.bold != previous.bold or abs(line.size - previous.size) > 0.6:
        return True
    full = _is_full(previous, line, layout)
    if is_marker(line.text):
        same_edge = abs(line.x0 - previous.x0) <= 2
        wrapped = full and same_edge and not previous.text.endswith((*SENTENCE_END, ","))
        if not wrapped:
            return True
    # lines of one centred paragraph; one of them may fill the measure
    both_centered = (
        _centred_like(line, layout)
        and _centred_like(previous, layout)
        and (_centered(line, layout) or _centered(previous, layout))
    )
    if abs(line.x0 - previous.x0) > 2 and not both_centered:
        first = len(paragraph) == 1
        hanging = first and line.x0 > previous.x0 and is_marker(previous.text)
        first_indent = first and line.x0 < previous.x0
        if not ((hanging or first_indent) and full):
            return True
    if not full:
        ends = previous.text.endswith(SENTENCE_END)
        starts_low = line.text[:1].islower()
        if ends or not starts_low:
            return True
    return False


def _is_full(previous: Line, line: Line, layout: Layout) -> bool:
    """`previous` was broken because `line`'s first word did not fit on it."""
    segment = line.segments[0]
    word = segment.text.split(" ", 1)[0]
    share = len(word) / max(len(segment.text), 1)
    word_width = (segment.x1 - segment.x0) * share
    space = 0.28 * previous.size
    if _centered(previous, layout):
        used = previous.segments[-1].x1 - previous.x0
        return used + space + word_width > layout.right - layout.left - 2
    return previous.x1 + space + word_width > layout.right - 2


def _centred_like(line: Line, layout: Layout) -> bool:
    return (
        _centered(line, layout)
        or _centered_filling(line, layout)
        or _fills_the_measure(line, layout)
    )


def _fills_the_measure(line: Line, layout: Layout) -> bool:
    """A line as wide as the text, its middle the text's: it may be a centred line
    that happens to fill the measure (a title's first line before a centred one)."""
    x1 = line.segments[-1].x1
    width = layout.right - layout.left
    middle = (line.x0 + x1) / 2
    return x1 - line.x0 >= 0.95 * width and abs(middle - (layout.left + layout.right) / 2) <= 4


def _centered(line: Line, layout: Layout) -> bool:
    x1 = line.segments[-1].x1
    middle = (line.x0 + x1) / 2
    width = layout.right - layout.left
    return (
        abs(middle - (layout.left + layout.right) / 2) <= 0.03 * width
        and line.x0 > layout.left + 4
        and x1 < layout.right - 4
        and not any(abs(line.x0 - edge) <= 1 for edge in layout.edges)
    )


def _centered_filling(line: Line, layout: Layout) -> bool:
    """A centred line that nearly fills the width (the first line of a long centred
    title): balanced about the middle, yet not starting at a left edge lines share."""
    middle = (line.x0 + line.segments[-1].x1) / 2
    return (
        abs(middle - (layout.left + layout.right) / 2) <= 0.03 * (layout.right - layout.left)
        and line.x0 > layout.left + 1
        and not any(abs(line.x0 - edge) <= 1 for edge in layout.edges)
    )


def _paragraph_block(lines: list[Line], layout: Layout, vocabulary: frozenset[str]) -> Block:
    text = lines[0].text
    for line in lines[1:]:
        text = join_lines(text, line.text, vocabulary)
    return Block(
        text=drop_soft_hyphens(text),
        where=f"page {lines[0].page}",
        bold=all(line.bold for line in lines),
        indent=round(max(0.0, lines[0].x0 - layout.left), 1),
        centered=all(_centered(line, layout) for line in lines),
        size=round(lines[0].size / layout.body_size, 2),
    )


def _row_block(row: TableRow, layout: Layout) -> Block:
    return Block(
        text=" | ".join(row.cells),
        where=f"page {row.page}",
        bold=row.bold,
        cells=row.cells,
        size=round(row.size / layout.body_size, 2),
    )
