"""Pins the parameters (amounts, percentages, dates) and the dates of every
document to the sources: conventions, amendments, circulars."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from tests.support.corpus_pins import SOURCES, doc, params_of

# --------------------------------------------------------------------------- parameters


def test_article_13_parameters():
    art13 = doc("inami-network-2021/convention").articles[2]
    params = params_of([art13])
    assert params["operating_budget_cap"].value == Decimal("10")
    assert params["collecting_hospital_fixed_fee"].value == Decimal("30000.00")
    assert params["collecting_hospital_fee_per_session"].value == Decimal("0.70")
    assert "collecting_hospital_fixed_fee" in {
        p.id for p in art13.children[1].children[7].parameters
    }


def test_note_2022_parameters():
    params = {p.id: p.value for p in doc("circulars/note-2022-04-25-art13").parameters}
    assert params == {
        "operating_budget_cap": Decimal("10"),
        "collecting_hospital_fixed_fee": Decimal("30000.00"),
        "collecting_hospital_fee_per_session": Decimal("0.70"),
        "paid_expertise_cap": Decimal("5"),
    }


def test_circular_2023_003_parameters():
    params = {
        p.id: (p.start, p.end) if p.type == "period" else p.value
        for p in doc("circulars/psy-ort-2023-003").parameters
    }
    assert params == {
        "other_missions_cap": Decimal("10"),
        "group_sessions_neutralisation_threshold": Decimal("10"),
        "outreach_neutralisation_threshold": Decimal("20"),
        "billing_share_without_copayment": Decimal("100"),
        "operating_costs_attestation_deadline": dt.date(2023, 8, 5),
        # the billing tool's schedule: « pour le mois mai 2023 », « qu’à partir du mois
        # de juin 2023 », the dashboard « pour le mois de juillet 2023 »
        "operating_costs_attestation_initial_month": (dt.date(2023, 5, 1), dt.date(2023, 5, 31)),
        "operating_costs_attestation_opening_month": (dt.date(2023, 6, 1), dt.date(2023, 6, 30)),
        "dashboard_availability_month": (dt.date(2023, 7, 1), dt.date(2023, 7, 31)),
        # « des offres de groupe orientées vers la communauté de plus de 15 personnes »
        "community_group_offer_size": 15,
    }


def test_2018_parameters():
    params = {p.id: p for p in doc("inami-network-2018/convention").parameters}
    values = {k: p.value for k, p in params.items()}
    assert values == {
        "first_session_fee": Decimal("61.17"),
        "follow_up_session_fee": Decimal("45.88"),
        "patient_share": Decimal("11.20"),
        "patient_share_increased_reimbursement": Decimal("4.00"),
        "sessions_per_referral": 4,
        "max_sessions_per_year": 8,
        "billing_capacity_sessions": 580000,
        "network_funding": Decimal("600000.00"),
        "hospital_funding": Decimal("600000.00"),
        "conclusion_deadline": dt.date(2019, 1, 21),
    }
    assert all(p.note for p in params.values())
    model = {p.id: p.value for p in doc("network-provider-2018/convention").parameters}
    assert model == {
        "first_conventions_date": dt.date(2019, 4, 1),
        "reimbursement_start": dt.date(2019, 4, 1),
        "payment_share_after_list": Decimal("90"),
        "payment_share_after_insurers": Decimal("10"),
    }


# --------------------------------------------------------------------------- dates


def test_convention_dates():
    def dates(doc_id):
        d = doc(doc_id).dates
        return (d.approved, d.start, d.end)

    assert dates("inami-network-2018/convention") == (
        dt.date(2018, 12, 17),
        dt.date(2019, 1, 1),
        dt.date(2022, 12, 31),
    )
    assert dates("network-provider-2018/convention") == (
        dt.date(2018, 12, 17),
        dt.date(2019, 4, 1),
        None,
    )
    assert dates("inami-network-2021/convention") == (
        dt.date(2021, 7, 26),
        dt.date(2021, 9, 1),
        dt.date(2023, 12, 31),
    )
    assert dates("network-provider-2021/convention") == (None, dt.date(2021, 9, 1), None)
    for doc_id in ("inami-network-2021/convention", "network-provider-2021/convention"):
        assert {n.field for n in doc(doc_id).dates.notes} >= {"start"}


def test_amendment_dates():
    six = doc("inami-network-2021/avenant-06")
    assert (six.amends, six.ordinal) == ("inami-network-2021", 6)
    assert (six.dates.approved, six.dates.issued, six.dates.signed) == (
        dt.date(2023, 9, 25),
        dt.date(2023, 9, 28),
        None,
    )
    # the sources give no entry into force: the committee's approval is assumed
    assert (six.in_force.standing, six.in_force.date) == ("assumed", dt.date(2023, 9, 25))
    assert six.in_force.basis == "approbation par le Comité" and six.in_force.reason
    assert "rédacteurs du corpus" in six.in_force.decided_by
    assert six.signatories == ["committee", "network", "hospital"]
    prov = doc("network-provider-2021/avenant-2023-09")
    assert (prov.amends, prov.ordinal) == ("network-provider-2021", None)
    assert (prov.dates.approved, prov.dates.issued, prov.dates.signed) == (
        None,
        dt.date(2023, 9, 28),
        None,
    )
    assert "approved" in {n.field for n in prov.dates.notes}
    # articles 2 and 3: no date in the sources; 25/09/2023 approved the sixth amendment
    assert (prov.in_force.standing, prov.in_force.date) == ("assumed", dt.date(2023, 9, 25))
    assert prov.in_force.basis == "approbation par le Comité"
    assert "sixth amendment" in prov.in_force.reason
    # article 1: stated by article 4
    (clause,) = prov.articles[3].entry_into_force
    assert (clause.articles, clause.date) == (["1"], dt.date(2023, 9, 1))
    assert prov.signatories == ["provider", "organisation", "network", "hospital"]


def test_known_amendments():
    known = doc("inami-network-2021/convention").known_amendments
    assert [k.ordinal for k in known] == [1, 2, 3, 4, 5]
    # 004 names the fifth (« le cinquièrme avenant (cf. circulaire psy-ortho 2023/005) »)
    # but only implies the first four, by calling the sixth « Sixième avenant »
    assert [k.cited_in is not None for k in known] == [False, False, False, False, True]
    assert all("inami-network-2021/avenant-06" in k.implied_by for k in known[:4])
    assert [k.words for k in known[:4]] == ["Sixième avenant"] * 4
    assert "2023/005" in known[4].words
    source = " ".join((SOURCES / "004_93286c8b41ca43c3.txt").read_text(encoding="utf-8").split())
    for k in known:
        assert k.words in source, k.ordinal


def test_circulars():
    c6 = doc("circulars/psy-ort-2023-006")
    assert (c6.reference, c6.date, c6.signatory) == (
        "Psy-Ort/2023/006",
        dt.date(2023, 9, 28),
        "Daniel Crabbe, Conseiller Général",
    )
    assert [s.fr[:3] for s in c6.subject] == ["1) ", "2) "]
    assert c6.carries == ["inami-network-2021/avenant-06", "network-provider-2021/avenant-2023-09"]
    c3 = doc("circulars/psy-ort-2023-003")
    assert (c3.reference, c3.date, c3.signatory) == (
        "Psy-Ort/2023/003",
        dt.date(2023, 5, 15),
        "Mickaël Daubie, Fonctionnaire dirigeant",
    )
    assert c3.concerns == ["inami-network-2021"]
    note = doc("circulars/note-2022-04-25-art13")
    assert (note.reference, note.date, note.signatory) == (
        None,
        dt.date(2022, 4, 25),
        "Jelle Coenegrachts, fonctionnaire dirigeant ff.",
    )
