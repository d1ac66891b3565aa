from django.core.management.base import BaseCommand

from arloesi.core import search


class Command(BaseCommand):
    help = (
        "Rebuild the finding-learning search index from its sources (learning records, projects, "
        "proposals): after data was written in bulk, or a change to how text is analysed."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--kind",
            choices=[source.kind for source in search.sources()],
            help="Only this kind of document (default: every kind).",
        )

    def handle(self, *args, kind=None, **options):
        written = search.reindex_all(kind)
        self.stdout.write(self.style.SUCCESS(f"{written} search documents written."))
