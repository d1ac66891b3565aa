"""Delivery's writes: the front door."""

from arloesi.delivery.services.allocation import (
    allocation_accept,
    allocation_propose,
    allocation_reject,
    task_priority_override,
)

__all__ = [
    "allocation_accept",
    "allocation_propose",
    "allocation_reject",
    "task_priority_override",
]
