"""compute_bonus: the article's worked examples, its thresholds and caps, the
paying network, every exclusion reason, and parameters read from the corpus."""

from __future__ import annotations

import datetime as dt
import decimal
import shutil
from decimal import Decimal

import pytest

from generator.bonus.compute import PRECISION, ROW_FIELDS, compute_bonus
from generator.corpus.loader import load_corpus
from generator.errors import ConventioError
from generator.parties.check import load_parties
from tests.support.billing_files import (
    GROUP,
    OTHER,
    OUTREACH,
    provider,
    sessions,
    write_csv,
)
from tests.support.party_files import write_yaml
from tests.support.paths import ROOT


def _only(report):
    assert not report.errors, report.errors
    assert len(report.rows) == 1
    return report.rows[0]


def test_the_articles_first_example_12000_eur_gives_266_67(tmp_path, corpus):
    billing = write_csv(tmp_path / "b.csv", sessions(provider(1), 200, "60,00"))
    row = _only(compute_bonus(billing, 2023, corpus))
    assert row.amount_counted_eur == Decimal("12000.00")
    assert row.part_volume_eur == Decimal("266.67")
    # exact until paid: 800 × 12,000 / 36,000 = 266.666…
    with decimal.localcontext() as ctx:
        ctx.prec = PRECISION
        assert row.part_volume_exact == Decimal(800) * 12000 / 36000
    assert row.part_volume_exact != row.part_volume_eur
    assert row.part_outreach_eur == Decimal("0.00")
    assert row.bonus_eur == Decimal("266.67")


def test_the_articles_second_example_13_percent_outreach_gives_52_eur(tmp_path, corpus):
    rows = sessions(provider(2), 87, "50") + sessions(provider(2), 13, "50", OUTREACH, start=100)
    row = _only(compute_bonus(write_csv(tmp_path / "b.csv", rows), 2023, corpus))
    assert (row.individual_sessions, row.outreach_sessions) == (100, 13)
    assert row.outreach_share == Decimal(13)
    assert row.part_outreach_eur == Decimal("52.00")
    assert row.part_volume_eur == Decimal("111.11")  # 800 × 5,000 / 36,000
    assert row.bonus_eur == Decimal("163.11")


@pytest.mark.parametrize(
    ("count", "amount", "part"),
    [
        (360, "100", "800.00"),
        (720, "100", "800.00"),
        (1, "35000", "777.78"),
        (1, "35999.99", "800.00"),  # 799.9997…: rounded only when paid
    ],
)
def test_36000_eur_or_more_gives_the_maximum_less_pro_rata(tmp_path, corpus, count, amount, part):
    billing = write_csv(tmp_path / "b.csv", sessions(provider(3), count, amount))
    assert _only(compute_bonus(billing, 2023, corpus)).part_volume_eur == Decimal(part)


@pytest.mark.parametrize(("outreach", "part"), [(5, "200.00"), (6, "200.00"), (4, "160.00")])
def test_half_of_sessions_in_outreach_or_more_gives_200_eur(tmp_path, corpus, outreach, part):
    rows = sessions(provider(4), 10 - outreach, "40") + sessions(
        provider(4), outreach, "40", OUTREACH, start=50
    )
    row = _only(compute_bonus(write_csv(tmp_path / "b.csv", rows), 2023, corpus))
    assert row.part_outreach_eur == Decimal(part)


def test_the_most_a_provider_gets_is_the_sum_of_both_maxima_1000(tmp_path, corpus):
    rows = sessions(provider(5), 360, "200", OUTREACH)
    row = _only(compute_bonus(write_csv(tmp_path / "b.csv", rows), 2023, corpus))
    assert (row.part_volume_eur, row.part_outreach_eur, row.bonus_eur) == (
        Decimal("800.00"),
        Decimal("200.00"),
        Decimal("1000.00"),
    )


def _corpus_copy(tmp_path, *replacements: tuple[str, str]):
    folder = tmp_path / "corpus"
    shutil.copytree(ROOT / "conventions", folder)
    path = folder / "inami-network-2021" / "avenant-06.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return load_corpus(folder)


def test_a_threshold_changed_in_a_corpus_copy_changes_the_result(tmp_path, corpus):
    billing = write_csv(tmp_path / "b.csv", sessions(provider(6), 200, "60"))
    assert _only(compute_bonus(billing, 2023, corpus)).part_volume_eur == Decimal("266.67")
    changed = _corpus_copy(tmp_path, ('value: "36000.00"', 'value: "24000.00"'))
    assert _only(compute_bonus(billing, 2023, changed)).part_volume_eur == Decimal("400.00")


def test_the_cap_applies_to_the_sum_when_the_parts_exceed_it(tmp_path, corpus):
    # a corpus copy where part 1 may reach 900 (90 %): 900 + 200 is capped at 1,000
    changed = _corpus_copy(
        tmp_path,
        ('value: "80"', 'value: "90"'),
        ('value: "800.00"', 'value: "900.00"'),
    )
    rows = sessions(provider(7), 360, "200", OUTREACH)
    row = _only(compute_bonus(write_csv(tmp_path / "b.csv", rows), 2023, changed))
    assert (row.part_volume_eur, row.part_outreach_eur) == (Decimal("900.00"), Decimal("200.00"))
    assert row.bonus_eur == Decimal("1000.00")


def test_outreach_counted_in_euros_when_the_declared_reading_says_so(tmp_path, corpus):
    rows = sessions(provider(8), 3, "10") + sessions(provider(8), 1, "70", OUTREACH, start=10)
    billing = write_csv(tmp_path / "b.csv", rows)
    assert _only(compute_bonus(billing, 2023, corpus)).outreach_share == Decimal(25)
    changed = _corpus_copy(tmp_path, ("value: sessions", "value: euros"))
    assert _only(compute_bonus(billing, 2023, changed)).outreach_share == Decimal(70)


def test_a_reading_conventio_cannot_follow_is_refused(tmp_path):
    changed = _corpus_copy(tmp_path, ("value: lowest-network-id", "value: highest-network-id"))
    billing = write_csv(tmp_path / "b.csv", sessions(provider(9), 1, "10"))
    with pytest.raises(ConventioError, match="practice_bonus_tie"):
        compute_bonus(billing, 2023, changed)


def test_a_year_without_its_article_is_refused(tmp_path, corpus):
    billing = write_csv(tmp_path / "b.csv", sessions(provider(9), 1, "10"))
    with pytest.raises(ConventioError, match="not of 2024"):
        compute_bonus(billing, 2024, corpus)
    with pytest.raises(ConventioError, match="no article 14/1"):
        compute_bonus(billing, 2022, corpus)


def test_paid_to_the_network_with_the_largest_volume_in_euros(tmp_path, corpus):
    rows = sessions(provider(10), 5, "100", network="net-01") + sessions(
        provider(10), 3, "200", network="net-02", start=20
    )
    row = _only(compute_bonus(write_csv(tmp_path / "b.csv", rows), 2023, corpus))
    assert row.paying_network == "net-02"  # 600 EUR against 500, although fewer sessions
    assert row.amount_counted_eur == Decimal("1100.00")


def test_a_tie_goes_to_the_lowest_network_id(tmp_path, corpus):
    rows = sessions(provider(11), 2, "100", network="net-09") + sessions(
        provider(11), 1, "200", network="net-03", start=20
    )
    row = _only(compute_bonus(write_csv(tmp_path / "b.csv", rows), 2023, corpus))
    assert row.paying_network == "net-03"


def test_with_parties_only_networks_with_a_convention_pay_and_names_are_given(tmp_path, corpus):
    parties = load_parties(write_yaml(tmp_path / "parties.yaml"))
    psy = "91234537780"  # psy-0001: conventions with net-01 and net-02
    rows = (
        sessions(psy, 1, "100", network="740-00112")  # net-02 by its INAMI number
        + sessions(psy, 1, "900", network="net-03", start=5)  # no convention: not a candidate
        + sessions(provider(12), 1, "50", network="net-01", start=9)  # not in the party file
        + sessions("9-12345-37-780", 1, "10", network="net-03", start=30)  # same psychologist
    )
    report = compute_bonus(write_csv(tmp_path / "b.csv", rows), 2023, corpus, parties=parties)
    by_inami = {r.provider_inami: r for r in report.rows}
    assert by_inami[psy].paying_network == "net-02"
    assert by_inami[psy].provider_name == "Siobhán Ó Súilleabháin"
    assert by_inami[psy].amount_counted_eur == Decimal("1010.00")
    stranger = by_inami[provider(12)]
    assert stranger.paying_network is None
    assert "not in the party file" in stranger.unpaid_reason
    assert list(stranger.fields(True)) == list(ROW_FIELDS)


def test_a_provider_with_no_convention_with_its_billings_networks_is_listed_unpaid(
    tmp_path, corpus
):
    parties = load_parties(write_yaml(tmp_path / "parties.yaml"))
    rows = sessions("91234537780", 2, "100", network="net-03")
    row = _only(compute_bonus(write_csv(tmp_path / "b.csv", rows), 2023, corpus, parties=parties))
    assert row.paying_network is None
    assert row.bonus_eur == Decimal("4.44")
    assert "no convention with the networks of its billing (net-03)" in row.unpaid_reason


def test_every_exclusion_reason_and_rows_read_equal_counted_plus_excluded(tmp_path, corpus):
    p = provider(13)
    counted = sessions(p, 2, "100")
    rows = [
        *counted,
        counted[0],  # duplicate row
        [p, "net-01", GROUP, "2023-01-10", "2023-02-01", "100"],  # group code
        [p, "net-01", OTHER, "2023-01-10", "2023-02-01", "100"],  # code not in either list
        [p, "net-01", "792595", "2022-08-31", "2022-09-01", "100"],  # out of period (before)
        [p, "net-01", "792595", "2023-09-01", "2023-09-02", "100"],  # out of period (after)
        [p, "net-01", "792595", "2023-08-31", "2023-10-06", "100"],  # entered too late
        [p, "net-01", "792595", "2023-08-31", "2023-10-05", "100"],  # entered on the last day
    ]
    report = compute_bonus(write_csv(tmp_path / "b.csv", rows), 2023, corpus)
    assert report.excluded == {
        "group code": 1,
        "code not in either list": 1,
        "out of period": 2,
        "entered too late": 1,
        "duplicate row": 1,
    }
    assert (report.read, report.counted) == (9, 3)
    assert report.balanced
    assert report.excluded_by_provider[p]["duplicate row"] == 1
    assert _only(report).amount_counted_eur == Decimal("300.00")


def test_every_result_carries_the_declared_assumptions(tmp_path, corpus):
    report = compute_bonus(write_csv(tmp_path / "b.csv", sessions(provider(14), 1, "1")), 2023,
                           corpus)  # fmt: skip
    ids = [c.parameter.id for c in report.assumptions]
    assert ids == [
        "practice_bonus_outreach_basis",
        "practice_bonus_rounding",
        "practice_bonus_tie",
        "practice_bonus_no_convention",
        "practice_bonus_cap",
    ]
    assert all(c.document == "inami-network-2021/avenant-06" for c in report.assumptions)


def test_the_provider_amendments_article_14_1_states_the_same_parameters(corpus):
    """The bonus is computed from the INAMI–network article; the network–provider
    amendment inserts the same article: their parameters must agree."""
    from generator.consolidation.engine import consolidate

    def values(convention_id: str) -> dict:
        result = consolidate(
            corpus.get(convention_id), corpus.amendments_of(convention_id), dt.date(2023, 12, 31)
        )
        return {
            p.id: p.model_dump(exclude={"label", "note"})
            for node in result.index["art_14-1"].walk()
            if node.provision is not None
            for p in node.provision.parameters
            if p.type != "reading"
        }

    network, provider_side = values("inami-network-2021"), values("network-provider-2021")
    assert len(network) == 12
    assert network == provider_side


def test_an_amount_or_date_in_another_form_is_read_exactly_and_is_the_same_row(tmp_path, corpus):
    """The quick reading (ISO dates, plain amounts) and the exact one give one value:
    the same session written another way is a duplicate, whichever way reads it."""
    p = provider(15)
    rows = [
        [p, "net-01", "792595", "2023-01-10", "2023-02-01", "100"],
        [p, "net-01", "792595", "10/01/2023", " 2023-02-01", "100.000"],  # exact reading
        [p, "net-01", "792595", "2023-01-11", "2023-02-01", " 60,5 "],
    ]
    report = compute_bonus(write_csv(tmp_path / "b.csv", rows), 2023, corpus)
    assert report.excluded == {"duplicate row": 1}
    assert (report.read, report.counted) == (3, 2)
    assert _only(report).amount_counted_eur == Decimal("160.50")
