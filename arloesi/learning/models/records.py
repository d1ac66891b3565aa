"""Learning records: what a project's team tried, what worked and what did not, why, the
results (linked charts), the costs and the recommendations for others. A record is published to
all of Wales when the cluster lead approves it, and is readable without signing in only when its
summary is written in both Welsh and English (`is_public`)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import StatusChange, VersionedModel
from arloesi.learning.vocabulary import RecordStatus


class LearningRecord(VersionedModel):
    project = models.ForeignKey(
        "projects.Project", verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    # Written after one ramp of PDSA cycles rather than at the project's close.
    ramp = models.ForeignKey(
        "projects.Ramp",
        verbose_name=_("ramp of PDSA cycles"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # The project's cluster (its lead collaborative's): whose lead approves it, and the
    # health board and cluster filters. Kept so that a list needs no join through projects.
    cluster = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # Moved only through services (RECORD_WORKFLOW); each step is a RecordStatusChange row.
    status = models.CharField(
        _("status"), max_length=20, choices=RecordStatus, default=RecordStatus.DRAFT
    )
    title_en = models.CharField(_("title in English"), max_length=200, blank=True)
    title_cy = models.CharField(_("title in Welsh"), max_length=200, blank=True)
    summary_en = models.TextField(_("summary in English"), blank=True)
    summary_cy = models.TextField(_("summary in Welsh"), blank=True)
    # The body is written once, in the language the team works in.
    language = models.CharField(
        _("language of the record"), max_length=2, choices=settings.LANGUAGES, default="en"
    )
    tried = models.TextField(_("what was tried"), blank=True)
    worked = models.TextField(_("what worked"), blank=True)
    did_not_work = models.TextField(_("what did not work"), blank=True)
    why = models.TextField(_("why"), blank=True)
    results = models.TextField(_("results"), blank=True)
    costs = models.DecimalField(
        _("costs (£)"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    costs_notes = models.TextField(_("notes on costs"), blank=True)
    recommendations = models.TextField(_("recommendations for others"), blank=True)
    # The charts shown with the results.
    measures = models.ManyToManyField(
        "measures.Measure", verbose_name=_("charts"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    # Kept by the services: published, with a summary in both languages.
    is_public = models.BooleanField(_("readable without signing in"), default=False)

    class Meta:
        ordering = ["-published_at", "-created_at", "-id"]
        verbose_name = _("learning record")
        indexes = [
            models.Index(fields=["status", "published_at"], name="learning_published"),
            models.Index(fields=["is_public", "published_at"], name="learning_public"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(costs__isnull=True) | models.Q(costs__gte=0),
                name="learning_costs_not_negative",
            )
        ]

    def __str__(self):
        return self.title_en or self.title_cy or str(_("Learning record"))


class RecordTag(models.Model):
    """One tag on a record: priority area, innovation kind, profession or population group."""

    class Kind(models.TextChoices):
        PRIORITY = "priority", _("Priority area")
        INNOVATION = "innovation", _("Kind of innovation")
        PROFESSION = "profession", _("Professions involved")
        POPULATION = "population", _("Population groups")

    record = models.ForeignKey(
        LearningRecord,
        verbose_name=_("learning record"),
        on_delete=models.CASCADE,
        related_name="tags",
    )
    kind = models.CharField(_("kind of tag"), max_length=20, choices=Kind)
    value = models.CharField(_("tag"), max_length=40)

    class Meta:
        verbose_name = _("tag")
        constraints = [
            models.UniqueConstraint(fields=["record", "kind", "value"], name="learning_tag_once")
        ]
        indexes = [models.Index(fields=["kind", "value"], name="learning_tag_lookup")]

    def __str__(self):
        return f"{self.kind}: {self.value}"


class RecordStatusChange(StatusChange):
    record = models.ForeignKey(
        LearningRecord,
        verbose_name=_("learning record"),
        on_delete=models.CASCADE,
        related_name="status_changes",
    )

    class Meta(StatusChange.Meta):
        verbose_name = _("learning record status change")
