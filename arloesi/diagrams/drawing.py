"""A laid-out driver diagram drawn as SVG, in the NHS.UK look (through ``core.svg``).

    svg = draw(layout, title=…, description=…, headings=(…4 words…), key=(strong, weak))

- The aim is a solid NHS blue box with white text; primary and secondary drivers are white
  boxes with NHS blue borders (thicker for primary ones); change ideas are pale grey boxes
  with grey borders. Text is dark grey (#212b32), wrapped as the layout measured it, one
  ``<tspan>`` a line.
- A strong link is a solid line, a weak one dashed; each ends in a small arrowhead. Between
  columns a line is a smooth curve; through a column it passes level, in the gap left for it.
- Headings above the columns, and a key for the two kinds of line below, when given.
- ``role="img"`` with ``<title>`` and ``<desc>`` (``aria-labelledby``), so a screen reader
  announces what the drawing is; the page shows the same diagram as an outline beside it
  (ADR 0006). Words are passed in by the caller, already in the reader's language.
- Colours are presentation attributes (they work in a PDF or PNG with no style sheet) and
  class names (a page's style sheet can restyle them); no ``style`` attribute, no script.
- Sized for A4 landscape: a ``viewBox`` in pixels and, by default, a width of 277mm (the
  page less 10mm margins) with the height in proportion; ``size_mm=None`` leaves the size to
  the page.

Pure: no Django.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from arloesi.core import svg
from arloesi.diagrams.layout import Layout

FONT_FAMILY = "Arial, 'Liberation Sans', 'Frutiger W01', Helvetica, sans-serif"
TEXT_COLOUR = "#212b32"
NHS_BLUE = "#005eb8"
GREY = "#4c6272"
PALE_GREY = "#f0f4f5"
WHITE = "#ffffff"
A4_LANDSCAPE_WIDTH_MM = 277.0
KEY_BAND = 40.0


@dataclass(frozen=True)
class BoxStyle:
    fill: str
    stroke: str
    stroke_width: float
    text: str
    bold: bool = False


STYLES = {
    "aim": BoxStyle(fill=NHS_BLUE, stroke=NHS_BLUE, stroke_width=2, text=WHITE),
    "primary": BoxStyle(fill=WHITE, stroke=NHS_BLUE, stroke_width=3, text=TEXT_COLOUR),
    "secondary": BoxStyle(fill=WHITE, stroke=NHS_BLUE, stroke_width=1.5, text=TEXT_COLOUR),
    "change_idea": BoxStyle(fill=PALE_GREY, stroke=GREY, stroke_width=1.5, text=TEXT_COLOUR),
}
KIND_OF_COLUMN = ("aim", "primary", "secondary", "change_idea")


def draw(
    layout: Layout,
    *,
    title: str,
    description: str,
    headings: Sequence[str] | None = None,
    key: tuple[str, str] | None = None,
    size_mm: float | None = A4_LANDSCAPE_WIDTH_MM,
    standalone: bool = True,
) -> str:
    """The SVG for ``layout``.

    ``headings``: one per column (aim, primary, secondary, change ideas), drawn above them.
    ``key``: the words for a strong and for a weak link, drawn as a key below the diagram.
    ``standalone``: a file (XML declaration and namespace) rather than markup for a page.
    """
    settings = layout.settings
    height = layout.height + (KEY_BAND if key else 0)
    attributes: dict[str, svg.Value] = {
        "viewBox": f"0 0 {svg.number(layout.width)} {svg.number(height)}",
        "role": "img",
        "aria-labelledby": "diagram-title diagram-desc",
        "class": "driver-diagram",
        "font-family": FONT_FAMILY,
        "font-size": svg.number(settings.font_size),
    }
    if size_mm is not None:
        attributes["width"] = f"{svg.number(size_mm)}mm"
        attributes["height"] = f"{svg.number(size_mm * height / layout.width)}mm"
    root = svg.element(
        "svg",
        attributes,
        svg.element("title", {"id": "diagram-title"}, title),
        svg.element("desc", {"id": "diagram-desc"}, description),
        _arrowheads(),
        svg.element("rect", {"width": "100%", "height": "100%", "fill": WHITE}),
    )
    if headings:
        root.add(_headings(layout, headings))
    root.add(_links(layout))
    root.add(_boxes(layout))
    if key:
        root.add(_key(layout, key))
    return svg.document(root) if standalone else svg.render(root)


def _arrowheads() -> svg.Element:
    return svg.element(
        "defs",
        {},
        svg.element(
            "marker",
            {
                "id": "arrow",
                "viewBox": "0 0 10 10",
                "refX": "10",
                "refY": "5",
                "markerWidth": "7",
                "markerHeight": "7",
                "orient": "auto",
            },
            svg.element("path", {"d": "M0 0 L10 5 L0 10 z", "fill": GREY}),
        ),
    )


def _headings(layout: Layout, headings: Sequence[str]) -> svg.Element:
    group = svg.element("g", {"class": "driver-diagram__headings"})
    top = layout.settings.margin
    for (left, width), heading in zip(layout.columns, headings, strict=False):
        group.add(
            svg.element(
                "text",
                {
                    "x": left + width / 2,
                    "y": top + layout.settings.font_size,
                    "text-anchor": "middle",
                    "font-weight": "bold",
                    "fill": NHS_BLUE,
                },
                heading,
            )
        )
    return group


def _links(layout: Layout) -> svg.Element:
    group = svg.element("g", {"class": "driver-diagram__links", "fill": "none", "stroke": GREY})
    for route in layout.routes:
        attributes: dict[str, svg.Value] = {
            "d": _route_path(route.points),
            "class": f"driver-diagram__link driver-diagram__link--{route.strength}",
            "stroke-width": "1.5",
            "marker-end": "url(#arrow)",
        }
        if route.strength == "weak":
            attributes["stroke-dasharray"] = "6 4"
        group.add(svg.element("path", attributes))
    return group


def _route_path(points: Sequence[tuple[float, float]]) -> str:
    """Curves between columns (level where they leave and arrive), straight through them."""
    commands: list[tuple[str, list[float]]] = [("M", list(points[0]))]
    for k in range(1, len(points)):
        (x0, y0), (x1, y1) = points[k - 1], points[k]
        if k % 2:  # from a column's right edge to the next column's left edge
            middle = (x0 + x1) / 2
            commands.append(("C", [middle, y0, middle, y1, x1, y1]))
        else:
            commands.append(("L", [x1, y1]))
    return svg.path_data(commands)


def _boxes(layout: Layout) -> svg.Element:
    settings = layout.settings
    group = svg.element("g", {"class": "driver-diagram__boxes"})
    for box in layout.boxes:
        kind = KIND_OF_COLUMN[box.column]
        style = STYLES[kind]
        text = svg.element(
            "text",
            {"fill": style.text, **({"font-weight": "bold"} if style.bold else {})},
        )
        for number, line in enumerate(box.lines):
            baseline = box.y + settings.padding_y + number * settings.line_height
            text.add(
                svg.element(
                    "tspan",
                    {
                        "x": box.x + settings.padding_x,
                        "y": baseline + settings.line_height * 0.75,
                    },
                    line,
                )
            )
        group.add(
            svg.element(
                "g",
                {"class": f"driver-diagram__box driver-diagram__box--{kind}"},
                svg.element(
                    "rect",
                    {
                        "x": box.x,
                        "y": box.y,
                        "width": box.width,
                        "height": box.height,
                        "rx": "4",
                        "fill": style.fill,
                        "stroke": style.stroke,
                        "stroke-width": svg.number(style.stroke_width),
                    },
                ),
                text,
            )
        )
    return group


def _key(layout: Layout, key: tuple[str, str]) -> svg.Element:
    settings = layout.settings
    y = layout.height + KEY_BAND / 2
    x = settings.margin
    group = svg.element("g", {"class": "driver-diagram__key", "fill": TEXT_COLOUR})
    for label, dashed in ((key[0], False), (key[1], True)):
        line = {"x1": x, "y1": y, "x2": x + 40, "y2": y, "stroke": GREY, "stroke-width": "1.5"}
        if dashed:
            line["stroke-dasharray"] = "6 4"
        group.add(svg.element("line", line))
        group.add(svg.element("text", {"x": x + 48, "y": y + settings.font_size * 0.35}, label))
        x += 48 + len(label) * settings.font_size * 0.6 + 32
    return group
