"""The order of the boxes inside each column: the layout's main job (fewer crossings).

Sugiyama-style, on a graph whose long links have a virtual vertex in each column they pass
(``graph.LayeredGraph``):

1. **Starts** (``spectral``, and a walk). Every column sorted by the Fiedler vector of the
   whole graph, so boxes linked directly or through a few steps start near each other in all
   columns at once; the same with the normalised Laplacian (which keeps the aim, linked to
   every primary driver, from bunching them); and the order in which a breadth-first walk
   from the aim meets the boxes, sorted by barycentre down the columns and back.
2. **Descent** (``Search.descend``). With its two neighbours held still, ordering one column
   is a linear ordering problem over a crossing matrix (``columns.ColumnMatrix``): short
   columns are solved exactly, longer ones by sifting (Matuszewski, Schönfeld and Molitor,
   1999) — each vertex goes to the gap where its crossings with *both* neighbouring columns
   are fewest, which finds every improvement the adjacent swaps ("transposition") of Gansner
   et al. find, and more. Columns are solved back and forth until none can improve; the
   crossings never go up on the way.
3. **Lookahead** (``lookahead.pivot_search``): an inner column (the secondary drivers, then
   the primary drivers) is reordered while the columns beside it are assumed to follow —
   each vertex, and each pair of neighbours sharing a change idea, moved to where a lower
   bound of the neighbours' crossings is least; then the descent, neighbours first, makes
   it real, and it is kept if the crossings went down. This is what takes a secondary driver
   to its place together with its change ideas: the trap single-column moves cannot leave.

A diagram of the size people draw (up to ``SMALL`` vertices + links) starts from the
normalised spectral order, descended and searched within a budget of places looked at
(``LOOKAHEAD_WORK``); the walk and the plain spectral order follow, each searched the same
way, while the work so far and that of the first again stay within ``TOTAL_WORK`` — so a
small diagram gets all three starts and a 100-box one a single start, and the time stays
below what Graphviz takes (bench/README.md). A larger graph gets the normalised spectral
start and one sweep of column solves, which already leaves far fewer crossings than Graphviz
in a fraction of its time.

``kept_order`` is the other way: every column as the person gave it, long links placed
between the boxes where the straight line from one end to the other passes.

What is minimised is a pair, compared in order: the crossings between real links in adjacent
columns (the figure FORMAT.md defines and the command reports), then all crossings including
the segments of long links, so among equal answers a long link takes the quietest route.
Crossings are counted exactly (``crossings.bilayer_crossings``), then kept up to date by
bookkeeping: each column solve reports what it saved.

No clock and no randomness: the same input gives the same order, on a busy server or a quiet
one. How much work is done depends only on the graph (its size, and the places looked at).
"""

from collections import deque
from collections.abc import Sequence

from arloesi.diagrams.layout.columns import ColumnMatrix
from arloesi.diagrams.layout.crossings import bilayer_crossings
from arloesi.diagrams.layout.graph import LayeredGraph
from arloesi.diagrams.layout.lookahead import Budget, pivot_search
from arloesi.diagrams.layout.spectral import spectral_order

# Up to this many vertices + links (a diagram of ~120 boxes), the starts are descended and
# searched with the columns beside a pivot following (``lookahead``): each start looks at no
# more than LOOKAHEAD_WORK places (a realistic diagram needs 100–600), and another start is
# tried only while the places looked at so far plus the first start's stay below TOTAL_WORK.
# That keeps a diagram of 60 boxes near 7 ms, one of 100 near 13 (dot takes 10–17).
SMALL = 300
LOOKAHEAD_WORK = 600
TOTAL_WORK = 1000
# Beyond it, the spectral start is refined by one sweep left to right, and a column longer
# than LONG_COLUMN is sorted by barycentre instead of solved (its crossing matrix alone would
# cost a tenth of a second): on graphs of 300 and 1,000 boxes the spectral order already has
# a quarter fewer crossings than Graphviz, the sweep takes a few per cent more off, and a
# full descent only a few per cent after that, for five times the time.
LONG_COLUMN = 400
MAX_PASSES = 50

type Cost = tuple[int, int]
type Order = list[list[int]]


def minimise_crossings(graph: LayeredGraph) -> Order:
    """The best order found for every column of ``graph`` (lists of vertex ids, top first)."""
    if graph.edge_count == 0:
        return [list(layer) for layer in graph.layers]
    size = graph.vertex_count + graph.edge_count
    if size > SMALL:
        return _large(graph)
    search = Search(graph)
    best: Order = []
    best_cost: Cost | None = None
    spent = first = 0
    for start in STARTS:
        # Another start only while the work so far and that of the first again fit in TOTAL_WORK.
        if best_cost is not None and (not best_cost[0] or spent + first >= TOTAL_WORK):
            break
        order = start(graph)
        found = search.descend(order)
        budget = Budget(LOOKAHEAD_WORK)
        order, found = _lookahead(graph, order, found, search, budget)
        spent += LOOKAHEAD_WORK - budget.left
        first = first or spent
        if best_cost is None or found < best_cost:
            best, best_cost = order, found
    return best


def kept_order(graph: LayeredGraph) -> Order:
    """Every column's boxes in the order they were given (the person's own order), and each
    long link's pass through a column where a straight line from its box to its box would
    cross it, among the boxes there."""
    where = [0.0] * graph.vertex_count
    for layer in graph.layers:
        count = sum(graph.real[v] for v in layer)
        place = 0
        for v in layer:
            if graph.real[v]:
                where[v] = (place + 0.5) / count
                place += 1
    order: Order = [[] for _ in graph.layers]
    for index, layer in enumerate(graph.layers):
        keyed = []
        for v in layer:
            if not graph.real[v]:
                # Walk the chain to its ends; the pass lies on the line between them.
                source, before = v, 0
                while not graph.real[source]:
                    source, before = graph.up[source][0], before + 1
                target, after = v, 0
                while not graph.real[target]:
                    target, after = graph.down[target][0], after + 1
                share = before / (before + after)
                where[v] = where[source] + (where[target] - where[source]) * share
            keyed.append((where[v], not graph.real[v], v))
        # Boxes keep their order (their keys increase); a pass goes below a box at its height.
        order[index] = [v for _key, _virtual, v in sorted(keyed)]
    return order


def _lookahead(
    graph: LayeredGraph, order: Order, found: Cost, search: "Search", budget: Budget
) -> tuple[Order, Cost]:
    """Pivot searches (``lookahead``) on the inner columns, largest first, each followed by the
    descent from the pivot's neighbours; kept when the crossings went down, until every other
    column has been tried since the last that helped (or all, if none has)."""
    pivots = sorted(
        (i for i in range(1, len(order) - 1) if len(order[i]) > 1), key=lambda i: -len(order[i])
    )
    needed = len(pivots)
    failed = 0
    turn = 0
    while failed < needed and found[1] and budget.left > 0:
        pivot = pivots[turn % len(pivots)]
        turn += 1
        trial = [list(layer) for layer in order]
        if pivot_search(graph, trial, pivot, budget):
            tried = search.descend(trial, first=pivot)
            if tried < found:
                order, found = trial, tried
                failed = 0
                needed = len(pivots) - 1
                continue
        failed += 1
    return order, found


def _large(graph: LayeredGraph) -> Order:
    order = _spectral(graph)
    search = Search(graph)
    for index in range(1, len(order)):
        if len(order[index]) > LONG_COLUMN:
            _sort_by_neighbours(order, index, graph.up, order[index - 1], use_median=False)
        elif len(order[index]) > 1:
            search.matrix(order, index).solve(order[index])
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

    def weighted(self, found: Cost) -> int:
        """One number for a cost: a real crossing outweighs all the others together."""
        return found[0] * self.graph.lexicographic_weight + found[1]

    def unweighted(self, weighted: int) -> Cost:
        return divmod(weighted, self.graph.lexicographic_weight)

    def descend(self, order: Order, first: int | None = None, weighted: int | None = None) -> Cost:
        """Solve columns, back and forth, until none can improve with its neighbours held.

        ``first``: the one column just shaken; only it and its neighbours need solving at
        first, and the neighbours go first so they can follow it before it is put back.
        ``weighted``: the order's weighted crossings if known, so they are not counted again:
        each column solve says what it saved.
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
        saved = 0
        for _pass in range(self.passes):
            if not any(dirty):
                break
            for index in sweep:
                if not dirty[index]:
                    continue
                dirty[index] = False
                gain = self.matrix(order, index).solve(order[index])
                if gain:
                    saved += gain
                    for neighbour in (index - 1, index + 1):
                        if 0 <= neighbour < count and len(order[neighbour]) > 1:
                            dirty[neighbour] = True
        if weighted is None:
            return cost(self.graph, order)
        return self.unweighted(weighted - saved)


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


def _spectral(graph: LayeredGraph) -> Order:
    # Normalised: a link between two busy boxes (the aim and its primary drivers) pulls less
    # than one between quiet ones, which keeps the hub from bunching everything together.
    return spectral_order(graph.layers, graph.up, graph.down, normalized=True)


def _spectral_plain(graph: LayeredGraph) -> Order:
    return spectral_order(graph.layers, graph.up, graph.down)


def _walked(graph: LayeredGraph) -> Order:
    order = _walk_order(graph)
    _barycentre_sweeps(graph, order)
    return order


# On diagrams people draw each start is descended and the best kept: each finds valleys the
# others miss. Large graphs start from the normalised spectral order alone.
STARTS = (_spectral, _walked, _spectral_plain)
