"""A PDF page as positioned pieces of text.

pypdf's text extraction calls a visitor for every piece of text it emits,
with the text matrix, the current transformation matrix, the font and the
font size: from those we get where each piece starts on the page (x, y of
the baseline in points), how big it is printed and in which font. pypdf
does not say where a piece ends, yet paragraph and table rules need it (is
the line full? does the cell's text stop before the next column?), so the
width is computed from the font's glyph widths.
"""

from __future__ import annotations

import contextlib
import math
import re
from dataclasses import dataclass
from typing import Any

from pypdf import PageObject

_BOLD = re.compile(r"bold|black|heavy|semibold|demibold|extrabold|ultrabold", re.IGNORECASE)
#: glyph width (in 1/1000 em) assumed when a font's widths cannot be read
_DEFAULT_WIDTH = 500.0


@dataclass(frozen=True)
class Fragment:
    """A piece of text printed in one font at one place."""

    text: str
    x: float
    #: baseline
    y: float
    #: where the text ends on the right (estimated from the glyph widths)
    x1: float
    #: printed size in points (font size scaled by the matrices)
    size: float
    font: str
    bold: bool


class _Widths:
    """Glyph widths by unicode character, for each font dictionary met."""

    def __init__(self) -> None:
        self._cache: dict[Any, tuple[dict[str, float], float]] = {}

    def of(self, font_dict: Any) -> tuple[dict[str, float], float]:
        key = getattr(font_dict, "indirect_reference", None) or id(font_dict)
        found = self._cache.get(key)
        if found is None:
            found = self._cache[key] = _read_widths(font_dict)
        return found

    def width(self, text: str, font_dict: Any, size: float) -> float:
        if font_dict is None:
            return len(text) * size * _DEFAULT_WIDTH / 1000
        widths, default = self.of(font_dict)
        return sum(widths.get(ch, default) for ch in text) * size / 1000


def _read_widths(font_dict: Any) -> tuple[dict[str, float], float]:
    """{unicode character: width} from the font's /Widths (or /W) and its
    ToUnicode map; pypdf keys widths by character code, which for the subset
    fonts LibreOffice and Word embed is not the character printed."""
    try:
        from pypdf.generic._font import Font  # not public API; estimates if it moves

        font = Font.from_font_resource(font_dict)
        by_code = font.character_widths
        default = float(by_code.get("default", _DEFAULT_WIDTH)) or _DEFAULT_WIDTH
        widths: dict[str, float] = {}
        for code, width in by_code.items():
            if code == "default" or not width:
                continue
            printed = font.character_map.get(code, code) if font.character_map else code
            if isinstance(printed, str) and len(printed) == 1:
                widths.setdefault(printed, float(width))
        known = [w for w in widths.values() if w > 0]
        if known:
            default = sum(known) / len(known)
        return widths, default
    except Exception:  # an odd font must not make the document unreadable
        return {}, _DEFAULT_WIDTH


def page_fragments(page: PageObject, widths: _Widths | None = None) -> list[Fragment]:
    """The text pieces of a page, in content order, empty ones left out."""
    widths = widths or _Widths()
    fragments: list[Fragment] = []
    # Word and character spacing (Tw, Tc) widen justified lines beyond the glyph
    # widths; without them a word split in two pieces looks like two words.
    spacing = {"Tw": 0.0, "Tc": 0.0}
    saved: list[dict[str, float]] = []

    def operator(op: bytes, args: Any, cm: Any, tm: Any) -> None:
        if op in (b"Tw", b"Tc") and args:
            with contextlib.suppress(TypeError, ValueError):
                spacing[op.decode()] = float(args[0])
        elif op == b"q":
            saved.append(dict(spacing))
        elif op == b"Q" and saved:
            spacing.update(saved.pop())

    def visit(text: str, cm: Any, tm: Any, font_dict: Any, font_size: float) -> None:
        if not text or not text.strip("\n"):
            return
        m = _multiply(tm, cm)
        x, y = m[4], m[5]
        scale_y = math.hypot(m[2], m[3]) or 1.0
        scale_x = math.hypot(m[0], m[1]) or 1.0
        size = float(font_size or 0) * scale_y
        name = str(font_dict.get("/BaseFont", "")) if font_dict else ""
        bold = bool(_BOLD.search(name))
        for n, piece in enumerate(text.split("\n")):
            # a space alone is kept: LibreOffice prints one where a wrapped line ends
            if not piece:
                continue
            # pypdf rarely puts a line break inside a piece; the next line is below
            py = y - n * size * 1.2
            width = widths.width(piece, font_dict, float(font_size or 0))
            width += spacing["Tc"] * len(piece) + spacing["Tw"] * piece.count(" ")
            width *= scale_x
            fragments.append(Fragment(piece, x, py, x + width, size, name, bold))

    page.extract_text(visitor_text=visit, visitor_operand_before=operator)
    return fragments


def new_widths() -> _Widths:
    """A width cache to share across the pages of one document (fonts repeat)."""
    return _Widths()


def _multiply(a: Any, b: Any) -> tuple[float, ...]:
    """a x b for PDF matrices [a b c d e f] (row vectors: a point is p x tm x cm)."""
    a0, a1, a2, a3, a4, a5 = (float(v) for v in a)
    b0, b1, b2, b3, b4, b5 = (float(v) for v in b)
    return (
        a0 * b0 + a1 * b2,
        a0 * b1 + a1 * b3,
        a2 * b0 + a3 * b2,
        a2 * b1 + a3 * b3,
        a4 * b0 + a5 * b2 + b4,
        a4 * b1 + a5 * b3 + b5,
    )
