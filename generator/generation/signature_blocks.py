"""The signature blocks a template lays out, one per role that signs the copy.

Each block keeps the corpus's lines (`lines`, as the published text prints
them) and gives them apart for a layout: the first line (`heading`, "Pour le
réseau de santé mentale,"), the signatory's name from the party data
(`name`, through its slot: who signs in each role is
`generator.model.signing.SIGNATORY`), their capacity in the corpus's words
(`capacity`: "directeur général", or "directrice générale" when the party data
say the signatory is a woman) and the lines that remain (`other_lines`:
"Signature :", or the committee's official). A corpus line that only holds the
signatory's name slot is that name, so it is not repeated in `other_lines`.

`field_label` labels the role's empty PDF signature field, in the document's
language: "Signature – Pour le réseau de santé mentale" (the word for a
signature, then the block's heading without its closing comma or colon). The
template prints it above the empty area it keeps for the field, and the PDF
field carries it as its tooltip (`generator.pdf.finish`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from generator.catalogue import catalogue
from generator.model.documents import Closing, SignatureBlock
from generator.model.signing import FEMININE, SIGNATORY, choice
from generator.model.text import SLOT_RE
from generator.rendering.language import TextPicker


def field_label(heading: str, lang: str) -> str:
    """ "Signature – Pour le réseau de santé mentale" for the heading "Pour le
    réseau de santé mentale," (the words: the catalogue of `lang`)."""
    heading = heading.strip().rstrip(",:;").rstrip()
    # TRANSLATORS: labels a signature field; {heading} is the signature block's
    # first line from the corpus ("Pour le réseau de santé mentale")
    return catalogue(lang).gettext("Signature – {heading}").format(heading=heading)


def signature_context(
    closing: Closing | None,
    pick: TextPicker,
    fill: Callable[[str], str],
    roles: Collection[str],
    variants: Collection[str],
) -> dict[str, Any]:
    """`place_date` and `signatures`, for the roles that sign this copy."""
    if closing is None:
        return {"place_date": "", "signatures": []}
    place_date = pick(closing.place_date, "place and date")
    return {
        "place_date": fill(place_date),
        "signatures": [
            signature_block(block, pick, fill, variants)
            for block in closing.signatures
            if block.role in roles
        ],
    }


def signature_block(
    block: SignatureBlock,
    pick: TextPicker,
    fill: Callable[[str], str],
    variants: Collection[str],
) -> dict[str, Any]:
    where = f"signature ({block.role})"
    texts = [pick(line, where) for line in block.lines]
    heading = fill(texts[0]) if texts else ""
    signatory = SIGNATORY.get(block.role)
    name_slot = signatory.name if signatory else None
    others = [t for t in texts[1:] if not _only_slot(t, name_slot)]
    return {
        "role": block.role,
        "lines": [fill(t) for t in texts],
        "heading": heading,
        "name": fill(f"{{{name_slot}|}}") if name_slot else "",
        "capacity": _capacity(block, pick, variants, where),
        "other_lines": [fill(t) for t in others],
        "field_label": field_label(heading, pick.lang),
    }


def _only_slot(text: str, slot: str | None) -> bool:
    match = SLOT_RE.fullmatch(text.strip())
    return slot is not None and match is not None and match.group(1) == slot


def _capacity(
    block: SignatureBlock, pick: TextPicker, variants: Collection[str], where: str
) -> str:
    """The capacity in the corpus's words: the feminine when the party data say
    the signatory is a woman, else the published text's words."""
    if block.capacity is None:
        return ""
    signatory = SIGNATORY.get(block.role)
    gender = signatory.gender if signatory else None
    if gender and choice(gender, FEMININE) in variants:
        if block.capacity_feminine is None:
            pick.missing.append(f"{where}: the capacity for a woman (capacity_feminine)")
            return ""
        return pick(block.capacity_feminine, f"{where}, capacity (feminine)")
    return pick(block.capacity, f"{where}, capacity")
