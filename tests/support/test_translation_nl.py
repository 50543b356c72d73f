"""A Dutch (or German) DOCX of the sixth amendment, made for tests: a TEST TRANSLATION, not
an official text (the sources give no Dutch). Each text of the corpus is printed
as « TEST-NL · <its French> », so that it keeps every amount, date, pseudocode and
reference; the structure is printed with Dutch keywords (« Artikel 1 »,
« Bijlage 1 », « Afkortingen: »), the slots as the blank model prints them
(their placeholder, « XXX »), the quoted new article between quotation marks.

Written here, independently of the aligner, in the order the published
amendment prints its parts. `changes` lets a test spoil it on purpose: an extra
paragraph, a row left out, a wrong amount."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import docx
import yaml

from generator.model.text import SLOT_RE
from tests.support.paths import ROOT

SIXTH = "inami-network-2021/avenant-06"
MARK = "TEST-NL · "
#: the words of the structure, and the mark of a test translation, per language
KEYWORDS = {
    "nl": {"article": "Artikel", "annex": "Bijlage", "abbreviations": "Afkortingen:", "mark": MARK},
    "de": {
        "article": "Artikel",
        "annex": "Anlage",
        "abbreviations": "Abkürzungen:",
        "mark": "TEST-DE · ",
    },
}


def sixth_amendment() -> dict:
    return yaml.safe_load((ROOT / "conventions" / f"{SIXTH}.yaml").read_text("utf-8"))


@dataclass
class Changes:
    #: a paragraph printed after the one whose French starts with the key
    extra_after: dict[str, str] = field(default_factory=dict)
    #: pseudocodes whose row is left out of the annex
    rows_left_out: set[str] = field(default_factory=set)
    #: (old, new) replaced in every text (a wrong amount)
    replace: tuple[str, str] | None = None
    #: "nl", or "de" for a German test translation (« TEST-DE · », « Anlage 1 »)
    lang: str = "nl"


def dutch(french: str, changes: Changes | None = None) -> str:
    """The test translation of a French text, as printed: slots as their placeholder."""
    mark = KEYWORDS[changes.lang]["mark"] if changes else MARK
    text = mark + SLOT_RE.sub(lambda m: m.group(2) or "", french)
    if changes and changes.replace:
        text = text.replace(*changes.replace)
    return text


def write_dutch_docx(path: Path, changes: Changes | None = None) -> Path:
    changes = changes or Changes()
    data = sixth_amendment()
    document = docx.Document()
    writer = _Writer(document, changes)
    words = KEYWORDS[changes.lang]
    writer.text(data["title"]["fr"], bold=True)
    for recital in data["recitals"]:
        writer.text(recital["fr"])
    for block in data["preamble"]:
        writer.party(block)
    for article in data["articles"]:
        writer.label(f"{words['article']} {article['num']}")
        writer.text(article["text"]["fr"])
        for operation in article.get("operations", []):
            if "provision" in operation:
                writer.quoted(operation["provision"])
    closing = data["closing"]
    writer.text(closing["place_date"]["fr"])
    for signature in closing["signatures"]:
        for line in signature["lines"]:
            writer.text(line["fr"])
        for key in ("capacity", "capacity_feminine"):
            if key in signature:
                writer.text(signature[key]["fr"])
    for annex in data["annexes"]:
        writer.annex(annex)
    document.save(path)
    return path


class _Writer:
    def __init__(self, document, changes: Changes):
        self.document, self.changes = document, changes

    def text(self, french: str, *, before: str = "", after: str = "", bold: bool = False):
        paragraph = self.document.add_paragraph()
        paragraph.add_run(before + dutch(french, self.changes) + after).bold = bold
        for start, extra in self.changes.extra_after.items():
            if french.startswith(start):
                self.document.add_paragraph(extra)

    def label(self, text: str) -> None:
        self.document.add_paragraph().add_run(text).bold = True

    def party(self, block: dict) -> None:
        bullet = "• " if block.get("bullet") else ""
        for index, variant in enumerate(block.get("variants", [block])):
            if index:
                self.text(block["separator"]["fr"])
            for paragraph in variant["paragraphs"]:
                self.text(paragraph["fr"], before=bullet)

    def quoted(self, provision: dict) -> None:
        texts: list[tuple[str, str]] = []  # (label, French)
        _flatten(provision.get("children", []), texts)
        self.text(provision["heading"]["fr"], before='"', bold=True)
        self.label(f"{KEYWORDS[self.changes.lang]['article']} {provision['num']}")
        for index, (label, french) in enumerate(texts):
            last = index == len(texts) - 1
            self.text(french, before=f"{label} " if label else "", after='".' if last else "")

    def annex(self, annex: dict) -> None:
        heading = annex["heading"]["fr"].replace("Annexe 1 :", "")
        words = KEYWORDS[self.changes.lang]
        self.label(f"{words['annex']} {annex['num']}: {dutch(heading.strip(), self.changes)}")
        rows = [r for r in annex["rows"] if r["code"] not in self.changes.rows_left_out]
        table = self.document.add_table(rows=1 + len(rows), cols=2)
        table.style = "Table Grid"
        for cell, column in zip(table.rows[0].cells, annex["columns"], strict=True):
            cell.text = dutch(column["fr"], self.changes)
        for row, entry in zip(table.rows[1:], rows, strict=True):
            row.cells[0].text = entry["code"]
            row.cells[1].text = dutch(entry["description"]["fr"], self.changes)
        for note in annex.get("notes", []):
            self.text(note["fr"])
        self.label(words["abbreviations"])
        for entry in annex.get("abbreviations", []):
            self.text(entry["meaning"]["fr"], before=f"{entry['abbr']}: ")


def _flatten(children: list[dict], out: list[tuple[str, str]]) -> None:
    for child in children:
        out.append((child.get("num", "") if child["kind"] == "point" else "", child["text"]["fr"]))
        _flatten(child.get("children", []), out)
