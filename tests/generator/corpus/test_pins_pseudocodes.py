"""Pins the pseudocodes to the sources: annex 1 as both amendments of September
2023 replace it, the cost centres of article 13, and the code registry with its
labels, flags and attributes."""

from __future__ import annotations

import pytest

from generator.model.pseudocodes import check_digit_problem
from tests.support.corpus_pins import (
    ANNEX_1_CODES,
    COST_CENTRE_CODES,
    OUTREACH_CODES,
    VOLUME_CODES,
    WITHOUT_PERSONAL_CONTRIBUTION_CODES,
    article_14_1,
    doc,
    inserted,
    params_of,
)

# --------------------------------------------------------------------------- annexes


@pytest.mark.parametrize(
    ("amendment_id", "heading"),
    [
        ("inami-network-2021/avenant-06", "Annexe 1 : liste des pseudocodes"),
        ("network-provider-2021/avenant-2023-09", "Annexe 1 – liste des pseudocodes"),
    ],
)
def test_annex_1_codes_in_order(amendment_id, heading):
    (annex,) = doc(amendment_id).annexes
    assert annex.num == "1"
    assert annex.heading.fr == heading
    assert [c.fr for c in annex.columns] == ["pseudocode", "description"]
    assert [r.code for r in annex.rows] == ANNEX_1_CODES
    assert len(annex.rows) == 46
    assert [n.fr for n in annex.notes] == [
        "Tout ajout ou modification des pseudocodes sera publié sur le site web de l’INAMI."
    ]
    assert [(a.abbr, a.meaning.fr) for a in annex.abbreviations] == [
        ("SPPL", "Soins psychologiques de première ligne"),
        ("SPS", "Soins psychologiques spécialisés"),
    ]


def test_both_annex_lists_identical():
    (a,) = doc("inami-network-2021/avenant-06").annexes
    (b,) = doc("network-provider-2021/avenant-2023-09").annexes
    assert [(r.code, r.description.fr) for r in a.rows] == [
        (r.code, r.description.fr) for r in b.rows
    ]


def test_some_annex_descriptions_verbatim():
    (annex,) = doc("inami-network-2021/avenant-06").annexes
    rows = {r.code: r.description.fr for r in annex.rows}
    assert rows["792514"] == (
        "SPPL - séance de groupe - 1 - par un psychologue et un autre prestataire de soins"
    )
    assert rows["792610"] == "SPPL - séance Ind. après séance de groupe"
    assert rows["792912"] == "SPS – séance Ind. – Vidéoconsultation"
    assert rows["400315"] == (
        "Participation à la concertation d'équipe dans le cadre du suivi des patients "
        "post-Covid-19 pour un psychologue"
    )
    assert rows["793995"] == "Prime de pratique psychologues/orthopédagogues clinicien"


def test_cost_centre_code_table():
    (table,) = doc("circulars/note-2022-04-25-art13").code_tables
    assert table.id == "cost-centres"
    assert [r.code for r in table.rows] == COST_CENTRE_CODES
    assert table.rows[0].description.fr == (
        "Frais de l’hôpital pour la charge administrative (article 13, §2, 8°)"
    )
    assert [n.fr for n in table.notes] == [
        "Tout autre type de centres de coûts pourrait être ajoutés par l'INAMI. "
        "Au besoin, elles seront publiées sur le site web de l'INAMI."
    ]


# --------------------------------------------------------------------------- registry


def test_registry_codes():
    registry = doc("registry/pseudocodes")
    codes = [e.code for e in registry.codes]
    assert len(codes) == 52 == len(set(codes))
    assert codes == ANNEX_1_CODES + COST_CENTRE_CODES
    assert all(check_digit_problem(c) is None for c in codes)


def test_registry_labels_are_the_printed_descriptions():
    registry = {e.code: e for e in doc("registry/pseudocodes").codes}
    (annex,) = doc("inami-network-2021/avenant-06").annexes
    (table,) = doc("circulars/note-2022-04-25-art13").code_tables
    for row in [*annex.rows, *table.rows]:
        assert registry[row.code].label is not None
        assert registry[row.code].label.fr == row.description.fr, row.code


def test_registry_flags_equal_the_article_code_lists():
    entries = doc("registry/pseudocodes").codes
    flagged = {
        flag: {e.code for e in entries if getattr(e, flag)}
        for flag in (
            "practice_bonus_volume",
            "practice_bonus_outreach",
            "without_personal_contribution",
        )
    }
    assert flagged["practice_bonus_volume"] == set(VOLUME_CODES)
    assert flagged["practice_bonus_outreach"] == set(OUTREACH_CODES)
    assert flagged["without_personal_contribution"] == set(WITHOUT_PERSONAL_CONTRIBUTION_CODES)

    # and the lists the provisions carry, with their registry_flag, agree
    lists = []
    for amendment_id in ("inami-network-2021/avenant-06", "network-provider-2021/avenant-2023-09"):
        lists += [p for p in params_of([article_14_1(amendment_id)]).values() if p.type == "codes"]
    lists += [
        p
        for p in params_of([inserted("network-provider-2021/avenant-2023-09", "1")]).values()
        if p.type == "codes"
    ]
    assert len(lists) == 5
    for p in lists:
        assert set(p.codes) == flagged[p.registry_flag], p.id


def test_registry_attributes_follow_the_descriptions():
    (annex,) = doc("inami-network-2021/avenant-06").annexes
    desc = {r.code: r.description.fr for r in annex.rows}
    for e in doc("registry/pseudocodes").codes:
        if e.code in COST_CENTRE_CODES:
            assert (e.care, e.service) == ("cost-centre", "cost")
            continue
        d = desc[e.code]
        assert e.without_personal_contribution == ("sans intervention personnelle" in d), e.code
        assert e.outreach == ("outreach" in d.lower()), e.code
        if d.startswith("SPPL"):
            assert e.care == "SPPL", e.code
        elif d.startswith("SPS"):
            assert e.care == "SPS", e.code
        if "séance Ind." in d or "séance ind." in d or "séance individuelle" in d:
            assert e.service == "individual", e.code
            assert e.group_composition is None, e.code
        elif "séance de groupe" in d:
            assert e.service == "group", e.code
            expected = (
                "psychologist-only-reimbursed"
                if "remboursement uniquement" in d
                else "psychologist+other"
                if "- 1 " in d or "– 1 " in d
                else "two-psychologists-or-doctor"
            )
            assert e.group_composition == expected, e.code
    by_code = {e.code: e for e in doc("registry/pseudocodes").codes}
    assert by_code["792212"].group_composition == "supervised-by-psychologist"
    assert by_code["792234"].group_composition == "supervised-by-two"
    assert by_code["792256"].group_composition == "supervised-by-psychologist-and-other"
    assert {c for c, e in by_code.items() if e.care == "post-covid"} == {
        "400352",
        "400175",
        "400315",
    }
    assert by_code["793995"].service == "bonus"
