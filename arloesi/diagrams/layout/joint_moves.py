"""Moves that change several columns at once, for when single-column moves are stuck.

The descent (``ordering.Search``) only ever reorders one column with its neighbours held
still. It stalls where the better drawing needs two columns to move together: two secondary
drivers swapped *and* the change ideas under them re-sorted; a primary driver moved to the
other end *with* everything that hangs from it. Each move here is tried, the descent is run
from the result, and the move is kept if the crossings went down. Variable neighbourhood
descent (Mladenović and Hansen, 1997): the cheap neighbourhood until it is exhausted, then the
dearer one, and back to the cheap one after every success.

1. **Adjacent swaps with followers**: swap two neighbouring vertices of a column (not the last
   one), let the columns next to it re-sort first, then the column itself.
2. **Subtree moves** in the first column that has a choice (the primary drivers): a vertex is
   moved to another place together with its *subtree*, the vertices of the later columns
   whose median neighbour on the left is in it, which keep their own order and go where
   their barycentre says.
"""

from typing import TYPE_CHECKING

from arloesi.diagrams.layout.graph import LayeredGraph

if TYPE_CHECKING:
    from arloesi.diagrams.layout.ordering import Search

type Order = list[list[int]]
type Cost = tuple[int, int]


class _Trials:
    def __init__(self, search: "Search", trials: int) -> None:
        self.search = search
        self.left = trials

    def __call__(self, order: Order, first: int | None = None, weighted: int | None = None):
        self.left -= 1
        return self.search.descend(order, first, weighted)


def improve_jointly(
    graph: LayeredGraph, order: Order, cost: Cost, search: "Search", trials: int
) -> tuple[Order, Cost]:
    """Joint moves until none helps or ``trials`` have been tried (each followed by a
    descent: the bound on the time, which does not depend on the clock); the order (a new
    list) and its cost."""
    trials = _Trials(search, trials)
    while trials.left > 0 and cost[1]:
        order, cost = _adjacent_swaps(order, cost, trials)
        order, cost, moved = _subtree_moves(graph, order, cost, trials)
        if not moved:
            break
    return order, cost


def _adjacent_swaps(order: Order, cost: Cost, trials: _Trials) -> tuple[Order, Cost]:
    improved = True
    while improved and cost[1]:
        improved = False
        for index in range(len(order) - 1):
            for k in range(len(order[index]) - 1):
                if trials.left <= 0:
                    return order, cost
                trial = [list(layer) for layer in order]
                column = trial[index]
                added = trials.search.matrix(order, index).swap_cost(column[k], column[k + 1])
                column[k], column[k + 1] = column[k + 1], column[k]
                weighted = trials.search.weighted(cost) + added
                found = trials(trial, first=index, weighted=weighted)
                if found < cost:
                    order, cost, improved = trial, found, True
    return order, cost


def _subtree_moves(
    graph: LayeredGraph, order: Order, cost: Cost, trials: _Trials
) -> tuple[Order, Cost, bool]:
    index = next((i for i, layer in enumerate(order[:-1]) if len(layer) > 1), None)
    if index is None:
        return order, cost, False
    moved = False
    for vertex in list(order[index]):
        for place in range(len(order[index])):
            if order[index].index(vertex) == place:
                continue
            if trials.left <= 0:
                return order, cost, moved
            trial = [list(layer) for layer in order]
            move_subtree(graph, trial, index, vertex, place)
            found = trials(trial)
            if found < cost:
                order, cost, moved = trial, found, True
    return order, cost, moved


def move_subtree(graph: LayeredGraph, order: Order, index: int, vertex: int, place: int) -> None:
    """Move ``vertex`` of column ``index`` to ``place``, and its subtree along with it."""
    subtree = _subtree(graph, order, index, vertex)
    column = [v for v in order[index] if v != vertex]
    column.insert(place, vertex)
    order[index] = column
    for later in range(index + 1, len(order)):
        members = subtree.get(later)
        if not members:
            break
        position = {v: i for i, v in enumerate(order[later - 1])}
        rest = [v for v in order[later] if v not in members]
        block = [v for v in order[later] if v in members]
        left = [position[u] for v in block for u in graph.up[v]]
        centre = sum(left) / len(left)
        gap = next(
            (
                k
                for k, v in enumerate(rest)
                if graph.up[v] and sum(position[u] for u in graph.up[v]) / len(graph.up[v]) > centre
            ),
            len(rest),
        )
        order[later] = rest[:gap] + block + rest[gap:]


def _subtree(graph: LayeredGraph, order: Order, index: int, vertex: int) -> dict[int, set[int]]:
    """Per later column, the vertices whose median left neighbour is in ``vertex``'s subtree."""
    position = graph.positions(order)
    subtree: dict[int, set[int]] = {}
    frontier = {vertex}
    for later in range(index + 1, len(order)):
        members = set()
        for v in order[later]:
            left = sorted(graph.up[v], key=position.__getitem__)
            if left and left[(len(left) - 1) // 2] in frontier:
                members.add(v)
        if not members:
            break
        subtree[later] = frontier = members
    return subtree
