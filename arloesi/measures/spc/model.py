"""What the engine is asked and what it answers, as plain data (no Django, no I/O).

The names follow the command's contract (``arloesi spc``): a :class:`Request` is one chart to
compute, a :class:`Result` its points, phases, icons, warnings and *findings* — one per group of
points a rule flagged, with what a sentence in words needs ("7 points above the mean from the 5th
to the 11th: special cause, improvement").
"""

from dataclasses import dataclass, field

CHARTS = ("run", "xmr", "mr", "p", "pp", "u", "up", "c")
METHODS = ("mdc", "anhoej", "ihi")
# The rule sets each chart may be read with.
VALID_METHODS = {
    "run": ("anhoej", "ihi"),
    "xmr": ("mdc", "anhoej"),
    "mr": ("anhoej",),
    "p": ("anhoej",),
    "pp": ("anhoej",),
    "u": ("anhoej",),
    "up": ("anhoej",),
    "c": ("anhoej",),
}
WITH_DENOMINATORS = ("p", "pp", "u", "up")
WITH_LIMITS = ("xmr", "mr", "p", "pp", "u", "up", "c")
DIRECTIONS = ("increase", "decrease", "neutral")

# Signal names, in the order a person reads them; mdc's classification follows the priority
# outside_limits > trend > two_of_three > shift.
OUTSIDE, SHIFT, TREND, TWO_OF_THREE, RUNS = (
    "outside_limits",
    "shift",
    "trend",
    "two_of_three",
    "runs",
)
SIGNALS = (OUTSIDE, SHIFT, TREND, TWO_OF_THREE, RUNS)

# Warning codes (the page puts them into words).
SHORT_SERIES = "short_series"  # mdc: a phase has fewer than 12 points
NO_DATA = "no_data"  # the series has no entries at all
ALL_MISSING = "all_missing"  # every value is missing
TOO_FEW_POINTS = "too_few_points"  # a phase has fewer points than a rule needs
CONSTANT_SERIES = "constant_series"  # a phase's values are all the same
LIMITS_UNAVAILABLE = "limits_unavailable"  # a phase's limits could not be computed
ZERO_DENOMINATOR = "zero_denominator"  # a denominator of 0: that point is left blank
BASELINE_IGNORED = "baseline_ignored"  # anhoej: a baseline is not used when there are phases
BASELINE_LONGER_THAN_PHASE = "baseline_longer_than_phase"  # mdc: the baseline is the whole phase
RUNS_NOT_APPLIED = "runs_not_applied"  # ihi: a phase has fewer than 10 useful points
WARNINGS = (
    SHORT_SERIES,
    NO_DATA,
    ALL_MISSING,
    TOO_FEW_POINTS,
    CONSTANT_SERIES,
    LIMITS_UNAVAILABLE,
    ZERO_DENOMINATOR,
    BASELINE_IGNORED,
    BASELINE_LONGER_THAN_PHASE,
    RUNS_NOT_APPLIED,
)


@dataclass(frozen=True, slots=True)
class Request:
    chart: str
    method: str
    values: tuple[float | None, ...]
    denominators: tuple[float | None, ...] | None = None
    multiply: float = 1.0
    improvement_direction: str = "increase"
    target: float | None = None
    screen_outliers: bool = True
    # 0-based positions of the first point of each phase after the first.
    phase_starts: tuple[int, ...] = ()
    baseline_points: int | None = None
    # 0-based positions left out of the centre and limits (anhoej).
    exclude: frozenset[int] = frozenset()
    centre_line: float | None = None


@dataclass(slots=True)
class Point:
    index: int  # 1-based
    value: float | None
    centre: float | None
    lower: float | None
    upper: float | None
    lower_2sigma: float | None
    upper_2sigma: float | None
    phase: int
    baseline: bool
    included: bool
    signals: list[str] = field(default_factory=list)
    special_cause: str | None = None


@dataclass(slots=True)
class Phase:
    phase: int
    first: int  # 1-based index of its first point
    last: int
    n_obs: int
    n_useful: int
    longest_run: int | None = None
    longest_run_max: int | None = None
    crossings: int | None = None
    crossings_min: int | None = None
    runs_signal: bool | None = None
    runs: int | None = None  # ihi: the number of runs, and the range that is usual for n_useful
    runs_min: int | None = None
    runs_max: int | None = None
    centre: float | None = None
    lower: float | None = None
    upper: float | None = None


@dataclass(slots=True)
class Finding:
    """A rule that flagged a group of points, with what a sentence needs.

    ``direction`` is "above"/"below" (the centre line) for outside_limits, shift, two_of_three and
    the longest run; "increasing"/"decreasing" for a trend; None for too few crossings.
    ``special_cause`` is mdc's improvement/concern/neutral for the group, else None.
    ``detail`` holds the numbers of the runs analysis (longest run and its limit, crossings and
    their minimum) for the ``runs`` rule."""

    rule: str
    phase: int
    points: list[int]  # 1-based indices
    direction: str | None = None
    special_cause: str | None = None
    detail: dict[str, int] = field(default_factory=dict)

    @property
    def first(self) -> int:
        return self.points[0]

    @property
    def last(self) -> int:
        return self.points[-1]


@dataclass(slots=True)
class Result:
    chart: str
    method: str
    points: list[Point]
    phases: list[Phase]
    variation: str | None = None
    assurance: str | None = None
    warnings: list[str] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)

    def warn(self, code: str) -> None:
        if code not in self.warnings:
            self.warnings.append(code)
