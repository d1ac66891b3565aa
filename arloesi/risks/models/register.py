"""A risk register's entries: what the risk is, its scores on the 5 × 5 matrix (each rescoring
kept), its controls and further actions, its status and reviews, and where it came from or went
to (escalation, or another app's source)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import ImmutableModel, StatusChange, VersionedModel
from arloesi.risks.vocabulary import Category, ScoreKind, Status


def _scale(name: str):
    return Q(**{f"{name}__gte": 1, f"{name}__lte": 5})


class RiskEntry(VersionedModel):
    # The register it is on: a cluster's, a planning group's or a health board's.
    unit = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("register"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    cause = models.TextField(_("cause"), blank=True)
    effect = models.TextField(_("effect"), blank=True)
    category = models.CharField(_("category"), max_length=30, choices=Category)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    controls = models.TextField(_("existing controls"), blank=True)
    initial_consequence = models.PositiveSmallIntegerField(_("initial consequence"))
    initial_likelihood = models.PositiveSmallIntegerField(_("initial likelihood"))
    current_consequence = models.PositiveSmallIntegerField(_("current consequence"))
    current_likelihood = models.PositiveSmallIntegerField(_("current likelihood"))
    # Kept with the scores (consequence × likelihood) for filtering and sorting.
    current_score = models.PositiveSmallIntegerField(_("current score"))
    target_consequence = models.PositiveSmallIntegerField(_("target consequence"))
    target_likelihood = models.PositiveSmallIntegerField(_("target likelihood"))
    # Moved only through services.status_change (RISK_WORKFLOW), each step a RiskStatusChange.
    status = models.CharField(_("status"), max_length=10, choices=Status, default=Status.OPEN)
    closed_reason = models.TextField(_("reason for closing"), blank=True)
    next_review_on = models.DateField(_("review date"))
    last_reviewed_on = models.DateField(_("last reviewed"), null=True, blank=True)
    # The same risk on the next level's register (cluster → planning group → health board);
    # the other way is ``escalated_from``.
    escalated_to = models.OneToOneField(
        "self",
        verbose_name=_("escalated to"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="escalated_from",
    )
    escalated_at = models.DateTimeField(_("escalated"), null=True, blank=True)
    # What another app raised it from (e.g. delivery's task), by kind and id, with what it
    # links to as labelled texts and a summary of them.
    source_kind = models.CharField(_("source"), max_length=40, blank=True)
    source_id = models.PositiveBigIntegerField(_("source id"), null=True, blank=True)
    source_summary = models.TextField(_("what it comes from"), blank=True)
    links = models.JSONField(_("links"), default=dict, blank=True)
    gap = models.TextField(_("gap"), blank=True)
    # When the source's work was allocated after all (the entry may then be closed).
    source_allocated_on = models.DateField(_("work allocated"), null=True, blank=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-current_score", "next_review_on", "id"]
        verbose_name = _("risk entry")
        indexes = [
            models.Index(fields=["unit", "status", "current_score"], name="risk_register"),
            models.Index(fields=["unit", "status", "next_review_on"], name="risk_review_due"),
            models.Index(fields=["source_kind", "source_id"], name="risk_source"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=_scale("initial_consequence")
                & _scale("initial_likelihood")
                & _scale("current_consequence")
                & _scale("current_likelihood")
                & _scale("target_consequence")
                & _scale("target_likelihood"),
                name="risk_scores_one_to_five",
            ),
            models.UniqueConstraint(
                fields=["source_kind", "source_id"],
                condition=Q(status=Status.OPEN) & ~Q(source_kind=""),
                name="risk_one_open_entry_per_source",
            ),
        ]

    def __str__(self):
        return self.title

    @property
    def scope_path(self) -> str:
        return self.unit.path

    @property
    def initial_score(self) -> int:
        return self.initial_consequence * self.initial_likelihood

    @property
    def target_score(self) -> int:
        return self.target_consequence * self.target_likelihood


class Rescore(ImmutableModel):
    """One score given to an entry — initial, current or target — with who, when and why."""

    entry = models.ForeignKey(
        RiskEntry, verbose_name=_("risk entry"), on_delete=models.PROTECT, related_name="rescores"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    scored_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    kind = models.CharField(_("which score"), max_length=10, choices=ScoreKind)
    consequence = models.PositiveSmallIntegerField(_("consequence"))
    likelihood = models.PositiveSmallIntegerField(_("likelihood"))
    reason = models.TextField(_("reason"))

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("rescoring")
        indexes = [models.Index(fields=["entry", "at"], name="rescore_entry_at")]

    @property
    def score(self) -> int:
        return self.consequence * self.likelihood


class RiskAction(VersionedModel):
    """A further action to reduce the risk: what, who, by when, and when it was done."""

    entry = models.ForeignKey(
        RiskEntry, verbose_name=_("risk entry"), on_delete=models.CASCADE, related_name="actions"
    )
    text = models.TextField(_("action"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    due_on = models.DateField(_("due date"), null=True, blank=True)
    done_on = models.DateField(_("date done"), null=True, blank=True)
    created_at = models.DateTimeField(_("added"), default=timezone.now)

    class Meta:
        ordering = ["done_on", "due_on", "id"]
        verbose_name = _("further action")

    def __str__(self):
        return self.text[:80]


class RiskStatusChange(StatusChange):
    """An entry closed or opened again, with the reason (never edited)."""

    entry = models.ForeignKey(
        RiskEntry,
        verbose_name=_("risk entry"),
        on_delete=models.PROTECT,
        related_name="status_changes",
    )

    class Meta(StatusChange.Meta):
        verbose_name = _("status change")
