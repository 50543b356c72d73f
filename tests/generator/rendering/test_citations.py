"""Provenance notes name instruments as people do, in French, with elision
(issue 13, the lawyer's view): never an internal id."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from generator.cli import cli
from generator.corpus.loader import load_corpus
from generator.rendering.citations import amendment_name, article_citation, contract

PROVIDER = "l'avenant au modèle de convention du 28 septembre 2023"
SIXTH = "le sixième avenant à la convention du 26 juillet 2021"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_amendments_are_named_by_ordinal_kind_and_date(corpus):
    provider = corpus.get("network-provider-2021/avenant-2023-09")
    sixth = corpus.get("inami-network-2021/avenant-06")
    assert amendment_name(provider, corpus.get("network-provider-2021"), "fr") == PROVIDER
    assert amendment_name(sixth, corpus.get("inami-network-2021"), "fr") == SIXTH
    assert (
        article_citation("1", sixth, corpus.get("inami-network-2021"), "fr")
        == "l'article 1er du sixième avenant à la convention du 26 juillet 2021"
    )
    assert (
        article_citation("2", provider, corpus.get("network-provider-2021"), "fr", definite=False)
        == f"Article 2 de {PROVIDER}"
    )


def test_french_contractions():
    assert contract("de", "le sixième avenant") == "du sixième avenant"
    assert contract("de", "les avenants") == "des avenants"
    assert contract("à", "le modèle de convention") == "au modèle de convention"
    assert contract("de", "l'avenant") == "de l'avenant"
    assert contract("à", "la convention") == "à la convention"


def test_show_change_notes_name_the_amendment_in_words():
    text = _run("show", "network-provider-2021", "--at", "2023-10-01")
    assumed = "en vigueur le 25 septembre 2023 (date présumée : approbation par le Comité)"
    assert f"[Insertion par l'article 2 de {PROVIDER}, {assumed}]" in text
    assert f"[Insertion par l'article 1er de {PROVIDER}, en vigueur le 1er septembre 2023]" in text
    assert "network-provider-2021/avenant-2023-09" not in text
    network = _run("show", "inami-network-2021", "--at", "2023-10-01")
    assert (
        "[Insertion par l'article 1er du sixième avenant à la convention du 26 juillet 2021, "
        f"{assumed}]" in network
    )
    assert "avenant-06" not in network


def test_pending_list_and_history_name_the_amendment_in_words():
    text = _run("show", "network-provider-2021", "--at", "2023-08-01")
    assert (
        f"Article 2 de {PROVIDER} : insertion, "
        "25 septembre 2023 (date présumée : approbation par le Comité)" in text
    )
    assert "avenant-2023-09" not in text
    history = _run("history", "network-provider-2021")
    assert f"Article 3 de {PROVIDER}: replaces annex_1" in history
    data = json.loads(_run("history", "network-provider-2021", "--format", "json"))
    opened = data[2]["opened_by"][0]
    assert opened["amendment"] == "network-provider-2021/avenant-2023-09"
    assert opened["cited_as"] == f"Article 2 de {PROVIDER}"


def test_the_change_note_is_still_an_editorial_note_not_a_leftover():
    from generator.generation.leftovers import leftovers_in_text

    note = (
        "[Insertion par l'article 1er du sixième avenant à la convention du 26 juillet 2021, "
        "en vigueur le 25 septembre 2023]"
    )
    assert leftovers_in_text(note, "paragraph 1") == []


def test_show_json_names_the_amendment_of_each_change_and_pending_operation():
    data = json.loads(
        _run("show", "network-provider-2021", "--at", "2023-10-01", "--format", "json")
    )
    changed = [
        node["changed"]["cited_as"]
        for top in data["articles"] + data["annexes"]
        for node in _walk(top)
        if "changed" in node
    ]
    assert f"Article 2 de {PROVIDER}" in changed and f"Article 3 de {PROVIDER}" in changed
    early = json.loads(_run("show", "inami-network-2021", "--at", "2023-08-01", "--format", "json"))
    assert [p["cited_as"] for p in early["pending"]] == [
        "Article 1er du sixième avenant à la convention du 26 juillet 2021",
        "Article 2 du sixième avenant à la convention du 26 juillet 2021",
    ]


def _walk(node):
    yield node
    for child in node.get("children", ()):
        yield from _walk(child)
