"""Replaying amendments: the text in force at a date, on the mini corpus."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generator.app.show import render_document
from generator.consolidation.engine import consolidate
from generator.consolidation.history import versions
from generator.corpus.loader import load_corpus
from tests.support.minicorpus import AMENDMENT, write_corpus

D = dt.date.fromisoformat


def _state(corpus, at: str | None):
    convention = corpus.get("conv")
    return consolidate(convention, corpus.amendments_of("conv"), D(at) if at else None)


def test_base_text_before_any_amendment(mini):
    result = _state(load_corpus(mini), "2022-12-31")
    assert [n.eid for n in result.articles.children] == ["art_1", "art_2", "art_3"]
    assert result.find("art_2__para_2").provision.text.fr == "Second paragraphe."
    assert result.find("annex_1").declared_only
    assert [p.label for p in result.pending] == [
        "conv/a1, article 1",
        "conv/a1, article 3",
        "conv/a1, article 2",
    ]


def test_retroactive_insert_applies_from_its_entry_into_force(mini):
    # approved on 2023-03-01 but in force since 2023-01-01
    result = _state(load_corpus(mini), "2023-01-01")
    assert [n.eid for n in result.articles.children] == ["art_1", "art_2", "art_2-1", "art_3"]
    inserted = result.find("art_2-1")
    assert inserted.human == "article 2/1"
    assert inserted.change.amendment == "conv/a1" and inserted.change.article == "1"
    assert inserted.change.in_force == D("2023-01-01")
    annex = result.find("annex_1")
    assert [r.code for r in annex.annex.rows] == ["792514", "792536"]
    # the repeal is dated by the amendment's article 4, not by the amendment
    assert not result.find("art_2__para_2").repealed


def test_entry_into_force_clause_dates_its_article(mini):
    before = _state(load_corpus(mini), "2023-05-31")
    after = _state(load_corpus(mini), "2023-06-01")
    assert not before.find("art_2__para_2").repealed
    repealed = after.find("art_2__para_2")
    assert repealed.repealed and repealed.change.in_force == D("2023-06-01")
    corpus = load_corpus(mini)
    found = versions(corpus.get("conv"), corpus.amendments_of("conv"))
    assert [(v.start, v.end) for v in found] == [
        (D("2021-09-01"), D("2022-12-31")),
        (D("2023-01-01"), D("2023-05-31")),
        (D("2023-06-01"), D("2023-12-31")),
    ]
    assert [i.date_source for i in found[2].opened_by] == ["article 4 of the amendment"]


SECOND = """\
type: amendment
id: conv/a2
amends: conv
ordinal: 2
title: {fr: Deuxième avenant}
sources: [{document: test}]
dates: {approved: 2022-12-15}
in_force: {standing: stated, date: 2023-01-01, words: "En vigueur le 2023-01-01."}
signatories: [committee, network]
articles:
  - num: "1"
    text: {fr: "Un article 2/2 est inséré après l'article 2/1 :"}
    operations:
      - action: insert
        after: art_2-1
        provision:
          kind: article
          num: "2/2"
          text: {fr: "La prime est versée en décembre."}
"""


def test_same_date_replays_in_amendment_order(tmp_path):
    # a2 was approved before a1 but is numbered after it: the ordinal decides, so
    # a2 finds the article 2/1 that a1 inserts on the same day
    root = write_corpus(tmp_path / "c", **{"conv/a2.yaml": SECOND})
    result = _state(load_corpus(root), "2023-01-01")
    assert [n.eid for n in result.articles.children] == [
        "art_1",
        "art_2",
        "art_2-1",
        "art_2-2",
        "art_3",
    ]
    assert result.find("art_2-2").change.amendment == "conv/a2"


def test_show_formats_carry_attribution(mini):
    corpus = load_corpus(mini)
    text = render_document(corpus, "conv", D("2023-06-01"), "text", "fr")
    assert "Article 2/1" in text
    assert (
        "[Insertion par l'article 1er du premier avenant à la convention du 26 juillet 2021, "
        "en vigueur le 1er janvier 2023]" in text
    )
    assert "§ 2 [abrogé]" in text
    assert "[texte non repris dans le corpus]" in text  # article 3 is declared only
    data = json.loads(render_document(corpus, "conv", D("2023-06-01"), "json", "fr"))
    addresses = [a["eid"] for a in data["articles"]]
    assert addresses == ["art_1", "art_2", "art_2-1", "art_3"]
    inserted = data["articles"][2]
    assert inserted["changed"] == {
        "action": "insert",
        "amendment": "conv/a1",
        "article": "1",
        "in_force": "2023-01-01",
        "cited_as": "Article 1er du premier avenant à la convention du 26 juillet 2021",
        "in_force_standing": {
            "standing": "stated",
            "date": "2023-01-01",
            "words": "Le présent avenant produit ses effets le 1er janvier 2023.",
            "stated_in": None,
        },
    }
    assert inserted["parameters"][0] == {
        "id": "max_bonus",
        "label": "maximum",
        "type": "amount",
        "value": "1000.00",
        "currency": "EUR",
    }
    assert data["articles"][3]["declared_only"] is True
    html = render_document(corpus, "conv", D("2023-06-01"), "html", "fr")
    assert html.startswith("<!DOCTYPE html>") and 'id="art_2-1"' in html
    markdown = render_document(corpus, "conv", D("2023-06-01"), "markdown", "fr")
    assert "## Prime" in markdown


def test_amendment_shown_as_its_own_text_with_quotes(mini):
    text = render_document(load_corpus(mini), "conv/a1", None, "text", "fr")
    # the quoted article indented under the amendment's own text
    assert "Un article 2/1 est ajouté comme suit :\n\n    «Prime" in text
    assert "La prime est de 1.000 euros.»" in text
    assert "792536  SPPL – séance de groupe - 2" in text


def test_user_text_is_escaped_in_html(tmp_path):
    hostile = AMENDMENT.replace(
        "La prime est de 1.000 euros.", "<script>alert(1)</script> & ${7*7}"
    )  # ('{{' is refused by `check`: see end_to_end/test_hostile_corpus_texts.py)
    root = write_corpus(tmp_path / "c", **{"conv/a1.yaml": hostile})
    html = render_document(load_corpus(root), "conv", D("2023-06-01"), "html", "fr")
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; ${7*7}" in html


def test_missing_language_lists_every_missing_text(mini):
    from generator.rendering.language import MissingTexts

    with pytest.raises(MissingTexts) as caught:
        render_document(load_corpus(mini), "conv", D("2023-06-01"), "text", "nl")
    message = str(caught.value)
    assert "'nl'" in message and "artikel 2/1" in message and "artikel 1" in message
    assert "Texte initial" not in message  # no silent fallback to French


def test_translated_text_is_used_and_not_reported_missing(tmp_path):
    from generator.model.text import source_hash
    from generator.rendering.language import MissingTexts

    translated = AMENDMENT.replace(
        'text: {fr: "La prime est de 1.000 euros."}',
        'text: {fr: "La prime est de 1.000 euros.", nl: "De premie bedraagt 1.000 euro.", '
        f"nl_source: {source_hash('La prime est de 1.000 euros.')}}}",
    )
    root = write_corpus(tmp_path / "c", **{"conv/a1.yaml": translated})
    corpus = load_corpus(root)
    fr = json.loads(render_document(corpus, "conv/a1", None, "json", "fr"))
    assert fr["articles"][0]["operations"][0]["provision"]["text"] == (
        "La prime est de 1.000 euros."
    )
    with pytest.raises(MissingTexts) as caught:
        render_document(corpus, "conv", D("2023-06-01"), "text", "nl")
    assert "artikel 2/1 (heading)" in caught.value.where
    assert "artikel 2/1" not in caught.value.where  # its text exists in Dutch
