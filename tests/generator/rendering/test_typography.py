"""generator/rendering/typography.py: French spacing at rendering, the corpus's
characters otherwise untouched."""

from __future__ import annotations

from generator.rendering.typography import NBSP, french_spacing, french_spacing_in


def test_the_space_before_a_mark_and_inside_guillemets_becomes_non_breaking():
    assert french_spacing("remplies : 1) « Article 14/1 » ; oui ? non !") == (
        f"remplies{NBSP}: 1) «{NBSP}Article 14/1{NBSP}»{NBSP}; oui{NBSP}? non{NBSP}!"
    )


def test_nothing_is_added_where_the_seed_prints_no_space():
    for text in ("du 14 juillet 2006»", "à 10:30", "https://www.inami.be", "«le réseau»"):
        assert french_spacing(text) == text


def test_a_context_is_respaced_except_the_values_kept():
    context = {"title": "Objet : x", "blocks": [{"kind": "a : b", "text": "Objet : x"}]}
    assert french_spacing_in(context, frozenset({"title", "kind"})) == {
        "title": "Objet : x",
        "blocks": [{"kind": "a : b", "text": f"Objet{NBSP}: x"}],
    }
