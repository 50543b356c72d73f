"""The shipped corpus, loaded once for the bonus tests (none of them changes it;
a test that edits parameters works on a copy)."""

from __future__ import annotations

import pytest

from generator.corpus.loader import load_corpus


@pytest.fixture(scope="package")
def corpus():
    return load_corpus()
