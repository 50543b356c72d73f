"""An amendment's articles: each article's own wording, its instructions read
as operations on the convention, the quoted new text (« ... ») each
insertion or replacement puts in place, and when the article enters into
force. What cannot be paired (a quoted text with no instruction, an
instruction with no quoted text) is proposed anyway and marked."""

from __future__ import annotations

from generator.importing.read.extract import Block
from generator.importing.recognise.instructions import Reading, read_in_force, read_instruction
from generator.importing.recognise.journal import Journal
from generator.importing.recognise.markers import article_marker, opens_quote
from generator.importing.recognise.quoted_texts import Scanned, closed, with_quote


def amendment_articles(
    body: list[Scanned], data: dict, journal: Journal, annex_nums: list[str]
) -> list[dict]:
    """The articles of `body` (the blocks from the first article to the
    closing); the date the whole amendment enters into force goes to `data`,
    stated by the words of the article that gives it."""
    in_force: dict | None = None
    articles = []
    for group in _groups(body):
        article, whole = _article(group, journal, annex_nums)
        if whole is not None:
            in_force = whole
        articles.append(article)
    if in_force is not None:
        data["in_force"] = in_force
    return articles


def _groups(body: list[Scanned]) -> list[list[Scanned]]:
    """The blocks of each article, its heading first (articles in quoted texts
    belong to the quote)."""
    groups: list[list[Scanned]] = []
    for s in body:
        if not s.quoted and article_marker(s.block.text.strip(), bold=s.block.bold):
            groups.append([s])
        elif groups:
            groups[-1].append(s)
    return groups


def _article(
    group: list[Scanned], journal: Journal, annex_nums: list[str]
) -> tuple[dict, dict | None]:
    """One article, and the date for the whole amendment it gives, if any (a
    date stated by the article's words: generator/model/dates.py)."""
    head = group[0].block
    marker = article_marker(head.text.strip(), bold=head.bold)
    journal.consume(marker.printed)
    article: dict = {"num": marker.num}
    own, quotes, after = _parts(group, marker.rest)
    text = " ".join(b.text.strip() for b in own)
    if len(own) > 1:
        journal.doubt(
            head.where,
            f"article {marker.num}: its wording is in {len(own)} paragraphs, joined here into one",
            on=article,
        )
    article["text"] = {"fr": text}
    readings = []
    for sentence in [text] + [b.text for b in after]:
        reading = read_instruction(sentence, annex_nums)
        if reading.operation is not None:
            readings.append(reading)
    operations = _operations(quotes, readings, after, head, marker.num, journal)
    if operations:
        article["operations"] = operations
    if after and not readings[1:]:
        article["text_after"] = {"fr": " ".join(b.text.strip() for b in after)}
    whole = None
    force = read_in_force(text)
    if force is not None:
        date, clauses = force
        if date is not None:
            whole = {
                "standing": "stated",
                "date": date.isoformat(),
                "words": text,
                "stated_in": f"article {marker.num}",
            }
        if clauses:
            article["entry_into_force"] = clauses
    return article, whole


def _parts(group: list[Scanned], rest: str) -> tuple[list[Block], list[list[Block]], list[Block]]:
    """An article's own wording (`rest`, the text after its marker, first), its
    quoted texts, and what follows the first quoted text outside any quote."""
    head = group[0].block
    own: list[Block] = []
    if rest:
        own.append(Block(rest, head.where))
    quotes: list[list[Block]] = []
    after: list[Block] = []
    for s in group[1:]:
        if s.quoted:
            if opens_quote(s.block.text.strip()) and (not quotes or closed(quotes[-1])):
                quotes.append([])
            quotes[-1].append(s.block)
        elif quotes:
            after.append(s.block)
        else:
            own.append(s.block)
    return own, quotes, after


def _operations(
    quotes: list[list[Block]],
    readings: list[Reading],
    after: list[Block],
    head: Block,
    num: str,
    journal: Journal,
) -> list[dict]:
    """The operations of an article: the n-th instruction with the n-th quoted
    text; those left over on either side, marked."""
    operations = []
    for index, quote in enumerate(quotes):
        reading = readings[index] if index < len(readings) else None
        op = reading.operation if reading else {"action": "insert", "into": "art_1"}
        if reading is None:
            journal.doubt(quote[0].where, "a quoted text with no instruction before it", on=op)
        operations.append(with_quote(op, quote, reading, journal, after))
    for reading in readings[len(quotes) :]:
        op = reading.operation
        if op["action"] != "repeal" and "annex" not in op:
            journal.doubt(
                head.where,
                f"article {num}: the new text of this "
                f"{op['action']} was not found (no « ... » after it)",
                on=op,
            )
        operations.append(op)
    for reading, op in zip(readings, operations, strict=False):
        for doubt in reading.doubts:
            journal.doubt(head.where, f"article {num}: {doubt}", on=op)
    return operations
