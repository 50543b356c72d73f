"""Corpus texts built to hurt, each reported at its corpus line: footnote references
without their footnote, template tags in a text, amendments in force outside their
convention; the shipped corpus and templates still pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.support.minicorpus import AMENDMENT, CONVENTION, write_corpus


def _check(tmp_path: Path, name: str, text: str) -> tuple[str, list[str]]:
    root = write_corpus(tmp_path / "corpus", **{name: text})
    result = CliRunner().invoke(cli, ["--corpus", str(root), "check"])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    return result.output, text.splitlines()


def _line(lines: list[str], needle: str) -> int:
    return next(n for n, text in enumerate(lines, 1) if needle in text)


def test_a_footnote_reference_without_its_footnote(tmp_path):
    text = AMENDMENT.replace("La prime est de 1.000 euros.", "La prime[^2] est de 1.000 euros.")
    output, lines = _check(tmp_path, "conv/a1.yaml", text)
    assert (
        f"corpus/conv/a1.yaml:{_line(lines, 'La prime[^2]')}:18: [^2] refers to footnote 2, "
        "which is not given: add it to the 'footnotes' of this provision (or of the one "
        "holding it), or remove the reference"
    ) in output


def test_a_footnote_reference_outside_any_provision(tmp_path):
    text = AMENDMENT.replace("Un article 2/1 est ajouté", "Un article[^1] 2/1 est ajouté")
    output, lines = _check(tmp_path, "conv/a1.yaml", text)
    assert f"corpus/conv/a1.yaml:{_line(lines, 'article[^1]')}:12: [^1] refers to" in output


def test_a_footnote_given_by_the_article_holding_the_reference_is_fine(tmp_path):
    text = CONVENTION.replace(
        '        text: {fr: "Premier paragraphe."}',
        '        text: {fr: "Premier paragraphe[^a]."}',
    ).replace(
        '  - kind: article\n    num: "2"\n',
        '  - kind: article\n    num: "2"\n    footnotes: [{mark: a, text: {fr: "Une note."}}]\n',
    )
    root = write_corpus(tmp_path / "ok", **{"conv/convention.yaml": text})
    result = CliRunner().invoke(cli, ["--corpus", str(root), "check"])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("mark", ["{{ 7*7 }}", "{% if x %}", "{# note #}", "{{network.name|X}}"])
def test_template_tags_in_a_corpus_text_are_reported_at_the_corpus_line(tmp_path, mark):
    text = AMENDMENT.replace("La prime est de 1.000 euros.", f"La prime est de {mark} euros.")
    output, lines = _check(tmp_path, "conv/a1.yaml", text)
    assert (
        f"corpus/conv/a1.yaml:{_line(lines, 'La prime est de')}:18: this text contains "
        f"{mark[:2]!r}, which starts a tag in the Word templates documents are made from"
    ) in output
    assert "templates/" not in output


def test_an_amendment_in_force_before_its_convention_starts(tmp_path):
    # the message names the file, the line and the field (`in_force.date`)
    text = AMENDMENT.replace("date: 2023-01-01,", "date: 2021-06-01,")
    output, lines = _check(tmp_path, "conv/a1.yaml", text)
    assert (
        f"corpus/conv/a1.yaml:{_line(lines, 'date: 2021-06-01')}:30: in_force.date: the "
        "amendment comes into force on 2021-06-01, before conv starts (2021-09-01, its "
        "dates.start): correct the date, or the convention it amends"
    ) in output


def test_an_amendment_clause_or_operation_after_its_convention_ends(tmp_path):
    text = AMENDMENT.replace("date: 2023-06-01}", "date: 2024-06-01}").replace(
        "        target: art_2__para_2\n",
        "        target: art_2__para_2\n"
        "        in_force: {standing: stated, date: 2024-02-01, words: Au 1er février 2024.}\n",
    )
    output, lines = _check(tmp_path, "conv/a1.yaml", text)
    assert (
        f"corpus/conv/a1.yaml:{_line(lines, 'date: 2024-06-01')}:27: "
        "articles[4].entry_into_force[1].date: article 4 puts articles in force on "
        "2024-06-01, after conv ends (2023-12-31, its dates.end)"
    ) in output
    assert (
        f"corpus/conv/a1.yaml:{_line(lines, 'date: 2024-02-01')}:38: "
        "articles[2].operations[1].in_force.date: this operation applies on 2024-02-01, "
        "after conv ends (2023-12-31, its dates.end)"
    ) in output


def test_the_shipped_corpus_and_templates_still_pass():
    runner = CliRunner()
    checked = runner.invoke(cli, ["check"])
    assert checked.exit_code == 0, checked.output
    templates = runner.invoke(cli, ["templates", "check"])
    assert templates.exit_code == 0, templates.output
