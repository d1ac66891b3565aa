"""The layered graph the ordering works on: one layer per column, long links cut into segments.

A link from column 1 to column 3 passes column 2; it gets a *virtual* vertex there, so its route
has a place in that column's order like a box does, and the crossings it makes can be counted
and minimised. Vertices ``0 … nodes-1`` are the diagram's boxes, in input order; virtual ones
follow.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class LayeredGraph:
    layers: list[list[int]]
    up: list[list[int]]  # neighbours in the column to the left
    down: list[list[int]]  # neighbours in the column to the right
    real: list[bool]  # a box (True) or a long link's virtual vertex (False)
    # For each link (by input index): the virtual vertices it passes, left to right.
    chains: list[list[int]] = field(default_factory=list)
    # Segments (links between adjacent columns, long links counted once per column pair).
    edge_count: int = field(init=False, default=0)
    # A crossing between real links outweighs every possible crossing of the others.
    lexicographic_weight: int = field(init=False, default=1)

    @property
    def vertex_count(self) -> int:
        return len(self.real)

    def __post_init__(self) -> None:
        self.edge_count = sum(len(neighbours) for neighbours in self.down)
        self.lexicographic_weight = self.edge_count**2 + 1

    def positions(self, order: Sequence[Sequence[int]]) -> list[int]:
        position = [0] * self.vertex_count
        for layer in order:
            for place, v in enumerate(layer):
                position[v] = place
        return position


def build(
    columns: Sequence[int], links: Sequence[tuple[int, int]], column_count: int
) -> LayeredGraph:
    """The layered graph of boxes in ``columns`` (each box's column, input order) joined by
    ``links`` (pairs of box indices, left column first)."""
    layers: list[list[int]] = [[] for _ in range(column_count)]
    for vertex, column in enumerate(columns):
        layers[column].append(vertex)
    real = [True] * len(columns)
    up: list[list[int]] = [[] for _ in columns]
    down: list[list[int]] = [[] for _ in columns]
    chains: list[list[int]] = []
    for source, target in links:
        chain = []
        previous = source
        for column in range(columns[source] + 1, columns[target]):
            vertex = len(real)
            real.append(False)
            up.append([previous])
            down.append([])
            down[previous].append(vertex)
            layers[column].append(vertex)
            chain.append(vertex)
            previous = vertex
        down[previous].append(target)
        up[target].append(previous)
        chains.append(chain)
    return LayeredGraph(layers=layers, up=up, down=down, real=real, chains=chains)
