"""The redline DOCX: native tracked changes, proved by LibreOffice.

The tests marked `libreoffice` hand every document of tests/support/redline_cases.py
to a real LibreOffice (one headless run for them all, see
tests/support/libreoffice_tracked_changes.py), which accepts all tracked changes and,
separately, rejects them all, and saves the text: accepting must give the right-hand
version, rejecting the left-hand one, paragraph by paragraph, table cells one per
line, row by row. CI installs LibreOffice, so these are not skipped when it is
missing (they fail saying how to install it); set CONVENTIO_SKIP_LIBREOFFICE=1 to
skip them on purpose.
"""

from __future__ import annotations

import pytest

from generator.diffing.redline import write_redline
from tests.support.libreoffice_tracked_changes import Outcome, accept_and_reject
from tests.support.redline_cases import AUTHOR, CASES, DATE, RANDOM, expected_text


@pytest.fixture(scope="module")
def libreoffice_outcomes(tmp_path_factory) -> dict[str, Outcome]:
    """Every document of CASES and RANDOM, accepted and rejected by one LibreOffice run."""
    docs = {name: case[0] for name, case in CASES.items()} | RANDOM
    files = {name: write_redline(doc, AUTHOR, DATE) for name, doc in docs.items()}
    return accept_and_reject(files, tmp_path_factory.mktemp("redline-lo"))


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", list(CASES))
def test_accept_all_gives_right_reject_all_gives_left(name, libreoffice_outcomes):
    doc, right, left = CASES[name]
    outcome = libreoffice_outcomes[name]
    assert outcome.redlines > 0
    assert outcome.accepted == right
    assert outcome.rejected == left
    # the hand-written expectations and the model's contract agree
    assert expected_text(doc, "insert") == right
    assert expected_text(doc, "delete") == left


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", list(RANDOM))
def test_accept_and_reject_on_mixed_documents(name, libreoffice_outcomes):
    doc = RANDOM[name]
    outcome = libreoffice_outcomes[name]
    assert outcome.accepted == expected_text(doc, "insert")
    assert outcome.rejected == expected_text(doc, "delete")
