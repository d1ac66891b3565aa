"""A project's team tests its change ideas in PDSA cycles: they start a ramp on a change idea from
their driver diagram, plan its cycles, and fill in each cycle's worksheet. Recording study and act
completes a cycle; the next cycle of the ramp follows one that adopted or adapted the change.
Nobody outside the team and the project's leads writes anything, and every write is audited."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from arloesi.core.audit import ConcurrentEditError
from arloesi.core.models import AuditEvent
from arloesi.organisations.roles import Role
from arloesi.organisations.tests.factories import PersonFactory, person_with_role
from arloesi.projects import selectors, services
from arloesi.projects.tests.factories import cycle, started_project
from arloesi.projects.vocabulary import ActDecision, CycleState

pytestmark = pytest.mark.django_db


@pytest.fixture
def started():
    return started_project()


def plan(started, actor=None, ramp=None, **fields):
    today = timezone.localdate()
    values = {
        "title": "Checklist with one resident",
        "planned_start_on": today,
        "planned_end_on": today + timedelta(days=7),
        "objective": "See whether the checklist fits one resident's morning",
        **fields,
    }
    return services.cycle_plan(
        actor=actor or started.lead, project=started.project, ramp=ramp, **values
    )


def save(c, section, actor, **values):
    return services.cycle_section_save(
        actor=actor, cycle=c, section=section, expected_version=c.version, values=values
    )


def test_the_team_starts_a_ramp_on_a_change_idea_of_its_driver_diagram(started):
    ideas = selectors.change_ideas_of(started.project)
    assert ideas, "the care-homes diagram has change ideas"

    ramp = services.ramp_start(
        actor=started.lead, project=started.project, diagram_node_id=ideas[0].pk
    )

    assert ramp.change_idea == ideas[0].text
    assert ramp.diagram_node_id == ideas[0].pk
    assert AuditEvent.objects.filter(object_id=str(ramp.pk), action="created").exists()


def test_a_change_idea_not_on_the_diagram_is_typed_in(started):
    ramp = services.ramp_start(
        actor=started.lead, project=started.project, change_idea="  Pharmacist at the round "
    )
    assert (ramp.change_idea, ramp.diagram_node) == ("Pharmacist at the round", None)


def test_a_box_of_another_diagram_is_not_a_change_idea_of_this_project(started):
    other = started_project()
    theirs = selectors.change_ideas_of(other.project)[0]
    with pytest.raises(ValidationError):
        services.ramp_start(actor=started.lead, project=started.project, diagram_node_id=theirs.pk)


def test_outsiders_may_not_start_ramps_or_plan_cycles(started):
    practitioner = person_with_role(Role.PRACTITIONER, started.collaborative)
    stranger = PersonFactory()
    for outsider in (practitioner, stranger):
        with pytest.raises(PermissionDenied):
            services.ramp_start(actor=outsider, project=started.project, change_idea="Anything")
        with pytest.raises(PermissionDenied):
            plan(started, actor=outsider)


def test_the_collaboratives_lead_may_plan_a_cycle_for_the_project(started):
    lead = person_with_role(Role.COLLABORATIVE_LEAD, started.collaborative)
    assert plan(started, actor=lead).created_by == lead


def test_cycles_of_a_ramp_are_numbered_in_order(started):
    ramp = services.ramp_start(actor=started.lead, project=started.project, change_idea="Checks")
    first = plan(started, ramp=ramp)
    second = plan(started, ramp=ramp, title="Three residents")
    alone = plan(started, title="A cycle on its own")
    assert (first.number, second.number, alone.number) == (1, 2, 1)


def test_who_leads_a_cycle_is_one_of_the_team(started):
    with pytest.raises(ValidationError) as refused:
        plan(started, owner=PersonFactory())
    assert "owner" in refused.value.message_dict
    assert plan(started, owner=started.lead).owner == started.lead


def test_a_cycle_cannot_end_before_it_starts(started):
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        plan(started, planned_start_on=today, planned_end_on=today - timedelta(days=1))


def test_recording_study_and_act_completes_the_cycle_and_clearing_one_reopens_it(started):
    c = plan(started)
    assert selectors.cycle_state(c) == CycleState.RUNNING

    c = save(c, "study", started.lead, study_results="Took 4 minutes, not 10 as predicted")
    assert c.completed_at is None, "study alone does not complete it"
    c = save(c, "act", started.lead, act_decision=ActDecision.ADAPT, act_next="Try three")
    assert c.completed_at is not None
    assert selectors.cycle_state(c) == CycleState.COMPLETED

    c = save(c, "study", started.lead, study_results="")
    assert c.completed_at is None
    assert selectors.cycle_state(c) == CycleState.RUNNING
    completed = AuditEvent.objects.filter(object_id=str(c.pk), changes__has_key="completed_at")
    assert completed.count() == 2


def test_a_cycle_past_its_end_without_study_and_act_is_overdue(started):
    c = cycle(started.project, starts=timezone.localdate() - timedelta(days=10), days=3)
    assert selectors.cycle_state(c) == CycleState.OVERDUE


def test_each_section_saves_only_its_own_fields(started):
    c = plan(started)
    with pytest.raises(TypeError):
        save(c, "do", started.lead, study_results="Sneaked in")


def test_the_next_cycle_follows_one_that_adapted_the_change(started):
    ramp = services.ramp_start(actor=started.lead, project=started.project, change_idea="Checks")
    first = plan(started, ramp=ramp)
    today = timezone.localdate()
    fields = {
        "title": "Three residents",
        "planned_start_on": today,
        "planned_end_on": today + timedelta(days=7),
    }
    with pytest.raises(ValidationError):
        services.cycle_next_plan(actor=started.lead, cycle=first, **fields)

    first = save(first, "study", started.lead, study_results="It fitted")
    first = save(first, "act", started.lead, act_decision=ActDecision.ADAPT, act_next="Three")
    second = services.cycle_next_plan(actor=started.lead, cycle=first, **fields)

    assert (second.ramp, second.number) == (ramp, 2)
    assert selectors.next_cycle_initial(first)["objective"] == "Three"
    # Only after the ramp's last cycle: the first one now has a cycle after it.
    with pytest.raises(ValidationError):
        services.cycle_next_plan(actor=started.lead, cycle=first, **fields)


def test_no_next_cycle_after_abandoning_the_change(started):
    ramp = services.ramp_start(actor=started.lead, project=started.project, change_idea="Checks")
    first = plan(started, ramp=ramp)
    first = save(first, "study", started.lead, study_results="Nobody used it")
    first = save(first, "act", started.lead, act_decision=ActDecision.ABANDON)
    assert first.completed_at is not None
    assert not selectors.next_cycle_possible(first)


def test_outsiders_may_not_change_a_cycle(started):
    c = plan(started)
    with pytest.raises(PermissionDenied):
        save(c, "do", PersonFactory(), do_what_happened="Nothing")


def test_two_people_editing_a_cycle_at_once_cannot_overwrite_each_other(started):
    c = plan(started)
    mine = selectors.cycle_get_for_user(user=started.lead, cycle_id=c.pk)
    theirs = selectors.cycle_get_for_user(user=started.lead, cycle_id=c.pk)
    save(theirs, "do", started.lead, do_what_happened="Ran on Tuesday")

    with pytest.raises(ConcurrentEditError):
        save(mine, "do", started.lead, do_what_happened="Ran on Wednesday")
    mine.refresh_from_db()
    assert mine.do_what_happened == "Ran on Tuesday"


def test_a_closed_projects_cycles_are_final(started, client):
    c = plan(started)
    services.project_stage_move(
        actor=started.lead,
        project=started.project,
        from_stage="pilot",
        to_stage="closed",
        outcome="stopped",
        outcome_reasons="The practices could not release staff.",
    )
    c.refresh_from_db()
    c.project.refresh_from_db()

    with pytest.raises(ValidationError):
        save(c, "do", started.lead, do_what_happened="Too late")
    with pytest.raises(ValidationError):
        plan(started, title="Another try")
    client.force_login(started.lead)
    page = selectors.cycle_page(user=started.lead, cycle=c)
    assert not page.may_change
    assert client.get(f"/en/projects/cycles/{c.pk}/do/").status_code == 404
