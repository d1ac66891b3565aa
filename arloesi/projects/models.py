"""Projects: the work an approved proposal starts.

A project keeps its own copy of what was agreed — the title, the conditions of approval and the
evaluation plan — because the proposal is the record of the decision and does not change, while
the project's plan is kept up to date as the work teaches its team (docs/adr/0005).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import VersionedModel


class Project(models.Model):
    class Stage(models.TextChoices):
        PILOT = "pilot", _("Pilot")

    # The approved proposal it comes from. The proposals app reaches a project only through
    # this app's selectors and services, so there is no reverse accessor.
    proposal = models.OneToOneField(
        "proposals.Proposal", verbose_name=_("proposal"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    lead_collaborative = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("lead collaborative"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    planning_group = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("planning group"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    conditions = models.TextField(_("conditions of approval"), blank=True)
    status = models.CharField(_("stage"), max_length=20, choices=Stage, default=Stage.PILOT)
    started_at = models.DateTimeField(_("started"), default=timezone.now)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("project")

    def __str__(self):
        return self.title

    @property
    def scope_path(self) -> str:
        return self.lead_collaborative.path


class ProjectEvaluationPlan(VersionedModel):
    """The project's evaluation plan: agreed with the proposal, then kept up to date."""

    project = models.OneToOneField(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="evaluation_plan"
    )
    objectives = models.TextField(_("objectives"), blank=True)
    baseline = models.TextField(_("baseline"), blank=True)
    success_measures = models.TextField(_("measures that will show success"), blank=True)
    approach = models.CharField(_("approach"), max_length=20, blank=True)
    timescale = models.CharField(_("timescale"), max_length=200, blank=True)
    evaluator = models.CharField(_("who will evaluate"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("evaluation plan")

    def __str__(self):
        return str(self.project)


class ProjectTeamMember(models.Model):
    """Who does the project: the proposal's authors when it starts (its lead author leads it)."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="team"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_lead = models.BooleanField(_("leads the project"), default=False)
    joined_at = models.DateTimeField(_("joined"), default=timezone.now)

    class Meta:
        verbose_name = _("project team member")
        constraints = [
            models.UniqueConstraint(fields=["project", "person"], name="one_membership_per_project")
        ]

    def __str__(self):
        return f"{self.person} – {self.project}"
