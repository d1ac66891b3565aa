"""The demo shows the Rhondda cluster's approved project testing a change idea of its driver
diagram in a ramp of three PDSA cycles (completed, running, planned) and one overdue cycle."""

import pytest
from django.core.management import call_command

from arloesi.projects import selectors
from arloesi.projects.models import PdsaCycle, Ramp
from arloesi.projects.sampledata.demo_cycles import CHANGE_IDEA
from arloesi.projects.vocabulary import ActDecision, CycleState

pytestmark = pytest.mark.django_db


def test_the_demo_project_has_a_ramp_of_three_cycles_and_an_overdue_one(settings):
    settings.DEMO_MODE = True
    call_command("load_demo")
    call_command("load_demo")  # loading again adds nothing

    ramp = Ramp.objects.get()
    assert ramp.change_idea == CHANGE_IDEA and ramp.diagram_node is not None
    cycles = list(PdsaCycle.objects.filter(ramp=ramp).order_by("number"))
    assert [selectors.cycle_state(c) for c in cycles] == [
        CycleState.COMPLETED,
        CycleState.RUNNING,
        CycleState.PLANNED,
    ]
    assert [c.number for c in cycles] == [1, 2, 3]
    assert cycles[0].act_decision == ActDecision.ADAPT
    assert cycles[1].objective == cycles[0].act_next
    (alone,) = PdsaCycle.objects.filter(ramp=None)
    assert selectors.cycle_state(alone) == CycleState.OVERDUE
