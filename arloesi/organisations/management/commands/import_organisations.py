from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from arloesi.organisations import importer


class Command(BaseCommand):
    help = (
        "Import planning groups, clusters and collaboratives from a CSV or XLSX file. "
        "Nothing is imported if any row is wrong."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)

    def handle(self, *args, file: Path, **options):
        if not file.is_file():
            raise CommandError(f"{file} does not exist")
        result = importer.import_units(actor=None, filename=file.name, content=file.read_bytes())
        if not result.ok:
            for problem in result.problems:
                column = problem.column or "-"
                self.stderr.write(f"row {problem.row}, column {column}: {problem.message}")
            raise CommandError(f"Nothing was imported: {len(result.problems)} problem(s).")
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported: {result.created} added, {result.updated} changed, "
                f"{result.unchanged} unchanged."
            )
        )
