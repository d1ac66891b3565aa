"""Running a project: the work an approved proposal starts.

A project keeps its own copy of what was agreed — the title, the conditions of approval and the
evaluation plan — because the proposal is the record of the decision and does not change, while
the project's plan is kept up to date as the work teaches its team (docs/adr/0005).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import ImmutableModel, StatusChange, VersionedModel
from arloesi.projects.vocabulary import Outcome, Rag, Stage


class Project(VersionedModel):
    Stage = Stage

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
    # The local priorities the proposal answered (filters on the schedule).
    priorities = models.ManyToManyField(
        "proposals.LocalPriority", verbose_name=_("local priorities"), blank=True, related_name="+"
    )
    # Moved only through services.status_change (PROJECT_WORKFLOW); each step is a
    # ProjectStageChange row.
    status = models.CharField(_("stage"), max_length=20, choices=Stage, default=Stage.PILOT)
    # How a closed project ended, and why.
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome, blank=True)
    outcome_reasons = models.TextField(_("reasons for the outcome"), blank=True)
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    planned_end_on = models.DateField(_("planned end date"), null=True, blank=True)
    # The RAG status now; every change is a RagChange row with its reason.
    rag = models.CharField(_("RAG status"), max_length=10, choices=Rag, blank=True)
    rag_reason = models.TextField(_("reason for the RAG status"), blank=True)
    rag_changed_at = models.DateTimeField(_("RAG status changed"), null=True, blank=True)
    # When the team last wrote a progress update (or the project started): the stale flag.
    last_update_at = models.DateTimeField(_("last progress update"), default=timezone.now)
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
        indexes = [
            models.Index(fields=["status", "planned_end_on"], name="project_stage_end"),
            models.Index(fields=["last_update_at"], name="project_last_update"),
        ]

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


class ProjectStageChange(StatusChange):
    """One step of a project through its stages (never edited: the stage's history)."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="stage_changes"
    )

    class Meta(StatusChange.Meta):
        verbose_name = _("stage change")


class RagChange(ImmutableModel):
    """The RAG status given, with the reason — every time it changes."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="rag_changes"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    from_rag = models.CharField(_("from"), max_length=10, choices=Rag, blank=True)
    to_rag = models.CharField(_("to"), max_length=10, choices=Rag)
    reason = models.TextField(_("reason"))

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("RAG status change")


class ProjectSponsor(models.Model):
    """A collaborative that sponsored the proposal, carried over when the project started."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="sponsors"
    )
    collaborative = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("sponsoring collaborative"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["id"]
        verbose_name = _("sponsor")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "collaborative"], name="project_sponsor_once"
            )
        ]

    def __str__(self):
        return f"{self.collaborative} – {self.project}"


class ProjectCondition(VersionedModel):
    """A condition of approval, as an item the project must close (with how it was met)."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="condition_items"
    )
    text = models.TextField(_("condition"))
    position = models.PositiveIntegerField(_("position"), default=0)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("closed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    how_met = models.TextField(_("how it was met"), blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("condition of approval")

    def __str__(self):
        return self.text[:80]


class Milestone(VersionedModel):
    """A point the project plans to reach, by a date."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="milestones"
    )
    title = models.CharField(_("milestone"), max_length=200)
    due_on = models.DateField(_("due date"))
    done_on = models.DateField(_("date done"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("milestone")
        indexes = [models.Index(fields=["done_on", "due_on"], name="milestone_open_due")]

    def __str__(self):
        return self.title


class ProgressUpdate(ImmutableModel):
    """A short regular note of how the project is going (kept as written)."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.PROTECT, related_name="updates"
    )
    at = models.DateTimeField(_("when"), default=timezone.now)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    text = models.TextField(_("progress update"))
    # The RAG status when it was written.
    rag = models.CharField(_("RAG status"), max_length=10, choices=Rag, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("progress update")

    def __str__(self):
        return self.text[:80]
