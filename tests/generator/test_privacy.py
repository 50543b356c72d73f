"""The one national-register-number detector (generator/privacy.py): every
spelling found wherever it stands, what is not a number, numbers side by side.
Every place that relies on it: tests/end_to_end/test_national_numbers_never_printed.py."""

from __future__ import annotations

import pytest

from generator.parties import numbers
from generator.privacy import (
    MASK,
    find_national_numbers,
    holds_national_number,
    mask_national_numbers,
)

NRN = "890328-993-57"  # valid: 89.03.28-993.57
DIGITS = "89032899357"
OTHER = numbers.nrn_with_check("850730", 33)  # 85.07.30-033.28, stdnum's example


# --- the detector -------------------------------------------------------------


@pytest.mark.parametrize(
    "spelling",
    [
        "89.03.28-993.57",
        "890328-993-57",
        "89 03 28 993 57",
        "89/03/28-993.57",
        "89.03.28–993.57",  # en dash
        "89.03.28\u00a0993.57",  # no-break space
        "89.03.28 - 993.57",
        "89032899357",
    ],
)
@pytest.mark.parametrize(
    "around",
    [
        "{}",
        "Numéro : {}.",  # at the end of a sentence
        "(n° {})",  # in brackets
        "| {} |",  # in a table cell as text
        "né le 28/03/1989, {}, domicilié",
        "NN{}",
    ],
)
def test_every_spelling_is_found_wherever_it_stands(spelling, around):
    text = around.format(spelling)
    found = find_national_numbers(text)
    assert [text[f.start : f.end] for f in found] == [spelling]
    masked = mask_national_numbers(text)
    assert masked == around.format(MASK)


@pytest.mark.parametrize(
    "text",
    [
        "89032899358",  # check digits wrong
        "89.13.28-993.xx",  # not digits
        "792514 792536 792551",  # pseudocodes: groups of six, never eleven in all
        "8903289935712",  # a 13-digit number is not an 11-digit one inside it
        "le 01/09/2023, 36.000 EUR, 0,70 EUR",
        # a SHA-256 may hold eleven digits in a row that pass the check: a hash is no number
        "3f9a" + DIGITS + "e" * 49,
        # an event's number and time: "4 2026 11 30 03" passes the check, yet it is
        # part of an ISO date (the register's listing masked it at 03:00 that day)
        "recorded: #4 2026-11-30 03:02 UTC  signed",
        "",
    ],
)
def test_what_is_not_a_national_number(text):
    assert find_national_numbers(text) == []
    assert not holds_national_number(text)
    assert mask_national_numbers(text) == text


def test_a_number_beside_an_iso_date_is_still_found():
    assert mask_national_numbers(f"#4 2026-11-30 03:02 UTC {NRN}") == (
        f"#4 2026-11-30 03:02 UTC {MASK}"
    )
    assert mask_national_numbers(f"{NRN} 2026-11-30") == f"{MASK} 2026-11-30"


def test_two_numbers_side_by_side_are_both_found():
    text = f"{NRN} et {numbers.format_nrn(OTHER)} - 01/09/23"
    assert len(find_national_numbers(text)) == 2
    assert mask_national_numbers(text) == f"{MASK} et {MASK} - 01/09/23"
