"""What `history` prints: every version of a convention and the amendment
articles that opened it, as text or JSON."""

from __future__ import annotations

import json

from generator.consolidation.history import versions
from generator.corpus.loader import Corpus
from generator.errors import ConventioError
from generator.model.documents import Convention
from generator.model.order import ScheduledOperation
from generator.rendering.citations import article_citation


def _cited(item: ScheduledOperation, convention: Convention, lang: str) -> str:
    return article_citation(item.article.num, item.amendment, convention, lang, definite=False)


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_history(corpus: Corpus, convention_id: str, fmt: str = "text", lang: str = "fr") -> str:
    """Every version of the convention; each amendment article that opened one
    is named in words in `lang` (« Article 2 de l'avenant au modèle de
    convention du 28 septembre 2023 »), its id kept in JSON."""
    convention = corpus.get(convention_id)
    if not isinstance(convention, Convention):
        raise ConventioError(f"{convention_id!r} is not a convention")
    found = versions(convention, corpus.amendments_of(convention_id))
    if fmt == "json":
        return _json(
            [
                {
                    "version": i,
                    "from": v.start.isoformat() if v.start else None,
                    "until": v.end.isoformat() if v.end else None,
                    "opened_by": [
                        {
                            "amendment": item.amendment.id,
                            "article": item.article.num,
                            "cited_as": _cited(item, convention, lang),
                            "action": item.op.action,
                            "target": item.op.target
                            or item.op.after
                            or item.op.before
                            or item.op.into,
                            "date_from": item.date_source,
                        }
                        for item in v.opened_by
                    ],
                }
                for i, v in enumerate(found, start=1)
            ]
        )
    lines = [f"{convention.id}: {len(found)} version(s)"]
    for i, v in enumerate(found, start=1):
        start = v.start.isoformat() if v.start else "(start unknown)"
        end = v.end.isoformat() if v.end else "…"
        lines.append(f"  version {i}: {start} – {end}")
        if not v.opened_by:
            lines.append("    base text")
        for item in v.opened_by:
            op = item.op
            where = op.target or op.after or op.before or op.into
            how = {"insert": "inserts after", "replace": "replaces", "repeal": "repeals"}[op.action]
            if op.before:
                how = "inserts before"
            elif op.into:
                how = "inserts into"
            lines.append(
                f"    {_cited(item, convention, lang)}: {how} {where} "
                f"(date from {item.date_source})"
            )
    for known in convention.known_amendments:
        lines.append(f"  not in the corpus: amendment {known.ordinal} ({known.known_from})")
    return "\n".join(lines) + "\n"
