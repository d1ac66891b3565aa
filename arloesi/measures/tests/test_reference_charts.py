"""scripts/reference_charts.py draws a reference case as SVG and PNG, with the case's centre
line in the chart's description."""

import importlib.util
import json
from pathlib import Path

from arloesi.measures.wording import figure

SCRIPT = Path(__file__).resolve().parents[3] / "scripts" / "reference_charts.py"


def _script():
    spec = importlib.util.spec_from_file_location("reference_charts", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_two_cases_are_drawn_with_their_centre_lines(tmp_path):
    script = _script()
    for name in ("ptd_vignette_deviations_screen_default", "qic_cdi_c_part24"):
        path = script.CASES / f"{name}.json"
        svg = script.draw_case(path, tmp_path).read_text()
        assert svg.startswith("<?xml") and 'class="spc-centre"' in svg
        assert (tmp_path / f"{name}.png").read_bytes().startswith(b"\x89PNG")
        for point in json.loads(path.read_text())["expect"]["points"]:
            assert f"centre {figure(point['centre'])}," in svg
