"""Writes to learning: the app's front door for every change.

Scale-up (``scaling``): nominating a pilot, assessing the six enablers, the decision at its
footprint, withdrawing it, and the roll-out's clusters."""

from arloesi.learning.services.scaling import (
    rollout_site_add,
    rollout_site_update,
    scale_up_assess,
    scale_up_decide,
    scale_up_nominate,
    scale_up_withdraw,
)

__all__ = [
    "rollout_site_add",
    "rollout_site_update",
    "scale_up_assess",
    "scale_up_decide",
    "scale_up_nominate",
    "scale_up_withdraw",
]
