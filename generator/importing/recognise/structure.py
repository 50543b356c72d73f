"""Recognising the parts of a convention or an amendment in the blocks a
reader produced: title, recitals, preamble, articles, closing, annexes.

The blocks are cut at the first article and at the closing ("Fait à ...")
and each annex heading; quoted new texts (« ... ») in an amendment never cut
anything, since they hold articles of their own."""

from __future__ import annotations

import re

from generator.importing.read.extract import Block, Omitted
from generator.importing.read.text_rules import superscript
from generator.importing.recognise import annexes as annex_parts
from generator.importing.recognise import frontmatter
from generator.importing.recognise.amendment_articles import amendment_articles
from generator.importing.recognise.journal import Journal
from generator.importing.recognise.markers import SUPERSCRIPTS, article_marker
from generator.importing.recognise.provisions import (
    FOOTNOTE,
    ProvisionBuilder,
    base_indent,
    is_heading_candidate,
)
from generator.importing.recognise.quoted_texts import Scanned, scan_quotes

_ORDINAL = {
    "premier": 1,
    "deuxième": 2,
    "second": 2,
    "troisième": 3,
    "quatrième": 4,
    "cinquième": 5,
    "sixième": 6,
    "septième": 7,
    "huitième": 8,
    "neuvième": 9,
    "dixième": 10,
    "onzième": 11,
    "douzième": 12,
    "treizième": 13,
    "quatorzième": 14,
    "quinzième": 15,
}
_AMENDMENT_TITLE = re.compile(r"^\s*(?:(?P<ordinal>\w+)\s+)?avenant\b", re.I)
#: text conventio's own templates add around the legal text (not part of it)
_OWN_LAYOUT = {"Signatures électroniques": "signature band caption added by conventio"}


def recognise(blocks: list[Block], omitted: list[Omitted], journal: Journal) -> dict:
    """The draft document (a dict in the corpus format) for these blocks."""
    blocks, notes = _footnotes_after_their_marks(_drop_own_layout(blocks, omitted))
    data: dict = {}
    if not blocks:
        journal.doubt("document", "no text was found", on=data)
        return data
    scan = scan_quotes(blocks, notes)
    starts = [
        i
        for i, s in enumerate(scan)
        if not s.quoted and article_marker(s.block.text.strip(), bold=s.block.bold)
    ]
    first = starts[0] if starts else len(blocks)
    annex_at = _annex_starts(scan, first)
    end_of_body = annex_at[0] if annex_at else len(blocks)
    closing_at = _closing_start(scan, first, end_of_body)

    front = blocks[:first]
    title, front = frontmatter.split_title(front, journal, data)
    if front and is_heading_candidate(front[-1]) and starts:
        first -= 1  # an article's heading printed above "Article 1"
        front = front[:-1]
    recitals = [b for b in front if frontmatter.RECITAL.match(b.text.strip())]
    first_party = next(
        (
            i
            for i, b in enumerate(front)
            if not frontmatter.RECITAL.match(b.text.strip())
            and (frontmatter.is_connector(b.text) or (i > 0 and recitals))
        ),
        len(front),
    )
    amendment = bool(_AMENDMENT_TITLE.match(title))
    data["type"] = "amendment" if amendment else "convention"
    data["title"] = {"fr": title}
    ordinal_word = (_AMENDMENT_TITLE.match(title) or {"ordinal": None})["ordinal"]
    if amendment and ordinal_word and ordinal_word.lower() in _ORDINAL:
        data["ordinal"] = _ORDINAL[ordinal_word.lower()]
    data["recitals"] = [{"fr": b.text.strip()} for b in recitals]
    others = [b for b in front if b not in recitals]
    data["preamble"] = frontmatter.preamble(others, journal, data) if others else []
    if recitals and first_party < len(front) and front.index(recitals[-1]) > first_party:
        journal.doubt(recitals[-1].where, "recitals (« Vu ... ») after the party blocks", on=data)

    body = scan[first:closing_at]
    if amendment:
        data["articles"] = amendment_articles(
            body, data, journal, [annex_parts.annex_heading(blocks[i])["num"] for i in annex_at]
        )
    else:
        data["articles"] = _convention_articles([s.block for s in body], journal, data)
    data["closing"] = frontmatter.closing(blocks[closing_at:end_of_body], journal, data)
    data["annexes"] = [
        annex_parts.annex(blocks[i], blocks[i + 1 : j], journal)
        for i, j in zip(annex_at, [*annex_at[1:], len(blocks)][: len(annex_at)], strict=True)
    ]
    for i in annex_at:
        journal.consume(blocks[i].text)  # kept as the heading
    return data


def _drop_own_layout(blocks: list[Block], omitted: list[Omitted]) -> list[Block]:
    kept = []
    for block in blocks:
        why = _OWN_LAYOUT.get(block.text.strip())
        if why:
            omitted.append(Omitted(block.text.strip(), block.where, why))
        else:
            kept.append(block)
    return kept


def _footnotes_after_their_marks(blocks: list[Block]) -> tuple[list[Block], set[int]]:
    """A PDF prints a footnote at the foot of the page, which may come after
    the closing or the next article in reading order: put each "N text" block
    whose mark (¹, ²) appears earlier right after the block that carries it."""
    result: list[Block] = []
    notes: set[int] = set()
    marks: dict[str, int] = {}  # superscript -> index in result of the block carrying it
    for block in blocks:
        m = FOOTNOTE.match(block.text.strip()) if block.cells is None else None
        sup = superscript(m["mark"]) if m else ""
        if m and sup in marks:
            at = marks.pop(sup) + 1
            while at < len(result) and FOOTNOTE.match(result[at].text.strip()):
                at += 1  # after the footnotes already placed there
            result.insert(at, block)
            notes.add(id(block))
            marks = {k: v + 1 if v >= at else v for k, v in marks.items()}
            continue
        for found in re.finditer(rf"(?<=\S)[{SUPERSCRIPTS}]+", block.text):
            marks.setdefault(found[0], len(result))
        result.append(block)
    return result, notes


def _annex_starts(scan: list[Scanned], first: int) -> list[int]:
    starts = []
    for i in range(first, len(scan)):
        s = scan[i]
        if s.quoted or not annex_parts.annex_heading(s.block):
            continue
        following = [x.block for x in scan[i + 1 : i + 4]]
        if any(annex_parts.code_row(b) or b.cells is not None for b in following):
            starts.append(i)
    return starts


def _closing_start(scan: list[Scanned], first: int, end: int) -> int:
    for i in range(first, end):
        s = scan[i]
        if not s.quoted and frontmatter.CLOSING.match(s.block.text.strip()):
            return i
    for i in range(first, end):
        s = scan[i]
        text = s.block.text.strip()
        short = len(text) < 80 and not text.endswith(".")
        if not s.quoted and frontmatter.SIGNATURE.match(text) and short:
            return i
    return end


def _convention_articles(blocks: list[Block], journal: Journal, data: dict) -> list[dict]:
    root: dict = {"children": []}
    builder = ProvisionBuilder(root, journal, base_indent=base_indent(blocks))
    for block in blocks:
        builder.feed(block)
    builder.close()
    articles = []
    for node in root["children"]:
        if node.get("kind") == "article":
            articles.append(node)
        else:
            journal.stray(
                "before the first article",
                _text_of(node),
                data,
                "text between the preamble and the first article",
            )
    return articles


def _text_of(node: dict) -> str:
    parts = [node.get("text", {}).get("fr", "")]
    parts += [_text_of(c) for c in node.get("children", [])]
    return " ".join(p for p in parts if p)
