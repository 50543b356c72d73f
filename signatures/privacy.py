"""The register keeps party ids, never a national register number.

Free text given to the register (a reason, a party id, details such as a
certificate's subject) is refused if it holds something that is a valid
national register number; the message never repeats the number."""

from __future__ import annotations

import re
from typing import Any

from generator.errors import ConventioError

# 11 digits, possibly as YY.MM.DD-XXX.CC, not inside a longer number
_CANDIDATE = re.compile(r"(?<![0-9])\d{2}[.\s]?\d{2}[.\s]?\d{2}[-.\s]?\d{3}[.\s]?\d{2}(?![0-9])")
# a hash in hexadecimal is not a number that could be someone's
_HEX = re.compile(r"^[0-9a-f]{32,}$")


def holds_nrn(text: str) -> bool:
    from stdnum.be import nn

    if _HEX.match(text):
        return False
    return any(nn.is_valid(re.sub(r"\D", "", m.group())) for m in _CANDIDATE.finditer(text))


def refuse_nrn(value: Any, what: str) -> None:
    """Raise if `value` (text, or lists and dicts of them) holds a national
    register number."""
    if isinstance(value, str):
        if holds_nrn(value):
            raise ConventioError(
                f"{what} holds what looks like a national register number; the register "
                "keeps party ids only: leave the number out"
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            refuse_nrn(str(key), what)
            refuse_nrn(item, what)
    elif isinstance(value, list | tuple):
        for item in value:
            refuse_nrn(item, what)
