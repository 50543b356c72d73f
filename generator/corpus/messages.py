"""Pydantic's validation errors, said in words a non-programmer can act on."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from generator.errors import Problem
from generator.model.base import field_model
from generator.yamlsource import Loc, YamlSource


def _field_name(loc: Loc) -> str:
    named = [str(part) for part in loc if isinstance(part, str)]
    return named[-1] if named else "this value"


def describe_loc(loc: Loc) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts.append(f"[{part + 1}]")
        else:
            parts.append(("." if parts else "") + part)
    return "".join(parts)


def _fields_of(model: type[BaseModel], loc: Loc) -> list[str]:
    """The field names allowed at `loc` (best effort, for 'did you mean')."""
    current: Any = model
    for part in loc:
        if isinstance(part, int) or not (
            isinstance(current, type) and issubclass(current, BaseModel)
        ):
            continue
        if part not in current.model_fields:
            return []
        current = field_model(current, part)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _data_loc(raw: tuple[Any, ...], data: Any) -> Loc:
    """Pydantic's location without the names it adds for unions and validators
    (`parameters.1.amount.value` is `parameters.1.value` in the file)."""
    loc: list[str | int] = []
    current = data
    for part in raw:
        if isinstance(part, int):
            loc.append(part)
            current = current[part] if isinstance(current, list) and part < len(current) else None
        elif isinstance(current, dict) and part in current:
            loc.append(part)
            current = current[part]
        elif "[" in part or (isinstance(current, dict) and current.get("type") == part):
            continue
        else:
            loc.append(part)
            current = None
    return tuple(loc)


def explain(error: dict[str, Any], model: type[BaseModel], data: Any) -> tuple[Loc, str]:
    """Location and plain message for one pydantic error."""
    loc = _data_loc(tuple(error["loc"]), data)
    kind = error["type"]
    name = _field_name(loc)
    where = describe_loc(loc)
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return loc[:-1], f"missing field {name!r} (in {describe_loc(loc[:-1]) or 'the file'})"
    if kind == "extra_forbidden":
        allowed = _fields_of(model, loc[:-1])
        close = difflib.get_close_matches(name, allowed, n=1)
        hint = (
            f"; did you mean {close[0]!r}?"
            if close
            else (f"; allowed here: {', '.join(allowed)}" if allowed else "")
        )
        return loc, f"unknown field {name!r}{hint}"
    if kind in (
        "date_type",
        "date_parsing",
        "date_from_datetime_parsing",
        "date_from_datetime_inexact",
    ):
        return loc, f"{where} must be a date written YYYY-MM-DD"
    if kind in ("literal_error", "enum"):
        return loc, f"{where} must be one of {ctx.get('expected', 'the allowed values')}"
    if kind == "union_tag_invalid":
        return (
            loc,
            f"{where}: unknown type {ctx.get('tag')!r}; expected one of {ctx.get('expected_tags')}",
        )
    if kind == "union_tag_not_found":
        return loc, f"{where} needs a field {ctx.get('discriminator', 'type')}"
    if kind in ("string_type", "str_type"):
        return loc, f"{where} must be a text"
    if kind in ("bool_type", "bool_parsing"):
        return loc, f"{where} must be true or false"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return loc, f"{where} must be a whole number"
    if kind in ("decimal_type", "decimal_parsing"):
        return loc, f"{where} must be a number such as 1000.00"
    if kind in ("list_type",):
        return loc, f"{where} must be a list (lines starting with '- ')"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return loc, f"{where} must be a block of fields (key: value lines)"
    if kind == "too_short":
        return loc, f"{where} must not be empty"
    if kind == "string_pattern_mismatch":
        return loc, f"{where} has a wrong form (expected the pattern {ctx.get('pattern')})"
    message = str(error.get("msg", "invalid value"))
    message = message.removeprefix("Value error, ")
    return loc, f"{where}: {message}" if where else message


def validation_problems(
    exc: ValidationError, model: type[BaseModel], src: YamlSource
) -> list[Problem]:
    problems = []
    for error in exc.errors(include_url=False):
        loc, message = explain(error, model, src.data)
        problems.append(src.problem(loc, message))
    return sorted(set(problems))
