"""The naive way to replay amendments, as a yardstick for the engine.

For every operation the whole convention model is copied, the target is
found by walking the copied tree from the top and computing each provision's
address on the way, and the copy's lists are edited.  Nothing is indexed and
nothing is shared between operations: the cost of one operation grows with the
size of the whole convention, where the engine pays a dictionary look-up and a
sibling-list edit.  Two ways of copying:

- "serialise" (the default): the convention is re-serialised to plain data
  (`model_dump()`, itself a deep copy), edited, and validated back into a
  `Convention` (`model_validate`), so that every step is again a valid model;
- "copy": `model_copy(deep=True)` and the copy's lists edited in place (about
  twice as slow as "serialise" with pydantic 2, so "serialise" is the
  conservative yardstick).

It handles what the synthetic amendments use (insert after/before/into,
replace, repeal, of numbered provisions and of annexes), orders operations
with the engine's own `schedule` (the ordering is not what is compared), and
drops a repealed provision where the engine keeps it marked as repealed; the
comparison is therefore made on the provisions in force.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any, Literal

from generator.consolidation.engine import Consolidation
from generator.consolidation.tree import Node
from generator.model import addresses
from generator.model.documents import Amendment, Convention
from generator.model.order import ScheduledOperation, schedule

Mode = Literal["serialise", "copy"]


class NaiveReplayError(Exception):
    pass


def _get(item: Any, name: str) -> Any:
    """A field of a model or of its serialised form (a dict)."""
    return item[name] if isinstance(item, dict) else getattr(item, name)


def _walk(provisions: list[Any], parent: str | None) -> Iterator[tuple[str, list[Any], int]]:
    """(address, the list holding it, its index) for every provision, top-down."""
    counts: dict[str, int] = {}
    for i, provision in enumerate(provisions):
        kind = _get(provision, "kind")
        counts[kind] = counts.get(kind, 0) + 1
        step = addresses.component(kind, _get(provision, "num"), counts[kind])
        eid = addresses.join(parent, step)
        yield eid, provisions, i
        yield from _walk(_get(provision, "children"), eid)


def _find(work: Any, eid: str) -> tuple[list[Any], int]:
    """The list holding `eid` and its index, by a linear search of the tree."""
    if eid.startswith("annex_"):
        annexes = _get(work, "annexes")
        for i, annex in enumerate(annexes):
            if addresses.component("annex", _get(annex, "num"), 0) == eid:
                return annexes, i
    else:
        for found, siblings, i in _walk(_get(work, "articles"), None):
            if found == eid:
                return siblings, i
    raise NaiveReplayError(f"{eid} not found")


def _content(item: ScheduledOperation, mode: Mode) -> Any:
    op = item.op
    if op.annex is not None:
        content: Any = next(a for a in item.amendment.annexes if a.num == op.annex)
    else:
        assert op.provision is not None
        content = op.provision
    return content.model_dump() if mode == "serialise" else content.model_copy(deep=True)


def apply(convention: Convention, item: ScheduledOperation, mode: Mode = "serialise") -> Convention:
    """A new convention: a full copy of `convention` with the operation applied."""
    work: Any = convention.model_dump() if mode == "serialise" else convention.model_copy(deep=True)
    op = item.op
    if op.action == "insert":
        if op.into:
            if op.into in ("articles", "annexes"):
                siblings = _get(work, op.into)
            else:
                holder, i = _find(work, op.into)
                siblings = _get(holder[i], "children")
            siblings.append(_content(item, mode))
        else:
            siblings, i = _find(work, op.after or op.before or "")
            siblings.insert(i + 1 if op.after else i, _content(item, mode))
    elif op.action == "replace":
        siblings, i = _find(work, op.target or "")
        siblings[i] = _content(item, mode)
    else:
        siblings, i = _find(work, op.target or "")
        del siblings[i]
    return Convention.model_validate(work) if mode == "serialise" else work


def naive_consolidate(
    convention: Convention,
    amendments: list[Amendment],
    at: dt.date | None = None,
    mode: Mode = "serialise",
) -> Convention:
    current = convention
    for item in schedule(amendments):
        if at is not None and item.date > at:
            continue
        current = apply(current, item, mode)
    return current


def naive_in_force(convention: Convention) -> list[tuple[str, str | None]]:
    """(address, French text) of every provision, then of every annex (its heading)."""
    result = [
        (eid, siblings[i].text.fr if siblings[i].text else None)
        for eid, siblings, i in _walk(convention.articles, None)
    ]
    for annex in convention.annexes:
        result.append((f"annex_{addresses.num_token(annex.num)}", _annex_key(annex)))
    return result


def engine_in_force(result: Consolidation) -> list[tuple[str, str | None]]:
    """The same list from the engine's consolidation (repealed provisions left out)."""

    def walk(node: Node) -> Iterator[tuple[str, str | None]]:
        for child in node.children:
            if child.repealed:
                continue
            provision = child.provision
            yield child.eid, provision.text.fr if provision and provision.text else None
            yield from walk(child)

    found = list(walk(result.articles))
    for node in result.annexes.children:
        if not node.repealed:
            found.append((node.eid, _annex_key(node.annex)))
    return found


def _annex_key(annex) -> str:
    return " | ".join(row.code for row in annex.rows)
