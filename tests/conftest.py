from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from minicorpus import write_corpus  # noqa: E402


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A valid small corpus in a temporary folder."""
    return write_corpus(tmp_path / "corpus")
