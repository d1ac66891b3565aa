"""``arloesi diagram layout|render FILE.json``: the exchange format from the command line.

    arloesi diagram layout FILE.json                          # the layout, as JSON, on stdout
    arloesi diagram render FILE.json -o OUT.svg|OUT.pdf|OUT.png [--language cy]

As /work/shared/reference/diagrams/FORMAT.md specifies: ``layout`` prints the JSON and nothing
else on standard output; a file that cannot be read or breaks a rule of the format is refused
with exit status 2, the reason on standard error and nothing on standard output. Words in the
drawing (headings, key, description) are English unless ``--language cy`` is given.
"""

import json
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import translation

from arloesi.diagrams import rendering
from arloesi.diagrams.document import DiagramDocument, DocumentError, parse
from arloesi.diagrams.layout import Layout, layout_document

REFUSED = 2
FORMATS = (".svg", ".pdf", ".png")


class Command(BaseCommand):
    help = "Lay out a driver diagram file (JSON on standard output) or draw it as SVG, PDF or PNG."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        layout = actions.add_parser("layout", help="Print the layout as JSON.")
        layout.add_argument("file", type=Path)
        render = actions.add_parser("render", help="Draw the diagram to a file.")
        render.add_argument("file", type=Path)
        render.add_argument("-o", "--output", type=Path, required=True, help="OUT.svg|pdf|png")
        render.add_argument(
            "--language",
            choices=("en", "cy"),
            default="en",
            help="The language of the drawing's headings and key (default en).",
        )

    def handle(
        self,
        *args,
        action: str,
        file: Path,
        output: Path | None = None,
        language: str = "en",
        **options,
    ):
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
        content = _render(document, result, output.suffix.lower(), language)
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


def _render(document: DiagramDocument, result: Layout, suffix: str, language: str) -> bytes:
    with translation.override(language):
        return rendering.render(
            result,
            title=document.title or translation.gettext("Driver diagram"),
            file_format=suffix.lstrip("."),
        )
