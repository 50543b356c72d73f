"""`conventio import` on documents typeset the way INAMI's are, not the way conventio
prints them (tests/support/import_docs builds them), each imported from its DOCX and
from the PDF a real LibreOffice makes of it (tests marked `libreoffice`; all PDFs
come from one LibreOffice run, see conftest.py): running headers and page
numbers left out (and said so), nothing left unplaced, the draft's text its data."""

from __future__ import annotations

import re

import pytest
import yaml
from pypdf import PdfReader

from tests.support import import_docs as docs
from tests.support.import_docs.drafts import cases, fr_texts, squash

PAGE_NUMBER = re.compile(r"\bPage \d+\b")


@pytest.mark.parametrize("case", cases(), indirect=True)
def test_running_headers_and_page_numbers_are_omitted(case):
    texts = list(fr_texts(case.data))
    omitted = [squash(o.text) for o in case.result.omitted]
    pages = len(PdfReader(case.path).pages) if case.fmt == "pdf" else 1
    for running in docs.RUNNING.get(case.name, []):
        assert not [t for t in texts if running in t], f"{running!r} is in the draft"
        found = [o for o in omitted if running in o]
        assert len(found) >= pages, f"{running!r} omitted {len(found)} times, pages: {pages}"
    assert not [t for t in texts if PAGE_NUMBER.search(t)], "a page number is in the draft"
    if case.name in docs.PAGE_NUMBERED:
        if case.fmt == "pdf":  # each page's own number
            for page in range(1, pages + 1):
                assert any(re.search(rf"\bPage {page}\b", o) for o in omitted), f"page {page}"
        else:  # the footer that holds the PAGE field
            assert any("Page" in o for o in omitted)
    for item in case.result.omitted:
        assert item.where and item.why


@pytest.mark.parametrize("case", cases(), indirect=True)
def test_nothing_unplaced(case):
    assert case.result.unplaced == []


@pytest.mark.parametrize("case", cases(), indirect=True)
def test_draft_text_is_the_data(case):
    assert yaml.safe_load(case.result.yaml) == case.data
    for doubt in case.result.doubts:
        assert doubt.where and doubt.what
