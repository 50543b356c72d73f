"""What the generation tests share: the shipped corpus and the example parties."""

from __future__ import annotations

import pytest

from generator.corpus.loader import load_corpus
from generator.parties.check import load_parties
from tests.support.paths import ROOT


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def examples():
    return load_parties(ROOT / "examples" / "parties.yaml")
