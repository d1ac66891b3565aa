"""Moving a vertex while the columns beside it follow: the move the column solves cannot see.

A column solve (``columns``) holds both neighbouring columns still, so it cannot move a
secondary driver to where it belongs when its change ideas would have to move too, and each of
them alone is better where it is. Here one column, the *pivot*, is reordered while its
neighbours, the *followers*, are assumed to re-sort themselves in the best way for it. With its
other side held, a follower's crossings are at least the sum over its pairs of vertices of the
cheaper way round, min(c_uv, c_vu) (= (c_uv + c_vu − |diff_uv|) / 2, and c_uv + c_vu does not
depend on the order), and on these sparse graphs usually exactly that. The pivot's vertices are
sifted (each to its best place) by that bound, which is cheap to keep up to date: a pivot
vertex passing another changes ``diff`` only for the pairs of their neighbours.

Vertices of a follower with the same neighbours (the change ideas of one secondary driver, most
of them) are *twins*: the two ways round cost the same for them, and against any other vertex
they behave alike, so each group of twins is one row of the matrix, its entries scaled by the
sizes of the groups. That makes a diagram's largest column a third or so smaller.

The moves are judged by the bound; the caller solves the columns for real afterwards (the
followers first) and keeps the result only if the crossings went down.
"""

from collections.abc import Sequence

from arloesi.diagrams.layout.columns import crossing_diff
from arloesi.diagrams.layout.graph import LayeredGraph

type Order = list[list[int]]

# Sifting rounds over the pivot's vertices (after the first, only those whose followers'
# entries changed are sifted again).
MAX_ROUNDS = 4


class Follower:
    """A follower column's crossing matrix over its groups of twins."""

    def __init__(self, graph: LayeredGraph, order: Order, index: int, pivot: int) -> None:
        real = graph.real
        group_of: dict[int, int] = {}
        first: dict[tuple, int] = {}
        sizes: list[int] = []
        members = []
        for v in order[index]:
            key = (real[v], tuple(sorted(graph.up[v])), tuple(sorted(graph.down[v])))
            group = first.get(key)
            if group is None:
                group = first[key] = len(sizes)
                sizes.append(0)
                members.append(v)
            sizes[group] += 1
            group_of[v] = group
        sides = [
            (graph.up if step < 0 else graph.down, order[index + step])
            for step in (-1, 1)
            if 0 <= index + step < len(order) and order[index + step]
        ]
        diff = crossing_diff(graph, members, sides)
        for i, row in enumerate(diff):
            size_i = sizes[i]
            if size_i > 1:
                for j in range(len(row)):
                    row[j] *= size_i
                    diff[j][i] = -row[j]
        self.index = index
        self.diff = diff
        self.count = len(members)
        self.heavy = 2 * (graph.lexicographic_weight + 1)
        toward = graph.up if pivot > index else graph.down
        # Per pivot vertex, the groups it is linked to by real links and by others, each as
        # (group, its size). In ``diff`` a crossing between two real links weighs ``heavy``,
        # any other 2 (each crossing counts on both sides of the difference).
        self.links: dict[int, tuple[list[tuple[int, int]], list[tuple[int, int]]]] = {}
        for v in order[pivot]:
            groups: tuple[list[tuple[int, int]], list[tuple[int, int]]] = ([], [])
            seen = set()
            for u in toward[v]:
                group = group_of[u]
                if group in seen:
                    continue
                seen.add(group)
                groups[0 if real[v] and real[u] else 1].append((group, sizes[group]))
            self.links[v] = groups


def _swap_gain(followers: Sequence[Follower], top: int, bottom: int, overlays) -> int:
    """Growth of the sum of |diff| over the followers' pairs if ``bottom`` goes above ``top``
    (the bound goes down by half that), the new entries recorded in ``overlays``."""
    gain = 0
    for f, overlay in zip(followers, overlays, strict=True):
        above_real, above_virtual = f.links[top]
        below_real, below_virtual = f.links[bottom]
        if below_real and above_real:
            gain += _pairs(f, overlay, below_real, above_real, f.heavy)
        if below_virtual or above_virtual:
            for below, above in (
                (below_real, above_virtual),
                (below_virtual, above_real),
                (below_virtual, above_virtual),
            ):
                if below and above:
                    gain += _pairs(f, overlay, below, above, 2)
    return gain


def _pairs(f: Follower, overlay: dict[int, int], below, above, weight: int) -> int:
    """Before, a link from u (in ``below``'s groups) to the lower pivot vertex and one from v
    (``above``) to the upper one crossed when u was above v and not the other way round; now
    the other way round. ``weight``: what such a crossing weighs."""
    gain = 0
    diff = f.diff
    count = f.count
    get = overlay.get
    for u, size_u in below:
        row = diff[u]
        base = u * count
        weight_u = weight * size_u
        for v, size_v in above:
            if u == v:
                continue
            change = weight_u * size_v
            if u < v:
                key = base + v
                old = get(key)
                if old is None:
                    old = row[v]
                new = old - change
            else:
                key = v * count + u
                old = get(key)
                if old is None:
                    old = -row[v]
                new = old + change
            overlay[key] = new
            gain += (new if new > 0 else -new) - (old if old > 0 else -old)
    return gain


class Budget:
    """How many more places the sifting may look at: the bound on the work, which depends on
    the graph alone (no clock), so the same input always gets the same answer."""

    def __init__(self, places: int) -> None:
        self.left = places


def pivot_search(graph: LayeredGraph, order: Order, pivot: int, budget: Budget) -> bool:
    """Reorder column ``pivot`` of ``order`` (in place) by its followers' bound; True if
    anything moved.

    Each vertex in turn goes to its best place, then again those whose neighbours' entries
    changed, until none moves; then each pair of neighbours that share a follower (two
    secondary drivers with a change idea in common) moves as one, and if that helped, single
    vertices again. At most ``MAX_ROUNDS`` rounds, and none once ``budget`` is spent.
    """
    layer = order[pivot]
    if len(layer) < 2:
        return False
    followers = [
        Follower(graph, order, index, pivot)
        for index in (pivot - 1, pivot + 1)
        if 0 <= index < len(order) and len(order[index]) > 1
    ]
    if not followers:
        return False
    moved = False
    waiting = list(layer)
    rounds = 0
    while rounds < MAX_ROUNDS:
        while waiting and rounds < MAX_ROUNDS:
            rounds += 1
            touched: list[set[int]] = [set() for _ in followers]
            for x in waiting:
                if budget.left <= 0:
                    return moved
                moved |= _sift_block(followers, layer, layer.index(x), 1, touched, budget)
            waiting = _affected(followers, layer, touched)
        if rounds >= MAX_ROUNDS:
            break
        rounds += 1
        touched = [set() for _ in followers]
        for at in range(len(layer) - 1):
            if budget.left <= 0:
                return moved
            if _share(followers, layer[at], layer[at + 1]):
                moved |= _sift_block(followers, layer, at, 2, touched, budget)
        waiting = _affected(followers, layer, touched)
        if not waiting:
            break
    return moved


def _share(followers, x: int, y: int) -> bool:
    """Whether ``x`` and ``y`` are linked to a common group of a follower: only then can
    moving them together find what moving each alone cannot."""
    for f in followers:
        groups = {g for links in f.links[x] for g, _size in links}
        if any(g in groups for links in f.links[y] for g, _size in links):
            return True
    return False


def _affected(followers, layer, touched) -> list[int]:
    """The vertices linked to a group whose entries changed: only they can now want to move."""
    return [
        x
        for x in layer
        if any(
            g in groups
            for f, groups in zip(followers, touched, strict=True)
            for links in f.links[x]
            for g, _size in links
        )
    ]


def _sift_block(followers, layer: list[int], at: int, width: int, touched, budget: Budget) -> bool:
    """Move ``layer[at : at + width]`` together to where the bound is lowest, if lower."""
    block = layer[at : at + width]
    budget.left -= (len(layer) - width) * width
    best_gain, best_place = 0, at
    for direction in (1, -1):
        overlays: list[dict[int, int]] = [{} for _ in followers]
        total = 0
        k = at + width if direction > 0 else at - 1
        while 0 <= k < len(layer):
            if width == 1:  # the common case, without the generator
                if direction > 0:
                    total += _swap_gain(followers, block[0], layer[k], overlays)
                else:
                    total += _swap_gain(followers, layer[k], block[0], overlays)
            else:
                total += _pass(followers, block, layer[k], direction, overlays)
            if total > best_gain:
                best_gain = total
                best_place = k - width + 1 if direction > 0 else k
            k += direction
    if best_place == at:
        return False
    # The entries as they will be once the block is in its place, worked out again.
    best: list[dict[int, int]] = [{} for _ in followers]
    if best_place > at:
        for k in range(at + width, best_place + width):
            _pass(followers, block, layer[k], 1, best)
    else:
        for k in range(at - 1, best_place - 1, -1):
            _pass(followers, block, layer[k], -1, best)
    for f, overlay, groups in zip(followers, best, touched, strict=True):
        diff = f.diff
        count = f.count
        for key, value in overlay.items():
            u, v = divmod(key, count)
            diff[u][v] = value
            diff[v][u] = -value
            groups.add(u)
            groups.add(v)
    del layer[at : at + width]
    layer[best_place:best_place] = block
    return True


def _pass(followers, block: list[int], other: int, direction: int, overlays) -> int:
    """The block moves past ``other``, down (``direction`` 1: other was just below it) or up."""
    gain = 0
    if direction > 0:
        for x in reversed(block):
            gain += _swap_gain(followers, x, other, overlays)
    else:
        for x in block:
            gain += _swap_gain(followers, other, x, overlays)
    return gain
