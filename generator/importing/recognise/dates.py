"""Dates as Belgian texts write them: "1er octobre 2023", "01/09/23",
"1.9.2023", "le 5 octobre 2023". Month names come from Babel's French
locale data, so they are the ones the rendering side prints."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import cache


def _fold(text: str) -> str:
    return "".join(
        c for c in unicodedata.normalize("NFD", text.lower()) if unicodedata.category(c) != "Mn"
    )


@cache
def _months() -> dict[str, int]:
    from babel.dates import get_month_names

    names = {}
    for locale in ("fr_BE", "nl_BE", "de_BE"):
        for width in ("wide", "abbreviated"):
            for number, name in get_month_names(width, locale=locale).items():
                names[_fold(name).rstrip(".")] = number
    return names


_NUMERIC = re.compile(r"\b(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?(\d{4}|\d{2})\b")
_WORDS = re.compile(r"\b(\d{1,2})\s?(?:er|ère)?\s+([A-Za-zÀ-ÿ]+)\.?\s+(\d{4})\b")


def find_dates(text: str) -> list[tuple[int, dt.date, str]]:
    """Every date in `text`: (position, date, the text as printed), in order."""
    found = []
    for m in _NUMERIC.finditer(text):
        day, month, year = int(m[1]), int(m[2]), int(m[3])
        if len(m[3]) == 2:
            year += 2000
        try:
            found.append((m.start(), dt.date(year, month, day), m[0]))
        except ValueError:
            continue
    months = _months()
    for m in _WORDS.finditer(text):
        month = months.get(_fold(m[2]))
        if month is None:
            continue
        try:
            found.append((m.start(), dt.date(int(m[3]), month, int(m[1])), m[0]))
        except ValueError:
            continue
    return sorted(found)
