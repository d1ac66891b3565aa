"""The four-outcomes dashboards of a cluster, planning group, health board or Wales.

Names: dashboard_home (/evaluation/outcomes/: the widest unit the person may monitor),
dashboard (/evaluation/outcomes/<unit_id>/), behind (…/<unit_id>/<outcome>/<result>/: the
projects behind a figure), dashboard_export (…/<unit_id>/outcomes.<csv|xlsx>), dashboard_pdf
(…/<unit_id>/outcomes.pdf)."""

from django.urls import path

from arloesi.evaluation.views import dashboard

urlpatterns = [
    path("evaluation/outcomes/", dashboard.dashboard_home, name="dashboard_home"),
    path("evaluation/outcomes/<int:unit_id>/", dashboard.dashboard, name="dashboard"),
    # Before the spreadsheets, whose pattern would take "pdf" too (and refuse it).
    path(
        "evaluation/outcomes/<int:unit_id>/outcomes.pdf",
        dashboard.dashboard_pdf,
        name="dashboard_pdf",
    ),
    path(
        "evaluation/outcomes/<int:unit_id>/outcomes.<str:file_format>",
        dashboard.dashboard_export,
        name="dashboard_export",
    ),
    path(
        "evaluation/outcomes/<int:unit_id>/<slug:outcome>/<slug:result>/",
        dashboard.behind,
        name="behind",
    ),
]
