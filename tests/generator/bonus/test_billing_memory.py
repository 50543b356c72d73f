"""A billing file that needs more memory than conventio may use is refused in plain
words, with nothing computed, never with a traceback: a real file of 200,000 rows
read by the real DuckDB with a small memory limit."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.bonus.compute import compute_bonus
from generator.errors import ConventioError
from tests.support.billing_files import INDIVIDUAL, provider, write_csv

ROWS = 200_000


@pytest.fixture(scope="module")
def large_billing(tmp_path_factory):
    """200,000 sessions of 100 providers, dates written 05.01.2023 (a form the
    quick way leaves to the exact way, DuckDB)."""
    day = dt.date(2022, 9, 1)
    rows = [
        [provider(n % 100), "net-01", INDIVIDUAL,
         (day + dt.timedelta(days=n % 360)).strftime("%d.%m.%Y"), "30.09.2023",
         f"{40 + n % 50}.{n % 100:02d}"]
        for n in range(ROWS)
    ]  # fmt: skip
    return write_csv(tmp_path_factory.mktemp("large") / "billing.csv", rows)


def test_a_file_needing_more_memory_than_allowed_is_refused_in_words(large_billing, corpus):
    with pytest.raises(ConventioError) as refusal:
        compute_bonus(large_billing, 2023, corpus, memory_limit="8MB")
    said = str(refusal.value)
    assert said.startswith(f"{large_billing}: the billing file needs more memory than")
    assert "nothing was computed or written" in said
    # with the machine's memory, the same file is computed
    report = compute_bonus(large_billing, 2023, corpus)
    assert report.read == ROWS and not report.errors and len(report.rows) == 100


def test_a_memory_limit_is_written_as_an_amount_of_bytes(large_billing, corpus):
    with pytest.raises(ConventioError, match="write it as 500MB or 4GB"):
        compute_bonus(large_billing, 2023, corpus, memory_limit="8MB'; SET threads=1; --")
