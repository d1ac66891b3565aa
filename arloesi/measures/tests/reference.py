"""Reading a reference case (``reference_cases/*.json``) against a response, as the cases'
reference.md §6 says: numbers within the case's tolerance, nulls null, signals as sets, the
phases matched on their number. ``problems(case, response)`` lists every difference in words."""

import json
from pathlib import Path

CASES_DIR = Path(__file__).resolve().parent / "reference_cases"
POINT_FIELDS = (
    "index",
    "value",
    "centre",
    "lower",
    "upper",
    "lower_2sigma",
    "upper_2sigma",
    "phase",
    "special_cause",
)


def cases() -> list[dict]:
    return [json.loads(path.read_text()) for path in sorted(CASES_DIR.glob("*.json"))]


def problems(case: dict, response: dict) -> list[str]:
    expect, tolerance = case["expect"], case.get("tolerance", {})
    rel, absolute = tolerance.get("rel", 1e-9), tolerance.get("abs", 1e-12)
    found: list[str] = []

    def same(where: str, got, wanted) -> None:
        if wanted is None or isinstance(wanted, bool | str) or got is None:
            if got != wanted or isinstance(got, bool) != isinstance(wanted, bool):
                found.append(f"{where}: got {got!r}, expected {wanted!r}")
            return
        if (
            isinstance(got, bool)
            or not isinstance(got, int | float)
            or abs(got - wanted) > max(absolute, rel * abs(wanted))
        ):
            found.append(f"{where}: got {got!r}, expected {wanted!r}")

    if expect.get("error"):
        if set(response) != {"error"} or not isinstance(response["error"], str):
            found.append(f"expected an error, got {sorted(response)}")
        return found
    if "error" in response:
        return [f"unexpected error: {response['error']}"]
    points = response["points"]
    if "n_points" in expect:
        same("n_points", len(points), expect["n_points"])
    for k, wanted in enumerate(expect.get("points", [])):
        if k >= len(points):
            found.append(f"point {k + 1} missing")
            continue
        got = points[k]
        for name in POINT_FIELDS:
            if name in wanted:
                same(f"point {k + 1} {name}", got[name], wanted[name])
        if wanted.get("value") is not None:
            for name in ("baseline", "included"):
                if name in wanted:
                    same(f"point {k + 1} {name}", got[name], wanted[name])
        signals = set(got["signals"])
        if "signals" in wanted:
            optional = set(wanted.get("signals_optional", []))
            if signals - optional != set(wanted["signals"]) - optional:
                found.append(f"point {k + 1} signals {sorted(signals)} != {wanted['signals']}")
        for name in wanted.get("signals_include", []):
            if name not in signals:
                found.append(f"point {k + 1} lacks signal {name}")
        for name in wanted.get("signals_exclude", []):
            if name in signals:
                found.append(f"point {k + 1} has signal {name}")
    if "phases" in expect:
        by_number = {phase["phase"]: phase for phase in response["phases"]}
        same("number of phases", len(response["phases"]), len(expect["phases"]))
        for wanted in expect["phases"]:
            got = by_number.get(wanted["phase"])
            if got is None:
                found.append(f"phase {wanted['phase']} missing")
                continue
            for name, value in wanted.items():
                same(f"phase {wanted['phase']} {name}", got.get(name), value)
    for name in ("variation", "assurance"):
        if name in expect:
            same(name, response[name], expect[name])
    for code in expect.get("warnings_include", []):
        if code not in response["warnings"]:
            found.append(f"warning {code} missing")
    for code in expect.get("warnings_exclude", []):
        if code in response["warnings"]:
            found.append(f"warning {code} present")
    for signal, indices in expect.get("flagged", {}).items():
        got = [p["index"] for p in points if signal in p["signals"]]
        if got != sorted(indices):
            found.append(f"{signal} flagged {got}, expected {sorted(indices)}")
    for signal, count in expect.get("signal_counts", {}).items():
        got = sum(signal in p["signals"] for p in points)
        if got != count:
            found.append(f"{signal} on {got} points, expected {count}")
    return found
