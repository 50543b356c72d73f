"""Words for a word-level diff of legal text.

Amounts ("36 000 EUR", "1.000 euros", "0,70 €", "€30 000", "800€"), dates
("1/9/2022", "01/09/23", "5 octobre 2023"), pseudocodes ("792595"), article
references ("article 14/1", "article 63, § 2", "§1/1") and numbered labels
("1°", "3)", "a)", "§ 2") are single tokens; punctuation is one token per
character; runs of whitespace are tokens of their own, so that
``"".join(tokenize(text)) == text`` always holds.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache

_MONTHS = (
    "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|"
    "novembre|décembre|decembre|januari|februari|maart|april|mei|juni|juli|augustus|"
    "oktober|december|Januar|Februar|März|Juni|Juli|August|Oktober|Dezember"
)
_SP = r"[ \u00a0\u202f]"
_NUMBER = rf"\d{{1,3}}(?:(?:{_SP}|\.)\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?"
_CURRENCY = r"(?:EUR\b|euros?\b|€)"
_SECTION = rf"§{_SP}?\d+(?:er)?(?:/\d+)?"
_PATTERNS = [
    # dates
    r"\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})(?!\d)",
    rf"\d{{1,2}}(?:er)?{_SP}(?:{_MONTHS}){_SP}\d{{4}}(?!\d)",
    # amounts
    rf"€{_SP}?(?:{_NUMBER})",
    rf"(?:{_NUMBER}){_SP}?{_CURRENCY}",
    # pseudocodes
    r"\d{6}(?!\d)",
    # article references: "article 14/1", "article 63, § 2", "articles 3 et 4" stays words
    rf"[Aa]rt(?:icle|ikel|\.)?{_SP}\d+(?:/\d+)?(?:er)?(?:,?{_SP}{_SECTION})?",
    # paragraph labels and references: "§ 2", "§1/1", "§ 1er"
    _SECTION,
    # numbered labels: "1°", "3)", "a)", "12bis)"
    r"\d+°",
    r"(?:\d+|[a-z])\)",
]
_FIXED = "|".join(f"(?:{p})" for p in _PATTERNS)
#: a fixed token never starts inside a word or after "(" ("chacun(e)"); then words
#: (an apostrophe stays with the word before it: "l'", "n'"), blanks, any other character
_TOKEN_RE = re.compile(rf"(?<![\w(])(?:{_FIXED})|\w+(?:['’](?=\w))?|\s+|.", re.DOTALL)


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_TOKEN_RE.findall(text))


def tokenize(text: str) -> list[str]:
    """The tokens of `text`; joining them gives `text` back exactly."""
    return list(_tokens(text))


@dataclass(frozen=True)
class Piece:
    """A stretch of a word diff: `op` is "equal", "insert" or "delete"."""

    op: str
    text: str


def word_diff(left: str, right: str) -> tuple[Piece, ...]:
    """Word-level operations turning `left` into `right`.

    The "equal" and "delete" pieces spell `left`, the "equal" and "insert"
    pieces spell `right`; a deletion comes before the insertion that replaces it."""
    if left == right:
        return (Piece("equal", left),) if left else ()
    a, b = _tokens(left), _tokens(right)
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    raw: list[tuple[str, str, str]] = []  # (op, left text, right text)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        ltext, rtext = "".join(a[i1:i2]), "".join(b[j1:j2])
        if tag == "equal":
            raw.append(("equal", ltext, rtext))
        else:
            raw.append(("change", ltext, rtext))
    # an equal stretch that is only blanks between two changes joins them
    merged: list[list[str]] = []
    for k, (op, ltext, rtext) in enumerate(raw):
        between = 0 < k < len(raw) - 1 and raw[k - 1][0] == raw[k + 1][0] == "change"
        if op == "equal" and between and not ltext.strip():
            op = "change"
        if merged and merged[-1][0] == op == "change":
            merged[-1][1] += ltext
            merged[-1][2] += rtext
        else:
            merged.append([op, ltext, rtext])
    pieces: list[Piece] = []
    for op, ltext, rtext in merged:
        if op == "equal":
            pieces.append(Piece("equal", ltext))
            continue
        if ltext:
            pieces.append(Piece("delete", ltext))
        if rtext:
            pieces.append(Piece("insert", rtext))
    return tuple(pieces)


def changed_pieces(pieces: tuple[Piece, ...]) -> list[tuple[str, str]]:
    """The (op, text) of the pieces that are not equal: handy in tests."""
    return [(p.op, p.text) for p in pieces if p.op != "equal"]


def spell(pieces: tuple[Piece, ...], side: str) -> str:
    """The left ("left") or right ("right") text the pieces spell."""
    skip = "insert" if side == "left" else "delete"
    return "".join(p.text for p in pieces if p.op != skip)


def similarity(left: str, right: str, at_least: float = 0.0) -> float:
    """0..1 on tokens, 1 for identical texts.  Below `at_least` the answer may be
    a cheap upper bound instead of the exact ratio (still below `at_least`)."""
    if left == right:
        return 1.0
    if not left or not right:
        return 0.0
    matcher = difflib.SequenceMatcher(None, _tokens(left), _tokens(right), autojunk=False)
    bound = matcher.real_quick_ratio()
    if bound < at_least:
        return bound
    bound = matcher.quick_ratio()
    if bound < at_least:
        return bound
    return matcher.ratio()
