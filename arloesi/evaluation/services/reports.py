"""Writing evaluation reports: start one (a draft), change the draft, issue it, withdraw it.

An issued report is never changed. Issuing checks the report is complete (a summative report
recommends what happens next, with reasons; a result other than "not measured" gives its
evidence). Each project has at most one report the dashboards count (``is_current``): its latest
issued report, a summative one before any formative one."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit, snapshots
from arloesi.core.services import status_change
from arloesi.core.workflow import TransitionNotAllowedError
from arloesi.evaluation.models import EvaluationReport, ReportStatusChange
from arloesi.evaluation.services.rules import require_change
from arloesi.evaluation.vocabulary import (
    SUMMATIVE_RECOMMENDATIONS,
    ProgrammeOutcome,
    ReportKind,
    ReportStatus,
    Result,
)
from arloesi.evaluation.workflow import REPORT_WORKFLOW
from arloesi.measures import selectors as measures

TEXTS = (
    "title",
    "summary",
    "objectives_progress",
    "learning",
    "costs_notes",
    "recommendation_reasons",
    *(f"{outcome}_evidence" for outcome in ProgrammeOutcome.values),
)
FIELDS = frozenset(
    {
        *TEXTS,
        "covers_to",
        "costs_to_date",
        "recommendation",
        *(f"{outcome}_result" for outcome in ProgrammeOutcome.values),
    }
)


def _checked(values: dict) -> dict:
    unknown = set(values) - FIELDS
    if unknown:
        raise ValueError(f"not a report's field: {', '.join(sorted(unknown))}")
    values = dict(values)
    for name in TEXTS:
        if name in values:
            values[name] = (values[name] or "").strip()
    return values


@transaction.atomic
def report_create(
    *, actor, project, kind: str, title: str = "", covers_to=None
) -> EvaluationReport:
    """A draft report of ``kind`` for ``project``; its title and date default to today's."""
    require_change(actor, project)
    if kind not in ReportKind.values:
        raise ValidationError({"kind": _("Choose formative or summative")})
    today = timezone.localdate()
    if not (title or "").strip():
        title = str(ReportKind(kind).label) + " – " + today.strftime("%Y-%m-%d")
    return audit.create(
        EvaluationReport,
        actor=actor,
        project=project,
        kind=kind,
        title=title.strip(),
        covers_to=covers_to or today,
        created_by=actor,
    )


def _draft_for_change(actor, report: EvaluationReport) -> EvaluationReport:
    require_change(actor, report.project)
    locked = EvaluationReport.objects.select_for_update().get(pk=report.pk)
    if locked.status != ReportStatus.DRAFT:
        raise TransitionNotAllowedError(locked.status, ReportStatus.DRAFT)
    return report


@transaction.atomic
def report_update(*, actor, report: EvaluationReport, expected_version: int, **values):
    """Change a draft report (an issued one is the record and is never changed)."""
    report = _draft_for_change(actor, report)
    values = _checked(values)
    recommendation = values.get("recommendation")
    summative = report.kind == ReportKind.SUMMATIVE
    if recommendation and summative and recommendation not in SUMMATIVE_RECOMMENDATIONS:
        raise ValidationError(
            {"recommendation": _("Recommend mainstreaming, scaling up or stopping")}
        )
    return audit.update(report, actor=actor, expected_version=expected_version, **values)


def problems_before_issue(report: EvaluationReport) -> dict[str, str]:
    """What must be put right before ``report`` can be issued, by field."""
    errors = {}
    if not report.summary.strip():
        errors["summary"] = _("Enter a summary of the findings")
    if report.kind == ReportKind.SUMMATIVE:
        if report.recommendation not in SUMMATIVE_RECOMMENDATIONS:
            errors["recommendation"] = _("Recommend mainstreaming, scaling up or stopping")
        if not report.recommendation_reasons.strip():
            errors["recommendation_reasons"] = _("Enter the reasons for the recommendation")
    for outcome in ProgrammeOutcome:
        result = report.result_for(outcome.value)
        if result != Result.NOT_MEASURED and not report.evidence_for(outcome.value).strip():
            errors[f"{outcome.value}_evidence"] = _(
                "Give the evidence for the result on “%(outcome)s”"
            ) % {"outcome": outcome.label}
    return errors


@transaction.atomic
def report_issue(*, actor, report: EvaluationReport) -> EvaluationReport:
    """Issue a complete draft: from now on it is the record, and the dashboards count it."""
    report = _draft_for_change(actor, report)
    report.refresh_from_db()
    errors = problems_before_issue(report)
    if errors:
        raise ValidationError(errors)
    report = status_change(
        report,
        workflow=REPORT_WORKFLOW,
        change_model=ReportStatusChange,
        to_status=ReportStatus.ISSUED,
        actor=actor,
        subject_field="report",
    )
    report = audit.update(report, actor=actor, issued_at=timezone.now())
    _count_current(report.project_id)
    report.refresh_from_db()
    measures_keep(report)
    return report


# The parts of an issued report kept as they were drawn (core.snapshots): the measures on the
# page, and in the PDF (which leaves out the tables of every period's figures).
MEASURES = {False: "measures", True: "measures-printed"}


def measures_keep(report: EvaluationReport) -> None:
    """Keep the report's measures as they are drawn today, from the data up to its day, in
    every language, on the page and in print: the issued report shows them so from now on,
    whatever is later corrected in the data."""

    def draw(printed: bool) -> str:
        # Drawn in the language being kept: a chart's words are made with it.
        charts = measures.project_charts(project=report.project, up_to=report.covers_to)
        return render_to_string(
            "evaluation/_report_measures.html",
            {"report": report, "charts": charts, "printed": printed},
        )

    for printed, part in MEASURES.items():
        snapshots.keep(report, part, lambda printed=printed: draw(printed))


@transaction.atomic
def report_withdraw(*, actor, report: EvaluationReport, reason: str) -> EvaluationReport:
    """Withdraw an issued report, with the reason; the dashboards count the one before it."""
    require_change(actor, report.project)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Enter the reason for withdrawing the report")})
    report = status_change(
        report,
        workflow=REPORT_WORKFLOW,
        change_model=ReportStatusChange,
        to_status=ReportStatus.WITHDRAWN,
        actor=actor,
        reason=reason,
        subject_field="report",
    )
    _count_current(report.project_id)
    report.refresh_from_db()
    return report


def _count_current(project_id: int) -> None:
    """Mark the one report of the project the dashboards count (derived from the reports'
    recorded statuses, so it is kept with a plain update)."""
    reports = EvaluationReport.objects.filter(project_id=project_id)
    issued = reports.filter(status=ReportStatus.ISSUED)
    best = (
        issued.filter(kind=ReportKind.SUMMATIVE).order_by("-issued_at", "-pk").first()
        or issued.order_by("-issued_at", "-pk").first()
    )
    reports.exclude(pk=getattr(best, "pk", None)).filter(is_current=True).update(is_current=False)
    if best is not None and not best.is_current:
        reports.filter(pk=best.pk).update(is_current=True)
