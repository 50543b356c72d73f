"""The test documents of `conventio import` themselves (tests/support/import_docs):
their expectations are valid corpus parts, and the DOCX and the PDF LibreOffice
makes of each are real documents typeset as intended."""

from __future__ import annotations

import itertools
import re

import docx
import pytest
from pypdf import PdfReader

from tests.support import import_docs as docs
from tests.support.import_docs.drafts import fr_texts, squash, validate_parts


@pytest.mark.parametrize("name", list(docs.EXPECTED))
def test_expectations_are_valid_corpus_parts(name):
    validate_parts(docs.EXPECTED[name]())


@pytest.mark.libreoffice
def test_builders_make_real_documents(docx_files, pdf_files):
    for name, docx_path in docx_files.items():
        expected = docs.EXPECTED[name]()
        pages = [page.extract_text() for page in PdfReader(pdf_files[name]).pages]
        assert len(pages) >= docs.MIN_PAGES[name], name
        lines = [line.strip() for page in pages for line in page.splitlines()]
        printed = squash(" ".join(pages))
        known = squash(" ".join(fr_texts(expected)))
        for text in (expected["title"], *expected["recitals"], expected["closing"]):
            for words in fr_texts(text):
                assert squash(words) in printed, (name, words)
        for page_text in pages:  # a line ending in "word-" is a soft hyphen, never a real one
            page_lines = page_text.splitlines()
            for line, after in itertools.pairwise(page_lines):
                if re.search(r"\w-\s*$", line):
                    word = line.split()[-1][:-1] + after.split()[0]
                    assert word in known, (name, line, after)
        for annex in expected["annexes"]:
            for row in annex["rows"]:
                assert f"{row['code']} {squash(row['description']['fr'])}" in printed

        if name == "amendment_numbered_headings":
            # the numbers exist only in the numbering definition, the PDF prints them
            typed = [p.text for p in docx.Document(docx_path).paragraphs]
            assert not [t for t in typed if re.fullmatch(r"Article \d", t.strip())]
            assert [line for line in lines if re.fullmatch(r"Article \d", line)] == [
                "Article 1",
                "Article 2",
                "Article 3",
            ]
            for number, page_text in enumerate(pages, start=1):
                assert page_text.splitlines()[0].strip() == docs.HEADER, number
                assert f"Page {number}" in page_text.splitlines()[-1], number
        if name == "convention_bold_titles":
            broken = [line for line in lines if re.search(r"[a-zé]-$", line)]
            assert broken, "no soft hyphen was broken at a line end"
            package = docx.Document(docx_path).part.package
            assert any(p.partname == "/word/footnotes.xml" for p in package.iter_parts())
            assert squash(docs.FOOTNOTE) in squash(pages[-1])
            assert "Page 1 sur 2" in pages[0]
        if name == "amendment_replace_repeal":
            document = docx.Document(docx_path)
            assert document.styles["Normal"].font.name == "Liberation Serif"
            assert round(document.sections[0].left_margin.cm, 2) == 2.5
            fonts = PdfReader(pdf_files[name]).pages[0]["/Resources"]["/Font"]
            names = {str(font.get_object()["/BaseFont"]) for font in fonts.values()}
            assert any("LiberationSerif" in n for n in names), names
