"""A layout kept with the diagram (``Diagram.drawing``) and read back to draw it.

Laying out a diagram of 60 boxes takes tens of milliseconds; drawing a stored layout takes a
few. So each change lays the diagram out once, stores the geometry as JSON, and every page view
draws from it (in the reader's language: the headings and the key are not stored). Pure: no
Django.
"""

from typing import Any

from arloesi.diagrams.layout import DEFAULT_SETTINGS, Box, Layout, Route

# Bumped when the stored shape changes, so an old drawing is laid out again, not misread.
SHAPE = 1


def to_stored(layout: Layout) -> dict[str, Any]:
    return {
        "shape": SHAPE,
        "boxes": [
            [b.id, b.column, b.x, b.y, b.width, b.height, list(b.lines)] for b in layout.boxes
        ],
        "routes": [
            [r.source, r.target, r.strength, [list(point) for point in r.points]]
            for r in layout.routes
        ],
        "crossings": layout.crossings,
        "width": layout.width,
        "height": layout.height,
        "columns": [list(column) for column in layout.columns],
    }


def from_stored(data: Any) -> Layout | None:
    """The stored layout, or None when there is none of this shape (lay it out again)."""
    if not isinstance(data, dict) or data.get("shape") != SHAPE:
        return None
    return Layout(
        boxes=tuple(
            Box(id=i, column=c, x=x, y=y, width=w, height=h, lines=tuple(lines))
            for i, c, x, y, w, h, lines in data["boxes"]
        ),
        routes=tuple(
            Route(source=s, target=t, strength=k, points=tuple(tuple(p) for p in points))
            for s, t, k, points in data["routes"]
        ),
        crossings=data["crossings"],
        width=data["width"],
        height=data["height"],
        columns=tuple(tuple(column) for column in data["columns"]),
        settings=DEFAULT_SETTINGS,
    )
