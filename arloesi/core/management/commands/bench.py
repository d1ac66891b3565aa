import argparse
import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from arloesi.core import bench


class Command(BaseCommand):
    help = (
        "Time the most used pages on fresh databases filled with synthetic data (scale 1 = all "
        "of Wales) and check the budgets: p95 within 30 ms on SQLite and 50 ms on PostgreSQL at "
        "scale 1 (100 ms on PostgreSQL at scale 10), and the same number of SQL queries at every "
        "scale. Writes bench/results.json; see bench/README.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--scale",
            action="append",
            type=float,
            dest="scales",
            help="Amount of data, 1 = all of Wales. Repeat for several (default: 0.1 and 1).",
        )
        parser.add_argument(
            "--requests",
            type=int,
            default=bench.DEFAULT_REQUESTS,
            help=f"Timed requests per page (default {bench.DEFAULT_REQUESTS}).",
        )
        parser.add_argument(
            "--keep-db",
            action="store_true",
            help="Keep the benchmark databases afterwards, to look at the data.",
        )
        parser.add_argument(
            "--json-out",
            type=Path,
            help="Where to write the results (default bench/results.json).",
        )
        # Internal: one scale, in the fresh database DATABASE_URL names (run by the parent).
        parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)

    def handle(self, *args, **options):
        scales = options["scales"] or list(bench.DEFAULT_SCALES)
        if any(scale <= 0 for scale in scales):
            raise CommandError("--scale must be more than 0.")
        if options["requests"] < 2:
            raise CommandError("--requests must be at least 2.")
        if options["worker"]:
            if len(scales) != 1 or options["json_out"] is None:
                raise CommandError("--worker needs exactly one --scale and --json-out.")
            try:
                bench.worker(
                    scale=scales[0],
                    requests=options["requests"],
                    json_out=options["json_out"],
                    log=lambda line: print(line, file=sys.stderr, flush=True),
                )
            except RuntimeError as error:
                raise CommandError(str(error)) from error
            return
        try:
            report = bench.run(
                scales,
                options["requests"],
                keep_db=options["keep_db"],
                results_file=options["json_out"],
                out=self.stdout.write,
            )
        except RuntimeError as error:
            raise CommandError(str(error)) from error
        if report["failures"]:
            raise CommandError(
                "The benchmark budget failed: " + "; ".join(report["failures"]), returncode=1
            )
