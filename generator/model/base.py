"""The one base class every corpus model shares: strict, closed, immutable."""

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Unknown fields are errors (a typo must never be ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)
