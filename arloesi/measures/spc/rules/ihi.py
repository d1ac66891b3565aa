"""The IHI run-chart rules (Perla, Provost & Murray 2011), as NHS Scotland's ``runchart`` tests
define them, on one phase.

* shift — 6 or more points in a row on the same side of the median (or the given baseline).
  Points on the median neither count nor break a shift; they are flagged when they lie between
  the first and last point of a shift. Missing values are skipped and never flagged.
* trend — 5 or more points each strictly above (or below) the one before. Equal consecutive
  values neither count nor break a trend and are flagged inside one; a trend after a run of
  equal values starts at the last of them; the turning point is shared by two trends.

The rule on the number of runs (too few or too many, Swed & Eisenhart's table) is not applied:
published versions of the table differ and none is reproduced here.
"""

SHIFT_LENGTH = 6
TREND_LENGTH = 5


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
