"""Test documents for `conventio import`, typeset the way INAMI's are and not the way
conventio prints them, built with python-docx (and turned into PDF by a real
LibreOffice with `to_pdf`).

Each builder `build_<name>(folder)` writes `<name>.docx` and returns its path;
`expected_<name>()` gives what the importer should make of it, in the corpus format
(docs/corpus-format.md), limited to what the document states for sure.  The texts
come from the corpus (conventions/*.yaml) where it has them, printed as the blank
published model prints them (`{network.name|xxxxx}` -> `xxxxx`), so that the
expectations are exact.  The documents are rendered from the expected provisions,
so the two cannot drift apart.

- amendment_numbered_headings: the sixth amendment's article 14/1 and annex rows;
  article titles are Word headings numbered automatically ("Article %1": the
  paragraph text is empty), a running header, a footer with a PAGE field, a
  two-column annex table whose header row repeats, long wrapped descriptions.
- convention_bold_titles: a base convention whose article titles are typed in bold
  ("Article 1er", run-in "Art. 2.", "Article 3 – Objet", "Article 4" with its title
  on the next line), §, 1°, a), dashes, soft hyphens that LibreOffice breaks at line
  ends, a real Word footnote, a footer "Page X sur Y".
- amendment_replace_repeal: every kind of operation (replace an article, a
  paragraph, a point; repeal; insert a paragraph), justified Liberation Serif 11 pt,
  margins 2.5 cm, and an entry into force with an exception.

One module per document (numbered_headings, bold_titles, replace_repeal), each made
of the corpus texts (corpus_texts) with the Word writers (word); this module lists
them and says what the tests may expect of each; `drafts` holds how the tests look
at a draft and their cases (each document, from its DOCX and from its PDF).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.support.import_docs.bold_titles import (
    FOOTNOTE,
    build_convention_bold_titles,
    expected_convention_bold_titles,
)
from tests.support.import_docs.numbered_headings import (
    HEADER,
    build_amendment_numbered_headings,
    expected_amendment_numbered_headings,
)
from tests.support.import_docs.replace_repeal import (
    build_amendment_replace_repeal,
    expected_amendment_replace_repeal,
)

__all__ = [
    "BUILDERS",
    "EXPECTED",
    "FOOTNOTE",
    "HEADER",
    "MIN_PAGES",
    "PAGE_NUMBERED",
    "RUNNING",
    "build_all",
    "to_pdf",
]

#: running texts that must end up in `omitted`, never in the draft, per document
RUNNING: dict[str, list[str]] = {"amendment_numbered_headings": [HEADER]}
#: documents whose footer prints a page number ("Page 2", "Page 2 sur 3")
PAGE_NUMBERED = ("amendment_numbered_headings", "convention_bold_titles")
#: the least number of pages each PDF has
MIN_PAGES = {
    "amendment_numbered_headings": 3,
    "convention_bold_titles": 2,
    "amendment_replace_repeal": 2,
}

BUILDERS: dict[str, Callable[[Path], Path]] = {
    "amendment_numbered_headings": build_amendment_numbered_headings,
    "convention_bold_titles": build_convention_bold_titles,
    "amendment_replace_repeal": build_amendment_replace_repeal,
}
EXPECTED: dict[str, Callable[[], dict[str, Any]]] = {
    "amendment_numbered_headings": expected_amendment_numbered_headings,
    "convention_bold_titles": expected_convention_bold_titles,
    "amendment_replace_repeal": expected_amendment_replace_repeal,
}


def build_all(folder: Path) -> dict[str, Path]:
    """Every document as DOCX in `folder`: {name: path}."""
    return {name: build(folder) for name, build in BUILDERS.items()}


def to_pdf(docx_paths: list[Path], out_dir: Path) -> dict[Path, Path]:
    """Convert with a real LibreOffice, all in one run (one start): {docx: pdf}."""
    from generator.pdf.libreoffice import convert_many

    return convert_many(docx_paths, out_dir, workers=1)
