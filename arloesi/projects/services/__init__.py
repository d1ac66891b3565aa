"""The projects app's front door for writes: running a project (starting it, its stage, RAG
status, plan, milestones, conditions and updates), its cycles of change (ramps and PDSA cycles)
and the reminders the worker sends. Every write is one call here, audited."""

from arloesi.projects.services.cycles import (
    cycle_next_plan,
    cycle_plan,
    cycle_section_save,
    ramp_start,
)
from arloesi.projects.services.reminders import reminders_send
from arloesi.projects.services.running import (
    condition_close,
    condition_items,
    condition_reopen,
    milestone_add,
    milestone_done,
    milestone_remove,
    milestone_update,
    progress_update_add,
    project_plan_update,
    project_rag_change,
    project_stage_move,
    project_start,
)

__all__ = [
    "condition_close",
    "condition_items",
    "condition_reopen",
    "cycle_next_plan",
    "cycle_plan",
    "cycle_section_save",
    "milestone_add",
    "milestone_done",
    "milestone_remove",
    "milestone_update",
    "progress_update_add",
    "project_plan_update",
    "project_rag_change",
    "project_stage_move",
    "project_start",
    "ramp_start",
    "reminders_send",
]
