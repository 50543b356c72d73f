"""A convention the corpus does not hold whole says so at its top in every
output of `show` (text, markdown, HTML, JSON) and on the first page of its
generated information copies: how many provisions are not held, which parts are
missing, and which known amendments are not in the corpus (their changes are not
applied)."""

from __future__ import annotations

import json

import docx
import pytest
from click.testing import CliRunner

from generator.cli import cli
from tests.generator.generation.test_coordinated_copies import COMPLETE
from tests.support.minicorpus import write_corpus
from tests.support.paths import ROOT

NOTICE = (
    "Texte partiel : 4 dispositions ne sont pas reprises dans le corpus ; le corpus ne "
    "contient pas les parties et les signatures ; les avenants 1 à 5 ne sont pas repris "
    "dans le corpus : leurs modifications ne sont pas appliquées."
)


def _show(*args: str) -> str:
    result = CliRunner().invoke(cli, ["show", *args])
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_show_says_at_its_top_that_the_text_is_partial(fmt):
    out = _show("inami-network-2021", "--at", "2023-10-01", "--format", fmt)
    assert NOTICE in out
    # at the top: after the title and the version's date, before any article
    assert out.index("Version coordonnée au 1er octobre 2023") < out.index(NOTICE)
    assert out.index(NOTICE) < out.index("Article 10")


def test_show_json_says_what_of_the_text_is_held():
    data = json.loads(_show("inami-network-2021", "--at", "2023-10-01", "--format", "json"))
    assert list(data)[:2] == ["convention", "text_held"]
    held = data["text_held"]
    known = held.pop("amendments_not_held")
    assert held == {
        "whole": False,
        "notice": NOTICE,
        # annex 1 is held from 25 September 2023 (replaced by the sixth amendment)
        "provisions_not_held": ["article 10", "article 11", "article 13, § 1", "article 14"],
        "parts_not_held": ["parties", "signatures"],
    }
    # each as its source knows it: 1 to 4 implied by the sixth, 5 cited by name
    assert [(k["ordinal"], "implied_by" in k, "cited_in" in k) for k in known] == [
        (1, True, False),
        (2, True, False),
        (3, True, False),
        (4, True, False),
        (5, False, True),
    ]
    assert known[0]["words"] == "Sixième avenant"


def test_a_convention_held_whole_has_no_notice(tmp_path):
    corpus = write_corpus(tmp_path / "corpus", **{"conv/convention.yaml": COMPLETE})
    result = CliRunner().invoke(
        cli, ["--corpus", str(corpus), "show", "conv", "--at", "2023-09-01"]
    )
    assert result.exit_code == 0, result.output
    assert "Texte partiel" not in result.output
    result = CliRunner().invoke(
        cli, ["--corpus", str(corpus), "show", "conv", "--at", "2023-09-01", "--format", "json"]
    )
    held = json.loads(result.output)["text_held"]
    assert held["whole"] is True and held["notice"] == ""


def test_the_information_copy_names_the_amendments_not_held(tmp_path):
    result = CliRunner().invoke(
        cli,
        [
            *("generate", "inami-network-2021", "--at", "2023-10-01", "--only", "net-01"),
            *("--parties", str(ROOT / "examples" / "parties.yaml"), "--out", str(tmp_path)),
        ],
    )
    assert result.exit_code == 0, result.output
    (path,) = (tmp_path / "inami-network-2021").rglob("*.docx")
    first = next(p.text for p in docx.Document(str(path)).paragraphs if p.text)
    first = first.replace("\u00a0", " ")  # the DOCX's French typography
    assert first.startswith("Copie d'information : ce texte coordonné est incomplet.")
    assert "les parties, les signatures et les avenants 1 à 5, que le corpus" in first


def test_history_says_how_each_amendment_not_held_is_known():
    result = CliRunner().invoke(cli, ["history", "inami-network-2021"])
    assert result.exit_code == 0, result.output
    assert (
        "not in the corpus: amendment 4 (implied by the sixth amendment "
        "(inami-network-2021/avenant-06, in Circulaire Psy-Ort/2023/006, 004): "
        "« Sixième avenant »)"
    ) in result.output
    assert (
        "not in the corpus: amendment 5 (cited in Circulaire Psy-Ort/2023/006 (004): "
        "« le cinquièrme avenant (cf. circulaire psy-ortho 2023/005) »)"
    ) in result.output
    assert "amendment 1 (cited in" not in result.output


def test_list_marks_a_convention_whose_text_is_partial(tmp_path):
    out = CliRunner().invoke(cli, ["list"]).output
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("inami-network-2021 "))
    assert lines[at + 2].strip() == (
        "partial text: 4 provision(s), parties, signatures, amendment(s) 1 to 5 not held"
    )
    rows = {
        r["id"]: r for r in json.loads(CliRunner().invoke(cli, ["list", "--format", "json"]).output)
    }
    held = rows["inami-network-2021"]["text_held"]
    assert held["whole"] is False and held["amendments_not_held"] == [1, 2, 3, 4, 5]
    assert "article 14" in held["provisions_not_held"]
    corpus = write_corpus(tmp_path / "corpus", **{"conv/convention.yaml": COMPLETE})
    whole = CliRunner().invoke(cli, ["--corpus", str(corpus), "list"]).output
    assert "partial text" not in whole
    data = json.loads(
        CliRunner().invoke(cli, ["--corpus", str(corpus), "list", "--format", "json"]).output
    )
    assert data[0]["text_held"]["whole"] is True
