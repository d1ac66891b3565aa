"""The command's JSON contract (v1): a request object in, a response object out.

``parse(data)`` checks a request and raises :class:`RequestError` with the reason in words a
user understands; ``respond(data)`` answers one request object with its response, or with
``{"error": "…"}``; ``to_json(result)`` is the response of a computed :class:`Result`.
"""

import math

from arloesi.measures.spc.engine import compute
from arloesi.measures.spc.model import (
    CHARTS,
    DIRECTIONS,
    METHODS,
    VALID_METHODS,
    WITH_DENOMINATORS,
    Request,
    Result,
)

FIELDS = {
    "chart",
    "method",
    "values",
    "denominators",
    "multiply",
    "improvement_direction",
    "target",
    "screen_outliers",
    "phase_starts",
    "baseline_points",
    "exclude",
    "centre_line",
}
MDC_SHORTEST_BASELINE = 12
NAMES = {"run": "run chart", "xmr": "XmR chart", "mr": "moving range chart", "p": "p chart",
         "pp": "p′ chart", "u": "u chart", "up": "u′ chart", "c": "c chart"}  # fmt: skip
METHOD_NAMES = {"mdc": "Making Data Count", "anhoej": "Anhøj", "ihi": "IHI run chart"}


class RequestError(ValueError):
    """A request that breaks the contract; the message says what is wrong."""


def respond(data: object) -> dict:
    try:
        request = parse(data)
    except RequestError as error:
        return {"error": str(error)}
    return to_json(compute(request))


def parse(data: object) -> Request:
    if not isinstance(data, dict):
        raise RequestError("Each request must be a JSON object with a chart, a method and values.")
    unknown = sorted(set(data) - FIELDS)
    if unknown:
        raise RequestError(f"Unknown field(s): {', '.join(unknown)}.")
    chart, method = data.get("chart"), data.get("method")
    if chart not in CHARTS:
        raise RequestError(f"Unknown chart {chart!r}: use one of {', '.join(CHARTS)}.")
    if method not in METHODS:
        raise RequestError(f"Unknown method {method!r}: use one of {', '.join(METHODS)}.")
    if method not in VALID_METHODS[chart]:
        allowed = " or ".join(METHOD_NAMES[m] for m in VALID_METHODS[chart])
        raise RequestError(
            f"A {NAMES[chart]} cannot be read with the {METHOD_NAMES[method]} rules; use {allowed}."
        )
    values = _series(data.get("values"), "values")
    count = len(values)
    denominators = _denominators(data, chart, values)
    multiply = _number(data.get("multiply", 1), "multiply")
    if multiply is None or multiply <= 0:
        raise RequestError("multiply must be a number greater than 0.")
    direction = data.get("improvement_direction", "increase")
    if direction not in DIRECTIONS:
        raise RequestError("improvement_direction must be increase, decrease or neutral.")
    screen = data.get("screen_outliers", True)
    if not isinstance(screen, bool):
        raise RequestError("screen_outliers must be true or false.")
    phase_starts = sorted(set(_indices(data.get("phase_starts"), "phase_starts")))
    for start in phase_starts:
        if start == 1 or start > count:
            raise RequestError(
                f"phase_starts: {start} cannot start a new phase; a phase starts at a point "
                f"from 2 to {count}."
            )
    baseline = _baseline(data.get("baseline_points"), method)
    exclude = _indices(data.get("exclude"), "exclude")
    if exclude and method != "anhoej":
        raise RequestError(
            "Points can be excluded from the calculations only with the Anhøj rules."
        )
    for index in exclude:
        if index > count:
            raise RequestError(f"exclude: there is no point {index}; the series has {count}.")
    centre_line = _number(data.get("centre_line"), "centre_line")
    if centre_line is not None and method == "mdc":
        raise RequestError("A fixed centre line is not part of the Making Data Count rules.")
    return Request(
        chart=chart,
        method=method,
        values=values,
        denominators=denominators,
        multiply=float(multiply),
        improvement_direction=direction,
        target=_number(data.get("target"), "target"),
        screen_outliers=screen,
        phase_starts=tuple(start - 1 for start in phase_starts),
        baseline_points=baseline,
        exclude=frozenset(index - 1 for index in exclude),
        centre_line=centre_line,
    )


def to_json(result: Result) -> dict:
    return {
        "chart": result.chart,
        "method": result.method,
        "points": [
            {
                "index": p.index,
                "value": p.value,
                "centre": p.centre,
                "lower": p.lower,
                "upper": p.upper,
                "lower_2sigma": p.lower_2sigma,
                "upper_2sigma": p.upper_2sigma,
                "phase": p.phase,
                "baseline": p.baseline,
                "included": p.included,
                "signals": p.signals,
                "special_cause": p.special_cause,
            }
            for p in result.points
        ],
        "phases": [
            {
                "phase": ph.phase,
                "first": ph.first,
                "last": ph.last,
                "n_obs": ph.n_obs,
                "n_useful": ph.n_useful,
                "longest_run": ph.longest_run,
                "longest_run_max": ph.longest_run_max,
                "crossings": ph.crossings,
                "crossings_min": ph.crossings_min,
                "runs_signal": ph.runs_signal,
                "runs": ph.runs,
                "runs_min": ph.runs_min,
                "runs_max": ph.runs_max,
                "centre": ph.centre,
                "lower": ph.lower,
                "upper": ph.upper,
            }
            for ph in result.phases
        ],
        "variation": result.variation,
        "assurance": result.assurance,
        "warnings": list(result.warnings),
        "findings": [
            {
                "rule": f.rule,
                "phase": f.phase,
                "points": f.points,
                "first": f.first,
                "last": f.last,
                "direction": f.direction,
                "special_cause": f.special_cause,
                **({"detail": f.detail} if f.detail else {}),
            }
            for f in result.findings
        ],
    }


def _number(value: object, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise RequestError(f"{name} must be a number or null.")
    if not math.isfinite(value):
        raise RequestError(f"{name} must be a finite number.")
    return value


def _series(value: object, name: str) -> tuple[float | None, ...]:
    if not isinstance(value, list):
        raise RequestError(f"{name} must be a list of numbers (null for a missing value).")
    out = []
    for position, item in enumerate(value, start=1):
        if item is not None and (
            isinstance(item, bool) or not isinstance(item, int | float) or not math.isfinite(item)
        ):
            raise RequestError(f"{name}: entry {position} is not a number or null.")
        out.append(item)
    return tuple(out)


def _denominators(data: dict, chart: str, values: tuple) -> tuple | None:
    given = data.get("denominators")
    if chart not in WITH_DENOMINATORS:
        if given is not None:
            raise RequestError(f"A {NAMES[chart]} has no denominators; leave them out.")
        if chart == "c" and any(v is not None and v < 0 for v in values):
            raise RequestError("A c chart counts events: a count cannot be negative.")
        return None
    if given is None:
        raise RequestError(f"A {NAMES[chart]} needs denominators, one for each value.")
    denominators = _series(given, "denominators")
    if len(denominators) != len(values):
        raise RequestError(
            f"There are {len(values)} values but {len(denominators)} denominators; "
            "give one denominator for each value."
        )
    for position, (y, n) in enumerate(zip(values, denominators, strict=True), start=1):
        if n is not None and n < 0:
            raise RequestError(f"denominators: entry {position} is negative.")
        if y is not None and y < 0:
            raise RequestError(f"values: entry {position} is a negative count.")
        if chart in ("p", "pp") and y is not None and n and y > n:
            raise RequestError(
                f"Point {position}: the count ({y:g}) is larger than its denominator ({n:g}), "
                "which a proportion cannot be."
            )
    return denominators


def _indices(value: object, name: str) -> list[int]:
    if value is None:
        return []
    if not isinstance(value, list):
        raise RequestError(f"{name} must be a list of point numbers (1 for the first point).")
    for item in value:
        if isinstance(item, bool) or not isinstance(item, int) or item < 1:
            raise RequestError(f"{name}: {item!r} is not a point number (1 for the first point).")
    return list(value)


def _baseline(value: object, method: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise RequestError("baseline_points must be a whole number of points or null.")
    if method == "mdc" and value < MDC_SHORTEST_BASELINE:
        raise RequestError(
            f"A Making Data Count baseline needs at least {MDC_SHORTEST_BASELINE} points; "
            f"{value} were asked for."
        )
    if value < 1:
        raise RequestError("baseline_points must be at least 1.")
    return value
