"""The quick way (generator/bonus/plain_csv.py, polars) counts a plain CSV file
exactly as the exact way (checks.py + sql_counts.py, DuckDB) does, and hands every
other file to the exact way: both counters run here on the same real files and
their counts are compared, row for row and cent for cent."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.bonus.billing import parse_columns
from generator.bonus.checks import (
    AMOUNT_REFUSED,
    amount_reading,
    checked_billing,
    date_reading,
    quick_amount,
    quick_date,
)
from generator.bonus.compute import compute_bonus
from generator.bonus.parameters import bonus_parameters
from generator.bonus.plain_csv import count_plain_csv
from generator.bonus.rules import CountingRules
from generator.bonus.sql_counts import count_checked_billing
from generator.errors import ConventioError
from generator.parties.numbers import format_inami
from tests.support.billing_files import (
    GROUP,
    HEADERS,
    INDIVIDUAL,
    OTHER,
    OUTREACH,
    provider,
    sessions,
    write_csv,
)
from tests.support.party_files import NRN
from tests.support.paths import ROOT


@pytest.fixture(scope="module")
def rules(corpus):
    return CountingRules.of(bonus_parameters(corpus, 2023), corpus)


def exact(path: Path, rules, columns=None):
    checked = checked_billing(path, parse_columns(columns))
    assert not checked.errors, checked.errors
    return count_checked_billing(checked, rules)


def same_counts(quick, slow) -> None:
    assert quick.read == slow.read
    assert quick.excluded == slow.excluded
    assert sorted(quick.volumes) == sorted(slow.volumes)
    # the euros keep the exact way's two decimals (12.50, not 12.5)
    assert [str(v.euros) for _, v in sorted(quick.volumes)] == [
        str(v.euros) for _, v in sorted(slow.volumes)
    ]


def test_the_example_billing_file_is_counted_the_quick_way_as_the_exact_way(rules):
    billing = ROOT / "examples" / "billing-2023.csv"
    quick = count_plain_csv(billing, None, None, rules)
    assert quick is not None
    same_counts(quick, exact(billing, rules))
    # every reason is in the example file, duplicates included
    assert set(quick.excluded) == {
        "group code", "code not in either list", "out of period", "entered too late",
        "duplicate row",
    }  # fmt: skip


def test_usual_spellings_are_read_the_quick_way_and_counted_alike(tmp_path, rules):
    """`,` separator without BOM, CRLF line ends, DD/MM/YYYY dates, comma decimals,
    INAMI numbers with dashes, a network by its INAMI number, a column not used,
    a mapped header: one row in two spellings is one row and its duplicate."""
    p = provider(7)
    headers = ["INAMI_PREST", "network", "pseudocode", "service_date", "entered_date",
               "MONTANT", "remark"]  # fmt: skip
    rows = [
        [p, "net-02", INDIVIDUAL, "2022-10-03", "2022-11-01", "60.00", "a"],
        [format_inami(p), "net-02", INDIVIDUAL, "03/10/2022", "01/11/2022", "60,0", "b"],
        [p, "net-02", OUTREACH, "2022-10-04", "2022-11-01", " 45,50 ", ""],
        [p, "net-02", GROUP, "2022-10-05", "2022-11-01", "20", "c"],
        [p, "net-02", OTHER, "2022-10-05", "2022-11-01", "20", "d"],
        [p, "net-02", INDIVIDUAL, "2021-10-05", "2022-11-01", "20", "e"],
        [p, "net-02", INDIVIDUAL, "2022-10-06", "2024-01-01", "20", "f"],
    ]
    billing = tmp_path / "b.csv"
    lines = [",".join(headers)] + [",".join(f'"{v}"' if "," in v else v for v in r) for r in rows]
    billing.write_bytes("\r\n".join(lines).encode() + b"\r\n")
    columns = ["provider_inami=INAMI_PREST,amount=MONTANT"]
    quick = count_plain_csv(billing, parse_columns(columns), None, rules)
    assert quick is not None
    same_counts(quick, exact(billing, rules, columns))
    assert quick.excluded == {
        "group code": {p: 1}, "code not in either list": {p: 1}, "out of period": {p: 1},
        "entered too late": {p: 1}, "duplicate row": {p: 1},
    }  # fmt: skip
    ((_, volume),) = quick.volumes
    assert (volume.euros, volume.sessions, volume.outreach_euros) == (
        Decimal("105.50"),
        2,
        Decimal("45.50"),
    )


def test_a_line_break_quoted_in_a_column_not_used_is_read_alike(tmp_path, rules):
    rows = [[*r, "first line\nsecond line"] for r in sessions(provider(5), 4, "60.00")]
    billing = write_csv(tmp_path / "b.csv", rows, headers=[*HEADERS, "remark"])
    quick = count_plain_csv(billing, None, None, rules)
    assert quick is not None and quick.read == 4
    same_counts(quick, exact(billing, rules))


def _write(folder: Path, rows: list[list[str]], **options) -> Path:
    return write_csv(folder / f"{len(list(folder.iterdir()))}.csv", rows, **options)


def _not_plain_files(folder: Path) -> dict[str, Path]:
    """Files the quick way must hand to the exact way, each for one reason."""
    good = sessions(provider(3), 3, "60.00")
    blank = _write(folder, good)
    blank.write_text(blank.read_text(encoding="utf-8-sig").replace("\n", "\n\n", 1))
    cr_only = _write(folder, good, bom=False)
    cr_only.write_bytes(cr_only.read_bytes().replace(b"\r\n", b"\r"))
    not_utf8 = _write(folder, good, bom=False)
    not_utf8.write_bytes(not_utf8.read_bytes() + b"10000306780;net-01;792595;2022-09-01;"
                         b"2023-09-30;60\xe9\r\n")  # fmt: skip
    header_quote = _write(folder, good, bom=False)
    header_quote.write_text('"' + header_quote.read_text())
    first = good[0]
    return {
        "a blank line": blank,
        "an empty cell": _write(folder, [*good, [*first[:3], "", *first[4:]]]),
        "an INAMI number in error": _write(folder, [*good, ["1234", *first[1:]]]),
        "a pseudocode in error": _write(folder, [*good, [*first[:2], "79259", *first[3:]]]),
        "a row of seven cells": _write(folder, [*good, [*first, "x"]]),
        "a row of five cells": _write(folder, [*good, first[:5]]),
        "a date in another form": _write(folder, [*good, [*first[:3], "2022-9-1", *first[4:]]]),
        "an amount with four decimals": _write(folder, [*good, [*first[:5], "60.0000"]]),
        "a negative amount": _write(folder, [*good, [*first[:5], "-60.00"]]),
        "a column of national register numbers": _write(
            folder, [[*r, NRN] for r in good], headers=[*HEADERS, "patient"]
        ),
        "line ends of CR only": cr_only,
        "bytes that are not UTF-8": not_utf8,
        "a quote not closed in the header": header_quote,
        "no rows": _write(folder, []),
    }


def _outcome(compute):
    """What reading a file gives: the rows read and the errors, or the refusal."""
    try:
        report = compute()
    except ConventioError as refusal:
        return str(refusal)
    return report.read, [str(e) for e in report.errors]


def test_a_file_that_is_not_plain_is_read_the_exact_way(tmp_path, corpus, rules):
    folder = tmp_path / "files"
    folder.mkdir()
    for why, billing in _not_plain_files(folder).items():
        assert count_plain_csv(billing, None, None, rules) is None, why
        # compute_bonus reads it the exact way: the same errors, refusal or counts
        got = _outcome(lambda b=billing: compute_bonus(b, 2023, corpus))
        assert got == _outcome(lambda b=billing: checked_billing(b)), why
    # lines ended by CR alone are read (the exact way), not refused
    cr_only = _not_plain_files(folder)["line ends of CR only"]
    assert _outcome(lambda: compute_bonus(cr_only, 2023, corpus)) == (3, [])


def test_a_file_too_large_for_this_machine_s_memory_is_read_the_exact_way(rules):
    billing = ROOT / "examples" / "billing-2023.csv"
    size = billing.stat().st_size
    assert count_plain_csv(billing, None, None, rules, max_bytes=size - 1) is None
    assert count_plain_csv(billing, None, None, rules, max_bytes=size) is not None
    # by default, a quarter of the machine's memory: far above a year of billing
    assert count_plain_csv(billing, None, None, rules) is not None


def test_files_of_other_kinds_are_not_read_the_quick_way(tmp_path, rules):
    for name in ("b.xlsx", "b.parquet", "folder"):
        assert count_plain_csv(tmp_path / name, None, None, rules) is None


def test_an_amount_too_large_for_64_bit_cents_is_summed_the_exact_way(tmp_path, rules):
    rows = sessions(provider(4), 100, "999999999999999.99")  # 100 × 10¹⁷ cents > 2⁶³
    billing = write_csv(tmp_path / "b.csv", rows)
    assert count_plain_csv(billing, None, None, rules) is None
    ((_, volume),) = exact(billing, rules).volumes
    assert volume.euros == Decimal("99999999999999999.00")
    # below the bound the quick way sums them, exactly
    billing = write_csv(tmp_path / "c.csv", rows[:3])
    ((_, volume),) = count_plain_csv(billing, None, None, rules).volumes
    assert volume.euros == Decimal("2999999999999999.97")


def test_the_quick_readings_give_what_the_exact_readings_give():
    """Every date of 1990-2040 in both quick forms, and the forms around them; plain
    amounts and the forms around them: where the quick reading reads a text, DuckDB's
    reading (the one the exact way applies to every row) gives the same value."""
    day, dates = dt.date(1990, 1, 1), []
    while day.year <= 2040:
        dates += [day.isoformat(), day.strftime("%d/%m/%Y")]
        day += dt.timedelta(days=1)
    generated = len(dates)
    dates += ["2023-02-29", "29/02/2023", "2024-02-29", "31/04/2023", "00/01/2023",
              "2023-13-01", "2023-1-5", " 2023-01-05", "05.01.2023", "05-01-2023",
              "20230105", "2023/01/05", "1/5/2023", "0000-01-01"]  # fmt: skip
    amounts = ["0", "0.00", "12", "12.5", "12,50", " 12.50 ", "1.2300", "12.", ".5",
               "999999999999999.99", "1000000000000000", "-1", "1e3", "1 000", "12,5,0",
               "٣", "12.345", "0012.30", "+12"]  # fmt: skip
    con = duckdb.connect()
    read_dates = con.execute(
        f"SELECT {date_reading('v')} FROM unnest($1::VARCHAR[]) WITH ORDINALITY AS t(v, i) "
        "ORDER BY i",
        [dates],
    ).fetchall()
    read_amounts = con.execute(
        f"SELECT CASE WHEN {AMOUNT_REFUSED} THEN NULL ELSE amount_read END FROM "
        f"(SELECT i, {amount_reading('v')} AS amount_read "
        "FROM unnest($1::VARCHAR[]) WITH ORDINALITY AS t(v, i)) ORDER BY i",
        [amounts],
    ).fetchall()
    for text, (value,) in zip(dates, read_dates, strict=True):
        quick = quick_date(text)
        if quick is not None:
            assert quick == value, text
    # every day of those years is read the quick way, in both forms
    assert all(quick_date(text) is not None for text in dates[:generated])
    assert [t for t in dates[generated:] if quick_date(t)] == ["2024-02-29"]
    assert quick_amount("12,50") == Decimal("12.50") and quick_amount("1.2300") is None
    for text, (value,) in zip(amounts, read_amounts, strict=True):
        quick = quick_amount(text)
        if quick is not None:
            assert value is not None and quick == value, text


@st.composite
def billing_rows(draw):
    """Rows from a small vocabulary, so that duplicates, spellings of one value,
    every reason and several networks per provider all come up."""
    providers = [provider(n) for n in (1, 2, 3)]
    spellings = {p: [p, format_inami(p)] for p in providers}
    days = [dt.date(2022, 8, 30) + dt.timedelta(days=n) for n in (0, 2, 5, 200, 366, 367)]
    rows = []
    for _ in range(draw(st.integers(1, 40))):
        p = draw(st.sampled_from(providers))
        service = draw(st.sampled_from(days))
        entered = draw(st.sampled_from([service, dt.date(2023, 10, 5), dt.date(2023, 10, 6)]))
        date_form = draw(st.sampled_from(["%Y-%m-%d", "%d/%m/%Y"]))
        rows.append([
            draw(st.sampled_from(spellings[p])),
            draw(st.sampled_from(["net-01", "net-02", "net-03"])),
            draw(st.sampled_from([INDIVIDUAL, OUTREACH, GROUP, OTHER])),
            service.strftime(date_form),
            entered.strftime(date_form),
            draw(st.sampled_from(["60.00", "60", "60,0", "45.5", "0.01", "137,93"])),
        ])  # fmt: skip
    return rows


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(rows=billing_rows(), delimiter=st.sampled_from([";", ","]), bom=st.booleans())
def test_any_plain_file_gives_the_same_counts_both_ways(tmp_path, rules, rows, delimiter, bom):
    billing = write_csv(tmp_path / "b.csv", rows, delimiter=delimiter, bom=bom)
    quick = count_plain_csv(billing, None, None, rules)
    assert quick is not None
    same_counts(quick, exact(billing, rules))
