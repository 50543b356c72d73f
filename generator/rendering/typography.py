"""French typography at rendering: the corpus keeps the seed's characters, the
printed document keeps a French punctuation mark on the line of the word before
it, and « » around their words.

`french_spacing` turns the ordinary space before : ; ? ! and », and after «,
into a non-breaking one (U+00A0), so that a line never begins with a colon or
a closing guillemet. It never adds or removes a character other than that space:
"2006»" stays as the seed prints it, "10:30" and "http://" are left alone.
Used for the Word copies (and the PDF made from them); the text, Markdown and
HTML renderings print the corpus's characters unchanged.
"""

from __future__ import annotations

import re
from typing import Any

NBSP = "\u00a0"
_BEFORE = re.compile(r" +(?=[:;?!»])")
_AFTER = re.compile(r"(?<=«) +")


def french_spacing(text: str) -> str:
    """`text` with the space before : ; ? ! » and after « made non-breaking."""
    return _AFTER.sub(NBSP, _BEFORE.sub(NBSP, text))


def french_spacing_in(value: Any, keep: frozenset[str] = frozenset()) -> Any:
    """`value` (a template context: dicts, lists, strings) with `french_spacing`
    applied to every string, except the values of the keys in `keep`."""
    if isinstance(value, str):
        return french_spacing(value)
    if isinstance(value, list):
        return [french_spacing_in(v, keep) for v in value]
    if isinstance(value, dict):
        return {k: v if k in keep else french_spacing_in(v, keep) for k, v in value.items()}
    return value
