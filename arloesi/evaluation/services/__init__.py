"""The evaluation app's front door for writes: a project's logic model and its evaluation
reports (written as drafts, issued, withdrawn)."""

from arloesi.evaluation.services.logic import logic_model_save
from arloesi.evaluation.services.reports import (
    measures_keep,
    report_create,
    report_issue,
    report_update,
    report_withdraw,
)

__all__ = [
    "logic_model_save",
    "measures_keep",
    "report_create",
    "report_issue",
    "report_update",
    "report_withdraw",
]
