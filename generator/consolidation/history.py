"""The versions of a convention: date ranges, and what opened each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from itertools import groupby, pairwise

from generator.model.documents import Amendment, Convention
from generator.model.order import ScheduledOperation, schedule


@dataclass
class Version:
    start: dt.date | None
    end: dt.date | None
    opened_by: list[ScheduledOperation] = field(default_factory=list)


def versions(convention: Convention, amendments: list[Amendment]) -> list[Version]:
    """The base text, then one version per distinct entry-into-force date
    (operations whose date is unknown open none: see `undated`)."""
    result = [Version(convention.dates.start, None)]
    dated = [item for item in schedule(amendments) if item.date is not None]
    for date, items in groupby(dated, key=lambda item: item.date):
        result.append(Version(date, None, list(items)))
    for current, following in pairwise(result):
        if following.start is not None:
            current.end = following.start - dt.timedelta(days=1)
    result[-1].end = convention.dates.end
    return result


def undated(amendments: list[Amendment]) -> list[ScheduledOperation]:
    """The operations nobody knows the date of: they open no version."""
    return [item for item in schedule(amendments) if item.date is None]
