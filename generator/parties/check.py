"""Checking a party file: every problem, with its place, or a register.

check_parties(path) -> list[PartyProblem]     errors and warnings, sorted
load_parties(path)  -> PartyRegister          raises PartiesError on any error
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from generator.invisible import bidi_controls_in
from generator.parties import numbers
from generator.parties.model import BY_TYPE, LISTS, Network, Party, field_names, required_fields
from generator.parties.problems import PartiesError, PartyProblem, shown, sort_problems
from generator.parties.raw_tables import TYPE_COLUMN, RawFile, RawRow, RawTable
from generator.parties.readers import read_party_file
from generator.parties.register import PartyRegister, build_register

_ECHOED = ("kind", "language")  # fields whose wrong value the message repeats


def _allowed_hint(name: str, allowed: list[str]) -> str:
    close = difflib.get_close_matches(name, allowed, n=1)
    if close:
        return f"did you mean {shown(close[0])}?"
    return "allowed: " + ", ".join(allowed)


def _header_problems(table: RawTable, rows_kinds: set[str]) -> tuple[list[PartyProblem], set[str]]:
    """Unknown and missing columns, said once at the header row. Returns the
    problems and the missing columns (whose empty cells are not repeated per row)."""
    problems: list[PartyProblem] = []
    if table.kind is not None:
        models = [BY_TYPE[table.kind]]
        allowed = field_names(models[0])
    else:
        models = [BY_TYPE[k] for k in BY_TYPE if k in rows_kinds]
        allowed = [TYPE_COLUMN]
        for model in LISTS.values():
            allowed += [n for n in field_names(model) if n not in allowed]
    for name, cell in table.headers.items():
        if name not in allowed:
            problems.append(
                cell.problem(f"unknown column {shown(name)}; {_allowed_hint(name, allowed)}")
            )
    missing: set[str] = set()
    for model in models:
        for name in required_fields(model):
            if name not in table.headers and name not in missing:
                missing.add(name)
                needs = f"a {model.party_type}" if table.kind is None else "this sheet"
                problems.append(
                    table.where.problem(
                        f"missing column {name!r}: {needs} needs it "
                        f"(the columns are: {', '.join(field_names(model))})"
                    )
                )
    return problems, missing


def _explain(error: dict[str, Any], row: RawRow) -> tuple[str, str]:
    """(field, message) for one pydantic error, never repeating a number."""
    loc = error["loc"]
    name = str(loc[0]) if loc else "id"
    item = f", item {loc[1] + 1}" if len(loc) > 1 and isinstance(loc[1], int) else ""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    message = str(error.get("msg", "invalid value")).removeprefix("Value error, ")
    if kind == "missing":
        return name, f"empty cell: {name} is required for a {row.kind}"
    if kind == "extra_forbidden":
        allowed = field_names(BY_TYPE[row.kind]) if row.kind else []
        return name, f"unknown field {shown(name)}; {_allowed_hint(name, allowed)}"
    if row.values.get(name) is None and not item:
        return name, f"{name} is empty"
    if kind == "literal_error":
        typed = row.values.get(name)
        said = f" (it is {shown(typed)})" if name in _ECHOED and typed is not None else ""
        return name, f"{name} must be one of {ctx.get('expected', 'the allowed values')}{said}"
    if kind == "value_error":
        if message.startswith("is empty"):
            return name, f"{name}{item} {message}"
        return name, f"{name}{item}: {message}"
    if kind in ("string_type", "str_type"):
        return name, f"{name}{item} must be a text"
    if kind in ("bool_type", "bool_parsing"):
        return name, f"{name} must be true or false"
    if kind in ("tuple_type", "list_type"):
        return name, f"{name} must be a list of network ids (in a cell: net-01; net-02)"
    if kind == "too_short":
        return name, f"{name} is empty: give at least one network id"
    return name, f"{name}{item}: {message}"


def _validate(
    row: RawRow, table: RawTable, skip_missing: set[str]
) -> tuple[Party | None, list[PartyProblem]]:
    model = BY_TYPE[row.kind]  # type: ignore[index]
    problems: list[PartyProblem] = []
    values = row.values
    if table.tabular:
        own = set(field_names(model))
        values = {}
        for name, value in row.values.items():
            if name in own:
                values[name] = value
            elif table.kind is None and name in _all_fields():
                problems.append(
                    row.cell(name).problem(
                        f"the column {name!r} does not apply to a {row.kind} "
                        f"(a {row.kind} has: {', '.join(field_names(model))})"
                    )
                )
    reordering = _bidi_problems(row, values)
    problems += reordering
    try:
        party = model.model_validate(values)
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_input=False)
        missing = [str(e["loc"][0]) for e in errors if e["type"] == "missing" and e["loc"]]
        if missing and not table.tabular:
            names = ", ".join(repr(name) for name in missing)
            plural = "s" if len(missing) > 1 else ""
            problems.append(
                row.where.problem(f"missing field{plural} {names} (required for a {row.kind})")
            )
        for error in errors:
            if error["type"] == "missing" and (
                not table.tabular or error["loc"][0] in skip_missing
            ):
                continue
            name, message = _explain(error, row)
            problems.append(row.cell(name).problem(message))
        return None, problems
    problems += _party_rules(party, row)
    return (None if reordering else party), problems


def _bidi_problems(row: RawRow, values: dict[str, Any]) -> list[PartyProblem]:
    """Direction controls (U+202E ...) make a signed text show other than it
    holds: refused in every field, the field named, the value never repeated."""
    problems = []
    for name, value in values.items():
        texts = value if isinstance(value, list | tuple) else [value]
        found = [c for text in texts if isinstance(text, str) for c in bidi_controls_in(text)]
        if found:
            problems.append(
                row.cell(name).problem(
                    f"{name} contains {', '.join(dict.fromkeys(found))}: an invisible character "
                    "that changes the order in which text is shown; retype the value without it"
                )
            )
    return problems


def _all_fields() -> set[str]:
    return {name for model in LISTS.values() for name in field_names(model)}


def _party_rules(party: Party, row: RawRow) -> list[PartyProblem]:
    problems = []
    inami = getattr(party, "inami", None)
    if inami is not None and not numbers.inami_check_ok(inami):
        if party.verified_by_hand:
            problems.append(
                row.cell("inami").problem(
                    "inami: the check digits do not follow the usual rule; accepted "
                    "because the party is verified_by_hand",
                    "warning",
                )
            )
        else:
            problems.append(
                row.cell("inami").problem(
                    "inami: the INAMI number is not valid (its check digits, the 7th and "
                    "8th, do not match the first six); if the number is right, mark the "
                    "party verified_by_hand: true"
                )
            )
    if isinstance(party, Network):
        problems += [row.cell(name).problem(message) for name, message in party.rule_problems()]
    return problems


def _read(path: Path | str) -> tuple[PartyRegister, list[PartyProblem]]:
    path = Path(path)
    raw: RawFile = read_party_file(path)
    problems = list(raw.problems)
    entries = []
    unread: dict[str, str] = {}
    seen: dict[str, tuple[RawRow, bool]] = {}  # id -> first row with it, and if it was read
    for table in raw.tables:
        skip: set[str] = set()
        if table.tabular:
            kinds = {row.kind for row in table.rows if row.kind}
            header, skip = _header_problems(table, kinds)  # type: ignore[arg-type]
            problems += header
        for row in table.rows:
            party, found = _validate(row, table, skip) if row.kind else (None, [])
            problems += found
            if party is not None:
                entries.append((party, row))
            party_id = row.values.get("id")
            if not isinstance(party_id, str):
                continue
            party_id = party_id.strip()
            if party is None:
                unread.setdefault(party_id, row.kind or "?")
            if party_id in seen:
                problems += _duplicate(party_id, row, party is not None, *seen[party_id])
            else:
                seen[party_id] = (row, party is not None)
    register = build_register(entries, raw.display)
    problems += register.check(unread)
    if len(register) == 0 and not any(p.is_error for p in problems):
        problems.append(
            PartyProblem(raw.display, 1, 1, "the file holds no party (no row under the headers)")
        )
    return register, sort_problems(problems)


def _duplicate(
    party_id: str, row: RawRow, read: bool, first: RawRow, first_read: bool
) -> list[PartyProblem]:
    """A duplicate id where one of the two entries could not be read (the
    register reports the duplicates among the parties it holds)."""
    if read and first_read:
        return []
    here = row.cell("id")
    where = first.cell("id").seen_from(here)
    what = f"the {first.kind}" if first.kind else "an entry"
    return [here.problem(f"duplicate id {shown(party_id)}: already the id of {what} at {where}")]


def check_parties(path: Path | str) -> list[PartyProblem]:
    """Every problem of a party file (errors and warnings), in file order."""
    return _read(path)[1]


def load_parties(path: Path | str) -> PartyRegister:
    """The register of a party file; PartiesError (a ConventioError) listing
    every problem if there is any error. Warnings are kept in `.warnings`."""
    register, problems = _read(path)
    if any(p.is_error for p in problems):
        raise PartiesError(problems, str(path))
    register.warnings = problems
    return register


def check_report(path: Path | str) -> tuple[bool, str]:
    """What `conventio parties check` prints: every problem, then a summary."""
    register, problems = _read(path)
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    lines = [str(p) for p in problems]
    counts = ""
    if len(register) and not errors:
        counts = ", ".join(
            f"{n} {name if n != 1 else name.removesuffix('s')}"
            for name, n in register.counts().items()
        )
        counts += "; "
    summary = (
        f"{errors} error{'s' if errors != 1 else ''}, "
        f"{warnings} warning{'s' if warnings != 1 else ''}"
    )
    verdict = "parties OK" if errors == 0 else "parties NOT OK"
    lines.append(f"{verdict}: {path}: {counts}{summary}")
    return errors == 0, "\n".join(lines)
