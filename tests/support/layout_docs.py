"""The documents the layout tests read back (issue 12, "layout that reads as an
official text"), made once by the real generation, and how to look into them:
a DOCX's parts and paragraphs with their styles, a PDF's printed lines with
their position, font and size, its bookmarks and metadata."""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from generator.corpus.loader import load_corpus
from generator.generation.batch import generate
from generator.parties.check import load_parties
from tests.support.paths import ROOT

SIXTH = "inami-network-2021/avenant-06"
PROVIDER_AMENDMENT = "network-provider-2021/avenant-2023-09"
PROVIDER_CONVENTION = "network-provider-2021"
CIRCULAR = "circulars/psy-ort-2023-006"

#: name -> (document, the party it is made for, the date of a coordinated version)
CASES: dict[str, tuple[str, str, dt.date | None]] = {
    "sixth-children": (SIXTH, "net-01", None),
    "sixth-adults": (SIXTH, "net-02", None),
    "sixth-german-speaking": (SIXTH, "net-31", None),
    "provider-psychologist": (PROVIDER_AMENDMENT, "psy-0010", None),
    "provider-organisation": (PROVIDER_AMENDMENT, "org-002", None),
    "coordinated": (PROVIDER_CONVENTION, "psy-0010", dt.date(2023, 9, 25)),
    "circular": (CIRCULAR, "net-01", None),
}
#: the cases with an annex table, a quoted article, § 1/1 of article 17
WITH_ANNEX = [n for n in CASES if n != "circular"]
AMENDMENTS = [n for n, (doc, _, _) in CASES.items() if doc in (SIXTH, PROVIDER_AMENDMENT)]
WITH_PARAGRAPH_1_1 = ["provider-psychologist", "provider-organisation", "coordinated"]


def make_documents(out: Path, formats: tuple[str, ...]) -> dict[str, dict[str, Path]]:
    """Each case generated into `out`: name -> {"docx": path, "pdf": path}."""
    corpus, parties = load_corpus(), load_parties(ROOT / "examples" / "parties.yaml")
    made: dict[str, dict[str, Path]] = {}
    for name, (doc_id, party, at) in CASES.items():
        target = out / name
        result = generate(
            corpus, doc_id, parties, target, only={party}, formats=formats, at=at, lang="fr"
        )
        (entry,) = result.entries
        folder = target / doc_id if at is None else target / doc_id / at.isoformat()
        made[name] = {fmt: folder / info["path"] for fmt, info in entry.files.items()}
    return made


# -- DOCX ------------------------------------------------------------------------


def docx_part(path: Path, name: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name).decode("utf-8")


def docx_names(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as archive:
        return archive.namelist()


def styled_paragraphs(path: Path) -> list[tuple[str, str]]:
    """(style name, text) of each paragraph of the body, in order."""
    import docx

    document = docx.Document(str(path))
    return [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]


def style_of(path: Path, start: str) -> str:
    """The style of the first paragraph whose text holds `start`."""
    found = [s for s, text in styled_paragraphs(path) if start in text]
    assert found, start
    return found[0]


# -- PDF -------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintedLine:
    page: int  # 1, 2, ...
    x: float  # left edge, points from the page's left
    y: float  # baseline, points from the page's bottom
    size: float
    fonts: tuple[str, ...]
    text: str


def printed_lines(path: Path) -> list[PrintedLine]:
    """Every line of text the PDF prints, page by page, top to bottom, as pypdf
    sees it (the pieces on one baseline joined left to right)."""
    from pypdf import PdfReader

    lines: list[PrintedLine] = []
    for number, page in enumerate(PdfReader(str(path)).pages, start=1):
        pieces: list[tuple[float, float, float, str, str]] = []

        def visit(text, cm, tm, font, size, pieces=pieces):
            if text.strip():
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                name = str(font.get("/BaseFont", "")) if font else ""
                pieces.append((round(y, 1), x, size * abs(cm[3] or 1), name, text))

        page.extract_text(visitor_text=visit)
        rows: dict[float, list[tuple[float, float, str, str]]] = {}
        for y, x, size, font, text in pieces:
            key = next((k for k in rows if abs(k - y) <= 2.5), y)  # a raised mark: same line
            rows.setdefault(key, []).append((x, size, font, text))
        for y in sorted(rows, reverse=True):
            row = sorted(rows[y])
            text = re.sub(r"\s+", " ", "".join(t for *_, t in row)).strip()
            lines.append(
                PrintedLine(
                    number,
                    row[0][0],
                    y,
                    max(s for _, s, _, _ in row),
                    tuple(dict.fromkeys(f for _, _, f, _ in row)),
                    text,
                )
            )
    return lines


def line_with(lines: list[PrintedLine], start: str) -> PrintedLine:
    found = [line for line in lines if start in line.text]
    assert found, start
    return found[0]


def outline_titles(path: Path) -> list[tuple[int, str]]:
    """The PDF's bookmarks: (depth, title) in order."""
    from pypdf import PdfReader

    titles: list[tuple[int, str]] = []

    def walk(items, depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                titles.append((depth, item.title))

    walk(PdfReader(str(path)).outline, 0)
    return titles
