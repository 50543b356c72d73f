"""What `history` prints: every version of a convention and the amendment
articles that opened it, as text or JSON."""

from __future__ import annotations

import json
from typing import Any

from generator.consolidation.history import Version, undated, versions
from generator.corpus.loader import Corpus
from generator.errors import ConventioError
from generator.model.documents import Convention
from generator.model.order import ScheduledOperation
from generator.rendering.citations import operation_citation
from generator.rendering.dates import standing_label
from generator.rendering.json_tree import operation_json


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_KEYS = (
    "amendment",
    "article",
    "cited_as",
    "action",
    "target",
    "date_from",
    "in_force_standing",
)


def _entry(item: ScheduledOperation, convention: Convention, lang: str) -> dict[str, Any]:
    found = operation_json(item, convention, lang)
    return {key: found[key] for key in _KEYS}


def _history_json(
    found: list[Version], left_out: list[ScheduledOperation], convention: Convention, lang: str
) -> str:
    data: list[dict[str, Any]] = [
        {
            "version": i,
            "from": v.start.isoformat() if v.start else None,
            "until": v.end.isoformat() if v.end else None,
            "opened_by": [_entry(item, convention, lang) for item in v.opened_by],
        }
        for i, v in enumerate(found, start=1)
    ]
    if left_out:  # no version: nobody knows from when they apply
        data.append(
            {"version": None, "left_out": [_entry(item, convention, lang) for item in left_out]}
        )
    return _json(data)


def render_history(corpus: Corpus, convention_id: str, fmt: str = "text", lang: str = "fr") -> str:
    """Every version of the convention; each amendment article that opened one
    is named in words in `lang` (« Article 2 de l'avenant au modèle de
    convention du 28 septembre 2023 »), its id kept in JSON, and the standing
    of its date (stated, assumed, unknown)."""
    convention = corpus.get(convention_id)
    if not isinstance(convention, Convention):
        raise ConventioError(f"{convention_id!r} is not a convention")
    amendments = corpus.amendments_of(convention_id)
    found = versions(convention, amendments)
    left_out = undated(amendments)
    if fmt == "json":
        return _history_json(found, left_out, convention, lang)
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
                f"    {operation_citation(item, convention, lang)}: {how} {where} "
                f"({standing_label(item.in_force)})"
            )
    if left_out:
        lines.append("  date unknown (opens no version; `show` leaves them out):")
    for item in left_out:
        lines.append(
            f"    {operation_citation(item, convention, lang)}: {standing_label(item.in_force)}"
        )
    for known in convention.known_amendments:
        lines.append(f"  not in the corpus: amendment {known.ordinal} ({known.known_from})")
    return "\n".join(lines) + "\n"
