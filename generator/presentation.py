"""What `show` and `history` print, as functions tests can call."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from generator.consolidation.engine import consolidate
from generator.consolidation.history import versions
from generator.corpus.loader import Corpus
from generator.errors import ConventioError
from generator.model.documents import Amendment, Convention
from generator.rendering.blocks import Block
from generator.rendering.documents import amendment_blocks, consolidated_blocks
from generator.rendering.formats import to_html, to_markdown, to_text
from generator.rendering.json_tree import amendment_json, consolidation_json


@dataclass(frozen=True)
class Binding:
    """What binds one party: the amendments it has fully signed (applied) and
    those still waiting for its signature (not applied)."""

    party: str
    signed: frozenset[str]
    pending: tuple[str, ...] = ()


_BINDING = {
    "fr": "Texte qui lie {party} : seuls les avenants qu'il a signés sont appliqués.",
    "nl": "Tekst die {party} bindt: enkel de door hem ondertekende wijzigingen zijn toegepast.",
    "de": "Text, der {party} bindet: nur die von ihm unterzeichneten Änderungen sind angewandt.",
}
_PENDING = {
    "fr": "En attente de signature (non appliqué) : {ids}",
    "nl": "Wacht op ondertekening (niet toegepast): {ids}",
    "de": "Wartet auf Unterschrift (nicht angewandt): {ids}",
}


def check_binding_target(corpus: Corpus, doc_id: str) -> None:
    """What binds a party (`show --party`) is asked of a convention only."""
    if not isinstance(corpus.get(doc_id), Convention):
        raise ConventioError("--party with --register applies to a convention, not to " + doc_id)


def render_document(
    corpus: Corpus,
    doc_id: str,
    at: dt.date | None,
    fmt: str,
    lang: str,
    binding: Binding | None = None,
) -> str:
    document = corpus.get(doc_id)
    if binding is not None:
        check_binding_target(corpus, doc_id)
    if isinstance(document, Convention):
        amendments = corpus.amendments_of(doc_id)
        if binding is not None:
            amendments = [a for a in amendments if a.id in binding.signed]
        result = consolidate(document, amendments, at, lang)
        if fmt == "json":
            data = consolidation_json(result, lang)
            if binding is not None:
                data["binding"] = {
                    "party": binding.party,
                    "signed": sorted(binding.signed),
                    "pending": list(binding.pending),
                }
            return _json(data)
        blocks = consolidated_blocks(result, lang)
        if binding is not None:
            notes = [Block("note", _BINDING[lang].format(party=binding.party))]
            if binding.pending:
                ids = ", ".join(binding.pending)
                notes.append(Block("note", _PENDING[lang].format(ids=ids)))
            blocks = blocks[:2] + notes + blocks[2:]
    elif isinstance(document, Amendment):
        if fmt == "json":
            return _json(amendment_json(document, lang))
        blocks = amendment_blocks(document, lang)
    else:
        raise ConventioError(
            f"{doc_id!r} is a {document.type}; `show` takes a convention or an amendment"
        )
    if fmt == "markdown":
        return to_markdown(blocks)
    if fmt == "html":
        return to_html(blocks, lang)
    return to_text(blocks)


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def render_history(corpus: Corpus, convention_id: str, fmt: str = "text") -> str:
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
                f"    {item.amendment.id}, article {item.article.num}: {how} {where} "
                f"(date from {item.date_source})"
            )
    for known in convention.known_amendments:
        lines.append(f"  not in the corpus: amendment {known.ordinal} ({known.cited_in})")
    return "\n".join(lines) + "\n"
