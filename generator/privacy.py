"""The one detector of Belgian national register numbers in free text.

A national register number (and its twin for people not in the register, the
BIS number) must appear only in the documents that need it: never in a log, a
listing, an error message, the signature register or an imported draft. Every
part of conventio that must keep one out asks this module.

What counts as one: eleven digits, written in any way people write them
(`85.07.30-033.28`, `850730-033-28`, `85 07 30 033 28`, `85/07/30-033.28`,
`85073003328`, with en dashes or no-break spaces), whose check digits and birth
date are valid for python-stdnum (`stdnum.be.nn` or `stdnum.be.bis`). The
digits must be whole groups of a number: `792514 792536` (two pseudocodes) or a
13-digit reference holds no national number, since no run of whole groups has
exactly eleven digits. A hexadecimal hash (32 hexadecimal characters or more,
such as a SHA-256) is never read as one, nor are digits that take part of an
ISO date (`#4 2026-11-30 03:02`, an event's number and time, whose digits
"4 2026 11 30 03" happen to pass the check).

    find_national_numbers("n° 85.07.30-033.28.")   # [Found(start=3, end=18)]
    mask_national_numbers("(85 07 30 033 28)")     # "([numéro du Registre national])"
    holds_national_number("890328-993-57")         # True
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = [
    "MASK",
    "Found",
    "find_national_numbers",
    "holds_national_number",
    "mask_national_numbers",
]

#: what a national number is replaced with in anything but its document
MASK = "[numéro du Registre national]"

# What may stand between the digit groups of one number: spaces (also no-break
# and thin ones), dots, slashes, hyphens and dashes of every kind.
_SEPARATOR = "[ \t\u00a0\u2007\u2009\u202f./\\-\u2010\u2011\u2012\u2013\u2014\u2212]"
# digit groups joined by short separator runs ("85.07.30 - 033.28"); one run
# of them is read whole, then split into groups
_RUN = re.compile(rf"\d+(?:{_SEPARATOR}{{1,3}}\d+)*")
_GROUP = re.compile(r"\d+")
_HEX_WORD = re.compile(r"[0-9A-Fa-f]+")
#: an ISO date (2026-11-30), as logs, listings and file names print it
_ISO_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}-[01]\d-[0-3]\d(?!\d)")
#: a hexadecimal word this long is a hash, not a number anybody writes
_HASH_LENGTH = 32
_DIGITS = 11


@dataclass(frozen=True)
class Found:
    """Where a national number stands in a text: `text[start:end]`."""

    start: int
    end: int


def _is_national_number(digits: str) -> bool:
    from stdnum.be import bis, nn

    return nn.is_valid(digits) or bis.is_valid(digits)


def _inside_hash(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is part of a long hexadecimal word."""
    if not (start > 0 and text[start - 1].isalnum()) and not (
        end < len(text) and text[end].isalnum()
    ):
        return False
    left = start
    while left > 0 and text[left - 1] in "0123456789abcdefABCDEF":
        left -= 1
    right = end
    while right < len(text) and text[right] in "0123456789abcdefABCDEF":
        right += 1
    return right - left >= _HASH_LENGTH and bool(_HEX_WORD.fullmatch(text, left, right))


def find_national_numbers(text: str) -> list[Found]:
    """Every national register (or BIS) number in `text`, in order."""
    if not isinstance(text, str) or sum(ch.isdigit() for ch in text) < _DIGITS:
        return []
    found: list[Found] = []
    dates = [m.span() for m in _ISO_DATE.finditer(text)]
    for run in _RUN.finditer(text):
        groups = [(g.start() + run.start(), g.end() + run.start()) for g in _GROUP.finditer(run[0])]
        index = 0
        while index < len(groups):
            count, last = 0, index
            while last < len(groups) and count < _DIGITS:
                count += groups[last][1] - groups[last][0]
                last += 1
            start, end = groups[index][0], groups[last - 1][1]
            if count == _DIGITS:
                digits = "".join(text[a:b] for a, b in groups[index:last])
                if (
                    _is_national_number(digits)
                    and not _inside_hash(text, start, end)
                    and not any(a < end and start < b for a, b in dates)
                ):
                    found.append(Found(start, end))
                    index = last
                    continue
            index += 1
    return found


def holds_national_number(text: str) -> bool:
    """Whether `text` holds a national register (or BIS) number anywhere."""
    return bool(find_national_numbers(text))


def mask_national_numbers(text: str, replacement: str = MASK) -> str:
    """`text` with every national register (or BIS) number replaced."""
    spans = find_national_numbers(text)
    if not spans:
        return text
    pieces, position = [], 0
    for span in spans:
        pieces.append(text[position : span.start])
        pieces.append(replacement)
        position = span.end
    pieces.append(text[position:])
    return "".join(pieces)
