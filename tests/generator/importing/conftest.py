"""The documents `conventio import` is tried on (tests/support/import_docs), made
once for the layout tests of this folder: every DOCX, and all their PDFs from one
LibreOffice run; each file imported once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.support import import_docs as docs
from tests.support.import_docs.drafts import Case


@pytest.fixture(scope="package")
def docx_files(tmp_path_factory) -> dict[str, Path]:
    return docs.build_all(tmp_path_factory.mktemp("import-docx"))


@pytest.fixture(scope="package")
def pdf_files(docx_files, tmp_path_factory) -> dict[str, Path]:
    """All the PDFs, from one LibreOffice run."""
    converted = docs.to_pdf(list(docx_files.values()), tmp_path_factory.mktemp("import-pdf"))
    return {name: converted[path] for name, path in docx_files.items()}


@pytest.fixture(scope="package")
def imported():
    """import_document, each file imported once."""
    from generator.importing import import_document

    done: dict[Path, Any] = {}

    def get(path: Path) -> Any:
        if path not in done:
            done[path] = import_document(path)
        return done[path]

    return get


@pytest.fixture
def case(request, docx_files, imported) -> Case:
    name, fmt = request.param
    files = docx_files if fmt == "docx" else request.getfixturevalue("pdf_files")
    return Case(name, fmt, files[name], imported(files[name]), docs.EXPECTED[name]())
