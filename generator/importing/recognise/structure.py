"""Recognising the parts of a convention or an amendment in the blocks a
reader produced: title, recitals, preamble, articles, closing, annexes.

The blocks are cut at the first article and at the closing ("Fait à ...")
and each annex heading; quoted new texts (« ... ») in an amendment never cut
anything, since they hold articles of their own."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.importing.read.extract import Block, Omitted
from generator.importing.read.text_rules import superscript
from generator.importing.recognise import annexes as annex_parts
from generator.importing.recognise import frontmatter
from generator.importing.recognise.instructions import read_in_force, read_instruction
from generator.importing.recognise.journal import Journal
from generator.importing.recognise.markers import (
    SUPERSCRIPTS,
    article_marker,
    closing_quote,
    opens_quote,
)
from generator.importing.recognise.provisions import (
    FOOTNOTE,
    ProvisionBuilder,
    is_heading_candidate,
)

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


@dataclass
class _Scan:
    block: Block
    quoted: bool  # inside a quoted new text (« ... »)


def _scan(blocks: list[Block], notes: set[int]) -> list[_Scan]:
    """Which blocks are inside a quoted new text. A footnote under a quoted
    text (`notes`, by id) neither opens nor closes it."""
    result, inside = [], False
    for block in blocks:
        text = block.text.strip()
        if id(block) in notes:
            result.append(_Scan(block, inside))
        elif not inside and opens_quote(text) and not closing_quote(text[1:]):
            result.append(_Scan(block, True))
            inside = True
        elif inside:
            result.append(_Scan(block, True))
            if closing_quote(text):
                inside = False
        else:
            result.append(_Scan(block, opens_quote(text)))
    return result


def recognise(blocks: list[Block], omitted: list[Omitted], journal: Journal) -> dict:
    """The draft document (a dict in the corpus format) for these blocks."""
    blocks, notes = _footnotes_after_their_marks(_drop_own_layout(blocks, omitted))
    data: dict = {}
    if not blocks:
        journal.doubt("document", "no text was found", on=data)
        return data
    scan = _scan(blocks, notes)
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
        data["articles"] = _amendment_articles(
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


def _annex_starts(scan: list[_Scan], first: int) -> list[int]:
    starts = []
    for i in range(first, len(scan)):
        s = scan[i]
        if s.quoted or not annex_parts.annex_heading(s.block):
            continue
        following = [x.block for x in scan[i + 1 : i + 4]]
        if any(annex_parts.code_row(b) or b.cells is not None for b in following):
            starts.append(i)
    return starts


def _closing_start(scan: list[_Scan], first: int, end: int) -> int:
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


def _base_indent(blocks: list[Block]) -> float:
    return min((b.indent for b in blocks), default=0.0)


def _convention_articles(blocks: list[Block], journal: Journal, data: dict) -> list[dict]:
    root: dict = {"children": []}
    builder = ProvisionBuilder(root, journal, base_indent=_base_indent(blocks))
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


def _amendment_articles(
    body: list[_Scan], data: dict, journal: Journal, annex_nums: list[str]
) -> list[dict]:
    groups: list[list[_Scan]] = []
    for s in body:
        if not s.quoted and article_marker(s.block.text.strip(), bold=s.block.bold):
            groups.append([s])
        elif groups:
            groups[-1].append(s)
    in_force: str | None = None
    articles = []
    for group in groups:
        head = group[0].block
        marker = article_marker(head.text.strip(), bold=head.bold)
        journal.consume(marker.printed)
        article: dict = {"num": marker.num}
        own: list[Block] = []
        if marker.rest:
            own.append(Block(marker.rest, head.where))
        quotes: list[list[Block]] = []
        after: list[Block] = []
        for s in group[1:]:
            if s.quoted:
                if opens_quote(s.block.text.strip()) and (not quotes or _closed(quotes[-1])):
                    quotes.append([])
                quotes[-1].append(s.block)
            elif quotes:
                after.append(s.block)
            else:
                own.append(s.block)
        text = " ".join(b.text.strip() for b in own)
        if len(own) > 1:
            journal.doubt(
                head.where,
                f"article {marker.num}: its wording is in {len(own)} "
                "paragraphs, joined here into one",
                on=article,
            )
        article["text"] = {"fr": text}
        operations = []
        readings = []
        for sentence in [text] + [b.text for b in after]:
            reading = read_instruction(sentence, annex_nums)
            if reading.operation is not None:
                readings.append(reading)
        for index, quote in enumerate(quotes):
            reading = readings[index] if index < len(readings) else None
            op = reading.operation if reading else {"action": "insert", "into": "art_1"}
            if reading is None:
                journal.doubt(quote[0].where, "a quoted text with no instruction before it", on=op)
            operations.append(_with_quote(op, quote, reading, journal, after))
        for reading in readings[len(quotes) :]:
            op = reading.operation
            if op["action"] != "repeal" and "annex" not in op:
                journal.doubt(
                    head.where,
                    f"article {marker.num}: the new text of this "
                    f"{op['action']} was not found (no « ... » after it)",
                    on=op,
                )
            operations.append(op)
        for reading, op in zip(readings, operations, strict=False):
            for doubt in reading.doubts:
                journal.doubt(head.where, f"article {marker.num}: {doubt}", on=op)
        if operations:
            article["operations"] = operations
        if after and not readings[1:]:
            article["text_after"] = {"fr": " ".join(b.text.strip() for b in after)}
        force = read_in_force(text)
        if force is not None:
            whole, clauses = force
            if whole is not None:
                in_force = whole.isoformat()
            if clauses:
                article["entry_into_force"] = clauses
        articles.append(article)
    if in_force is not None:
        data["in_force"] = in_force
    return articles


def _closed(quote: list[Block]) -> bool:
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


def _with_quote(
    op: dict, quote: list[Block], reading, journal: Journal, after: list[Block]
) -> dict:
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
    builder = ProvisionBuilder(holder, journal, base_indent=_base_indent(blocks), quoted=True)
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
