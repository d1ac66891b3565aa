"""NHS England *Making Data Count*, as NHSRplotthedots computes it, on one phase of an XmR chart.

* outside_limits — above the upper or below the lower process limit (strict);
* shift — 7 or more points in a row on the same side of the mean (a point on the mean breaks it);
* trend — 7 or more points each strictly higher (or lower) than the one before (ties break it;
  it may cross the mean);
* two_of_three — 2 of 3 points in a row beyond a near line (2/3 of the way to a limit) but not
  beyond the limit, all 3 on the same side of the mean; only the close points are flagged.

A missing value interrupts every run. A point flagged by several rules is classified by the first
of outside_limits > trend > two_of_three > shift: above / increasing is an improvement when
higher is better, a concern when lower is better, and "neutral" when neither is.
"""

from dataclasses import dataclass

from arloesi.measures.spc.limits import Lines
from arloesi.measures.spc.model import OUTSIDE, SHIFT, TREND, TWO_OF_THREE
from arloesi.measures.spc.rules.groups import contiguous, near

RUN = 7  # points in a shift or a trend
PRIORITY = (OUTSIDE, TREND, TWO_OF_THREE, SHIFT)


@dataclass(slots=True)
class PhaseSignals:
    signals: list[list[str]]
    special_cause: list[str | None]
    # +1 (above, increasing), −1 or 0 (common cause): the direction of the rule that classifies it
    label_sign: list[int]
    # (rule, phase-local positions, "above"/"below"/"increasing"/"decreasing", special cause)
    groups: list[tuple[str, list[int], str, str | None]]


def classify(sign: int, improvement: int) -> str | None:
    """+1 (above, increasing) or −1 → improvement, concern or neutral; 0 → None."""
    if not sign:
        return None
    if improvement == 0:
        return "neutral"
    return "improvement" if sign * improvement > 0 else "concern"


def sides(values: list[float | None], centre: list[float | None]) -> list[int | None]:
    out: list[int | None] = []
    for v, c in zip(values, centre, strict=True):
        if v is None or c is None:
            out.append(None)
        else:
            out.append((v > c) - (v < c))
    return out


def outside_and_close(lines: Lines) -> tuple[list[bool], list[bool]]:
    outside, close = [], []
    for v, lo, hi, lo2, hi2 in zip(
        lines.values, lines.lower, lines.upper, lines.lower2, lines.upper2, strict=True
    ):
        if v is None or lo is None or hi is None:
            outside.append(False)
            close.append(False)
            continue
        beyond = v > hi or v < lo
        outside.append(beyond)
        close.append(not beyond and (v < lo2 or v > hi2))
    return outside, close


def shift_points(side: list[int | None]) -> list[bool]:
    """Every point of a run of 7 or more on one side (no missing value, none on the mean)."""
    flagged = [False] * len(side)
    length, current = 0, None
    for i, s in enumerate(side):
        if s is None or s == 0:
            length, current = 0, None
            continue
        length = length + 1 if s == current else 1
        current = s
        if length >= RUN:
            for j in range(i - length + 1, i + 1):
                flagged[j] = True
    return flagged


def trend_points(values: list[float | None]) -> tuple[list[bool], list[int], list[list[int]]]:
    """Every point of 7 or more in a row, each strictly above (below) the one before; per point,
    the direction NHSRplotthedots gives it (the step to the next point when that point is in a
    trend too, else the step from the previous one); and each trend's positions."""
    count = len(values)
    flagged = [False] * count
    trends: list[list[int]] = []
    steps: list[int | None] = [None]
    for a, b in zip(values, values[1:], strict=False):
        steps.append(None if a is None or b is None else (b > a) - (b < a))
    start, current = 0, None
    for i in range(1, count + 1):
        step = steps[i] if i < count else None
        if step is not None and step != 0 and step == current:
            continue
        # The run of equal steps that ended at i - 1 covers start..i-1.
        if current and i - start >= RUN:
            trends.append(list(range(start, i)))
            for j in range(start, i):
                flagged[j] = True
        start, current = i - 1, (step or None)
    direction = [0] * count
    for i in range(count):
        if flagged[i]:
            step = steps[i + 1] if i + 1 < count and flagged[i + 1] else steps[i]
            direction[i] = 1 if step == 1 else -1
    return flagged, direction, trends


def two_of_three_points(close: list[bool], side: list[int | None]) -> list[bool]:
    flagged = [False] * len(close)
    for start in range(len(close) - 2):
        window = range(start, start + 3)
        first = side[start]
        if first in (None, 0) or any(side[j] != first for j in window):
            continue
        if sum(close[j] for j in window) >= 2:
            for j in window:
                if close[j]:
                    flagged[j] = True
    return flagged


def analyse(lines: Lines, improvement: int) -> PhaseSignals:
    """The signals of one phase; ``improvement`` is +1 (higher is better), −1 or 0 (neutral)."""
    values = lines.values
    side = sides(values, lines.centre)
    outside, close = outside_and_close(lines)
    shift = shift_points(side)
    trend, trend_direction, trends = trend_points(values)
    two = two_of_three_points(close, side)
    by_rule = {OUTSIDE: outside, TREND: trend, TWO_OF_THREE: two, SHIFT: shift}

    count = len(values)
    signals: list[list[str]] = [[] for _ in range(count)]
    special: list[str | None] = [None] * count
    label_sign = [0] * count
    for i in range(count):
        if values[i] is None:
            continue
        for rule in PRIORITY:
            if by_rule[rule][i]:
                signals[i].append(rule)
        if signals[i]:
            first = signals[i][0]
            sign = trend_direction[i] if first == TREND else (1 if side[i] == 1 else -1)
            special[i] = classify(sign, improvement)
            label_sign[i] = sign

    groups: list[tuple[str, list[int], str, str | None]] = []
    beyond = [i for i in range(count) if outside[i] and values[i] is not None]
    for run in contiguous(beyond, key=side.__getitem__):
        groups.append((OUTSIDE, run, _word(side[run[0]]), classify(side[run[0]], improvement)))
    for run in trends:
        sign = 1 if values[run[-1]] > values[run[0]] else -1
        word = "increasing" if sign > 0 else "decreasing"
        groups.append((TREND, run, word, classify(sign, improvement)))
    for rule, flagged, gap in ((TWO_OF_THREE, two, 2), (SHIFT, shift, 1)):
        positions = [i for i in range(count) if flagged[i]]
        for run in near(positions, gap, key=side.__getitem__):
            groups.append((rule, run, _word(side[run[0]]), classify(side[run[0]], improvement)))
    return PhaseSignals(signals, special, label_sign, groups)


def _word(side: int | None) -> str:
    return "above" if side == 1 else "below"
