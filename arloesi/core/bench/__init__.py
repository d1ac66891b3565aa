"""The benchmark harness behind ``make bench``: how fast the pages people use most are, and
whether their number of SQL queries stays the same as the data grows.

Each domain app that wants its pages measured has a ``sampledata/bench`` module which registers

- a generator, ``fn(*, scale, rng) -> counts``, that builds its synthetic data quickly
  (``bulk_create``); scale 1 is all of Wales, scale 0.1 a tenth of it;
- pages, each with a function choosing the address to time and one choosing the person, typical
  for that page, to view it as;
- writes that must be fast as a whole (the API's upload of many series), each timed once, after
  the pages, against its own budget in seconds.

This package imports no domain app: it finds the ``bench`` modules of the installed ``arloesi.*``
apps itself. ``run`` measures every scale in a fresh database, each in its own worker process
(``arloesi bench --worker``) so that Django's settings and connections are loaded cleanly for
that database; the worker writes its numbers as JSON, and ``run`` compares them with the budgets.

- ``registry``: generators, pages and the context they share;
- ``budgets``: the budgets, per database and scale, and the check against them;
- ``worker``: one scale in one fresh database, in its own process;
- ``runner``: the parent: fresh databases, workers, the table and ``bench/results.json``;
- ``insert_rows`` (from ``core.rows``), for generators filling the largest tables;
- ``urls``: the worker's URLs — the site's, plus the baseline page (never served in production).
"""

from arloesi.core.bench.budgets import P95_BUDGETS_MS, p95_budget
from arloesi.core.bench.registry import (
    BASELINE,
    SEED,
    BenchContext,
    Generator,
    Page,
    Write,
    discover,
    generate,
    generators,
    page_get,
    page_headers,
    page_target,
    pages,
    register_generator,
    register_page,
    register_write,
    writes,
)
from arloesi.core.bench.runner import DEFAULT_REQUESTS, DEFAULT_SCALES, results_path, run
from arloesi.core.bench.worker import WARM_UP_REQUESTS, worker
from arloesi.core.rows import insert_rows

__all__ = [
    "BASELINE",
    "DEFAULT_REQUESTS",
    "DEFAULT_SCALES",
    "P95_BUDGETS_MS",
    "SEED",
    "WARM_UP_REQUESTS",
    "BenchContext",
    "Generator",
    "Page",
    "Write",
    "discover",
    "generate",
    "generators",
    "insert_rows",
    "p95_budget",
    "page_get",
    "page_headers",
    "page_target",
    "pages",
    "register_generator",
    "register_page",
    "register_write",
    "results_path",
    "run",
    "worker",
    "writes",
]
