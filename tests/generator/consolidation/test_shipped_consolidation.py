"""The text in force on real dates, on the shipped corpus."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generator.app.show import render_document
from generator.consolidation.engine import consolidate
from generator.consolidation.history import versions
from generator.corpus.loader import load_corpus

D = dt.date.fromisoformat
PROVIDER = "network-provider-2021"
NETWORK = "inami-network-2021"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


def _at(corpus, convention_id: str, date: str):
    convention = corpus.get(convention_id)
    return consolidate(convention, corpus.amendments_of(convention_id), D(date))


def test_provider_convention_on_31_august_and_1_september_2023(corpus):
    before = _at(corpus, PROVIDER, "2023-08-31")
    after = _at(corpus, PROVIDER, "2023-09-01")
    assert before.find("art_17__para_1-1") is None
    paragraph = after.find("art_17__para_1-1")
    assert paragraph.human == "article 17, § 1/1"
    assert paragraph.change.amendment == "network-provider-2021/avenant-2023-09"
    assert paragraph.change.article == "1"
    assert paragraph.change.in_force == D("2023-09-01")  # article 4 of the amendment
    # the rest of the amendment states no date: the committee's approval applies
    assert after.find("art_14-1") is None
    assert after.find("annex_1").declared_only
    assert [(i.article.num, i.date) for i in after.pending] == [
        ("2", D("2023-09-25")),
        ("3", D("2023-09-25")),
    ]


def test_provider_convention_after_the_whole_amendment(corpus):
    result = _at(corpus, PROVIDER, "2023-09-25")
    assert [n.eid for n in result.articles.children] == ["art_14", "art_14-1", "art_17"]
    article = result.find("art_14-1")
    assert article.provision.heading.fr == "Prime de pratique"
    annex = result.find("annex_1").annex
    assert len(annex.rows) == 46 and annex.rows[0].code == "792514"
    assert annex.rows[-1].code == "793995"
    volume = result.find("art_14-1__al_4__point_5").provision.parameters
    codes = next(p for p in volume if p.type == "codes")
    assert len(codes.codes) == 15 and codes.codes[-1] == "792993"


def test_network_convention_gets_the_practice_bonus_on_25_september_2023(corpus):
    assert _at(corpus, NETWORK, "2023-09-24").find("art_14-1") is None
    result = _at(corpus, NETWORK, "2023-09-25")
    article = result.find("art_14-1")
    assert article.change.amendment == "inami-network-2021/avenant-06"
    assert [c.provision.num for c in result.find("art_14-1__al_4").children] == ["3)", "4)"]
    parameters = {
        p.id: p
        for node in article.walk()
        for p in (node.provision.parameters if node.provision else [])
    }
    assert str(parameters["practice_bonus_max"].value) == "1000.00"
    outreach = [p for p in parameters.values() if p.type == "codes"]
    assert sorted(len(p.codes) for p in outreach) == [4, 15]


def test_history_lists_the_versions_and_what_opened_them(corpus):
    convention = corpus.get(PROVIDER)
    found = versions(convention, corpus.amendments_of(PROVIDER))
    assert [(v.start, v.end) for v in found] == [
        (D("2021-09-01"), D("2023-08-31")),
        (D("2023-09-01"), D("2023-09-24")),
        (D("2023-09-25"), None),
    ]
    assert [(i.article.num, i.date_source) for i in found[1].opened_by] == [
        ("1", "article 4 of the amendment")
    ]


def test_every_declared_provision_says_so_in_every_format(corpus):
    text = render_document(corpus, NETWORK, D("2023-10-01"), "text", "fr")
    assert text.count("[texte non repris dans le corpus]") == 4  # articles 10, 11, 13 § 1, 14
    assert "Article 14\n[texte non repris dans le corpus]" in text
    data = json.loads(render_document(corpus, NETWORK, D("2023-10-01"), "json", "fr"))
    declared = [a["eid"] for a in data["articles"] if a.get("declared_only")]
    assert declared == ["art_10", "art_11", "art_14"]
    html = render_document(corpus, NETWORK, D("2023-10-01"), "html", "fr")
    assert html.count("[texte non repris dans le corpus]") == 4


def test_before_the_start_the_text_says_it_is_not_in_force(corpus):
    text = render_document(corpus, NETWORK, D("2021-01-01"), "text", "fr")
    assert "la convention n'est pas en vigueur à cette date" in text


def test_every_shipped_document_renders_in_every_format(corpus):
    rendered = []
    for doc_id, document in corpus.documents.items():
        if document.type not in ("convention", "amendment"):
            continue
        for fmt in ("text", "markdown", "html", "json"):
            assert render_document(corpus, doc_id, D("2023-10-01"), fmt, "fr")
        rendered.append(doc_id)
    assert "inami-network-2021" in rendered and "inami-network-2021/avenant-06" in rendered


def test_asking_for_dutch_lists_the_missing_texts(corpus):
    from generator.rendering.language import MissingTexts

    with pytest.raises(MissingTexts) as caught:
        render_document(corpus, "inami-network-2021/avenant-06", None, "text", "nl")
    assert "title" in caught.value.where
    assert len(caught.value.where) > 46  # at least every annex description


def test_the_text_that_binds_a_party_applies_only_what_it_signed(corpus):
    from generator.app.show import Binding

    unsigned = Binding("psy-0001@net-01", frozenset(), ("network-provider-2021/avenant-2023-09",))
    text = render_document(corpus, PROVIDER, D("2023-10-01"), "text", "fr", unsigned)
    assert "Texte qui lie psy-0001@net-01" in text
    assert "En attente de signature (non appliqué) : network-provider-2021/avenant-2023-09" in text
    assert "§1/1" not in text and "Article 14/1" not in text
    signed = Binding("psy-0001@net-01", frozenset({"network-provider-2021/avenant-2023-09"}))
    data = json.loads(render_document(corpus, PROVIDER, D("2023-10-01"), "json", "fr", signed))
    assert [a["eid"] for a in data["articles"]] == ["art_14", "art_14-1", "art_17"]
    assert data["binding"] == {
        "party": "psy-0001@net-01",
        "signed": ["network-provider-2021/avenant-2023-09"],
        "pending": [],
    }
