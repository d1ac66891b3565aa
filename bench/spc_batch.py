"""``arloesi spc`` on a batch of 10,000 requests of 60 points each, timed end to end.

    .venv/bin/python bench/spc_batch.py            # the batch, through the command line
    .venv/bin/python bench/spc_batch.py --count N  # another batch size

Makes the batch from a fixed seed — a mix of every chart and rule set, with missing values,
phases, baselines and excluded points, as a real batch of measures would have — writes it to a
temporary file, runs ``python -m arloesi.cli spc FILE`` (reading, computing and printing the
JSON all included, Django's start too), checks the answer and prints the wall-clock time, the CPU
time (which other work on a busy machine does not inflate) and the load. Exits 1 over the budget
of 10 s of wall-clock time.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BUDGET_SECONDS = 10.0
POINTS = 60
KINDS = [
    ("xmr", "mdc"),
    ("xmr", "anhoej"),
    ("run", "anhoej"),
    ("run", "ihi"),
    ("mr", "anhoej"),
    ("p", "anhoej"),
    ("pp", "anhoej"),
    ("u", "anhoej"),
    ("up", "anhoej"),
    ("c", "anhoej"),
]


def request(rng: random.Random, number: int) -> dict:
    chart, method = KINDS[number % len(KINDS)]
    level = rng.uniform(20, 80)
    shift = rng.choice([0, 0, 5, -5])
    counts = [max(0, round(rng.gauss(level + (shift if k > 40 else 0), 6))) for k in range(POINTS)]
    out: dict = {"chart": chart, "method": method}
    if chart in ("p", "pp", "u", "up"):
        denominators = [c + rng.randint(50, 150) for c in counts]
        out["denominators"] = denominators
        out["multiply"] = 100
    values: list = [float(c) for c in counts]
    for k in rng.sample(range(POINTS), 2):
        values[k] = None
        if "denominators" in out:
            out["denominators"][k] = None
    out["values"] = values
    if number % 3 == 0:
        out["phase_starts"] = [31]
    elif number % 3 == 1:
        out["baseline_points"] = 20
    if method == "mdc":
        out["improvement_direction"] = rng.choice(["increase", "decrease", "neutral"])
        out["target"] = level
    if method == "anhoej" and number % 5 == 0:
        out["exclude"] = [7]
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10_000)
    count = parser.parse_args().count
    rng = random.Random(20251)
    batch = [request(rng, k) for k in range(count)]
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump(batch, handle)
    env = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "ARLOESI_DEMO")}
    env["PYTHONPATH"] = str(ROOT)
    try:
        cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
        started = time.perf_counter()
        done = subprocess.run(  # noqa: S603 (our own interpreter and a file we wrote)
            [sys.executable, "-m", "arloesi.cli", "spc", handle.name],
            capture_output=True,
            env=env,
            check=False,
        )
        elapsed = time.perf_counter() - started
        cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (
            cpu_after.ru_stime - cpu_before.ru_stime
        )
    finally:
        Path(handle.name).unlink()
    if done.returncode:
        print(done.stderr.decode(), file=sys.stderr)
        return 1
    responses = json.loads(done.stdout)
    errors = sum("error" in r for r in responses)
    points = sum(len(r.get("points", ())) for r in responses)
    print(
        f"{count} requests, {points} points: {elapsed:.2f} s wall clock, {cpu:.2f} s of CPU "
        f"({elapsed / count * 1000:.3f} ms a request), {errors} errors; budget {BUDGET_SECONDS} s; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    return 0 if elapsed <= BUDGET_SECONDS and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
