"""Tasks: the work that delivers a change idea, who does it, and the skills and hours it needs.

A task belongs to a cluster (whose people's capacity it uses) and to a change idea on a driver
diagram (a ``diagrams.DiagramNode`` of kind *change idea*; the diagram stays the diagram's app's,
the task only points at the box). Its effort is the sum of its needs (``TaskNeed``: hours of a
skill). Its status moves only through ``core.services.status_change`` (``TASK_WORKFLOW``), each
step a ``TaskStatusChange`` row. A removed task keeps its row (``removed_at``) so its history and
anything that points at it (the allocation, the risk register) stay readable.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import StatusChange, VersionedModel
from arloesi.delivery.vocabulary import GroupKind, TaskStatus


class Skill(models.Model):
    """One entry of the maintained list of skills a task may need and a person may offer.

    Seeded by a data migration (``vocabulary.DEFAULT_SKILLS``); a skill no longer used is made
    inactive rather than deleted, so the needs and declarations that name it keep their meaning.
    """

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_en = models.CharField(_("name in English"), max_length=100)
    name_cy = models.CharField(_("name in Welsh"), max_length=100)
    active = models.BooleanField(_("in use"), default=True)
    position = models.PositiveIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "name_en"]
        verbose_name = _("skill")

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return self.name_cy if get_language() == "cy" and self.name_cy else self.name_en


class DeliveryGroup(VersionedModel):
    """A named group of people in a cluster that tasks can be given to: a professional
    collaborative, a practice team or any other named group. Its lead declares its capacity."""

    kind = models.CharField(_("kind of group"), max_length=20, choices=GroupKind)
    cluster = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    # The collaborative the group is (kind collaborative) or belongs to, if any.
    collaborative = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("professional collaborative"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=200)
    lead = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("group lead"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("members"), blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("delivery group")
        indexes = [models.Index(fields=["cluster", "name"], name="delivery_group_cluster")]

    def __str__(self):
        return self.name


class Task(VersionedModel):
    """A piece of work that delivers a change idea in a cluster.

    Assigned to a person, a group, both or (until allocated) neither. Effort is the sum of its
    needs. Dependencies are other tasks of the same cluster that must be done first (no cycles:
    ``services.tasks`` refuses one). The expected benefit and the override feed the
    prioritisation (score = fit with local priorities × benefit ÷ effort, unless overridden).
    """

    cluster = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    change_idea = models.ForeignKey(
        "diagrams.DiagramNode",
        verbose_name=_("change idea"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"kind": "change_idea"},
    )
    title = models.CharField(_("what"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    assigned_person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to (person)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    assigned_group = models.ForeignKey(
        DeliveryGroup,
        verbose_name=_("assigned to (group)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="tasks",
    )
    starts_on = models.DateField(_("earliest start"))
    due_on = models.DateField(_("due date"))
    # Moved only through services.status_change (TASK_WORKFLOW).
    status = models.CharField(
        _("status"), max_length=20, choices=TaskStatus, default=TaskStatus.NOT_STARTED
    )
    dependencies = models.ManyToManyField(
        "self",
        verbose_name=_("depends on"),
        symmetrical=False,
        blank=True,
        related_name="dependents",
    )
    priorities = models.ManyToManyField(
        "proposals.LocalPriority",
        verbose_name=_("local priorities it serves"),
        blank=True,
        related_name="+",
    )
    expected_benefit = models.PositiveSmallIntegerField(_("expected benefit"), default=3)
    # A lead's own score for the task instead of the calculated one, with the reason.
    priority_override = models.DecimalField(
        _("priority score given"), max_digits=9, decimal_places=2, null=True, blank=True
    )
    priority_override_reason = models.TextField(_("reason for the priority score"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("created by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    removed_at = models.DateTimeField(_("removed"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("task")
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=F("starts_on")), name="task_due_after_start"
            ),
            models.CheckConstraint(
                condition=Q(expected_benefit__gte=1, expected_benefit__lte=5),
                name="task_benefit_1_to_5",
            ),
            models.CheckConstraint(
                condition=Q(priority_override__isnull=True) | ~Q(priority_override_reason=""),
                name="task_override_has_reason",
            ),
        ]
        indexes = [
            models.Index(fields=["cluster", "removed_at", "due_on"], name="task_cluster_due"),
            models.Index(fields=["change_idea", "removed_at"], name="task_change_idea"),
        ]

    def __str__(self):
        return self.title


class TaskNeed(models.Model):
    """Hours of one skill a task needs (the task's effort is the sum of its needs)."""

    task = models.ForeignKey(
        Task, verbose_name=_("task"), on_delete=models.CASCADE, related_name="needs"
    )
    skill = models.ForeignKey(
        Skill, verbose_name=_("skill"), on_delete=models.PROTECT, related_name="+"
    )
    hours = models.PositiveIntegerField(_("hours"))

    class Meta:
        ordering = ["id"]
        verbose_name = _("skill needed")
        constraints = [
            models.UniqueConstraint(fields=["task", "skill"], name="task_need_once_per_skill"),
            models.CheckConstraint(condition=Q(hours__gte=1), name="task_need_hours_positive"),
        ]

    def __str__(self):
        return f"{self.skill}: {self.hours}"


class TaskStatusChange(StatusChange):
    """One step of a task through its statuses (never edited: the task's history)."""

    task = models.ForeignKey(
        Task, verbose_name=_("task"), on_delete=models.PROTECT, related_name="status_changes"
    )

    class Meta(StatusChange.Meta):
        verbose_name = _("task status change")
