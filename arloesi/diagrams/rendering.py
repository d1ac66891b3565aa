"""A laid-out diagram as a file — SVG, PNG or PDF — in the language active when it is called:
the words of the drawing (column headings, the key, the description a screen reader says) are
translated here; the boxes' words are the diagram's own. The pages' downloads and the
``arloesi diagram render`` command both come here.
"""

import cairosvg
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from markupsafe import Markup

from arloesi.core import pdf
from arloesi.diagrams import drawing
from arloesi.diagrams.layout import Layout

# Room for the drawing on an A4 landscape page (print style sheet: 12mm margins, a title).
PAGE_WIDTH_MM = 273.0
PAGE_HEIGHT_MM = 160.0
# Twice the drawing's size, but within cairo's limits: 40 million pixels, 32,000 a side (a
# diagram of 1,000 boxes is tens of thousands of pixels tall).
PNG_SCALE = 2
PNG_MAX_PIXELS = 40_000_000
PNG_MAX_SIDE = 32_000
FORMATS = ("svg", "png", "pdf")
CONTENT_TYPES = {"svg": "image/svg+xml", "png": "image/png", "pdf": "application/pdf"}


def headings() -> tuple[str, str, str, str]:
    return (_("Aim"), _("Primary drivers"), _("Secondary drivers"), _("Change ideas"))


def key() -> tuple[str, str]:
    return (_("Strong link"), _("Weak link"))


def describe(layout: Layout) -> str:
    """What a screen reader says for the drawing (the page's outline says the rest)."""
    counts = [0, 0, 0, 0]
    for box in layout.boxes:
        counts[box.column] += 1
    weak = sum(route.strength == "weak" for route in layout.routes)
    return _(
        "Driver diagram. Primary drivers: %(primary)s. Secondary drivers: %(secondary)s. "
        "Change ideas: %(ideas)s. Links: %(links)s, of which weak: %(weak)s."
    ) % {
        "primary": counts[1],
        "secondary": counts[2],
        "ideas": counts[3],
        "links": len(layout.routes),
        "weak": weak,
    }


def page_svg(layout: Layout, *, title: str) -> Markup:
    """The drawing for a page: sized by the page, no XML declaration."""
    markup = drawing.draw(
        layout,
        title=title,
        description=describe(layout),
        headings=headings(),
        key=key(),
        size_mm=None,
        standalone=False,
    )
    return Markup(markup)  # noqa: S704 (core.svg escapes every text and attribute)


def render(layout: Layout, *, title: str, file_format: str, context: dict | None = None) -> bytes:
    """The drawing as an SVG, PNG or PDF file. A PDF is one A4 landscape page of drawing, then
    ``context`` (e.g. the SMART aim and the outline) through ``diagrams/diagram_print.html``."""
    words = {"title": title, "description": describe(layout), "headings": headings(), "key": key()}
    if file_format == "svg":
        return drawing.draw(layout, **words).encode("utf-8")
    if file_format == "png":
        markup = drawing.draw(layout, size_mm=None, **words)
        height = layout.height + drawing.KEY_BAND
        scale = min(
            PNG_SCALE,
            (PNG_MAX_PIXELS / (layout.width * height)) ** 0.5,
            PNG_MAX_SIDE / height,
            PNG_MAX_SIDE / layout.width,
        )
        return cairosvg.svg2png(
            bytestring=markup.encode("utf-8"), output_width=round(layout.width * scale)
        )
    if file_format != "pdf":
        raise ValueError(f"no such format: {file_format}")
    height = layout.height + drawing.KEY_BAND
    width_mm = min(PAGE_WIDTH_MM, PAGE_HEIGHT_MM * layout.width / height)
    markup = drawing.draw(layout, size_mm=width_mm, standalone=False, **words)
    return pdf.render_pdf(
        "diagrams/diagram_print.html",
        {
            **(context or {}),
            "title": title,
            "drawing": Markup(markup),  # noqa: S704 (core.svg escapes)
            "language": get_language() or "en",
        },
    )
