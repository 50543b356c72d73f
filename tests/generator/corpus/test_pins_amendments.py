"""Pins the corpus (conventions/**) to the source texts in tests/sources/.

The YAML files are read directly (yaml.safe_load + the pydantic models), and
every expected value is written out literally here, taken from the sources:
annex 1 codes, the code lists of articles 14/1 and 17 § 1/1, amounts,
percentages, dates and periods. `test_every_french_text_is_in_its_sources`
checks word for word that each French text of a document occurs in the source
file(s) its `sources` name, reporting every failing text with its file and YAML
path; `test_amendment_parts_are_contiguous_in_the_source` checks that the texts
of each part of an amendment follow one another in the source with nothing left
out.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from functools import cache
from typing import Any

import pytest
import yaml

from generator.model.document_types import DOCUMENT_TYPES
from generator.model.provisions import Provision
from generator.model.pseudocodes import check_digit_problem
from generator.model.slots import SLOT_NAMES
from generator.model.text import FOOTNOTE_RE, SLOT_RE
from tests.support.paths import ROOT

CORPUS = ROOT / "conventions"
SOURCES = ROOT / "tests" / "sources"

DOCUMENTS = [
    "inami-network-2018/convention",
    "network-provider-2018/convention",
    "inami-network-2021/convention",
    "inami-network-2021/avenant-06",
    "network-provider-2021/convention",
    "network-provider-2021/avenant-2023-09",
    "circulars/psy-ort-2023-003",
    "circulars/psy-ort-2023-006",
    "circulars/note-2022-04-25-art13",
    "registry/pseudocodes",
]


# Annex 1 as replaced by both amendments of September 2023 (004), in printed order.
ANNEX_1_CODES = [
    "792514",
    "792536",
    "792551",
    "792573",
    "792271",
    "792050",
    "792131",
    "792352",
    "792595",
    "792610",
    "792632",
    "792654",
    "792676",
    "792691",
    "792713",
    "791976",
    "792735",
    "792750",
    "792772",
    "792794",
    "792315",
    "792094",
    "793951",
    "793973",
    "792816",
    "792831",
    "792934",
    "792853",
    "792875",
    "792890",
    "792912",
    "792013",
    "792956",
    "792971",
    "792455",
    "792470",
    "792993",
    "792175",
    "792190",
    "792212",
    "792234",
    "792256",
    "400352",
    "400175",
    "400315",
    "793995",
]
# Cost centres of article 13 (note of 25 April 2022, 003).
COST_CENTRE_CODES = ["793833", "793855", "793870", "793892", "793914", "793936"]
# Article 14/1 (both versions).
VOLUME_CODES = [
    "792595",
    "792610",
    "792632",
    "792654",
    "792676",
    "792691",
    "792713",
    "792816",
    "792831",
    "792934",
    "792853",
    "792875",
    "792890",
    "792912",
    "792993",
]
OUTREACH_CODES = ["792654", "792676", "792853", "792875"]
# Article 17 § 1/1 of the network-provider model (004).
WITHOUT_PERSONAL_CONTRIBUTION_CODES = [
    "791976",
    "792013",
    "792050",
    "792131",
    "792352",
    "792094",
    "793951",
    "793973",
]


# --------------------------------------------------------------------------- loading


@cache
def raw(doc_id: str) -> dict[str, Any]:
    with (CORPUS / f"{doc_id}.yaml").open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@cache
def doc(doc_id: str) -> Any:
    data = raw(doc_id)
    return DOCUMENT_TYPES[data["type"]].model_validate(data)


def walk(provisions: list[Provision]):
    for p in provisions:
        yield p
        yield from walk(p.children)


def params_of(provisions: list[Provision]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for p in walk(provisions):
        for param in p.parameters:
            assert param.id not in found, f"parameter {param.id} stated twice"
            found[param.id] = param
    return found


def inserted(amendment_id: str, article: str) -> Provision:
    art = next(a for a in doc(amendment_id).articles if a.num == article)
    (op,) = art.operations
    assert op.provision is not None
    return op.provision


def article_14_1(amendment_id: str) -> Provision:
    article = "1" if amendment_id.endswith("avenant-06") else "2"
    return inserted(amendment_id, article)


# --------------------------------------------------------------------------- basics


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_document_validates_and_id_matches_path(doc_id):
    # conventions/<x>/convention.yaml has the id <x>; any other file its path
    expected = doc_id.removesuffix("/convention")
    assert doc(doc_id).id == expected


def test_no_other_corpus_files():
    on_disk = sorted(str(p.relative_to(CORPUS).with_suffix("")) for p in CORPUS.rglob("*.yaml"))
    assert on_disk == sorted(DOCUMENTS)


@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_texts_are_french_only_and_slots_known(doc_id):
    problems = []
    for path, text in i18n_texts(raw(doc_id)):
        if set(text) != {"fr"}:
            problems.append(f"{path}: languages {sorted(text)} (the sources are French only)")
        for m in SLOT_RE.finditer(text["fr"]):
            if m.group(1) not in SLOT_NAMES:
                problems.append(f"{path}: unknown slot {m.group(1)}")
            if m.group(2) is None:
                problems.append(f"{path}: slot {m.group(1)} without a placeholder")
    assert not problems, "\n".join(problems)


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
    params = {p.id: p.value for p in doc("circulars/psy-ort-2023-003").parameters}
    assert params == {
        "other_missions_cap": Decimal("10"),
        "group_sessions_neutralisation_threshold": Decimal("10"),
        "outreach_neutralisation_threshold": Decimal("20"),
        "billing_share_without_copayment": Decimal("100"),
        "operating_costs_attestation_deadline": dt.date(2023, 8, 5),
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
    assert six.in_force == dt.date(2023, 9, 25) and six.in_force_note
    assert six.signatories == ["committee", "network", "hospital"]
    prov = doc("network-provider-2021/avenant-2023-09")
    assert (prov.amends, prov.ordinal) == ("network-provider-2021", None)
    assert (prov.dates.approved, prov.dates.issued, prov.dates.signed) == (
        None,
        dt.date(2023, 9, 28),
        None,
    )
    assert "approved" in {n.field for n in prov.dates.notes}
    assert prov.in_force == dt.date(2023, 9, 25) and prov.in_force_note
    assert prov.signatories == ["provider", "organisation", "network", "hospital"]


def test_known_amendments():
    known = doc("inami-network-2021/convention").known_amendments
    assert [k.ordinal for k in known] == [1, 2, 3, 4, 5]
    assert "2023/005" in known[4].note


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


# --------------------------------------------------------------------------- word for word


def normalise(text: str) -> str:
    """Collapse whitespace; rejoin a word hyphenated at a line end.

    Every line-end hyphen in the sources is a real one ("maladie-invalidité",
    "post-Covid-19", "co-création", "c'est-à-dire"), so the hyphen is kept and
    only the line break is removed.
    """
    text = re.sub(r"(\w-)[ \t]*\n\s*(?=\w)", r"\1", text)
    return re.sub(r"\s+", " ", text).strip()


@cache
def source_text(file_name: str) -> str:
    # No corpus text spans a page break with printed page noise (headers,
    # footers, page numbers) inside it: the breaks inside texts leave only
    # whitespace, which normalise() collapses. So no noise needs removing here.
    return normalise((SOURCES / file_name).read_text(encoding="utf-8"))


def render(text: str) -> str:
    """The text as the blank model prints it: slots as their placeholder,
    footnote references as their bare mark."""
    text = SLOT_RE.sub(lambda m: m.group(2) or "", text)
    text = FOOTNOTE_RE.sub(lambda m: m.group(1), text)
    return normalise(text)


def i18n_texts(node: Any, path: str = ""):
    """Every I18nText mapping ({fr: ...}) in a raw YAML tree, with its path."""
    if isinstance(node, dict):
        if "fr" in node and set(node) <= {"fr", "nl", "de"}:
            yield path, node
            return
        for key, value in node.items():
            yield from i18n_texts(value, f"{path}.{key}" if path else str(key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from i18n_texts(value, f"{path}[{i}]")


# The registry model has no `sources`: its labels come from 004 (annex 1) and 003
# (cost centres); its title is editorial.
REGISTRY_SOURCES = ["004_93286c8b41ca43c3.txt", "003_deb1f858f1acfa25.txt"]


def test_every_french_text_is_in_its_sources():
    failures = []
    checked = 0
    for doc_id in DOCUMENTS:
        data = raw(doc_id)
        if data["type"] == "code-registry":
            files = REGISTRY_SOURCES
        else:
            files = [s["file"] for s in data["sources"] if s.get("file")]
        assert files, f"{doc_id}: no source file named"
        haystacks = [source_text(f) for f in files]
        for path, text in i18n_texts(data):
            if data["type"] == "code-registry" and path == "title":
                continue
            needle = render(text["fr"])
            if not needle:
                continue
            checked += 1
            if any(needle in h for h in haystacks):
                continue
            # A convention's title is lifted from the middle of a sentence
            # ("Sixième avenant à la convention entre ...", "Avenant au modèle de
            # convention ..."): only its initial letter is capitalised.
            if data["type"] == "convention" and path == "title":
                lowered = needle[0].lower() + needle[1:]
                if any(lowered in h for h in haystacks):
                    continue
            failures.append(f"{doc_id}.yaml {path} (not in {', '.join(files)}):\n    {needle}")
    assert checked > 300
    assert not failures, f"{len(failures)} text(s) not found word for word:\n" + "\n".join(failures)


# --------------------------------------------------------------------------- contiguity
# The test above checks each text on its own. These check that the texts of a
# part follow one another in the source with nothing left out in between: the
# head of each amendment (title, recitals, preamble), each amending article with
# its quoted text, the closing, and the annex.


def provision_words(p: Provision) -> list[str]:
    words = []
    if p.heading:
        words.append(p.heading.fr)
    if p.kind == "article":
        words.append(p.label or f"Article {p.num}")
    elif p.kind == "paragraph":
        words.append(p.label or ("§ 1er" if p.num == "1" else f"§ {p.num}"))
    elif p.kind == "point":
        words.append(p.label or p.num)
    if p.text:
        words.append(p.text.fr)
    for child in p.children:
        words += provision_words(child)
    return words


def preamble_words(blocks) -> list[str]:
    words = []
    for block in blocks:
        if block.paragraphs:
            paragraphs = [t.fr for t in block.paragraphs]
        else:
            paragraphs = []
            for i, variant in enumerate(block.variants):
                if i:
                    paragraphs.append(block.separator.fr)
                paragraphs += [t.fr for t in variant.paragraphs]
        if block.bullet:
            paragraphs[0] = "• " + paragraphs[0]
        words += paragraphs
    return words


def amendment_segments(amendment_id: str) -> list[tuple[str, str]]:
    a = doc(amendment_id)
    segments = [
        (
            "head",
            [a.title.fr, *(r.fr for r in a.recitals), *preamble_words(a.preamble)],
        )
    ]
    for art in a.articles:
        words = [art.text.fr]
        for op in art.operations:
            if op.provision is not None:
                body = " ".join(provision_words(op.provision))
                words.append(op.quote.open + body + op.quote.close)
        segments.append((f"article {art.num}", words))
    closing = [a.closing.place_date.fr]
    for block in a.closing.signatures:
        closing += [line.fr for line in block.lines]
    segments.append(("closing", closing))
    for annex in a.annexes:
        words = [annex.heading.fr, *(c.fr for c in annex.columns)]
        for row in annex.rows:
            words += [row.code, row.description.fr]
        words += [n.fr for n in annex.notes]
        words.append("Abréviations :")
        words += [f"{x.abbr} : {x.meaning.fr}" for x in annex.abbreviations]
        segments.append((f"annex {annex.num}", words))
    return [(name, render(" ".join(words))) for name, words in segments]


def source_without_footnote_block(file_name: str, amendment_id: str) -> str:
    """The source with the footnotes of article 17 § 1/1 removed.

    In 004 those footnotes are printed at the foot of the page, between the
    second and third alinéas of the provider amendment's article 14/1 (page
    noise inside that quoted article); removed here so that the article reads
    as one piece.
    """
    text = source_text(file_name)
    if amendment_id != "network-provider-2021/avenant-2023-09":
        return text
    point = inserted(amendment_id, "1").children[0].children[0]
    block = render(" ".join(f"{f.mark} {f.text.fr}" for f in point.footnotes))
    assert text.count(block) == 1
    return text.replace(" " + block + " ", " ")


@pytest.mark.parametrize(
    "amendment_id", ["inami-network-2021/avenant-06", "network-provider-2021/avenant-2023-09"]
)
def test_amendment_parts_are_contiguous_in_the_source(amendment_id):
    (source,) = {s.file for s in doc(amendment_id).sources}
    haystack = source_without_footnote_block(source, amendment_id)
    missing = [
        f"{name}:\n    {text}"
        for name, text in amendment_segments(amendment_id)
        if text not in haystack
    ]
    assert not missing, "not found as one piece:\n" + "\n".join(missing)


def test_article_13_paragraph_2_is_contiguous_in_the_note():
    para = doc("inami-network-2021/convention").articles[2].children[1]
    words = provision_words(para)
    assert words[0] == "§ 2"  # not printed in the quotation
    quoted = render("« " + " ".join(words[1:]))
    assert quoted in source_text("003_deb1f858f1acfa25.txt")
