from arloesi.evaluation.models.logic import LogicModel
from arloesi.evaluation.models.reports import EvaluationReport, ReportStatusChange

__all__ = ["EvaluationReport", "LogicModel", "ReportStatusChange"]
