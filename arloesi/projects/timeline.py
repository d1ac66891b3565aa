"""The schedule's timeline: projects as bars from start to planned end, their milestones as
markers and a line for today, drawn as SVG through ``core.svg`` (ADR 0006).

    svg = draw(rows, today=…, words=Words(…), month_label=…)

- One row a project: its title on the left; a bar from its start to its planned end (a dashed
  outline to today when it has no planned end yet).
- Milestones are diamonds on the row: filled when done, hollow when still to do, and a hollow
  triangle when overdue — shapes, not only colours, tell them apart; a key below says so.
- Months are marked along the top; today is a dashed vertical line, labelled.
- ``role="img"`` with ``<title>`` and ``<desc>``; each bar and marker has its own ``<title>``.
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
        },
        svg.element("title", {"id": "timeline-title"}, words.title),
        svg.element("desc", {"id": "timeline-desc"}, words.description),
    )
    root.add(_month_grid(start, end, x, height - KEY_BAND, month_label))
    for number, row in enumerate(rows):
        root.add(_row(row, number, x, today, words))
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
    group = svg.element("g", {"class": "app-timeline__months"})
    every = max(1, len(months(start, end)) // 12)
    for number, month in enumerate(months(start, end)):
        group.add(
            svg.element(
                "line",
                {"x1": x(month), "y1": HEADER - 4, "x2": x(month), "y2": bottom,
                 "stroke": PALE_GREY if number % every else "#d8dde0", "stroke-width": 1},
            )
        )  # fmt: skip
        if number % every == 0:
            group.add(
                svg.element(
                    "text", {"x": x(month) + 2, "y": HEADER - 14, "fill": GREY}, month_label(month)
                )
            )
    return group


def _row(row: Row, number: int, x, today: date, words: Words) -> svg.Element:
    top = HEADER + number * ROW_HEIGHT
    middle = top + ROW_HEIGHT / 2
    group = svg.element("g", {"class": "app-timeline__row"})
    if number % 2:
        group.add(
            svg.element(
                "rect",
                {"x": 0, "y": top, "width": LABEL_WIDTH + CHART_WIDTH, "height": ROW_HEIGHT,
                 "fill": PALE_GREY, "opacity": 0.5},
            )
        )  # fmt: skip
    group.add(
        svg.element("text", {"x": 4, "y": middle + 4, "fill": TEXT_COLOUR}, shorten(row.label))
    )
    ends_on = row.ends_on or max(today, row.starts_on)
    bar = {
        "x": x(row.starts_on),
        "y": top + 7,
        "width": max(x(ends_on) - x(row.starts_on), 2.0),
        "height": ROW_HEIGHT - 14,
        "fill": PALE_BLUE,
        "stroke": NHS_BLUE,
        "stroke-width": 1,
        "class": "app-timeline__bar",
    }
    if row.ends_on is None:
        bar["stroke-dasharray"] = "4 2"
        bar["fill"] = "none"
    ends = row.ends_on.isoformat() if row.ends_on else words.no_end
    when = f"{row.starts_on.isoformat()} – {ends}"
    group.add(svg.element("rect", bar, svg.element("title", {}, f"{row.label}: {when}")))
    for mark in row.marks:
        group.add(_marker(mark, x(mark.on), middle, words))
    return group


def _diamond(cx: float, cy: float) -> str:
    return svg.path_data(
        [("M", (cx, cy - MARKER)), ("L", (cx + MARKER, cy)), ("L", (cx, cy + MARKER)),
         ("L", (cx - MARKER, cy)), ("Z", ())]
    )  # fmt: skip


def _triangle(cx: float, cy: float) -> str:
    return svg.path_data(
        [("M", (cx, cy - MARKER)), ("L", (cx + MARKER, cy + MARKER)),
         ("L", (cx - MARKER, cy + MARKER)), ("Z", ())]
    )  # fmt: skip


def _marker(mark: Mark, cx: float, cy: float, words: Words) -> svg.Element:
    if mark.done:
        shape, fill, stroke, state = _diamond(cx, cy), NHS_BLUE, NHS_BLUE, words.done
    elif mark.overdue:
        shape, fill, stroke, state = _triangle(cx, cy), "#ffffff", RED, words.overdue
    else:
        shape, fill, stroke, state = _diamond(cx, cy), "#ffffff", NHS_BLUE, words.to_do
    return svg.element(
        "path",
        {"d": shape, "fill": fill, "stroke": stroke, "stroke-width": 2,
         "class": "app-timeline__milestone"},
        svg.element("title", {}, f"{mark.title} ({mark.on.isoformat()}): {state}"),
    )  # fmt: skip


def _key(top: float, words: Words) -> svg.Element:
    group = svg.element("g", {"class": "app-timeline__key"})
    left = LABEL_WIDTH
    for mark, label in (
        (Mark(date.min, "", done=True, overdue=False), words.done),
        (Mark(date.min, "", done=False, overdue=False), words.to_do),
        (Mark(date.min, "", done=False, overdue=True), words.overdue),
    ):
        marker = _marker(mark, left + MARKER, top + 4, words)
        marker.children = []
        group.add(marker, svg.element("text", {"x": left + 18, "y": top + 8}, label))
        left += 30 + 7 * len(label)
    return group
