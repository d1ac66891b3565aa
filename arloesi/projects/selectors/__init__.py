"""The projects app's front door for reads: who sees and changes a project (``access``), the
project's pages, its cycles, the schedule and the dashboards."""

from arloesi.projects.selectors.access import (
    ProjectDiagrams,
    cycle_get_for_user,
    may_change,
    on_team,
    project_for_proposal,
    project_get_for_user,
    projects_visible_to,
)

__all__ = [
    "ProjectDiagrams",
    "cycle_get_for_user",
    "may_change",
    "on_team",
    "project_for_proposal",
    "project_get_for_user",
    "projects_visible_to",
]
