"""What proposals are judged against: local priorities, intakes and their criteria."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from arloesi.organisations.roles import Kind


def in_language(obj, name: str) -> str:
    """Text kept in English and Welsh (``<name>_en``, ``<name>_cy``), in the reader's language."""
    welsh = getattr(obj, f"{name}_cy", "")
    return welsh if get_language() == "cy" and welsh else getattr(obj, f"{name}_en")


class LocalPriority(models.Model):
    """A priority a planning group or a cluster agreed in one of its plans, for a period."""

    class SourcePlan(models.TextChoices):
        CLUSTER_PLAN = "cluster_plan", _("Cluster plan")
        PAN_CLUSTER_PLAN = "pan_cluster_plan", _("Pan-cluster plan")
        IMTP = "imtp", _("Integrated medium-term plan (IMTP)")

    unit = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("planning group or cluster"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    title_en = models.CharField(_("title in English"), max_length=200)
    title_cy = models.CharField(_("title in Welsh"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    source_plan = models.CharField(_("plan it comes from"), max_length=20, choices=SourcePlan)
    period_start = models.DateField(_("start date"))
    period_end = models.DateField(_("end date"))

    class Meta:
        ordering = ["-period_start", "title_en"]
        verbose_name = _("local priority")
        verbose_name_plural = _("local priorities")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")),
                name="priority_period_ends_after_it_starts",
            )
        ]

    def __str__(self):
        return self.title

    @property
    def title(self) -> str:
        return in_language(self, "title")

    @property
    def scope_path(self) -> str:
        return self.unit.path

    def clean(self):
        if self.unit_id and self.unit.kind not in (Kind.PLANNING_GROUP, Kind.CLUSTER):
            raise ValidationError(
                {"unit": _("Local priorities belong to a planning group or a cluster.")}
            )
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The end date must be after the start date.")})

    def is_current(self, on=None) -> bool:
        on = on or timezone.localdate()
        return self.period_start <= on <= self.period_end


class Intake(models.Model):
    """A window in which a planning group accepts proposals, with the criteria it scores them by.

    Criteria belong to the intake, so the weights a proposal is scored against cannot change
    under it when the next window is configured differently.
    """

    planning_group = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("planning group"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    opens_at = models.DateTimeField(_("opens"), default=timezone.now)
    closes_at = models.DateTimeField(_("closes"), null=True, blank=True)

    class Meta:
        ordering = ["-opens_at"]
        verbose_name = _("intake")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__isnull=True) | Q(closes_at__gt=models.F("opens_at")),
                name="intake_closes_after_it_opens",
            ),
            models.UniqueConstraint(
                fields=["planning_group"],
                condition=Q(closes_at__isnull=True),
                name="intake_one_open_window_per_planning_group",
            ),
        ]

    def __str__(self):
        return f"{self.planning_group} {self.opens_at:%Y-%m-%d}"

    @property
    def planning_group_path(self) -> str:
        return self.planning_group.path

    def is_open(self, at=None) -> bool:
        at = at or timezone.now()
        return self.opens_at <= at and (self.closes_at is None or at < self.closes_at)

    def clean(self):
        if self.planning_group_id and self.planning_group.kind != Kind.PLANNING_GROUP:
            raise ValidationError(
                {"planning_group": _("Only a pan-cluster planning group runs an intake.")}
            )


class Criterion(models.Model):
    intake = models.ForeignKey(
        Intake, verbose_name=_("intake"), on_delete=models.PROTECT, related_name="criteria"
    )
    name_en = models.CharField(_("name in English"), max_length=200)
    name_cy = models.CharField(_("name in Welsh"), max_length=200)
    weight = models.DecimalField(
        _("weight"),
        max_digits=5,
        decimal_places=2,
        validators=[MinValueValidator(0.01)],
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        ordering = ["position", "id"]
        verbose_name = _("criterion")
        verbose_name_plural = _("criteria")
        constraints = [
            models.CheckConstraint(condition=Q(weight__gt=0), name="criterion_weight_positive"),
            models.UniqueConstraint(
                fields=["intake", "name_en"], name="criterion_name_unique_in_intake"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def name(self) -> str:
        return in_language(self, "name")
