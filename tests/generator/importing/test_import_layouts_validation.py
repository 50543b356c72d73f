"""`conventio import` on documents typeset the way INAMI's are, not the way conventio
prints them (tests/support/import_docs builds them), each imported from its DOCX and
from the PDF a real LibreOffice makes of it (tests marked `libreoffice`; all PDFs
come from one LibreOffice run, see conftest.py): the draft validates
against the corpus models, part by part and as a whole document, and reads the same
from either file."""

from __future__ import annotations

import pytest
import yaml

from tests.support import import_docs as docs
from tests.support.import_docs.drafts import (
    NARROW_COLUMN_SPLIT,
    cases,
    validate_parts,
    without_notes,
)


@pytest.mark.parametrize("case", cases(), indirect=True)
def test_draft_parts_validate_with_the_corpus_models(case):
    """MODEL VALIDATION (parts) of the draft text."""
    validate_parts(yaml.safe_load(case.result.yaml))


@pytest.mark.parametrize("case", cases(), indirect=True)
def test_draft_validates_as_a_corpus_document(case):
    """MODEL VALIDATION (whole document): the draft loads as the loader loads a corpus
    file (generator.model.document_types.DOCUMENT_TYPES); what the document does not state
    (sources, dates, amends, signatories) must be there as placeholders."""
    from generator.model.document_types import DOCUMENT_TYPES

    data = yaml.safe_load(case.result.yaml)
    DOCUMENT_TYPES[data["type"]].model_validate(data)


@pytest.mark.parametrize(
    "name",
    [
        pytest.param(
            n,
            marks=(pytest.mark.libreoffice, NARROW_COLUMN_SPLIT)
            if n == "convention_bold_titles"
            else pytest.mark.libreoffice,
        )
        for n in docs.BUILDERS
    ],
)
def test_docx_and_pdf_give_the_same_articles_and_annexes(name, docx_files, pdf_files, imported):
    """The same draft from either file (notes aside: they may say where a thing was
    read, "page 3" or "paragraph 12")."""
    from_docx, from_pdf = imported(docx_files[name]).data, imported(pdf_files[name]).data
    assert without_notes(from_pdf["articles"]) == without_notes(from_docx["articles"])
    assert without_notes(from_pdf.get("annexes", [])) == without_notes(from_docx.get("annexes", []))
