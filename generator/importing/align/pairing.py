"""The alignment: the French items and the translation's items paired in order.

An edit-distance alignment over the two sequences. Two items may be paired
only when their anchors agree (the same article number, point label,
pseudocode, annex, abbreviation, or both plain text); leaving an item
unpaired costs 1 on either side. A pair of texts costs more when the numbers
they hold differ (amounts, dates, pseudocodes: a translation keeps them) and
when their lengths are far apart, but never 2: two texts in the same place
are paired rather than both listed, so that the translation checks, not the
alignment, judge a wrong number. Plain texts without numbers of similar
length can only be placed by their position."""

from __future__ import annotations

import math
import re

from generator.importing.align.french import Item
from generator.importing.align.translated import Found

_SKIP = 1.0
_NUMBERS_DIFFER = 0.6
_LENGTH_AT_MOST = 0.6


def pair(french: list[Item], found: list[Found]) -> list[tuple[Item | None, Found | None]]:
    """The two sequences side by side: (item, found), (item, None) for a French
    item without counterpart, (None, found) for a text of the translation without one."""
    n, m = len(french), len(found)
    numbers_f = [_numbers(i.text) for i in french]
    numbers_d = [_numbers(f.text) for f in found]
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        cost[i][0] = i * _SKIP
    for j in range(1, m + 1):
        cost[0][j] = j * _SKIP
    for i in range(1, n + 1):
        row, above = cost[i], cost[i - 1]
        for j in range(1, m + 1):
            best = min(above[j], row[j - 1]) + _SKIP
            if french[i - 1].anchor == found[j - 1].anchor:
                paired = _pair_cost(french[i - 1], found[j - 1], numbers_f[i - 1], numbers_d[j - 1])
                best = min(best, above[j - 1] + paired)
            row[j] = best
    return _back(french, found, cost, numbers_f, numbers_d)


def _back(french, found, cost, numbers_f, numbers_d) -> list[tuple[Item | None, Found | None]]:
    i, j = len(french), len(found)
    out: list[tuple[Item | None, Found | None]] = []
    while i or j:
        if i and j and french[i - 1].anchor == found[j - 1].anchor:
            paired = _pair_cost(french[i - 1], found[j - 1], numbers_f[i - 1], numbers_d[j - 1])
            if math.isclose(cost[i][j], cost[i - 1][j - 1] + paired):
                out.append((french[i - 1], found[j - 1]))
                i, j = i - 1, j - 1
                continue
        if i and math.isclose(cost[i][j], cost[i - 1][j] + _SKIP):
            out.append((french[i - 1], None))
            i -= 1
        else:
            out.append((None, found[j - 1]))
            j -= 1
    out.reverse()
    return out


def _pair_cost(item: Item, found: Found, numbers_f: tuple, numbers_d: tuple) -> float:
    if item.text is None or found.text is None:
        return 0.0 if item.text is None and found.text is None else 2 * _SKIP + 1
    paired = 0.0 if numbers_f == numbers_d else _NUMBERS_DIFFER
    ratio = (len(found.text) + 1) / (len(item.text) + 1)
    return paired + min(_LENGTH_AT_MOST, abs(math.log(ratio)))


_DIGITS = re.compile(r"\d+")


def _numbers(text: str | None) -> tuple[str, ...]:
    """The runs of digits a text holds, sorted: the same in a translation whatever
    its words (« 5 octobre 2023 », « 5 oktober 2023 »; « 36 000 », « 36.000 »)."""
    return tuple(sorted(_DIGITS.findall(text or "")))
