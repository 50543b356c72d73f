"""The numbers of a party file: BCE/KBO, national register, INAMI, phone and e-mail,
read in every form people type them and checked."""

from __future__ import annotations

import pytest

from generator.parties import numbers
from tests.support.party_files import NRN


def test_bce_forms_normalise_to_the_dotted_form():
    for form in ("0403.170.701", "BE0403170701", "403170701", "BE 0403 170 701", 403170701):
        assert numbers.normalise_bce(form) == "0403.170.701"
    with pytest.raises(numbers.NumberError, match="check digits do not match"):
        numbers.normalise_bce("0403.170.702")
    with pytest.raises(numbers.NumberError, match="10 digits"):
        numbers.normalise_bce("12345")


def test_national_register_number_forms_and_checks():
    for form in ("85.07.30-033.28", "85073003328", "850730-033-28", "85 07 30 033 28"):
        assert numbers.normalise_nrn(form) == "85073003328"
    assert numbers.format_nrn("85073003328") == NRN
    with pytest.raises(numbers.NumberError) as bad:
        numbers.normalise_nrn("85.07.30-033.29")
    assert str(bad.value) == (
        "the national register number is not valid (its check digits do not match)"
    )
    assert numbers.nrn_with_check("910417", 268) == "91041726894"
    assert numbers.normalise_nrn("91041726894") == "91041726894"


def test_inami_rule_97_and_89_and_display():
    assert numbers.normalise_inami("710-00436") == "71000436"
    assert numbers.normalise_inami("9/12345 37.780") == "91234537780"
    assert numbers.normalise_inami(1234567) == "01234567"  # leading zero restored
    assert numbers.inami_check_ok("71000436")  # 97 - 710004 % 97 = 36
    assert numbers.inami_check_ok("12345676")  # 89 - 123456 % 89 = 76 (older numbers)
    assert numbers.inami_check_ok("12345625")  # 97 - 123456 % 97 = 25
    assert not numbers.inami_check_ok("12345678")
    # first six digits a multiple of 97: the check is 97
    assert numbers.inami_check_ok(f"{97 * 1000:06d}97")
    assert numbers.format_inami("91234537780") == "9-12345-37-780"
    assert numbers.format_inami("71000436") == "710-00436"
    with pytest.raises(numbers.NumberError, match="8 digits"):
        numbers.normalise_inami("1234567890")


def test_phone_and_email():
    assert numbers.normalise_phone("0471 23 45 67") == "+32471234567"
    assert numbers.normalise_phone("+32 9 234 56 78") == "+3292345678"
    assert numbers.format_phone("+32471234567") == "0471 23 45 67"
    with pytest.raises(numbers.NumberError, match="not a valid number"):
        numbers.normalise_phone("123")
    assert numbers.normalise_email("info@Example.org") == "info@example.org"
    with pytest.raises(numbers.NumberError, match="@-sign"):
        numbers.normalise_email("info.example.org")
