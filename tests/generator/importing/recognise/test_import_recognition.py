"""The recognisers on their own: markers, instructions, dates, the provision
tree, the draft's YAML and the word count; from blocks built here, so each
rule is pinned by the sentence it is about."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from generator.importing import import_extract
from generator.importing.read.extract import Block, Extract, Omitted
from generator.importing.recognise.dates import find_dates
from generator.importing.recognise.instructions import read_in_force, read_instruction
from generator.importing.recognise.markers import any_marker


@pytest.mark.parametrize(
    ("text", "kind", "num", "label", "rest"),
    [
        ("Article 14/1", "article", "14/1", None, ""),
        ("Article 1er", "article", "1", "Article 1er", ""),
        ("Art. 2. Les parties conviennent", "article", "2", "Art. 2.", "Les parties conviennent"),
        ("Article 3 – Objet", "article", "3", None, "Objet"),
        ("§ 1er. Le réseau s'engage", "paragraph", "1", "§ 1er.", "Le réseau s'engage"),
        ("§1/1 Par dérogation", "paragraph", "1/1", "§1/1", "Par dérogation"),
        ("1° le réseau", "point", "1°", None, "le réseau"),
        ("5) 80% de la prime", "point", "5)", None, "80% de la prime"),
        ("a) une séance", "point", "a)", None, "une séance"),
        ("- un tiret", "indent", None, None, "un tiret"),
    ],
)
def test_markers(text, kind, num, label, rest):
    marker = any_marker(text)
    assert (marker.kind, marker.num, marker.label, marker.rest) == (kind, num, label, rest)


@pytest.mark.parametrize(
    "text",
    [
        "Article 22 de la loi relative à l'assurance obligatoire",
        "§ 2 de l'article 7 est remplacé",
        "1.000 euros par psychologue",
        "2023 est une année",
    ],
)
def test_sentences_are_not_markers(text):
    assert any_marker(text) is None


@pytest.mark.parametrize(
    ("sentence", "operation", "expects"),
    [
        (
            "Dans la convention, un article 14/1 est ajouté comme suit :",
            {"action": "insert", "after": "art_14"},
            ("article", "14/1"),
        ),
        (
            "A l'article 17 de la convention, il est ajouté un §1/1 rédigé comme suit :",
            {"action": "insert", "after": "art_17__para_1"},
            ("paragraph", "1/1"),
        ),
        (
            "L’article 5 de la convention est remplacé par ce qui suit :",
            {"action": "replace", "target": "art_5"},
            ("article", "5"),
        ),
        (
            "Le § 2 de l’article 7 de la convention est remplacé par ce qui suit :",
            {"action": "replace", "target": "art_7__para_2"},
            ("paragraph", "2"),
        ),
        (
            "À l’article 13, § 2, de la convention, le 8° est remplacé par ce qui suit :",
            {"action": "replace", "target": "art_13__para_2__point_8"},
            ("point", "8°"),
        ),
        ("L’article 9 de la convention est abrogé.", {"action": "repeal", "target": "art_9"}, None),
        (
            "Dans l’article 13 de la convention, il est inséré un § 2/1 rédigé comme suit :",
            {"action": "insert", "after": "art_13__para_2"},
            ("paragraph", "2/1"),
        ),
        (
            "Un article 15 est inséré avant l'article 16 :",
            {"action": "insert", "before": "art_16"},
            ("article", "15"),
        ),
        (
            "La liste des pseudocodes figurant à l'annexe 1 de la convention est remplacée par "
            'l\'" Annexe 1 : Liste des pseudocodes " ci-jointe.',
            {"action": "replace", "target": "annex_1", "annex": "1"},
            None,
        ),
    ],
)
def test_instructions(sentence, operation, expects):
    reading = read_instruction(sentence, ["1"])
    assert reading.operation == operation
    if expects:
        assert reading.expects == expects
    assert reading.doubts == []


def test_a_sentence_without_instruction_reads_as_none():
    assert read_instruction("Le réseau verse la prime au prestataire.", []).operation is None


@pytest.mark.parametrize(
    ("sentence", "whole", "clauses"),
    [
        ("L’article 1 entre en vigueur au 01/09/23.", None, [(["1"], "2023-09-01")]),
        ("Le présent avenant entre en vigueur le 1er octobre 2023.", "2023-10-01", []),
        (
            "Le présent avenant produit ses effets le 1er janvier 2024, à l’exception de "
            "l’article 2 qui entre en vigueur le 1er juillet 2024.",
            "2024-01-01",
            [(["2"], "2024-07-01")],
        ),
        (
            "Les articles 1 et 3 entrent en vigueur le 5 déc. 2023.",
            None,
            [(["1", "3"], "2023-12-05")],
        ),
    ],
)
def test_entry_into_force(sentence, whole, clauses):
    found_whole, found = read_in_force(sentence)
    assert (found_whole.isoformat() if found_whole else None) == whole
    assert [(c["articles"], c["date"]) for c in found] == clauses


def test_dates_as_printed():
    found = [d for _, d, _ in find_dates("du 1/9/2022 au 31.8.2023, le 26 juillet 2021")]
    assert found == [dt.date(2022, 9, 1), dt.date(2023, 8, 31), dt.date(2021, 7, 26)]
    assert find_dates("le 31/02/2023 et 1.000 euros") == []


def _extract(*texts: str | Block, omitted=()) -> Extract:
    blocks = [
        t if isinstance(t, Block) else Block(t, f"paragraph {i + 1}") for i, t in enumerate(texts)
    ]
    return Extract(Path("avenant.docx"), "docx", blocks, list(omitted))


def test_nesting_by_markers_and_indentation():
    result = import_extract(
        _extract(
            Block("Convention de test", "paragraph 1", bold=True),
            "Vu la loi;",
            "Article 1er",
            "§ 1er. Le réseau s'engage à :",
            Block("1° tenir un registre;", "p", indent=20),
            Block("a) des séances;", "p", indent=40),
            Block("b) des patients;", "p", indent=40),
            Block("Ce registre est tenu à jour.", "p", indent=60),
            Block("2° rendre compte :", "p", indent=20),
            Block("- chaque année;", "p", indent=40),
            "Le réseau informe l'INAMI.",
            "§ 2/1. Le présent article s'applique.",
            Block("Article 2", "p", bold=True),
            Block("Durée", "p", bold=True),
            "La présente convention entre en vigueur le 1er septembre 2021.",
        )
    )
    data = result.data
    assert data["type"] == "convention" and data["title"] == {"fr": "Convention de test"}
    article = data["articles"][0]
    assert article["label"] == "Article 1er" and article["num"] == "1"
    para = article["children"][0]
    assert (para["num"], para["label"]) == ("1", "§ 1er.")
    lead = para["children"][0]
    assert lead["text"]["fr"] == "Le réseau s'engage à :"
    one, two = lead["children"]
    assert [p["num"] for p in one["children"]] == ["a)", "b)"]
    assert one["children"][1]["children"][0]["text"]["fr"] == "Ce registre est tenu à jour."
    assert two["children"][0] == {"kind": "indent", "text": {"fr": "chaque année;"}}
    assert para["children"][1]["text"]["fr"] == "Le réseau informe l'INAMI."
    assert article["children"][1]["num"] == "2/1"
    assert data["articles"][1]["heading"] == {"fr": "Durée"}
    assert data["dates"] == {"start": "2021-09-01"}
    assert result.unplaced == []


def test_amendment_with_quote_footnote_and_dates():
    result = import_extract(
        _extract(
            Block("Septième avenant à la convention", "p1", bold=True),
            "Article 1",
            "À l’article 13, § 2, de la convention, le 8° est remplacé par ce qui suit :",
            "« 8° le réseau organise la concertation¹. »",
            "1 Au sens de l'article 2.",
            "Article 2",
            "L’article 9 de la convention est abrogé.",
            "Article 3",
            "Le présent avenant entre en vigueur le 1er janvier 2024.",
            "Fait à Bruxelles, le 5 décembre 2023.",
            "Pour le Comité de l’assurance,",
            "Pour le réseau,",
        )
    )
    data = result.data
    assert data["ordinal"] == 7 and data["in_force"] == {
        "standing": "stated",
        "date": "2024-01-01",
        "words": "Le présent avenant entre en vigueur le 1er janvier 2024.",
        "stated_in": "article 3",
    }
    first, second, third = data["articles"]
    op = first["operations"][0]
    assert op["action"] == "replace" and op["target"] == "art_13__para_2__point_8"
    assert op["quote"] == {"open": "« ", "close": " »"}
    assert op["provision"]["text"] == {"fr": "le réseau organise la concertation[^1]."}
    assert op["provision"]["footnotes"] == [
        {"mark": "1", "text": {"fr": "Au sens de l'article 2."}}
    ]
    assert second["operations"] == [{"action": "repeal", "target": "art_9"}]
    assert "operations" not in third
    assert data["signatories"] == ["committee", "network"]
    assert data["closing"]["place_date"] == {"fr": "Fait à Bruxelles, le 5 décembre 2023."}
    assert result.unplaced == [] and result.doubts == [
        d for d in result.doubts if "id" in d.what or "amend" in d.what
    ]


def test_what_cannot_be_placed_is_a_comment_and_a_doubt():
    result = import_extract(
        _extract(
            "INSTITUT NATIONAL",
            Block("Convention", "p2", bold=True),
            "Article 1",
            "Le texte.",
            omitted=[Omitted("page 1", "page 1", "page number")],
        )
    )
    assert "# NOT PLACED (paragraph 1, text above the title (letterhead?)): INSTITUT NATIONAL" in (
        result.yaml
    )
    assert any("letterhead" in d.what for d in result.doubts)
    assert result.unplaced == []


def test_the_word_count_catches_a_lost_word(monkeypatch):
    from generator.importing.recognise import structure

    real = structure._convention_articles

    def losing(blocks, journal, data):
        articles = real(blocks, journal, data)
        articles[0]["children"][0]["text"]["fr"] = "Le"
        return articles

    monkeypatch.setattr(structure, "_convention_articles", losing)
    result = import_extract(_extract(Block("Convention", "p", bold=True), "Article 1", "Le texte."))
    assert result.unplaced == ["texte"]


def test_draft_yaml_loads_back_to_the_data_with_comments_in_place():
    result = import_extract(
        _extract(
            Block("Avenant à la convention", "p1", bold=True),
            "Article 1",
            "Il est fait quelque chose d'étrange : « avec des # et des: deux-points »",
        )
    )
    assert yaml.safe_load(result.yaml) == result.data
    assert "# CHECK (document): the amendment states no date of entry into force" in result.yaml
