"""The parts around the articles: title, recitals ("Vu ..."), the party
blocks of the preamble, and the closing (place and date, signatures)."""

from __future__ import annotations

import re

from generator.importing.read.extract import Block
from generator.importing.recognise.journal import Journal
from generator.importing.recognise.markers import indent_marker

RECITAL = re.compile(r"^(Vu|Considérant|Attendu|Sur (la )?proposition|Après avis)\b")
_CONNECTOR = re.compile(
    r"^(il est convenu|est convenu|entre\b|d['’]une part|et d['’]autre part|d['’]autre part|"
    r"et\s*[:,]?$|ont convenu|conviennent)",
    re.I,
)
CLOSING = re.compile(
    r"^((?i:ainsi\s+)?(?i:fait(e)?\s+(à|a|en)\b|établi(e)?\s+à|etabli(e)?\s+à)|"
    r"[A-Z][\w'’ -]{1,40},(\s+le\s+(\d|…|\.|_)|$))",
)
SIGNATURE = re.compile(r"^pour\s+(le|la|l['’]|les)\b", re.I)

#: who a party block or a signature block is about: first by the words it
#: opens with ("L'hôpital ...", "Pour le réseau,"), then by any it uses
_ROLES = (
    ("committee", r"comité de l['’]assurance|institut national|l['’]inami\b"),
    ("hospital", r"h[ôo]pital"),
    ("organisation", r"(responsable de )?l['’]\s?organisation"),
    ("provider", r"psychologue|orthopédagogue|prestataire"),
    ("network", r"réseau"),
)
_OPENING = re.compile(r"^(pour\s+)?(le|la|l['’]|les)?\s*", re.I)


def role_of(text: str) -> str | None:
    opening = text[_OPENING.match(text).end() :]
    for role, pattern in _ROLES:
        if re.match(pattern, opening, re.I):
            return role
    for role, pattern in _ROLES:
        if re.search(pattern, text, re.I):
            return role
    return None


def is_connector(text: str) -> bool:
    return bool(_CONNECTOR.match(text.strip())) and len(text) < 120


def split_title(blocks: list[Block], journal: Journal, anchor: dict) -> tuple[str, list[Block]]:
    """The title is the first run of emphasised blocks (bold, larger, centred,
    a heading or title style); what comes before it is kept as a comment."""
    for index, block in enumerate(blocks):
        text = block.text.strip()
        if RECITAL.match(text) or is_connector(text) or indent_marker(text):
            rest = blocks[index:]
            blocks = blocks[:index]
            break
    else:
        rest = []
    emphasised = [b.bold or b.size > 1.05 or b.centered or b.heading > 0 for b in blocks]
    if True in emphasised:
        start = emphasised.index(True)
        end = start
        while end < len(blocks) and emphasised[end]:
            end += 1
    else:
        start, end = 0, len(blocks)
        if blocks:
            journal.doubt(
                blocks[0].where,
                "no title set apart (bold, centred or larger) was found: "
                "all the text before the first « Vu » or party block is taken as the title",
                on=anchor,
            )
    for block in blocks[:start]:
        journal.stray(block.where, block.text, anchor, "text above the title (letterhead?)")
    title = " ".join(b.text.strip() for b in blocks[start:end])
    return title, blocks[end:] + rest


_LEADING_CONNECTOR = re.compile(r"^(Entre|D['’]une part,|Et d['’]autre part,|Et,)\s+(?=[a-zà-ÿ])")


def _split_connectors(blocks: list[Block]) -> list[Block]:
    """ "D'une part, le réseau ..." where a PDF ran the connecting words into
    the party's first line: two blocks, as the text has them."""
    result = []
    for block in blocks:
        m = _LEADING_CONNECTOR.match(block.text.strip())
        if m:
            result.append(Block(m[1], block.where, indent=block.indent))
            block = Block(block.text.strip()[m.end() :], block.where, indent=block.indent)
        result.append(block)
    return result


def preamble(blocks: list[Block], journal: Journal, anchor: dict) -> list[dict]:
    """Connecting words ("Entre", "D'une part,") become plain blocks; the
    paragraphs between them, or each bulleted one, a party block."""
    result: list[dict] = []
    current: dict | None = None
    for block in _split_connectors(blocks):
        text = block.text.strip()
        bullet = indent_marker(text)
        if is_connector(text):
            result.append({"paragraphs": [{"fr": text}]})
            current = None
            continue
        if bullet is not None:
            journal.consume(bullet.printed)
            text = bullet.rest
        if current is None or bullet is not None:
            current = {"paragraphs": []}
            if bullet is not None:
                current["bullet"] = True
            result.append(current)
        current["paragraphs"].append({"fr": text})
    for item in result:
        paragraphs = item["paragraphs"]
        if len(paragraphs) == 1 and is_connector(paragraphs[0]["fr"]):
            continue
        role = role_of(paragraphs[0]["fr"])
        if role is None:
            journal.doubt(
                blocks[0].where if blocks else "preamble",
                f"party block « {paragraphs[0]['fr'][:60]} » : which party is it? "
                "(committee, network, hospital, provider, organisation)",
                on=item,
            )
        else:
            item["party"] = role
        # keys in the corpus's order
        item_sorted = {k: item[k] for k in ("party", "bullet", "paragraphs") if k in item}
        item.clear()
        item.update(item_sorted)
    return result


def closing(blocks: list[Block], journal: Journal, anchor: dict) -> dict | None:
    """ "Fait à Bruxelles, le ..." then "Pour le réseau," blocks and the lines
    under each (names, "Signature :")."""
    place_date = None
    signatures: list[dict] = []
    for block in blocks:
        text = block.text.strip()
        if place_date is None and not signatures and CLOSING.match(text):
            place_date = {"fr": text}
        elif SIGNATURE.match(text):
            role = role_of(text)
            entry = {"role": role or "network", "lines": [{"fr": text}]}
            if role is None:
                journal.doubt(block.where, f"which party signs « {text} » ?", on=entry)
            signatures.append(entry)
        elif signatures:
            signatures[-1]["lines"].append({"fr": text})
        else:
            journal.stray(block.where, text, anchor, "text before the signatures")
    if not signatures:
        if place_date:
            journal.stray(
                blocks[0].where, place_date["fr"], anchor, "place and date without signatures"
            )
        return None
    result: dict = {}
    if place_date:
        result["place_date"] = place_date
    result["signatures"] = signatures
    return result
