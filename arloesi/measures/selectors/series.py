"""A measure's data as the SPC engine's request, and its answer (``measures.spc``).

Excluded points are left out of the centre line and limits: with Anhøj's rules they are still
plotted and tested (the engine's ``exclude``); the other rule sets have no such idea, so they
are treated as missing. A rebase starts a new phase at the first period on or after its date.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from arloesi.measures import spc
from arloesi.measures.vocabulary import (
    ENGINE_DIRECTION,
    PERCENT_CHARTS,
    WITH_DENOMINATOR,
    RuleSet,
)


@dataclass(frozen=True)
class Series:
    dates: list[date]
    result: spc.Result
    # The numbers behind each point: the value, or the numerator and denominator.
    raw: list[tuple[Decimal | None, Decimal | None, Decimal | None]]
    excluded: list[bool]
    percent: bool


def _float(number: Decimal | None) -> float | None:
    return None if number is None else float(number)


# What a chart reads of a data point. Charts read points as plain rows with these names
# (``plain``): a page of charts reads hundreds of points, and making each a model costs more than
# drawing it.
POINT_FIELDS = ("measure_id", "period_start", "value", "numerator", "denominator", "excluded")


def plain(points):
    """``points`` (a query of data points) as rows with the names a chart reads."""
    return points.values_list(*POINT_FIELDS, named=True)


def point_value(measure, point) -> float | None:
    """The value a point plots on a chart without a denominator: its value, else its numerator
    over its denominator."""
    if point.value is not None:
        return float(point.value)
    if point.numerator is not None and point.denominator:
        return float(point.numerator) / float(point.denominator)
    return None


def phase_starts(dates: list[date], rebase_dates) -> tuple[int, ...]:
    """0-based positions where a new phase starts: the first period on or after each rebase
    (none at the first point, none after the last)."""
    starts = set()
    for when in rebase_dates:
        position = next((k for k, on in enumerate(dates) if on >= when), None)
        if position is not None and position > 0:
            starts.add(position)
    return tuple(sorted(starts))


def series_of(measure, points, rebase_dates=()) -> Series:
    """The engine's result for ``points`` (in period order) of ``measure``."""
    ratio = measure.chart_type in WITH_DENOMINATOR
    values: list[float | None] = []
    denominators: list[float | None] = []
    exclude = set()
    for position, point in enumerate(points):
        if ratio:
            value, denominator = _float(point.numerator), _float(point.denominator)
            if value is None or denominator is None:
                value = denominator = None
        else:
            value, denominator = point_value(measure, point), None
        if point.excluded:
            if measure.rule_set == RuleSet.ANHOEJ:
                exclude.add(position)
            else:
                value = None
        values.append(value)
        denominators.append(denominator)
    dates = [point.period_start for point in points]
    mdc = measure.rule_set == RuleSet.MDC
    request = spc.Request(
        chart=measure.chart_type,
        method=measure.rule_set,
        values=tuple(values),
        denominators=tuple(denominators) if ratio else None,
        multiply=100.0 if measure.chart_type in PERCENT_CHARTS else 1.0,
        improvement_direction=ENGINE_DIRECTION[measure.direction] if mdc else "increase",
        target=_float(measure.target) if mdc else None,
        phase_starts=phase_starts(dates, rebase_dates),
        exclude=frozenset(exclude),
    )
    return Series(
        dates=dates,
        result=spc.compute(request),
        raw=[(p.value, p.numerator, p.denominator) for p in points],
        excluded=[p.excluded for p in points],
        percent=measure.chart_type in PERCENT_CHARTS,
    )
