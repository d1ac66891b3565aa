"""``arloesi diagram layout|render FILE.json``: the exchange format from the command line.

    arloesi diagram layout FILE.json                          # the layout, as JSON, on stdout
    arloesi diagram render FILE.json -o OUT.svg|OUT.pdf|OUT.png

As /work/shared/reference/diagrams/FORMAT.md specifies: ``layout`` prints the JSON and nothing
else on standard output; a file that cannot be read or breaks a rule of the format is refused
with exit status 2, the reason on standard error and nothing on standard output. Words in the
drawing (headings, key, description) are English here; pages pass the reader's language.
"""

import json
import time
from pathlib import Path

import cairosvg
from django.core.management.base import BaseCommand, CommandError
from markupsafe import Markup

from arloesi.core import pdf
from arloesi.diagrams import drawing
from arloesi.diagrams.document import DiagramDocument, DocumentError, parse
from arloesi.diagrams.layout import Layout, layout_document

REFUSED = 2
FORMATS = (".svg", ".pdf", ".png")
HEADINGS = ("Aim", "Primary drivers", "Secondary drivers", "Change ideas")
KEY = ("Strong link", "Weak link")
# Room for the drawing on an A4 landscape page (print style sheet: 12mm margins, a title).
PAGE_WIDTH_MM = 273.0
PAGE_HEIGHT_MM = 160.0
# Twice the drawing's size, but within cairo's limits: 40 million pixels, 32,000 a side (a
# diagram of 1,000 boxes is tens of thousands of pixels tall).
PNG_SCALE = 2
PNG_MAX_PIXELS = 40_000_000
PNG_MAX_SIDE = 32_000


class Command(BaseCommand):
    help = "Lay out a driver diagram file (JSON on standard output) or draw it as SVG, PDF or PNG."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        layout = actions.add_parser("layout", help="Print the layout as JSON.")
        layout.add_argument("file", type=Path)
        render = actions.add_parser("render", help="Draw the diagram to a file.")
        render.add_argument("file", type=Path)
        render.add_argument("-o", "--output", type=Path, required=True, help="OUT.svg|pdf|png")

    def handle(self, *args, action: str, file: Path, output: Path | None = None, **options):
        if action == "render" and output.suffix.lower() not in FORMATS:
            raise CommandError(
                f"{output.name}: the output must end in .svg, .pdf or .png", returncode=REFUSED
            )
        document = _read(file)
        started = time.perf_counter()
        result = layout_document(document)
        elapsed_ms = (time.perf_counter() - started) * 1000
        if action == "layout":
            self.stdout.write(json.dumps(result.to_json(elapsed_ms), ensure_ascii=False))
            return
        content = _render(document, result, output.suffix.lower())
        try:
            output.write_bytes(content)
        except OSError as error:
            raise CommandError(f"{output}: {error.strerror}", returncode=REFUSED) from error
        self.stdout.write(
            f"{output}: {len(result.boxes)} boxes, {len(result.routes)} links, "
            f"{result.crossings} crossings"
        )


def _read(file: Path) -> DiagramDocument:
    try:
        data = file.read_bytes()
    except OSError as error:
        raise CommandError(f"{file}: {error.strerror}", returncode=REFUSED) from error
    try:
        return parse(data)
    except DocumentError as error:
        raise CommandError(f"{file}: {error}", returncode=REFUSED) from error


def _render(document: DiagramDocument, result: Layout, suffix: str) -> bytes:
    title = document.title or "Driver diagram"
    words = {"title": title, "description": describe(result), "headings": HEADINGS, "key": KEY}
    if suffix == ".svg":
        return drawing.draw(result, **words).encode("utf-8")
    if suffix == ".png":
        markup = drawing.draw(result, size_mm=None, **words)
        height = result.height + drawing.KEY_BAND
        scale = min(
            PNG_SCALE,
            (PNG_MAX_PIXELS / (result.width * height)) ** 0.5,
            PNG_MAX_SIDE / height,
            PNG_MAX_SIDE / result.width,
        )
        return cairosvg.svg2png(
            bytestring=markup.encode("utf-8"), output_width=round(result.width * scale)
        )
    height = result.height + drawing.KEY_BAND
    width_mm = min(PAGE_WIDTH_MM, PAGE_HEIGHT_MM * result.width / height)
    markup = drawing.draw(result, size_mm=width_mm, standalone=False, **words)
    return pdf.render_pdf(
        "diagrams/diagram_print.html",
        {"title": title, "drawing": Markup(markup), "language": "en"},  # noqa: S704 (core.svg escapes)
    )


def describe(result: Layout) -> str:
    """One sentence a screen reader can say for the drawing (English)."""
    counts = [0, 0, 0, 0]
    for box in result.boxes:
        counts[box.column] += 1
    weak = sum(route.strength == "weak" for route in result.routes)
    return (
        f"Driver diagram: {counts[0]} aim, {counts[1]} primary drivers, {counts[2]} secondary "
        f"drivers and {counts[3]} change ideas, joined by {len(result.routes)} links "
        f"({weak} weak)."
    )
