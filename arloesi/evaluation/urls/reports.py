"""A project's evaluation: the overview, the logic model and the reports.

Names: project (the overview, /evaluation/projects/<project_id>/), logic_model,
logic_model_edit, report_add (…/projects/<project_id>/reports/new/), report
(/evaluation/reports/<report_id>/), report_edit, report_issue (POST), report_withdraw,
report_pdf (…/report.pdf), report_history."""

from django.urls import path

from arloesi.evaluation.views import logic, reports

urlpatterns = [
    path("evaluation/projects/<int:project_id>/", logic.evaluation_overview, name="project"),
    path(
        "evaluation/projects/<int:project_id>/logic-model/",
        logic.logic_model_detail,
        name="logic_model",
    ),
    path(
        "evaluation/projects/<int:project_id>/logic-model/edit/",
        logic.logic_model_edit,
        name="logic_model_edit",
    ),
    path(
        "evaluation/projects/<int:project_id>/reports/new/", reports.report_add, name="report_add"
    ),
    path("evaluation/reports/<int:report_id>/", reports.report_detail, name="report"),
    path("evaluation/reports/<int:report_id>/edit/", reports.report_edit, name="report_edit"),
    path("evaluation/reports/<int:report_id>/issue/", reports.report_issue, name="report_issue"),
    path(
        "evaluation/reports/<int:report_id>/withdraw/",
        reports.report_withdraw,
        name="report_withdraw",
    ),
    path("evaluation/reports/<int:report_id>/report.pdf", reports.report_pdf, name="report_pdf"),
    path(
        "evaluation/reports/<int:report_id>/history/",
        reports.report_history,
        name="report_history",
    ),
]
