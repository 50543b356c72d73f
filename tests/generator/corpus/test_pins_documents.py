"""Pins the corpus: each document validates, has the id its path gives, and
states French texts only, with known slots (tests/support/corpus_pins.py)."""

from __future__ import annotations

import pytest

from generator.model.choices import choice_in, problems_in
from generator.model.slots import SLOT_NAMES
from generator.model.text import CHOICE_RE, FOOTNOTE_RE, SLOT_RE
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


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_every_bracketed_alternative_is_a_choice(doc_id):
    """A model's bracketed alternatives ("[de collaboration]") are choices: outside
    a choice, a text holds a bracket only as a footnote reference `[^1]`."""
    problems = []
    for path, text in i18n_texts(raw(doc_id)):
        outside = FOOTNOTE_RE.sub("", CHOICE_RE.sub("", text["fr"]))
        if "[" in outside or "]" in outside:
            problems.append(f"{path}: a bracket outside a choice: {text['fr']}")
        problems += [f"{path}: {p}" for p in problems_in(text["fr"])]
    assert not problems, "\n".join(problems)


PSYCHOLOGIST = "[le prestataire de soins (psychologue/orthopédagogue clinicien)]"


def test_the_choices_of_the_provider_model_are_the_seeds_alternatives():
    expected = [
        ("always", [("", "[de collaboration]")]),
        (
            "provider_kind",
            [
                ("psychologist", PSYCHOLOGIST),
                ("organisation", "[l’organisation]"),
            ],
        ),
    ]
    for doc_id in ("network-provider-2021/convention", "network-provider-2021/avenant-2023-09"):
        found = [choice_in(m) for m in CHOICE_RE.finditer(doc(doc_id).title.fr)]
        assert [(c.selector, [(a.when, a.words) for a in c.alternatives]) for c in found] == (
            expected
        )
