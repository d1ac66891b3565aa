"""Draw the SPC engine's reference cases with our own chart code, to set beside the pictures
NHSRplotthedots and qicharts2 publish of the same data (docs/charts-compared.md).

    PYTHONPATH=$PWD ARLOESI_DEMO=1 .venv/bin/python scripts/reference_charts.py OUTDIR [CASE ...]

Writes OUTDIR/<case>.svg and OUTDIR/<case>.png (as the measure page's PNG download makes it) for
every case in arloesi/measures/tests/reference_cases, or for the CASEs named (file stems). Points
are labelled by their index: the cases carry no dates.
"""

import json
import os
import sys
from pathlib import Path
from types import SimpleNamespace

CASES = Path(__file__).resolve().parent.parent / "arloesi/measures/tests/reference_cases"


def _description(source: str, result) -> str:
    """The case's source and each phase's centre line and limits, as the page's table writes
    them."""
    from arloesi.measures.wording import figure

    phases = [
        f"Phase {p.phase}: centre {figure(p.centre)}, limits {figure(p.lower)} to "
        f"{figure(p.upper)}."
        for p in result.phases
    ]
    return " ".join([source, *phases])


def draw_case(path: Path, out: Path, *, png: bool = True) -> Path:
    """Compute one case, write its SVG (and PNG) into ``out``; the SVG's path."""
    from arloesi.measures import chart, rendering, spc
    from arloesi.measures.selectors.charts import plot_of, words_of

    case = json.loads(path.read_text())
    result = spc.compute(spc.parse(case["request"]))
    every = chart.label_every(len(result.points))
    labels = [str(p.index) if (p.index - 1) % every == 0 else "" for p in result.points]
    mdc = result.method == "mdc"
    view = SimpleNamespace(
        plot=plot_of(result, labels, mdc=mdc, target=case["request"].get("target")),
        words=words_of(
            path.stem,
            _description(case["source"], result),
            mdc=mdc,
            median=result.chart == "run",
        ),
    )
    svg_path = out / f"{path.stem}.svg"
    svg_path.write_bytes(rendering.render(view, file_format="svg"))
    if png:
        (out / f"{path.stem}.png").write_bytes(rendering.render(view, file_format="png"))
    return svg_path


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit(__doc__)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "arloesi.settings")
    import django

    django.setup()
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    paths = [CASES / f"{name}.json" for name in argv[1:]] or sorted(CASES.glob("*.json"))
    for path in paths:
        if "error" in json.loads(path.read_text()).get("expect", {}):
            continue  # a request the engine refuses: nothing to draw
        print(draw_case(path, out))


if __name__ == "__main__":
    main(sys.argv[1:])
