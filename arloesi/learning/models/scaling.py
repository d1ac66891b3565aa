"""Taking a pilot that works to a health-board or all-Wales footprint: the nomination, the
assessment against the six transformation enablers, the decision (who decides follows from the
footprint) with its reasons and conditions, and the roll-out across named clusters."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import StatusChange, VersionedModel
from arloesi.learning.vocabulary import (
    Enabler,
    EnablerRating,
    Footprint,
    RolloutStage,
    ScaleUpStatus,
)


class ScaleUp(VersionedModel):
    project = models.ForeignKey(
        "projects.Project", verbose_name=_("pilot"), on_delete=models.PROTECT, related_name="+"
    )
    # The scale-up project's own name (the pilot's title when it is nominated): approved
    # scale-ups are seen across Wales by people who may not see the pilot itself.
    title = models.CharField(_("name of the scale-up"), max_length=200, blank=True)
    footprint = models.CharField(_("footprint"), max_length=20, choices=Footprint)
    # The health board, or Wales: whose people decide, and the roll-out's reach.
    target_unit = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("health board or Wales"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Moved only through services (SCALE_UP_WORKFLOW); each step is a ScaleUpStatusChange row.
    status = models.CharField(
        _("status"), max_length=30, choices=ScaleUpStatus, default=ScaleUpStatus.NOMINATED
    )
    case = models.TextField(_("why this pilot should be scaled up"), blank=True)
    nominated_at = models.DateTimeField(_("nominated"), default=timezone.now)
    nominated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("nominated by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    decision_reasons = models.TextField(_("reasons for the decision"), blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-nominated_at", "-id"]
        verbose_name = _("scale-up")
        indexes = [models.Index(fields=["status", "footprint"], name="learning_scaleup_status")]

    def __str__(self):
        return self.title or str(_("Scale-up of project {project}")).format(project=self.project_id)


class EnablerAssessment(VersionedModel):
    """The assessment of one of the six enablers: a rating and the evidence for it."""

    scale_up = models.ForeignKey(
        ScaleUp, verbose_name=_("scale-up"), on_delete=models.CASCADE, related_name="enablers"
    )
    enabler = models.CharField(_("enabler"), max_length=20, choices=Enabler)
    rating = models.CharField(
        _("rating"), max_length=20, choices=EnablerRating, blank=True, default=""
    )
    evidence = models.TextField(_("evidence"), blank=True)

    class Meta:
        verbose_name = _("enabler assessment")
        constraints = [
            models.UniqueConstraint(fields=["scale_up", "enabler"], name="learning_enabler_once")
        ]

    def __str__(self):
        return self.get_enabler_display()


class RolloutSite(VersionedModel):
    """A named cluster in an approved scale-up's roll-out, and where it has got to."""

    scale_up = models.ForeignKey(
        ScaleUp, verbose_name=_("scale-up"), on_delete=models.CASCADE, related_name="sites"
    )
    cluster = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    stage = models.CharField(
        _("stage"), max_length=20, choices=RolloutStage, default=RolloutStage.PLANNED
    )
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)

    class Meta:
        verbose_name = _("roll-out site")
        constraints = [
            models.UniqueConstraint(fields=["scale_up", "cluster"], name="learning_site_once")
        ]

    def __str__(self):
        return str(self.cluster_id)


class ScaleUpStatusChange(StatusChange):
    scale_up = models.ForeignKey(
        ScaleUp, verbose_name=_("scale-up"), on_delete=models.CASCADE, related_name="status_changes"
    )

    class Meta(StatusChange.Meta):
        verbose_name = _("scale-up status change")


class RolloutStageChange(StatusChange):
    """One step of a cluster through its roll-out (never edited)."""

    site = models.ForeignKey(
        RolloutSite,
        verbose_name=_("roll-out site"),
        on_delete=models.CASCADE,
        related_name="stage_changes",
    )

    class Meta(StatusChange.Meta):
        verbose_name = _("roll-out stage change")
