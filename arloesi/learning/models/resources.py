"""The resources library: curated, bilingual guidance for each step of the pipeline, kept by the
national team and linked from the screens where it helps (`Resource.topic`)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import VersionedModel


class Resource(VersionedModel):
    class Topic(models.TextChoices):
        INNOVATION = "innovation", _("What counts as innovation")
        PITCHING = "pitching", _("Pitching an idea")
        VALUE = "value", _("Value propositions")
        DIAGRAMS = "diagrams", _("Driver diagrams")
        MEASURING = "measuring", _("Measuring improvement")
        EVALUATING = "evaluating", _("Evaluation")
        LEADERSHIP = "leadership", _("Compassionate leadership and innovation")
        OPEN_INNOVATION = "open_innovation", _("Open innovation")
        SCALING = "scaling", _("Scaling up and spreading")

    topic = models.CharField(_("topic"), max_length=30, choices=Topic)
    title_en = models.CharField(_("title in English"), max_length=200)
    title_cy = models.CharField(_("title in Welsh"), max_length=200)
    summary_en = models.TextField(_("summary in English"))
    summary_cy = models.TextField(_("summary in Welsh"))
    # Where the guidance itself lives (a national page or document), if not in the summary.
    url = models.URLField(_("address of the guidance"), max_length=500, blank=True)
    position = models.PositiveIntegerField(_("position"), default=0)
    is_published = models.BooleanField(_("shown in the library"), default=True)
    updated_at = models.DateTimeField(_("updated"), default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("updated by"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )

    class Meta:
        ordering = ["topic", "position", "id"]
        verbose_name = _("resource")

    def __str__(self):
        return self.title_en
