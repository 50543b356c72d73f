"""National register numbers in an imported text.

A corpus text is a model: it has the slot `{provider.nrn|}` where a signed
copy has a person's number. An imported personalised copy therefore gets the
slot back, and the number itself is never printed: not in the draft, not in
the report (it is listed there masked). The numbers are found by
`generator.privacy`, the one detector."""

from __future__ import annotations

from generator.privacy import MASK, find_national_numbers, mask_national_numbers

__all__ = ["MASK", "SLOT", "mask", "national_numbers"]

SLOT = "{provider.nrn|}"


def national_numbers(text: str) -> list[str]:
    return [text[found.start : found.end] for found in find_national_numbers(text)]


def mask(text: str, replacement: str = MASK) -> str:
    """`text` with every valid national register number replaced."""
    return mask_national_numbers(text, replacement)
