"""The spread of a scale-up drawn as a grid, through ``core.svg``: a row for each health board,
a square for each of its clusters, filled by how far the innovation has reached it (the pilot
site, adopted or adapted, live in the roll-out, planned or preparing, not yet). Each square has
a tooltip naming the cluster and its state, and the legend names the fills, so the drawing does
not rely on colour alone; the page's table says the same in words. Not a map: the grid keeps
the health boards' clusters together. Pure: no Django.

    svg = spread_grid([(board name, [(cluster name, category, state words), …]), …],
                      legend=[(category, label), …], title=…, description=…, chart_id=…)
"""

from collections.abc import Sequence

from arloesi.core import svg

FONT_FAMILY = "Arial, 'Liberation Sans', 'Frutiger W01', Helvetica, sans-serif"
TEXT_COLOUR = "#212b32"
# NHS dark blue for the pilot, green for adopted or live, pale blue for planned, white for none.
FILLS = {
    "pilot": "#003087",
    "adopted": "#007f3b",
    "live": "#78be20",
    "planned": "#aed2f0",
    "none": "#ffffff",
}
LABEL_WIDTH = 250.0
CELL = 22.0
GAP = 4.0
COLUMNS = 16
LEGEND_ROW = 22.0


def spread_grid(
    rows: Sequence[tuple[str, Sequence[tuple[str, str, str]]]],
    *,
    legend: Sequence[tuple[str, str]],
    title: str,
    description: str,
    chart_id: str,
) -> str:
    heights = [max(1, -(-len(cells) // COLUMNS)) * (CELL + GAP) + GAP for _name, cells in rows]
    grid_height = sum(heights)
    width = LABEL_WIDTH + COLUMNS * (CELL + GAP)
    height = grid_height + 12 + LEGEND_ROW * len(legend)
    root = svg.element(
        "svg",
        {
            "viewBox": f"0 0 {svg.number(width)} {svg.number(height)}",
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "class": "app-spread-grid",
            "font-family": FONT_FAMILY,
            "font-size": 13,
        },
        svg.element("title", {"id": f"{chart_id}-title"}, title),
        svg.element("desc", {"id": f"{chart_id}-desc"}, description),
    )
    top = 0.0
    for (name, cells), row_height in zip(rows, heights, strict=True):
        root.add(svg.element("text", {"x": 0, "y": top + GAP + 16, "fill": TEXT_COLOUR}, name))
        for number, (cluster, category, state) in enumerate(cells):
            x = LABEL_WIDTH + (number % COLUMNS) * (CELL + GAP)
            y = top + GAP + (number // COLUMNS) * (CELL + GAP)
            root.add(
                svg.element(
                    "rect",
                    {"x": x, "y": y, "width": CELL, "height": CELL,
                     "fill": FILLS.get(category, FILLS["none"]), "stroke": TEXT_COLOUR,
                     "stroke-width": 0.75},
                    svg.element("title", {}, f"{cluster}: {state}"),
                )
            )  # fmt: skip
        top += row_height
    for number, (category, label) in enumerate(legend):
        y = grid_height + 12 + number * LEGEND_ROW
        root.add(
            svg.element(
                "rect",
                {"x": LABEL_WIDTH, "y": y, "width": 14, "height": 14,
                 "fill": FILLS.get(category, FILLS["none"]), "stroke": TEXT_COLOUR,
                 "stroke-width": 0.75},
            ),
            svg.element("text", {"x": LABEL_WIDTH + 22, "y": y + 12, "fill": TEXT_COLOUR},
                        label),
        )  # fmt: skip
    return svg.render(root)
