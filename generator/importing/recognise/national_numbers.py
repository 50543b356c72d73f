"""National register numbers in an imported text.

A corpus text is a model: it has the slot `{provider.nrn|}` (the slot
vocabulary's NATIONAL_NUMBER) where a signed copy has a person's number. An
imported personalised copy therefore gets the slot back, and the number itself
is never printed: not in the draft, not in the report (it is listed there
masked). The numbers are found by `generator.privacy`, the one detector."""

from __future__ import annotations

from dataclasses import replace

from generator.importing.read.extract import Omitted
from generator.importing.recognise.journal import Journal
from generator.model.slots import NATIONAL_NUMBER
from generator.model.text import slot_mark
from generator.privacy import MASK, find_national_numbers, mask_national_numbers

__all__ = ["MASK", "SLOT", "mask", "national_numbers", "without_national_numbers"]

SLOT = slot_mark(NATIONAL_NUMBER)


def national_numbers(text: str) -> list[str]:
    return [text[found.start : found.end] for found in find_national_numbers(text)]


def mask(text: str, replacement: str = MASK) -> str:
    """`text` with every valid national register number replaced."""
    return mask_national_numbers(text, replacement)


def without_national_numbers(blocks: list, omitted: list[Omitted], journal: Journal) -> list:
    """Personalised copies carry a national register number where the model
    has the slot {provider.nrn|}: put the slot back, never keep the number."""
    result = []
    for block in blocks:
        found = national_numbers(block.text)
        if found:
            block = replace(
                block,
                text=mask(block.text, SLOT),
                cells=tuple(mask(c, SLOT) for c in block.cells) if block.cells else None,
            )
            for _ in found:
                omitted.append(
                    Omitted(
                        MASK,
                        block.where,
                        f"personal data, replaced by the slot {SLOT}",
                    )
                )
            journal.doubt(
                block.where,
                "a national register number was replaced by the slot "
                f"{SLOT}: a corpus text is a model, not a signed copy",
            )
        result.append(block)
    return result
