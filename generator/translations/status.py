"""`conventio translations status`: per document and language, how many text
units are translated, missing, or out of date (the French changed after the
translation was made: its source hash differs)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from generator.model.text import TRANSLATED, source_hash
from generator.translations.units import text_units


@dataclass(frozen=True)
class LanguageStatus:
    document: str
    lang: str
    units: int
    translated: int
    missing: int
    out_of_date: int


def document_status(document: Any) -> list[LanguageStatus]:
    units = text_units(document)
    rows = []
    for lang in TRANSLATED:
        present = [u for u in units if u.text.get(lang) is not None]
        stale = [u for u in present if u.text.source_of(lang) != source_hash(u.text.fr)]
        rows.append(
            LanguageStatus(
                document.id,
                lang,
                len(units),
                len(present) - len(stale),
                len(units) - len(present),
                len(stale),
            )
        )
    return rows


def translation_status(corpus: Any, doc_id: str | None = None) -> list[LanguageStatus]:
    """The status of one document (`doc_id`) or of every document of the corpus."""
    documents = [corpus.get(doc_id)] if doc_id else list(corpus.documents.values())
    rows: list[LanguageStatus] = []
    for document in sorted(documents, key=lambda d: d.id):
        rows.extend(document_status(document))
    return rows


def format_status(rows: list[LanguageStatus], fmt: str = "text") -> str:
    if fmt == "json":
        return json.dumps([asdict(r) for r in rows], indent=2, ensure_ascii=False) + "\n"
    width = max((len(r.document) for r in rows), default=8)
    lines = [f"{'document':<{width}}  lang  units  translated  missing  out of date"]
    for r in rows:
        lines.append(
            f"{r.document:<{width}}  {r.lang:<4}  {r.units:>5}  {r.translated:>10}  "
            f"{r.missing:>7}  {r.out_of_date:>11}"
        )
    return "\n".join(lines) + "\n"
