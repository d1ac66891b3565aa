"""Driver diagram layout against Graphviz dot: crossings and time, on the same graphs.

    .venv/bin/python bench/diagram_layout.py            # the benchmark: 29 diagrams
    .venv/bin/python bench/diagram_layout.py --extra    # 110 more, never used for tuning

Generates (from fixed seeds) 20 realistic driver diagrams — 1 aim, 2–5 primary drivers,
4–15 secondary drivers, 6–40 change ideas, many-to-many — and 3 each of 100, 300 and 1,000
nodes; lays each out with ``arloesi.diagrams.layout`` and with ``dot`` (rankdir=LR, one
``rank=same`` group per column); reads dot's order in each column from its output and counts
the crossings of both with the same function (``crossings.column_crossings``, FORMAT.md's
definition); prints a table, then one line per class, and exits 1 if ours has more crossings
than dot on any diagram or takes longer on average in any class. See bench/README.md for what
each time includes.

Graphviz is needed only here (``apt-get install graphviz``), not by Arloesi or its tests.
"""

import os
import random
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from arloesi.diagrams.layout import LayoutLink, LayoutNode, layout  # noqa: E402
from arloesi.diagrams.layout.crossings import column_crossings  # noqa: E402

REALISTIC_SEEDS = range(1, 21)
LARGE = [(size, 100 + size + k) for size in (100, 300, 1000) for k in range(3)]
# --extra: other seeds, and the sizes in between.
EXTRA_REALISTIC_SEEDS = range(21, 101)
EXTRA_MIDDLE = [(size, 500 + k) for size in (70, 100, 150) for k in range(10)]
# Words for the boxes' text, so the layout measures and wraps text as it would for real.
WORDS = (  # noqa: SIM905 (easier to read as a sentence)
    "care plan home staff review weekly clinic cluster pharmacy patients falls frailty access "
    "advice training nurse records referral same-day urgent community team carers screening "
    "medicines appointments pathway practice digital outcomes waiting list triage"
).split()


@dataclass
class Diagram:
    name: str
    nodes: list[LayoutNode]
    links: list[LayoutLink]


def generate(name: str, seed: int, size: int | None) -> Diagram:
    """A shuffled diagram: every secondary driver and change idea has a "home" parent, some
    have one or two more (mostly near home, sometimes anywhere), and a few links skip a
    column (a change idea linked straight to a primary driver, a secondary one to the aim)."""
    rng = random.Random(seed)
    if size is None:
        primaries, secondaries, ideas = rng.randint(2, 5), rng.randint(4, 15), rng.randint(6, 40)
    else:
        primaries, secondaries = max(2, round(size * 0.05)), max(4, round(size * 0.25))
        ideas = size - 1 - primaries - secondaries
    columns = [["aim"], [f"p{i}" for i in range(primaries)]]
    columns += [[f"s{i}" for i in range(secondaries)], [f"c{i}" for i in range(ideas)]]
    links = {("aim", p) for p in columns[1]}

    def parents(i: int, count: int, total: int, extra_weights: list[int]) -> set[int]:
        home = min(total - 1, i * total // count)
        chosen = {home}
        for _ in range(rng.choices([0, 1, 2], weights=extra_weights)[0]):
            if rng.random() < 0.7:
                chosen.add(max(0, min(total - 1, home + rng.randint(-2, 2))))
            else:
                chosen.add(rng.randrange(total))
        return chosen

    for i in range(secondaries):
        for p in parents(i, secondaries, primaries, [55, 30, 15]):
            links.add((f"p{p}", f"s{i}"))
    for i in range(ideas):
        for s in parents(i, ideas, secondaries, [70, 25, 5]):
            links.add((f"s{s}", f"c{i}"))
        if rng.random() < 0.05:
            links.add((f"p{rng.randrange(primaries)}", f"c{i}"))
    for i in range(secondaries):
        if rng.random() < 0.03:
            links.add(("aim", f"s{i}"))
    nodes = [
        LayoutNode(node_id, column, " ".join(rng.choices(WORDS, k=rng.randint(3, 10))).capitalize())
        for column, ids in enumerate(columns)
        for node_id in ids
    ]
    rng.shuffle(nodes)
    ordered = sorted(links)
    rng.shuffle(ordered)
    return Diagram(name, nodes, [LayoutLink(a, b) for a, b in ordered])


def dot_source(diagram: Diagram) -> str:
    lines = ["digraph driver_diagram {", "rankdir=LR;", "node [shape=box];"]
    for column in range(4):
        ids = " ".join(f'"{n.id}";' for n in diagram.nodes if n.column == column)
        lines.append(f"{{ rank=same; {ids} }}")
    for node in diagram.nodes:
        label = node.text.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'"{node.id}" [label="{label}"];')
    lines += [f'"{link.source}" -> "{link.target}";' for link in diagram.links]
    lines.append("}")
    return "\n".join(lines)


def run_dot(diagram: Diagram, dot: str) -> tuple[list[list[str]], float]:
    """dot's order in each column (top first) and the wall time of the dot call."""
    source = dot_source(diagram)
    started = time.perf_counter()
    completed = subprocess.run(  # noqa: S603 (dot found by shutil.which, our own input)
        [dot, "-Tplain"], input=source, capture_output=True, text=True, check=True
    )
    elapsed = (time.perf_counter() - started) * 1000
    height = {}
    for line in completed.stdout.splitlines():
        parts = line.split()
        if parts and parts[0] == "node":
            height[parts[1].strip('"')] = float(parts[3])
    columns = [
        sorted((n.id for n in diagram.nodes if n.column == column), key=lambda i: -height[i])
        for column in range(4)
    ]
    return columns, elapsed


def run_ours(diagram: Diagram) -> tuple[list[list[str]], float, int]:
    started = time.perf_counter()
    result = layout(diagram.nodes, diagram.links)
    elapsed = (time.perf_counter() - started) * 1000
    centre = {b.id: b.y + b.height / 2 for b in result.boxes}
    columns = [
        sorted((n.id for n in diagram.nodes if n.column == column), key=centre.__getitem__)
        for column in range(4)
    ]
    return columns, elapsed, result.crossings


def main() -> int:
    dot = shutil.which("dot")
    if dot is None:
        print("Graphviz's dot is needed for this comparison: apt-get install graphviz")
        return 2
    if "--extra" in sys.argv[1:]:
        diagrams = [generate(f"realistic-{seed:02d}", seed, None) for seed in EXTRA_REALISTIC_SEEDS]
        diagrams += [generate(f"middle-{size}-{seed}", seed, size) for size, seed in EXTRA_MIDDLE]
    else:
        diagrams = [generate(f"realistic-{seed:02d}", seed, None) for seed in REALISTIC_SEEDS]
        diagrams += [generate(f"large-{size}-{seed}", seed, size) for size, seed in LARGE]
    load = os.getloadavg()[0]
    run_ours(generate("warm-up", 0, None))  # imports and first-call costs out of the timings
    header = f"{'diagram':<20}{'nodes':>6}{'links':>7}{'crossings ours':>16}{'dot':>8}"
    header += f"{'ms ours':>10}{'dot':>9}"
    print(f"Load average before the run: {load:.2f}")
    print(header)
    print("-" * len(header))
    totals = [0, 0, 0.0, 0.0]
    worse = []
    classes: dict[str, list[float]] = {}
    slower = 0
    for diagram in diagrams:
        links = [(k.source, k.target) for k in diagram.links]
        ours_columns, ours_ms, reported = run_ours(diagram)
        dot_columns, dot_ms = run_dot(diagram, dot)
        ours = column_crossings(ours_columns, links)
        theirs = column_crossings(dot_columns, links)
        assert ours == reported, "the layout's own count differs from the bench's"
        totals = [totals[0] + ours, totals[1] + theirs, totals[2] + ours_ms, totals[3] + dot_ms]
        kind = diagram.name.rsplit("-", 1)[0]
        kind = kind.split("-", 1)[1] + " nodes" if "-" in kind else kind
        row = classes.setdefault(kind, [0, 0, 0, 0.0, 0.0, 0.0, 0])
        for k, value in enumerate((1, ours, theirs, ours_ms, dot_ms)):
            row[k] += value
        row[5] = max(row[5], ours_ms)
        row[6] += ours_ms > dot_ms
        slower += ours_ms > dot_ms
        flag = "  MORE CROSSINGS" if ours > theirs else ""
        if ours > theirs:
            worse.append(diagram.name)
        print(
            f"{diagram.name:<20}{len(diagram.nodes):>6}{len(diagram.links):>7}{ours:>16}"
            f"{theirs:>8}{ours_ms:>10.1f}{dot_ms:>9.1f}{flag}"
        )
    print("-" * len(header))
    print(f"{'total':<33}{totals[0]:>16}{totals[1]:>8}{totals[2]:>10.1f}{totals[3]:>9.1f}")
    print()
    print(f"{'class':<14}{'n':>4}{'crossings ours':>16}{'dot':>8}{'ms ours (max)':>16}{'dot':>7}")
    for kind, (n, ours, theirs, ms, dms, most, _slow) in classes.items():
        print(f"{kind:<14}{n:>4}{ours:>16}{theirs:>8}{ms / n:>9.1f} ({most:>4.1f}){dms / n:>7.1f}")
    print(f"ours slower than dot on {slower} of {len(diagrams)} diagrams")
    failed = False
    if worse:
        print(f"FAIL: more crossings than dot on {', '.join(worse)}")
        failed = True
    if any(ms > dms for _n, _o, _t, ms, dms, _m, _s in classes.values()):
        print("FAIL: slower than dot on average in a class")
        failed = True
    if not failed:
        print(
            f"OK: never more crossings than dot ({totals[0]} against {totals[1]} in all), "
            f"{totals[3] / max(totals[2], 1e-9):.1f} times as fast overall"
        )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
