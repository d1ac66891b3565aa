"""The parent of ``arloesi bench``: a fresh database for each scale, a worker process to fill
and time it, then the budgets, the table and ``bench/results.json``."""

import json
import os
import platform
import subprocess
import sys
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url
import django
from django.conf import settings

from arloesi.core.bench import budgets
from arloesi.core.bench.budgets import p95_budget
from arloesi.core.bench.worker import POSTGRES_BENCH_DATABASE, SQLITE_PREFIX, WARM_UP_REQUESTS

DEFAULT_SCALES = (0.1, 1.0)
DEFAULT_REQUESTS = 50


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


def _table(by_scale: dict[str, dict], problems: dict[tuple[str, str], list[str]]) -> list[str]:
    header = (
        f"{'page':<24} {'scale':>5} {'p50 ms':>8} {'p95 ms':>8} {'budget':>7} {'queries':>7} "
        f"{'KB':>7} {'×baseline':>9}  verdict"
    )
    lines = [header, "-" * len(header)]
    names = list(next(iter(by_scale.values()))["pages"])
    for name in names:
        for label, result in by_scale.items():
            numbers = result["pages"][name]
            found = problems[(name, label)]
            verdict = "OK" if not found else "FAIL (" + ", ".join(found) + ")"
            budget = p95_budget(result["database"]["vendor"], result["scale"])
            limit = f"{budget:g}" if budget is not None else "–"
            lines.append(
                f"{name:<24} {label:>5} {numbers['p50_ms']:>8.1f} {numbers['p95_ms']:>8.1f} "
                f"{limit:>7} {numbers['queries']:>7} {numbers['bytes'] / 1024:>7.1f} "
                f"{numbers['x_baseline']:>9.1f}  {verdict}"
            )
    for label, result in by_scale.items():
        for name, numbers in result.get("writes", {}).items():
            verdict = "OK" if numbers["seconds"] <= numbers["budget_s"] else "over budget"
            lines.append(
                f"{name} at scale {label}: {numbers['seconds']:.2f} s "
                f"(budget {numbers['budget_s']:g} s)  {verdict}"
            )
    return lines


def _load_average() -> float | None:
    return round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None


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
    load_before = _load_average()
    by_scale: dict[str, dict] = {}
    vendor = "sqlite"
    for scale in scales:
        database = _FreshDatabase(database_url, scale)
        vendor = database.vendor
        out(f"Scale {scale:g}: a fresh {database.describe()}")
        database.create()
        load = _load_average()
        try:
            by_scale[_scale_label(scale)] = _run_worker(
                scale=scale, requests=requests, database=database
            )
            by_scale[_scale_label(scale)]["load_average_before"] = load
        finally:
            if not keep_db:
                database.drop()

    problems, failures = budgets.check(by_scale)
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
            "load_average_after": _load_average(),
        },
        "requests_per_page": requests,
        "warm_up_requests": WARM_UP_REQUESTS,
        "budgets": budgets.describe(),
        "scales": {
            label: {
                "generated": {
                    name: generated["counts"] for name, generated in result["generated"].items()
                },
                "generation_seconds": {
                    name: generated["seconds"] for name, generated in result["generated"].items()
                },
                "load_average_before": result["load_average_before"],
                "p95_budget_ms": p95_budget(result["database"]["vendor"], result["scale"]),
                "pages": {
                    name: {**numbers, "budget_ok": not problems[(name, label)]}
                    for name, numbers in result["pages"].items()
                },
                "writes": result.get("writes", {}),
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
        checked = [
            f"≤ {p95_budget(vendor, result['scale']):g} ms at scale {label}"
            for label, result in by_scale.items()
            if p95_budget(vendor, result["scale"]) is not None
        ]
        speed = f"every page p95 {', '.join(checked)}, and " if checked else ""
        out(f"Budgets met on {vendor}: {speed}the same number of queries at every scale.")
    out(f"Results written to {path}")
    return report
