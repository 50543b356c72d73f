"""Which billing rows article 14/1 counts: the exclusion reasons, in the order they
are tested, and the facts each one is decided on (a code's role, the reference
period, the data deadline), all read from the parameters in force. One home for
both ways a file is counted (generator/bonus/compute.py in DuckDB,
generator/bonus/plain_csv.py with polars)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from generator.bonus.parameters import BonusParameters

#: the reasons a row is not counted, in the order they are tested
EXCLUSIONS = (
    "group code",
    "code not in either list",
    "out of period",
    "entered too late",
    "duplicate row",
)
#: the registry's services that are group sessions (article 14/1: not counted)
GROUP_SERVICES = ("group", "community-group")
CODE_REGISTRY = "registry/pseudocodes"


@dataclass(frozen=True)
class CountingRules:
    """The facts a row's reason is decided on; a reason depends only on the row's
    code and dates, so every copy of a row has the same one."""

    start: dt.date
    end: dt.date
    deadline: dt.date
    group_codes: frozenset[str]
    volume_codes: frozenset[str]
    outreach_codes: frozenset[str]

    @classmethod
    def of(cls, params: BonusParameters, corpus) -> CountingRules:
        registry = corpus.get(CODE_REGISTRY)
        start, end = params.period
        return cls(
            start,
            end,
            params.data_deadline,
            frozenset(e.code for e in registry.codes if e.service in GROUP_SERVICES),
            frozenset(params.codes("volume_codes")),
            frozenset(params.codes("outreach_codes")),
        )

    def code_role(self, code: str) -> str | None:
        """Why rows with this code are excluded whatever their dates; None: counted."""
        if code in self.group_codes:
            return "group code"
        if code not in self.volume_codes and code not in self.outreach_codes:
            return "code not in either list"
        return None

    def out_of_period(self, service: dt.date) -> bool:
        return service < self.start or service > self.end

    def too_late(self, entered: dt.date) -> bool:
        return entered > self.deadline


class Volume(NamedTuple):
    """The counted rows of one provider in one network (each distinct row once)."""

    network: str
    euros: Decimal
    sessions: int
    outreach_sessions: int
    outreach_euros: Decimal


@dataclass
class CountedFile:
    """A billing file counted, whichever way: the rows read, the rows excluded
    ({reason: {provider: rows}}), and the counted rows per provider and network as
    (provider, Volume)."""

    source: str
    read: int
    excluded: dict[str, dict[str, int]]
    volumes: list[tuple[str, Volume]]

    def by_provider(self) -> dict[str, dict[str, Volume]]:
        found: dict[str, dict[str, Volume]] = {}
        for provider, volume in self.volumes:
            found.setdefault(provider, {})[volume.network] = volume
        return found
