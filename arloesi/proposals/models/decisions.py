"""Decisions: the chair's decision on a proposal under review, kept as recorded."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import ImmutableModel
from arloesi.proposals.models.writing import Proposal
from arloesi.proposals.workflow import Outcome


class Decision(ImmutableModel):
    """The chair's decision on a proposal under review, with its reasons. Kept as recorded."""

    proposal = models.ForeignKey(
        Proposal, verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="decisions"
    )
    outcome = models.CharField(_("decision"), max_length=40, choices=Outcome)
    rationale = models.TextField(_("reasons for the decision"))
    conditions = models.TextField(_("conditions"), blank=True)
    # What the authors should do next, e.g. the information the planning group needs.
    feedback = models.TextField(_("feedback to the authors"), blank=True)
    meeting_reference = models.CharField(_("meeting"), max_length=200, blank=True)
    meeting_date = models.DateField(_("meeting date"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("decided by"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided"), default=timezone.now)

    class Meta:
        ordering = ["decided_at", "id"]
        verbose_name = _("decision")
        constraints = [
            models.CheckConstraint(
                condition=~Q(outcome=Outcome.APPROVED_WITH_CONDITIONS) | ~Q(conditions=""),
                name="decision_conditions_stated",
            ),
            models.CheckConstraint(condition=~Q(rationale=""), name="decision_has_reasons"),
        ]

    def __str__(self):
        return f"{self.proposal} – {self.get_outcome_display()}"
