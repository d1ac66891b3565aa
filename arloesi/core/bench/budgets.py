"""The budgets every timed page is held to (bench/README.md has the same table).

- **speed**: the 95th percentile of a page's timed requests, at the scales below, on each
  database. SQLite is in-process and has no network round trips, so it is held to less;
  ten times all of Wales is a stress test for PostgreSQL, the production database.
- **queries**: the same number of SQL queries at every scale measured (no N+1);
- **status**: every page answers 200;
- **writes**: a write registered with its own budget in seconds (the API's bulk upload) takes
  no longer, at the scales that have a speed budget.

At a scale without a row here (e.g. 0.1) only the queries and the status are checked. A page
registered with its own ``budget_ms`` (a PDF to save) is held to that instead, at the scales that
have a budget.
"""

# (database vendor, scale) -> the p95 budget in milliseconds.
P95_BUDGETS_MS: dict[tuple[str, float], float] = {
    ("sqlite", 1.0): 30.0,
    ("postgresql", 1.0): 50.0,
    ("postgresql", 10.0): 100.0,
}


def p95_budget(vendor: str, scale: float) -> float | None:
    return P95_BUDGETS_MS.get((vendor, float(scale)))


def describe() -> dict:
    """The budgets as written into results.json."""
    return {
        "p95_ms": [
            {"database": vendor, "scale": scale, "p95_ms": budget}
            for (vendor, scale), budget in P95_BUDGETS_MS.items()
        ],
        "queries": "identical at every scale",
        "status": 200,
    }


def check(by_scale: dict[str, dict]) -> tuple[dict[tuple[str, str], list[str]], list[str]]:
    """Problems for each (page, scale label), and every problem as a sentence."""
    problems: dict[tuple[str, str], list[str]] = {}
    failures = []
    labels = list(by_scale)
    for name in by_scale[labels[0]]["pages"]:
        first = by_scale[labels[0]]["pages"][name]["queries"]
        for label in labels:
            result = by_scale[label]
            numbers = result["pages"][name]
            found = problems.setdefault((name, label), [])
            if numbers["status"] != 200:
                found.append(f"status {numbers['status']}")
                failures.append(f"{name} at scale {label} answered {numbers['status']}, not 200")
            budget = p95_budget(result["database"]["vendor"], result["scale"])
            if budget is not None and numbers.get("budget_ms"):
                budget = numbers["budget_ms"]  # a file to save (a PDF) with its own budget
            if budget is not None and numbers["p95_ms"] > budget:
                found.append("p95")
                failures.append(
                    f"{name} at scale {label}: p95 {numbers['p95_ms']:.1f} ms is over the "
                    f"{budget:g} ms budget on {result['database']['vendor']}"
                )
            if numbers["queries"] != first:
                found.append("queries")
                failures.append(
                    f"{name}: {numbers['queries']} queries at scale {label} but {first} at "
                    f"scale {labels[0]} (a query per row: N+1?)"
                )
    failures.extend(_writes_over(by_scale))
    return problems, failures


def _writes_over(by_scale: dict[str, dict]) -> list[str]:
    over = []
    for label, result in by_scale.items():
        if p95_budget(result["database"]["vendor"], result["scale"]) is None:
            continue
        for name, numbers in result.get("writes", {}).items():
            if numbers["seconds"] > numbers["budget_s"]:
                over.append(
                    f"{name} at scale {label}: {numbers['seconds']:.2f} s is over its "
                    f"{numbers['budget_s']:g} s budget on {result['database']['vendor']}"
                )
    return over
