"""The drawings of a register, through ``core.svg`` (ADR 0006): the 5 × 5 heat map of its open
entries and an entry's trend of scores. Each cell and point carries its number as text, so the
drawings read without colour; the pages show the same figures in a table. Pure: no Django.

    heat_map(counts, bands, labels)   counts[(consequence, likelihood)] -> entries
    trend(points, labels)             points: [(day number, score, date text)]
"""

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from arloesi.core import svg

FONT_FAMILY = "Arial, 'Liberation Sans', 'Frutiger W01', Helvetica, sans-serif"
TEXT_COLOUR = "#212b32"
GRID_COLOUR = "#768692"
NHS_BLUE = "#005eb8"
# Light fills, so that dark text reads on every one (the band is also named in the legend).
BAND_FILLS = {"low": "#c7e7d0", "moderate": "#fff3a6", "high": "#ffcf8a", "extreme": "#f7b8b2"}
CELL = 64.0
LEFT = 70.0
TOP = 10.0


@dataclass(frozen=True)
class ChartText:
    title: str
    description: str
    x_axis: str
    y_axis: str
    chart_id: str


def heat_map(
    counts: Mapping[tuple[int, int], int], band_of: Callable[[int], str], text: ChartText
) -> str:
    """Consequence across (1–5, left to right), likelihood up (1–5, bottom to top); each cell
    shows how many entries have that current score, and the score itself."""
    width = LEFT + 5 * CELL + 10
    height = TOP + 5 * CELL + 50
    root = _root(width, height, text)
    for likelihood in range(5, 0, -1):
        y = TOP + (5 - likelihood) * CELL
        root.add(_text(LEFT - 12, y + CELL / 2 + 5, str(likelihood), anchor="end"))
        for consequence in range(1, 6):
            x = LEFT + (consequence - 1) * CELL
            score = consequence * likelihood
            count = counts.get((consequence, likelihood), 0)
            root.add(
                svg.element(
                    "rect",
                    {
                        "x": x,
                        "y": y,
                        "width": CELL,
                        "height": CELL,
                        "fill": BAND_FILLS[band_of(score)],
                        "stroke": GRID_COLOUR,
                    },
                ),
                _text(x + CELL / 2, y + CELL / 2 + 2, str(count), size=20, bold=bool(count)),
                _text(x + CELL - 5, y + CELL - 6, str(score), size=10, anchor="end"),
            )
    bottom = TOP + 5 * CELL
    for consequence in range(1, 6):
        root.add(_text(LEFT + (consequence - 0.5) * CELL, bottom + 18, str(consequence)))
    root.add(_text(LEFT + 2.5 * CELL, bottom + 40, text.x_axis))
    root.add(
        svg.element(
            "text",
            {
                "x": 14,
                "y": TOP + 2.5 * CELL,
                "fill": TEXT_COLOUR,
                "text-anchor": "middle",
                "transform": f"rotate(-90 14 {svg.number(TOP + 2.5 * CELL)})",
            },
            text.y_axis,
        )
    )
    return svg.render(root)


def trend(points: Sequence[tuple[int, int, str]], text: ChartText) -> str:
    """The current score over time as steps: each point a rescoring (day number, score, its
    date as text), labelled with its score; the first and last dates under the axis."""
    width, height, plot_w, plot_h = 480.0, 200.0, 380.0, 140.0
    root = _root(width, height, text)
    base = TOP + plot_h
    for level in (0, 5, 10, 15, 20, 25):
        y = base - plot_h * level / 25
        root.add(
            svg.element(
                "line",
                {"x1": LEFT, "y1": y, "x2": LEFT + plot_w, "y2": y, "stroke": "#d8dde0"},
            ),
            _text(LEFT - 8, y + 4, str(level), size=11, anchor="end"),
        )
    if not points:
        return svg.render(root)
    first, last = points[0][0], points[-1][0]
    span = (last - first) or 1

    def x_of(index: int, day: int) -> float:
        if last == first:
            return LEFT + plot_w * (index + 0.5) / len(points)
        return LEFT + plot_w * (day - first) / span

    commands: list[tuple[str, list[float]]] = []
    for index, (day, score, _label) in enumerate(points):
        x, y = x_of(index, day), base - plot_h * score / 25
        if commands:
            commands.append(("H", [x]))
            commands.append(("V", [y]))
        else:
            commands.append(("M", [x, y]))
    if last != first:
        commands.append(("H", [LEFT + plot_w]))
    root.add(
        svg.element(
            "path",
            {"d": svg.path_data(commands), "fill": "none", "stroke": NHS_BLUE, "stroke-width": 2},
        )
    )
    for index, (day, score, _label) in enumerate(points):
        x, y = x_of(index, day), base - plot_h * score / 25
        root.add(
            svg.element("circle", {"cx": x, "cy": y, "r": 4, "fill": NHS_BLUE}),
            _text(x, y - 8, str(score), size=11),
        )
    root.add(_text(LEFT, base + 18, points[0][2], size=11, anchor="start"))
    if len(points) > 1:
        root.add(_text(LEFT + plot_w, base + 18, points[-1][2], size=11, anchor="end"))
    root.add(_text(LEFT + plot_w / 2, base + 40, text.x_axis, size=12))
    return svg.render(root)


def _root(width: float, height: float, text: ChartText) -> svg.Element:
    return svg.element(
        "svg",
        {
            "viewBox": f"0 0 {svg.number(width)} {svg.number(height)}",
            "width": svg.number(width),
            "height": svg.number(height),
            "role": "img",
            "aria-labelledby": f"{text.chart_id}-title {text.chart_id}-desc",
            "class": "app-risk-chart",
            "font-family": FONT_FAMILY,
            "font-size": 13,
        },
        svg.element("title", {"id": f"{text.chart_id}-title"}, text.title),
        svg.element("desc", {"id": f"{text.chart_id}-desc"}, text.description),
    )


def _text(x: float, y: float, words: str, *, size: int = 13, anchor: str = "middle", bold=False):
    attributes: dict = {"x": x, "y": y, "fill": TEXT_COLOUR, "text-anchor": anchor}
    if size != 13:
        attributes["font-size"] = size
    if bold:
        attributes["font-weight"] = "bold"
    return svg.element("text", attributes, words)
