"""The chart's drawing: every cause has its own shape as well as colour, limits step at a new
phase, words are escaped, and it always has a title and description."""

from arloesi.measures import chart


def _plot(**extra) -> chart.Plot:
    points = [
        chart.Plotted(label=f"W{k}", value=10.0 + k % 3, centre=11.0, lower=8.0, upper=14.0,
                      phase=1 if k < 6 else 2, cause="improvement" if k == 7 else None)
        for k in range(10)
    ]  # fmt: skip
    return chart.Plot(points=points, **extra)


def test_a_special_cause_point_is_a_square_as_well_as_blue():
    markup = chart.render(_plot(), chart.Words(title="T", description="D"), chart_id="c")
    assert markup.count("spc-improvement") == 1 and "<rect" in markup
    assert 'role="img"' in markup and "<title" in markup and "<desc" in markup


def test_limits_are_drawn_per_phase_with_a_break_between():
    markup = chart.render(_plot(), chart.Words(title="T", description="D"), chart_id="c")
    assert markup.count('class="spc-centre"') == 2
    assert markup.count('class="spc-phase"') == 1


def test_words_are_escaped():
    words = chart.Words(title="<script>alert(1)</script>", description="a & b")
    markup = chart.render(_plot(target=12.0), words, chart_id="c")
    assert "<script>" not in markup and "&lt;script&gt;" in markup
    assert 'class="spc-target"' in markup


def test_ticks_are_round_numbers_covering_the_data():
    ticks = chart.nice_ticks(3.2, 47.9, 6)
    assert ticks[0] <= 3.2 and ticks[-1] >= 47.9
    assert all(t == round(t) for t in ticks)


def test_too_few_points_names_the_rules_that_could_not_be_applied():
    from arloesi.measures import spc, wording

    result = spc.compute(spc.parse({"chart": "xmr", "method": "mdc", "values": [1, 2, 3]}))
    words = " ".join(wording.warning_words(result.warnings, result.method))
    assert "7 points in a row on one side of the mean" in words
    result = spc.compute(spc.parse({"chart": "run", "method": "ihi", "values": [1, 2, 3]}))
    words = " ".join(wording.warning_words(result.warnings, result.method))
    assert "shift rule (6 points" in words and "too few or too many runs" in words
