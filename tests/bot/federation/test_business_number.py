from __future__ import annotations

import pytest

from bot.federation import business_number


@pytest.mark.parametrize("number", ["214-81-03473", "2148103473", "119-86-22753"])
def test_numbers_with_a_matching_check_digit_are_valid(number: str) -> None:
    assert business_number.is_valid(number)


@pytest.mark.parametrize("number", ["214-81-03474", "123-45-6789", "", "abc-de-fghij"])
def test_wrong_check_digit_or_length_is_invalid(number: str) -> None:
    assert not business_number.is_valid(number)


def test_digits_are_shown_with_dashes() -> None:
    assert business_number.formatted("2148103473") == "214-81-03473"
