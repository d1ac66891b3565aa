"""Counting crossings between two adjacent columns, exactly and fast.

Two links between the same pair of columns cross when their ends are in opposite vertical order;
links that share an end never cross. Sort the links by their left end (then their right end);
the crossings are then the inversions in the sequence of right ends, counted with the
accumulator tree of Barth, Jünger and Mutzel ("Simple and efficient bilayer cross counting",
2004): O(E log V) where the obvious pairwise count is O(E²).
"""

from collections.abc import Iterable, Mapping, Sequence


def bilayer_crossings(segments: Iterable[tuple[int, int]], right_size: int) -> int:
    """Crossings among ``segments``, each (left position, right position).

    Positions are 0-based indices in their column; ``right_size`` is the number of positions on
    the right (every right position is below it).
    """
    ordered = sorted(segments)
    if len(ordered) < 2:
        return 0
    first = 1
    while first < right_size:
        first *= 2
    tree = [0] * (2 * first - 1)
    first -= 1
    count = 0
    for _left, right in ordered:
        # Walk up from the leaf; every time we come from a left child, the right sibling's
        # total is the number of earlier links ending strictly lower: each one crosses this.
        index = right + first
        tree[index] += 1
        while index:
            if index % 2:
                count += tree[index + 1]
            index = (index - 1) // 2
            tree[index] += 1
    return count


def column_crossings(
    columns: Sequence[Sequence[str]],
    links: Iterable[tuple[str, str]],
) -> int:
    """The diagram's crossings figure (FORMAT.md): pairs of links between the same two adjacent
    columns whose ends are in opposite vertical order. ``columns`` lists each column's ids top
    to bottom; links between columns that are not adjacent are not counted.
    """
    position: dict[str, int] = {}
    column_of: dict[str, int] = {}
    for index, column in enumerate(columns):
        for place, node in enumerate(column):
            position[node] = place
            column_of[node] = index
    by_pair: dict[int, list[tuple[int, int]]] = {}
    for source, target in links:
        left = column_of[source]
        if column_of[target] == left + 1:
            by_pair.setdefault(left, []).append((position[source], position[target]))
    return sum(
        bilayer_crossings(segments, len(columns[left + 1])) for left, segments in by_pair.items()
    )


def crossings_by_position(
    columns: Sequence[Sequence[str]],
    links: Iterable[tuple[str, str]],
    y: Mapping[str, float],
) -> int:
    """The same figure from vertical positions (box centres) instead of orders."""
    return column_crossings([sorted(column, key=y.__getitem__) for column in columns], links)
