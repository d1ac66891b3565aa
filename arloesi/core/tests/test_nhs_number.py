import pytest

from arloesi.core import nhs_number


@pytest.mark.parametrize("number", ["9434765919", "943 476 5919", "4010232137", "401 023 2137"])
def test_numbers_passing_the_check_digit_are_recognised(number):
    assert nhs_number.is_valid(number)


@pytest.mark.parametrize(
    "number",
    [
        "9434765918",  # wrong check digit
        "4010232138",
        "943476591",  # nine digits
        "94347659190",  # eleven digits
        "94a4765919",
    ],
)
def test_anything_else_is_not_an_nhs_number(number):
    assert not nhs_number.is_valid(number)


def test_nine_digits_whose_check_would_be_ten_start_no_nhs_number():
    # 1*10 + 2*9 + … : find any nine digits with remainder 1, which would need check digit 10.
    first_nine = next(
        f"{n:09d}"
        for n in range(100000000, 100001000)
        if nhs_number.check_digit(f"{n:09d}") is None
    )
    assert not any(nhs_number.is_valid(first_nine + str(d)) for d in range(10))


def test_text_is_searched_for_numbers_written_either_way():
    text = "Seen at clinic (NHS 943 476 5919) and referred; ref 4010232137 too."
    assert nhs_number.find(text) == ["943 476 5919", "4010232137"]


def test_longer_numbers_and_failing_check_digits_are_not_flagged():
    text = "Call 01234 567890, budget code 9434765918, order 194347659190."
    assert nhs_number.find(text) == []


def test_the_fields_holding_numbers_are_named():
    fields = {"problem": "Patient 9434765919 fell.", "evidence": "Falls rose by 30%."}
    assert nhs_number.fields_with_numbers(fields) == ["problem"]
