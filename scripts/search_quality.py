"""Precision at 5 and recall at 10 of finding learning on the labelled corpus (200 documents,
20 queries in English and Welsh), on SQLite and, when one answers, on PostgreSQL; the two must
be within 0.05 of each other (ADR 0009).

Usage: python scripts/search_quality.py [POSTGRES_URL]
       (default $POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/arloesi)
"""

import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TEST = "arloesi/learning/tests/test_finding.py::test_search_quality_on_the_labelled_corpus"
FIGURES = re.compile(r"^(sqlite|postgresql): P@5 ([0-9.]+) R@10 ([0-9.]+)", re.MULTILINE)


def measure(database_url: str | None) -> tuple[str, float, float] | None:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("DATABASE_URL", None)
    if database_url:
        env["DATABASE_URL"] = database_url
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", TEST]
    finished = subprocess.run(  # noqa: S603  (our own test, our own interpreter)
        command, cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    print(finished.stdout.split("\n.")[0].strip())
    found = FIGURES.search(finished.stdout)
    return (found[1], float(found[2]), float(found[3])) if found else None


def main() -> int:
    postgres = (
        sys.argv[1]
        if len(sys.argv) > 1
        else os.environ.get("POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/arloesi")
    )
    results = [r for r in (measure(None), measure(postgres)) if r is not None]
    if len(results) == 2:
        (_, p1, r1), (_, p2, r2) = results
        print(f"difference: P@5 {abs(p1 - p2):.3f}  R@10 {abs(r1 - r2):.3f}  (at most 0.05)")
        return 0 if abs(p1 - p2) <= 0.05 and abs(r1 - r2) <= 0.05 else 1
    return 0 if results else 1


if __name__ == "__main__":
    sys.exit(main())
