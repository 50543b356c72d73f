"""The context a template receives: the corpus text as blocks, signatures and
annex tables, with every party value as a sentinel (see sentinels.py)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from typing import Any

from generator.consolidation.engine import consolidate
from generator.corpus.collection import Corpus
from generator.generation.coordinated import information_banner, missing_in
from generator.generation.letterhead import circular_context, letterhead_context
from generator.generation.sentinels import sentinel, slot_filler
from generator.generation.signature_blocks import signature_context
from generator.generation.units import DocumentSpec
from generator.model.annexes import Annex
from generator.model.documents import Amendment, Circular
from generator.model.text import FOOTNOTE_RE
from generator.ooxml import footnotes
from generator.rendering.blocks import Block
from generator.rendering.documents import (
    Personalisation,
    amendment_blocks,
    consolidated_blocks,
    letter_blocks,
)
from generator.rendering.language import TextPicker, format_date, plain_footnotes
from generator.rendering.provisions import (
    ABBREVIATIONS,
    NOT_IN_CORPUS,
    abbreviation_line,
    annex_name,
    change_note,
    default_columns,
)
from generator.rendering.typography import french_spacing_in

IDENTITY = ("doc.id", "doc.reference", "doc.content_hash")


def _block(block: Block) -> dict[str, Any]:
    """A block for the template; its footnote references and, in a footnote,
    its mark are marked for generator/ooxml/footnotes.py to make Word's own."""
    text = FOOTNOTE_RE.sub(lambda m: footnotes.reference_mark(m.group(1)), block.text)
    if block.kind == "footnote":
        text = footnotes.note_mark(block.label) + text
    return {
        "kind": block.kind,
        "level": block.level,
        "text": text,
        "label": block.label,
        "prefix": f"{block.label} " if block.label else "",
        "quoted": block.quoted,
    }


def _annex(annex: Annex, pick: TextPicker, fill, note: str = "") -> dict[str, Any]:
    where = f"annexe {annex.num}"
    if annex.declared_only:  # shown as such, never invented
        return {
            "heading": annex_name(annex.num, pick.lang),
            "note": note,
            "columns": ["", ""],
            "rows": [],
            "after": [NOT_IN_CORPUS[pick.lang]],
        }
    after = [fill(pick(n, where)) for n in annex.notes]
    if annex.abbreviations:
        after.append(ABBREVIATIONS[pick.lang])
        after += [
            abbreviation_line(a.abbr, pick(a.meaning, where), pick.lang)
            for a in annex.abbreviations
        ]
    columns = [pick(c, where) for c in annex.columns] or default_columns(pick.lang)
    return {
        "heading": fill(pick(annex.heading, where))
        if annex.heading
        else annex_name(annex.num, pick.lang),
        "note": note,
        "columns": columns,
        "rows": [
            {"code": r.code, "description": pick(r.description, f"{where}, {r.code}")}
            for r in annex.rows
        ],
        "after": after,
    }


def template_context(
    corpus: Corpus,
    spec: DocumentSpec,
    variants: frozenset[str],
    roles: Collection[str],
    lang: str,
    at: dt.date,
    pick: TextPicker | None = None,
) -> dict[str, Any]:
    """The stage-1 context: identical for every party of one variant and the
    same signing `roles`. Raises MissingTexts listing every text of the document
    not held in `lang` (or in the language `pick` checks)."""
    fill = slot_filler(variants)  # choices resolved for these kinds
    person = Personalisation(fill=fill, variants=variants, roles=frozenset(roles))
    pick = pick or TextPicker(lang)
    document = corpus.get(spec.doc_id)
    context: dict[str, Any] = {
        "document_id": sentinel("doc.id"),
        "reference": sentinel("doc.reference"),
        "content_hash": sentinel("doc.content_hash"),
        "language": lang,
        "date": format_date(at, lang),
        **letterhead_context(spec.convention.kind if spec.convention else None, fill),
    }
    if isinstance(document, Amendment):
        blocks = amendment_blocks(document, lang, person, closing=False, annexes=False, pick=pick)
        context.update(signature_context(document.closing, pick, fill, roles, variants))
        context["annexes"] = [_annex(a, pick, fill) for a in document.annexes]
    elif isinstance(document, Circular):
        blocks = letter_blocks(document, document.body, pick, fill)
        context.update(circular_context(document, pick, fill, lang))
        context["enclosure"] = [
            _block(b) for b in letter_blocks(document, document.enclosure, pick, fill)
        ]
    else:
        assert spec.convention is not None
        result = consolidate(spec.convention, corpus.amendments_of(spec.doc_id), at, lang)
        blocks = consolidated_blocks(
            result, lang, fill, annexes=False, variants=variants, pick=pick
        )
        context["information_banner"] = information_banner(missing_in(result), lang)
        context.update(signature_context(spec.convention.closing, pick, fill, roles, variants))
        context["annexes"] = [
            _annex(node.annex, pick, fill, change_note(node.change, lang) if node.change else "")
            for node in result.annexes.children
            if node.annex is not None and not node.repealed
        ]
    title = next((b.text for b in blocks if b.kind == "title"), "")
    context["title"] = plain_footnotes(title) or context.get("title", "")
    context["blocks"] = [_block(b) for b in blocks if b.kind != "table"]
    pick.raise_if_missing()
    return _typography(context, lang)


#: context values that are names, not printed text (the title goes to the metadata too)
_NOT_PRINTED = frozenset({"title", "kind", "role", "code", "language"})


def _typography(context: dict[str, Any], lang: str) -> dict[str, Any]:
    """French documents keep : ; ? ! and « » with their words (non-breaking spaces)."""
    if lang != "fr":
        return context
    return french_spacing_in(context, _NOT_PRINTED)
