"""The diff engine: tokens, word operations, matching, and the shipped corpus."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.corpus.loader import load_corpus
from generator.diffing.engine import diff, diff_items
from generator.diffing.tokens import changed_pieces, similarity, spell, tokenize, word_diff
from generator.model.annexes import Annex, AnnexRow
from generator.model.provisions import Provision
from tests.support.diff_trees import NEW, A, P, Q, X, article, fr_text, items, paragraph

NETWORK_14_1 = "inami-network-2021/avenant-06#art_14-1"
PROVIDER_14_1 = "network-provider-2021/avenant-2023-09#art_14-1"


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


# -- tokens ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, whole",
    [
        ("au moins 36 000 EUR de prestations", "36 000 EUR"),
        ("maximum 1.000 euros par", "1.000 euros"),
        ("soit 0,70 € par séance", "0,70 €"),
        ("un budget de €30 000 au total", "€30 000"),
        ("le montant maximum de 800€ pour", "800€"),
        ("entre le 1/9/2022 et le 31/8/2023", "1/9/2022"),
        ("entre en vigueur au 01/09/23.", "01/09/23"),
        ("au plus tard le 5 octobre 2023.", "5 octobre 2023"),
        ("pseudocodes suivants : 792595, 792610", "792595"),
        ("un article 14/1 est ajouté", "article 14/1"),
        ("en exécution de l'article 63, § 2, de l'arrêté", "article 63, § 2"),
        ("il est ajouté un §1/1 rédigé", "§1/1"),
        ("le § 1/1 de l'article 17", "§ 1/1"),
        ("à l'article 17, § 1/1 :", "article 17, § 1/1"),
        ("3) 80% de la prime", "3)"),
        ("1° le réseau", "1°"),
        ("a) le réseau", "a)"),
    ],
)
def test_special_tokens_stay_whole(text, whole):
    tokens = tokenize(text)
    assert whole in tokens
    assert "".join(tokens) == text


def test_punctuation_and_whitespace_are_separate_tokens():
    assert tokenize("prime,  (notamment)\n« fin ».") == [
        "prime",
        ",",
        "  ",
        "(",
        "notamment",
        ")",
        "\n",
        "«",
        " ",
        "fin",
        " ",
        "»",
        ".",
    ]
    # a label is never cut out of a word
    assert "e)" not in tokenize("chacun(e) des prestataires")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab 1234567890,./§°)€ \n\u00a0éEURo'")), max_size=60))
def test_tokens_join_back_to_the_text(text):
    assert "".join(tokenize(text)) == text


@settings(max_examples=200, deadline=None)
@given(
    st.text(alphabet=st.sampled_from(list("ab cd 12,.§°)")), max_size=40),
    st.text(alphabet=st.sampled_from(list("ab cd 12,.§°)")), max_size=40),
)
def test_word_operations_spell_both_texts(left, right):
    pieces = word_diff(left, right)
    assert spell(pieces, "left") == left
    assert spell(pieces, "right") == right


def test_word_diff_changes_an_amount_as_one_token():
    pieces = word_diff("au moins 36 000 EUR de", "au moins 40 000 EUR de")
    assert changed_pieces(pieces) == [("delete", "36 000 EUR"), ("insert", "40 000 EUR")]
    assert similarity("a b c", "a b c") == 1.0


# -- small hand-built trees -----------------------------------------------------------------


def reported(nodes):
    found = []
    for node in nodes:
        for sub in node.walk():
            if sub.reported or (sub.row_changes and sub.inside is None):
                found.append((sub.address, sub.kinds, sub.was))
    return found


def test_a_pure_renumbering_is_not_a_text_change():
    left = items(article("4", text=A), article("5", text=X))
    right = items(article("4", text=A), article("5", text=NEW), article("6", text=X))
    nodes = diff_items(left, right)
    assert reported(nodes) == [
        ("article 5", ("added",), None),
        ("article 6", ("renumbered",), "article 5"),
    ]
    renumbered = nodes[2]
    assert changed_pieces(renumbered.text_ops) == []
    assert changed_pieces(renumbered.label_ops) == [
        ("delete", "Article 5"),
        ("insert", "Article 6"),
    ]


def test_renumbered_points_inside_a_list():
    def points(*nums_texts):
        return Provision(
            kind="alinea",
            text=fr_text("Les conditions sont :"),
            children=[Provision(kind="point", num=n, text=fr_text(t)) for n, t in nums_texts],
        )

    left = items(Provision(kind="article", num="1", children=[points(("1°", A), ("2°", X))]))
    right = items(
        Provision(kind="article", num="1", children=[points(("1°", A), ("2°", NEW), ("3°", X))])
    )
    assert reported(diff_items(left, right)) == [
        ("article 1, alinéa 1, 2°", ("added",), None),
        ("article 1, alinéa 1, 3°", ("renumbered",), "article 1, alinéa 1, 2°"),
    ]


def test_a_move_to_another_article():
    left = items(
        article("1", paragraph("1", P), paragraph("2", Q)), article("2", paragraph("1", A))
    )
    right = items(
        article("1", paragraph("1", P)), article("2", paragraph("1", A), paragraph("2", Q))
    )
    nodes = diff_items(left, right)
    assert reported(nodes) == [("article 2, § 2", ("moved",), "article 1, § 2")]
    moved = nodes[1].children[1]
    assert changed_pieces(moved.text_ops) == []
    # where it was, it shows as a ghost pointing at its new place
    ghost = nodes[0].children[1]
    assert ghost.ghost and ghost.moved_to is moved and not ghost.reported


def test_a_move_with_a_change():
    changed = Q.replace("cinq ans", "sept ans")
    left = items(
        article("1", paragraph("1", P), paragraph("2", Q)), article("2", paragraph("1", A))
    )
    right = items(
        article("1", paragraph("1", P)), article("2", paragraph("1", A), paragraph("2", changed))
    )
    nodes = diff_items(left, right)
    assert reported(nodes) == [("article 2, § 2", ("moved", "modified"), "article 1, § 2")]
    assert changed_pieces(nodes[1].children[1].text_ops) == [
        ("delete", "cinq"),
        ("insert", "sept"),
    ]


def test_an_article_out_of_order_is_moved():
    left = items(article("1", text=A), article("2", text=X), article("3", text=P))
    right = items(article("1", text=A), article("3", text=P), article("2", text=X))
    kinds = [(a, k) for a, k, _ in reported(diff_items(left, right))]
    assert len(kinds) == 1 and kinds[0][1] == ("moved",)


def test_a_rewritten_provision_keeps_its_identity():
    left = items(article("1", text=A))
    right = items(article("1", text=NEW))
    assert reported(diff_items(left, right)) == [("article 1", ("modified",), None)]


def _annex(*rows: tuple[str, str]) -> Annex:
    return Annex(
        num="1",
        heading=fr_text("Annexe 1 : liste des pseudocodes"),
        rows=[AnnexRow(code=c, description=fr_text(d)) for c, d in rows],
    )


ROWS = [("792514", "SPPL - séance de groupe"), ("792595", "SPPL - séance individuelle")]


def test_annex_reordering_alone_is_no_change():
    nodes = diff_items(items(_annex(*ROWS)), items(_annex(*reversed(ROWS))))
    assert not nodes[0].changed
    assert reported(nodes) == []


def test_annex_rows_added_removed_and_changed():
    left = items(_annex(*ROWS, ("792610", "SPPL - première séance")))
    right = items(
        _annex(("792595", "SPPL - séance individuelle longue"), *ROWS[:1], ("792632", "SPS"))
    )
    node = diff_items(left, right)[0]
    changes = {r.code: r for r in node.row_changes}
    assert {c: r.kind for c, r in changes.items()} == {
        "792595": "modified",
        "792632": "added",
        "792610": "removed",
    }
    assert changed_pieces(changes["792595"].ops) == [("insert", " longue")]
    assert node.kinds == ()  # the annex's own heading did not change


# -- the shipped corpus ---------------------------------------------------------------------


def test_article_14_1_of_the_two_amendments(corpus):
    result = diff(corpus, NETWORK_14_1, PROVIDER_14_1)
    changes = {n.eid: n for n in result.changes()}
    counts = result.counts()
    assert counts["added"] == counts["removed"] == counts["moved"] == 0
    assert counts["renumbered"] == 2
    # the points 3) and 4) are the points 5) and 6), renumbered, never removed and added
    for old, new in (("3", "5"), ("4", "6")):
        node = changes[f"art_14-1__al_4__point_{new}"]
        assert node.kinds == ("renumbered",)
        assert node.left.eid == f"art_14-1__al_4__point_{old}"
        assert changed_pieces(node.label_ops) == [("delete", f"{old})"), ("insert", f"{new})")]
        # their own text is the same, their second alinéa is modified
        assert changed_pieces(node.text_ops) == []
        sub = changes[f"art_14-1__al_4__point_{new}__al_2"]
        assert sub.kinds == ("modified",)
        assert changed_pieces(sub.text_ops) == [
            ("delete", "des prestataires"),
            ("insert", "du prestataire"),
            ("delete", "ont"),
            ("insert", "a"),
        ]
    assert changed_pieces(changes["art_14-1__al_1"].text_ops) == [
        ("delete", "les"),
        ("insert", "le"),
    ]
    assert changed_pieces(changes["art_14-1__al_2"].text_ops) == [
        ("insert", "n'est disponible dans l'application de facturation "),
        ("delete", " n'est disponible dans l'application de facturation"),
    ]
    assert changed_pieces(changes["art_14-1__al_5"].text_ops) == [
        ("insert", " le"),
        ("delete", "introduites"),
        ("insert", "fournies"),
    ]
    assert changed_pieces(changes["art_14-1__al_7"].text_ops) == [
        ("delete", "aux psychologues"),
        ("insert", "au psychologue"),
        ("delete", "orthopédagogues cliniciens"),
        ("insert", "orthopédagogue clinicien"),
    ]
    assert all(n.cause is None for n in result.changes())  # two amendments: nothing to attribute


def test_annex_1_of_the_two_amendments_has_the_same_rows(corpus):
    result = diff(
        corpus,
        "inami-network-2021/avenant-06#annex_1",
        "network-provider-2021/avenant-2023-09#annex_1",
    )
    counts = result.counts()
    assert counts["rows added"] == counts["rows removed"] == counts["rows modified"] == 0
    annex = result.nodes[0]
    assert len(annex.rows) == 46 and annex.row_changes == []


def test_the_provider_convention_on_31_august_and_1_september_2023(corpus):
    result = diff(corpus, "network-provider-2021@2023-08-31", "network-provider-2021@2023-09-01")
    changes = result.changes()
    assert [(n.address, n.kinds) for n in changes] == [("article 17, § 1/1", ("added",))]
    cause = changes[0].cause
    assert cause.amendment == "network-provider-2021/avenant-2023-09"
    assert cause.article == "1"
    assert cause.action == "insert"
    assert cause.in_force == dt.date(2023, 9, 1)
    assert result.counts() == {
        "added": 1,
        "removed": 0,
        "modified": 0,
        "renumbered": 0,
        "moved": 0,
        "not held": 0,
        "rows added": 0,
        "rows removed": 0,
        "rows modified": 0,
    }


def test_every_change_between_two_dates_names_its_amendment(corpus):
    result = diff(corpus, "network-provider-2021@2023-08-31", "network-provider-2021@2023-10-01")
    changes = result.changes()
    assert {n.eid for n in changes} == {"art_14-1", "art_17__para_1-1", "annex_1"}
    for node in changes:
        assert node.cause is not None
        assert node.cause.amendment == "network-provider-2021/avenant-2023-09"
    by_eid = {n.eid: n.cause.article for n in changes}
    assert by_eid == {"art_14-1": "2", "art_17__para_1-1": "1", "annex_1": "3"}
    # backwards, the same amendment articles are named
    back = diff(corpus, "network-provider-2021@2023-10-01", "network-provider-2021@2023-08-31")
    assert {n.eid: n.cause.article for n in back.changes()} == by_eid
    assert back.counts()["removed"] == 2


def test_a_convention_against_itself_and_a_provision_in_force(corpus):
    same = diff(corpus, "network-provider-2021@2023-09-25", "network-provider-2021@2023-09-25")
    assert same.identical and same.changes() == []
    # the article 14/1 in force against the one the amendment quotes: the same text
    quoted = diff(corpus, "network-provider-2021@2023-09-25#art_14-1", PROVIDER_14_1)
    assert quoted.changes() == []


def test_unknown_provision_and_bad_date_are_plain_errors(corpus):
    from generator.errors import ConventioError

    with pytest.raises(ConventioError, match="no provision 'art_99'"):
        diff(corpus, "network-provider-2021@2023-09-25#art_99", PROVIDER_14_1)
    with pytest.raises(ConventioError, match="not a date"):
        diff(corpus, "network-provider-2021@2023-13-45", PROVIDER_14_1)
    with pytest.raises(ConventioError, match="an amendment has no date"):
        diff(corpus, "network-provider-2021/avenant-2023-09@2023-09-01", PROVIDER_14_1)
