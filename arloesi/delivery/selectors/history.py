"""A task's history: who changed what, and when — the task itself, its needs and its moves
through its statuses."""

from dataclasses import dataclass

from arloesi.core import audit, permissions
from arloesi.delivery.models import Task, TaskNeed, TaskStatusChange
from arloesi.delivery.selectors import access


@dataclass(frozen=True)
class TaskHistoryPage:
    task: Task
    events: list
    show_values: bool
    can_redact: bool


def task_history_page(*, user, task_id: int) -> TaskHistoryPage:
    """Everyone who may see the task sees who changed what, and when; the values before and
    after only its cluster's planners, and administrators (who can remove a value written by
    mistake). Others get 404."""
    task = access.task_get_for_user(user=user, task_id=task_id)
    administrator = permissions.can_anywhere(user, permissions.REDACT)
    show_values = access.may_manage(user, task.cluster) or administrator
    events = audit.history_for(
        task,
        including=(
            TaskNeed.objects.filter(task=task),
            TaskStatusChange.objects.filter(task=task),
        ),
        show_values=show_values,
    )
    return TaskHistoryPage(
        task=task,
        events=events,
        show_values=show_values,
        can_redact=show_values and administrator,
    )
