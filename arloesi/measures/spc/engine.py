"""One chart: its phases, lines, signals, icons and warnings (``compute(request)``)."""

from itertools import repeat

from arloesi.measures.spc import limits
from arloesi.measures.spc.limits import Lines
from arloesi.measures.spc.model import (
    ALL_MISSING,
    BASELINE_IGNORED,
    BASELINE_LONGER_THAN_PHASE,
    CONSTANT_SERIES,
    LIMITS_UNAVAILABLE,
    NO_DATA,
    OUTSIDE,
    RUNS,
    RUNS_NOT_APPLIED,
    SHIFT,
    SHORT_SERIES,
    TOO_FEW_POINTS,
    TREND,
    WITH_LIMITS,
    ZERO_DENOMINATOR,
    Finding,
    Phase,
    Point,
    Request,
    Result,
)
from arloesi.measures.spc.rules import anhoej, ihi, mdc

SHORT_PHASE = 12  # mdc: fewer points than this give trial limits
IMPROVEMENT = {"increase": 1, "decrease": -1, "neutral": 0}


def compute(request: Request) -> Result:
    result = Result(request.chart, request.method, [], [])
    count = len(request.values)
    if not count:
        result.warn(NO_DATA)
        return result
    if all(v is None for v in request.values):
        result.warn(ALL_MISSING)
    if request.denominators is not None and any(
        n == 0 and y is not None for y, n in zip(request.values, request.denominators, strict=True)
    ):
        result.warn(ZERO_DENOMINATOR)
    starts = [0, *request.phase_starts]
    bounds = list(zip(starts, [*starts[1:], count], strict=True))
    frozen = _frozen_baseline(request, result)
    last_sign = 0
    for number, (first, end) in enumerate(bounds, start=1):
        last_sign = _phase(request, result, number, first, end, frozen)
    if request.method == "mdc":
        _icons(request, result, last_sign)
    _scale(result, request.multiply)
    return result


def _frozen_baseline(request: Request, result: Result) -> int | None:
    """anhoej and ihi: the baseline is the series' first N points, unless there are phases."""
    if request.method == "mdc" or request.baseline_points is None:
        return None
    if request.phase_starts:
        result.warn(BASELINE_IGNORED)
        return None
    return request.baseline_points


def _phase(request: Request, result: Result, number: int, first: int, end: int, frozen) -> int:
    """Adds the phase's points and summary; returns mdc's direction of the last point's signal."""
    values = list(request.values[first:end])
    size = end - first
    included = [i not in request.exclude for i in range(first, end)]
    if request.method == "mdc":
        baseline = [
            request.baseline_points is None or k < request.baseline_points for k in range(size)
        ]
        if request.baseline_points is not None and request.baseline_points > size:
            result.warn(BASELINE_LONGER_THAN_PHASE)
    else:
        baseline = [frozen is None or i < frozen for i in range(first, end)]
    base = [b and inc for b, inc in zip(baseline, included, strict=True)]
    lines = _lines(request, values, first, end, base)

    signals: list[list[str]] = [[] for _ in range(size)]
    special: list[str | None] = [None] * size
    phase = Phase(number, first + 1, end, n_obs=sum(included), n_useful=0)
    last_sign = 0
    if request.method == "mdc":
        last_sign = _read_mdc(request, result, lines, phase, signals, special, first)
    elif request.method == "anhoej":
        _read_anhoej(request, result, lines, phase, included, signals, first)
    else:
        _read_ihi(result, lines, phase, signals, first)

    result.points.extend(
        map(
            Point,
            range(first + 1, end + 1),
            lines.values,
            lines.centre,
            lines.lower,
            lines.upper,
            lines.lower2,
            lines.upper2,
            repeat(number, size),
            baseline,
            included,
            signals,
            special,
        )
    )
    phase.centre = limits.mean(lines.centre)
    phase.lower = limits.mean(lines.lower)
    phase.upper = limits.mean(lines.upper)
    result.phases.append(phase)
    _phase_warnings(request, result, lines, size)
    return last_sign


def _lines(request: Request, values, first: int, end: int, base: list[bool]) -> Lines:
    chart, fixed, screen = request.chart, request.centre_line, request.screen_outliers
    if request.method == "mdc":
        return limits.mdc_xmr(values, request.baseline_points, screen)
    if chart == "run":
        return limits.run(values, base, fixed)
    if chart == "xmr":
        return limits.individuals(values, base, fixed, screen)
    if chart == "mr":
        return limits.moving_range(values, base, fixed)
    if chart == "c":
        return limits.counts(values, base, fixed)
    denominators = list(request.denominators[first:end])
    return limits.ratios(chart, values, denominators, base, fixed, screen)


def _read_mdc(request, result, lines, phase, signals, special, offset) -> int:
    read = mdc.analyse(lines, IMPROVEMENT[request.improvement_direction])
    for k, names in enumerate(read.signals):
        signals[k].extend(names)
        special[k] = read.special_cause[k]
    phase.n_useful = sum(
        1 for v, c in zip(lines.values, lines.centre, strict=True) if v is not None and v != c
    )
    for rule, positions, word, cause in read.groups:
        result.findings.append(
            Finding(rule, phase.phase, [offset + k + 1 for k in positions], word, cause)
        )
    return read.label_sign[-1] if read.label_sign else 0


def _read_anhoej(request, result, lines, phase, included, signals, offset) -> None:
    outside = anhoej.outside(lines.values, lines.lower, lines.upper)
    runs = anhoej.runs_analysis(lines.values, lines.centre, included)
    runs_signal = runs.signal and request.chart != "mr"
    phase.n_useful = runs.n_useful
    phase.longest_run, phase.longest_run_max = runs.longest_run, runs.longest_run_max
    phase.crossings, phase.crossings_min = runs.crossings, runs.crossings_min
    phase.runs_signal = runs_signal
    for k, value in enumerate(lines.values):
        if value is None:
            continue
        if outside[k]:
            signals[k].append(OUTSIDE)
            above = value > lines.centre[k]
            result.findings.append(
                Finding(OUTSIDE, phase.phase, [offset + k + 1], "above" if above else "below")
            )
        if runs_signal:
            signals[k].append(RUNS)
    if runs_signal:
        detail = {
            "longest_run": runs.longest_run,
            "longest_run_max": runs.longest_run_max,
            "crossings": runs.crossings,
            "crossings_min": runs.crossings_min,
            "long_run": int(runs.long_run),
            "few_crossings": int(runs.few_crossings),
        }
        points = [offset + k + 1 for k in runs.longest] if runs.long_run else []
        if not points:
            points = [offset + k + 1 for k, v in enumerate(lines.values) if v is not None]
        direction = ("above" if runs.longest_side > 0 else "below") if runs.long_run else None
        result.findings.append(Finding(RUNS, phase.phase, points, direction, None, detail))


def _read_ihi(result, lines, phase, signals, offset) -> None:
    centre = lines.centre[0] if lines.centre else None
    phase.n_useful = sum(1 for v in lines.values if v is not None and v != centre)
    for rule, found in (
        (SHIFT, ihi.shifts(lines.values, centre)),
        (TREND, ihi.trends(lines.values)),
    ):
        for positions, sign in found:
            for k in positions:
                signals[k].append(rule)
            if rule == SHIFT:
                word = "above" if sign > 0 else "below"
            else:
                word = "increasing" if sign > 0 else "decreasing"
            points = [offset + k + 1 for k in positions]
            result.findings.append(Finding(rule, phase.phase, points, word))
    _read_ihi_runs(result, lines, phase, signals, offset, centre)


def _read_ihi_runs(result, lines, phase, signals, offset, centre) -> None:
    """Too few or too many runs about the median (Perla's Table 1, computed)."""
    limits = ihi.runs_limits(phase.n_useful)
    if limits is None:
        if phase.n_useful:
            result.warn(RUNS_NOT_APPLIED)
        return
    phase.runs = ihi.runs(lines.values, centre)
    phase.runs_min, phase.runs_max = limits
    few, many = phase.runs < limits[0], phase.runs > limits[1]
    phase.runs_signal = few or many
    if not phase.runs_signal:
        return
    points = []
    for k, value in enumerate(lines.values):
        if value is not None:
            signals[k].append(RUNS)
            points.append(offset + k + 1)
    detail = {"runs": phase.runs, "runs_min": limits[0], "runs_max": limits[1]}
    detail["few_runs" if few else "many_runs"] = 1
    result.findings.append(Finding(RUNS, phase.phase, points, None, None, detail))


def _phase_warnings(request: Request, result: Result, lines: Lines, size: int) -> None:
    present = [v for v in lines.values if v is not None]
    if request.method == "mdc" and size < SHORT_PHASE:
        result.warn(SHORT_SERIES)
    needed = {"mdc": mdc.RUN, "ihi": ihi.TREND_LENGTH, "anhoej": 2}[request.method]
    if len(present) < needed:
        result.warn(TOO_FEW_POINTS)
    if len(present) > 1 and min(present) == max(present):
        result.warn(CONSTANT_SERIES)
    if request.chart in WITH_LIMITS and present and all(u is None for u in lines.upper):
        result.warn(LIMITS_UNAVAILABLE)


def _icons(request: Request, result: Result, last_sign: int) -> None:
    """The variation icon from the last point; the assurance icon from the last point's limits
    and the target."""
    last = result.points[-1]
    direction = request.improvement_direction
    cause = last.special_cause
    if cause is None:
        result.variation = "common_cause"
    elif cause == "neutral":
        result.variation = "neutral_high" if last_sign > 0 else "neutral_low"
    elif cause == "improvement":
        result.variation = "improvement_high" if direction == "increase" else "improvement_low"
    else:
        result.variation = "concern_low" if direction == "increase" else "concern_high"
    if request.target is None or direction == "neutral":
        return
    target, increasing = request.target, direction == "increase"
    if last.upper is not None and target > last.upper:
        result.assurance = "consistent_fail" if increasing else "consistent_pass"
    elif last.lower is not None and target < last.lower:
        result.assurance = "consistent_pass" if increasing else "consistent_fail"
    else:
        result.assurance = "inconsistent"


def _scale(result: Result, multiply: float) -> None:
    if multiply == 1:
        return
    for p in result.points:
        p.value = _times(p.value, multiply)
        p.centre = _times(p.centre, multiply)
        p.lower = _times(p.lower, multiply)
        p.upper = _times(p.upper, multiply)
        p.lower_2sigma = _times(p.lower_2sigma, multiply)
        p.upper_2sigma = _times(p.upper_2sigma, multiply)
    for phase in result.phases:
        phase.centre = _times(phase.centre, multiply)
        phase.lower = _times(phase.lower, multiply)
        phase.upper = _times(phase.upper, multiply)


def _times(value: float | None, multiply: float) -> float | None:
    return None if value is None else value * multiply
