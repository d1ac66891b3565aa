"""Grouping flagged points into findings."""

from collections.abc import Callable


def contiguous(indices: list[int], key: Callable[[int], object] | None = None) -> list[list[int]]:
    """Consecutive positions (and, given ``key``, with the same key) as groups."""
    groups: list[list[int]] = []
    for i in indices:
        if groups and groups[-1][-1] == i - 1 and (key is None or key(groups[-1][-1]) == key(i)):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups


def near(
    indices: list[int], gap: int, key: Callable[[int], object] | None = None
) -> list[list[int]]:
    """Positions at most ``gap`` apart (and with the same key) as groups."""
    groups: list[list[int]] = []
    for i in indices:
        if groups and i - groups[-1][-1] <= gap and (key is None or key(groups[-1][-1]) == key(i)):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups
