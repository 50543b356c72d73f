"""National register numbers in an imported text.

A corpus text is a model: it has the slot `{provider.nrn|}` where a signed
copy has a person's number. An imported personalised copy therefore gets the
slot back, and the number itself is never printed: not in the draft, not in
the report (it is listed there masked)."""

from __future__ import annotations

import re

# 85.07.30-033.28, 85073003328, 85 07 30 033 28
_CANDIDATE = re.compile(r"(?<![\d.])\d{2}[. ]?\d{2}[. ]?\d{2}[-. ]?\d{3}[. ]?\d{2}(?![\d.])")
MASK = "[numéro du Registre national]"
SLOT = "{provider.nrn|}"


def _is_nrn(text: str) -> bool:
    from stdnum.be import nn

    return nn.is_valid(re.sub(r"\D", "", text))


def national_numbers(text: str) -> list[str]:
    return [m[0] for m in _CANDIDATE.finditer(text) if _is_nrn(m[0])]


def mask(text: str, replacement: str = MASK) -> str:
    """`text` with every valid national register number replaced."""
    if not any(ch.isdigit() for ch in text):
        return text
    return _CANDIDATE.sub(lambda m: replacement if _is_nrn(m[0]) else m[0], text)
