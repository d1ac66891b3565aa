"""The benchmark harness behind ``make bench``: how fast the pages people use most are, and
whether their number of SQL queries stays the same as the data grows.

Each domain app that wants its pages measured has a ``bench`` module which registers

- a generator, ``fn(*, scale, rng) -> counts``, that builds its synthetic data quickly
  (``bulk_create``); scale 1 is all of Wales, scale 0.1 a tenth of it;
- pages, each with a function choosing the address to time and one choosing the person, typical
  for that page, to view it as.

This module imports no domain app: it finds the ``bench`` modules of the installed ``arloesi.*``
apps itself. ``run`` measures every scale in a fresh database, each in its own worker process
(``arloesi bench --worker``) so that Django's settings and connections are loaded cleanly for
that database; the worker writes its numbers as JSON, and ``run`` compares them with the budgets.
"""

import gc
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
import django
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from arloesi.core import sampledata

DEFAULT_SCALES = (0.1, 1.0)
DEFAULT_REQUESTS = 50
WARM_UP_REQUESTS = 5
SEED = 2026

# The budgets: every page answers within 50 ms for 95 requests in 100 with all of Wales loaded,
# and makes the same number of queries whatever the amount of data (no N+1 queries).
P95_BUDGET_MS = 50.0
P95_BUDGET_SCALE = 1.0

BASELINE = "baseline"
POSTGRES_BENCH_DATABASE = "arloesi_bench"
SQLITE_PREFIX = "bench-"


@dataclass
class BenchContext:
    """What page functions may use to choose their address and viewer."""

    scale: float
    # Generator name -> the counts it returned.
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    # Choices shared by several pages (e.g. the largest cluster), made once.
    picks: dict[str, Any] = field(default_factory=dict)

    def pick(self, key: str, choose: Callable[[], Any]) -> Any:
        if key not in self.picks:
            self.picks[key] = choose()
        return self.picks[key]


@dataclass(frozen=True)
class Generator:
    name: str
    fn: Callable[..., dict[str, int]]
    order: int


@dataclass(frozen=True)
class Page:
    name: str
    url: Callable[[BenchContext], str]
    # The person to sign in as; None times the page signed out.
    user: Callable[[BenchContext], Any]
    # Why the page shows no more with more data (a blank form), if it does not. Every other page
    # must show more at a larger scale, or its unchanged query count proves nothing
    # (tests/test_query_counts.py).
    does_not_grow: str = ""


_generators: dict[str, Generator] = {}
_pages: dict[str, Page] = {}


def register_generator(name: str, fn: Callable[..., dict[str, int]], order: int) -> None:
    if name in _generators:
        raise ValueError(f"A bench generator called {name!r} is already registered")
    _generators[name] = Generator(name, fn, order)


def register_page(
    name: str,
    *,
    url: Callable[[BenchContext], str],
    user: Callable[[BenchContext], Any],
    does_not_grow: str = "",
) -> None:
    if name in _pages or name == BASELINE:
        raise ValueError(f"A bench page called {name!r} is already registered")
    _pages[name] = Page(name, url, user, does_not_grow)


def _any_person(context: BenchContext):
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(is_active=True).order_by("pk").first()


# The yardstick: the smallest page through the whole middleware stack, for a signed-in person
# (so that loading the session and the person is part of it, as it is of every other page).
_baseline = Page(
    BASELINE,
    url=lambda context: reverse("baseline"),
    user=_any_person,
    does_not_grow="the yardstick: an empty page",
)


def discover() -> None:
    """Import the ``sampledata/bench.py`` of every installed ``arloesi.*`` app (they register)."""
    sampledata.discover("bench")


def generators() -> list[Generator]:
    return sorted(_generators.values(), key=lambda generator: generator.order)


def pages() -> list[Page]:
    """The baseline first, then the registered pages in the order they were registered."""
    return [_baseline, *_pages.values()]


def page_get(name: str) -> Page:
    return _baseline if name == BASELINE else _pages[name]


def generate(*, scale: float, seed: int = SEED) -> BenchContext:
    """Run every generator at ``scale``; the context records what each one made."""
    context = BenchContext(scale=scale)
    rng = random.Random(seed)
    for generator in generators():
        context.counts[generator.name] = generator.fn(scale=scale, rng=rng)
    return context


def page_target(page: Page, context: BenchContext) -> tuple[str, Any]:
    """The address and the viewer, the address in the viewer's own language (so that the
    language middleware has nothing to save)."""
    user = page.user(context)
    with translation.override(getattr(user, "preferred_language", None) or "en"):
        url = page.url(context)
    return url, user


# --- The worker: one scale, one fresh database, in its own process ----------------------------


def _percentile(samples: list[float], percent: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[percent - 1]


def _time_page(page: Page, context: BenchContext, requests: int) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    url, user = page_target(page, context)
    client = Client()
    if user is not None:
        client.force_login(user)
    for _ in range(WARM_UP_REQUESTS):
        client.get(url)
    gc.collect()
    samples, cpu_samples = [], []
    for _ in range(requests):
        started, cpu_started = time.perf_counter(), time.process_time()
        client.get(url)
        samples.append((time.perf_counter() - started) * 1000)
        cpu_samples.append((time.process_time() - cpu_started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    return {
        "url": url,
        "viewer": str(user) if user is not None else None,
        "status": response.status_code,
        "p50_ms": round(statistics.median(samples), 2),
        "p95_ms": round(_percentile(samples, 95), 2),
        "max_ms": round(max(samples), 2),
        # This process's own CPU time: when p95 is far above it, the machine was busy elsewhere.
        "cpu_p50_ms": round(statistics.median(cpu_samples), 2),
        "queries": len(queries),
        "bytes": len(response.content),
    }


def _is_bench_database(database: dict) -> bool:
    name = str(database.get("NAME", ""))
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return Path(name).name.startswith(SQLITE_PREFIX)
    return name == POSTGRES_BENCH_DATABASE


def worker(*, scale: float, requests: int, json_out: Path, log: Callable[[str], None]) -> None:
    """Migrate the (fresh) default database, fill it at ``scale``, time every page."""
    from django.contrib.auth import hashers
    from django.core.management import call_command
    from django.db import connection

    if not _is_bench_database(settings.DATABASES["default"]):
        raise RuntimeError(
            "The bench worker only fills a benchmark database (var/bench/bench-*.sqlite3 or "
            f"{POSTGRES_BENCH_DATABASE}); run `arloesi bench` instead."
        )
    # The test client's host, and a fast hasher: thousands of people are created at once.
    if "testserver" not in settings.ALLOWED_HOSTS:
        settings.ALLOWED_HOSTS.append("testserver")
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    hashers.get_hashers.cache_clear()
    hashers.get_hashers_by_algorithm.cache_clear()

    started = time.perf_counter()
    call_command("migrate", verbosity=0, interactive=False)
    migrated = time.perf_counter()
    log(f"  scale {scale:g}: migrated in {migrated - started:.1f} s")

    discover()
    context = BenchContext(scale=scale)
    rng = random.Random(SEED)
    generated = {}
    for generator in generators():
        began = time.perf_counter()
        context.counts[generator.name] = generator.fn(scale=scale, rng=rng)
        seconds = time.perf_counter() - began
        generated[generator.name] = {"counts": context.counts[generator.name], "seconds": seconds}
        counts = ", ".join(f"{n} {what}" for what, n in context.counts[generator.name].items())
        log(f"  scale {scale:g}: {generator.name}: {counts} ({seconds:.1f} s)")

    if connection.vendor == "postgresql":
        # A server in use has table statistics (autovacuum); a new database has none, and
        # PostgreSQL would plan every query as if the tables were empty.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    measured = {}
    for page in pages():
        measured[page.name] = _time_page(page, context, requests)
        log(
            f"  scale {scale:g}: {page.name}: p95 {measured[page.name]['p95_ms']:.1f} ms, "
            f"{measured[page.name]['queries']} queries"
        )
    baseline_p50 = measured[BASELINE]["p50_ms"] or 1e-9
    for numbers in measured.values():
        numbers["x_baseline"] = round(numbers["p50_ms"] / baseline_p50, 2)

    result = {
        "scale": scale,
        "requests": requests,
        "database": {
            "vendor": connection.vendor,
            "version": ".".join(str(part) for part in connection.get_database_version()),
        },
        "generated": generated,
        "pages": measured,
    }
    json_out.write_text(json.dumps(result, indent=2), encoding="utf-8")


# --- The parent: fresh databases, workers, budgets, the table and results.json ---------------


def _scale_label(scale: float) -> str:
    return f"{scale:g}"


class _FreshDatabase:
    """A new, empty database for one scale: an SQLite file under var/bench/, or, when
    DATABASE_URL names a PostgreSQL server, the database arloesi_bench on that server (never
    the database DATABASE_URL itself names)."""

    def __init__(self, database_url: str | None, scale: float):
        self.source_url = database_url
        engine = dj_database_url.parse(database_url)["ENGINE"] if database_url else None
        if engine is None or engine == "django.db.backends.sqlite3":
            self.vendor = "sqlite"
            self.path = Path(settings.VAR_DIR) / "bench" / f"{SQLITE_PREFIX}{scale:g}.sqlite3"
            self.url = f"sqlite:///{self.path}"
        elif "postgresql" in engine:
            self.vendor = "postgresql"
            self.url = urlunsplit(
                urlsplit(database_url)._replace(path=f"/{POSTGRES_BENCH_DATABASE}")
            )
        else:
            raise RuntimeError(f"The benchmark runs on SQLite or PostgreSQL, not {engine}.")

    def _sqlite_files(self) -> list[Path]:
        return [self.path.with_name(self.path.name + suffix) for suffix in ("", "-wal", "-shm")]

    def _postgres(self, statement: str) -> None:
        import psycopg
        from psycopg import sql

        with psycopg.connect(self.source_url, dbname="postgres", autocommit=True) as maintenance:
            maintenance.execute(
                sql.SQL(statement).format(name=sql.Identifier(POSTGRES_BENCH_DATABASE))
            )

    def create(self) -> None:
        if self.vendor == "sqlite":
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.drop()
        else:
            self.drop()
            self._postgres("CREATE DATABASE {name}")

    def drop(self) -> None:
        if self.vendor == "sqlite":
            for path in self._sqlite_files():
                path.unlink(missing_ok=True)
        else:
            self._postgres("DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    def describe(self) -> str:
        if self.vendor == "sqlite":
            return str(self.path)
        return f"PostgreSQL database {POSTGRES_BENCH_DATABASE}"


def _run_worker(*, scale: float, requests: int, database: _FreshDatabase) -> dict:
    json_out = Path(settings.VAR_DIR) / "bench" / f"worker-{scale:g}.json"
    json_out.parent.mkdir(parents=True, exist_ok=True)
    json_out.unlink(missing_ok=True)
    command = [
        sys.executable,
        "-m",
        "arloesi.cli",
        "bench",
        "--worker",
        "--scale",
        str(scale),
        "--requests",
        str(requests),
        "--json-out",
        str(json_out),
    ]
    env = {**os.environ, "DATABASE_URL": database.url}
    # The worker reports progress as it goes: show what was written here before it.
    sys.stdout.flush()
    sys.stderr.flush()
    # The command line is built here from numbers and paths, never from outside input.
    finished = subprocess.run(command, env=env, check=False)  # noqa: S603
    if finished.returncode != 0 or not json_out.exists():
        raise RuntimeError(f"The benchmark worker for scale {scale:g} failed.")
    result = json.loads(json_out.read_text(encoding="utf-8"))
    json_out.unlink()
    return result


def _check_budgets(by_scale: dict[str, dict]) -> tuple[dict[tuple[str, str], list[str]], list]:
    """Problems for each (page, scale), and every problem as a sentence."""
    problems: dict[tuple[str, str], list[str]] = {}
    failures = []
    labels = list(by_scale)
    for name in by_scale[labels[0]]["pages"]:
        first = by_scale[labels[0]]["pages"][name]["queries"]
        for label in labels:
            numbers = by_scale[label]["pages"][name]
            found = problems.setdefault((name, label), [])
            if numbers["status"] != 200:
                found.append(f"status {numbers['status']}")
                failures.append(f"{name} at scale {label} answered {numbers['status']}, not 200")
            if by_scale[label]["scale"] == P95_BUDGET_SCALE and numbers["p95_ms"] > P95_BUDGET_MS:
                found.append("p95")
                failures.append(
                    f"{name} at scale {label}: p95 {numbers['p95_ms']:.1f} ms is over the "
                    f"{P95_BUDGET_MS:g} ms budget"
                )
            if numbers["queries"] != first:
                found.append("queries")
                failures.append(
                    f"{name}: {numbers['queries']} queries at scale {label} but {first} at "
                    f"scale {labels[0]} (a query per row: N+1?)"
                )
    return problems, failures


def _table(by_scale: dict[str, dict], problems: dict[tuple[str, str], list[str]]) -> list[str]:
    header = (
        f"{'page':<24} {'scale':>5} {'p50 ms':>8} {'p95 ms':>8} {'queries':>7} "
        f"{'KB':>7} {'×baseline':>9}  budget"
    )
    lines = [header, "-" * len(header)]
    names = list(next(iter(by_scale.values()))["pages"])
    for name in names:
        for label, result in by_scale.items():
            numbers = result["pages"][name]
            found = problems[(name, label)]
            verdict = "OK" if not found else "FAIL (" + ", ".join(found) + ")"
            lines.append(
                f"{name:<24} {label:>5} {numbers['p50_ms']:>8.1f} {numbers['p95_ms']:>8.1f} "
                f"{numbers['queries']:>7} {numbers['bytes'] / 1024:>7.1f} "
                f"{numbers['x_baseline']:>9.1f}  {verdict}"
            )
    return lines


def results_path() -> Path:
    return Path(settings.REPO_DIR) / "bench" / "results.json"


def _write_results(path: Path, vendor: str, run: dict) -> None:
    """Keep the latest run for each database: an SQLite run leaves the PostgreSQL one alone."""
    try:
        existing = json.loads(path.read_text(encoding="utf-8"))
        databases = existing["databases"]
    except (OSError, ValueError, KeyError, TypeError):
        databases = {}
    databases[vendor] = run
    path.parent.mkdir(parents=True, exist_ok=True)
    document = {
        "about": "Latest `make bench` run on each database; see bench/README.md.",
        "databases": dict(sorted(databases.items())),
    }
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def run(
    scales=DEFAULT_SCALES,
    requests: int = DEFAULT_REQUESTS,
    database_url: str | None = None,
    *,
    keep_db: bool = False,
    results_file: Path | None = None,
    out: Callable[[str], None] = print,
) -> dict:
    """Measure every page at every scale; write the results; return them with ``failures``."""
    if database_url is None:
        database_url = os.environ.get("DATABASE_URL") or None
    scales = sorted(set(scales))
    # Other work on the machine slows the pages down: the load is kept with the results.
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    by_scale: dict[str, dict] = {}
    vendor = "sqlite"
    for scale in scales:
        database = _FreshDatabase(database_url, scale)
        vendor = database.vendor
        out(f"Scale {scale:g}: a fresh {database.describe()}")
        database.create()
        try:
            by_scale[_scale_label(scale)] = _run_worker(
                scale=scale, requests=requests, database=database
            )
        finally:
            if not keep_db:
                database.drop()

    problems, failures = _check_budgets(by_scale)
    out("")
    for line in _table(by_scale, problems):
        out(line)
    first = next(iter(by_scale.values()))
    report = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpu_count": os.cpu_count(),
            "platform": platform.platform(),
            "python": platform.python_version(),
            "django": django.get_version(),
            "db_vendor": first["database"]["vendor"],
            "db_version": first["database"]["version"],
            "load_average_before": load_before,
        },
        "requests_per_page": requests,
        "warm_up_requests": WARM_UP_REQUESTS,
        "budgets": {
            "p95_ms": P95_BUDGET_MS,
            "p95_at_scale": P95_BUDGET_SCALE,
            "queries": "identical at every scale",
            "status": 200,
        },
        "scales": {
            label: {
                "generated": {
                    name: generated["counts"] for name, generated in result["generated"].items()
                },
                "pages": {
                    name: {**numbers, "budget_ok": not problems[(name, label)]}
                    for name, numbers in result["pages"].items()
                },
            }
            for label, result in by_scale.items()
        },
        "passed": not failures,
        "failures": failures,
    }
    path = results_file or results_path()
    _write_results(path, vendor, report)
    out("")
    if failures:
        out("Budget FAILED:")
        for failure in failures:
            out(f"  - {failure}")
    else:
        out(
            f"Budgets met: every page p95 ≤ {P95_BUDGET_MS:g} ms at scale "
            f"{P95_BUDGET_SCALE:g}, and the same number of queries at every scale."
        )
    out(f"Results written to {path}")
    return report
