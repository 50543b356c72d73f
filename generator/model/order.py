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

The corpus lists amendments in amendment order, consolidation replays in
replay order, and the history of versions is replay order grouped by date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from generator.model.documents import Amendment, AmendmentArticle, Operation


def amendment_order(amendment: Amendment) -> tuple[Any, ...]:
    """The sort key of an amendment among those of its convention."""
    dates = amendment.dates
    first = dates.approved or dates.issued or dates.signed or amendment.in_force
    return (amendment.ordinal is None, amendment.ordinal or 0, first, amendment.id)


@dataclass(frozen=True)
class ScheduledOperation:
    date: dt.date
    #: where the date comes from: "the operation", "article 4 of the amendment", "the amendment"
    date_source: str
    amendment: Amendment
    article: AmendmentArticle
    article_index: int
    op_index: int
    op: Operation

    @property
    def loc(self) -> tuple[str | int, ...]:
        """Where the operation stands in its amendment's file."""
        return ("articles", self.article_index, "operations", self.op_index)

    @property
    def label(self) -> str:
        return f"{self.amendment.id}, article {self.article.num}"


def effective_date(
    amendment: Amendment, article: AmendmentArticle, op: Operation
) -> tuple[dt.date, str]:
    """The operation's own date, else the one an entry-into-force clause of the
    amendment gives its article, else the amendment's."""
    if op.in_force:
        return op.in_force, "the operation"
    for clause_article in amendment.articles:
        for clause in clause_article.entry_into_force:
            if article.num in clause.articles:
                return clause.date, f"article {clause_article.num} of the amendment"
    return amendment.in_force, "the amendment"


def schedule(amendments: list[Amendment]) -> list[ScheduledOperation]:
    """All operations in replay order: entry into force, then amendment order,
    then their order inside the amendment."""
    ordered = sorted(amendments, key=amendment_order)
    items: list[tuple[tuple, ScheduledOperation]] = []
    for rank, amendment in enumerate(ordered):
        for ai, article in enumerate(amendment.articles):
            for oi, op in enumerate(article.operations):
                date, source = effective_date(amendment, article, op)
                item = ScheduledOperation(date, source, amendment, article, ai, oi, op)
                items.append(((date, rank, ai, oi), item))
    items.sort(key=lambda pair: pair[0])
    return [item for _, item in items]
