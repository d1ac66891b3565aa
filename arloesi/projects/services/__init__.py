"""The projects app's front door for writes: running a project (starting it, its stage, RAG
status, plan, milestones, conditions and updates), its cycles of change (ramps and PDSA cycles)
and the reminders the worker sends. Every write is one call here, audited."""

from arloesi.projects.services.cycles import (
    SECTIONS,
    cycle_next_plan,
    cycle_plan,
    cycle_section_save,
    ramp_start,
)
from arloesi.projects.services.reminders import reminders_send
from arloesi.projects.services.running import condition_items, project_start

__all__ = [
    "SECTIONS",
    "condition_items",
    "cycle_next_plan",
    "cycle_plan",
    "cycle_section_save",
    "project_start",
    "ramp_start",
    "reminders_send",
]
