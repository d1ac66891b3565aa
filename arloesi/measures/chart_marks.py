"""The marks an SPC chart is drawn with (``chart``): round-number ticks, the points' shapes
(each cause its own shape as well as colour), the icons, and the lines of each phase. Pure: no
Django."""

import math

from arloesi.core import svg

FONT_FAMILY = "Arial, 'Liberation Sans', 'Frutiger W01', Helvetica, sans-serif"
TEXT = "#212b32"
GREY = "#768692"
LINE = "#4c6272"
PALE = "#d8dde0"
NHS_BLUE = "#005eb8"
TARGET = "#007f3b"
# Making Data Count's colours (as NHSRplotthedots draws them).
COLOURS = {
    None: "#7b7d7d",
    "improvement": "#289de0",
    "concern": "#fab428",
    "neutral": "#361475",
    "signal": "#d5281b",
}
SHAPES = {
    None: "circle",
    "improvement": "square",
    "concern": "triangle",
    "neutral": "diamond",
    "signal": "diamond",
}


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round numbers covering ``low`` to ``high`` (about ``count`` of them)."""
    if not (math.isfinite(low) and math.isfinite(high)):
        return [0.0, 1.0]
    if high <= low:
        high, low = low + 1.0, low - 1.0
    raw = (high - low) / max(count - 1, 1)
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def tick_text(value: float) -> str:
    return f"{value:,.10g}" if abs(value) >= 1000 or value == int(value) else f"{value:.3g}"


def corners_text(corners: list[tuple[float, float]]) -> str:
    return " ".join(f"{svg.number(cx)},{svg.number(cy)}" for cx, cy in corners)


def style(cause: str | None) -> dict:
    """The colour and class of a cause's points (on each point, or on a group of them)."""
    return {
        "fill": COLOURS.get(cause, COLOURS[None]),
        "stroke": "#ffffff",
        "stroke-width": 1,
        "class": f"spc-point spc-{cause or 'common'}",
    }


def shape(
    cause: str | None, x: float, y: float, size: float, *, styled: bool = True
) -> svg.Element:
    """A point's mark; ``styled=False`` for a point inside a group that carries the style."""
    shape = SHAPES.get(cause, "circle")
    common = style(cause) if styled else {}
    if shape == "square":
        return svg.element(
            "rect", {"x": x - size, "y": y - size, "width": 2 * size, "height": 2 * size, **common}
        )
    if shape == "triangle":
        d = size * 1.3
        points = corners_text([(x, y - d), (x + d, y + d * 0.8), (x - d, y + d * 0.8)])
        return svg.element("polygon", {"points": points, **common})
    if shape == "diamond":
        d = size * 1.35
        points = corners_text([(x, y - d), (x + d, y), (x, y + d), (x - d, y)])
        return svg.element("polygon", {"points": points, **common})
    return svg.element("circle", {"cx": x, "cy": y, "r": size * 0.85, **common})


def icon(cx: float, cy: float, icon: tuple[str, str | None, str]) -> svg.Element:
    letter, cause, word = icon
    colour = COLOURS.get(cause, COLOURS[None])
    return svg.element(
        "g",
        {"class": "spc-icon"},
        svg.element(
            "circle",
            {"cx": cx, "cy": cy, "r": 13, "fill": "#ffffff", "stroke": colour, "stroke-width": 3},
        ),
        svg.element(
            "text",
            {
                "x": cx,
                "y": cy + 5,
                "text-anchor": "middle",
                "font-weight": "bold",
                "font-size": 14,
                "fill": TEXT,
            },
            letter,
        ),
        svg.element(
            "text",
            {"x": cx, "y": cy + 26, "text-anchor": "middle", "font-size": 10, "fill": TEXT},
            word,
        ),
    )


def polyline(points: list[tuple[float, float]], **attributes) -> svg.Element:
    text = " ".join(f"{svg.number(x)},{svg.number(y)}" for x, y in points)
    return svg.element("polyline", {"points": text, "fill": "none", **attributes})


def segments(points, x, y, name: str) -> list[list[tuple[float, float]]]:
    """One line per phase (and per stretch where it exists) for the centre or a limit; a level
    line across each point's own width so a single point's line shows."""
    runs: list[list[tuple[float, float]]] = []
    current: list[tuple[float, float]] = []
    previous_phase = None
    half = (x(1) - x(0)) / 2 if len(points) > 1 else 8.0
    for position, point in enumerate(points):
        level = getattr(point, name)
        if level is None or not math.isfinite(level) or point.phase != previous_phase:
            if current:
                runs.append(current)
            current = []
        if level is not None and math.isfinite(level):
            if not current:
                current.append((x(position) - half * 0.9, y(level)))
            current.append((x(position), y(level)))
        previous_phase = point.phase
    if current:
        runs.append(current)
    for run in runs:
        run.append((run[-1][0] + half * 0.9, run[-1][1]))
    return [_level_runs_joined(run) for run in runs]


def _level_runs_joined(run: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The corners of a line only: a point between two at the same height adds nothing."""
    kept = run[:1]
    for k in range(1, len(run) - 1):
        if not (run[k - 1][1] == run[k][1] == run[k + 1][1]):
            kept.append(run[k])
    if len(run) > 1:
        kept.append(run[-1])
    return kept
