"""The projects app's front door for writes: running a project (starting it, its stage, RAG
status, plan, milestones, conditions and updates), its cycles of change (ramps and PDSA cycles)
and the reminders the worker sends. Every write is one call here, audited."""

from arloesi.projects.services.running import condition_items, project_start

__all__ = ["condition_items", "project_start"]
