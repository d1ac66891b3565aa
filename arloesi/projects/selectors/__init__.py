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
from arloesi.projects.selectors.monitoring import (
    CycleListPage,
    Dashboard,
    Filters,
    SchedulePage,
    ScheduleRow,
    cycle_list_page,
    dashboard_for,
    monitoring_attention_for,
    schedule_milestones,
    schedule_page,
    schedule_rows,
    schedule_timeline,
    unit_for_monitoring,
    widest_unit_for,
)

__all__ = [
    "CycleListPage",
    "Dashboard",
    "Filters",
    "ProjectDiagrams",
    "SchedulePage",
    "ScheduleRow",
    "cycle_list_page",
    "dashboard_for",
    "monitoring_attention_for",
    "schedule_milestones",
    "schedule_page",
    "schedule_rows",
    "schedule_timeline",
    "unit_for_monitoring",
    "widest_unit_for",
    "cycle_get_for_user",
    "may_change",
    "on_team",
    "project_for_proposal",
    "project_get_for_user",
    "projects_visible_to",
]
