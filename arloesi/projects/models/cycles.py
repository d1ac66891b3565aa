"""Cycles of change: PDSA cycles (the IHI worksheet), linked into ramps that test one change idea
from a very small test to implementation.

A cycle is **completed** when its study and act are recorded (``completed_at`` is set by the
service that records them); a cycle past its planned end without them is **overdue**
(``projects.cycles.state``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import VersionedModel
from arloesi.projects.models.running import Project
from arloesi.projects.vocabulary import ActDecision


class Ramp(VersionedModel):
    """A sequence of cycles testing one change idea (often one from the project's driver
    diagram), from a very small test to implementation."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="ramps"
    )
    change_idea = models.CharField(_("change idea"), max_length=200)
    # The change idea's box on the project's driver diagram, when it came from there.
    diagram_node = models.ForeignKey(
        "diagrams.DiagramNode",
        verbose_name=_("change idea on the driver diagram"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("ramp")

    def __str__(self):
        return self.change_idea


class PdsaCycle(VersionedModel):
    """One Plan-Do-Study-Act cycle: the IHI worksheet."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="cycles"
    )
    ramp = models.ForeignKey(
        Ramp,
        verbose_name=_("ramp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cycles",
    )
    # Its place in the ramp: 1 for the first, very small test.
    number = models.PositiveIntegerField(_("cycle number"), default=1)
    title = models.CharField(_("title"), max_length=200)
    # Who leads the cycle (reminders go to them, or to the project's lead when there is none).
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("who leads the cycle"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Objective; questions and predictions.
    objective = models.TextField(_("objective"), blank=True)
    questions = models.TextField(_("questions"), blank=True)
    predictions = models.TextField(_("predictions"), blank=True)
    # Plan: who, what, where, when; the data to collect.
    plan_who = models.TextField(_("who"), blank=True)
    plan_what = models.TextField(_("what"), blank=True)
    plan_where = models.TextField(_("where"), blank=True)
    plan_when = models.TextField(_("when"), blank=True)
    data_to_collect = models.TextField(_("data to collect"), blank=True)
    planned_start_on = models.DateField(_("planned start"))
    planned_end_on = models.DateField(_("planned end"))
    # Do: what happened, observations, problems.
    do_what_happened = models.TextField(_("what happened"), blank=True)
    do_observations = models.TextField(_("observations"), blank=True)
    do_problems = models.TextField(_("problems"), blank=True)
    # Study: results against the predictions.
    study_results = models.TextField(_("results against predictions"), blank=True)
    # Act: adopt, adapt or abandon; the next cycle.
    act_decision = models.CharField(_("decision"), max_length=10, choices=ActDecision, blank=True)
    act_next = models.TextField(_("next cycle"), blank=True)
    completed_at = models.DateTimeField(_("completed"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["planned_start_on", "number", "id"]
        verbose_name = _("PDSA cycle")
        indexes = [
            models.Index(fields=["completed_at", "planned_end_on"], name="cycle_open_due"),
            models.Index(fields=["project", "planned_start_on"], name="cycle_project_start"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(planned_end_on__gte=models.F("planned_start_on")),
                name="cycle_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.title
