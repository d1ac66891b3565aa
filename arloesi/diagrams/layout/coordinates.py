"""Where each box goes once the order in every column is fixed.

**Across.** Columns left to right, each as wide as its widest box (every box of a column takes
that width, so a column reads as one), with ``column_gap`` between columns for the links.

**Down.** Boxes keep their order with ``box_gap`` between them (a long link passing through a
column takes a slot of ``route_gap``); within that, each box is pulled towards the centres of
the boxes it is linked to, so a driver sits level with what it drives. Each pull is solved
exactly: the positions closest (least squares) to the wished-for ones that keep the order and
the gaps are an isotonic regression, found by pooling adjacent violators (O(n) a column).
Columns are pulled down the diagram and back up a few times, then the drawing is moved so its
top is at the margin.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from arloesi.diagrams.layout.graph import LayeredGraph

PULL_ROUNDS = 4


@dataclass(frozen=True)
class Spacing:
    column_gap: float
    box_gap: float
    route_gap: float
    left: float
    top: float


def column_positions(widths: Sequence[float], spacing: Spacing) -> list[float]:
    """The left edge of each column."""
    positions = []
    x = spacing.left
    for width in widths:
        positions.append(x)
        x += width + spacing.column_gap
    return positions


def vertical_positions(
    graph: LayeredGraph, order: Sequence[Sequence[int]], heights: Sequence[float], spacing: Spacing
) -> list[float]:
    """The top of every vertex (a long link's virtual vertex has height 0)."""
    gaps = [
        [0.0] * bool(layer)
        + [_gap(graph, a, b, spacing) for a, b in zip(layer, layer[1:], strict=False)]
        for layer in order
    ]
    top = [0.0] * graph.vertex_count
    for layer, layer_gaps in zip(order, gaps, strict=True):
        y = 0.0
        for v, gap in zip(layer, layer_gaps, strict=True):
            y += gap
            top[v] = y
            y += heights[v]
    count = len(order)
    sweeps = [*range(1, count), *range(count - 2, -1, -1)] * PULL_ROUNDS
    for index in sweeps:
        layer = order[index]
        if not layer:
            continue
        wished = []
        for v in layer:
            centres = [top[w] + heights[w] / 2 for w in (*graph.up[v], *graph.down[v])]
            centre = sum(centres) / len(centres) if centres else top[v] + heights[v] / 2
            wished.append(centre - heights[v] / 2)
        placed = _ordered_closest(wished, [heights[v] for v in layer], gaps[index])
        for v, y in zip(layer, placed, strict=True):
            top[v] = y
    lowest = min((top[v] for layer in order for v in layer), default=0.0)
    return [y - lowest + spacing.top for y in top]


def _gap(graph: LayeredGraph, a: int, b: int, spacing: Spacing) -> float:
    return spacing.box_gap if graph.real[a] and graph.real[b] else spacing.route_gap


def _ordered_closest(wished: list[float], heights: list[float], gaps: list[float]) -> list[float]:
    """Tops as close as possible to ``wished`` keeping order, heights and gaps.

    With offset[i] = what must lie above vertex i (heights and gaps), the tops are offset[i] +
    z[i] with z non-decreasing: the isotonic regression of wished[i] − offset[i].
    """
    offsets = []
    total = 0.0
    for i, gap in enumerate(gaps):
        total += gap
        offsets.append(total)
        total += heights[i]
    # Pool adjacent violators: blocks of (mean, count), merged while out of order.
    blocks: list[list[float]] = []
    for w, offset in zip(wished, offsets, strict=True):
        blocks.append([w - offset, 1.0])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, count = blocks.pop()
            previous = blocks[-1]
            previous[0] = (previous[0] * previous[1] + mean * count) / (previous[1] + count)
            previous[1] += count
    values = [mean for mean, count in blocks for _ in range(int(count))]
    return [z + offset for z, offset in zip(values, offsets, strict=True)]
