"""What the generation tests share: the shipped corpus, the example parties,
and the documents the layout tests of this folder read back, made once."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.corpus.loader import load_corpus
from generator.parties.check import load_parties
from tests.support.layout_docs import make_documents
from tests.support.libreoffice import libreoffice_skipped
from tests.support.paths import ROOT


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def examples():
    return load_parties(ROOT / "examples" / "parties.yaml")


@pytest.fixture(scope="package")
def layout_documents(tmp_path_factory) -> dict[str, dict[str, Path]]:
    """Each case of tests/support/layout_docs.py as DOCX, and as PDF unless
    LibreOffice is skipped on purpose."""
    formats = ("docx",) if libreoffice_skipped() else ("docx", "pdf")
    return make_documents(tmp_path_factory.mktemp("layout"), formats)
