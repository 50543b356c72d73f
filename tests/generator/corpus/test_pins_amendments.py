"""Pins the amendments of September 2023 to their source: article 14/1 (the practice
bonus) in both versions, each amendment's operations, and the anchors of the
conventions they amend."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.support.corpus_pins import (
    OUTREACH_CODES,
    VOLUME_CODES,
    WITHOUT_PERSONAL_CONTRIBUTION_CODES,
    article_14_1,
    doc,
    params_of,
    walk,
)

# --------------------------------------------------------------------------- article 14/1


@pytest.mark.parametrize(
    ("amendment_id", "part_nums"),
    [
        ("inami-network-2021/avenant-06", ["3)", "4)"]),
        ("network-provider-2021/avenant-2023-09", ["5)", "6)"]),
    ],
)
def test_article_14_1(amendment_id, part_nums):
    art = article_14_1(amendment_id)
    assert (art.kind, art.num, art.heading.fr) == ("article", "14/1", "Prime de pratique")
    points = [p for p in walk([art]) if p.kind == "point"]
    assert [p.num for p in points] == part_nums  # numbering glitch kept as published
    assert all(p.note for p in points)
    params = params_of([art])
    amounts = {k: (p.value, p.currency) for k, p in params.items() if p.type == "amount"}
    assert amounts == {
        "practice_bonus_max": (Decimal("1000.00"), "EUR"),
        "practice_bonus_volume_threshold": (Decimal("36000.00"), "EUR"),
        "practice_bonus_volume_max": (Decimal("800.00"), "EUR"),
        "practice_bonus_outreach_max": (Decimal("200.00"), "EUR"),
    }
    assert params["practice_bonus_max"].per == "psychologue/orthopédagogue clinicien"
    percentages = {k: p.value for k, p in params.items() if p.type == "percentage"}
    assert percentages == {
        "practice_bonus_volume_share": Decimal("80"),
        "practice_bonus_innovation_share": Decimal("20"),
        "practice_bonus_outreach_threshold": Decimal("50"),
    }
    period = params["practice_bonus_reference_period"]
    assert (period.type, period.start, period.end) == (
        "period",
        dt.date(2022, 9, 1),
        dt.date(2023, 8, 31),
    )
    dates = {k: p.value for k, p in params.items() if p.type == "date"}
    assert dates == {
        "practice_bonus_data_deadline": dt.date(2023, 10, 5),
        "practice_bonus_payment_deadline": dt.date(2023, 12, 10),
    }
    volume = params["practice_bonus_volume_codes"]
    assert (volume.codes, volume.registry_flag) == (VOLUME_CODES, "practice_bonus_volume")
    outreach = params["practice_bonus_outreach_codes"]
    assert (outreach.codes, outreach.registry_flag) == (OUTREACH_CODES, "practice_bonus_outreach")


def test_the_two_versions_of_14_1_differ_where_the_source_does():
    six = [p.text.fr for p in walk([article_14_1("inami-network-2021/avenant-06")]) if p.text]
    prov = [
        p.text.fr for p in walk([article_14_1("network-provider-2021/avenant-2023-09")]) if p.text
    ]
    assert len(six) == len(prov) == 13
    assert six[0].startswith("Sur la base des prestations attestées par les psychologues/")
    assert prov[0].startswith("Sur la base des prestations attestées par le psychologues/")
    assert "sont introduites dans l’application" in six[-3]
    assert "sont fournies dans l’application" in prov[-3]
    assert prov[-1].startswith("Le réseau verse la prime de pratique pour 2023 au psychologue/")
    assert six[-1].startswith("Le réseau verse la prime de pratique pour 2023 aux psychologues/")


# --------------------------------------------------------------------------- operations


def test_sixth_amendment_operations():
    a = doc("inami-network-2021/avenant-06")
    assert [x.num for x in a.articles] == ["1", "2"]
    (op1,) = a.articles[0].operations
    assert (op1.action, op1.after, op1.quote.open, op1.quote.close) == (
        "insert",
        "art_14",
        '"',
        '".',
    )
    (op2,) = a.articles[1].operations
    assert (op2.action, op2.target, op2.annex) == ("replace", "annex_1", "1")
    assert a.closing.place_date.fr == "Bruxelles,"
    assert [s.role for s in a.closing.signatures] == ["committee", "network", "hospital"]


def test_provider_amendment_operations():
    a = doc("network-provider-2021/avenant-2023-09")
    assert [x.num for x in a.articles] == ["1", "2", "3", "4"]
    (op1,) = a.articles[0].operations
    assert (op1.action, op1.after, op1.quote.open, op1.quote.close) == (
        "insert",
        "art_17__para_1",
        "« ",
        " »",
    )
    para = op1.provision
    assert (para.kind, para.num, para.label) == ("paragraph", "1/1", "§1/1")
    alineas = para.children
    assert [c.kind for c in alineas] == ["alinea", "alinea", "alinea"]
    assert [[p.num for p in c.children] for c in alineas] == [["1)", "2)"], ["1)", "2)"], []]
    point = alineas[0].children[0]
    assert [f.mark for f in point.footnotes] == ["1", "2"]
    assert "leerlingenbegeleiding[^1] (CLB)" in point.text.fr
    (wpc,) = params_of([para]).values()
    assert (wpc.codes, wpc.registry_flag) == (
        WITHOUT_PERSONAL_CONTRIBUTION_CODES,
        "without_personal_contribution",
    )
    (op2,) = a.articles[1].operations
    assert (op2.action, op2.after, op2.quote.open, op2.quote.close) == (
        "insert",
        "art_14",
        "« ",
        '".',
    )
    (op3,) = a.articles[2].operations
    assert (op3.action, op3.target, op3.annex) == ("replace", "annex_1", "1")
    art4 = a.articles[3]
    assert art4.text.fr == "L’article 1 entre en vigueur au 01/09/23."
    assert not art4.operations
    assert [(e.articles, e.date) for e in art4.entry_into_force] == [(["1"], dt.date(2023, 9, 1))]
    assert a.closing.place_date.fr == "Faite à {signing.place|…..}          le {signing.date|….},"
    assert [s.role for s in a.closing.signatures] == [
        "provider",
        "organisation",
        "network",
        "hospital",
    ]


def test_amended_anchors_are_declared():
    inami = doc("inami-network-2021/convention")
    assert [(a.num, a.declared_only) for a in inami.articles] == [
        ("10", True),
        ("11", True),
        ("13", False),
        ("14", True),
    ]
    art13 = inami.articles[2]
    assert [(p.num, p.declared_only) for p in art13.children] == [("1", True), ("2", False)]
    assert [p.num for p in art13.children[1].children] == [f"{i}°" for i in range(1, 9)]
    assert [(x.num, x.declared_only) for x in inami.annexes] == [("1", True)]
    model = doc("network-provider-2021/convention")
    assert [(a.num, a.declared_only) for a in model.articles] == [("14", True), ("17", False)]
    assert [(p.num, p.declared_only) for p in model.articles[1].children] == [("1", True)]
    assert [(x.num, x.declared_only) for x in model.annexes] == [("1", True)]
