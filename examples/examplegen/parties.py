"""All the fictional example parties, built from one seed.

The stages draw from one generator in this order: networks and their hospitals,
then psychologists, then organisations, then the fields added later (network
addresses, directors' genders). Changing the order (or the seed) changes
every example file.
"""

from __future__ import annotations

from .maker import Maker
from .networks import add_letterheads_and_genders, build_networks
from .providers import build_organisations, build_psychologists

SEED = 20230925


def build_parties(seed: int = SEED) -> dict[str, list[dict]]:
    """The example parties as plain data (display forms of every number)."""
    maker = Maker(seed)
    networks, hospitals = build_networks(maker)
    psychologists = build_psychologists(maker, networks)
    organisations = build_organisations(maker, networks)
    add_letterheads_and_genders(maker, networks, hospitals)
    return {
        "networks": networks,
        "hospitals": hospitals,
        "psychologists": psychologists,
        "organisations": organisations,
    }
