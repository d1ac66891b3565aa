"""The evaluation app's front door for reads: who sees and changes a project's evaluation
(``access``), its pages (the overview, the logic model, a report), the four-outcomes dashboards
and what later apps read of a project's evaluation (its summative report)."""

from arloesi.evaluation.selectors.access import project_for_evaluation, report_get_for_user
from arloesi.evaluation.selectors.dashboard import (
    BehindPage,
    OutcomesDashboard,
    outcomes_dashboard,
    projects_behind,
    reports_for_export,
)
from arloesi.evaluation.selectors.pages import (
    EvaluationPage,
    ReportHistoryPage,
    ReportPage,
    evaluation_page,
    logic_model_for,
    logic_model_parts,
    outcome_rows,
    report_for_change,
    report_history,
    report_page,
    summative_report_of,
)

__all__ = [
    "BehindPage",
    "EvaluationPage",
    "OutcomesDashboard",
    "ReportHistoryPage",
    "ReportPage",
    "evaluation_page",
    "logic_model_for",
    "logic_model_parts",
    "outcome_rows",
    "outcomes_dashboard",
    "project_for_evaluation",
    "projects_behind",
    "report_for_change",
    "report_get_for_user",
    "report_history",
    "report_page",
    "reports_for_export",
    "summative_report_of",
]
