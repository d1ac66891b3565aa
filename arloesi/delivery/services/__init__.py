"""The delivery app's front door for writes: tasks (add, edit, status, remove) and capacity
(declarations, absences, groups, health boards' offers). Every write is one call here, audited."""

from arloesi.delivery.services.allocation import (
    allocation_accept,
    allocation_decide,
    allocation_propose,
    allocation_reject,
    task_priority_override,
)
from arloesi.delivery.services.capacity import (
    absence_add,
    absence_remove,
    declaration_add,
    declaration_remove,
    declaration_update,
    group_create,
    offer_add,
    offer_withdraw,
)
from arloesi.delivery.services.tasks import (
    task_create,
    task_remove,
    task_status_move,
    task_update,
)

__all__ = [
    "allocation_accept",
    "allocation_decide",
    "allocation_propose",
    "allocation_reject",
    "task_priority_override",
    "absence_add",
    "absence_remove",
    "declaration_add",
    "declaration_remove",
    "declaration_update",
    "group_create",
    "offer_add",
    "offer_withdraw",
    "task_create",
    "task_remove",
    "task_status_move",
    "task_update",
]
