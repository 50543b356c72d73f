"""The values that fill a document's slots ({network.name|XXX}, ...), as
printed: INAMI "1-23456-78-901" / "710-00436", BCE "0403.170.701", phone
"0471 23 45 67", national register number "85.07.30-033.28".

Only slots a party has a value for are given (a network without INAMI number
has no `network.inami`); the document decides what a missing slot prints.
"""

from __future__ import annotations

from generator.model.signing import SIGNATORY, choice
from generator.model.slots import SECRET
from generator.parties.model import Hospital, Organisation, Psychologist
from generator.parties.numbers import format_inami, format_nrn, format_phone
from generator.parties.register import ConventionParties


class SlotValues(dict[str, str]):
    """A plain dict whose repr hides the national register number (so that a
    log or a traceback printing it does not leak it)."""

    def __repr__(self) -> str:
        return repr({k: ("<hidden>" if k in SECRET else v) for k, v in self.items()})

    __str__ = __repr__


def _hospital(prefix: str, hospital: Hospital) -> dict[str, str]:
    return {
        f"{prefix}.name": hospital.name,
        f"{prefix}.inami": format_inami(hospital.inami),
        f"{prefix}.bce": hospital.bce,
        f"{prefix}.director": hospital.director,
    }


def slot_values(parties: ConventionParties) -> SlotValues:
    """Every slot these parties fill, keyed as in the corpus ('hospital.bce')."""
    network = parties.network
    values = SlotValues({"network.name": network.name})
    if network.address:
        values["network.address"] = network.address
    if network.inami:
        values["network.inami"] = format_inami(network.inami)
    if network.convention_title:
        values["network.convention_title"] = network.convention_title
    values.update(_hospital("hospital", parties.hospital))
    values.update(_hospital("collecting_hospital", parties.collecting_hospital))
    provider = parties.provider
    if isinstance(provider, Psychologist):
        values.update(
            {
                "provider.name": provider.name,
                "provider.address": provider.address,
                "provider.inami": format_inami(provider.inami),
                "provider.email": provider.email,
                "provider.phone": format_phone(provider.phone),
                "provider.nrn": format_nrn(provider.nrn),
                "provider.bce": provider.bce,
            }
        )
    elif isinstance(provider, Organisation):
        values.update(
            {
                "organisation.name": provider.name,
                "organisation.address": provider.address,
                "organisation.bce": provider.bce,
                "organisation.email": provider.email,
                "organisation.phone": format_phone(provider.phone),
                "organisation.representative": provider.representative,
            }
        )
        if provider.inami:
            values["organisation.inami"] = format_inami(provider.inami)
    return values


def wording_choices(parties: ConventionParties) -> frozenset[str]:
    """The party data that choose among the corpus's wordings without being
    printed: the gender each signatory's party field gives
    ("hospital.director_gender=f"); nothing for a field left empty."""
    found = set()
    for signatory in SIGNATORY.values():
        if signatory.gender is None:
            continue
        party, _, field = signatory.gender.partition(".")
        gender = getattr(getattr(parties, party, None), field, None)
        if gender:
            found.add(choice(signatory.gender, gender))
    return frozenset(found)
