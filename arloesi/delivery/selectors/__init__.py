"""Delivery's reads: the front door."""

from arloesi.delivery.selectors.allocation import (
    RankedTask,
    may_plan,
    ranking,
    run_get_for_user,
    run_lines,
    runs_for_cluster,
    weights_of,
)

__all__ = [
    "RankedTask",
    "may_plan",
    "ranking",
    "run_get_for_user",
    "run_lines",
    "runs_for_cluster",
    "weights_of",
]
