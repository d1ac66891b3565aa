"""Every reference case — the numbers NHSRplotthedots, qicharts2 and NHS Scotland's runchart
give — comes out of ``arloesi spc`` within its tolerance: one by one, and all at once as a batch
through the command line of a machine with no secret key."""

import io
import json
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from arloesi.measures.tests.reference import cases, problems

CASES = cases()


@pytest.fixture
def stdin(monkeypatch):
    def feed(text: str) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))

    return feed


def test_there_are_sixty_cases_from_all_three_references():
    assert len(CASES) == 60
    assert {case["id"].split("_")[0] for case in CASES} == {"ptd", "qic", "ihi"}


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["id"])
def test_the_command_gives_the_reference_numbers(case, stdin):
    stdin(json.dumps(case["request"]))
    out = io.StringIO()
    if case["expect"].get("error"):
        with pytest.raises(CommandError) as refused:
            call_command("spc", stdout=out)
        assert refused.value.returncode == 2
    else:
        call_command("spc", stdout=out)
    assert problems(case, json.loads(out.getvalue())) == []


def test_all_the_cases_as_one_batch_from_the_command_line_exit_0_in_order():
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SECRET_KEY", "ARLOESI_DEMO", "DEBUG", "DATABASE_URL", "PYTEST_VERSION")
    }
    done = subprocess.run(
        [sys.executable, "-m", "arloesi.cli", "spc"],
        input=json.dumps([case["request"] for case in CASES]),
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    responses = json.loads(done.stdout)
    assert len(responses) == len(CASES)
    assert {case["id"]: problems(case, r) for case, r in zip(CASES, responses, strict=True)} == {
        case["id"]: [] for case in CASES
    }
