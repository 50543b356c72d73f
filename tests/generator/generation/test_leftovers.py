"""A copy that would still print a model's bracketed alternative or placeholder
is refused, by generation and by `conventio templates check`
(generator/generation/leftovers.py); what a model prints on purpose passes."""

from __future__ import annotations

import datetime as dt
import shutil

import docx
import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.consolidation.tree import Change
from generator.corpus.loader import load_corpus
from generator.generation.leftovers import leftovers_in_text
from generator.generation.sentinels import sentinel
from generator.generation.template_check import check_templates
from generator.rendering.provisions import NOT_IN_CORPUS, REPEALED, change_note
from tests.support.minicorpus import AMENDMENT, write_corpus
from tests.support.paths import ROOT

EXAMPLES = ROOT / "examples" / "parties.yaml"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Modèle de convention [de collaboration] entre", "[de collaboration]"),
        ("et [le prestataire] [l’organisation] concernant", "[le prestataire]"),
        ("le réseau XXX et", "XXX"),
        ("le Réseau de santé mentale xxxxx du 26 juillet 2021", "xxxxx"),
        ("une commune (exemple) du réseau", "(exemple)"),
        ("une parenthèse ouverte [sans fin", "["),
    ],
)
def test_a_model_word_is_a_leftover(text, words):
    found = leftovers_in_text(text, "paragraph 3")
    assert [x.words for x in found][:1] == [words]
    assert str(found[0]).startswith(f"« {words} » (paragraph 3: « ")


@pytest.mark.parametrize(
    "text",
    [
        "Faite à …..          le ….,",  # written by hand when signing (BY_HAND)
        f"le réseau {sentinel('network.name')} et",  # the party's value, put in later
        NOT_IN_CORPUS["fr"],
        REPEALED["nl"],
        change_note(Change("conv/a1", "1", "insert", dt.date(2023, 9, 1), "art_2"), "fr"),
        "le Roi Xavier, l'annexe XX, le code 792514",
    ],
)
def test_what_a_copy_prints_on_purpose_is_no_leftover(text):
    assert leftovers_in_text(text, "paragraph 1") == []


def _corpus_with_leftover(tmp_path):
    amendment = AMENDMENT.replace(
        'text: {fr: "Un article 2/1 est ajouté comme suit :"}',
        'text: {fr: "Un article 2/1 est ajouté [au réseau] [à l’hôpital] comme suit :"}',
    )
    return write_corpus(tmp_path / "corpus", **{"conv/a1.yaml": amendment})


def test_generation_refuses_a_copy_with_a_leftover_and_writes_nothing(tmp_path):
    corpus = _corpus_with_leftover(tmp_path)
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        [
            "--corpus",
            str(corpus),
            "generate",
            "conv/a1",
            "--parties",
            str(EXAMPLES),
            "--only",
            "net-01,net-02",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "2 document(s) cannot be generated; nothing was written" in result.output
    assert (
        "net-01: the copy of conv/a1 would still print the model's « [au réseau] » "
        "(paragraph 3: « Un article 2/1 est ajouté [au réseau] [à l’hôpital] comme suit : »)"
    ) in result.output.replace("\u00a0", " ")  # the copy's French non-breaking spaces
    assert "write the model's alternatives as a choice in the corpus" in result.output
    assert not out.exists()


def test_templates_check_refuses_a_template_that_prints_a_placeholder(tmp_path):
    folder = tmp_path / "templates" / "fr"
    shutil.copytree(ROOT / "templates" / "fr", folder)
    path = folder / "circular.docx"
    document = docx.Document(str(path))
    document.add_paragraph("Réseau XXX, (exemple)")
    document.save(str(path))
    ok, text = check_templates(load_corpus(), tmp_path / "templates")
    assert not ok
    assert f"{path}: a copy of circulars/note-2022-04-25-art13 (adults) would still print " in text
    assert "the model's « XXX » (paragraph " in text and "« (exemple) »" in text
    assert text.endswith(f"1 problem(s) in {tmp_path / 'templates'}")
