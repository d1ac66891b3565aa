"""A small horizontal bar chart for the dashboard, drawn as SVG through ``core.svg``.

    svg = bar_chart([(label, count), …], title=…, description=…, chart_id=…)

Each bar is labelled with its name on the left and its number at its end, so the chart reads
without colour; the page shows the same figures in a table. Pure: no Django.
"""

from collections.abc import Sequence

from arloesi.core import svg

FONT_FAMILY = "Arial, 'Liberation Sans', 'Frutiger W01', Helvetica, sans-serif"
TEXT_COLOUR = "#212b32"
NHS_BLUE = "#005eb8"
LABEL_WIDTH = 170.0
BAR_WIDTH = 300.0
ROW = 26.0


def bar_chart(
    bars: Sequence[tuple[str, int]], *, title: str, description: str, chart_id: str
) -> str:
    largest = max((count for _label, count in bars), default=0) or 1
    height = ROW * max(len(bars), 1) + 8
    root = svg.element(
        "svg",
        {
            "viewBox": f"0 0 {svg.number(LABEL_WIDTH + BAR_WIDTH + 50)} {svg.number(height)}",
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "class": "app-bar-chart",
            "font-family": FONT_FAMILY,
            "font-size": 13,
        },
        svg.element("title", {"id": f"{chart_id}-title"}, title),
        svg.element("desc", {"id": f"{chart_id}-desc"}, description),
    )
    for number, (label, count) in enumerate(bars):
        top = 4 + number * ROW
        width = BAR_WIDTH * count / largest
        root.add(
            svg.element("text", {"x": 0, "y": top + 16, "fill": TEXT_COLOUR}, str(label)),
            svg.element(
                "rect",
                {"x": LABEL_WIDTH, "y": top + 3, "width": max(width, 1.0), "height": ROW - 8,
                 "fill": NHS_BLUE},
            ),
            svg.element(
                "text", {"x": LABEL_WIDTH + width + 6, "y": top + 16, "fill": TEXT_COLOUR},
                str(count),
            ),
        )  # fmt: skip
    return svg.render(root)
