"""`conventio bonus compute` and `bonus explain` through the real command line:
every file format, the column mapping, each bad input (exit 1, its row number,
no traceback, nothing written), national register numbers never read or printed,
and the explanation's references."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from generator.cli import cli
from tests.support.billing_files import (
    HEADERS,
    OUTREACH,
    provider,
    sessions,
    write_csv,
    write_parquet,
    write_xlsx,
)
from tests.support.party_files import NRN, write_yaml

PROVIDER = provider(21)
ROWS = sessions(PROVIDER, 87, "137,93") + sessions(PROVIDER, 13, "50.00", OUTREACH, start=100)


def run(*args: str):
    result = CliRunner().invoke(cli, ["bonus", *args], catch_exceptions=False)
    return result.exit_code, result.output + (result.stderr if result.stderr_bytes else "")


def compute(billing, out, *extra):
    return run("compute", "--billing", str(billing), "--year", "2023", "-o", str(out), *extra)


def test_compute_writes_one_row_per_provider_in_the_agreed_columns(tmp_path):
    code, output = compute(write_csv(tmp_path / "b.csv", ROWS), tmp_path / "r.csv")
    assert code == 0, output
    lines = (tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].split(";") == [
        "provider_inami",
        "amount_counted_eur",
        "individual_sessions",
        "outreach_sessions",
        "outreach_share",
        "part_volume_eur",
        "part_outreach_eur",
        "bonus_eur",
        "paying_network",
    ]
    # 87 × 137.93 + 13 × 50 = 12,649.91 EUR; 13 % outreach
    assert lines[1].split(";") == [
        PROVIDER, "12649.91", "100", "13", "13.00", "281.11", "52.00", "333.11", "net-01",
    ]  # fmt: skip
    assert "rows read: 100 = rows counted: 100 + rows excluded: 0" in output
    assert "practice_bonus_outreach_basis" in output  # the assumptions, with every result


@pytest.mark.parametrize("writer", ["csv-comma", "csv-semicolon-bom", "xlsx", "parquet"])
def test_every_billing_format_gives_the_same_result(tmp_path, writer):
    rows = [list(r) for r in ROWS]
    if writer == "csv-comma":
        billing = write_csv(tmp_path / "b.csv", rows, ",", bom=False)
    elif writer == "csv-semicolon-bom":
        billing = write_csv(tmp_path / "b.csv", rows, ";", bom=True)
    elif writer == "xlsx":
        typed = [
            [r[0], r[1], int(r[2]), dt.date.fromisoformat(r[3]), dt.datetime(2023, 9, 30),
             float(r[5].replace(",", "."))]
            for r in rows
        ]  # fmt: skip
        billing = write_xlsx(tmp_path / "b.xlsx", typed)
    else:
        billing = write_parquet(tmp_path / "b.parquet", rows)
    code, output = compute(billing, tmp_path / "r.json")
    assert code == 0, output
    result = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert result["rows"] == [
        {
            "provider_inami": PROVIDER,
            "amount_counted_eur": "12649.91",
            "individual_sessions": 100,
            "outreach_sessions": 13,
            "outreach_share": "13.00",
            "part_volume_eur": "281.11",
            "part_outreach_eur": "52.00",
            "bonus_eur": "333.11",
            "paying_network": "net-01",
        }
    ]
    assert result["rows_read"] == 100 and result["rows_excluded"] == {}
    assert next(a["id"] for a in result["assumptions"]) == "practice_bonus_outreach_basis"
    assert result["parameters"]["practice_bonus_volume_threshold"]["value"] == "36000.00"


def test_columns_maps_a_real_exports_headers(tmp_path):
    headers = ["INAMI_PREST", "RESEAU", "PSEUDO", "DATE_PREST", "DATE_ENCODAGE", "MONTANT"]
    billing = write_csv(tmp_path / "b.csv", ROWS, headers=headers)
    mapping = "provider_inami=INAMI_PREST,network=RESEAU,pseudocode=PSEUDO"
    dates = "service_date=DATE_PREST,entered_date=DATE_ENCODAGE,amount=MONTANT"
    code, output = compute(billing, tmp_path / "r.csv", "--columns", mapping, "--columns", dates)
    assert code == 0, output
    code, output = compute(billing, tmp_path / "r2.csv")
    assert code == 1
    assert "no column provider_inami" in output and "--columns" in output
    assert not (tmp_path / "r2.csv").exists()


def test_compute_as_xlsx_with_names_from_the_party_file(tmp_path):
    parties = write_yaml(tmp_path / "parties.yaml")
    rows = sessions("9-12345-37-780", 3, "100", network="net-02")
    code, output = compute(
        write_csv(tmp_path / "b.csv", rows), tmp_path / "r.xlsx", "--parties", str(parties)
    )
    assert code == 0, output
    sheet = load_workbook(tmp_path / "r.xlsx").worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    assert values[0][:2] == ("provider_inami", "provider_name")
    assert values[1][:3] == ("91234537780", "Siobhán Ó Súilleabháin", 300)
    assert values[1][-1] == "net-02"
    assert NRN not in output and "85073003328" not in output


GOOD = [PROVIDER, "net-01", "792595", "2023-01-10", "2023-02-01", "100"]


@pytest.mark.parametrize(
    ("column", "value", "words"),
    [
        ("pseudocode", "79259", "must be exactly six digits"),
        ("pseudocode", "792596", "wrong check digit"),
        ("provider_inami", "12345678901", "check digits"),
        ("provider_inami", "1234", "must have 8 digits"),
        ("service_date", "31/02/2023", "cannot be read as a date"),
        ("entered_date", "soon", "cannot be read as a date"),
        ("amount", "-10", "is negative"),
        ("amount", "dix euros", "is not a number"),
        ("amount", "10.005", "more than two decimals"),
        ("network", "réseau 1", "unknown network"),
    ],
)
def test_each_bad_input_is_an_error_with_its_row_and_nothing_is_written(
    tmp_path, column, value, words
):
    bad = list(GOOD)
    bad[HEADERS.index(column)] = value
    billing = write_csv(tmp_path / "b.csv", [GOOD, [*GOOD[:3], "2023-01-11", *GOOD[4:]], bad])
    out = tmp_path / "r.csv"
    code, output = compute(billing, out)
    assert code == 1
    assert f"row 4, {column}: " in output and words in output
    assert "Traceback" not in output
    assert not out.exists()
    code, output = run("explain", "--billing", str(billing), "--year", "2023",
                       "--provider", PROVIDER)  # fmt: skip
    assert code == 1 and f"row 4, {column}" in output


def test_an_unknown_network_of_the_party_file_is_an_error(tmp_path):
    parties = write_yaml(tmp_path / "parties.yaml")
    rows = [GOOD, [*GOOD[:1], "net-99", *GOOD[2:]]]
    code, output = compute(write_csv(tmp_path / "b.csv", rows), tmp_path / "r.csv",
                           "--parties", str(parties))  # fmt: skip
    assert code == 1
    assert "row 3, network: unknown network 'net-99'" in output


def test_errors_are_capped_with_their_count(tmp_path):
    rows = [[*GOOD[:5], "x"] for _ in range(30)]
    code, output = compute(write_csv(tmp_path / "b.csv", rows), tmp_path / "r.csv")
    assert code == 1
    assert "30 row(s) in error" in output
    assert "row 21, amount" in output and "row 22, amount" not in output
    assert "... and 10 more row(s) with an error in amount" in output


def test_a_column_of_national_register_numbers_is_refused_by_name_never_printed(tmp_path):
    rows = [[*r, NRN] for r in ROWS[:3]]
    billing = write_csv(tmp_path / "b.csv", rows, headers=[*HEADERS, "patient"])
    code, output = compute(billing, tmp_path / "r.csv")
    assert code == 1
    assert "column 'patient' holds national register numbers" in output
    assert NRN not in output and "85073003328" not in output
    assert not (tmp_path / "r.csv").exists()


def test_a_national_register_number_as_provider_is_an_error_never_printed(tmp_path):
    billing = write_csv(tmp_path / "b.csv", [GOOD, [NRN, *GOOD[1:]]])
    code, output = compute(billing, tmp_path / "r.csv")
    assert code == 1
    assert "row 3, provider_inami: holds a national register number" in output
    assert NRN not in output and "85073003328" not in output


def test_explain_gives_each_step_its_provision_parameter_and_figures(tmp_path):
    billing = write_csv(tmp_path / "b.csv", ROWS)
    formatted = f"{PROVIDER[0]}-{PROVIDER[1:6]}-{PROVIDER[6:8]}-{PROVIDER[8:]}"
    code, output = run("explain", "--billing", str(billing), "--year", "2023",
                       "--provider", formatted)  # fmt: skip
    assert code == 0, output
    for words in [
        # the instrument as a lawyer cites it, and its date's standing
        "article 14/1 as in force on 2023-12-31 [Insertion par l'article 1er du sixième avenant "
        "à la convention du 26 juillet 2021, en vigueur le 25 septembre 2023 (date présumée : "
        "approbation par le Comité)]",
        "Part 1: volume of individual sessions — article 14/1, alinéa 4, 3), alinéa 1",
        "parameter Prestations attestées donnant droit au montant maximum (volume) "
        "[inami-network-2021/avenant-06 › art_14-1__al_4__point_3__al_1 › "
        "practice_bonus_volume_threshold]: 36000.00 EUR",
        "800.00 × 12649.91 / 36000.00 = 281.1091… EUR",
        "part 1 = 281.1091… EUR, paid 281.11 EUR",
        "Part 2: innovation (outreach) — article 14/1, alinéa 4, 4), alinéa 1",
        "outreach share (sessions): 13 outreach sessions / 100 sessions = 13.00 %",
        "13 % < 50 %: 200.00 × 13 / 50 = 52.00 EUR",
        "Total, capped — article 14/1, alinéa 3",
        "bonus paid (rounded to the cent): 333.11 EUR",
        "Paying network (largest volume in euros) — article 14/1, alinéa 5; article 14/1, alinéa 6",
        "paying network: net-01",
        "Part d'outreaching comptée en séances [inami-network-2021/avenant-06 › art_14-1 › "
        "practice_bonus_outreach_basis]",
        "practice_bonus_tie",
    ]:
        assert words in output, words


def test_explain_says_why_a_provider_has_no_bonus(tmp_path):
    rows = [[PROVIDER, "net-01", "792595", "2023-01-10", "2023-11-01", "100"]]
    code, output = run("explain", "--billing", str(write_csv(tmp_path / "b.csv", rows)),
                       "--year", "2023", "--provider", PROVIDER)  # fmt: skip
    assert code == 1
    assert "no row of the billing file is counted" in output
    assert "entered too late: 1" in output


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"provider_inami;network\n1;r\xe9seau\n", "the file is not UTF-8"),
        (b"", "the first row must name the columns"),
        (
            (
                ";".join(HEADERS) + "\n" + ";".join(GOOD) + "\n" + ";".join([*GOOD, "x"]) + "\n"
            ).encode(),
            "row 3 cannot be read as CSV",
        ),
    ],
)
def test_a_file_that_is_not_a_readable_csv_is_refused_in_plain_words(tmp_path, content, words):
    billing = tmp_path / "b.csv"
    billing.write_bytes(content)
    code, output = compute(billing, tmp_path / "r.csv")
    assert code == 1
    assert words in output
    assert "Traceback" not in output and "Original Line" not in output
    assert PROVIDER not in output  # the data of a line is never quoted
    assert not (tmp_path / "r.csv").exists()


def test_every_bonus_command_refuses_a_file_with_errors_in_the_same_words(tmp_path):
    billing = write_csv(tmp_path / "b.csv", [["1234", *ROWS[0][1:]], *ROWS[1:]])
    base = ["--billing", str(billing), "--year", "2023"]
    outputs = []
    for command in (
        ["compute", *base, "-o", str(tmp_path / "r.csv")],
        ["explain", *base, "--provider", PROVIDER],
        ["payments", *base, "-o", str(tmp_path / "pay")],
        ["statements", *base, "--parties", str(write_yaml(tmp_path / "p.yaml")),
         "--out", str(tmp_path / "letters")],
    ):  # fmt: skip
        code, output = run(*command)
        assert code == 1, output
        outputs.append(output)
    assert outputs[0].startswith(f"error: {billing}: 1 row(s) in error; nothing was computed")
    assert "row 2, provider_inami:" in outputs[0] and "Traceback" not in outputs[0]
    assert all(output == outputs[0] for output in outputs)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.csv", "p.yaml"]
