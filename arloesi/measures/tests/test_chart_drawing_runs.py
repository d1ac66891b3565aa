"""A phase whose runs signal (a long run on one side of the centre line, or too few crossings)
has its centre line drawn dashed in the special-cause colour, as qicharts2 draws it, with the
key saying what that means; a phase without has the plain line."""

import json
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from arloesi.measures.models import DataPoint, Measure
from arloesi.measures.selectors.charts import chart_view

CASES = Path(__file__).parent / "reference_cases"


def view_of(case: str, chart_type: str):
    request = json.loads((CASES / f"{case}.json").read_text())["request"]
    measure = Measure(name="C. difficile infections", chart_type=chart_type, rule_set="anhoej")
    points = [
        DataPoint(
            measure=measure,
            period_start=date(2024, 1, 1) + timedelta(days=7 * i),
            value=None if v is None else Decimal(str(v)),
        )
        for i, v in enumerate(request["values"])
    ]
    return chart_view(measure, points)


def test_a_long_run_dashes_the_centre_line_and_the_key_says_why():
    markup = str(view_of("qic_cdi_run_part24", "run").markup)
    assert 'class="spc-centre-signal"' in markup
    assert "a long run, too few crossings or an unusual number of runs" in markup


def test_no_runs_signal_keeps_the_plain_centre_line():
    markup = str(view_of("qic_seed123_i", "xmr").markup)
    assert 'class="spc-centre-signal"' not in markup
    assert 'class="spc-centre"' in markup
