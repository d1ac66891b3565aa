"""A project's logic model: how its inputs and activities are meant to lead to its outcomes and
impact, and what it assumes. One per project, written by its team and kept up to date."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import VersionedModel


class LogicModel(VersionedModel):
    project = models.OneToOneField(
        "projects.Project", verbose_name=_("project"), on_delete=models.CASCADE, related_name="+"
    )
    inputs = models.TextField(_("inputs"), blank=True)
    activities = models.TextField(_("activities"), blank=True)
    outputs = models.TextField(_("outputs"), blank=True)
    outcomes = models.TextField(_("outcomes"), blank=True)
    impact = models.TextField(_("impact"), blank=True)
    assumptions = models.TextField(_("assumptions"), blank=True)
    external_factors = models.TextField(_("external factors"), blank=True)
    updated_at = models.DateTimeField(_("last changed"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        verbose_name = _("logic model")

    def __str__(self):
        return str(_("Logic model"))
