"""Delivery's data, divided as the app is: **tasks** (skills, delivery groups, tasks and their
needs and status changes) and **capacity** (declarations, absences, health boards' offers). The
allocation keeps its own models beside these."""

from arloesi.delivery.models.allocation import (
    AllocationLine,
    AllocationRun,
    AllocationRunStatusChange,
)
from arloesi.delivery.models.capacity import Absence, CapacityDeclaration, CapacityOffer
from arloesi.delivery.models.tasks import (
    DeliveryGroup,
    Skill,
    Task,
    TaskNeed,
    TaskStatusChange,
)

__all__ = [
    "AllocationLine",
    "AllocationRun",
    "AllocationRunStatusChange",
    "Absence",
    "CapacityDeclaration",
    "CapacityOffer",
    "DeliveryGroup",
    "Skill",
    "Task",
    "TaskNeed",
    "TaskStatusChange",
]
