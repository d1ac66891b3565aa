"""Driver diagram layout: boxes in columns, in the order with the fewest crossings.

    from arloesi.diagrams.layout import LayoutLink, LayoutNode, layout
    result = layout(nodes=[LayoutNode("aim", 0, "Reduce …"), …], links=[LayoutLink("aim", "p1")])
    result.boxes, result.routes, result.crossings, result.to_json()

``layout`` takes each node's id, column (0 aim, 1 primary, 2 secondary, 3 change idea) and
text, and each link (from, to, strength), and returns a ``Layout``:

- every node as a ``Box`` (top-left ``x``, ``y``, ``width``, ``height``, y growing
  downwards, and the ``lines`` its text wraps into), in input order. Every box of a column lies
  wholly left of every box of the next; boxes of a column do not overlap;
- every link as a ``Route``: the points its line passes (at least two, right edge of the box
  it leaves to left edge of the box it reaches, through a gap in each column it crosses);
- ``crossings``: pairs of links between the same two adjacent columns whose ends are in
  opposite vertical order (by box centre), links sharing an end never crossing — the figure
  FORMAT.md defines, and the one the ordering minimises (``ordering``).

``layout(..., keep_order=True)`` keeps each column's boxes in the order of ``nodes`` (the
person's own order) instead; the rest is worked out the same way.

Sizes are in CSS pixels for 16px text (``Settings``). Four columns of at most 240px with 96px
between them make a drawing about 1,270px wide, which prints on A4 landscape (277mm across)
with the text at about 10pt. Deterministic: the same input gives the same layout. Pure: no
Django.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from arloesi.diagrams.layout import coordinates, ordering
from arloesi.diagrams.layout.crossings import column_crossings
from arloesi.diagrams.layout.graph import build
from arloesi.diagrams.layout.text import text_width, wrap

if TYPE_CHECKING:
    from arloesi.diagrams.document import DiagramDocument

COLUMNS = 4


@dataclass(frozen=True)
class Settings:
    font_size: float = 16
    line_height: float = 20
    padding_x: float = 12
    padding_y: float = 10
    max_box_width: float = 240
    min_box_width: float = 120
    column_gap: float = 96
    box_gap: float = 14
    # The slot a long link takes where it passes through a column.
    route_gap: float = 8
    margin: float = 16
    # Room above the boxes for the column headings.
    heading_band: float = 36


DEFAULT_SETTINGS = Settings()


@dataclass(frozen=True)
class LayoutNode:
    id: str
    column: int
    text: str


@dataclass(frozen=True)
class LayoutLink:
    source: str
    target: str
    strength: str = "strong"


@dataclass(frozen=True)
class Box:
    id: str
    column: int
    x: float
    y: float
    width: float
    height: float
    lines: tuple[str, ...] = ()


@dataclass(frozen=True)
class Route:
    source: str
    target: str
    strength: str
    points: tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class Layout:
    boxes: tuple[Box, ...]
    routes: tuple[Route, ...]
    crossings: int
    width: float
    height: float
    # Left edge and width of each column, for headings.
    columns: tuple[tuple[float, float], ...] = ()
    settings: Settings = field(default=DEFAULT_SETTINGS)

    def to_json(self, elapsed_ms: float | None = None) -> dict[str, Any]:
        """The layout as FORMAT.md's ``arloesi diagram layout`` prints it."""
        data: dict[str, Any] = {
            "nodes": [
                {
                    "id": b.id,
                    "column": b.column,
                    "x": _round(b.x),
                    "y": _round(b.y),
                    "width": _round(b.width),
                    "height": _round(b.height),
                }
                for b in self.boxes
            ],
            "edges": [
                {
                    "from": r.source,
                    "to": r.target,
                    "points": [[_round(x), _round(y)] for x, y in r.points],
                }
                for r in self.routes
            ],
            "crossings": self.crossings,
        }
        if elapsed_ms is not None:
            data["elapsed_ms"] = round(elapsed_ms, 1)
        return data


def layout(
    nodes: Sequence[LayoutNode],
    links: Sequence[LayoutLink],
    settings: Settings = DEFAULT_SETTINGS,
    keep_order: bool = False,
) -> Layout:
    """Place ``nodes`` and route ``links``. ValueError for an unknown node, a duplicate link
    or one that does not run from a column to a later one (documents are checked earlier,
    with messages for people: ``diagrams.document``).

    ``keep_order``: keep each column's boxes in the order they come in ``nodes`` (the
    person's own order) instead of the order with the fewest crossings; everything else
    (positions, routes, the crossings count) is worked out as usual."""
    index_of = {node.id: i for i, node in enumerate(nodes)}
    if len(index_of) != len(nodes):
        raise ValueError("two nodes have the same id")
    if any(not 0 <= node.column < COLUMNS for node in nodes):
        raise ValueError(f"a node's column is not between 0 and {COLUMNS - 1}")
    pairs = []
    for link in links:
        if link.source not in index_of or link.target not in index_of:
            raise ValueError(f"the link {link.source} → {link.target} has an unknown end")
        pair = (index_of[link.source], index_of[link.target])
        if nodes[pair[0]].column >= nodes[pair[1]].column:
            raise ValueError(f"the link {link.source} → {link.target} does not run forwards")
        pairs.append(pair)
    if len(set(pairs)) != len(pairs):
        raise ValueError("a link appears twice")

    graph = build([node.column for node in nodes], pairs, COLUMNS)
    order = ordering.kept_order(graph) if keep_order else ordering.minimise_crossings(graph)

    lines = [tuple(wrap(node.text, _text_room(settings), settings.font_size)) for node in nodes]
    widths = [_column_width(i, nodes, lines, settings) for i in range(COLUMNS)]
    heights = [_height(node_lines, settings) for node_lines in lines]
    heights += [0.0] * (graph.vertex_count - len(nodes))
    spacing = coordinates.Spacing(
        column_gap=settings.column_gap,
        box_gap=settings.box_gap,
        route_gap=settings.route_gap,
        left=settings.margin,
        top=settings.margin + settings.heading_band,
    )
    lefts = coordinates.column_positions(widths, spacing)
    tops = coordinates.vertical_positions(graph, order, heights, spacing)

    boxes = tuple(
        Box(
            id=node.id,
            column=node.column,
            x=lefts[node.column],
            y=tops[i],
            width=widths[node.column],
            height=heights[i],
            lines=lines[i],
        )
        for i, node in enumerate(nodes)
    )
    routes = tuple(
        Route(
            source=link.source,
            target=link.target,
            strength=link.strength,
            points=_route(boxes[s], boxes[t], graph.chains[k], tops, lefts, widths),
        )
        for k, (link, (s, t)) in enumerate(zip(links, pairs, strict=True))
    )
    centre = {box.id: box.y + box.height / 2 for box in boxes}
    by_column: list[list[str]] = [[] for _ in range(COLUMNS)]
    for node in nodes:
        by_column[node.column].append(node.id)
    columns_top_down = [sorted(ids, key=centre.__getitem__) for ids in by_column]
    crossings = column_crossings(columns_top_down, [(r.source, r.target) for r in routes])
    bottom = max((b.y + b.height for b in boxes), default=spacing.top)
    return Layout(
        boxes=boxes,
        routes=routes,
        crossings=crossings,
        width=lefts[-1] + widths[-1] + settings.margin,
        height=max(bottom, max(tops, default=0.0)) + settings.margin,
        columns=tuple(zip(lefts, widths, strict=True)),
        settings=settings,
    )


def layout_document(
    document: "DiagramDocument", settings: Settings = DEFAULT_SETTINGS, keep_order: bool = False
) -> Layout:
    """The layout of a ``diagrams.document.DiagramDocument``."""
    return layout(
        [LayoutNode(n.id, n.column, n.text) for n in document.nodes],
        [LayoutLink(link.source, link.target, link.strength) for link in document.links],
        settings,
        keep_order=keep_order,
    )


def _text_room(settings: Settings) -> float:
    return settings.max_box_width - 2 * settings.padding_x


def _column_width(column, nodes, lines, settings: Settings) -> float:
    widest = max(
        (
            text_width(line, settings.font_size)
            for node, node_lines in zip(nodes, lines, strict=True)
            if node.column == column
            for line in node_lines
        ),
        default=0.0,
    )
    width = math.ceil(widest + 2 * settings.padding_x)
    return float(min(settings.max_box_width, max(settings.min_box_width, width)))


def _height(lines: tuple[str, ...], settings: Settings) -> float:
    return max(1, len(lines)) * settings.line_height + 2 * settings.padding_y


def _route(source: Box, target: Box, chain, tops, lefts, widths):
    points = [(source.x + source.width, source.y + source.height / 2)]
    for step, vertex in enumerate(chain, start=source.column + 1):
        points.append((lefts[step], tops[vertex]))
        points.append((lefts[step] + widths[step], tops[vertex]))
    points.append((target.x, target.y + target.height / 2))
    return tuple(points)


def _round(value: float) -> float:
    return round(float(value), 1)
