"""The order of the boxes inside each column: the layout's main job (fewer crossings).

Sugiyama-style, on a graph whose long links have a virtual vertex in each column they pass
(``graph.LayeredGraph``):

1. **Start: spectral seriation** (``spectral``). Every column sorted by the Fiedler vector of
   the whole graph, so boxes linked directly or through a few steps start near each other in
   all columns at once. On large diagrams this start alone has fewer crossings than Graphviz.
2. **Descent** (``Search.descend``). With its two neighbours held still, ordering one column
   is a linear ordering problem over a crossing matrix (``columns.ColumnMatrix``): short
   columns are solved exactly, longer ones by sifting (Matuszewski, Schönfeld and Molitor,
   1999) — each vertex goes to the gap where its crossings with *both* neighbouring columns
   are fewest, which finds every improvement the adjacent swaps ("transposition") of Gansner
   et al. find, and more. Columns are solved back and forth until none can improve; the
   crossings never go up on the way.
3. **Joint moves** (``joint_moves``), for diagrams of the size people draw: swaps whose
   neighbouring columns follow, and primary drivers moved with everything under them, each
   followed by the descent and kept when it helps — the traps single-column moves cannot leave.

What is minimised is a pair, compared in order: the crossings between real links in adjacent
columns (the figure FORMAT.md defines and the command reports), then all crossings including
the segments of long links, so among equal answers a long link takes the quietest route.
Crossings are counted exactly (``crossings.bilayer_crossings``).

No clock and no randomness: the same input gives the same order, on a busy server or a quiet
one. How much work is done depends only on the graph's size.
"""

from collections import deque
from collections.abc import Sequence

from arloesi.diagrams.layout.columns import ColumnMatrix
from arloesi.diagrams.layout.crossings import bilayer_crossings
from arloesi.diagrams.layout.graph import LayeredGraph
from arloesi.diagrams.layout.joint_moves import improve_jointly
from arloesi.diagrams.layout.spectral import spectral_order

# Up to this many vertices + links (a diagram of ~100 boxes), the joint moves are tried too.
SMALL = 200
# Beyond it, the descent stops after this many passes over the columns: most of the gain
# comes in the first, and a pass over 700 change ideas costs a tenth of a second.
LARGE_PASSES = 1
MAX_PASSES = 50

type Cost = tuple[int, int]
type Order = list[list[int]]


def minimise_crossings(graph: LayeredGraph) -> Order:
    """The best order found for every column of ``graph`` (lists of vertex ids, top first)."""
    if graph.edge_count == 0:
        return [list(layer) for layer in graph.layers]
    small = graph.vertex_count + graph.edge_count <= SMALL
    search = Search(graph, passes=MAX_PASSES if small else LARGE_PASSES)
    order = spectral_order(graph.layers, graph.up, graph.down)
    found = search.descend(order)
    if small:
        # A second start, from a walk along the links, finds a different valley now and then.
        walked = _walk_order(graph)
        _barycentre_sweeps(graph, walked)
        other = search.descend(walked)
        if other < found:
            order, found = walked, other
        order, found = improve_jointly(graph, order, found, search.descend)
    return order


def cost(graph: LayeredGraph, order: Sequence[Sequence[int]]) -> Cost:
    """(crossings between real links, crossings between all segments) for ``order``."""
    position = graph.positions(order)
    real = graph.real
    real_total = all_total = 0
    for index in range(len(order) - 1):
        right_size = len(order[index + 1])
        segments = []
        real_segments = []
        for u in order[index]:
            pu = position[u]
            for v in graph.down[u]:
                segments.append((pu, position[v]))
                if real[u] and real[v]:
                    real_segments.append((pu, position[v]))
        all_total += bilayer_crossings(segments, right_size)
        real_total += bilayer_crossings(real_segments, right_size)
    return real_total, all_total


class Search:
    """Solving columns, with each column's crossing matrix kept and brought up to date."""

    def __init__(self, graph: LayeredGraph, passes: int = MAX_PASSES) -> None:
        self.graph = graph
        self.passes = passes
        self.matrices: dict[int, ColumnMatrix] = {}

    def matrix(self, order: Order, index: int) -> ColumnMatrix:
        found = self.matrices.get(index)
        if found is None or not found.follow(order):
            found = self.matrices[index] = ColumnMatrix(self.graph, order, index)
        return found

    def descend(self, order: Order, first: int | None = None) -> Cost:
        """Solve columns, back and forth, until none can improve with its neighbours held.

        ``first``: the one column just shaken; only it and its neighbours need solving at
        first, and the neighbours go first so they can follow it before it is put back.
        """
        count = len(order)
        sweep = list(range(count)) + list(range(count - 2, 0, -1))
        if first is None:
            dirty = [len(layer) > 1 for layer in order]
        else:
            dirty = [False] * count
            for index in (first - 1, first + 1, first):
                if 0 <= index < count and len(order[index]) > 1:
                    dirty[index] = True
            sweep = [i for i in (first - 1, first + 1) if 0 <= i < count] + sweep
        for _pass in range(self.passes):
            if not any(dirty):
                break
            for index in sweep:
                if not dirty[index]:
                    continue
                dirty[index] = False
                if self.matrix(order, index).solve(order[index]):
                    for neighbour in (index - 1, index + 1):
                        if 0 <= neighbour < count and len(order[neighbour]) > 1:
                            dirty[neighbour] = True
        return cost(self.graph, order)


def _walk_order(graph: LayeredGraph) -> Order:
    """Columns in the order a breadth-first walk from the aim meets their vertices."""
    column_of = [0] * graph.vertex_count
    for index, layer in enumerate(graph.layers):
        for v in layer:
            column_of[v] = index
    order: Order = [[] for _ in graph.layers]
    seen = [False] * graph.vertex_count
    for start in range(graph.vertex_count):
        if seen[start] or graph.up[start]:
            continue
        seen[start] = True
        queue = deque([start])
        while queue:
            v = queue.popleft()
            order[column_of[v]].append(v)
            for w in (*graph.down[v], *graph.up[v]):
                if not seen[w]:
                    seen[w] = True
                    queue.append(w)
    for index, layer in enumerate(graph.layers):
        order[index] += [v for v in layer if not seen[v]]
    return order


def _barycentre_sweeps(graph: LayeredGraph, order: Order, rounds: int = 2) -> None:
    """Each column sorted by the mean (then, next round, the median) position of its
    neighbours in the column before it, down the columns and back up."""
    for round_number in range(rounds):
        use_median = round_number % 2 == 1
        for index in range(1, len(order)):
            _sort_by_neighbours(order, index, graph.up, order[index - 1], use_median)
        for index in range(len(order) - 2, -1, -1):
            _sort_by_neighbours(order, index, graph.down, order[index + 1], use_median)


def _sort_by_neighbours(
    order: Order, index: int, side: list[list[int]], neighbours: list[int], use_median: bool
) -> None:
    """Vertices with no neighbour there keep their places; the others are sorted among the
    remaining places, ties kept in their current order."""
    position = {v: i for i, v in enumerate(neighbours)}
    layer = order[index]
    keyed = []
    slots = []
    for slot, v in enumerate(layer):
        places = sorted(position[w] for w in side[v])
        if not places:
            continue
        middle = len(places) // 2
        if not use_median:
            value = sum(places) / len(places)
        elif len(places) % 2:
            value = places[middle]
        else:
            value = (places[middle - 1] + places[middle]) / 2
        keyed.append((value, slot, v))
        slots.append(slot)
    keyed.sort()
    for slot, (_value, _old, v) in zip(slots, keyed, strict=True):
        layer[slot] = v
