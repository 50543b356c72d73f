"""Whole documents as blocks: a convention in force at a date, an amendment
as its own text."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from generator.consolidation.engine import Consolidation
from generator.consolidation.tree import build_annex, build_provision
from generator.errors import ConventioError
from generator.model.addresses import default_label
from generator.model.documents import Amendment, Circular, Closing, LetterBlock, PreambleBlock
from generator.rendering.blocks import Block, BlockWriter
from generator.rendering.date_notes import write_date_notes
from generator.rendering.language import TextPicker, blank_slots, format_date
from generator.rendering.provisions import change_note, write_annex, write_provision

_VERSION = {
    "fr": "Version coordonnée au {date}",
    "nl": "Gecoördineerde versie op {date}",
    "de": "Koordinierte Fassung zum {date}",
}
_ALL = {
    "fr": "Version coordonnée avec toutes les modifications du corpus",
    "nl": "Gecoördineerde versie met alle wijzigingen van het corpus",
    "de": "Koordinierte Fassung mit allen Änderungen des Korpus",
}
_NOT_IN_FORCE = {
    "fr": "Attention : la convention n'est pas en vigueur à cette date ({span}).",
    "nl": "Let op: de overeenkomst is op die datum niet van kracht ({span}).",
    "de": "Achtung: Die Vereinbarung ist an diesem Datum nicht in Kraft ({span}).",
}


def consolidated_blocks(
    result: Consolidation,
    lang: str = "fr",
    fill: Callable[[str], str] = blank_slots,
    *,
    annexes: bool = True,
    variants: frozenset[str] | None = None,
    pick: TextPicker | None = None,
) -> list[Block]:
    """The convention as in force at the consolidation's date: title, recitals,
    parties (the party blocks of `variants`; all of them in the blank model),
    provisions; its closing is the caller's (it depends on who signs).

    Raises MissingTexts for the texts not held in `lang`; given a `pick`, records
    them there for the caller to raise (one list for the whole document)."""
    caller_raises = pick is not None
    pick = pick or TextPicker(lang)
    out = BlockWriter(fill)
    convention = result.convention
    out.add("title", pick(convention.title, "title"))
    when = _VERSION[lang].format(date=format_date(result.at, lang)) if result.at else _ALL[lang]
    out.add("subtitle", when)
    if not result.in_force:
        dates = convention.dates
        span = " – ".join(format_date(d, lang) if d else "?" for d in (dates.start, dates.end))
        out.add("note", _NOT_IN_FORCE[lang].format(span=span))
    write_date_notes(out, result, lang)
    for i, recital in enumerate(convention.recitals, start=1):
        out.add("paragraph", pick(recital, f"recital {i}"))
    write_preamble(out, convention.preamble, pick, variants)
    for node in result.articles.children:
        write_provision(out, node, pick)
    for node in result.annexes.children if annexes else ():
        assert node.annex is not None
        write_annex(out, node.annex, pick, node.human, node)
    if not caller_raises:
        pick.raise_if_missing()
    return out.blocks


@dataclass(frozen=True)
class Personalisation:
    """How a blank model becomes one party's document: slots filled by `fill`,
    only the party-block variants in `variants` (adults, psychologist, ...),
    only the signature blocks of `roles`."""

    fill: Callable[[str], str] = blank_slots
    variants: frozenset[str] | None = None
    roles: frozenset[str] | None = None


BLANK = Personalisation()


def amendment_blocks(
    amendment: Amendment,
    lang: str = "fr",
    person: Personalisation = BLANK,
    *,
    closing: bool = True,
    annexes: bool = True,
    pick: TextPicker | None = None,
) -> list[Block]:
    """The amendment word for word: the blank model the sources publish, or
    one party's copy. A `pick` given records the missing texts for the caller
    to raise (as `consolidated_blocks`)."""
    caller_raises = pick is not None
    pick = pick or TextPicker(lang)
    out = BlockWriter(person.fill)
    out.add("title", pick(amendment.title, "title"))
    for i, recital in enumerate(amendment.recitals, start=1):
        out.add("paragraph", pick(recital, f"recital {i}"))
    write_preamble(out, amendment.preamble, pick, person.variants)
    for article in amendment.articles:
        where = f"amendment article {article.num}"
        out.add("heading", default_label("article", article.num, pick.lang), level=2)
        out.add("paragraph", pick(article.text, where))
        for op in article.operations:
            if op.provision is None:
                continue
            quoted = BlockWriter(person.fill)
            write_provision(quoted, build_provision(op.provision, None, 1, lang), pick)
            out.blocks.extend(
                _quoted(
                    quoted.blocks,
                    op.quote.open if op.quote else "",
                    op.quote.close if op.quote else "",
                )
            )
        if article.text_after:
            out.add("paragraph", pick(article.text_after, where))
    if closing and amendment.closing:
        write_closing(out, amendment.closing, pick, person.roles)
    if annexes:
        for annex in amendment.annexes:
            write_annex(out, annex, pick, f"annexe {annex.num}", build_annex(annex, lang))
    if not caller_raises:
        pick.raise_if_missing()
    return out.blocks


def _quoted(blocks: list[Block], open_mark: str, close_mark: str) -> list[Block]:
    """The quoted provision's blocks, marked `quoted`, with the amendment's
    quotation marks around them."""
    result = [replace(b, quoted=True) for b in blocks]
    if not result or not (open_mark or close_mark):
        return result
    texts = [i for i, b in enumerate(result) if b.kind in ("heading", "paragraph")]
    first, last = texts[0], texts[-1]
    b = result[first]
    if b.label:  # "« §1/1 Par dérogation": the mark opens before the label
        result[first] = replace(b, label=open_mark + b.label)
    else:
        result[first] = replace(b, text=open_mark + b.text)
    result[last] = replace(result[last], text=result[last].text + close_mark)
    return result


def write_preamble(
    out: BlockWriter,
    blocks: list[PreambleBlock],
    pick: TextPicker,
    variants: frozenset[str] | None = None,
) -> None:
    """The preamble; with `variants`, only the party blocks that apply."""
    for i, block in enumerate(blocks, start=1):
        where = f"preamble, block {i}"
        bullet = "•" if block.bullet else ""
        for p, paragraph in enumerate(block.paragraphs):
            out.add("paragraph", pick(paragraph, where), label=bullet if p == 0 else "")
        chosen = [v for v in block.variants if variants is None or v.when in variants]
        if block.variants and not chosen:
            raise ConventioError(
                f"{where}: none of its variants ({', '.join(v.when for v in block.variants)}) "
                f"applies to this party ({', '.join(sorted(variants or ()))})"
            )
        for v, variant in enumerate(chosen):
            if v and block.separator:
                out.add("paragraph", pick(block.separator, where))
            for p, paragraph in enumerate(variant.paragraphs):
                label = bullet if p == 0 else ""
                out.add("paragraph", pick(paragraph, f"{where}, {variant.when}"), label=label)


def write_closing(
    out: BlockWriter, closing: Closing, pick: TextPicker, roles: frozenset[str] | None = None
) -> None:
    if closing.place_date:
        out.add("paragraph", pick(closing.place_date, "place and date"))
    for block in closing.signatures:
        if roles is not None and block.role not in roles:
            continue
        out.add("separator")
        for line in block.lines:
            out.add("paragraph", pick(line, f"signature ({block.role})"))


__all__ = ["amendment_blocks", "change_note", "consolidated_blocks"]


def letter_blocks(
    circular: Circular,
    letter: list[LetterBlock],
    pick: TextPicker,
    fill: Callable[[str], str] = blank_slots,
) -> list[Block]:
    """A circular's letter (its `body`, or the `enclosure` annexed to it) as
    blocks: headings and paragraphs with their footnotes, and the code tables
    where the letter prints them (heading, one line per code, notes)."""
    out = BlockWriter(fill)
    tables = {table.id: table for table in circular.code_tables}
    for i, block in enumerate(letter, start=1):
        where = f"letter, paragraph {i}"
        if block.table is not None:
            table = tables[block.table]
            out.add("paragraph", pick(table.heading, where))
            for row in table.rows:
                out.add("paragraph", pick(row.description, where), level=1, label=row.code)
            for note in table.notes:
                out.add("paragraph", pick(note, where))
            continue
        kind = "heading" if block.kind == "heading" else "paragraph"
        out.add(kind, pick(block.text, where), level=block.level, label=block.label or "")
        for footnote in block.footnotes:
            out.add(
                "footnote",
                pick(footnote.text, f"{where}, note {footnote.mark}"),
                label=footnote.mark,
            )
    return out.blocks
