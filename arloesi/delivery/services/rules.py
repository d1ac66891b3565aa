"""The checks every write to delivery makes: who may plan a cluster's work, and what a task may
point at (people and groups of its cluster, its cluster's tasks without a cycle, priorities the
cluster works to)."""

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext_lazy as _

from arloesi.delivery.models import Task
from arloesi.delivery.selectors import access, choices


def require_manage(actor, cluster) -> None:
    if not access.may_manage(actor, cluster):
        raise PermissionDenied


def check_assignment(cluster, assigned_person, assigned_group) -> None:
    errors = {}
    if assigned_person is not None and not (
        choices.people_of(cluster=cluster).filter(pk=assigned_person.pk).exists()
    ):
        errors["assigned_person"] = _("Choose someone who works in this cluster")
    if assigned_group is not None and assigned_group.cluster_id != cluster.pk:
        errors["assigned_group"] = _("Choose a group of this cluster")
    if errors:
        raise ValidationError(errors)


def check_needs(needs: Iterable[tuple]) -> list[tuple]:
    """The needs as (skill, hours), one per skill; at least one."""
    needs = [(skill, hours) for skill, hours in needs if skill is not None and hours]
    if not needs:
        raise ValidationError({"needs": _("Enter the skills the task needs and their hours")})
    skills = [skill.pk for skill, _hours in needs]
    if len(set(skills)) != len(skills):
        raise ValidationError({"needs": _("Enter each skill once")})
    if any(not skill.active for skill, _hours in needs):
        raise ValidationError({"needs": _("Choose skills that are still in use")})
    return needs


def check_priorities(cluster, priorities: Iterable) -> list:
    priorities = list(priorities)
    allowed = {priority.pk for priority in choices.priorities_for(cluster=cluster)}
    if any(priority.pk not in allowed for priority in priorities):
        raise ValidationError(
            {"priorities": _("Choose priorities of this cluster or its planning group")}
        )
    return priorities


def check_dependencies(cluster, task: Task | None, dependencies: Iterable[Task]) -> list[Task]:
    """Tasks of the same cluster, and no cycle: a task may not end up waiting for itself."""
    dependencies = list(dependencies)
    if any(d.cluster_id != cluster.pk or d.removed_at is not None for d in dependencies):
        raise ValidationError({"dependencies": _("Choose tasks of this cluster")})
    if task is None or not dependencies:
        return dependencies
    if any(d.pk == task.pk for d in dependencies):
        raise ValidationError({"dependencies": _("A task cannot depend on itself")})
    edges: dict[int, set[int]] = {}
    links = Task.dependencies.through.objects.filter(from_task__cluster=cluster).values_list(
        "from_task_id", "to_task_id"
    )
    for waiting, first in links:
        edges.setdefault(waiting, set()).add(first)
    edges[task.pk] = {d.pk for d in dependencies}
    # Follow what the new dependencies wait for: reaching the task itself is a cycle.
    seen, stack = set(), list(edges[task.pk])
    while stack:
        current = stack.pop()
        if current == task.pk:
            raise ValidationError(
                {
                    "dependencies": _(
                        "These dependencies would make the task wait for itself: choose "
                        "tasks that do not depend on it"
                    )
                }
            )
        if current not in seen:
            seen.add(current)
            stack.extend(edges.get(current, ()))
    return dependencies
