"""Values a provision states (amounts, rates, dates, periods, code lists), typed
so that later code can compute with them instead of parsing prose."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field, model_validator

from generator.model.base import Strict
from generator.model.pseudocodes import Pseudocode

Identifier = Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]*$")]


class _Parameter(Strict):
    id: Identifier
    label: str
    note: str | None = None


class AmountParameter(_Parameter):
    type: Literal["amount"]
    value: Decimal
    currency: Literal["EUR"] = "EUR"
    per: str | None = None


class PercentageParameter(_Parameter):
    type: Literal["percentage"]
    value: Decimal


class CountParameter(_Parameter):
    type: Literal["count"]
    value: int
    unit: str | None = None


class DateParameter(_Parameter):
    type: Literal["date"]
    value: dt.date


class PeriodParameter(_Parameter):
    type: Literal["period"]
    start: dt.date
    end: dt.date

    @model_validator(mode="after")
    def _ordered(self) -> PeriodParameter:
        if self.end < self.start:
            raise ValueError(f"the period ends ({self.end}) before it starts ({self.start})")
        return self


class CodeListParameter(_Parameter):
    type: Literal["codes"]
    codes: list[Pseudocode]
    #: the attribute of the code registry this list defines (checked to agree)
    registry_flag: str | None = None


class ReadingParameter(_Parameter):
    """A declared assumption: how conventio reads a point the text leaves open.

    Not the text's words: the corpus editors' reading, written next to the
    parameters it concerns so that a lawyer can see it, and change it, as data.
    `value` is the reading in one word that computations follow (each computation
    lists the words it understands); `question` is what the text does not say,
    `reading` the answer chosen, `reason` why it is the reading closest to the text."""

    type: Literal["reading"]
    value: Annotated[str, Field(pattern=r"^[a-z][a-z0-9-]*$")]
    question: str
    reading: str
    reason: str


Parameter = Annotated[
    AmountParameter
    | PercentageParameter
    | CountParameter
    | DateParameter
    | PeriodParameter
    | CodeListParameter
    | ReadingParameter,
    Field(discriminator="type"),
]
