"""Project pages, in the app's three parts, all in the ``projects`` namespace
(/<language>/projects/…): running a project, its cycles of change, and monitoring (the
schedule and dashboards)."""

from arloesi.projects.urls import cycles, monitoring, running

app_name = "projects"

urlpatterns = running.urlpatterns + cycles.urlpatterns + monitoring.urlpatterns
