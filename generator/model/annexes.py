"""Annexes: the pseudocode tables attached to conventions and amendments."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from generator.model.base import Strict
from generator.model.pseudocodes import Pseudocode
from generator.model.text import I18nText


class AnnexRow(Strict):
    code: Pseudocode
    description: I18nText


class Abbreviation(Strict):
    abbr: str
    meaning: I18nText


class Annex(Strict):
    """An annex. A pseudocode list has `rows`; one known only by citation is
    `declared_only`."""

    #: "1" for "Annexe 1"; the address is `annex_1`
    num: str
    #: the heading exactly as printed ("Annexe 1 : liste des pseudocodes")
    heading: I18nText | None = None
    columns: list[I18nText] = Field(default_factory=list)
    rows: list[AnnexRow] = Field(default_factory=list)
    notes: list[I18nText] = Field(default_factory=list)
    abbreviations: list[Abbreviation] = Field(default_factory=list)
    declared_only: bool = False
    note: str | None = None

    @model_validator(mode="after")
    def _shape(self) -> Annex:
        if self.declared_only and self.rows:
            raise ValueError("an annex marked 'declared_only' has no rows in the corpus")
        if not self.declared_only and not (self.rows and self.heading):
            raise ValueError(
                "an annex needs its 'heading' and 'rows' (or 'declared_only: true' when "
                "its content is not in the corpus)"
            )
        return self


class CodeTable(Strict):
    """A list of pseudocodes that a document gives outside an annex (the
    cost centres of article 13 in the note of 25 April 2022)."""

    id: Annotated[str, Field(pattern=r"^[a-z][a-z0-9_-]*$")]
    heading: I18nText
    rows: Annotated[list[AnnexRow], Field(min_length=1)]
    notes: list[I18nText] = Field(default_factory=list)
