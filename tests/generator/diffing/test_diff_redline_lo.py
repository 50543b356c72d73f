"""The redline of real corpus diffs, accepted and rejected by LibreOffice:
accepting every change gives the right side's text, rejecting every change
the left side's."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.corpus.loader import load_corpus
from generator.diffing.adapter import spell, to_redline
from generator.diffing.engine import diff
from generator.diffing.redline import write_redline
from tests.support.libreoffice_tracked_changes import accept_and_reject

PAIRS = {
    "article_14_1": (
        "inami-network-2021/avenant-06#art_14-1",
        "network-provider-2021/avenant-2023-09#art_14-1",
    ),
    "article_17": (
        "network-provider-2021@2023-08-31#art_17",
        "network-provider-2021@2023-09-25#art_17",
    ),
}


def _lines(lines: list[str]) -> list[str]:
    return [line for line in lines if line.strip()]


@pytest.mark.libreoffice
def test_libreoffice_accepts_to_the_right_and_rejects_to_the_left(tmp_path):
    corpus = load_corpus()
    documents = {name: to_redline(diff(corpus, *pair)) for name, pair in PAIRS.items()}
    when = dt.datetime(2023, 10, 1, tzinfo=dt.UTC)
    files = {name: write_redline(doc, "conventio", when) for name, doc in documents.items()}
    outcomes = accept_and_reject(files, tmp_path)
    for name, doc in documents.items():
        outcome = outcomes[name]
        assert outcome.redlines > 0, name
        assert _lines(outcome.accepted)[2:] == _lines(spell(doc, "right")), name
        assert _lines(outcome.rejected)[2:] == _lines(spell(doc, "left")), name
