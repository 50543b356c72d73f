"""Annexes: the heading ("Annexe 1 : liste des pseudocodes"), the table of
pseudocodes (a header row, then code and description per row, a wrapped
description joined again), the notes under it and the abbreviations."""

from __future__ import annotations

import re

from generator.importing.read.extract import Block
from generator.importing.recognise.journal import Journal

ANNEX = re.compile(r"^(Annexe|ANNEXE|Bijlage|Anlage)\s+(?P<num>\d+|[IVX]+)\b")
_CODE_ROW = re.compile(r"^(?P<code>\d{6})\s+(?P<desc>\S.*)$", re.S)
_ABBREVIATIONS = re.compile(r"^abréviations?\s*:?\s*$", re.I)
_ABBREVIATION = re.compile(r"^(?P<abbr>[A-ZÀ-Ý][A-ZÀ-Ý0-9./-]{1,15})\s*[:=–-]\s+(?P<meaning>\S.*)$")


def annex_heading(block: Block) -> re.Match | None:
    return ANNEX.match(block.text.strip())


def code_row(block: Block) -> tuple[str, str] | None:
    """(code, description) when the block is a row of a pseudocode table,
    whether the reader saw a table (cells) or a line of text."""
    if block.cells is not None:
        cells = [c.strip() for c in block.cells if c.strip()]
        if len(cells) >= 2 and re.fullmatch(r"\d{6}", cells[0]):
            return cells[0], " ".join(cells[1:])
        return None
    m = _CODE_ROW.match(block.text.strip())
    return (m["code"], m["desc"].strip()) if m else None


def abbreviation(text: str) -> tuple[str, str] | None:
    """(abbreviation, meaning) of a line "SPPL : Soins psychologiques ...", or None."""
    m = _ABBREVIATION.match(text.strip())
    return (m["abbr"], m["meaning"].strip()) if m else None


def check_digit_ok(code: str) -> bool:
    return int(code[:5]) % 7 == int(code[5])


def annex(heading: Block, blocks: list[Block], journal: Journal) -> dict:
    m = ANNEX.match(heading.text.strip())
    node: dict = {"num": m["num"], "heading": {"fr": heading.text.strip()}}
    rows: list[dict] = []
    notes: list[dict] = []
    abbreviations: list[dict] = []
    in_abbreviations = False
    for block in blocks:
        row = code_row(block)
        if row is not None and not in_abbreviations:
            code, description = row
            entry = {"code": code, "description": {"fr": description}}
            if not check_digit_ok(code):
                journal.doubt(
                    block.where,
                    f"pseudocode {code}: its last digit is not the first five modulo 7 "
                    "(misread, or a typo in the source?)",
                    on=entry,
                )
            rows.append(entry)
            continue
        if block.cells is not None and not rows:
            node["columns"] = [{"fr": c.strip()} for c in block.cells if c.strip()]
            continue
        text = block.text.strip()
        if not rows and not notes and _looks_like_column_header(text):
            node["columns"] = [{"fr": w} for w in text.split()]
            continue
        if _ABBREVIATIONS.match(text):
            in_abbreviations = True
            journal.consume(text)
            continue
        if in_abbreviations and (a := _ABBREVIATION.match(text)):
            abbreviations.append({"abbr": a["abbr"], "meaning": {"fr": a["meaning"].strip()}})
            continue
        if block.cells is not None and rows:
            cells = [c.strip() for c in block.cells if c.strip()]
            if cells and rows and len(cells) == 1:
                # a row whose code cell is empty: the description goes on
                rows[-1]["description"]["fr"] += " " + cells[0]
                journal.doubt(
                    block.where,
                    f"a table row without a code was joined to the row of {rows[-1]['code']}",
                    on=rows[-1],
                )
                continue
        notes.append({"fr": text})
    if rows:
        node["rows"] = rows
    else:
        journal.doubt(heading.where, "no pseudocode rows were found under this annex", on=node)
        node["declared_only"] = True
    if notes:
        node["notes"] = notes
    if abbreviations:
        node["abbreviations"] = abbreviations
    return node


def _looks_like_column_header(text: str) -> bool:
    words = text.lower().split()
    return 1 <= len(words) <= 4 and any(w.startswith(("pseudocode", "code")) for w in words)
