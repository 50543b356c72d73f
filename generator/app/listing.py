"""One line per document of the corpus: what `conventio list` shows, as data
(`document_rows`, the JSON output) and laid out for people (`format_rows`:
one block of two lines per document)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from generator.corpus.loader import Corpus
from generator.generation.coordinated import missing_text
from generator.model.documents import Amendment, Circular, Convention
from generator.rendering.dates import dates_standing, standing_json
from generator.rendering.language import blank_slots

TITLE_WIDTH = 110


def _count_articles(document: Any) -> int:
    return len(getattr(document, "articles", []))


def _count_rows(document: Any) -> int:
    tables = list(getattr(document, "annexes", [])) + list(getattr(document, "code_tables", []))
    return sum(len(t.rows) for t in tables)


def document_rows(corpus: Corpus) -> list[dict[str, Any]]:
    rows = []
    for doc_id in sorted(corpus.documents):
        document = corpus.documents[doc_id]
        if isinstance(document, Convention):
            kind = f"convention {document.kind}"
            dates = document.dates.model_dump(exclude={"notes"})
        elif isinstance(document, Amendment):
            kind = "amendment"
            dates = document.dates.model_dump(exclude={"notes"})
            dates["in_force"] = document.in_force.date
        elif isinstance(document, Circular):
            kind = "circular"
            dates = {"date": document.date}
        else:
            kind = "registry"
            dates = {}
        row: dict[str, Any] = {
            "id": doc_id,
            "kind": kind,
            "title": blank_slots(document.title.fr),
            "dates": {k: v.isoformat() for k, v in dates.items() if v is not None},
            "articles": _count_articles(document),
            "annex_rows": _count_rows(document)
            if not hasattr(document, "codes")
            else len(document.codes),
        }
        if isinstance(document, Convention | Amendment):
            #: each date's standing (stated, assumed, unknown), where its notes give it
            row["dates_standing"] = dates_standing(document.dates)
        if isinstance(document, Amendment):
            #: stated by the text, assumed (on what basis, by whom), or unknown
            row["in_force_standing"] = standing_json(document.in_force)
        if isinstance(document, Convention):
            row["text_held"] = _text_held(corpus, document)
        rows.append(row)
    return rows


def _text_held(corpus: Corpus, convention: Convention) -> dict[str, Any]:
    """Whether the corpus holds the convention's whole text, as last in force
    (at its end, or today): what `show` says at the top of a partial text."""
    at = convention.dates.end or dt.date.today()
    missing = missing_text(corpus, convention, at, "fr")
    return {
        "whole": not missing,
        "at": at.isoformat(),
        "provisions_not_held": list(missing.provisions),
        "parts_not_held": list(missing.parts),
        "amendments_not_held": list(missing.amendments),
    }


def _held_text(row: dict[str, Any]) -> str:
    """« partial text: 4 provisions, its parties and signatures, amendments 1 to 5
    not held »; nothing for a document held whole."""
    held = row.get("text_held")
    if not held or held["whole"]:
        return ""
    what = []
    if held["provisions_not_held"]:
        what.append(f"{len(held['provisions_not_held'])} provision(s)")
    what.extend(held["parts_not_held"])
    ordinals = held["amendments_not_held"]
    if ordinals:
        span = f"{min(ordinals)} to {max(ordinals)}" if len(ordinals) > 1 else str(ordinals[0])
        what.append(f"amendment(s) {span}")
    return "partial text: " + ", ".join(what) + " not held"


def _dates_text(row: dict[str, Any]) -> str:
    """« approved 2023-09-25, in force 2023-09-25 (assumed: approbation par le Comité) »."""
    parts = []
    for key, value in row["dates"].items():
        text = f"{key.replace('_', ' ')} {value}"
        standing = row.get("in_force_standing") if key == "in_force" else None
        if standing and standing["standing"] == "assumed":
            text += f" (assumed: {standing['basis']})"
        elif row.get("dates_standing", {}).get(key) == "assumed":
            text += " (assumed)"
        parts.append(text)
    standing = row.get("in_force_standing")
    if standing and standing["standing"] == "unknown":
        parts.append("in force: date unknown")
    return ", ".join(parts)


def format_rows(rows: list[dict[str, Any]]) -> str:
    width = max((len(row["id"]) for row in rows), default=0)
    kind_width = max((len(row["kind"]) for row in rows), default=0)
    lines = []
    for row in rows:
        dates = _dates_text(row)
        counts = f"{row['articles']} art., {row['annex_rows']} rows"
        lines.append(f"{row['id']:<{width}}  {row['kind']:<{kind_width}}  {counts:<18}  {dates}")
        title = row["title"]
        if len(title) > TITLE_WIDTH:
            title = title[: TITLE_WIDTH - 1] + "…"
        lines.append(f"{'':<{width}}  {title}")
        held = _held_text(row)
        if held:
            lines.append(f"{'':<{width}}  {held}")
    return "\n".join(lines) + "\n"
