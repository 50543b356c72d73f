"""The text units of a document: every `I18nText` it holds, each with a stable id
and an address a reader understands.

A unit's id is the path of its mapping in the document's YAML, keys and list
indexes joined by '/' (`articles/0/operations/0/provision/text`): mechanical and
stable as long as the French document keeps its structure. Its address says where
it is in the words of the law, from the provision's address
(generator/model/addresses.py) where there is one: `art_14-1 text`,
`annex_1 row 792514`, `art_13 footnote 1`; elsewhere the YAML path
(`recitals[2]`)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from generator.model import addresses
from generator.model.annexes import Abbreviation, Annex, AnnexRow, CodeTable
from generator.model.documents import AmendmentArticle, Operation
from generator.model.provisions import Footnote, Provision
from generator.model.text import I18nText

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class TextUnit:
    """One text of a document, in all its languages."""

    #: `articles/0/operations/0/provision/text`
    id: str
    #: the same path as YAML keys and indexes (for ruamel and for messages)
    loc: Loc
    text: I18nText
    #: where it is, for messages: `art_14-1 text`, `annex_1 row 792514`, `recitals[2]`
    address: str

    def translation(self, lang: str) -> str | None:
        return self.text.get(lang)


def unit_id(loc: Loc) -> str:
    return "/".join(str(part) for part in loc)


def text_units(document: BaseModel) -> list[TextUnit]:
    """Every text unit of `document`, in the order its YAML writes them."""
    return list(_walk(document, (), None))


def units_by_id(document: BaseModel) -> dict[str, TextUnit]:
    return {unit.id: unit for unit in text_units(document)}


def document_units(corpus: Any, doc_id: str) -> list[TextUnit]:
    """The text units of the corpus document `doc_id` (a plain error if none)."""
    return text_units(corpus.get(doc_id))


def _path_address(loc: Loc) -> str:
    shown = ""
    for part in loc:
        shown += f"[{part + 1}]" if isinstance(part, int) else ("." if shown else "") + part
    return shown


def _walk(value: Any, loc: Loc, where: str | None) -> Iterator[TextUnit]:
    if isinstance(value, I18nText):
        last_field = max(i for i, p in enumerate(loc) if isinstance(p, str)) if loc else 0
        named = _path_address(loc[last_field:])
        address = f"{where} {named}" if where else _path_address(loc)
        yield TextUnit(unit_id(loc), loc, value, address)
    elif isinstance(value, list):
        yield from _walk_list(value, loc, where)
    elif isinstance(value, BaseModel):
        where = _model_address(value, where)
        for name in type(value).model_fields:
            yield from _walk(getattr(value, name), (*loc, name), where)


def _walk_list(items: list[Any], loc: Loc, where: str | None) -> Iterator[TextUnit]:
    counts: dict[str, int] = {}
    for i, item in enumerate(items):
        here = where
        if isinstance(item, Provision):
            counts[item.kind] = counts.get(item.kind, 0) + 1
            step = addresses.component(item.kind, item.num, counts[item.kind])
            here = addresses.join(where, step)
        yield from _walk(item, (*loc, i), here)


def _model_address(value: BaseModel, where: str | None) -> str | None:
    """The address of a model that has one of its own (an annex, a row, …)."""
    if isinstance(value, Annex):
        return addresses.component("annex", value.num, 0)
    if isinstance(value, CodeTable):
        return f"table {value.id}"
    if isinstance(value, AnnexRow):
        return f"{where} row {value.code}" if where else f"row {value.code}"
    if isinstance(value, Abbreviation):
        return f"{where} abbreviation {value.abbr}" if where else f"abbreviation {value.abbr}"
    if isinstance(value, Footnote):
        return f"{where} footnote {value.mark}" if where else f"footnote {value.mark}"
    if isinstance(value, AmendmentArticle):
        return f"amendment article {value.num}"
    if isinstance(value, Operation):
        return _operation_address(value, where)
    return where


def _operation_address(operation: Operation, where: str | None) -> str | None:
    """The address of an operation's new provision: the target it replaces, or its
    place where it is inserted."""
    if operation.target:
        return operation.target
    provision = operation.provision
    if provision is None:
        return where
    if operation.into:
        parent: str | None = operation.into
    else:
        anchor = operation.after or operation.before or ""
        parent = anchor.rpartition(addresses.SEPARATOR)[0] or None
    return addresses.join(parent, addresses.component(provision.kind, provision.num, 1))
