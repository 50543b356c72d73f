"""Proof that no word was lost: every word the reader found is in the draft
(as a value or a comment), in a marker the structure stands for ("Article",
"§ 1er", "«"), or in the list of what was left out (headers, page numbers)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from generator.importing.recognise.markers import SUPERSCRIPTS

_WORD = re.compile(r"\w+")
#: a footnote mark is a word of its own: "leerlingenbegeleiding¹" is also "…[^1]"
_MARKS = {ord(c): f" {i}" for i, c in enumerate(SUPERSCRIPTS)}


def words(texts: Iterable[str]) -> Counter:
    counter: Counter = Counter()
    for text in texts:
        counter.update(_WORD.findall(text.translate(_MARKS).replace("_", " ")))
    return counter


def unplaced(read: Iterable[str], placed: Iterable[str]) -> list[str]:
    """The words of `read` that `placed` does not account for, in reading order."""
    read = list(read)
    missing = words(read) - words(placed)
    result = []
    for word in _WORD.findall(" ".join(read).translate(_MARKS).replace("_", " ")):
        if missing[word] > 0:
            result.append(word)
            missing[word] -= 1
    return result
