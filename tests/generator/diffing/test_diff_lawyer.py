"""The diff as a lawyer reads it (issue 13): in the document's language, with
its footnotes rendered and its annex notes in every format, and a provision the
corpus does not hold on one side said to be so, never reported as added."""

from __future__ import annotations

import io
import json

import docx
from click.testing import CliRunner
from docx.oxml.ns import qn

from generator.cli import cli

REPLACED = ("inami-network-2021@2023-09-24", "inami-network-2021@2023-09-26")
FOOTNOTED = ("network-provider-2021@2023-08-31", "network-provider-2021@2023-09-01")
SIXTH = "du sixième avenant à la convention du 26 juillet 2021"


def _paragraphs(path) -> list[str]:
    """Each paragraph of a redline with all its words, inserted and deleted."""
    document = docx.Document(io.BytesIO(path.read_bytes()))
    return [
        "".join(t.text or "" for t in p._p.iter(qn("w:t"), qn("w:delText")))
        for p in document.paragraphs
    ]


def _diff(*args: str) -> str:
    result = CliRunner().invoke(cli, ["diff", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_the_text_diff_speaks_french_with_dates_in_words():
    text = _diff(*REPLACED)
    lines = text.splitlines()
    assert lines[0] == (
        "Première version : Convention du 26 juillet 2021 (inami-network-2021), "
        "texte en vigueur au 24 septembre 2023"
    )
    assert lines[1].startswith("Seconde version : Convention du 26 juillet 2021")
    assert lines[3].startswith("Résumé : 1 ajout, 0 suppression, 0 modification")
    assert "Dispositions modifiées :" in text
    assumed = "(date présumée : approbation par le Comité)"
    assert (
        f"[Insertion par l'article 1er {SIXTH}, en vigueur le 25 septembre 2023 {assumed}]" in text
    )
    for english in ("Comparing", "Summary", " added", " was ", "2023-09-2"):
        assert english not in text


def test_an_annex_whose_old_text_is_not_held_is_not_reported_as_added():
    text = _diff(*REPLACED)
    assert "lignes d'annexe : 0 ajout, 0 suppression, 0 modification." in text
    assert "1 texte non repris dans le corpus" in text
    assert "  ? annexe 1 : texte non repris dans le corpus dans la première version" in text
    assert "46" not in text.split("Dispositions modifiées")[0]
    assert "+ 792514" not in text  # the new rows are shown, not as additions
    assert "792514  SPPL - séance de groupe" in text
    data = json.loads(_diff(*REPLACED, "--format", "json"))
    assert data["summary"]["counts"]["rows added"] == 0
    assert data["summary"]["counts"]["not held"] == 1
    annex = next(n for n in data["tree"] if n["eid"] == "annex_1")
    assert annex["kinds"] == ["not held"] and annex["not_held_on"] == "left"
    html = _diff(*REPLACED, "--format", "html")
    assert "texte non repris dans le corpus dans la première version" in html
    assert "<td>ajout</td>" not in html


def test_footnotes_are_rendered_not_raw():
    for fmt in ("text", "html", "json"):
        out = _diff(*FOOTNOTED, "--format", fmt)
        assert "[^1]" not in out and "[^2]" not in out, fmt
        assert "leerlingenbegeleiding¹ (CLB)" in out, fmt
        assert "¹ Tel qu’indiqué dans le “Decreet betreffende" in out, fmt


def test_annex_notes_and_abbreviations_are_in_every_format(tmp_path):
    note = "Tout ajout ou modification des pseudocodes sera publié sur le site web"
    abbreviation = "SPPL : Soins psychologiques de première ligne"
    for fmt in ("text", "html", "json"):
        out = _diff(*REPLACED, "--format", fmt)
        assert note in out and abbreviation in out, fmt
    target = tmp_path / "redline.docx"
    _diff(*REPLACED, "--format", "docx", "--output", str(target))
    paragraphs = _paragraphs(target)
    assert any(note in p for p in paragraphs) and abbreviation in paragraphs


def test_the_redline_keeps_the_placeholders_of_texts_not_held(tmp_path):
    target = tmp_path / "redline.docx"
    _diff(*REPLACED, "--format", "docx", "--output", str(target))
    texts = _paragraphs(target)
    # the articles cited only keep their placeholder; the old annex 1's is deleted
    assert texts.count("[texte non repris dans le corpus]") >= 2
    xml = docx.Document(io.BytesIO(target.read_bytes())).element.xml
    assert "<w:delText" in xml and "[texte non repris dans le corpus]</w:delText>" in xml


def test_counts_agree_in_number_and_other_languages_have_their_words():
    from generator.diffing.engine import diff_items
    from generator.diffing.render import summary_lines
    from generator.diffing.result import DiffResult
    from generator.diffing.sides import Side
    from generator.diffing.words import counted
    from tests.support.diff_trees import NEW, A, article, items

    assert [counted(n, "added", "fr") for n in (0, 1, 2)] == ["0 ajout", "1 ajout", "2 ajouts"]
    assert counted(0, "row", "nl") == "0 rijen" and counted(1, "row", "de") == "1 Zeile"
    left_items, right_items = items(article("1", text=A)), items(article("1", text=NEW))
    left = Side("L", "links", "convention", "x", None, left_items, lang="nl")
    right = Side("R", "rechts", "convention", "x", None, right_items, lang="nl")
    lines = summary_lines(DiffResult(left, right, diff_items(left_items, right_items)))
    assert lines[0] == "Eerste versie: links"
    assert lines[3].startswith("Overzicht: 0 toevoegingen, 0 schrappingen, 1 wijziging")
