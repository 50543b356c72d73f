"""What `show` prints: a convention as in force at a date, or an amendment as
its own text; with a party and the signature register, the text that binds it."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass

from generator.consolidation.engine import consolidate
from generator.corpus.loader import Corpus
from generator.errors import ConventioError
from generator.generation.coordinated import Missing, missing_in, partial_notice
from generator.model.documents import Amendment, Convention
from generator.model.order import Assumptions
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


def binding_for(
    corpus: Corpus, convention_id: str, party: str, register_url: str | None
) -> Binding:
    """What binds `party` to a convention, asked of the signature register, found
    through the `conventio.binding` entry point (the register builds on
    generator, never the reverse), with the corpus already loaded."""
    from importlib.metadata import entry_points

    check_binding_target(corpus, convention_id)
    found = entry_points(group="conventio.binding")
    if not found:
        raise ConventioError("--party needs the signature register, which is not installed")
    signed, pending = next(iter(found)).load()(register_url, party, convention_id, corpus)
    return Binding(party, frozenset(signed), tuple(pending))


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
    assume: Assumptions | None = None,
) -> str:
    """`doc_id` in `fmt`; a convention as in force on `at`, with the dates the
    user assumes (`assume`) for operations whose date the text does not state."""
    document = corpus.get(doc_id)
    if binding is not None:
        check_binding_target(corpus, doc_id)
    if isinstance(document, Convention):
        amendments = corpus.amendments_of(doc_id)
        if binding is not None:
            amendments = [a for a in amendments if a.id in binding.signed]
        result = consolidate(document, amendments, at, lang, assume)
        missing = missing_in(result)
        if fmt == "json":
            data = _with_text_held(consolidation_json(result, lang), document, missing, lang)
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
        if missing:  # first under the title and the version: the text is partial
            blocks = [*blocks[:2], Block("note", partial_notice(missing, lang)), *blocks[2:]]
    elif isinstance(document, Amendment):
        if assume:
            raise ConventioError("--assume applies to a convention (the text at a date)")
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


def _with_text_held(data: dict, convention: Convention, missing: Missing, lang: str) -> dict:
    """The JSON of a consolidation with, right after the convention, what of its
    text the corpus holds (`whole`) and what it does not."""
    held = {
        "whole": not missing,
        "notice": partial_notice(missing, lang),
        "provisions_not_held": list(missing.provisions),
        "parts_not_held": list(missing.parts),
        # each as its source knows it: cited in one, or only implied by one
        "amendments_not_held": [
            known.model_dump(exclude_none=True)
            for known in convention.known_amendments
            if known.ordinal in missing.amendments
        ],
    }
    items = list(data.items())
    return dict([items[0], ("text_held", held), *items[1:]])


def _json(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
