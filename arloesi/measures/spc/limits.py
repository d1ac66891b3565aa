"""Centre lines and limits of one phase, chart by chart.

Every function takes the phase's points in time order (``None`` = missing) and returns
:class:`Lines`: the plotted values and, per point, the centre, the 3-sigma limits and the inner
lines (mdc: 2/3 of the way to the limits; anhoej: 2 sigma). A line that cannot be computed is
``None`` — never a guess. The formulas are NHSRplotthedots' (``mdc_xmr``) and qicharts2's (the
rest), as reference.md states them.
"""

import math
from dataclasses import dataclass

MDC_LIMIT = 2.66
MDC_NEAR = 2 * (MDC_LIMIT / 3)
MR_SCREEN = 3.267  # a moving range at or above this many times the mean is an outlier
D2 = 1.128  # sigma = mean moving range / d2
MR_UPPER = 3.267

Number = float | None


@dataclass(slots=True)
class Lines:
    values: list[Number]
    centre: list[Number]
    lower: list[Number]
    upper: list[Number]
    lower2: list[Number]
    upper2: list[Number]


def mean(values: list[Number]) -> Number:
    """The mean of the values that are there, or None when none are."""
    present = [v for v in values if v is not None]
    return math.fsum(present) / len(present) if present else None


def median(values: list[Number]) -> Number:
    present = sorted(v for v in values if v is not None)
    count = len(present)
    if not count:
        return None
    middle = count // 2
    if count % 2:
        return present[middle]
    return (present[middle - 1] + present[middle]) / 2


def moving_ranges(values: list[Number]) -> list[Number]:
    """|yᵢ − yᵢ₋₁| for consecutive entries; None next to a missing value."""
    return [
        abs(b - a) if a is not None and b is not None else None
        for a, b in zip(values, values[1:], strict=False)
    ]


def mean_moving_range(ranges: list[Number], screen: bool) -> Number:
    """The mean moving range; screened, ranges at or above 3.267 × the mean are dropped once
    (not iterated) and the mean taken again. None when no range is left (a constant series,
    screened: every range is 0 and 0 < 0 is false)."""
    average = mean(ranges)
    if screen and average is not None:
        limit = MR_SCREEN * average
        average = mean([r for r in ranges if r is not None and r < limit])
    return average


def _constant(count: int, value: Number) -> list[Number]:
    return [value] * count


def _nothing(count: int) -> list[Number]:
    return [None] * count


def mdc_xmr(values: list[Number], baseline: int | None, screen: bool) -> Lines:
    """NHSRplotthedots: mean and mean moving range of the phase's first ``baseline`` points
    (all when None), limits mean ∓ 2.66 MR̄, near lines mean ∓ 1.7733 MR̄."""
    count = len(values)
    fixed = values if baseline is None else values[:baseline]
    centre = mean(fixed)
    average = mean_moving_range(moving_ranges(fixed), screen)
    if centre is None or average is None:
        nothing = _nothing(count)
        return Lines(values, _constant(count, centre), nothing, nothing, nothing, nothing)
    return Lines(
        values,
        _constant(count, centre),
        _constant(count, centre - MDC_LIMIT * average),
        _constant(count, centre + MDC_LIMIT * average),
        _constant(count, centre - MDC_NEAR * average),
        _constant(count, centre + MDC_NEAR * average),
    )


def run(values: list[Number], base: list[bool], fixed: Number) -> Lines:
    count = len(values)
    centre = fixed if fixed is not None else median(_where(values, base))
    nothing = _nothing(count)
    return Lines(values, _constant(count, centre), nothing, nothing, nothing, nothing)


def individuals(values: list[Number], base: list[bool], fixed: Number, screen: bool) -> Lines:
    """qicharts2's I chart: the moving ranges are taken over the base points in order, so one
    bridges an excluded point; sigma = MR̄ / 1.128."""
    count = len(values)
    based = _where(values, base)
    centre = fixed if fixed is not None else mean(based)
    average = mean_moving_range(moving_ranges(based), screen)
    if centre is None or average is None:
        nothing = _nothing(count)
        return Lines(values, _constant(count, centre), nothing, nothing, nothing, nothing)
    sigma = average / D2
    return Lines(
        values,
        _constant(count, centre),
        _constant(count, centre - 3 * sigma),
        _constant(count, centre + 3 * sigma),
        _constant(count, centre - 2 * sigma),
        _constant(count, centre + 2 * sigma),
    )


def moving_range(values: list[Number], base: list[bool], fixed: Number) -> Lines:
    """qicharts2's MR chart: the plotted value is the moving range (None for the phase's first
    point); centre MR̄ of the base points, limits 0 and 3.267 × MR̄."""
    count = len(values)
    ranges = [None, *moving_ranges(values)]
    centre = fixed if fixed is not None else mean(_where(ranges, base))
    if centre is None:
        nothing = _nothing(count)
        return Lines(ranges, nothing, nothing, nothing, nothing, nothing)
    return Lines(
        ranges,
        _constant(count, centre),
        _constant(count, 0.0),
        _constant(count, MR_UPPER * centre),
        _constant(count, 0.0),
        _constant(count, (MR_UPPER / 3) * 2 * centre),
    )


def counts(values: list[Number], base: list[bool], fixed: Number) -> Lines:
    """qicharts2's C chart: centre the mean count, sigma √c̄, the lower lines floored at 0."""
    count = len(values)
    centre = fixed if fixed is not None else mean(_where(values, base))
    sigma = _sqrt(centre)
    if centre is None or sigma is None:
        nothing = _nothing(count)
        return Lines(values, _constant(count, centre), nothing, nothing, nothing, nothing)
    return Lines(
        values,
        _constant(count, centre),
        _constant(count, max(centre - 3 * sigma, 0.0)),
        _constant(count, centre + 3 * sigma),
        _constant(count, max(centre - 2 * sigma, 0.0)),
        _constant(count, centre + 2 * sigma),
    )


def ratios(
    chart: str,
    numerators: list[Number],
    denominators: list[Number],
    base: list[bool],
    fixed: Number,
    screen: bool,
) -> Lines:
    """qicharts2's P, P′ (Laney), U and U′ charts. A point without both a count and a positive
    denominator has no value and no limits. P limits are kept within 0..1, U limits above 0."""
    count = len(numerators)
    values: list[Number] = [
        y / n if y is not None and n else None
        for y, n in zip(numerators, denominators, strict=True)
    ]
    centre = fixed
    if centre is None:
        used = [
            (y, n)
            for y, n, b, v in zip(numerators, denominators, base, values, strict=True)
            if b and v is not None
        ]
        total = math.fsum(n for _, n in used)
        centre = math.fsum(y for y, _ in used) / total if used and total else None
    nothing = _nothing(count)
    if centre is None:
        return Lines(values, nothing, nothing, nothing, nothing, nothing)
    proportion = chart in ("p", "pp")
    spread = centre * (1 - centre) if proportion else centre
    sigmas = [
        _sqrt(spread / n) if v is not None else None
        for v, n in zip(values, denominators, strict=True)
    ]
    if chart in ("pp", "up"):
        factor = _laney_factor(values, sigmas, base, centre, screen)
        sigmas = [s * factor if s is not None and factor is not None else None for s in sigmas]
    lower, upper, lower2, upper2 = [], [], [], []
    for sigma in sigmas:
        if sigma is None:
            lower.append(None)
            upper.append(None)
            lower2.append(None)
            upper2.append(None)
            continue
        lower.append(max(centre - 3 * sigma, 0.0))
        lower2.append(max(centre - 2 * sigma, 0.0))
        high, high2 = centre + 3 * sigma, centre + 2 * sigma
        upper.append(min(high, 1.0) if proportion else high)
        upper2.append(min(high2, 1.0) if proportion else high2)
    return Lines(values, _constant(count, centre), lower, upper, lower2, upper2)


def _laney_factor(
    values: list[Number], sigmas: list[Number], base: list[bool], centre: float, screen: bool
) -> Number:
    """σ_z: the mean moving range of the base points' z-scores (screened like an I chart's)
    divided by 1.128."""
    scores = [
        (v - centre) / s if v is not None and s else None
        for v, s, b in zip(values, sigmas, base, strict=True)
        if b
    ]
    average = mean_moving_range(moving_ranges(scores), screen)
    return None if average is None else average / D2


def _where(values: list[Number], base: list[bool]) -> list[Number]:
    return [v for v, b in zip(values, base, strict=True) if b]


def _sqrt(value: Number) -> Number:
    if value is None or value < 0 or not math.isfinite(value):
        return None
    return math.sqrt(value)
