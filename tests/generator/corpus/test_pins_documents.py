"""Pins the corpus: each document validates, has the id its path gives, and
states French texts only, with known slots (tests/support/corpus_pins.py)."""

from __future__ import annotations

import pytest

from generator.model.slots import SLOT_NAMES
from generator.model.text import SLOT_RE
from tests.support.corpus_pins import CORPUS, DOCUMENTS, doc, i18n_texts, raw


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_document_validates_and_id_matches_path(doc_id):
    # conventions/<x>/convention.yaml has the id <x>; any other file its path
    expected = doc_id.removesuffix("/convention")
    assert doc(doc_id).id == expected


def test_no_other_corpus_files():
    on_disk = sorted(str(p.relative_to(CORPUS).with_suffix("")) for p in CORPUS.rglob("*.yaml"))
    assert on_disk == sorted(DOCUMENTS)


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_texts_are_french_only_and_slots_known(doc_id):
    problems = []
    for path, text in i18n_texts(raw(doc_id)):
        if set(text) != {"fr"}:
            problems.append(f"{path}: languages {sorted(text)} (the sources are French only)")
        for m in SLOT_RE.finditer(text["fr"]):
            if m.group(1) not in SLOT_NAMES:
                problems.append(f"{path}: unknown slot {m.group(1)}")
            if m.group(2) is None:
                problems.append(f"{path}: slot {m.group(1)} without a placeholder")
    assert not problems, "\n".join(problems)
