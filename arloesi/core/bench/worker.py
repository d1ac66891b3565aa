"""The worker: one scale, one fresh database, in its own process (``arloesi bench --worker``).

It migrates the database ``DATABASE_URL`` names, fills it with every generator, times every page
through Django's test client and writes its numbers as JSON for the parent (``runner``).
"""

import gc
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.conf import settings

from arloesi.core.bench.registry import (
    BASELINE,
    SEED,
    BenchContext,
    Page,
    discover,
    generators,
    page_headers,
    page_target,
    pages,
    writes,
)

WARM_UP_REQUESTS = 5
# A file to save with its own budget (a PDF) is timed this many times at most.
DOWNLOAD_REQUESTS = 20
POSTGRES_BENCH_DATABASE = "arloesi_bench"
SQLITE_PREFIX = "bench-"
# The site's URLs plus the baseline page, which production does not serve.
URLCONF = "arloesi.core.bench.urls"


def _percentile(samples: list[float], percent: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[percent - 1]


def time_page(page: Page, context: BenchContext, requests: int) -> dict[str, Any]:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    url, user = page_target(page, context)
    headers = page_headers(page, context)
    client = Client(**headers)
    if user is not None:
        client.force_login(user)
    if page.budget_ms is not None:
        requests = min(requests, DOWNLOAD_REQUESTS)
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
        "budget_ms": page.budget_ms,
    }


def is_bench_database(database: dict) -> bool:
    name = str(database.get("NAME", ""))
    if database["ENGINE"] == "django.db.backends.sqlite3":
        return Path(name).name.startswith(SQLITE_PREFIX)
    return name == POSTGRES_BENCH_DATABASE


def use_bench_urls() -> None:
    """Serve the site with the baseline page added (see ``bench.urls``)."""
    from django.urls import clear_url_caches, set_urlconf

    settings.ROOT_URLCONF = URLCONF
    set_urlconf(None)
    clear_url_caches()


def worker(*, scale: float, requests: int, json_out: Path, log: Callable[[str], None]) -> None:
    """Migrate the (fresh) default database, fill it at ``scale``, time every page."""
    from django.contrib.auth import hashers
    from django.core.management import call_command
    from django.db import connection

    if not is_bench_database(settings.DATABASES["default"]):
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
    use_bench_urls()

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
        generated[generator.name] = {
            "counts": context.counts[generator.name],
            "seconds": round(seconds, 1),
        }
        counts = ", ".join(f"{n} {what}" for what, n in context.counts[generator.name].items())
        log(f"  scale {scale:g}: {generator.name}: {counts} ({seconds:.1f} s)")

    if connection.vendor == "postgresql":
        # A server in use has table statistics (autovacuum); a new database has none, and
        # PostgreSQL would plan every query as if the tables were empty.
        began = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        log(f"  scale {scale:g}: analysed in {time.perf_counter() - began:.1f} s")

    measured = {}
    for page in pages():
        measured[page.name] = time_page(page, context, requests)
        log(
            f"  scale {scale:g}: {page.name}: p95 {measured[page.name]['p95_ms']:.1f} ms, "
            f"{measured[page.name]['queries']} queries"
        )
    baseline_p50 = measured[BASELINE]["p50_ms"] or 1e-9
    for numbers in measured.values():
        numbers["x_baseline"] = round(numbers["p50_ms"] / baseline_p50, 2)

    timed_writes = {}
    for write in writes():
        numbers = write.run(context)
        timed_writes[write.name] = {**numbers, "budget_s": write.budget_s}
        log(f"  scale {scale:g}: {write.name}: {numbers['seconds']:.2f} s")

    result = {
        "scale": scale,
        "requests": requests,
        "database": {
            "vendor": connection.vendor,
            "version": ".".join(str(part) for part in connection.get_database_version()),
        },
        "generated": generated,
        "pages": measured,
        "writes": timed_writes,
    }
    json_out.write_text(json.dumps(result, indent=2), encoding="utf-8")
