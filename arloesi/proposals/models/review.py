"""Review: reviewers, their declarations of interests, scores and private notes."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.proposals import scoring
from arloesi.proposals.models.intake import Criterion
from arloesi.proposals.models.writing import Proposal


class ReviewerAssignment(models.Model):
    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="assignments"
    )
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)

    class Meta:
        ordering = ["assigned_at", "id"]
        verbose_name = _("reviewer assignment")
        constraints = [
            models.UniqueConstraint(fields=["proposal", "reviewer"], name="reviewer_assigned_once")
        ]

    def __str__(self):
        return f"{self.reviewer} – {self.proposal}"


class ConflictDeclaration(models.Model):
    """A reviewer's declaration of interests in one proposal; a conflict stops them scoring it."""

    assignment = models.OneToOneField(
        ReviewerAssignment,
        verbose_name=_("reviewer assignment"),
        on_delete=models.PROTECT,
        related_name="conflict",
    )
    has_conflict = models.BooleanField(_("has a conflict of interest"))
    details = models.TextField(_("details"), blank=True)
    declared_at = models.DateTimeField(_("declared"), default=timezone.now)

    class Meta:
        verbose_name = _("declaration of interests")
        constraints = [
            models.CheckConstraint(
                condition=Q(has_conflict=False) | ~Q(details=""),
                name="conflict_has_details",
            )
        ]

    def __str__(self):
        return f"{self.assignment} – {self.has_conflict}"


class Score(models.Model):
    assignment = models.ForeignKey(
        ReviewerAssignment,
        verbose_name=_("reviewer assignment"),
        on_delete=models.PROTECT,
        related_name="scores",
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="+"
    )
    value = models.PositiveSmallIntegerField(
        _("score"),
        validators=[MinValueValidator(scoring.MIN_SCORE), MaxValueValidator(scoring.MAX_SCORE)],
    )
    comment = models.TextField(_("comment"))
    recorded_at = models.DateTimeField(_("recorded"), default=timezone.now)

    class Meta:
        ordering = ["criterion__position", "criterion_id"]
        verbose_name = _("score")
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "criterion"], name="score_once_per_reviewer_and_criterion"
            ),
            models.CheckConstraint(
                condition=Q(value__gte=scoring.MIN_SCORE, value__lte=scoring.MAX_SCORE),
                name="score_in_range",
            ),
        ]

    def __str__(self):
        return f"{self.assignment} – {self.criterion}: {self.value}"


class ReviewNote(models.Model):
    """A reviewer's own note on a proposal: seen by nobody else, the chair included."""

    assignment = models.ForeignKey(
        ReviewerAssignment,
        verbose_name=_("reviewer assignment"),
        on_delete=models.PROTECT,
        related_name="notes",
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("private note")

    def __str__(self):
        return f"{self.assignment} {self.created_at:%Y-%m-%d}"
