"""The priority score and the ranking, worked by hand."""

import pytest

from arloesi.delivery.allocation.scoring import ScoreInput, Weights, priority_fit, rank


def test_with_every_weight_at_one_the_score_is_fit_times_benefit_over_effort():
    """Fit 2, benefit 4, effort 8 h: 2 × 4 ÷ 8 = 1.0; its parts are shown as they are."""
    (ranked,) = rank([ScoreInput(1, fit=2, benefit=4, effort_hours=8)])
    assert (ranked.fit_part, ranked.benefit_part, ranked.effort_part) == (2, 4, 8)
    assert ranked.score == ranked.computed == 1.0
    assert not ranked.overridden


def test_weights_are_powers_so_a_weight_of_zero_leaves_a_part_out():
    """Effort weight 0: 2 × 4 ÷ 8⁰ = 8. Benefit weight 2: 2 × 4² ÷ 8 = 4."""
    item = ScoreInput(1, fit=2, benefit=4, effort_hours=8)
    assert rank([item], Weights(effort=0))[0].score == 8
    assert rank([item], Weights(benefit=2))[0].score == 4


def test_the_ranking_puts_the_best_score_first_and_a_manual_override_wins():
    """A: 3 × 5 ÷ 10 = 1.5; B: 1 × 2 ÷ 4 = 0.5; C: 1 × 1 ÷ 20 = 0.05, but the lead sets C to
    2.0 "needed before the winter": C, A, B."""
    items = [
        ScoreInput(1, fit=3, benefit=5, effort_hours=10),
        ScoreInput(2, fit=1, benefit=2, effort_hours=4),
        ScoreInput(3, fit=1, benefit=1, effort_hours=20, override=2.0, override_reason="winter"),
    ]
    ranked = rank(items)
    assert [r.task_id for r in ranked] == [3, 1, 2]
    assert [r.position for r in ranked] == [1, 2, 3]
    assert ranked[0].overridden and ranked[0].override_reason == "winter"
    assert ranked[0].computed == pytest.approx(0.05)


def test_ties_go_to_the_lower_task_id_and_effort_is_at_least_one_hour():
    """Both score 2 × 3 ÷ 1 (no hours counts as one)."""
    ranked = rank([ScoreInput(9, 2, 3, 0), ScoreInput(4, 2, 3, 1)])
    assert [r.task_id for r in ranked] == [4, 9]
    assert ranked[0].score == ranked[1].score == 6


def test_an_override_needs_a_reason_and_weights_stay_in_range():
    with pytest.raises(ValueError, match="no reason"):
        ScoreInput(1, 1, 1, 1, override=3.0, override_reason="  ")
    with pytest.raises(ValueError, match="weight"):
        Weights(fit=4)


def test_fit_counts_the_current_local_priorities_served():
    assert priority_fit([1, 2, 7], current=[2, 7, 8]) == 2
    assert priority_fit([], current=[2]) == 0


def test_the_suggested_risk_score_follows_priority_and_how_short():
    """Of ten tasks, turn 1 and 2 are the top fifth (consequence 5), turn 10 the bottom (1).
    40 h needed and 38 short is 95 %: likelihood 5; 10 short is 25 %: 3; 2 short: 2."""
    from arloesi.delivery.allocation.risk import suggested_consequence, suggested_likelihood

    assert [suggested_consequence(n, 10) for n in (1, 2, 3, 10)] == [5, 5, 4, 1]
    assert [suggested_likelihood(40, short) for short in (38, 20, 10, 2)] == [5, 4, 3, 2]
    assert suggested_likelihood(40, 0) == 3
