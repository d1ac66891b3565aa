"""One column's best order with its two neighbouring columns held still.

With the neighbours fixed, the crossings a column takes part in depend only on which of each
pair of its vertices is above the other: a *linear ordering problem* over a crossing matrix.
``ColumnMatrix.diff[i][j]`` is the weighted crossings with member i above member j minus those
with it below; an order's crossings are a constant plus half the sum of ``diff`` over the pairs
it puts that way round. A crossing between two real links (box to box, adjacent columns)
weighs ``graph.lexicographic_weight`` + 1 — more than all other crossings together — and any
other crossing 1, so the real crossings come first and the long links' routes second.

The matrix follows its neighbours as they change: only the pairs of neighbouring vertices that
swapped places change any entry, so after a small change it is updated rather than rebuilt.
"""

from bisect import bisect_right
from collections import deque
from collections.abc import Sequence
from itertools import accumulate

from arloesi.diagrams.layout.graph import LayeredGraph

# Columns this short are put in their best order exactly (dynamic programming over subsets).
EXACT_LIMIT = 5
# Sifting looks this many places up and down: far enough for any move in a diagram people
# draw, and it keeps a column of hundreds of change ideas from costing its length squared.
SIFT_WINDOW = 40
# Update rather than rebuild while fewer neighbour pairs than this swapped, per member.
UPDATE_LIMIT = 4

type Order = list[list[int]]


class ColumnMatrix:
    def __init__(self, graph: LayeredGraph, order: Order, index: int) -> None:
        self.graph = graph
        self.index = index
        self.members = sorted(order[index])
        self.row_of = {v: k for k, v in enumerate(self.members)}
        self.sides = [
            (step, list(order[index + step]))
            for step in (-1, 1)
            if 0 <= index + step < len(order) and order[index + step]
        ]
        self.diff = self._build()
        # The order this column was last left in by ``solve`` (a local optimum for the matrix
        # then), and the members whose rows changed since (None: all of them).
        self.solved: list[int] | None = None
        self.touched: set[int] | None = None

    def follow(self, order: Order) -> bool:
        """Bring the matrix up to date with the neighbours' current orders.

        False (and the matrix unchanged) when so much moved that building it again is cheaper.
        """
        changes = []
        budget = UPDATE_LIMIT * len(self.members) + 8
        for number, (step, before) in enumerate(self.sides):
            after = order[self.index + step]
            if after == before:
                continue
            swapped = _swapped_pairs(before, after, budget)
            if swapped is None:
                return False
            budget -= len(swapped)
            changes.append((number, step, after, swapped))
        for number, step, after, swapped in changes:
            self._apply(step, swapped)
            self.sides[number] = (step, list(after))
        return True

    def solve(self, layer: list[int]) -> int:
        """Put ``layer`` (this column, in place) in a better order if there is one; the
        weighted crossings that saved (0: the order was kept)."""
        row_of = self.row_of
        current = [row_of[v] for v in layer]
        same = current == self.solved
        if same and not self.touched and self.touched is not None:
            return 0
        gain = 0
        better: list[int] | None
        if len(current) <= EXACT_LIMIT:
            better = _exact(self.diff)
            # Crossings = constant + half the ordered sum of diff (see the module's docstring).
            gain = (_lop_cost(self.diff, current) - _lop_cost(self.diff, better)) // 2
            if gain <= 0:
                better, gain = None, 0
        else:
            # Only a member whose row changed can want to move first.
            better, gain = _sift(self.diff, current, self.touched if same else None)
        self.touched = set()
        self.solved = better or current
        if better is None:
            return 0
        layer[:] = [self.members[k] for k in better]
        return gain

    def swap_cost(self, upper: int, lower: int) -> int:
        """Weighted crossings added by putting ``lower`` above ``upper`` (adjacent)."""
        return -self.diff[self.row_of[upper]][self.row_of[lower]]

    def _neighbours(self, step: int) -> list[list[int]]:
        return self.graph.up if step < 0 else self.graph.down

    def _build(self) -> list[list[int]]:
        return crossing_diff(
            self.graph, self.members, [(self._neighbours(step), n) for step, n in self.sides]
        )

    def _apply(self, step: int, swapped: list[tuple[int, int]]) -> None:
        """Neighbours ``a`` and ``b`` swapped, ``a`` now above ``b``: every pair of links
        (u–a, v–b) that crossed no longer does and the other way round."""
        graph = self.graph
        heavy = graph.lexicographic_weight + 1
        real = graph.real
        # The members next to a neighbour are its neighbours on the opposite side.
        toward = graph.down if step < 0 else graph.up
        row_of = self.row_of
        diff = self.diff
        touched = self.touched
        for a, b in swapped:
            real_a = real[a]
            real_b = real[b]
            rows_a = [row_of[u] for u in toward[a]]
            rows_b = [row_of[v] for v in toward[b]]
            for u, ru in zip(toward[a], rows_a, strict=True):
                row = diff[ru]
                weight_u = real_a and real[u]
                for v, rv in zip(toward[b], rows_b, strict=True):
                    if u == v:
                        continue
                    weight = 2 * heavy if weight_u and real_b and real[v] else 2
                    # Before: a below b, so u above v crossed (+); now it does not (−).
                    row[rv] -= weight
                    diff[rv][ru] += weight
            if touched is not None:
                touched.update(rows_a)
                touched.update(rows_b)


def crossing_diff(
    graph: LayeredGraph, members: Sequence[int], sides: Sequence[tuple[list[list[int]], list[int]]]
) -> list[list[int]]:
    """The weighted crossing matrix ``diff`` of ``members`` (see the module's docstring) with
    each side given as (the graph's up or down lists, that neighbouring column's order)."""
    n = len(members)
    diff = [[0] * n for _ in range(n)]
    heavy = graph.lexicographic_weight
    real = graph.real
    for side, neighbours in sides:
        position = {v: i for i, v in enumerate(neighbours)}
        size = len(neighbours)
        places = [sorted(position[w] for w in side[v]) for v in members]
        # "Pure": every link on this side joins two boxes, so each of its crossings with
        # another pure vertex's links is between real links.
        pure = [real[v] and all(real[w] for w in side[v]) for v in members]
        real_places = [
            sorted(position[w] for w in side[v] if real[w]) if real[v] else [] for v in members
        ]
        owners = [i for i in range(n) if places[i]]
        for k, i in enumerate(owners):
            mine = places[i]
            low, high, degree = mine[0], mine[-1], len(mine)
            table = real_table = None
            row = diff[i]
            for j in owners[k + 1 :]:
                theirs = places[j]
                if theirs[0] > high:
                    value = -degree * len(theirs)
                elif theirs[-1] < low:
                    value = degree * len(theirs)
                else:
                    if table is None:
                        table = sign_table(mine, size)
                    value = sum(map(table.__getitem__, theirs))
                if pure[i] and pure[j]:
                    value *= heavy + 1
                elif real_places[i] and real_places[j]:
                    if real_table is None:
                        real_table = sign_table(real_places[i], size)
                    value += heavy * sum(map(real_table.__getitem__, real_places[j]))
                row[j] += value
                diff[j][i] -= value
    return diff


def _swapped_pairs(
    before: Sequence[int], after: Sequence[int], limit: int
) -> list[tuple[int, int]] | None:
    """Pairs (a, b) with a above b in ``after`` but below it in ``before``; None past ``limit``.

    Insertion sort of the old positions in the new order swaps exactly these pairs.
    """
    old = {v: i for i, v in enumerate(before)}
    placed: list[tuple[int, int]] = []  # (old position, vertex), kept sorted
    swapped = []
    for v in after:
        p = old[v]
        at = bisect_right(placed, (p, v))
        # Every vertex already placed with a larger old position was below v and is now above.
        for _q, w in placed[at:]:
            swapped.append((w, v))
        if len(swapped) > limit:
            return None
        placed.insert(at, (p, v))
    return swapped


def sign_table(places: list[int], size: int) -> list[int]:
    """For each position b: #(places > b) − #(places < b).

    With u above v, a link from u to position a crosses a link from v to position b when a > b,
    and the other way round when a < b; summed over v's positions this is the difference.
    """
    counts = [0] * size
    for a in places:
        counts[a] += 1
    degree = len(places)
    # at_most[b] = #(places <= b); #(> b) − #(< b) = degree − at_most[b] − (at_most[b] − counts[b])
    return [
        degree - 2 * at_most + here
        for at_most, here in zip(accumulate(counts), counts, strict=True)
    ]


def _lop_cost(diff: list[list[int]], permutation: list[int]) -> int:
    total = 0
    for k, i in enumerate(permutation):
        row = diff[i]
        total += sum(map(row.__getitem__, permutation[k + 1 :]))
    return total


def _exact(diff: list[list[int]]) -> list[int]:
    """The best order by dynamic programming over the set of vertices placed so far."""
    n = len(diff)
    full = (1 << n) - 1
    # below[i][mask]: sum of diff[i][j] over j in mask (i above all of them).
    below = []
    for i in range(n):
        row = diff[i]
        sums = [0] * (1 << n)
        for mask in range(1, 1 << n):
            low = mask & -mask
            sums[mask] = sums[mask ^ low] + row[low.bit_length() - 1]
        below.append(sums)
    best: list[int | None] = [0] + [None] * full
    choice = [0] * (1 << n)
    for mask in range(1 << n):
        placed = best[mask]
        if placed is None:
            continue
        rest = full ^ mask
        bits = rest
        while bits:
            low = bits & -bits
            bits ^= low
            i = low.bit_length() - 1
            value = placed + below[i][rest ^ low]
            nxt = mask | low
            if best[nxt] is None or value < best[nxt]:
                best[nxt] = value
                choice[nxt] = i
    permutation = []
    mask = full
    while mask:
        i = choice[mask]
        permutation.append(i)
        mask ^= 1 << i
    permutation.reverse()
    return permutation


def _sift(
    diff: list[list[int]], permutation: list[int], first: set[int] | None = None
) -> tuple[list[int] | None, int]:
    """Sifting to a local optimum (no single vertex can move to a better gap), or None if the
    order given is one already; and the weighted crossings saved.

    ``first``: the only members that may want to move at the start (the others were in their
    best gaps and nothing they depend on changed). A vertex is looked at again only when a
    vertex it crosses with (a non-zero entry in its row) has moved.
    """
    current = list(permutation)
    pending = deque(current if first is None else [u for u in current if u in first])
    waiting = set(pending)
    moved_any = False
    gain = 0
    while pending:
        u = pending.popleft()
        waiting.discard(u)
        row = diff[u]
        at = current.index(u)
        low = max(0, at - SIFT_WINDOW)
        # Put u in the gap before current[k]: relative to the top gap, every v that ends up
        # above u takes away diff[u][v] (u above v rather than below). diff[u][u] is 0, so the
        # prefix sums over the column serve every gap, u's own included.
        prefix = list(
            accumulate(map(row.__getitem__, current[low : at + SIFT_WINDOW + 1]), initial=0)
        )
        top = max(prefix)
        if top <= prefix[at - low]:
            continue
        gain += top - prefix[at - low]
        gap = low + prefix.index(top)
        del current[at]
        current.insert(gap - 1 if gap > at else gap, u)
        moved_any = True
        # Only a vertex whose window saw u leave or arrive can have a new best gap.
        nearby = current[max(0, min(at, gap) - SIFT_WINDOW - 1) : max(at, gap) + SIFT_WINDOW + 2]
        for v in nearby:
            if row[v] and v not in waiting:
                waiting.add(v)
                pending.append(v)
    return (current if moved_any else None), gain
