"""The SPC engine read as a team would use it: which rule flagged which points, in what
direction, and what it says when the data cannot support a chart — never a crash or a made-up
limit."""

import pytest

from arloesi.measures.spc import RequestError, parse, respond
from arloesi.measures.spc.rules import ihi
from arloesi.measures.spc.rules.anhoej import crossings_min, longest_run_max

STEADY = [10, 12, 9, 11, 10, 13, 8, 11, 9, 12, 10, 11, 9, 12, 10, 11]


def chart(**request) -> dict:
    answer = respond(request)
    assert "error" not in answer, answer
    return answer


def flagged(answer: dict, signal: str) -> list[int]:
    return [p["index"] for p in answer["points"] if signal in p["signals"]]


def findings(answer: dict, rule: str) -> list[dict]:
    return [f for f in answer["findings"] if f["rule"] == rule]


# --- Making Data Count ------------------------------------------------------------------------


def test_seven_points_above_the_mean_are_a_shift_an_improvement_when_higher_is_better():
    answer = chart(chart="xmr", method="mdc", values=STEADY + [12, 13, 12, 14, 12, 13, 12])
    assert flagged(answer, "shift") == list(range(17, 24))
    (shift,) = findings(answer, "shift")
    assert (shift["first"], shift["last"], shift["direction"]) == (17, 23, "above")
    assert shift["special_cause"] == "improvement"
    assert answer["variation"] == "improvement_high"
    assert {answer["points"][k]["special_cause"] for k in range(16, 23)} == {"improvement"}


def test_the_same_shift_is_a_concern_when_lower_is_better_and_neutral_when_neither():
    values = STEADY + [12, 13, 12, 14, 12, 13, 12]
    lower = chart(chart="xmr", method="mdc", values=values, improvement_direction="decrease")
    neither = chart(chart="xmr", method="mdc", values=values, improvement_direction="neutral")
    assert lower["variation"] == "concern_high"
    assert neither["variation"] == "neutral_high"
    assert findings(neither, "shift")[0]["special_cause"] == "neutral"


def test_a_point_on_the_mean_breaks_a_shift():
    # Mean 0: six above, one exactly on the mean, six above.
    values = [1, 1, 1, 1, 1, 1, 0, 1, 1, 1, 1, 1, 1, -12]
    answer = chart(chart="xmr", method="mdc", values=values, screen_outliers=False)
    assert answer["points"][6]["centre"] == 0
    assert flagged(answer, "shift") == []


def test_a_missing_value_interrupts_a_shift_and_carries_no_signal():
    values = STEADY + [12, 13, 12, None, 14, 12, 13, 12]
    answer = chart(chart="xmr", method="mdc", values=values)
    assert flagged(answer, "shift") == []
    assert answer["points"][19]["signals"] == [] and answer["points"][19]["value"] is None


def test_seven_rising_points_are_a_trend_even_across_the_mean_and_a_tie_breaks_it():
    rising = chart(chart="xmr", method="mdc", values=STEADY + [6, 7, 8, 9, 10, 11, 12])
    assert flagged(rising, "trend") == list(range(17, 24))
    tied = chart(chart="xmr", method="mdc", values=STEADY + [6, 7, 8, 8, 10, 11, 12])
    assert flagged(tied, "trend") == []


def test_two_of_three_near_a_limit_flags_only_the_close_points():
    base = chart(chart="xmr", method="mdc", values=STEADY)["points"][0]
    near = (base["upper_2sigma"] + base["upper"]) / 2
    centre = base["centre"]
    values = STEADY + [near, centre + 0.5, near, centre - 1, centre + 1]
    answer = chart(chart="xmr", method="mdc", values=values, baseline_points=16)
    assert flagged(answer, "two_of_three") == [17, 19]
    assert flagged(answer, "outside_limits") == []
    (finding,) = findings(answer, "two_of_three")
    assert finding["points"] == [17, 19] and finding["direction"] == "above"
    # Beyond the limit is not "close": an outside point does not make two of three.
    beyond = STEADY + [near, centre + 0.5, base["upper"] + 1]
    answer = chart(chart="xmr", method="mdc", values=beyond, baseline_points=16)
    assert flagged(answer, "two_of_three") == []


def test_a_point_beyond_the_limit_is_outside_and_its_classification_wins():
    answer = chart(
        chart="xmr", method="mdc", values=STEADY + [40], improvement_direction="decrease"
    )
    last = answer["points"][-1]
    assert last["signals"] == ["outside_limits"]
    assert last["special_cause"] == "concern"
    assert answer["variation"] == "concern_high"


def test_assurance_compares_the_target_with_the_last_limits():
    easy = chart(chart="xmr", method="mdc", values=STEADY, target=0)
    hard = chart(chart="xmr", method="mdc", values=STEADY, target=100)
    within = chart(chart="xmr", method="mdc", values=STEADY, target=11)
    assert (easy["assurance"], hard["assurance"], within["assurance"]) == (
        "consistent_pass",
        "consistent_fail",
        "inconsistent",
    )
    assert chart(chart="xmr", method="mdc", values=STEADY)["assurance"] is None


def test_each_phase_has_its_own_mean_and_limits_and_no_moving_range_crosses_the_break():
    answer = chart(
        chart="xmr", method="mdc", values=STEADY + [v + 20 for v in STEADY], phase_starts=[17]
    )
    first, second = answer["phases"]
    assert second["centre"] == pytest.approx(first["centre"] + 20)
    assert second["upper"] - second["centre"] == pytest.approx(first["upper"] - first["centre"])
    assert [p["phase"] for p in answer["points"]] == [1] * 16 + [2] * 16


def test_a_frozen_baseline_carries_its_limits_forward():
    answer = chart(chart="xmr", method="mdc", values=STEADY + [30, 31, 29], baseline_points=12)
    base = chart(chart="xmr", method="mdc", values=STEADY[:12])
    assert answer["phases"][0]["upper"] == base["phases"][0]["upper"]
    assert [p["baseline"] for p in answer["points"]] == [True] * 12 + [False] * 7


# --- Anhøj ------------------------------------------------------------------------------------


def test_the_runs_limits_are_qicharts2s():
    assert [longest_run_max(n) for n in (10, 24, 100)] == [6, 8, 10]
    assert [crossings_min(n) for n in (10, 24, 32, 36, 100)] == [2, 8, 11, 13, 41]


def test_a_long_run_is_a_runs_signal_on_every_point_of_its_phase_with_its_numbers():
    values = [5, 7, 4, 6, 5, 8, 3, 6, 9, 10, 11, 12, 10, 11, 13, 12, 11, 10, 12, 11]
    answer = chart(chart="run", method="anhoej", values=values)
    assert answer["phases"][0]["runs_signal"] is True
    assert flagged(answer, "runs") == list(range(1, 21))
    (runs,) = findings(answer, "runs")
    # Median 10: the first nine points are below it.
    assert runs["detail"]["long_run"] == 1 and runs["direction"] == "below"
    assert runs["points"] == list(range(1, 10))
    assert runs["detail"]["longest_run"] > runs["detail"]["longest_run_max"]


def test_an_excluded_point_is_plotted_and_tested_but_not_counted():
    values = [10, 12, 11, 13, 12, 30, 11, 12, 10, 13, 11, 12]
    answer = chart(chart="xmr", method="anhoej", values=values, exclude=[6])
    assert answer["points"][5]["included"] is False
    assert answer["points"][5]["signals"] == ["outside_limits"]
    assert answer["phases"][0]["n_obs"] == 11


def test_a_fixed_centre_line_is_used_as_given():
    answer = chart(chart="c", method="anhoej", values=[3, 4, 5, 4], centre_line=9)
    assert {p["centre"] for p in answer["points"]} == {9}
    assert answer["points"][0]["upper"] == pytest.approx(9 + 3 * 3)


def test_a_p_chart_is_scaled_by_multiply_and_its_limits_stay_between_0_and_100_percent():
    answer = chart(
        chart="p",
        method="anhoej",
        values=[9, 10, 8, 10],
        denominators=[10, 10, 10, 10],
        multiply=100,
    )
    assert answer["points"][0]["value"] == pytest.approx(90)
    assert all(0 <= p["lower"] <= p["upper"] <= 100 for p in answer["points"])


# --- IHI ---------------------------------------------------------------------------------------


def test_ihi_six_points_on_one_side_of_the_median_are_a_shift():
    answer = chart(
        chart="run", method="ihi", values=[5, 5, 5, 5, 5, 1, 2, 3, 2, 1, 2], centre_line=4
    )
    assert flagged(answer, "shift") == list(range(6, 12))
    assert findings(answer, "shift")[0]["direction"] == "below"


def test_ihi_five_rising_points_are_a_trend():
    answer = chart(chart="run", method="ihi", values=[3, 1, 2, 3, 4, 5, 2])
    assert flagged(answer, "trend") == [2, 3, 4, 5, 6]
    assert findings(answer, "trend")[0]["direction"] == "increasing"


# --- What the data cannot support --------------------------------------------------------------


@pytest.mark.parametrize(
    ("request_", "warning"),
    [
        ({"chart": "xmr", "method": "mdc", "values": [None] * 15}, "all_missing"),
        ({"chart": "xmr", "method": "mdc", "values": [4.0] * 15}, "constant_series"),
        ({"chart": "xmr", "method": "mdc", "values": [4.0] * 15}, "limits_unavailable"),
        ({"chart": "xmr", "method": "mdc", "values": [1, 2, 3]}, "short_series"),
        ({"chart": "xmr", "method": "mdc", "values": [1, 2, 3]}, "too_few_points"),
        ({"chart": "run", "method": "ihi", "values": [1, 2]}, "too_few_points"),
        ({"chart": "xmr", "method": "anhoej", "values": [7]}, "limits_unavailable"),
        (
            {"chart": "u", "method": "anhoej", "values": [1, 2], "denominators": [0, 5]},
            "zero_denominator",
        ),
        ({"chart": "run", "method": "anhoej", "values": []}, "no_data"),
        (
            {
                "chart": "run",
                "method": "anhoej",
                "values": STEADY,
                "phase_starts": [8],
                "baseline_points": 5,
            },
            "baseline_ignored",
        ),
    ],
)
def test_data_that_cannot_support_a_chart_gives_a_warning_and_no_made_up_limit(request_, warning):
    answer = chart(**request_)
    assert warning in answer["warnings"]
    for point in answer["points"]:
        if point["upper"] is None:
            assert point["lower"] is None and point["upper_2sigma"] is None
        if point["value"] is None:
            assert point["signals"] == []


def test_all_missing_has_no_centre_no_limits_and_no_signal():
    answer = chart(chart="p", method="anhoej", values=[None] * 5, denominators=[None] * 5)
    assert {(p["centre"], p["upper"], tuple(p["signals"])) for p in answer["points"]} == {
        (None, None, ())
    }
    assert answer["phases"][0]["n_useful"] == 0 and answer["phases"][0]["runs_signal"] is False


def test_a_zero_denominator_leaves_that_point_blank():
    answer = chart(chart="p", method="anhoej", values=[0, 3, 4], denominators=[0, 10, 10])
    assert answer["points"][0]["value"] is None and answer["points"][0]["upper"] is None
    assert answer["points"][1]["centre"] == pytest.approx(7 / 20)


@pytest.mark.parametrize(
    ("request_", "words"),
    [
        ({"chart": "pie", "method": "mdc", "values": [1]}, "Unknown chart"),
        ({"chart": "p", "method": "mdc", "values": [1], "denominators": [2]}, "cannot be read"),
        (
            {"chart": "p", "method": "anhoej", "values": [1, 2], "denominators": [2]},
            "2 values but 1",
        ),
        ({"chart": "p", "method": "anhoej", "values": [1, 2]}, "needs denominators"),
        ({"chart": "p", "method": "anhoej", "values": [3], "denominators": [2]}, "larger than"),
        ({"chart": "xmr", "method": "mdc", "values": [1, 2], "phase_starts": [1]}, "cannot start"),
        ({"chart": "xmr", "method": "mdc", "values": [1, 2], "phase_starts": [3]}, "cannot start"),
        (
            {"chart": "xmr", "method": "mdc", "values": [1] * 20, "baseline_points": 11},
            "at least 12",
        ),
        (
            {"chart": "xmr", "method": "mdc", "values": [1, 2], "exclude": [1]},
            "only with the Anhøj",
        ),
        ({"chart": "xmr", "method": "mdc", "values": [1, "2"]}, "entry 2"),
        ({"chart": "xmr", "method": "mdc", "values": [1], "colour": "red"}, "Unknown field"),
        ({"chart": "xmr", "method": "mdc", "values": [1], "multiply": 0}, "greater than 0"),
    ],
)
def test_a_request_that_breaks_the_contract_is_answered_in_words(request_, words):
    with pytest.raises(RequestError, match=words):
        parse(request_)
    assert set(respond(request_)) == {"error"}


# The IHI rule on the number of runs: limits from Swed & Eisenhart's exact distribution.
@pytest.mark.parametrize(
    ("n", "limits"),
    [(10, (3, 9)), (15, (5, 12)), (20, (7, 15)), (24, (8, 18)), (30, (11, 21))],
)
def test_ihi_runs_limits_match_the_exact_distribution(n, limits):
    assert ihi.runs_limits(n) == limits


def test_ihi_runs_limits_widen_with_more_points_and_stay_inside_the_possible():
    previous = ihi.runs_limits(10)
    for n in range(11, 101):
        lower, upper = ihi.runs_limits(n)
        assert 2 <= lower < upper <= n
        assert lower >= previous[0] and upper >= previous[1]
        previous = (lower, upper)


def test_ihi_too_few_runs_signal_on_every_point_of_the_phase():
    values = [1] * 8 + [9] * 8  # two runs among 16 points: fewer than 5
    answer = chart(chart="run", method="ihi", values=values)
    phase = answer["phases"][0]
    assert (phase["runs"], phase["runs_min"], phase["runs_max"]) == (2, 5, 13)
    assert phase["runs_signal"] is True
    assert all("runs" in p["signals"] for p in answer["points"])


def test_ihi_too_many_runs_is_a_signal():
    values = [1, 9] * 8  # sixteen runs among 16 points: more than 13
    phase = chart(chart="run", method="ihi", values=values)["phases"][0]
    assert (phase["runs"], phase["runs_signal"]) == (16, True)


def test_ihi_usual_number_of_runs_is_no_signal():
    values = [1, 1, 9, 9, 1, 9, 9, 1, 1, 9, 1, 9, 9, 1, 1, 9]
    answer = chart(chart="run", method="ihi", values=values)
    assert answer["phases"][0]["runs_signal"] is False
    assert not any("runs" in p["signals"] for p in answer["points"])


def test_ihi_with_fewer_than_ten_useful_points_says_the_runs_rule_is_not_applied():
    answer = chart(chart="run", method="ihi", values=[1, 9, 1, 9, 1, 9, 1, 9, 5])
    assert "runs_not_applied" in answer["warnings"]
    assert answer["phases"][0]["runs"] is None
