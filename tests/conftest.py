"""What every test shares: the `libreoffice` marker's behaviour and the mini corpus.

A test that runs a real LibreOffice says so with `@pytest.mark.libreoffice` (on
the test, its parameter, or the module's `pytestmark`) and nothing else:

- CONVENTIO_SKIP_LIBREOFFICE=1 skips every such test, with that reason;
- otherwise they run. CI installs LibreOffice, so a missing one is not a reason
  to skip (a skip would hide a broken install): the header of the run says it
  was not found, and each such test fails with the message saying how to
  install it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.libreoffice import SKIP_LIBREOFFICE_ENV, libreoffice_skipped
from tests.support.minicorpus import write_corpus


def _libreoffice_state() -> str:
    """One line on the LibreOffice the tests marked `libreoffice` use."""
    if libreoffice_skipped():
        return f"LibreOffice: not used ({SKIP_LIBREOFFICE_ENV}=1): the tests that run it skip"
    from generator.errors import ConventioError
    from generator.pdf.soffice import find_soffice

    try:
        return f"LibreOffice: {find_soffice()}"
    except ConventioError:
        return (
            "LibreOffice: NOT FOUND. The tests marked `libreoffice` fail: install it "
            f"(sudo apt-get install libreoffice-writer-nogui) or set {SKIP_LIBREOFFICE_ENV}=1 "
            "to skip them"
        )


def pytest_report_header(config: pytest.Config) -> str:
    return _libreoffice_state()


def pytest_terminal_summary(terminalreporter, exitstatus: int, config: pytest.Config) -> None:
    # the header is not shown with -q (CI's run): a missing LibreOffice is said at the end too
    state = _libreoffice_state()
    if "NOT FOUND" in state:
        terminalreporter.write_line(state, red=True, bold=True)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if not libreoffice_skipped():
        return
    skip = pytest.mark.skip(reason=f"{SKIP_LIBREOFFICE_ENV}=1: LibreOffice skipped on purpose")
    for item in items:
        if item.get_closest_marker("libreoffice"):
            item.add_marker(skip)


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A valid small corpus in a temporary folder."""
    return write_corpus(tmp_path / "corpus")
