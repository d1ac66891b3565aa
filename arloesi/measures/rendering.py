"""A measure's chart as a file: SVG, or PNG made from the same SVG with CairoSVG."""

import cairosvg

from arloesi.measures import chart

CONTENT_TYPES = {"svg": "image/svg+xml", "png": "image/png"}
PNG_WIDTH = 1640  # twice the drawing's width: sharp when printed or put in a slide


def render(view, *, file_format: str) -> bytes:
    """``view``: anything with a ``plot`` and its ``words`` (a ``selectors.ChartView``)."""
    markup = chart.document(view.plot, view.words, chart_id="chart")
    if file_format == "svg":
        return markup.encode("utf-8")
    if file_format == "png":
        return cairosvg.svg2png(bytestring=markup.encode("utf-8"), output_width=PNG_WIDTH)
    raise ValueError(f"no such format: {file_format}")
