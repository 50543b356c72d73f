"""A date's standing: what the sources say about it.

A lawyer must know, for every date conventio applies, whether the text states
it, whether someone assumed it (and why, and who), or whether nobody knows it.
`InForce` holds the date an amendment, or one of its operations, applies from,
with that standing:

- ``stated``: the text states the date; `words` quotes it (« L'article 1 entre
  en vigueur au 01/09/23 ») and `stated_in` says where (« article 4 »);
- ``assumed``: the sources give no date; `basis` is the short phrase a reader
  sees in the notes (« approbation par le Comité »), `reason` the explanation,
  `decided_by` who chose it;
- ``unknown``: no date, and `reason` says why. An operation whose date is unknown
  is never replayed silently (generator/consolidation/engine.py).
"""

from __future__ import annotations

import datetime as dt
from typing import Literal, get_args

from pydantic import ConfigDict, model_validator

from generator.model.base import Strict

Standing = Literal["stated", "assumed", "unknown"]
STANDINGS: tuple[str, ...] = get_args(Standing)

#: what each standing needs, and what it must not have
_NEEDS: dict[str, tuple[str, ...]] = {
    "stated": ("date", "words"),
    "assumed": ("date", "basis", "reason", "decided_by"),
    "unknown": ("reason",),
}
_FORBIDS: dict[str, tuple[str, ...]] = {
    "stated": ("basis", "decided_by"),
    "assumed": ("words", "stated_in"),
    "unknown": ("date", "words", "stated_in", "basis", "decided_by"),
}


class InForce(Strict):
    """The date from which an amendment (or one of its operations) applies,
    and what the sources say about it."""

    #: for editors: what each standing requires (the validator below says it too)
    model_config = ConfigDict(
        **Strict.model_config,
        json_schema_extra={
            "allOf": [
                {
                    "if": {"properties": {"standing": {"const": name}}},
                    "then": {"required": ["standing", *_NEEDS[name]]},
                }
                for name in STANDINGS
            ]
        },
    )

    standing: Standing
    date: dt.date | None = None
    #: stated: the words of the text that state the date, as printed
    words: str | None = None
    #: stated: where the text states it ("article 4")
    stated_in: str | None = None
    #: assumed: the short phrase a reader sees next to the date, in French like the
    #: corpus's other editorial words ("approbation par le Comité"); a plain text,
    #: not a text of the sources (those are I18nText, pinned against the seeds)
    basis: str | None = None
    #: assumed or unknown: why (stated: optional comment)
    reason: str | None = None
    #: assumed: who chose the date ("les rédacteurs du corpus conventio")
    decided_by: str | None = None

    @model_validator(mode="after")
    def _complete(self) -> InForce:
        missing = [name for name in _NEEDS[self.standing] if getattr(self, name) is None]
        if missing:
            raise ValueError(
                f"a date of standing {self.standing!r} needs " + ", ".join(map(repr, missing))
            )
        extra = [name for name in _FORBIDS[self.standing] if getattr(self, name) is not None]
        if extra:
            raise ValueError(
                f"a date of standing {self.standing!r} has no " + ", ".join(map(repr, extra))
            )
        return self

    @property
    def known(self) -> bool:
        return self.date is not None


#: who decides a date given with `--assume` (or `assume=` in the library)
USER = "l'utilisateur (option --assume)"
#: the phrase a reader sees next to such a date
USER_BASIS = "choisie par l'utilisateur"


def assumed_by_user(date: dt.date) -> InForce:
    """A date the user assumes, for a text whose date is unknown (or assumed)."""
    return InForce(
        standing="assumed",
        date=date,
        basis=USER_BASIS,
        reason="date given by the user when asking for the text (--assume)",
        decided_by=USER,
    )


def stated_by_clause(date: dt.date, words: str, article: str) -> InForce:
    """The date an entry-into-force clause of an amendment states."""
    return InForce(standing="stated", date=date, words=words, stated_in=f"article {article}")
