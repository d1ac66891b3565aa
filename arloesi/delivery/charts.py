"""The capacity chart: for each skill, each month's demand and capacity side by side, and a mark
where the demand does not fit, drawn as SVG through ``core.svg`` (ADR 0006).

- One band a skill: its name on the left; in each month a filled bar for the hours needed and an
  outlined bar for the hours available, on one scale for the whole chart.
- A month short of capacity carries a triangle above its bars: a shape and a word in the key,
  not only a colour, tell it apart.
- ``role="img"`` with ``<title>`` and ``<desc>``; the page shows the same figures as a table.
  Words come from the caller, already in the reader's language.

Pure: no Django.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from arloesi.core import svg

FONT_FAMILY = "Arial, 'Liberation Sans', 'Frutiger W01', Helvetica, sans-serif"
TEXT_COLOUR = "#212b32"
NHS_BLUE = "#005eb8"
GREY = "#4c6272"
RED = "#d5281b"
WHITE = "#ffffff"
LABEL_WIDTH = 190.0
CHART_WIDTH = 620.0
BAND = 64.0
HEADER = 24.0
KEY_BAND = 34.0
LABEL_CHARACTERS = 26


@dataclass(frozen=True)
class Month:
    demand: float
    capacity: float

    @property
    def short(self) -> bool:
        return self.demand - self.capacity >= 0.5


@dataclass(frozen=True)
class Row:
    label: str
    months: Sequence[Month]


@dataclass(frozen=True)
class Words:
    title: str
    description: str
    demand: str
    capacity: str
    short: str


def shorten(text: str, limit: int = LABEL_CHARACTERS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def draw(rows: Sequence[Row], month_labels: Sequence[str], *, words: Words) -> str:
    """SVG markup of demand against capacity, a band per skill and a column per month."""
    count = max(len(month_labels), 1)
    column = CHART_WIDTH / count
    bar = min(column * 0.35, 22.0)
    top = max([1.0] + [max(m.demand, m.capacity) for row in rows for m in row.months])
    height = HEADER + BAND * max(len(rows), 1) + KEY_BAND
    root = svg.element(
        "svg",
        {
            "viewBox": f"0 0 {svg.number(LABEL_WIDTH + CHART_WIDTH + 10)} {svg.number(height)}",
            "role": "img",
            "aria-labelledby": "capacity-title capacity-desc",
            "class": "app-capacity-chart",
            "font-family": FONT_FAMILY,
            "font-size": 12,
            "fill": TEXT_COLOUR,
        },
        svg.element("title", {"id": "capacity-title"}, words.title),
        svg.element("desc", {"id": "capacity-desc"}, words.description),
    )
    heads = svg.element("g", {"class": "app-capacity-chart__months", "fill": GREY})
    for number, label in enumerate(month_labels):
        heads.add(
            svg.element("text", {"x": LABEL_WIDTH + number * column + 2, "y": HEADER - 8}, label)
        )
    root.add(heads)
    needed = svg.element("g", {"fill": NHS_BLUE})
    available = svg.element("g", {"fill": WHITE, "stroke": GREY, "stroke-width": 1.5})
    marks = svg.element("g", {"fill": RED})
    labels = svg.element("g", {"class": "app-capacity-chart__skills"})
    for index, row in enumerate(rows):
        base = HEADER + (index + 1) * BAND - 6
        scale = (BAND - 22) / top
        labels.add(svg.element("text", {"x": 4, "y": base - 20}, shorten(row.label)))
        for number, month in enumerate(row.months):
            left = LABEL_WIDTH + number * column + 4
            for group, value, x in (
                (needed, month.demand, left),
                (available, month.capacity, left + bar + 2),
            ):
                size = value * scale
                group.add(
                    svg.element(
                        "rect",
                        {"x": x, "y": base - size, "width": bar, "height": max(size, 0.5)},
                    )
                )
            if month.short:
                tip = left + bar
                peak = base - max(month.demand, month.capacity) * scale - 4
                marks.add(
                    svg.element(
                        "path",
                        {
                            "d": svg.path_data(
                                [
                                    ("M", (tip - 5, peak - 8)),
                                    ("L", (tip + 5, peak - 8)),
                                    ("L", (tip, peak)),
                                    ("Z", ()),
                                ]
                            )  # fmt: skip
                        },
                        svg.element("title", {}, words.short),
                    )
                )
    root.add(labels, needed, available, marks)
    root.add(_key(height - KEY_BAND + 14, words))
    return svg.render(root)


def _key(y: float, words: Words) -> svg.Element:
    return svg.element(
        "g",
        {"class": "app-capacity-chart__key"},
        svg.element("rect", {"x": 4, "y": y - 10, "width": 12, "height": 12, "fill": NHS_BLUE}),
        svg.element("text", {"x": 22, "y": y}, words.demand),
        svg.element(
            "rect",
            {"x": 204, "y": y - 10, "width": 12, "height": 12, "fill": WHITE, "stroke": GREY},
        ),
        svg.element("text", {"x": 222, "y": y}, words.capacity),
        svg.element(
            "path",
            {
                "d": svg.path_data(
                    [("M", (404, y - 10)), ("L", (416, y - 10)), ("L", (410, y)), ("Z", ())]
                ),
                "fill": RED,
            },  # fmt: skip
        ),
        svg.element("text", {"x": 422, "y": y}, words.short),
    )
