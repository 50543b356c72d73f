"""Quoted new texts (« ... »): the provisions an amendment inserts or puts in
place, printed between quotation marks. `scan_quotes` tells which blocks are
inside one (they never cut the document: they hold articles of their own);
`with_quote` reads one as the provision its operation inserts."""

from __future__ import annotations

from dataclasses import dataclass

from generator.importing.read.extract import Block
from generator.importing.recognise.journal import Journal
from generator.importing.recognise.markers import closing_quote, opens_quote
from generator.importing.recognise.provisions import ProvisionBuilder, base_indent


@dataclass
class Scanned:
    """A block, and whether it is inside a quoted new text."""

    block: Block
    quoted: bool  # inside a quoted new text (« ... »)


def scan_quotes(blocks: list[Block], notes: set[int]) -> list[Scanned]:
    """Which blocks are inside a quoted new text. A footnote under a quoted
    text (`notes`, by id) neither opens nor closes it."""
    result, inside = [], False
    for block in blocks:
        text = block.text.strip()
        if id(block) in notes:
            result.append(Scanned(block, inside))
        elif not inside and opens_quote(text) and not closing_quote(text[1:]):
            result.append(Scanned(block, True))
            inside = True
        elif inside:
            result.append(Scanned(block, True))
            if closing_quote(text):
                inside = False
        else:
            result.append(Scanned(block, opens_quote(text)))
    return result


def closed(quote: list[Block]) -> bool:
    """Whether the quoted text collected so far ends with its closing mark."""
    return bool(quote) and closing_quote(quote[-1].text.strip()) is not None


def _retext(block: Block, text: str) -> Block:
    return Block(
        text,
        block.where,
        block.bold,
        block.heading,
        block.cells,
        block.indent,
        block.centered,
        block.size,
    )


def with_quote(op: dict, quote: list[Block], reading, journal: Journal, after: list[Block]) -> dict:
    """The quoted text, its quotation marks taken off and recorded as printed,
    read as the provision the operation inserts or puts in place."""
    first, last = quote[0].text.strip(), quote[-1].text.strip()
    open_mark = first[0] + (" " if first[1:2] == " " else "")
    close_mark = closing_quote(last) or ""
    blocks = [_retext(b, b.text.strip()) for b in quote]
    blocks[0] = _retext(blocks[0], blocks[0].text[len(open_mark) :].lstrip())
    if close_mark:
        blocks[-1] = _retext(blocks[-1], blocks[-1].text[: -len(close_mark)].rstrip())
    op["quote"] = {"open": open_mark, "close": close_mark}
    holder: dict = {"children": []}
    builder = ProvisionBuilder(holder, journal, base_indent=base_indent(blocks), quoted=True)
    for block in blocks:
        builder.feed(block)
    builder.close()
    while after and builder.footnote(after[0]):  # footnotes printed under the quote
        after.pop(0)
    provisions = holder["children"]
    expects = reading.expects if reading else None
    if len(provisions) == 1:
        provision = provisions[0]
    else:
        kind = expects[0] if expects else "article"
        provision = {"kind": kind}
        if expects and expects[1] and kind != "alinea":
            provision["num"] = expects[1]
        provision["children"] = provisions
        if kind == "alinea" and all(p["kind"] == "alinea" for p in provisions):
            journal.doubt(
                quote[0].where,
                "the quoted text has several paragraphs and no "
                "number: taken as one alinéa with alinéas inside",
                on=provision,
            )
    if expects and expects[0] and provision.get("kind") != expects[0]:
        journal.doubt(
            quote[0].where,
            f"the instruction speaks of a {expects[0]} but the "
            f"quoted text reads as a {provision.get('kind')}",
            on=provision,
        )
    if expects and expects[1] and provision.get("num") not in (None, expects[1]):
        journal.doubt(
            quote[0].where,
            f"the instruction speaks of {expects[1]} but the "
            f"quoted text is numbered {provision.get('num')}",
            on=provision,
        )
    op["provision"] = provision
    return op
