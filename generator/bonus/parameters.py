"""The parameters of article 14/1 in force for a bonus year, with where each one
stands in the corpus (to cite it) and the declared readings next to them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import pairwise
from typing import Any

from generator.consolidation.engine import consolidate
from generator.consolidation.tree import Node
from generator.errors import ConventioError
from generator.model.parameters import (
    AmountParameter,
    CodeListParameter,
    DateParameter,
    PercentageParameter,
    PeriodParameter,
    ReadingParameter,
)
from generator.rendering.provisions import change_words

#: the convention whose article 14/1 defines the bonus INAMI pays to the networks
CONVENTION = "inami-network-2021"
#: the article's address in that convention
ARTICLE = "art_14-1"
PREFIX = "practice_bonus_"

#: the readings conventio knows how to compute, per declared assumption
READINGS: dict[str, tuple[str, ...]] = {
    "outreach_basis": ("sessions", "euros"),
    "rounding": ("half-up-cent-at-payment",),
    "tie": ("lowest-network-id",),
    "no_convention": ("list-unpaid",),
    "cap": ("sum",),
}


@dataclass(frozen=True)
class Cited:
    """A parameter and where it stands: the amendment that wrote it, the provision's
    address and human name (« article 14/1, alinéa 4, 3), alinéa 1 »)."""

    parameter: Any
    document: str
    eid: str
    human: str

    @property
    def address(self) -> str:
        return f"{self.document} › {self.eid} › {self.parameter.id}"

    @property
    def label(self) -> str:
        return self.parameter.label


@dataclass(frozen=True)
class BonusParameters:
    year: int
    at: dt.date
    cited: dict[str, Cited]
    #: the article as in force: its human name, who inserted or replaced it, and each
    #: provision's human name after the one that holds a parameter (to cite a rule
    #: the text states without a number, such as the paying network)
    article: str = "article 14/1"
    changed_by: str | None = None
    next_provision: dict[str, str] = field(default_factory=dict)

    def after(self, name: str) -> str:
        """The provision following the one that holds parameter `name`."""
        cited = self.cite(name)
        return self.next_provision.get(cited.eid, cited.human)

    def _get(self, name: str, kind: type) -> Any:
        cited = self.cited.get(PREFIX + name)
        if cited is None or not isinstance(cited.parameter, kind):
            raise ConventioError(
                f"article 14/1 in force on {self.at} has no {kind.__name__} parameter "
                f"{PREFIX + name!r}; the bonus cannot be computed from it"
            )
        return cited.parameter

    def cite(self, name: str) -> Cited:
        self._get(name, object)
        return self.cited[PREFIX + name]

    @property
    def period(self) -> tuple[dt.date, dt.date]:
        p = self._get("reference_period", PeriodParameter)
        return p.start, p.end

    @property
    def data_deadline(self) -> dt.date:
        return self._get("data_deadline", DateParameter).value

    @property
    def payment_deadline(self) -> dt.date:
        return self._get("payment_deadline", DateParameter).value

    def amount(self, name: str) -> Decimal:
        return self._get(name, AmountParameter).value

    def percentage(self, name: str) -> Decimal:
        return self._get(name, PercentageParameter).value

    def codes(self, name: str) -> list[str]:
        return list(self._get(name, CodeListParameter).codes)

    def reading(self, name: str) -> str:
        value = self._get(name, ReadingParameter).value
        if value not in READINGS.get(name, ()):
            known = ", ".join(READINGS.get(name, ()))
            raise ConventioError(
                f"the declared assumption {PREFIX + name} reads {value!r}; conventio computes "
                f"the bonus with: {known}"
            )
        return value

    @property
    def readings(self) -> list[Cited]:
        return [c for c in self.cited.values() if isinstance(c.parameter, ReadingParameter)]

    def values(self) -> dict[str, Any]:
        """Every parameter as plain data (for a JSON result)."""
        return {
            key: {
                **c.parameter.model_dump(mode="json", exclude_none=True),
                "address": c.address,
                "provision": c.human,
            }
            for key, c in self.cited.items()
        }


def bonus_parameters(corpus, year: int) -> BonusParameters:
    """Article 14/1 as in force on 31 December of `year`, and its parameters.

    The article must define the bonus of that year: its reference period ends in it."""
    at = dt.date(year, 12, 31)
    convention = corpus.get(CONVENTION)
    result = consolidate(convention, corpus.amendments_of(CONVENTION), at)
    article = result.index.get(ARTICLE)
    if article is None or article.repealed:
        raise ConventioError(
            f"no article 14/1 is in force on {at} in {CONVENTION}: there is no practice "
            f"bonus for {year} in the corpus"
        )
    cited = _collect(article)
    # « Insertion par l'article 1er du sixième avenant …, en vigueur le 25 septembre 2023
    # (date présumée : approbation par le Comité) »: the instrument and its date's standing
    changed_by = change_words(article.change, "fr") if article.change else None
    params = BonusParameters(year, at, cited, article.human, changed_by, _following(article))
    if params.period[1].year != year:
        raise ConventioError(
            f"article 14/1 in force on {at} defines the practice bonus of "
            f"{params.period[1].year} (reference period {params.period[0]} - "
            f"{params.period[1]}), not of {year}"
        )
    _check_shares(params)
    return params


def _collect(article: Node) -> dict[str, Cited]:
    """Each parameter with the provision that holds it, and the amendment that wrote
    that provision (the nearest change up the tree: an inserted article carries it)."""
    cited: dict[str, Cited] = {}

    def visit(node: Node, document: str) -> None:
        if node.repealed:
            return
        document = node.change.amendment if node.change else document
        if node.provision is not None:
            for parameter in node.provision.parameters:
                cited[parameter.id] = Cited(parameter, document, node.eid, node.human)
        for child in node.children:
            visit(child, document)

    visit(article, CONVENTION)
    return cited


def _following(article: Node) -> dict[str, str]:
    found: dict[str, str] = {}
    for node in article.walk():
        live = [c for c in node.children if not c.repealed]
        for before, after in pairwise(live):
            found[before.eid] = after.human
    return found


def _check_shares(p: BonusParameters) -> None:
    """The parts' maxima are the article's shares of the maximum (80 % of 1,000 is
    800): a corpus that disagrees with itself is refused, not computed."""
    hundred = Decimal(100)
    for share, part in (("volume_share", "volume_max"), ("innovation_share", "outreach_max")):
        expected = p.amount("max") * p.percentage(share) / hundred
        if expected != p.amount(part):
            raise ConventioError(
                f"article 14/1: {PREFIX + part} ({p.amount(part)}) is not {PREFIX + share} "
                f"({p.percentage(share)} %) of {PREFIX}max ({p.amount('max')})"
            )
    outreach, volume = p.codes("outreach_codes"), set(p.codes("volume_codes"))
    if p.reading("outreach_basis") and not set(outreach) <= volume:
        missing = ", ".join(c for c in outreach if c not in volume)
        raise ConventioError(
            f"article 14/1: the outreach codes {missing} are not among the volume codes; "
            "the declared reading counts outreach sessions among the volume's sessions"
        )
