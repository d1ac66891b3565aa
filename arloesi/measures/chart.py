"""An SPC chart drawn as SVG in the NHS.UK look, from the engine's result (through ``core.svg``).

    svg = draw(plot, words, chart_id=…)

- Points joined by a grey line; the centre line solid, the process limits dashed (per phase, so
  a rebase shows as a step), a dotted target line, a vertical break where each new phase
  starts, and markers for PDSA cycles and notes (numbered, named in the list beside the chart).
- Special-cause points coloured as *Making Data Count* colours them — improvement blue, concern
  orange, neutral purple, common cause grey — and never by colour alone: each has its own shape
  (improvement a square, concern a triangle, neutral a diamond, common cause a circle), a key
  says so, and the page's table names the rule that flagged each point.
- The variation and assurance icons, drawn as circles with a letter and a word under each.
- ``role="img"`` with ``<title>`` and ``<desc>``; every word is passed in, already in the
  reader's language. Colours are presentation attributes, so a PDF or PNG looks the same.

Pure: no Django.
"""

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from arloesi.core import svg
from arloesi.measures.chart_marks import (
    COLOURS,
    FONT_FAMILY,
    GREY,
    LINE,
    NHS_BLUE,
    PALE,
    TARGET,
    TEXT,
    icon,
    nice_ticks,
    polyline,
    segments,
    shape,
    style,
    tick_text,
)


@dataclass(frozen=True)
class Plotted:
    """One period: its position's label and the engine's numbers."""

    label: str
    value: float | None
    centre: float | None = None
    lower: float | None = None
    upper: float | None = None
    phase: int = 1
    # improvement, concern, neutral (mdc), "signal" (other rule sets), or None.
    cause: str | None = None
    excluded: bool = False


@dataclass(frozen=True)
class Marker:
    """A numbered marker above the period at ``position`` (0-based): a PDSA cycle or a note."""

    position: int
    number: str
    kind: str  # "pdsa" or "note"


@dataclass(frozen=True)
class Plot:
    points: Sequence[Plotted]
    target: float | None = None
    markers: Sequence[Marker] = ()
    # The variation and assurance icons: (letter, colour key, word) or None.
    variation: tuple[str, str | None, str] | None = None
    assurance: tuple[str, str | None, str] | None = None
    # Phases whose runs signal (a long run on one side, or too few crossings): their centre line
    # is drawn dashed in the special-cause colour, as qicharts2 draws it.
    run_signal_phases: frozenset[int] = frozenset()


@dataclass(frozen=True)
class Words:
    title: str
    description: str
    target: str = "Target"
    new_phase: str = "New limits"
    key: dict = field(default_factory=dict)  # cause -> word, for the key under the chart
    # The key's words for a centre line that signals (shown when a phase's runs signal).
    run_signal: str = ""


@dataclass(frozen=True)
class Frame:
    width: float
    height: float
    left: float = 56.0
    right: float = 16.0
    top: float = 34.0
    bottom: float = 64.0

    @property
    def plot_width(self) -> float:
        return self.width - self.left - self.right

    @property
    def plot_height(self) -> float:
        return self.height - self.top - self.bottom


LARGE = Frame(width=820.0, height=410.0, top=66.0)
SMALL = Frame(width=380.0, height=240.0, left=44.0, top=50.0, bottom=30.0)


def _extent(plot: Plot) -> tuple[float, float]:
    numbers = [
        n
        for p in plot.points
        for n in (p.value, p.centre, p.lower, p.upper)
        if n is not None and math.isfinite(n)
    ]
    if plot.target is not None:
        numbers.append(plot.target)
    if not numbers:
        return 0.0, 1.0
    return min(numbers), max(numbers)


def label_every(count: int, *, small: bool = False) -> int:
    """Every how many periods a date is written under the axis (the others' labels are not
    drawn, so need not be given)."""
    return max(1, math.ceil(count / (4 if small else 10)))


def draw(plot: Plot, words: Words, *, chart_id: str, small: bool = False) -> svg.Element:
    frame = SMALL if small else LARGE
    low, high = _extent(plot)
    ticks = nice_ticks(low, high, 4 if small else 6)
    bottom, top = ticks[0], ticks[-1] if ticks[-1] > ticks[0] else ticks[0] + 1
    count = max(len(plot.points), 1)
    step = frame.plot_width / count

    def x(position: float) -> float:
        return frame.left + step * (position + 0.5)

    def y(value: float) -> float:
        return frame.top + frame.plot_height * (1 - (value - bottom) / (top - bottom))

    root = svg.element(
        "svg",
        {
            "viewBox": f"0 0 {svg.number(frame.width)} {svg.number(frame.height)}",
            "role": "img",
            "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
            "class": "spc-chart",
            "font-family": FONT_FAMILY,
            "font-size": 10 if small else 12,
        },
        svg.element("title", {"id": f"{chart_id}-title"}, words.title),
        svg.element("desc", {"id": f"{chart_id}-desc"}, words.description),
        svg.element(
            "rect",
            {"x": 0, "y": 0, "width": frame.width, "height": frame.height, "fill": "#ffffff"},
        ),
    )
    for tick in ticks:
        root.add(
            svg.element(
                "line",
                {
                    "x1": frame.left,
                    "x2": frame.width - frame.right,
                    "y1": y(tick),
                    "y2": y(tick),
                    "stroke": PALE,
                    "stroke-width": 1,
                },
            ),
            svg.element(
                "text",
                {"x": frame.left - 6, "y": y(tick) + 4, "text-anchor": "end", "fill": TEXT},
                tick_text(tick),
            ),
        )
    every = label_every(count, small=small)
    for position, point in enumerate(plot.points):
        if position % every == 0:
            root.add(
                svg.element(
                    "text",
                    {
                        "x": x(position),
                        "y": frame.height - frame.bottom + 16,
                        "text-anchor": "middle",
                        "fill": TEXT,
                    },
                    point.label,
                )
            )
    for position in range(1, len(plot.points)):
        if plot.points[position].phase != plot.points[position - 1].phase:
            edge = x(position) - step / 2
            root.add(
                svg.element(
                    "line",
                    {
                        "x1": edge,
                        "x2": edge,
                        "y1": frame.top - 4,
                        "y2": frame.top + frame.plot_height,
                        "stroke": LINE,
                        "stroke-width": 1.5,
                        "stroke-dasharray": "2 3",
                        "class": "spc-phase",
                    },
                ),
                svg.element(
                    "text", {"x": edge + 3, "y": frame.top - 6, "fill": TEXT}, words.new_phase
                ),
            )
    for marker in plot.markers:
        mx = x(marker.position)
        root.add(
            svg.element(
                "g",
                {"class": f"spc-marker spc-{marker.kind}"},
                svg.element(
                    "line",
                    {
                        "x1": mx,
                        "x2": mx,
                        "y1": frame.top,
                        "y2": frame.top + frame.plot_height,
                        "stroke": NHS_BLUE if marker.kind == "pdsa" else GREY,
                        "stroke-width": 1,
                        "stroke-dasharray": "1 3",
                    },
                ),
                svg.element(
                    "rect",
                    {
                        "x": mx - 11,
                        "y": frame.top + frame.plot_height - 14,
                        "width": 22,
                        "height": 14,
                        "rx": 3,
                        "fill": NHS_BLUE if marker.kind == "pdsa" else LINE,
                    },
                ),
                svg.element(
                    "text",
                    {
                        "x": mx,
                        "y": frame.top + frame.plot_height - 3,
                        "text-anchor": "middle",
                        "fill": "#ffffff",
                        "font-size": 9,
                    },
                    marker.number,
                ),
            )
        )
    if plot.target is not None:
        ty = y(plot.target)
        root.add(
            svg.element(
                "line",
                {
                    "x1": frame.left,
                    "x2": frame.width - frame.right,
                    "y1": ty,
                    "y2": ty,
                    "stroke": TARGET,
                    "stroke-width": 1.5,
                    "stroke-dasharray": "6 3 1 3",
                    "class": "spc-target",
                },
            ),
            svg.element(
                "text",
                {
                    "x": frame.width - frame.right - 2,
                    "y": ty - 4,
                    "text-anchor": "end",
                    "fill": TARGET,
                },
                words.target,
            ),
        )
    signalled = plot.run_signal_phases
    plain = [p if p.phase not in signalled else replace(p, centre=None) for p in plot.points]
    runs = [p if p.phase in signalled else replace(p, centre=None) for p in plot.points]
    for run in segments(plain, x, y, "centre"):
        root.add(polyline(run, stroke=TEXT, **{"stroke-width": 1.5, "class": "spc-centre"}))
    for run in segments(runs, x, y, "centre"):
        root.add(
            polyline(
                run,
                stroke=COLOURS["signal"],
                **{"stroke-width": 2, "stroke-dasharray": "8 4", "class": "spc-centre-signal"},
            )
        )
    for name in ("lower", "upper"):
        for run in segments(plot.points, x, y, name):
            root.add(
                polyline(
                    run,
                    stroke=LINE,
                    **{"stroke-width": 1.2, "stroke-dasharray": "5 4", "class": "spc-limit"},
                )
            )
    stretch: list[tuple[float, float]] = []
    for position, point in enumerate(plot.points):
        if point.value is None or not math.isfinite(point.value):
            if len(stretch) > 1:
                root.add(
                    polyline(stretch, stroke=GREY, **{"stroke-width": 1.5, "class": "spc-line"})
                )
            stretch = []
            continue
        stretch.append((x(position), y(point.value)))
    if len(stretch) > 1:
        root.add(polyline(stretch, stroke=GREY, **{"stroke-width": 1.5, "class": "spc-line"}))
    size = 3.0 if small or count > 120 else 4.5
    # One group a cause, holding the style once: a long series stays a small drawing.
    groups: dict[str, svg.Element] = {}
    for position, point in enumerate(plot.points):
        if point.value is None or not math.isfinite(point.value):
            continue
        key = "excluded" if point.excluded else point.cause or "common"
        if key not in groups:
            groups[key] = svg.element(
                "g",
                {"fill": "#ffffff", "stroke": GREY, "stroke-width": 1.5, "class": "spc-excluded"}
                if point.excluded
                else style(point.cause),
            )
            root.add(groups[key])
        if point.excluded:
            groups[key].add(
                svg.element("circle", {"cx": x(position), "cy": y(point.value), "r": size})
            )
        else:
            groups[key].add(shape(point.cause, x(position), y(point.value), size, styled=False))
    icons = [found for found in (plot.variation, plot.assurance) if found is not None]
    for number, found in enumerate(icons):
        cx = frame.width - frame.right - 30 - 80 * (len(icons) - 1 - number)
        root.add(icon(cx, 18 if small else 20, found))
    if words.key and not small:
        kx = frame.left
        ky = frame.height - 18
        for cause, word in words.key.items():
            root.add(
                shape(cause, kx + 5, ky - 4, 4.5),
                svg.element("text", {"x": kx + 14, "y": ky, "fill": TEXT}, word),
            )
            kx += 30 + 6.2 * len(word)
        if signalled and words.run_signal:
            root.add(
                polyline(
                    [(kx, ky - 4), (kx + 18, ky - 4)],
                    stroke=COLOURS["signal"],
                    **{"stroke-width": 2, "stroke-dasharray": "5 3"},
                ),
                svg.element("text", {"x": kx + 24, "y": ky, "fill": TEXT}, words.run_signal),
            )
    return root


def render(plot: Plot, words: Words, *, chart_id: str, small: bool = False) -> str:
    """Markup for a page."""
    return svg.render(draw(plot, words, chart_id=chart_id, small=small))


def document(plot: Plot, words: Words, *, chart_id: str = "chart") -> str:
    """A standalone SVG file."""
    return svg.document(draw(plot, words, chart_id=chart_id))
