"""Evaluation reports: formative (interim) and summative (final), each with its results against
the four outcomes of the innovation programme. A report is written as a draft, then issued — and
an issued report is never changed (it may be withdrawn, with the reason)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import StatusChange, VersionedModel
from arloesi.evaluation.vocabulary import Recommendation, ReportKind, ReportStatus, Result


def _result(label):
    return models.CharField(label, max_length=20, choices=Result, default=Result.NOT_MEASURED)


class EvaluationReport(VersionedModel):
    project = models.ForeignKey(
        "projects.Project", verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    kind = models.CharField(_("kind of report"), max_length=20, choices=ReportKind)
    # Moved only through services (REPORT_WORKFLOW); each step is a ReportStatusChange row.
    status = models.CharField(
        _("status"), max_length=20, choices=ReportStatus, default=ReportStatus.DRAFT
    )
    title = models.CharField(_("title"), max_length=200)
    # The charts in the report show the data up to this day.
    covers_to = models.DateField(_("data up to"))
    summary = models.TextField(_("summary of findings"), blank=True)
    objectives_progress = models.TextField(
        _("progress against the objectives, baselines and targets"), blank=True
    )
    learning = models.TextField(_("what the PDSA cycles taught"), blank=True)
    costs_to_date = models.DecimalField(
        _("costs to date (£)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    costs_notes = models.TextField(_("notes on costs"), blank=True)
    recommendation = models.CharField(
        _("recommendation"), max_length=20, choices=Recommendation, blank=True
    )
    recommendation_reasons = models.TextField(_("reasons for the recommendation"), blank=True)
    # The four outcomes of the innovation programme: the result, and the evidence for it.
    adoption_result = _result(_("adoption of innovation: result"))
    adoption_evidence = models.TextField(_("adoption of innovation: evidence"), blank=True)
    patient_outcomes_result = _result(_("patient and citizen outcomes: result"))
    patient_outcomes_evidence = models.TextField(
        _("patient and citizen outcomes: evidence"), blank=True
    )
    patient_experience_result = _result(_("patient and citizen experience: result"))
    patient_experience_evidence = models.TextField(
        _("patient and citizen experience: evidence"), blank=True
    )
    resource_efficiency_result = _result(_("resource efficiency: result"))
    resource_efficiency_evidence = models.TextField(_("resource efficiency: evidence"), blank=True)
    # The project's report the dashboards count: its latest issued report, a summative one
    # before any formative one. Kept by the services that issue and withdraw.
    is_current = models.BooleanField(_("counted on the dashboards"), default=False)
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    issued_at = models.DateTimeField(_("issued"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("evaluation report")
        indexes = [models.Index(fields=["is_current", "project"], name="evaluation_current")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(costs_to_date__isnull=True) | models.Q(costs_to_date__gte=0),
                name="evaluation_costs_not_negative",
            )
        ]

    def __str__(self):
        return self.title

    def result_for(self, outcome: str) -> str:
        return getattr(self, f"{outcome}_result")

    def evidence_for(self, outcome: str) -> str:
        return getattr(self, f"{outcome}_evidence")


class ReportStatusChange(StatusChange):
    """One step of a report through its stages (never edited)."""

    report = models.ForeignKey(
        EvaluationReport,
        verbose_name=_("evaluation report"),
        on_delete=models.PROTECT,
        related_name="status_changes",
    )

    class Meta(StatusChange.Meta):
        verbose_name = _("report status change")
