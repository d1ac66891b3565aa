"""The pages of a project's evaluation: the overview (plan, logic model, reports), the logic
model, and a report with everything it draws on — the objectives and baselines of the plan,
the measures' charts as they stood on the report's day, the PDSA cycles completed by then and
the costs against the funding requested."""

from dataclasses import dataclass
from decimal import Decimal

from arloesi.core import audit, permissions, snapshots
from arloesi.evaluation.models import EvaluationReport, LogicModel, ReportStatusChange
from arloesi.evaluation.selectors.access import project_for_evaluation, report_get_for_user
from arloesi.evaluation.services.reports import MEASURES, problems_before_issue
from arloesi.evaluation.vocabulary import (
    LOGIC_MODEL_PARTS,
    ProgrammeOutcome,
    ReportKind,
    ReportStatus,
    Result,
)
from arloesi.measures import selectors as measures
from arloesi.projects import selectors as projects
from arloesi.proposals import selectors as proposals


@dataclass(frozen=True)
class EvaluationPage:
    project: object
    plan: object | None
    logic_model: LogicModel | None
    reports: list[EvaluationReport]
    may_change: bool


def evaluation_page(*, user, project_id: int) -> EvaluationPage:
    project, may_change = project_for_evaluation(user=user, project_id=project_id)
    return EvaluationPage(
        project=project,
        plan=projects.evaluation_plan_of(project_id=project.pk),
        logic_model=LogicModel.objects.filter(project=project).first(),
        reports=list(
            EvaluationReport.objects.filter(project=project)
            .only("pk", "project_id", "kind", "status", "title", "covers_to", "issued_at")
            .order_by("-created_at", "-pk")
        ),
        may_change=may_change,
    )


def logic_model_for(*, user, project_id: int, change: bool = False):
    """The project, its logic model (None before its first save) and whether ``user`` may
    change it now."""
    project, may_change = project_for_evaluation(user=user, project_id=project_id, change=change)
    return project, LogicModel.objects.filter(project=project).first(), may_change


def logic_model_parts(logic_model: LogicModel | None) -> list[tuple[str, str, str]]:
    """(name, label, text) of each part, in a reader's order."""
    return [
        (
            name,
            LogicModel._meta.get_field(name).verbose_name,
            getattr(logic_model, name, "") if logic_model else "",
        )
        for name in LOGIC_MODEL_PARTS
    ]


@dataclass(frozen=True)
class OutcomeRow:
    outcome: str
    label: str
    result: str
    result_label: str
    evidence: str


@dataclass(frozen=True)
class ReportPage:
    report: EvaluationReport
    project: object
    plan: object | None
    charts: list
    cycles: list
    funding_requested: Decimal | None
    outcomes: list[OutcomeRow]
    changes: list[ReportStatusChange]
    problems: dict[str, str]
    may_change: bool
    # The measures as they were drawn when the report was issued (core.snapshots), or None:
    # a draft's (and a report issued before they were kept) are drawn from ``charts``.
    measures_kept: str | None = None

    @property
    def is_draft(self) -> bool:
        return self.report.status == ReportStatus.DRAFT

    @property
    def may_edit(self) -> bool:
        return self.may_change and self.is_draft

    @property
    def may_withdraw(self) -> bool:
        return self.may_change and self.report.status == ReportStatus.ISSUED

    @property
    def has_data(self) -> bool:
        return any(chart.has_data for chart in self.charts)


def outcome_rows(report: EvaluationReport) -> list[OutcomeRow]:
    return [
        OutcomeRow(
            outcome=outcome.value,
            label=str(outcome.label),
            result=report.result_for(outcome.value),
            result_label=str(Result(report.result_for(outcome.value)).label),
            evidence=report.evidence_for(outcome.value),
        )
        for outcome in ProgrammeOutcome
    ]


def report_page(*, user, report_id: int, printed: bool = False) -> ReportPage:
    """A report with everything it draws on; an issued (or withdrawn) report's measures as they
    were kept on issue, in the reader's language, instead of charts drawn again."""
    report, may_change = report_get_for_user(user=user, report_id=report_id)
    project = report.project
    is_draft = report.status == ReportStatus.DRAFT
    kept = None if is_draft else snapshots.read(report, MEASURES[printed])
    return ReportPage(
        report=report,
        project=project,
        plan=projects.evaluation_plan_of(project_id=project.pk),
        charts=(
            []
            if kept is not None
            else measures.project_charts(project=project, up_to=report.covers_to)
        ),
        cycles=projects.cycles_completed(project_id=project.pk, up_to=report.covers_to),
        funding_requested=proposals.funding_requested(proposal_id=project.proposal_id),
        outcomes=outcome_rows(report),
        changes=list(
            ReportStatusChange.objects.filter(report=report)
            .select_related("actor")
            .order_by("at", "pk")
        ),
        problems=problems_before_issue(report) if is_draft else {},
        may_change=may_change,
        measures_kept=kept,
    )


def report_for_change(*, user, report_id: int) -> EvaluationReport:
    report, _may_change = report_get_for_user(user=user, report_id=report_id, change=True)
    return report


@dataclass(frozen=True)
class ReportHistoryPage:
    report: EvaluationReport
    events: list
    show_values: bool
    can_redact: bool


def report_history(*, user, report_id: int) -> ReportHistoryPage:
    """The report and the recorded changes to it: everyone who may see the project sees who
    changed which fields and when; the values before and after only its team and leads, and
    administrators (who can remove a value written by mistake)."""
    report, _may_change = report_get_for_user(user=user, report_id=report_id)
    administrator = permissions.can_anywhere(user, permissions.REDACT)
    show_values = administrator or projects.may_change(user, report.project)
    return ReportHistoryPage(
        report=report,
        events=audit.history_for(report, show_values=show_values),
        show_values=show_values,
        can_redact=administrator,
    )


def summative_report_of(*, project_id: int) -> EvaluationReport | None:
    """The project's issued summative report, if it has one — what the learning record and the
    scale-up assessment draw on (callers have checked the reader may see the project)."""
    return (
        EvaluationReport.objects.filter(
            project_id=project_id, kind=ReportKind.SUMMATIVE, status=ReportStatus.ISSUED
        )
        .order_by("-issued_at", "-pk")
        .first()
    )
