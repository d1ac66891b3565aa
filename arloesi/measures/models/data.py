"""A measure's data — one point per period, a value or a numerator and a denominator, which may
be left out of the calculation with a reason — and its annotations: notes, and the points where
a new phase starts and the limits are recalculated (with the reason)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.measures.models.definition import Measure
from arloesi.measures.vocabulary import AnnotationKind

NUMBER = {"max_digits": 16, "decimal_places": 4, "null": True, "blank": True}


class DataPoint(models.Model):
    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), on_delete=models.CASCADE, related_name="points"
    )
    period_start = models.DateField(_("period starting"))
    value = models.DecimalField(_("value"), **NUMBER)
    numerator = models.DecimalField(_("numerator"), **NUMBER)
    denominator = models.DecimalField(_("denominator"), **NUMBER)
    excluded = models.BooleanField(_("left out of the calculation"), default=False)
    excluded_reason = models.CharField(_("why it is left out"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("data point")
        ordering = ["period_start"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "period_start"], name="measure_one_point_per_period"
            )
        ]

    def __str__(self):
        return f"{self.measure} {self.period_start.isoformat()}"


class Annotation(models.Model):
    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), on_delete=models.CASCADE, related_name="annotations"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=AnnotationKind)
    on = models.DateField(_("date"))
    text = models.CharField(_("text"), max_length=1000)
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
        verbose_name = _("annotation")
        ordering = ["on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["measure", "on"],
                condition=Q(kind="rebase"),
                name="measure_one_rebase_per_date",
            )
        ]

    def __str__(self):
        return self.text if len(self.text) <= 80 else self.text[:79] + "…"
