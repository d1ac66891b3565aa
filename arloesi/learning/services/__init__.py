"""Writes to learning: the app's front door for every change. Each part lists its writes in its
own block.

Scale-up (``scaling``): nominating a pilot, assessing the six enablers, the decision at its
footprint, withdrawing it, and the roll-out's clusters."""

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
    results_keep,
)
from arloesi.learning.services.resources import (
    resource_create,
    resource_move,
    resource_publish_set,
    resource_update,
)

# --- Scale-up
from arloesi.learning.services.scaling import (
    rollout_site_add,
    rollout_site_update,
    scale_up_assess,
    scale_up_decide,
    scale_up_nominate,
    scale_up_withdraw,
)

__all__ = [
    # Learning records, adoption and resources
    "adoption_start",
    "problems_before_submit",
    "record_approve",
    "results_keep",
    "record_create",
    "record_return",
    "record_submit",
    "record_update",
    "record_withdraw",
    "resource_create",
    "resource_move",
    "resource_publish_set",
    "resource_update",
    # Scale-up
    "rollout_site_add",
    "rollout_site_update",
    "scale_up_assess",
    "scale_up_decide",
    "scale_up_nominate",
    "scale_up_withdraw",
]
