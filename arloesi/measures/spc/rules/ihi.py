"""The IHI run-chart rules (Perla, Provost & Murray 2011), as NHS Scotland's ``runchart`` tests
define them, on one phase.

* shift — 6 or more points in a row on the same side of the median (or the given baseline).
  Points on the median neither count nor break a shift; they are flagged when they lie between
  the first and last point of a shift. Missing values are skipped and never flagged.
* trend — 5 or more points each strictly above (or below) the one before. Equal consecutive
  values neither count nor break a trend and are flagged inside one; a trend after a run of
  equal values starts at the last of them; the turning point is shared by two trends.

* runs — too few or too many runs (a run is a sequence of useful points on one side of the
  median). Perla's Table 1 reformats Swed & Eisenhart (1943); the limits here are computed from
  the same exact distribution rather than copied from a printed table: with n₁ = ⌊n/2⌋ points on
  one side and n₂ = ⌈n/2⌉ on the other, the lower limit L is the smallest count with
  P(R < L) ≤ 2.5 % and the upper U the largest with P(R > U) ≤ 2.5 %; fewer than L runs or more
  than U is a signal. Printed tables round differently at some n (by one run, e.g. 16 points:
  5–13 here, 5–12 in some printed versions). Like Perla's table it starts at 10 useful points;
  with fewer the rule is not applied and the result says so.
"""

from functools import cache
from math import comb

SHIFT_LENGTH = 6
TREND_LENGTH = 5
RUNS_MIN_POINTS = 10
RUNS_TAIL = 0.025


def shifts(values: list[float | None], centre: float | None) -> list[tuple[list[int], int]]:
    """Each shift: its flagged positions and its side (+1 above, −1 below)."""
    if centre is None:
        return []
    useful = [
        (i, 1 if v > centre else -1) for i, v in enumerate(values) if v is not None and v != centre
    ]
    found = []
    start = 0
    for k in range(1, len(useful) + 1):
        if k < len(useful) and useful[k][1] == useful[start][1]:
            continue
        if k - start >= SHIFT_LENGTH:
            first, last = useful[start][0], useful[k - 1][0]
            points = [i for i in range(first, last + 1) if values[i] is not None]
            found.append((points, useful[start][1]))
        start = k
    return found


def trends(values: list[float | None]) -> list[tuple[list[int], int]]:
    """Each trend: its flagged positions and its direction (+1 increasing, −1 decreasing)."""
    # Runs of equal values (missing values skipped) become one step of the sequence.
    groups: list[tuple[float, list[int]]] = []
    for i, v in enumerate(values):
        if v is None:
            continue
        if groups and groups[-1][0] == v:
            groups[-1][1].append(i)
        else:
            groups.append((v, [i]))
    found = []
    start, direction = 0, 0
    for k in range(1, len(groups) + 1):
        step = 0
        if k < len(groups):
            step = 1 if groups[k][0] > groups[k - 1][0] else -1
        if k < len(groups) and step == direction:
            continue
        if direction and k - start >= TREND_LENGTH:
            points = [groups[start][1][-1]]
            for _, members in groups[start + 1 : k - 1]:
                points.extend(members)
            points.append(groups[k - 1][1][0])
            found.append((points, direction))
        start, direction = k - 1, step
    return found


def runs(values: list[float | None], centre: float | None) -> int:
    """How many runs the useful points make about ``centre`` (points on it are skipped)."""
    if centre is None:
        return 0
    sides = [v > centre for v in values if v is not None and v != centre]
    return sum(1 for k, side in enumerate(sides) if k == 0 or side != sides[k - 1])


@cache
def runs_limits(n_useful: int) -> tuple[int, int] | None:
    """(L, U): fewer than L or more than U runs among ``n_useful`` points is unusual."""
    if n_useful < RUNS_MIN_POINTS:
        return None
    n1, n2 = n_useful // 2, n_useful - n_useful // 2
    total = comb(n_useful, n1)
    chance = {}
    for r in range(2, n_useful + 1):
        k = r // 2
        if r % 2 == 0:
            ways = 2 * comb(n1 - 1, k - 1) * comb(n2 - 1, k - 1)
        else:
            ways = comb(n1 - 1, k) * comb(n2 - 1, k - 1) + comb(n1 - 1, k - 1) * comb(n2 - 1, k)
        chance[r] = ways / total
    below = 0.0
    lower = 2
    while below + chance[lower] <= RUNS_TAIL:
        below += chance[lower]
        lower += 1
    above = 0.0
    upper = n_useful
    while above + chance[upper] <= RUNS_TAIL:
        above += chance[upper]
        upper -= 1
    return lower, upper
