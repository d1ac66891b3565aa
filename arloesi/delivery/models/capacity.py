"""Capacity: the hours people and groups can give to improvement work, their absences, and the
capacity a health board's innovation team offers a cluster for named priorities.

Months are stored as the first day of the month (``from_month``, ``to_month``; the arithmetic is
``delivery.capacity``). A declaration names the cluster it is given to, so a cluster's capacity is
read from its own rows.
"""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import VersionedModel


class CapacityDeclaration(VersionedModel):
    """Hours a month a person (or a group, declared by its lead) can give to a cluster's
    improvement work with one skill, from a month, until a month or open-ended."""

    cluster = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    group = models.ForeignKey(
        "delivery.DeliveryGroup",
        verbose_name=_("group"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="capacity",
    )
    skill = models.ForeignKey(
        "delivery.Skill", verbose_name=_("skill"), on_delete=models.PROTECT, related_name="+"
    )
    hours_per_month = models.PositiveIntegerField(_("hours a month"))
    from_month = models.DateField(_("from"))
    to_month = models.DateField(_("until"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        ordering = ["from_month", "id"]
        verbose_name = _("capacity")
        constraints = [
            models.CheckConstraint(
                condition=(Q(person__isnull=False) & Q(group__isnull=True))
                | (Q(person__isnull=True) & Q(group__isnull=False)),
                name="capacity_person_or_group",
            ),
            models.CheckConstraint(
                condition=Q(to_month__isnull=True) | Q(to_month__gte=F("from_month")),
                name="capacity_ends_after_it_starts",
            ),
        ]
        indexes = [
            models.Index(fields=["cluster", "from_month"], name="capacity_cluster"),
            models.Index(fields=["person", "from_month"], name="capacity_person"),
        ]

    def __str__(self):
        return f"{self.skill}: {self.hours_per_month}"


class Absence(VersionedModel):
    """Days a person is away: their declared hours in those months shrink by the share of the
    month's working days they miss."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    first_day = models.DateField(_("first day away"))
    last_day = models.DateField(_("last day away"))
    note = models.CharField(_("note"), max_length=200, blank=True)

    class Meta:
        ordering = ["first_day", "id"]
        verbose_name = _("absence")
        constraints = [
            models.CheckConstraint(
                condition=Q(last_day__gte=F("first_day")), name="absence_ends_after_it_starts"
            )
        ]
        indexes = [models.Index(fields=["person", "first_day"], name="absence_person")]

    def __str__(self):
        return f"{self.first_day} – {self.last_day}"


class CapacityOffer(VersionedModel):
    """Capacity a health board's innovation team offers a cluster for named local priorities:
    hours a month of a skill for some months, counted only for tasks serving those priorities."""

    health_board = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("offering health board"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    cluster = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("receiving cluster"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    skill = models.ForeignKey(
        "delivery.Skill", verbose_name=_("skill"), on_delete=models.PROTECT, related_name="+"
    )
    hours_per_month = models.PositiveIntegerField(_("hours a month"))
    from_month = models.DateField(_("from"))
    to_month = models.DateField(_("until"))
    priorities = models.ManyToManyField(
        "proposals.LocalPriority", verbose_name=_("for the local priorities"), related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("offered by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        ordering = ["from_month", "id"]
        verbose_name = _("capacity offer")
        constraints = [
            models.CheckConstraint(
                condition=Q(to_month__gte=F("from_month")), name="offer_ends_after_it_starts"
            )
        ]
        indexes = [models.Index(fields=["cluster", "from_month"], name="offer_cluster")]

    def __str__(self):
        return f"{self.skill}: {self.hours_per_month}"
