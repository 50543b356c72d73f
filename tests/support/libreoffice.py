"""Whether the tests that run LibreOffice are skipped on purpose
(CONVENTIO_SKIP_LIBREOFFICE=1). The `libreoffice` marker itself, and what it
does, live in tests/conftest.py; this is for a fixture that makes less when
LibreOffice is skipped (DOCX only, no PDF)."""

from __future__ import annotations

import os

#: set to 1 to skip, on purpose, every test that runs LibreOffice
SKIP_LIBREOFFICE_ENV = "CONVENTIO_SKIP_LIBREOFFICE"


def libreoffice_skipped() -> bool:
    return os.environ.get(SKIP_LIBREOFFICE_ENV) == "1"
