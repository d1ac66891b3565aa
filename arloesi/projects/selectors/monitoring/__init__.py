"""Monitoring: the schedule of a unit's current projects, its dashboard, the cycles behind the
dashboard's figures, and what a person's projects need from them on the home page."""

from arloesi.projects.selectors.monitoring.attention import monitoring_attention_for
from arloesi.projects.selectors.monitoring.dashboard import (
    CycleListPage,
    Dashboard,
    cycle_list_page,
    dashboard_for,
)
from arloesi.projects.selectors.monitoring.schedule import (
    SchedulePage,
    ScheduleRow,
    schedule_milestones,
    schedule_page,
    schedule_rows,
    schedule_timeline,
)
from arloesi.projects.selectors.monitoring.scope import (
    Filters,
    projects_under,
    unit_for_monitoring,
    widest_unit_for,
)

__all__ = [
    "CycleListPage",
    "Dashboard",
    "Filters",
    "SchedulePage",
    "ScheduleRow",
    "cycle_list_page",
    "dashboard_for",
    "monitoring_attention_for",
    "projects_under",
    "schedule_milestones",
    "schedule_page",
    "schedule_rows",
    "schedule_timeline",
    "unit_for_monitoring",
    "widest_unit_for",
]
