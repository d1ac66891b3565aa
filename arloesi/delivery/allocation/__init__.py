"""Prioritisation and allocation of delivery work, as calculations only (no database).

``scoring.rank`` orders tasks by a score whose parts are shown; ``allocate`` offers the
capacity of people, groups and health-board offers to the tasks in that order and explains each
decision as a reason code with its numbers (the pages word it in the reader's language).
"""

from arloesi.delivery.allocation.engine import allocate
from arloesi.delivery.allocation.plan import (
    Allocation,
    Assignment,
    Decision,
    Holder,
    HolderKey,
    Month,
    Offer,
    Reason,
    TaskToPlace,
    Why,
    month_number,
    year_and_month,
)

__all__ = [
    "Allocation",
    "Assignment",
    "Decision",
    "Holder",
    "HolderKey",
    "Month",
    "Offer",
    "Reason",
    "TaskToPlace",
    "Why",
    "allocate",
    "month_number",
    "year_and_month",
]
