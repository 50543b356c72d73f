"""The consolidated text, or an amendment, as a JSON tree with addresses."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from generator.consolidation.engine import Consolidation
from generator.consolidation.tree import Node, build_provision
from generator.model.documents import Amendment, Convention
from generator.model.order import ScheduledOperation
from generator.rendering.citations import operation_citation
from generator.rendering.dates import dates_standing, standing_json
from generator.rendering.language import TextPicker, blank_slots
from generator.rendering.provisions import change_source, label_of


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def node_json(node: Node, pick: TextPicker) -> dict[str, Any]:
    data: dict[str, Any] = {"eid": node.eid, "address": node.human, "kind": node.kind}
    if node.num is not None:
        data["num"] = node.num
    if node.change is not None:
        c = node.change
        data["changed"] = {
            "action": c.action,
            "amendment": c.amendment,
            "article": c.article,
            "in_force": _plain(c.in_force),
            "cited_as": change_source(c, pick.lang, definite=False),
            "in_force_standing": standing_json(c.standing, pick.lang),
        }
    if node.repealed:
        data["repealed"] = True
        return data
    if node.declared_only:
        data["declared_only"] = True
    if node.annex is not None:
        annex = node.annex
        data["heading"] = pick(annex.heading, node.human) if annex.heading else None
        data["rows"] = [
            {"code": r.code, "description": pick(r.description, f"{node.human}, {r.code}")}
            for r in annex.rows
        ]
        data["notes"] = [pick(n, node.human) for n in annex.notes]
        data["abbreviations"] = {
            a.abbr: pick(a.meaning, f"{node.human}, {a.abbr}") for a in annex.abbreviations
        }
        return data
    provision = node.provision
    assert provision is not None
    data["label"] = label_of(provision, pick.lang)
    if provision.heading:
        data["heading"] = pick(provision.heading, node.human)
    if provision.text:
        data["text"] = blank_slots(pick(provision.text, node.human))
    if provision.footnotes:
        data["footnotes"] = {f.mark: pick(f.text, node.human) for f in provision.footnotes}
    if provision.parameters:
        data["parameters"] = [_plain(p.model_dump(exclude_none=True)) for p in provision.parameters]
    if provision.note:
        data["note"] = provision.note
    if node.children:
        data["children"] = [node_json(child, pick) for child in node.children]
    return data


def operation_json(
    item: ScheduledOperation, convention: Convention, lang: str = "fr"
) -> dict[str, Any]:
    """One scheduled operation: what it does, where, from when and on what
    standing, and the amendment article that carries it in words (`cited_as`)."""
    op = item.op
    return {
        "amendment": item.amendment.id,
        "article": item.article.num,
        "cited_as": operation_citation(item, convention, lang),
        "action": op.action,
        "target": op.target or op.after or op.before or op.into,
        "position": "after" if op.after else "before" if op.before else "into" if op.into else None,
        "in_force": item.date.isoformat() if item.date else None,
        "in_force_standing": standing_json(item.in_force, lang),
        "date_from": item.date_source,
        #: the amendment's approval date (None: the sources do not give it)
        "approved": _plain(item.amendment.dates.approved),
    }


def consolidation_json(result: Consolidation, lang: str = "fr") -> dict[str, Any]:
    pick = TextPicker(lang)
    convention = result.convention
    data = {
        "convention": {
            "id": convention.id,
            "kind": convention.kind,
            "title": blank_slots(pick(convention.title, "title")),
            "dates": _plain(convention.dates.model_dump(exclude={"notes"})),
            "dates_standing": dates_standing(convention.dates),
        },
        "at": result.at.isoformat() if result.at else None,
        "in_force": result.in_force,
        "language": lang,
        "articles": [node_json(n, pick) for n in result.articles.children],
        "annexes": [node_json(n, pick) for n in result.annexes.children],
        "applied": [operation_json(i, result.convention, lang) for i in result.applied],
        "pending": [operation_json(i, result.convention, lang) for i in result.pending],
        #: not replayed: nobody knows from when they apply (the reason is in their standing)
        "left_out": [operation_json(i, result.convention, lang) for i in result.left_out],
    }
    pick.raise_if_missing()
    return data


def amendment_json(amendment: Amendment, lang: str = "fr") -> dict[str, Any]:
    pick = TextPicker(lang)
    articles = []
    for article in amendment.articles:
        operations = []
        for op in article.operations:
            entry = _plain(op.model_dump(exclude={"provision"}, exclude_none=True))
            if op.provision is not None:
                entry["provision"] = node_json(build_provision(op.provision, None, 1, lang), pick)
            operations.append(entry)
        articles.append(
            {
                "num": article.num,
                "text": pick(article.text, f"article {article.num}"),
                "operations": operations,
                "entry_into_force": _plain([c.model_dump() for c in article.entry_into_force]),
            }
        )
    data = {
        "id": amendment.id,
        "amends": amendment.amends,
        "ordinal": amendment.ordinal,
        "title": blank_slots(pick(amendment.title, "title")),
        "dates": _plain(amendment.dates.model_dump(exclude={"notes"})),
        "dates_standing": dates_standing(amendment.dates),
        "in_force": _plain(amendment.in_force.date),
        "in_force_standing": standing_json(amendment.in_force, lang),
        "signatories": list(amendment.signatories),
        "articles": articles,
        "annexes": [
            {
                "num": a.num,
                "rows": [
                    {"code": r.code, "description": pick(r.description, r.code)} for r in a.rows
                ],
            }
            for a in amendment.annexes
        ],
    }
    pick.raise_if_missing()
    return data
