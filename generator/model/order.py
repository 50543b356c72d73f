"""The order in which amendments, and the operations they carry, apply.

Two orders, each defined here only:

- **amendment order**: the amendments of one convention in the order they were
  made: numbered ones by their ordinal ("sixième avenant" is 6), then unnumbered
  ones; among equals, by their first date (approved, else issued, else signed,
  else in force), then by id;
- **replay order**: every operation at the date it applies (its own `in_force`,
  else the date an entry-into-force clause of its amendment gives its article,
  else the amendment's `in_force`), then in amendment order, then in its place
  inside the amendment (article, then operation).

Each operation carries its date's standing (generator/model/dates.py): stated
by the text, assumed, or unknown. An operation whose date is unknown has no
place in replay order: it comes last, and consolidation leaves it out unless
the user assumes a date for it (`Assumptions`, checked by
generator/consolidation/assumptions.py).

The corpus lists amendments in amendment order, consolidation replays in
replay order, and the history of versions is replay order grouped by date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from generator.model.dates import USER, InForce, assumed_by_user, stated_by_clause
from generator.model.documents import Amendment, AmendmentArticle, Operation

#: dates the user assumes: "AMENDMENT_ID" (every article whose date the text does
#: not state) or "AMENDMENT_ID:ARTICLE" (that article) -> the date it applies from
Assumptions = Mapping[str, dt.date]


def amendment_order(amendment: Amendment) -> tuple[Any, ...]:
    """The sort key of an amendment among those of its convention."""
    dates = amendment.dates
    first = dates.approved or dates.issued or dates.signed or amendment.in_force.date
    return (amendment.ordinal is None, amendment.ordinal or 0, first or dt.date.max, amendment.id)


@dataclass(frozen=True)
class ScheduledOperation:
    #: the date it applies from; None when nobody knows it (see `in_force`)
    date: dt.date | None
    #: where the date comes from: "the operation", "article 4 of the amendment", "the amendment"
    date_source: str
    amendment: Amendment
    article: AmendmentArticle
    article_index: int
    op_index: int
    op: Operation
    #: the date with its standing: stated (the words), assumed (why, who), unknown
    in_force: InForce

    @property
    def loc(self) -> tuple[str | int, ...]:
        """Where the operation stands in its amendment's file."""
        return ("articles", self.article_index, "operations", self.op_index)

    @property
    def label(self) -> str:
        return f"{self.amendment.id}, article {self.article.num}"


def effective_date(
    amendment: Amendment, article: AmendmentArticle, op: Operation
) -> tuple[InForce, str]:
    """The operation's own date, else the one an entry-into-force clause of the
    amendment gives its article (stated by that clause's words), else the
    amendment's; with where it comes from."""
    if op.in_force:
        return op.in_force, "the operation"
    for clause_article in amendment.articles:
        for clause in clause_article.entry_into_force:
            if article.num in clause.articles:
                stated = stated_by_clause(clause.date, clause_article.text.fr, clause_article.num)
                return stated, f"article {clause_article.num} of the amendment"
    return amendment.in_force, "the amendment"


def _assumed(
    amendment: Amendment, article: AmendmentArticle, found: InForce, assume: Assumptions
) -> InForce:
    """The user's assumption for this article, if any, in place of a date the text
    does not state."""
    for key in (f"{amendment.id}:{article.num}", amendment.id):
        if key in assume and found.standing != "stated":
            return assumed_by_user(assume[key])
    return found


def schedule(
    amendments: list[Amendment], assume: Assumptions | None = None
) -> list[ScheduledOperation]:
    """All operations in replay order: entry into force, then amendment order,
    then their order inside the amendment; those whose date is unknown last."""
    assume = assume or {}
    ordered = sorted(amendments, key=amendment_order)
    items: list[tuple[tuple, ScheduledOperation]] = []
    for rank, amendment in enumerate(ordered):
        for ai, article in enumerate(amendment.articles):
            for oi, op in enumerate(article.operations):
                found, source = effective_date(amendment, article, op)
                found = _assumed(amendment, article, found, assume)
                if found.decided_by == USER:
                    source = "the user"
                date = found.date
                item = ScheduledOperation(date, source, amendment, article, ai, oi, op, found)
                items.append(((date is None, date or dt.date.max, rank, ai, oi), item))
    items.sort(key=lambda pair: pair[0])
    return [item for _, item in items]
