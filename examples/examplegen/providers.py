"""The fictional providers: 270 psychologists/orthopedagogues and 30 organisations.

Each works with one network, sometimes two. The first 96 psychologists are spread
over the networks in turn, so that every network has providers; the first ones
carry the special names documents must escape (vocabulary.SPECIAL_NAMES). The
draws follow a fixed order on the maker's generator: do not reorder the calls
(nor the fields of the dictionaries, which are drawn in the order written).
"""

from __future__ import annotations

import random

from .maker import Maker, plain_ascii
from .vocabulary import ORG_NAMES, SPECIAL_NAMES

PSYCHOLOGISTS = 270
ORGANISATIONS = 30
#: the first psychologists are given network 1, 2, ... in turn
SPREAD_OVER_NETWORKS = 96
DOMAINS = ["example.org", "example.be"]


def build_psychologists(maker: Maker, networks: list[dict]) -> list[dict]:
    return [_psychologist(maker, networks, index) for index in range(1, PSYCHOLOGISTS + 1)]


def build_organisations(maker: Maker, networks: list[dict]) -> list[dict]:
    counts: dict[str, int] = {}
    return [_organisation(maker, networks, index, counts) for index in range(1, ORGANISATIONS + 1)]


def _psychologist(maker: Maker, networks: list[dict], index: int) -> dict:
    rng = maker.rng
    first = networks[(index - 1) % len(networks)] if index <= SPREAD_OVER_NETWORKS else None
    chosen = _pick_networks(rng, networks, first)
    language = _language_of(rng, chosen)
    if index <= len(SPECIAL_NAMES):
        name_language, name = SPECIAL_NAMES[index - 1]
    else:
        name_language = "de" if language == "de" else language
        name = maker.person(name_language)
    return {
        "id": f"psy-{index:04d}",
        "name": name,
        "address": maker.address(language),
        "inami": maker.inami("9", rng.choice(["780", "781", "790"])),
        "email": maker.email(name, rng.choice(DOMAINS)),
        "phone": maker.phone(mobile=rng.random() < 0.75),
        "nrn": maker.nrn(),
        "bce": maker.bce(),
        "networks": [n["id"] for n in chosen],
        "language": language,
        "verified_by_hand": index % 45 == 0,
    }


def _organisation(maker: Maker, networks: list[dict], index: int, counts: dict[str, int]) -> dict:
    """The organisation number `index`; `counts` numbers the names drawn twice."""
    rng = maker.rng
    chosen = _pick_networks(rng, networks, networks[(index * 7) % len(networks)])
    language = _language_of(rng, chosen)
    base = rng.choice(ORG_NAMES[language])
    counts[base] = counts.get(base, 0) + 1
    return {
        "id": f"org-{index:03d}",
        "name": base if counts[base] == 1 else f"{base} {counts[base]}",
        "address": maker.address(language),
        "bce": maker.bce(),
        "inami": maker.inami("95") if rng.random() < 0.5 else None,
        "email": maker.email(" ".join(plain_ascii(base).split()[:3]), rng.choice(DOMAINS)),
        "phone": maker.phone(mobile=False),
        "representative": maker.person("de" if language == "de" else language),
        "networks": [n["id"] for n in chosen],
        "language": language,
        "verified_by_hand": index == ORGANISATIONS,
    }


def _pick_networks(rng: random.Random, networks: list[dict], first: dict | None) -> list[dict]:
    """One network (`first`, or one drawn), and sometimes a second one."""
    chosen = [first or rng.choice(networks)]
    if rng.random() < 0.2:
        second = rng.choice([n for n in networks if n is not chosen[0]])
        chosen.append(second)
    return chosen


def _language_of(rng: random.Random, chosen: list[dict]) -> str:
    """The language of a provider: its first network's, sometimes French in the German one."""
    lang = chosen[0]["language"]
    return "fr" if lang == "de" and rng.random() < 0.3 else lang
