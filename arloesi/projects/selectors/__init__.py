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
from arloesi.projects.selectors.cycles import (
    change_ideas_of,
    cycle_for_change,
    cycle_page,
    cycle_state,
    cycles_page,
    next_cycle_initial,
    next_cycle_possible,
    project_for_change,
    ramp_for_change,
    ramp_get_for_user,
    ramp_page,
    ramps_of,
    team_of,
)

__all__ = [
    "ProjectDiagrams",
    "change_ideas_of",
    "cycle_for_change",
    "cycle_get_for_user",
    "cycle_page",
    "cycle_state",
    "cycles_page",
    "may_change",
    "next_cycle_initial",
    "next_cycle_possible",
    "on_team",
    "project_for_change",
    "project_for_proposal",
    "project_get_for_user",
    "projects_visible_to",
    "ramp_for_change",
    "ramp_get_for_user",
    "ramp_page",
    "ramps_of",
    "team_of",
]
