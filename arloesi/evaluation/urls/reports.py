"""A project's evaluation: the overview, the logic model and the reports.

Names: project (the overview, /evaluation/projects/<project_id>/), logic_model,
logic_model_edit, report_add (…/projects/<project_id>/reports/new/), report
(/evaluation/reports/<report_id>/), report_edit, report_issue (POST), report_withdraw,
report_pdf (…/report.pdf), report_history."""

urlpatterns: list = []
