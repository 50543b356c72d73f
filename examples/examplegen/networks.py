"""The 32 fictional networks and the hospitals that represent them or collect for them.

Each network gets a representing hospital (sometimes one that already represents
another network of its language) and a collecting hospital (most often the same,
sometimes another one of its language, sometimes a new one). The draws follow a
fixed order on the maker's generator: do not reorder the calls, or the examples change.
"""

from __future__ import annotations

import random

from .maker import Maker
from .vocabulary import FIRST_GENDER, FR_REGIONS, HOSPITAL_NAMES, NL_REGIONS

#: how many networks of each kind and language (before shuffling)
NETWORK_PLAN = (
    [("adults", "fr")] * 10
    + [("adults", "nl")] * 10
    + [("children", "fr")] * 5
    + [("children", "nl")] * 6
    + [("german-speaking", "de")]
)
GERMAN_SPEAKING_NAME = (
    "Fiktives Netzwerk für psychische Gesundheit der Deutschsprachigen Gemeinschaft"
)
GERMAN_SPEAKING_TITLE = (
    "Convention fictive relative au réseau de santé mentale de la Communauté germanophone (exemple)"
)
#: the name of a network of each kind and language, from its region
NAME_PATTERNS = {
    ("adults", "fr"): "Réseau Adultes Fictif {region}",
    ("adults", "nl"): "Netwerk Volwassenen Fictief {region}",
    ("children", "fr"): "Réseau Enfants et Adolescents Fictif {region}",
    ("children", "nl"): "Netwerk Kinderen en Jongeren Fictief {region}",
}


class HospitalPool:
    """The hospitals made so far, and the names still free in each language."""

    def __init__(self, maker: Maker):
        self.maker = maker
        self.made: list[dict] = []
        self.free_names = {language: list(names) for language, names in HOSPITAL_NAMES.items()}
        for names in self.free_names.values():
            maker.rng.shuffle(names)

    def new(self, language: str) -> dict:
        hospital = {
            "id": f"hosp-{len(self.made) + 1:02d}",
            "name": self.free_names[language].pop(),
            "inami": self.maker.inami("710"),
            "bce": self.maker.bce(),
            "director": self.maker.person(language),
        }
        self.made.append(hospital)
        return hospital


def build_networks(maker: Maker) -> tuple[list[dict], list[dict]]:
    """The networks, then the hospitals they use (as plain data)."""
    rng = maker.rng
    plan = list(NETWORK_PLAN)
    rng.shuffle(plan)
    regions = {"fr": list(FR_REGIONS), "nl": list(NL_REGIONS)}
    for names in regions.values():
        rng.shuffle(names)
    next_region = {language: iter(names) for language, names in regions.items()}
    hospitals = HospitalPool(maker)
    networks: list[dict] = []
    for index, (kind, language) in enumerate(plan, start=1):
        representing, collecting = _choose_hospitals(hospitals, networks, language, rng)
        if kind == "german-speaking":
            name = GERMAN_SPEAKING_NAME
        else:
            name = NAME_PATTERNS[(kind, language)].format(region=next(next_region[language]))
        networks.append(
            {
                "id": f"net-{index:02d}",
                "kind": kind,
                "name": name,
                "inami": maker.inami("74") if kind != "adults" or rng.random() < 0.7 else None,
                "language": language,
                "hospital": representing["id"],
                "collecting_hospital": collecting["id"],
                "convention_title": GERMAN_SPEAKING_TITLE if kind == "german-speaking" else None,
            }
        )
    _share_a_collecting_hospital(networks)
    return networks, hospitals.made


def _choose_hospitals(
    hospitals: HospitalPool, networks: list[dict], language: str, rng: random.Random
) -> tuple[dict, dict]:
    """The representing and the collecting hospital of the next network."""
    same_language = [
        h for h, lang in _hospital_languages(hospitals.made, networks) if lang == language
    ]
    # a hospital represents one network, sometimes two (an adults and a children one)
    free = [h for h in same_language if _count(networks, "hospital", h) < 2]
    reuse = bool(free) and rng.random() < 0.2
    representing = rng.choice(free) if reuse else hospitals.new(language)
    roll = rng.random()
    others = [
        h
        for h in same_language
        if h is not representing and _count(networks, "collecting_hospital", h) < 3
    ]
    if roll < 0.6:
        return representing, representing
    if others and roll < 0.85:
        return representing, rng.choice(others)
    return representing, hospitals.new(language)


def _hospital_languages(hospitals: list[dict], networks: list[dict]):
    """Each hospital so far with the language of the first network it serves."""
    language = {}
    for network in networks:
        for key in ("hospital", "collecting_hospital"):
            language.setdefault(network[key], network["language"])
    return [(h, language.get(h["id"])) for h in hospitals]


def _count(networks: list[dict], key: str, hospital: dict) -> int:
    return sum(network[key] == hospital["id"] for network in networks)


def _share_a_collecting_hospital(networks: list[dict]) -> None:
    """Make sure some networks share a collecting hospital (as happens)."""
    by_collecting: dict[str, int] = {}
    for network in networks:
        by_collecting[network["collecting_hospital"]] = (
            by_collecting.get(network["collecting_hospital"], 0) + 1
        )
    if max(by_collecting.values()) >= 2:
        return
    fr = [n for n in networks if n["language"] == "fr"]
    fr[1]["collecting_hospital"] = fr[0]["collecting_hospital"]


#: every third hospital states no director's gender: its documents print the
#: capacity as the published model does
NO_GENDER_EVERY = 3


def add_letterheads_and_genders(maker: Maker, networks: list[dict], hospitals: list[dict]) -> None:
    """The fields added after the first examples were drawn (drawn last, so that
    every earlier value stays the same): each network's address, printed in the
    letterhead of what it issues, and most directors' gender."""
    for network in networks:
        network["address"] = maker.address(network["language"])
    for index, hospital in enumerate(hospitals, start=1):
        first_name = hospital["director"].split()[0]
        if index % NO_GENDER_EVERY and first_name in FIRST_GENDER:
            hospital["director_gender"] = FIRST_GENDER[first_name]
