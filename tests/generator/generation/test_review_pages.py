"""Issue 12: the pages a reviewer looks at, rendered to PNG.

For each kind of document the layout tests read back (tests/support/layout_docs.py),
its first page, the page of its signature blocks and the first page of its annex
are rendered with poppler's `pdftoppm` into an artefact folder,
`tests/artefacts/pages/` (or `$CONVENTIO_REVIEW_PAGES`), named
`<case>-<what>-p<page>.png`, so that a reviewer can look at them without running
anything else. The test proves that each page is the one its name says.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.layout_docs import AMENDMENTS, CASES, CIRCULAR, WITH_ANNEX, printed_lines
from tests.support.paths import ROOT

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ANNEX_HEADER = "pseudocodedescription"


def artefact_folder() -> Path:
    folder = Path(os.environ.get("CONVENTIO_REVIEW_PAGES", ROOT / "tests" / "artefacts" / "pages"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def signature_field_pages(pdf: Path) -> set[int]:
    """The pages (1, 2, ...) on which the PDF's signature fields sit."""
    from pypdf import PdfReader

    reader = PdfReader(str(pdf))
    numbers = {page.indirect_reference.idnum: n for n, page in enumerate(reader.pages, 1)}
    pages = set()
    for field in reader.root_object.get("/AcroForm", {}).get("/Fields", []):
        field = field.get_object()
        if field.get("/FT") == "/Sig" and "/P" in field:
            pages.add(numbers[field.raw_get("/P").idnum])
    return pages


def review_pages(pdf: Path, name: str) -> dict[str, int]:
    """What a reviewer looks at: the first page, the page where the copy is
    signed (the signature fields' page; a circular's closing lines), the annex."""
    lines = printed_lines(pdf)
    pages = {"first": 1}
    signed_on = signature_field_pages(pdf)
    if name in AMENDMENTS:
        assert signed_on, f"{name}: no signature field"
        pages["signature"] = min(signed_on)
    elif CASES[name][0] == CIRCULAR:
        closing = [line.page for line in lines if line.text.startswith("Bien à vous")]
        assert closing, f"{name}: the letter's closing is not printed"
        pages["signature"] = closing[0]
    else:  # an information copy: nobody signs it
        assert not signed_on, f"{name}: an information copy has signature fields"
    if name in WITH_ANNEX:
        # the table's header row: "pseudocode" and "description", side by side
        header = [line for line in lines if line.text.replace(" ", "").lower() == ANNEX_HEADER]
        annex = [line.page for line in header]
        assert annex, f"{name}: no annex table printed"
        pages["annex"] = annex[0]
    return pages


def render(pdf: Path, page: int, target: Path) -> Path:
    stem = target.with_suffix("")
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "60",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(pdf),
            str(stem),
        ],
        check=True,
        timeout=300,
    )
    return target


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", CASES)
def test_first_signature_and_annex_pages_are_rendered_for_review(layout_documents, name):
    pdf = layout_documents[name].get("pdf")
    if pdf is None:
        pytest.skip("LibreOffice skipped on purpose: no PDF to render")
    assert shutil.which("pdftoppm"), "poppler's pdftoppm is needed (.ci/run installs it)"
    folder = artefact_folder()
    pages = review_pages(pdf, name)
    for what, page in pages.items():
        png = render(pdf, page, folder / f"{name}-{what}-p{page}.png")
        assert png.read_bytes()[:8] == PNG_MAGIC
        assert png.stat().st_size > 2000  # a page with text on it, not an empty image
