"""The import readers on a document conventio generates (the provider amendment of
2023-09, as DOCX and as PDF): its headers and footers omitted, its articles and
annex read, the same from both files, and every word accounted for.

The `libreoffice` tests run soffice (CI installs it); set
CONVENTIO_SKIP_LIBREOFFICE=1 to skip them on purpose.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from generator.importing.read.opening import read_document
from generator.importing.read.text_rules import join_lines
from tests.support.paths import ROOT
from tests.support.read_docs import block_texts, find_block


@pytest.fixture(scope="module")
def generated(tmp_path_factory) -> dict[str, Path]:
    """conventio's own amendment 2023-09 for one provider, as DOCX and PDF."""
    from click.testing import CliRunner

    from generator.cli import cli

    out = tmp_path_factory.mktemp("generated")
    result = CliRunner().invoke(
        cli,
        [
            "generate",
            "network-provider-2021/avenant-2023-09",
            "--parties",
            str(ROOT / "examples" / "parties.yaml"),
            "--only",
            "psy-0010",
            "--format",
            "docx,pdf",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    folder = out / "network-provider-2021" / "avenant-2023-09"
    return {"docx": next(folder.glob("*.docx")), "pdf": next(folder.glob("*.pdf"))}


def _annex_rows() -> list[tuple[str, str]]:
    data = yaml.safe_load(
        (ROOT / "conventions/network-provider-2021/avenant-2023-09.yaml").read_text("utf-8")
    )
    return [(row["code"], row["description"]["fr"]) for row in data["annexes"][0]["rows"]]


@pytest.mark.libreoffice
def test_generated_pdf_headers_articles_and_annex(generated):
    extract = read_document(generated["pdf"])
    texts = block_texts(extract)
    pages = extract.pages
    assert pages is not None and pages >= 4

    headers = [o for o in extract.omitted if o.why == "running header"]
    footers = [o for o in extract.omitted if o.why == "footer"]
    # a network issues the provider amendment: its letterhead, not INAMI's (issue 12)
    network = yaml.safe_load((ROOT / "examples" / "parties.yaml").read_text("utf-8"))["networks"]
    net_10 = next(n for n in network if n["id"] == "net-10")
    for line in (net_10["name"], net_10["address"]):
        assert sum(o.text == line for o in headers) == pages
        assert line not in texts
    assert len(footers) == pages
    assert all(re.search(r"^Réf\. .* – page \d+ / \d+$", o.text) for o in footers)
    assert not any("Réf. network-provider" in t for t in texts)

    assert "Article 1" in texts and "Article 2" in texts
    assert find_block(extract, "Article 1").bold
    assert any("leerlingenbegeleiding¹ (CLB)" in t for t in texts)
    assert any("psycho-médico-sociaux² (CPMS)" in t for t in texts)

    rows = [block for block in extract.blocks if block.cells is not None]
    assert rows[0].cells == ("pseudocode", "description") and rows[0].bold
    code_rows = [row for row in rows if re.fullmatch(r"\d{6}", row.cells[0])]
    assert len(code_rows) == 46
    assert [tuple(row.cells) for row in code_rows] == _annex_rows()
    assert len({row.where for row in code_rows}) >= 2  # the table goes on to the next page
    # ... with its header row printed again there: read once, the repeat left out
    repeated = [o for o in extract.omitted if o.why == "repeated table header"]
    assert [o.text for o in repeated] == ["pseudocode | description"]


@pytest.mark.libreoffice
def test_generated_docx_reads_the_same(generated):
    from_docx = read_document(generated["docx"])
    from_pdf = read_document(generated["pdf"])
    # the notes are Word footnotes: the DOCX reader gives each after the paragraph
    # calling it, the PDF where it is printed, at the foot of the page
    notes = [b.text for b in from_docx.blocks if b.where.startswith("footnote ")]
    assert len(notes) == 2
    assert [t for t in block_texts(from_docx) if t not in notes] == [
        t for t in block_texts(from_pdf) if t not in notes
    ]
    assert all(note in block_texts(from_pdf) for note in notes)
    rows = [block.cells for block in from_docx.blocks if block.cells is not None]
    assert rows[0] == ("pseudocode", "description")
    assert [r for r in rows if re.fullmatch(r"\d{6}", r[0])] == _annex_rows()
    omitted = {o.text for o in from_docx.omitted}
    assert "Réseau Adultes Fictif Namur-Sud" in omitted  # the network's letterhead


def _words(text: str) -> Counter[str]:
    words = (w.strip(".,;:!?()[]«»\"'“”’") for w in text.split())
    return Counter(w for w in words if w)


@pytest.mark.libreoffice
def test_generated_pdf_every_word_accounted_for(generated):
    """Nothing is lost: every word pypdf sees is in a block or in what was omitted."""
    extract = read_document(generated["pdf"])
    raw = [page.extract_text() for page in PdfReader(str(generated["pdf"])).pages]
    lines = [line for page in raw for line in page.splitlines()]
    joined = ""
    for line in lines:
        joined = join_lines(joined, line) if joined else line
    # the annex's header cell "pseudocode", wrapped mid-word in its narrow column
    seen = _words(joined.replace("pseudocod e description", "pseudocode description"))
    kept_text = " ".join([*block_texts(extract), *(o.text for o in extract.omitted)])
    # a Word footnote's number is a raised digit to pypdf, "¹" in a block
    kept = _words(kept_text.translate(str.maketrans("¹²³", "123")))
    missing = seen - kept
    assert not missing, missing
