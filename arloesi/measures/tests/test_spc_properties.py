"""What holds for every series, whatever the numbers: the engine never fails on a request the
contract allows, XmR limits are symmetric about the centre, a constant series never signals, a
frozen baseline's limits do not move when points are added, and a point without a value carries
no signal."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from arloesi.measures.spc import respond
from arloesi.measures.spc.model import VALID_METHODS, WITH_DENOMINATORS

finite = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
maybe = st.one_of(st.none(), finite)
series = st.lists(maybe, min_size=0, max_size=40)
PAIRS = [(chart, method) for chart, methods in VALID_METHODS.items() for method in methods]


def answer(request: dict) -> dict:
    got = respond(request)
    assert "error" not in got, got
    return got


@st.composite
def requests(draw) -> dict:
    chart, method = draw(st.sampled_from(PAIRS))
    count = draw(st.integers(min_value=0, max_value=40))
    request: dict = {"chart": chart, "method": method}
    if chart in WITH_DENOMINATORS:
        denominators = draw(
            st.lists(st.one_of(st.none(), st.integers(0, 500)), min_size=count, max_size=count)
        )
        values = []
        for n in denominators:
            top = n if chart in ("p", "pp") and n is not None else 500
            values.append(draw(st.one_of(st.none(), st.integers(0, top))))
        request["denominators"] = denominators
    elif chart == "c":
        values = draw(
            st.lists(st.one_of(st.none(), st.integers(0, 50)), min_size=count, max_size=count)
        )
    else:
        values = draw(st.lists(maybe, min_size=count, max_size=count))
    request["values"] = values
    if count >= 2 and draw(st.booleans()):
        request["phase_starts"] = draw(st.lists(st.integers(2, count), max_size=3))
    if draw(st.booleans()):
        low = 12 if method == "mdc" else 1
        request["baseline_points"] = draw(st.integers(low, max(low, count + 2)))
    if method == "anhoej" and count and draw(st.booleans()):
        request["exclude"] = draw(st.lists(st.integers(1, count), max_size=3))
    if method == "mdc":
        request["improvement_direction"] = draw(
            st.sampled_from(["increase", "decrease", "neutral"])
        )
        request["target"] = draw(maybe)
    request["screen_outliers"] = draw(st.booleans())
    return request


@settings(max_examples=150, deadline=None)
@given(requests())
def test_any_request_the_contract_allows_gets_a_whole_answer(request):
    got = answer(request)
    assert [p["index"] for p in got["points"]] == list(range(1, len(request["values"]) + 1))
    for point in got["points"]:
        if point["value"] is None:
            assert point["signals"] == [] and point["special_cause"] is None
        if point["lower"] is not None:
            assert point["lower"] <= point["upper"]
            assert (
                point["lower"] <= point["lower_2sigma"] <= point["upper_2sigma"] <= point["upper"]
            )
        else:
            assert point["upper"] is None or request["chart"] == "mr"
    for finding in got["findings"]:
        assert all(finding["rule"] in got["points"][i - 1]["signals"] for i in finding["points"]), (
            finding
        )


@settings(max_examples=100, deadline=None)
@given(st.lists(maybe, min_size=2, max_size=40), st.sampled_from(["mdc", "anhoej"]), st.booleans())
def test_xmr_limits_are_symmetric_about_the_centre(values, method, screen):
    got = answer({"chart": "xmr", "method": method, "values": values, "screen_outliers": screen})
    for point in got["points"]:
        if point["upper"] is None:
            continue
        width = max(1.0, abs(point["centre"]))
        assert point["upper"] - point["centre"] == pytest.approx(
            point["centre"] - point["lower"], rel=1e-9, abs=1e-9 * width
        )
        assert point["upper_2sigma"] - point["centre"] == pytest.approx(
            point["centre"] - point["lower_2sigma"], rel=1e-9, abs=1e-9 * width
        )


@settings(max_examples=100, deadline=None)
@given(
    st.sampled_from(PAIRS),
    st.integers(1, 60),
    st.integers(1, 40),
    st.booleans(),
    st.lists(st.booleans(), max_size=60),
)
def test_a_constant_series_never_signals(pair, size, level, screen, gaps):
    chart, method = pair
    values = [None if k < len(gaps) and gaps[k] and k % 3 else level for k in range(size)]
    request = {"chart": chart, "method": method, "values": values, "screen_outliers": screen}
    if chart in WITH_DENOMINATORS:
        request["denominators"] = [None if v is None else 50 for v in values]
    got = answer(request)
    assert all(p["signals"] == [] for p in got["points"])
    assert got["variation"] in (None, "common_cause")


@settings(max_examples=150, deadline=None)
@given(
    st.lists(finite, min_size=12, max_size=30),
    st.lists(maybe, min_size=1, max_size=10),
    st.sampled_from([("xmr", "mdc"), ("xmr", "anhoej"), ("run", "anhoej"), ("run", "ihi")]),
)
def test_adding_points_never_moves_a_frozen_baselines_limits(baseline, more, pair):
    chart, method = pair
    request = {"chart": chart, "method": method, "baseline_points": 12}
    before = answer({**request, "values": baseline})["points"][0]
    after = answer({**request, "values": baseline + more})["points"]
    lines = ("centre", "lower", "upper", "lower_2sigma", "upper_2sigma")
    for point in after:
        assert {k: point[k] for k in lines} == {k: before[k] for k in lines}


@settings(max_examples=150, deadline=None)
@given(st.lists(finite, min_size=7, max_size=40))
def test_turning_the_series_upside_down_turns_improvement_into_concern(values):
    up = answer({"chart": "xmr", "method": "mdc", "values": values})
    down = answer({"chart": "xmr", "method": "mdc", "values": [-v for v in values]})
    for a, b in zip(up["points"], down["points"], strict=True):
        assert set(a["signals"]) == set(b["signals"])
        swap = {"improvement": "concern", "concern": "improvement", None: None}
        assert swap[a["special_cause"]] == b["special_cause"]
