"""What the translation prints, block by block, with the same anchors as the French.

A block of the importer's reader (a paragraph, or a table row) becomes one
or more items: a table row with a pseudocode is that row's description
(`row:<code>`), another table row gives its cells as column captions; an
annex heading (« Annexe », « Bijlage », « Anlage ») keeps its whole text; an
article's number (« Article », « Artikel », « Art. ») is a bare marker,
followed by the text printed after it on the same line (a heading after a
dash or colon goes before it, as the French units put a heading above the
number); a point's or a paragraph's label is taken off its text; an
abbreviation line gives its meaning, the caption above them is a bare marker."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importing.read.extract import Block
from generator.importing.recognise.annexes import abbreviation, annex_heading, code_row
from generator.importing.recognise.markers import (
    article_marker,
    indent_marker,
    paragraph_marker,
    point_marker,
)
from generator.model.addresses import num_token

#: the caption above an annex's abbreviations, in the three languages
_ABBREVIATIONS = re.compile(r"^(abréviations?|afkortingen|abkürzungen)\s*:?\s*$", re.I)


@dataclass(frozen=True)
class Found:
    """One thing the translation prints, and where."""

    anchor: str
    #: the text, without its label; None for a bare article number
    text: str | None
    where: str
    #: as printed, for messages
    printed: str


def found_items(blocks: list[Block]) -> list[Found]:
    items: list[Found] = []
    for block in blocks:
        items.extend(_items(block))
    return items


def _items(block: Block) -> list[Found]:
    text, where = block.text.strip(), block.where
    if block.cells is not None:
        row = code_row(block)
        if row is not None:
            return [Found(f"row:{row[0]}", row[1], where, text)]
        return [Found("column", c.strip(), where, c.strip()) for c in block.cells if c.strip()]
    if _ABBREVIATIONS.match(text):
        return [Found("abbreviations", None, where, text)]
    if heading := annex_heading(block):
        return [Found(f"annex:{heading['num']}", text, where, text)]
    article = article_marker(text, bold=block.bold or block.heading > 0)
    if article is not None:
        marker = Found(f"article:{num_token(article.num or '')}", None, where, article.printed)
        if not article.rest:
            return [marker]
        rest = Found("text", article.rest, where, text)
        return [rest, marker] if article.separator in ("-", "–", "—", ":") else [marker, rest]
    if (paragraph := paragraph_marker(text)) is not None:
        return [Found(f"paragraph:{num_token(paragraph.num or '')}", paragraph.rest, where, text)]
    if (point := point_marker(text)) is not None:
        return [Found(f"point:{point.num}", point.rest, where, text)]
    if (indent := indent_marker(text)) is not None:
        return [Found("indent", indent.rest, where, text)]
    if (abbr := abbreviation(text)) is not None:
        return [Found(f"abbr:{abbr[0]}", abbr[1], where, text)]
    return [Found("text", text, where, text)]
