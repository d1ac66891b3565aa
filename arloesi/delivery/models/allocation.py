"""The allocation a cluster lead asks for and confirms.

A run is proposed for a cluster and a period of months, with the weights the ranking used. Its
lines are what the allocator (``delivery.allocation``, pure) decided for each open task: allocated
or not, the hours per holder, skill and month (``hours``), the reasons with their numbers
(``reasons``, worded by the pages) and, for a task that did not fit, the hours short per skill
(``gap``). Nothing is allocated until the lead accepts the run, keeping or dropping lines; a
rejected run changes nothing. Accepted lines give their tasks their assignees; tasks the lead
confirms as not accommodated go onto the cluster's risk register.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import StatusChange, VersionedModel
from arloesi.delivery.runs import RunStatus


class AllocationRun(VersionedModel):
    """One proposal of who does what, for a cluster over a period of months."""

    cluster = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    first_month = models.DateField(_("first month"))
    last_month = models.DateField(_("last month"))
    weight_fit = models.DecimalField(_("weight of fit"), max_digits=3, decimal_places=1)
    weight_benefit = models.DecimalField(_("weight of benefit"), max_digits=3, decimal_places=1)
    weight_effort = models.DecimalField(_("weight of effort"), max_digits=3, decimal_places=1)
    # Moved only through services.status_change (RUN_WORKFLOW).
    status = models.CharField(
        _("status"), max_length=20, choices=RunStatus, default=RunStatus.PROPOSED
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposed by"),
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposed_at = models.DateTimeField(_("proposed"), default=timezone.now)

    class Meta:
        ordering = ["-proposed_at", "-id"]
        verbose_name = _("allocation")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_month__gte=F("first_month")), name="run_ends_after_it_starts"
            )
        ]
        indexes = [models.Index(fields=["cluster", "proposed_at"], name="run_cluster")]

    def __str__(self):
        return f"{self.first_month:%m/%Y} – {self.last_month:%m/%Y}"


class AllocationLine(models.Model):
    """What the allocator decided for one task, and what the lead made of it."""

    run = models.ForeignKey(
        AllocationRun, verbose_name=_("allocation"), on_delete=models.CASCADE, related_name="lines"
    )
    task = models.ForeignKey(
        "delivery.Task", verbose_name=_("task"), on_delete=models.PROTECT, related_name="+"
    )
    position = models.PositiveIntegerField(_("turn"))
    score = models.FloatField(_("priority score"))
    allocated = models.BooleanField(_("allocated"))
    # [{"holder": ["person", 12], "skill": "gp", "month": "2027-03-01", "hours": 10}, …]
    hours = models.JSONField(_("hours"), default=list, blank=True)
    # [{"code": "short_of_hours", "skill": "pharmacist", "hours_needed": 40, …}, …]
    reasons = models.JSONField(_("reasons"), default=list, blank=True)
    # {"pharmacist": 28}: hours short per skill, for a task that did not fit.
    gap = models.JSONField(_("hours short"), default=dict, blank=True)
    # The lead's edit: an allocated line kept (accepted with the run) or dropped.
    kept = models.BooleanField(_("kept"), default=True)
    # A line not allocated that the lead confirmed as not accommodated (risk register).
    confirmed_unaccommodated = models.BooleanField(
        _("confirmed as not accommodated"), default=False
    )
    # What a confirmed task served when the lead confirmed it, from the change idea's diagram:
    # {"aim": [node id, text] or null, "drivers": [[node id, text], …]} (the report reads it).
    lineage = models.JSONField(_("aim and drivers"), default=dict, blank=True)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("allocation line")
        constraints = [
            models.UniqueConstraint(fields=["run", "task"], name="allocation_line_once_per_task")
        ]

    def __str__(self):
        return f"{self.run_id}: {self.task_id}"


class AllocationRunStatusChange(StatusChange):
    """One step of a run: proposed, accepted or rejected (never edited)."""

    run = models.ForeignKey(
        AllocationRun,
        verbose_name=_("allocation"),
        on_delete=models.PROTECT,
        related_name="status_changes",
    )

    class Meta(StatusChange.Meta):
        verbose_name = _("allocation status change")
