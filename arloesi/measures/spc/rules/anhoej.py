"""Anhøj's rules, as qicharts2 computes them, on one phase.

* outside_limits — a point above the upper or below the lower 3-sigma limit (strict); excluded
  points are still compared with the limits;
* runs — the runs analysis of the phase's included points against its centre line: points on
  the centre and missing values are left out (``n_useful``); the signal is an unusually long run
  (longest run > round(log₂ n_useful) + 3) or unusually few crossings of the centre line (fewer
  than the 5th percentile of Binomial(n_useful − 1, ½)). It belongs to the whole phase.
"""

import math
from dataclasses import dataclass
from functools import lru_cache


@dataclass(slots=True)
class Runs:
    n_obs: int
    n_useful: int
    longest_run: int | None = None
    longest_run_max: int | None = None
    crossings: int | None = None
    crossings_min: int | None = None
    signal: bool = False
    # The longest run: its phase-local positions and its side (+1 above, −1 below).
    longest: list[int] | None = None
    longest_side: int = 0

    @property
    def long_run(self) -> bool:
        return self.longest_run is not None and self.longest_run > self.longest_run_max

    @property
    def few_crossings(self) -> bool:
        return self.crossings is not None and self.crossings < self.crossings_min


def longest_run_max(n_useful: int) -> int:
    return round(math.log2(n_useful)) + 3


@lru_cache(maxsize=1024)
def crossings_min(n_useful: int) -> int:
    """R's qbinom(0.05, n_useful − 1, 0.5): the smallest k with P(X ≤ k) ≥ 0.05, exactly."""
    trials = max(n_useful - 1, 0)
    total = 2**trials
    cumulative = 0
    for k in range(trials + 1):
        cumulative += math.comb(trials, k)
        if cumulative * 20 >= total:
            return k
    return trials


def runs_analysis(
    values: list[float | None], centre: list[float | None], included: list[bool]
) -> Runs:
    n_obs = 0
    sides: list[int] = []
    positions: list[int] = []
    for i, (v, c, inc) in enumerate(zip(values, centre, included, strict=True)):
        if not inc:
            continue
        n_obs += 1
        if v is None or c is None or v == c:
            continue
        sides.append(1 if v > c else -1)
        positions.append(i)
    n_useful = len(sides)
    if not n_useful:
        return Runs(n_obs, 0)
    runs = 1
    longest, start, best_start = 1, 0, 0
    for k in range(1, n_useful):
        if sides[k] != sides[k - 1]:
            runs += 1
            start = k
        elif k - start + 1 > longest:
            longest, best_start = k - start + 1, start
    result = Runs(
        n_obs,
        n_useful,
        longest_run=longest,
        longest_run_max=longest_run_max(n_useful),
        crossings=runs - 1,
        crossings_min=crossings_min(n_useful),
        longest=positions[best_start : best_start + longest],
        longest_side=sides[best_start],
    )
    result.signal = result.long_run or result.few_crossings
    return result


def outside(lines_values, lower, upper) -> list[bool]:
    return [
        v is not None and lo is not None and hi is not None and (v > hi or v < lo)
        for v, lo, hi in zip(lines_values, lower, upper, strict=True)
    ]
