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


Parameter = Annotated[
    AmountParameter
    | PercentageParameter
    | CountParameter
    | DateParameter
    | PeriodParameter
    | CodeListParameter,
    Field(discriminator="type"),
]
