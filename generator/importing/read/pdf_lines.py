"""Positioned text pieces to printed lines.

A line is the pieces whose baselines are (nearly) the same, left to right.
A small piece raised above the baseline is a footnote mark or an ordinal
("1er"): it is attached to the word before it, digits as unicode
superscripts, so that the structure recogniser sees "leerlingenbegeleiding¹".
A line also keeps its `segments`: runs of text separated by a wide gap, which
is how table cells printed side by side are told apart.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.importing.read.pdf_fragments import Fragment
from generator.importing.read.text_rules import collapse_spaces, superscript

#: a gap wider than this many font sizes separates two segments (table cells)
SEGMENT_GAP = 1.2


@dataclass(frozen=True)
class Segment:
    """Text printed in one run on a line: a whole line, or one table cell's line."""

    text: str
    x0: float
    x1: float
    bold: bool


@dataclass(frozen=True)
class Line:
    page: int
    text: str
    x0: float
    x1: float
    #: baseline
    y: float
    #: the size most of the line's characters are printed in
    size: float
    #: every printed character is bold
    bold: bool
    segments: tuple[Segment, ...]
    page_width: float
    page_height: float


def make_lines(
    fragments: Sequence[Fragment], page: int, page_width: float, page_height: float
) -> list[Line]:
    """The page's lines, top to bottom."""
    ordered = sorted(fragments, key=lambda f: (-f.y, f.x))
    groups: list[list[Fragment]] = []
    anchor_y = anchor_size = 0.0
    for fragment in ordered:
        if groups:
            tolerance = 0.45 * max(fragment.size, anchor_size, 1.0)
            if abs(fragment.y - anchor_y) <= tolerance:
                groups[-1].append(fragment)
                main = max(groups[-1], key=lambda f: (len(f.text.strip()) * f.size, f.size))
                anchor_y, anchor_size = main.y, main.size
                continue
        groups.append([fragment])
        anchor_y, anchor_size = fragment.y, fragment.size
    explicit = _spaces_are_printed(fragments)
    lines = [_line(group, page, page_width, page_height, explicit) for group in groups]
    return [line for line in lines if line is not None]


def _word_goes_on(before: str, after: str) -> bool:
    """ "psychol" + "ogiques": a letter, then a lower-case letter, no space."""
    return bool(before) and before[-1].isalpha() and after[:1].islower()


def _spaces_are_printed(fragments: Sequence[Fragment]) -> bool:
    """Whether the producer prints spaces as characters (LibreOffice, Word)
    rather than leaving gaps between separately placed words. Then a gap with
    no space beside it is justification or a word split at a soft hyphen
    ("psychol" + "ogiques"), never a word boundary: glyph widths cannot tell,
    since justified text is widened by kerning the widths do not include."""
    long = [f.text.strip() for f in fragments if len(f.text.strip()) >= 12]
    return bool(long) and sum(" " in t for t in long) >= 0.6 * len(long)


def _line(
    group: list[Fragment], page: int, width: float, height: float, explicit: bool = False
) -> Line | None:
    """The line printed by the fragments of `group` (None if they print nothing)."""
    printed = [f for f in group if f.text.strip()]
    if not printed:
        return None
    size, baseline = _size_and_baseline(printed)
    segments = _segments(printed, size, baseline, explicit)
    text = collapse_spaces(" ".join(s.text for s in segments))
    return Line(
        page=page,
        text=text,
        x0=min(f.x for f in printed),
        # a trailing space (LibreOffice prints one where a line wraps) counts
        x1=max(f.x1 for f in group),
        y=baseline,
        size=size,
        bold=all(f.bold for f in printed),
        segments=tuple(segments),
        page_width=width,
        page_height=height,
    )


def _size_and_baseline(printed: list[Fragment]) -> tuple[float, float]:
    """The line's size (the one most characters are printed in) and its
    baseline (the middle one of the fragments in that size)."""
    weights: dict[float, int] = {}
    for f in printed:
        key = round(f.size * 2) / 2
        weights[key] = weights.get(key, 0) + len(f.text.strip())
    size = max(weights, key=lambda k: (weights[k], k))
    main = [f for f in printed if abs(f.size - size) < 0.5]
    return size, sorted(f.y for f in main)[len(main) // 2]


def _segments(
    printed: list[Fragment], size: float, baseline: float, explicit: bool
) -> list[Segment]:
    """The fragments left to right, joined into segments where a wide gap
    (a column) separates them; raised small digits are footnote marks."""
    segments: list[Segment] = []
    parts: list[str] = []
    seg_x0 = seg_x1 = 0.0
    seg_bold = True
    previous: Fragment | None = None
    for f in sorted(printed, key=lambda f: f.x):
        raised = f.size <= 0.8 * size and f.y > baseline + 0.15 * size
        text = f.text
        if raised:
            mark = text.strip()
            text = superscript(mark) if mark.isdigit() else mark
        if previous is None:
            seg_x0 = f.x
        else:
            gap = f.x - previous.x1
            if raised:  # a mark belongs to the word before it
                parts[-1] = parts[-1].rstrip()
            elif gap > SEGMENT_GAP * size:
                segments.append(Segment(collapse_spaces("".join(parts)), seg_x0, seg_x1, seg_bold))
                parts, seg_bold, seg_x0 = [], True, f.x
            elif (
                not (explicit and _word_goes_on(parts[-1], text))
                and gap > 0.15 * size
                and not parts[-1].endswith(" ")
                and not text.startswith(" ")
            ):
                parts.append(" ")
        parts.append(text)
        seg_x1 = max(seg_x1, f.x1) if parts[:-1] else f.x1
        seg_bold = seg_bold and f.bold
        previous = f
    segments.append(Segment(collapse_spaces("".join(parts)), seg_x0, seg_x1, seg_bold))
    return [s for s in segments if s.text]
