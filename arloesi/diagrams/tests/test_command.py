"""``arloesi diagram layout|render``, as FORMAT.md specifies it."""

import io
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest
from django.core.management import CommandError, call_command

from arloesi.diagrams.tests.factories import CARE_HOMES, diagram, write

BACKWARDS = diagram(
    [("aim", "aim", "Fewer falls"), ("p", "primary", "Strength and balance")], [("p", "aim")]
)


def run(*args) -> str:
    out = io.StringIO()
    call_command("diagram", *args, stdout=out)
    return out.getvalue()


def test_layout_prints_the_layout_as_json_and_nothing_else(tmp_path):
    printed = json.loads(run("layout", str(write(tmp_path, CARE_HOMES))))
    assert set(printed) == {"nodes", "edges", "crossings", "elapsed_ms"}
    assert [n["id"] for n in printed["nodes"]] == [n["id"] for n in CARE_HOMES["nodes"]]
    assert len(printed["edges"]) == len(CARE_HOMES["links"])
    assert printed["crossings"] == 0
    assert printed["elapsed_ms"] >= 0


@pytest.mark.parametrize(
    ("suffix", "start"), [(".svg", b"<?xml"), (".pdf", b"%PDF"), (".png", b"\x89PNG")]
)
def test_render_draws_the_diagram_to_svg_pdf_or_png(tmp_path, suffix, start):
    output = tmp_path / f"diagram{suffix}"
    run("render", str(write(tmp_path, CARE_HOMES)), "-o", str(output))
    content = output.read_bytes()
    assert content.startswith(start)
    if suffix == ".svg":
        root = ET.fromstring(content)
        assert root.find("{http://www.w3.org/2000/svg}title").text == CARE_HOMES["title"]


def test_a_document_that_breaks_a_rule_is_refused_with_status_2_naming_the_link(tmp_path):
    with pytest.raises(CommandError, match="p → aim") as caught:
        run("layout", str(write(tmp_path, BACKWARDS)))
    assert caught.value.returncode == 2


@pytest.mark.parametrize(
    "args",
    [
        ["layout", "missing.json"],
        ["render", "{file}", "-o", "diagram.gif"],
    ],
)
def test_a_missing_file_or_an_unknown_output_format_is_refused_with_status_2(tmp_path, args):
    path = write(tmp_path, CARE_HOMES)
    with pytest.raises(CommandError) as caught:
        run(*[str(tmp_path / a) if a == "missing.json" else a.format(file=path) for a in args])
    assert caught.value.returncode == 2


def test_from_the_command_line_a_refusal_exits_2_with_the_reason_on_stderr_only(tmp_path):
    command = [sys.executable, "-m", "arloesi.cli", "diagram", "layout"]
    # As on any machine: no secret key, no demo mode, no database settings.
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "ARLOESI_DEMO", "DEBUG", "DATABASE_URL", "PYTEST_VERSION")
    }
    refused = subprocess.run(
        [*command, str(write(tmp_path, BACKWARDS))], capture_output=True, text=True, env=env
    )
    assert refused.returncode == 2
    assert refused.stdout == ""
    assert "p → aim" in refused.stderr and "runs backwards" in refused.stderr

    laid_out = subprocess.run(
        [*command, str(write(tmp_path, CARE_HOMES, "good.json"))],
        capture_output=True,
        text=True,
        env=env,
    )
    assert laid_out.returncode == 0
    assert set(json.loads(laid_out.stdout)) == {"nodes", "edges", "crossings", "elapsed_ms"}


def test_render_can_draw_the_headings_and_key_in_welsh(tmp_path):
    path = write(tmp_path, CARE_HOMES)
    out = tmp_path / "out.svg"
    run("render", str(path), "-o", str(out), "--language", "cy")
    drawn = out.read_text(encoding="utf-8")
    assert "Sbardunau sylfaenol" in drawn and "Cysylltiad gwan" in drawn
    assert "Primary drivers" not in drawn
