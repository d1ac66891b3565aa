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
from arloesi.projects.selectors.running import (
    condition_of,
    history_page,
    is_stale,
    milestone_of,
    my_projects,
    next_stages,
    project_for_change,
    project_page,
    project_visible,
    team_of,
)

__all__ = [
    "ProjectDiagrams",
    "condition_of",
    "cycle_get_for_user",
    "history_page",
    "is_stale",
    "may_change",
    "milestone_of",
    "my_projects",
    "next_stages",
    "on_team",
    "project_for_proposal",
    "project_get_for_user",
    "project_for_change",
    "project_page",
    "project_visible",
    "projects_visible_to",
    "team_of",
]
