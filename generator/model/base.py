"""The one base class every corpus model shares: strict, closed, immutable;
and how to find the model a field holds."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict


class Strict(BaseModel):
    """Unknown fields are errors (a typo must never be ignored)."""

    model_config = ConfigDict(extra="forbid", frozen=True, coerce_numbers_to_str=True)


def inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model a field's type holds, through lists, optionals and
    annotations (`list[Provision]`, `Closing | None`); None for plain values
    (and for a union of several models, the first)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()) or ():
        found = inner_model(arg)
        if found is not None:
            return found
    origin = getattr(annotation, "__origin__", None)
    if origin is not None and origin is not annotation:
        return inner_model(origin)
    return None


def field_model(model: type[BaseModel] | None, name: str) -> type[BaseModel] | None:
    """The model the field `name` of `model` holds (None: not a model, or no such field)."""
    info = model.model_fields.get(name) if model is not None else None
    return inner_model(info.annotation) if info is not None else None
