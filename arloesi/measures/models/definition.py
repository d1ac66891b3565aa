"""A measure: what is counted, how, how often and which way is better, attached to the aim, a
driver or a change idea of a driver diagram. Who sees and changes it is the diagram's owner's
question (a project's team and leads; ``selectors.access``)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import VersionedModel
from arloesi.measures.vocabulary import (
    ChartType,
    Direction,
    Frequency,
    MeasureKind,
    RuleSet,
    rule_set_fits,
)

NAME_LENGTH = 200
DEFINITION_LENGTH = 4000


class Measure(VersionedModel):
    node = models.ForeignKey(
        "diagrams.DiagramNode",
        verbose_name=_("box on the driver diagram"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind of measure"), max_length=20, choices=MeasureKind)
    name = models.CharField(_("name"), max_length=NAME_LENGTH)
    operational_definition = models.TextField(_("operational definition"), blank=True)
    numerator = models.TextField(_("numerator"), blank=True)
    denominator = models.TextField(_("denominator"), blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    data_source = models.CharField(_("data source"), max_length=200, blank=True)
    frequency = models.CharField(_("frequency"), max_length=20, choices=Frequency)
    direction = models.CharField(_("direction of improvement"), max_length=10, choices=Direction)
    target = models.DecimalField(
        _("target"), max_digits=16, decimal_places=4, null=True, blank=True
    )
    chart_type = models.CharField(_("chart"), max_length=10, choices=ChartType)
    rule_set = models.CharField(_("rules"), max_length=10, choices=RuleSet)
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
        verbose_name = _("measure")
        ordering = ["kind", "name", "id"]
        indexes = [models.Index(fields=["node", "kind"]), models.Index(fields=["name"])]

    def __str__(self):
        return self.name

    def clean(self):
        if not rule_set_fits(self.chart_type, self.rule_set):
            raise ValidationError({"rule_set": _("These rules cannot be used with this chart")})
