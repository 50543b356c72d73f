"""Billing pseudocodes: six digits, the last being the first five modulo 7."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import AfterValidator, BeforeValidator, Field

from generator.model.base import Strict
from generator.model.text import I18nText


def check_digit_problem(code: str) -> str | None:
    """Why `code` is not a valid pseudocode, or None when it is."""
    if len(code) != 6 or not code.isdigit():
        return f"pseudocode {code!r} must be exactly six digits"
    expected = int(code[:5]) % 7
    if int(code[5]) != expected:
        return (
            f"pseudocode {code} has a wrong check digit: {code[:5]} modulo 7 is {expected}, "
            f"so the code should end in {expected}"
        )
    return None


def _as_text(value: object) -> object:
    # YAML reads 792514 as a number; a code is text.
    return str(value) if isinstance(value, int) and not isinstance(value, bool) else value


def _valid(code: str) -> str:
    problem = check_digit_problem(code)
    if problem:
        raise ValueError(problem)
    return code


Pseudocode = Annotated[str, BeforeValidator(_as_text), AfterValidator(_valid)]

Care = Literal["SPPL", "SPS", "post-covid", "cost-centre", "other"]
Service = Literal[
    "individual",
    "group",
    "community-group",
    "consultation",
    "knowledge-sharing",
    "care-pathway",
    "bonus",
    "cost",
]


class RegistryEntry(Strict):
    """What a pseudocode is, beyond its description: the attributes computations need."""

    code: Pseudocode
    care: Care
    service: Service
    outreach: bool = False
    without_personal_contribution: bool = False
    #: who leads a group session: "psychologist+other", "two-psychologists-or-doctor",
    #: "psychologist-only-reimbursed", or the supervision of a community group
    group_composition: str | None = None
    practice_bonus_volume: bool = False
    practice_bonus_outreach: bool = False
    label: I18nText | None = None
    note: str | None = None


class CodeRegistry(Strict):
    type: Literal["code-registry"]
    id: str
    title: I18nText
    codes: Annotated[list[RegistryEntry], Field(min_length=1)]
