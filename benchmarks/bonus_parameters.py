"""The parameters of article 14/1 the benchmark's two ways share (temporary: until
generator.bonus.parameters lands, read straight from the consolidated corpus)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from generator.consolidation.engine import consolidate

CONVENTION = "inami-network-2021"
ARTICLE = "art_14-1"
PREFIX = "practice_bonus_"


@dataclass(frozen=True)
class BonusParameters:
    by_id: dict

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        p = self.by_id[PREFIX + "reference_period"]
        return p.start, p.end

    def reading(self, name: str) -> str:
        found = self.by_id.get(PREFIX + name)
        return found.value if found is not None else "sessions"

    @property
    def data_deadline(self) -> dt.date:
        return self.by_id[PREFIX + "data_deadline"].value

    def amount(self, name: str) -> Decimal:
        return self.by_id[PREFIX + name].value

    def percentage(self, name: str) -> Decimal:
        return self.by_id[PREFIX + name].value

    def codes(self, name: str) -> list[str]:
        return list(self.by_id[PREFIX + name].codes)


def bonus_parameters(corpus, year: int) -> BonusParameters:
    result = consolidate(
        corpus.get(CONVENTION), corpus.amendments_of(CONVENTION), dt.date(year, 12, 31)
    )
    by_id = {}
    for node in result.index[ARTICLE].walk():
        if node.provision is not None:
            by_id.update({p.id: p for p in node.provision.parameters})
    return BonusParameters(by_id)
