"""The schedule's timeline: projects as bars from start to planned end, their milestones as
markers and a line for today, drawn as SVG through ``core.svg`` (ADR 0006).

    svg = draw(rows, today=…, words=Words(…), month_label=…)

- One row a project: its title on the left; a bar from its start to its planned end (a dashed
  outline to today when it has no planned end yet).
- Milestones are diamonds on the row: filled when done, hollow when still to do, and a hollow
  triangle when overdue — shapes, not only colours, tell them apart; a key below says so.
- Months are marked along the top; today is a dashed vertical line, labelled.
- ``role="img"`` with ``<title>`` and ``<desc>`` (the drawing is one image to a screen reader;
  the table beside it gives the dates); each bar's ``<title>`` is its tooltip.
  The page shows the same projects as a table beside it. Words come from the caller, already
  in the reader's language.

Pure: no Django.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from arloesi.core import svg

FONT_FAMILY = "Arial, 'Liberation Sans', 'Frutiger W01', Helvetica, sans-serif"
TEXT_COLOUR = "#212b32"
NHS_BLUE = "#005eb8"
PALE_BLUE = "#d2e3f3"
GREY = "#4c6272"
PALE_GREY = "#f0f4f5"
RED = "#d5281b"
WHITE = "#ffffff"
LABEL_WIDTH = 260.0
CHART_WIDTH = 700.0
ROW_HEIGHT = 28.0
HEADER = 30.0
KEY_BAND = 36.0
LABEL_CHARACTERS = 38
MARKER = 6.0


@dataclass(frozen=True)
class Mark:
    """A milestone on a project's row."""

    on: date
    title: str
    done: bool
    overdue: bool


@dataclass(frozen=True)
class Row:
    label: str
    starts_on: date
    ends_on: date | None
    marks: Sequence[Mark] = ()


@dataclass(frozen=True)
class Words:
    title: str
    description: str
    today: str
    done: str
    to_do: str
    overdue: str
    # "Planned end not set" (the bar's title when a project has none).
    no_end: str


def span(rows: Sequence[Row], today: date) -> tuple[date, date]:
    """The dates the timeline covers: every bar, every marker and today, from the first of a
    month to the first of the month after the last."""
    dates = [today]
    for row in rows:
        dates.append(row.starts_on)
        dates.append(row.ends_on or today)
        dates.extend(mark.on for mark in row.marks)
    first, last = min(dates), max(dates)
    start = first.replace(day=1)
    end = _next_month(last.replace(day=1))
    return start, end


def _next_month(day: date) -> date:
    return (day.replace(day=28) + timedelta(days=4)).replace(day=1)


def months(start: date, end: date) -> list[date]:
    result, day = [], start
    while day < end:
        result.append(day)
        day = _next_month(day)
    return result


def shorten(text: str, limit: int = LABEL_CHARACTERS) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def draw(
    rows: Sequence[Row],
    *,
    today: date,
    words: Words,
    month_label: Callable[[date], str],
) -> str:
    """SVG markup (for a page or a PDF) of ``rows`` on one time axis."""
    start, end = span(rows, today)
    days = max((end - start).days, 1)
    scale = CHART_WIDTH / days

    def x(day: date) -> float:
        return LABEL_WIDTH + (day - start).days * scale

    height = HEADER + ROW_HEIGHT * max(len(rows), 1) + KEY_BAND
    width = LABEL_WIDTH + CHART_WIDTH + 10
    root = svg.element(
        "svg",
        {
            "viewBox": f"0 0 {svg.number(width)} {svg.number(height)}",
            "role": "img",
            "aria-labelledby": "timeline-title timeline-desc",
            "class": "app-timeline",
            "font-family": FONT_FAMILY,
            "font-size": 12,
            "fill": TEXT_COLOUR,
        },
        svg.element("title", {"id": "timeline-title"}, words.title),
        svg.element("desc", {"id": "timeline-desc"}, words.description),
    )
    root.add(_month_grid(start, end, x, height - KEY_BAND, month_label))
    # Labels, bars and milestones each in one group that carries their colours, so that each of
    # the hundreds of shapes a page draws carries only where it is.
    labels = svg.element("g", {"class": "app-timeline__labels"})
    bars = svg.element(
        "g",
        {"class": "app-timeline__bars", "fill": PALE_BLUE, "stroke": NHS_BLUE, "stroke-width": 1},
    )
    marks = svg.element(
        "g", {"class": "app-timeline__milestones", "stroke": NHS_BLUE, "stroke-width": 2}
    )
    for number, row in enumerate(rows):
        label, bar, markers = _row(row, number, x, today, words)
        labels.add(label)
        bars.add(bar)
        marks.add(*markers)
    root.add(labels, bars, marks)
    bottom = height - KEY_BAND
    root.add(
        svg.element(
            "line",
            {
                "x1": x(today),
                "y1": HEADER - 8,
                "x2": x(today),
                "y2": bottom,
                "stroke": RED,
                "stroke-width": 2,
                "stroke-dasharray": "5 3",
                "class": "app-timeline__today",
            },
            svg.element("title", {}, words.today),
        ),  # fmt: skip
        svg.element(
            "text",
            {"x": x(today) + 3, "y": HEADER - 10, "fill": RED, "font-weight": "bold"},
            words.today,
        ),
    )
    root.add(_key(bottom + 12, words))
    return svg.render(root)


def _month_grid(start, end, x, bottom: float, month_label) -> svg.Element:
    """A line and a label at the start of each month — of every few months when the timeline
    spans more than a year, so labels never overlap."""
    group = svg.element("g", {"class": "app-timeline__months", "stroke": "#d8dde0"})
    all_months = months(start, end)
    every = max(1, -(-len(all_months) // 12))
    for month in all_months[::every]:
        group.add(
            svg.element("line", {"x1": x(month), "y1": HEADER - 4, "x2": x(month), "y2": bottom}),
            svg.element(
                "text",
                {"x": x(month) + 2, "y": HEADER - 14, "fill": GREY, "stroke": "none"},
                month_label(month),
            ),
        )
    return group


def _row(row: Row, number: int, x, today: date, words: Words):
    """A project's label, bar and milestones."""
    top = HEADER + number * ROW_HEIGHT
    middle = top + ROW_HEIGHT / 2
    label = svg.element("text", {"x": 4, "y": middle + 4}, shorten(row.label))
    ends_on = row.ends_on or max(today, row.starts_on)
    bar = {
        "x": x(row.starts_on),
        "y": top + 7,
        "width": max(x(ends_on) - x(row.starts_on), 2.0),
        "height": ROW_HEIGHT - 14,
    }
    if row.ends_on is None:
        bar["stroke-dasharray"] = "4 2"
        bar["fill"] = "none"
    ends = row.ends_on.isoformat() if row.ends_on else words.no_end
    when = f"{row.starts_on.isoformat()} – {ends}"
    return (
        label,
        svg.element("rect", bar, svg.element("title", {}, f"{row.label}: {when}")),
        [_marker(mark, x(mark.on), middle) for mark in row.marks],
    )


def _diamond(cx: int, cy: int) -> str:
    m = int(MARKER)
    return f"{cx},{cy - m} {cx + m},{cy} {cx},{cy + m} {cx - m},{cy}"


def _triangle(cx: int, cy: int) -> str:
    m = int(MARKER)
    return f"{cx},{cy - m} {cx + m},{cy + m} {cx - m},{cy + m}"


def _marker(mark: Mark, cx: float, cy: float) -> svg.Element:
    """A milestone's marker (whole pixels: a page shows hundreds); the shape tells done, to do
    and overdue apart."""
    cx, cy = round(cx), round(cy)
    if mark.done:
        return svg.element("polygon", {"points": _diamond(cx, cy), "fill": NHS_BLUE})
    if mark.overdue:
        return svg.element("polygon", {"points": _triangle(cx, cy), "fill": WHITE, "stroke": RED})
    return svg.element("polygon", {"points": _diamond(cx, cy), "fill": WHITE})


def _key(top: float, words: Words) -> svg.Element:
    group = svg.element("g", {"class": "app-timeline__key"})
    left = LABEL_WIDTH
    for mark, label in (
        (Mark(date.min, "", done=True, overdue=False), words.done),
        (Mark(date.min, "", done=False, overdue=False), words.to_do),
        (Mark(date.min, "", done=False, overdue=True), words.overdue),
    ):
        marker = _marker(mark, left + MARKER, top + 4)
        marker.attributes.setdefault("stroke", NHS_BLUE)
        marker.attributes["stroke-width"] = 2
        group.add(marker, svg.element("text", {"x": left + 18, "y": top + 8}, label))
        left += 30 + 7 * len(label)
    return group
