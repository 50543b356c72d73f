"""The register keeps party ids, never a national register number.

Free text given to the register (a reason, a party id, details such as a
certificate's subject) is refused if it holds a national register number, as
`generator.privacy` (the one detector) finds them; the message never repeats
the number."""

from __future__ import annotations

from typing import Any

from generator.errors import ConventioError
from generator.privacy import holds_national_number


def refuse_nrn(value: Any, what: str) -> None:
    """Raise if `value` (text, or lists and dicts of them) holds a national
    register number."""
    if isinstance(value, str):
        if holds_national_number(value):
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
