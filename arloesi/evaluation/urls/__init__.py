"""Evaluation pages, in the ``evaluation`` namespace (/<language>/evaluation/…): a project's
logic model and reports, and the four-outcomes dashboards."""

from arloesi.evaluation.urls import dashboard, reports

app_name = "evaluation"

urlpatterns = reports.urlpatterns + dashboard.urlpatterns
