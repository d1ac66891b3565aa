"""Evaluation for tests: reports on a project started the way the product starts them, written
through the services by its lead."""

from datetime import date

from arloesi.evaluation import services
from arloesi.evaluation.vocabulary import ReportKind


def complete_values(**overrides) -> dict:
    """What a summative report needs before it can be issued."""
    return {
        "summary": "Inhaler technique improved in every practice.",
        "recommendation": "scale_up",
        "recommendation_reasons": "It worked in four practices.",
        "adoption_result": "improved",
        "adoption_evidence": "Four practices run the checks.",
        "patient_outcomes_result": "improved",
        "patient_outcomes_evidence": "Fewer exacerbations.",
        **overrides,
    }


def issued_report(started, kind=ReportKind.SUMMATIVE, covers_to=date(2025, 6, 30), **values):
    report = services.report_create(
        actor=started.lead, project=started.project, kind=kind, covers_to=covers_to
    )
    report = services.report_update(
        actor=started.lead,
        report=report,
        expected_version=report.version,
        **complete_values(**values),
    )
    return services.report_issue(actor=started.lead, report=report)
