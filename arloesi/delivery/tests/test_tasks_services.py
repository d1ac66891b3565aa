"""A cluster lead breaks a change idea into tasks; the services check who may, keep the needs,
dependencies and statuses straight, and record every change."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from arloesi.core.models import AuditEvent
from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.delivery import services
from arloesi.delivery.models import TaskStatusChange
from arloesi.delivery.tests.factories import plan, skill, task
from arloesi.delivery.vocabulary import TaskStatus

pytestmark = pytest.mark.django_db


def test_a_cluster_lead_adds_a_task_with_its_needs_and_it_is_recorded():
    p = plan()
    made = task(
        p,
        needs=[(skill("pharmacist"), 30), (skill("data_analyst"), 8)],
        assigned_person=p.pharmacist,
        priorities=[p.priority],
    )
    assert {(n.skill.code, n.hours) for n in made.needs.all()} == {
        ("pharmacist", 30),
        ("data_analyst", 8),
    }
    assert list(made.priorities.all()) == [p.priority]
    events = AuditEvent.objects.filter(object_repr=made.title)
    assert events.filter(action=AuditEvent.Action.CREATED).exists()
    assert any("priorities" in event.changes for event in events)


def test_a_practitioner_cannot_plan_the_clusters_tasks():
    p = plan()
    with pytest.raises(PermissionDenied):
        services.task_create(
            actor=p.pharmacist,
            cluster=p.cluster,
            change_idea=p.change_ideas[0],
            title="Audit",
            starts_on=date(2027, 3, 1),
            due_on=date(2027, 3, 31),
            needs=[(skill("gp"), 5)],
        )


def test_a_task_needs_at_least_one_skill_once_and_its_assignee_from_the_cluster():
    p = plan()
    with pytest.raises(ValidationError, match="skills the task needs"):
        task(p, needs=[(None, None)])
    with pytest.raises(ValidationError, match="each skill once"):
        task(p, needs=[(skill("gp"), 3), (skill("gp"), 4)])
    other = plan()
    with pytest.raises(ValidationError, match="works in this cluster"):
        task(p, assigned_person=other.pharmacist)


def test_dependencies_that_would_make_a_task_wait_for_itself_are_refused():
    p = plan()
    first = task(p, title="Agree the search")
    second = task(p, title="Run the search", dependencies=[first])
    third = task(p, title="Review the patients found", dependencies=[second])
    with pytest.raises(ValidationError, match="wait for itself"):
        services.task_update(
            actor=p.lead,
            task=first,
            expected_version=first.version,
            title=first.title,
            starts_on=first.starts_on,
            due_on=first.due_on,
            needs=[(skill("pharmacist"), 45)],
            dependencies=[third],
        )
    assert list(first.dependencies.all()) == []


def test_a_task_cannot_depend_on_another_clusters_task():
    p, other = plan(), plan()
    elsewhere = task(other)
    with pytest.raises(ValidationError, match="tasks of this cluster"):
        task(p, dependencies=[elsewhere])


def test_the_person_given_a_task_moves_it_and_each_step_is_kept():
    p = plan()
    made = task(p, assigned_person=p.pharmacist)
    services.task_status_move(actor=p.pharmacist, task=made, to_status=TaskStatus.IN_PROGRESS)
    services.task_status_move(actor=p.pharmacist, task=made, to_status=TaskStatus.DONE)
    steps = TaskStatusChange.objects.filter(task=made).values_list("from_status", "to_status")
    assert list(steps) == [("not_started", "in_progress"), ("in_progress", "done")]
    with pytest.raises(TransitionNotAllowedError):
        services.task_status_move(actor=p.lead, task=made, to_status=TaskStatus.NOT_STARTED)


def test_someone_else_in_the_cluster_cannot_move_a_task_not_given_to_them():
    p = plan()
    made = task(p)
    with pytest.raises(PermissionDenied):
        services.task_status_move(actor=p.pharmacist, task=made, to_status=TaskStatus.IN_PROGRESS)


def test_a_task_starts_only_when_what_it_waits_for_is_done():
    p = plan()
    first = task(p, title="Agree the search")
    second = task(p, title="Run the search", dependencies=[first])
    with pytest.raises(ValidationError, match="waits for other tasks"):
        services.task_status_move(actor=p.lead, task=second, to_status=TaskStatus.IN_PROGRESS)
    services.task_status_move(actor=p.lead, task=first, to_status=TaskStatus.CANCELLED)
    services.task_status_move(actor=p.lead, task=second, to_status=TaskStatus.IN_PROGRESS)
    assert second.status == TaskStatus.IN_PROGRESS


def test_editing_a_task_changes_its_needs_and_records_what_changed():
    p = plan()
    made = task(p, needs=[(skill("pharmacist"), 45), (skill("gp"), 4)])
    services.task_update(
        actor=p.lead,
        task=made,
        expected_version=made.version,
        title="Review repeat prescriptions with the GP",
        starts_on=made.starts_on,
        due_on=made.due_on,
        needs=[(skill("pharmacist"), 40), (skill("practice_nurse"), 6)],
    )
    assert {(n.skill.code, n.hours) for n in made.needs.all()} == {
        ("pharmacist", 40),
        ("practice_nurse", 6),
    }
    change = AuditEvent.objects.filter(action=AuditEvent.Action.UPDATED, changes__has_key="title")
    assert change.exists()


def test_removing_a_task_keeps_its_row_and_frees_the_tasks_that_waited_for_it():
    p = plan()
    first = task(p, title="Agree the search")
    second = task(p, title="Run the search", dependencies=[first])
    services.task_remove(actor=p.lead, task=first)
    first.refresh_from_db()
    assert first.removed_at is not None
    assert list(second.dependencies.all()) == []
