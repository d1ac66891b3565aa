"""The 5 × 5 matrix: scores, their bands at the edges, and when the next review is due."""

from datetime import date

import pytest

from arloesi.risks import matrix
from arloesi.risks.matrix import RiskMatrix


@pytest.mark.parametrize(
    ("score", "band"),
    [(1, "low"), (3, "low"), (4, "moderate"), (6, "moderate"), (8, "high"), (12, "high"),
     (15, "extreme"), (25, "extreme")],
)  # fmt: skip
def test_the_default_bands_are_the_common_nhs_ones(score, band):
    assert matrix.band_of(score) == band


def test_a_board_sets_its_own_bands():
    board = RiskMatrix(low_max=4, moderate_max=9, high_max=16)
    assert [matrix.band_of(s, board) for s in (4, 5, 9, 10, 16, 20)] == [
        "low", "moderate", "moderate", "high", "high", "extreme",
    ]  # fmt: skip
    assert matrix.score_range("high", board) == (10, 16)
    assert matrix.score_range("extreme", board) == (17, 25)


def test_score_is_consequence_times_likelihood_and_refuses_anything_off_the_matrix():
    assert matrix.score(4, 5) == 20
    assert matrix.SCORES == (1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 20, 25)
    for consequence, likelihood in [(0, 3), (6, 1), (3, -1)]:
        with pytest.raises(ValueError):
            matrix.score(consequence, likelihood)


def test_reviews_come_round_after_the_bands_interval():
    reviewed = date(2026, 1, 15)
    assert matrix.next_review(reviewed, "low") == date(2027, 1, 15)
    assert matrix.next_review(reviewed, "moderate") == date(2026, 7, 15)
    assert matrix.next_review(reviewed, "high") == date(2026, 4, 15)
    assert matrix.next_review(reviewed, "extreme") == date(2026, 2, 15)


def test_a_review_at_the_end_of_a_month_falls_on_the_last_day_of_a_shorter_one():
    assert matrix.next_review(date(2026, 1, 31), "extreme") == date(2026, 2, 28)
    assert matrix.next_review(date(2027, 11, 30), "high") == date(2028, 2, 29)
    assert matrix.add_months(date(2026, 12, 31), 1) == date(2027, 1, 31)


def test_escalation_starts_at_the_boards_score():
    assert not matrix.escalates(12)
    assert matrix.escalates(15)
    assert matrix.escalates(12, RiskMatrix(escalation_score=12))


def test_a_matrix_whose_bands_do_not_rise_is_refused():
    assert RiskMatrix().problems() == []
    assert RiskMatrix(low_max=6, moderate_max=6).problems() == ["bands"]
    assert RiskMatrix(high_max=25).problems() == ["bands"]
    assert RiskMatrix(review_months=(12, 6, 3, 0)).problems() == ["review_months"]
    assert RiskMatrix(escalation_score=26).problems() == ["escalation_score"]
