"""Project pages: monitoring (the schedule, its exports, the dashboard and the cycles behind
it), for a cluster, a planning group, a health board or Wales."""

from django.urls import path

from arloesi.projects.views import monitoring

urlpatterns = [
    path("projects/schedule/", monitoring.schedule_home, name="schedule_home"),
    path("projects/schedule/<int:unit_id>/", monitoring.schedule, name="schedule"),
    path(
        "projects/schedule/<int:unit_id>/export/<str:file_format>/",
        monitoring.schedule_export,
        name="schedule_export",
    ),
    path("projects/dashboard/", monitoring.dashboard_home, name="dashboard_home"),
    path("projects/dashboard/<int:unit_id>/", monitoring.dashboard, name="dashboard"),
    path("projects/dashboard/<int:unit_id>/cycles/", monitoring.cycle_list, name="cycle_list"),
]
