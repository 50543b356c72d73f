"""Slot values for one unit, and what to say when one is missing."""

from __future__ import annotations

from typing import Any

from generator.generation.units import Unit
from generator.invisible import is_blank
from generator.model.slots import WHEN_ABSENT


def unit_slot_values(unit: Unit, parties: Any, lang: str = "fr") -> dict[str, str]:
    from generator.parties.slots import slot_values

    provider_id = unit.provider.id if unit.provider is not None else None
    values = dict(slot_values(parties.parties_for(unit.network.id, provider_id)))
    for slot, words in WHEN_ABSENT.items():  # an optional slot is never left blank
        if is_blank(values.get(slot)):
            values[slot] = words[lang]
    return values


def missing_message(unit: Unit, slot: str) -> str:
    """Which party lacks which field, in words (never a value)."""
    prefix, _, field = slot.partition(".")
    network = unit.network
    provider = unit.provider.id if unit.provider is not None else "?"
    owner = {
        "network": f"network {network.id}",
        "hospital": f"hospital {network.hospital} (representing network {network.id})",
        "collecting_hospital": f"collecting hospital {network.collecting_hospital} "
        f"(of network {network.id})",
        "provider": f"psychologist {provider}",
        "organisation": f"organisation {provider}",
    }.get(prefix, prefix)
    return f"{unit.party_id}: no {field.replace('_', ' ')} for {owner}, which the document prints"
