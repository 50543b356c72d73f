"""The DOCX the reader tests of this folder share, built once (python-docx, no
LibreOffice)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.read_docs import make_docx


@pytest.fixture(scope="package")
def built(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("built")
    return {"docx": make_docx(folder / "convention.docx")}
