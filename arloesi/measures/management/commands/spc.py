"""``arloesi spc [FILE]``: the SPC engine from the command line.

    arloesi spc request.json        # one request object, or an array of them
    arloesi spc < requests.json     # the same from standard input

As the engine's contract (v1) specifies: one response object (or an array, in the same order)
as JSON on standard output. A request that breaks the contract gets ``{"error": "…"}`` in its
place; a single request that does, or input that cannot be read as JSON, exits with status 2.
A batch that could be read exits 0 and reports errors element by element.

A large batch is shared out among processes, one a CPU (``--jobs``); the answers keep the
requests' order.
"""

import json
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from arloesi.measures.spc import respond

REFUSED = 2
# Below this many requests a batch is answered in this process: starting others costs more.
PARALLEL_FROM = 2000


class Command(BaseCommand):
    help = "Compute SPC charts from JSON requests (a file or standard input) and print the results."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", type=Path, help="Request JSON (default: stdin).")
        parser.add_argument(
            "--jobs",
            type=int,
            default=0,
            help="Processes for a large batch (default: one a CPU; 1: this process only).",
        )

    def handle(self, *args, file: Path | None = None, jobs: int = 0, **options):
        data = _read(file)
        if isinstance(data, list):
            self.stdout.write(_dumps(_respond_all(data, jobs or os.cpu_count() or 1)))
            return
        response = respond(data)
        self.stdout.write(_dumps(response))
        if "error" in response:
            raise CommandError(response["error"], returncode=REFUSED)


def _respond_all(requests: list, jobs: int) -> list:
    if jobs < 2 or len(requests) < PARALLEL_FROM:
        return [respond(item) for item in requests]
    chunk = -(-len(requests) // (jobs * 4))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        return list(pool.map(respond, requests, chunksize=chunk))


def _read(file: Path | None) -> object:
    name = str(file) if file else "standard input"
    try:
        text = file.read_bytes() if file else sys.stdin.buffer.read()
    except OSError as error:
        raise CommandError(f"{name}: {error.strerror}", returncode=REFUSED) from error
    try:
        return json.loads(text, parse_constant=_refuse_constant)
    except (ValueError, UnicodeDecodeError) as error:
        raise CommandError(f"{name}: not JSON ({error})", returncode=REFUSED) from error


def _refuse_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


def _dumps(data: object) -> str:
    return json.dumps(data, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
