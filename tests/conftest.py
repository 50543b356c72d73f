from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.minicorpus import write_corpus


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A valid small corpus in a temporary folder."""
    return write_corpus(tmp_path / "corpus")
