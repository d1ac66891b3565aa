"""The learning app's front door for writes. Each part lists its writes in its own block."""

# --- Learning records, adoption and resources -----------------------------------------------
from arloesi.learning.services.adoption import adoption_start
from arloesi.learning.services.records import (
    problems_before_submit,
    record_approve,
    record_create,
    record_return,
    record_submit,
    record_update,
    record_withdraw,
)
from arloesi.learning.services.resources import (
    resource_create,
    resource_move,
    resource_publish_set,
    resource_update,
)

__all__ = [
    # Learning records, adoption and resources
    "adoption_start",
    "problems_before_submit",
    "record_approve",
    "record_create",
    "record_return",
    "record_submit",
    "record_update",
    "record_withdraw",
    "resource_create",
    "resource_move",
    "resource_publish_set",
    "resource_update",
]
