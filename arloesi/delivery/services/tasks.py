"""Writes to tasks: add, edit, move through their statuses, remove. Every write checks who may
plan the cluster's work (``rules``) and is audited, the needs and links included."""

from collections.abc import Iterable, Sequence
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit
from arloesi.core.models import AuditEvent
from arloesi.core.services import status_change
from arloesi.delivery.models import Task, TaskNeed, TaskStatusChange
from arloesi.delivery.selectors import access
from arloesi.delivery.services import rules
from arloesi.delivery.vocabulary import TaskStatus
from arloesi.delivery.workflow import TASK_WORKFLOW


def _ids(objects) -> list[int]:
    return sorted(obj.pk for obj in objects)


def _record_links(actor, task: Task, name: str, before: list[int], after: list[int]) -> None:
    if before != after:
        audit.record(
            actor=actor,
            obj=task,
            action=AuditEvent.Action.UPDATED,
            changes={name: [", ".join(map(str, before)), ", ".join(map(str, after))]},
        )


def _save_needs(actor, task: Task, needs: list[tuple]) -> None:
    current = {need.skill_id: need for need in TaskNeed.objects.filter(task=task)}
    wanted = {skill.pk: (skill, hours) for skill, hours in needs}
    for skill_id, need in current.items():
        if skill_id not in wanted:
            audit.delete(need, actor=actor)
        elif need.hours != wanted[skill_id][1]:
            audit.update(need, actor=actor, hours=wanted[skill_id][1])
    for skill_id, (skill, hours) in wanted.items():
        if skill_id not in current:
            audit.create(TaskNeed, actor=actor, task=task, skill=skill, hours=hours)


@transaction.atomic
def task_create(
    *,
    actor,
    cluster,
    change_idea,
    title: str,
    starts_on: date,
    due_on: date,
    needs: Sequence[tuple],
    description: str = "",
    assigned_person=None,
    assigned_group=None,
    dependencies: Iterable[Task] = (),
    priorities: Iterable = (),
    expected_benefit: int = 3,
) -> Task:
    """A new task for a change idea in ``cluster``, with the hours of each skill it needs."""
    rules.require_manage(actor, cluster)
    rules.check_assignment(cluster, assigned_person, assigned_group)
    needs = rules.check_needs(needs)
    dependencies = rules.check_dependencies(cluster, None, dependencies)
    priorities = rules.check_priorities(cluster, priorities)
    task = audit.create(
        Task,
        actor=actor,
        cluster=cluster,
        change_idea=change_idea,
        title=title,
        description=description,
        assigned_person=assigned_person,
        assigned_group=assigned_group,
        starts_on=starts_on,
        due_on=due_on,
        expected_benefit=expected_benefit,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    _save_needs(actor, task, needs)
    task.dependencies.set(dependencies)
    task.priorities.set(priorities)
    _record_links(actor, task, "dependencies", [], _ids(dependencies))
    _record_links(actor, task, "priorities", [], _ids(priorities))
    return task


@transaction.atomic
def task_update(
    *,
    actor,
    task: Task,
    expected_version: int,
    title: str,
    starts_on: date,
    due_on: date,
    needs: Sequence[tuple],
    description: str = "",
    assigned_person=None,
    assigned_group=None,
    dependencies: Iterable[Task] = (),
    priorities: Iterable = (),
    expected_benefit: int = 3,
) -> Task:
    """Change what a task is, who does it, what it needs and what it waits for."""
    rules.require_manage(actor, task.cluster)
    rules.check_assignment(task.cluster, assigned_person, assigned_group)
    needs = rules.check_needs(needs)
    dependencies = rules.check_dependencies(task.cluster, task, dependencies)
    priorities = rules.check_priorities(task.cluster, priorities)
    before_dependencies = _ids(task.dependencies.all())
    before_priorities = _ids(task.priorities.all())
    audit.update(
        task,
        actor=actor,
        expected_version=expected_version,
        title=title,
        description=description,
        assigned_person=assigned_person,
        assigned_group=assigned_group,
        starts_on=starts_on,
        due_on=due_on,
        expected_benefit=expected_benefit,
    )
    _save_needs(actor, task, needs)
    task.dependencies.set(dependencies)
    task.priorities.set(priorities)
    _record_links(actor, task, "dependencies", before_dependencies, _ids(dependencies))
    _record_links(actor, task, "priorities", before_priorities, _ids(priorities))
    return task


@transaction.atomic
def task_status_move(*, actor, task: Task, to_status: str, reason: str = "") -> Task:
    """Move a task to another status (its planners and the person given it). A task starts only
    when the tasks it depends on are done (or cancelled)."""
    if not access.may_move(actor, task):
        raise PermissionDenied
    if to_status == TaskStatus.IN_PROGRESS and task.status == TaskStatus.NOT_STARTED:
        waiting = task.dependencies.exclude(
            status__in=(TaskStatus.DONE, TaskStatus.CANCELLED)
        ).filter(removed_at__isnull=True)
        if waiting.exists():
            raise ValidationError(
                _("This task waits for other tasks: finish the tasks it depends on first")
            )
    return status_change(
        task,
        workflow=TASK_WORKFLOW,
        change_model=TaskStatusChange,
        to_status=to_status,
        actor=actor,
        reason=reason,
        subject_field="task",
    )


@transaction.atomic
def task_remove(*, actor, task: Task) -> Task:
    """Take a task off the plan. Its row stays (its history, and what points at it); the tasks
    that waited for it no longer do."""
    rules.require_manage(actor, task.cluster)
    _record_links(actor, task, "dependencies", _ids(task.dependencies.all()), [])
    task.dependencies.clear()
    for dependent in task.dependents.all():
        before = _ids(dependent.dependencies.all())
        dependent.dependencies.remove(task)
        _record_links(actor, dependent, "dependencies", before, _ids(dependent.dependencies.all()))
    return audit.update(task, actor=actor, removed_at=timezone.now())
