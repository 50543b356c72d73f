"""The practice bonus benchmark compares like with like: on a small synthetic
billing file, the pandas way (benchmarks/bonus_naive.py) gives exactly
conventio's result, every provider and every field, and the file holds every
kind of row the article excludes. No time is asserted here (speed lives in the
benchmark's own output): this catches a change to the bonus that the pandas way
no longer repeats, which would make the benchmark fail or compare different things."""

from __future__ import annotations

import re

import numpy as np
import pytest

from benchmarks import bonus
from benchmarks.bonus_data import code_lists, make_billing, write_billing
from generator.bonus.compute import EXCLUSIONS, compute_bonus
from generator.bonus.parameters import bonus_parameters
from generator.corpus.loader import load_corpus
from generator.model.pseudocodes import check_digit_problem
from generator.parties.numbers import inami_check_ok

YEAR, ROWS = 2023, 5_000


@pytest.fixture(scope="module")
def corpus():
    return load_corpus()


@pytest.fixture(scope="module")
def files(corpus, tmp_path_factory):
    folder = tmp_path_factory.mktemp("billing")
    return write_billing(make_billing(ROWS, corpus, bonus_parameters(corpus, YEAR)), folder)


def test_the_synthetic_file_holds_every_kind_of_row(corpus):
    parameters = bonus_parameters(corpus, YEAR)
    columns = make_billing(ROWS, corpus, parameters)
    lists = code_lists(corpus, parameters)
    start, end = (np.datetime64(d) for d in parameters.period)
    service, entered = columns["service_date"], columns["entered_date"]
    codes = columns["pseudocode"]
    rows = list(zip(*(columns[k] for k in columns), strict=True))
    assert len(rows) == ROWS
    assert len(set(rows)) < ROWS  # exact duplicates
    in_period = (service >= start) & (service <= end)
    assert (~in_period).any()  # out of the period
    late = entered > np.datetime64(parameters.data_deadline)
    assert (in_period & late).any()  # a session of the period entered too late
    assert np.isin(codes, lists.group).any() and np.isin(codes, lists.other).any()
    assert np.isin(codes, lists.outreach).any()
    assert all(check_digit_problem(c) is None for c in set(codes))
    assert all(inami_check_ok(p) for p in set(columns["provider_inami"]))
    assert len(set(columns["network"])) > 10
    # the same seed gives the same file
    again = make_billing(ROWS, corpus, parameters)
    assert all((again[k] == columns[k]).all() for k in columns)


def test_conventio_excludes_rows_of_every_reason_from_it(corpus, files):
    report = compute_bonus(files[0], YEAR, corpus)
    assert not report.errors
    assert list(report.excluded) == list(EXCLUSIONS)  # each reason, in its order
    assert all(count > 0 for count in report.excluded.values())
    assert report.read == ROWS and report.balanced


def test_the_pandas_way_gives_conventio_s_result(corpus, files):
    csv_path, parquet_path = files
    ours = [bonus.row_values(r) for r in bonus.conventio_rows(csv_path, YEAR, corpus)]
    theirs = [bonus.row_values(r) for r in bonus.naive_rows(csv_path, YEAR, corpus)]
    assert len(ours) > 10
    assert bonus.first_difference(ours, theirs) is None
    assert ours == theirs
    from_parquet = [bonus.row_values(r) for r in bonus.conventio_rows(parquet_path, YEAR, corpus)]
    assert from_parquet == ours


def test_the_benchmark_runs_and_finds_the_results_identical(capsys):
    assert bonus.main(["--rows", "3000", "--repeats", "1"]) == 0
    printed = capsys.readouterr().out
    assert re.search(r"results identical .*: PASS", printed), printed
    assert re.search(r"same from the Parquet file: PASS", printed), printed
    assert re.search(r"rows excluded per provider and reason, CSV as Parquet: PASS", printed)


def test_the_csv_file_is_counted_the_quick_way_and_the_parquet_file_the_exact_way(corpus, files):
    """The benchmark times the quick way (polars) on the CSV file; the Parquet file
    is read the exact way (DuckDB): both must exclude the same rows, provider by
    provider, reason by reason."""
    from generator.bonus.parameters import bonus_parameters
    from generator.bonus.plain_csv import count_plain_csv
    from generator.bonus.rules import CountingRules

    csv_path, parquet_path = files
    rules = CountingRules.of(bonus_parameters(corpus, YEAR), corpus)
    assert count_plain_csv(csv_path, None, None, rules) is not None
    assert count_plain_csv(parquet_path, None, None, rules) is None
    quick = bonus.conventio_result(csv_path, YEAR, corpus)
    slow = bonus.conventio_result(parquet_path, YEAR, corpus)
    assert quick[1] == slow[1] and len(quick[1]) > 10


def test_a_difference_is_named_with_its_provider_and_field():
    a = [["1", None, "10.00", "1", "0", "0", "1", "0", "1", "net-01"]]
    b = [["1", None, "10.00", "1", "0", "0", "1", "0", "2", "net-01"]]
    assert (
        bonus.first_difference(a, b) == "provider 1: bonus_eur is 1 (conventio) against 2 (pandas)"
    )
