from statistics import pstdev

import pytest

from arloesi.proposals import scoring

WEIGHTS = {"fit": 20, "benefit": 20, "value": 10}


def test_a_reviewers_total_is_the_weighted_mean_on_the_one_to_five_scale():
    total = scoring.weighted_total({"fit": 5, "benefit": 3, "value": 1}, WEIGHTS)
    assert total == pytest.approx((5 * 20 + 3 * 20 + 1 * 10) / 50)


def test_weights_are_relative():
    halved = {k: v / 2 for k, v in WEIGHTS.items()}
    scores = {"fit": 4, "benefit": 2, "value": 5}
    assert scoring.weighted_total(scores, halved) == pytest.approx(
        scoring.weighted_total(scores, WEIGHTS)
    )


def test_a_half_finished_review_has_no_total():
    assert scoring.weighted_total({"fit": 5}, WEIGHTS) is None


def test_the_proposal_score_averages_complete_reviews_and_shows_their_spread():
    summary = scoring.summarise(
        {
            "ann": {"fit": 5, "benefit": 5, "value": 5},
            "bob": {"fit": 1, "benefit": 3, "value": 5},
            "cai": {"fit": 2},  # not finished: does not count towards the score
        },
        WEIGHTS,
    )
    bob = (1 * 20 + 3 * 20 + 5 * 10) / 50
    assert summary.reviewer_totals == {"ann": 5.0, "bob": pytest.approx(bob)}
    assert summary.weighted_score == pytest.approx((5 + bob) / 2)
    assert summary.spread == pytest.approx(5 - bob)
    assert summary.reviewers_complete == 2
    assert summary.reviewers_started == 3
    # Disagreement per criterion counts everyone who scored it.
    assert summary.criterion_spread["fit"] == pytest.approx(pstdev([5, 1, 2]))
    assert summary.criterion_spread["value"] == 0


def test_one_reviewer_has_no_spread_and_no_reviewer_has_no_score():
    one = scoring.summarise({"ann": {"fit": 3, "benefit": 3, "value": 3}}, WEIGHTS)
    assert (one.weighted_score, one.spread) == (3.0, 0.0)
    none = scoring.summarise({}, WEIGHTS)
    assert (none.weighted_score, none.spread, none.reviewers_complete) == (None, None, 0)


def test_ranking_puts_the_best_first_shares_ties_and_leaves_unscored_last():
    items = [("a", 3.0), ("b", None), ("c", 4.5), ("d", 3.0), ("e", 2.0)]
    ranked = scoring.rank(items, lambda item: item[1])
    assert [(rank, item[0]) for rank, item in ranked] == [
        (1, "c"),
        (2, "a"),
        (2, "d"),
        (4, "e"),
        (None, "b"),
    ]


def test_pitch_words_are_counted_across_its_parts():
    assert scoring.word_count("Half of our falls", "don't start at home.", "") == 8
    assert scoring.word_count("Costs £4,500 for NHS-led clinics.") == 5


@pytest.mark.parametrize(("words", "seconds"), [(0, 0), (130, 60), (65, 30), (131, 61)])
def test_read_aloud_time_is_at_130_words_a_minute_rounded_up(words, seconds):
    assert scoring.read_aloud_seconds(words) == seconds
