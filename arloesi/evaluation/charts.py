"""The four outcomes drawn for the dashboard, as SVG through ``core.svg``:

    svg = outcome_bars([(outcome label, [(result, count), …]), …], legend=[(result, label), …],
                       title=…, description=…, chart_id=…)

A bar for each outcome, as long as the number of evaluated projects, divided by result in the
order of the legend. Each part carries its number (and a tooltip with its result), and the
legend names the results, so the drawing does not rely on colour alone; the page shows the same
figures in a table. Pure: no Django.
"""

from collections.abc import Sequence

from arloesi.core import svg

FONT_FAMILY = "Arial, 'Liberation Sans', 'Frutiger W01', Helvetica, sans-serif"
TEXT_COLOUR = "#212b32"
# (fill, colour of the number written on it) for each result: NHS green, mid grey, NHS red,
# pale grey.
FILLS = {
    "improved": ("#007f3b", "#ffffff"),
    "no_change": ("#4c6272", "#ffffff"),
    "worse": ("#d5281b", "#ffffff"),
    "not_measured": ("#d8dde0", TEXT_COLOUR),
}
OTHER_FILL = ("#aeb7bd", TEXT_COLOUR)
LABEL_WIDTH = 230.0
BAR_WIDTH = 320.0
ROW = 30.0
LEGEND_ROW = 22.0
# A part narrower than this has no room for its number (the tooltip and the table give it).
NUMBER_ROOM = 22.0


def outcome_bars(
    rows: Sequence[tuple[str, Sequence[tuple[str, int]]]],
    *,
    legend: Sequence[tuple[str, str]],
    title: str,
    description: str,
    chart_id: str,
) -> str:
    names = dict(legend)
    largest = max((sum(count for _result, count in parts) for _label, parts in rows), default=0)
    bars_height = ROW * len(rows)
    height = bars_height + 12 + LEGEND_ROW * len(legend)
    root = svg.element(
        "svg",
        {
            "viewBox": f"0 0 {svg.number(LABEL_WIDTH + BAR_WIDTH + 10)} {svg.number(height)}",
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "class": "app-outcome-chart",
            "font-family": FONT_FAMILY,
            "font-size": 13,
        },
        svg.element("title", {"id": f"{chart_id}-title"}, title),
        svg.element("desc", {"id": f"{chart_id}-desc"}, description),
    )
    for number, (label, parts) in enumerate(rows):
        top = 4 + number * ROW
        root.add(svg.element("text", {"x": 0, "y": top + 17, "fill": TEXT_COLOUR}, label))
        left = LABEL_WIDTH
        for result, count in parts:
            if not count:
                continue
            width = BAR_WIDTH * count / largest
            fill, ink = FILLS.get(result, OTHER_FILL)
            root.add(
                svg.element(
                    "rect",
                    {"x": left, "y": top + 2, "width": width, "height": ROW - 6, "fill": fill,
                     "stroke": "#ffffff", "stroke-width": 1},
                    svg.element("title", {}, f"{names.get(result, result)}: {count}"),
                )
            )  # fmt: skip
            if width >= NUMBER_ROOM:
                root.add(
                    svg.element(
                        "text",
                        {"x": left + width / 2, "y": top + 18, "fill": ink,
                         "text-anchor": "middle"},
                        str(count),
                    )
                )  # fmt: skip
            left += width
    for number, (result, label) in enumerate(legend):
        top = bars_height + 12 + number * LEGEND_ROW
        fill, _ink = FILLS.get(result, OTHER_FILL)
        root.add(
            svg.element(
                "rect",
                {"x": LABEL_WIDTH, "y": top, "width": 14, "height": 14, "fill": fill,
                 "stroke": TEXT_COLOUR, "stroke-width": 0.5},
            ),
            svg.element("text", {"x": LABEL_WIDTH + 22, "y": top + 12, "fill": TEXT_COLOUR},
                        label),
        )  # fmt: skip
    return svg.render(root)
