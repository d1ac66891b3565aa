"""A cluster taking up a published innovation: adopted as it was, or adapted. The adoption
starts a draft proposal in the adopting cluster with the original's driver diagram, measures and
change ideas copied, and keeps the link to the record it came from and what was changed."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from arloesi.learning.models.records import LearningRecord
from arloesi.learning.vocabulary import AdoptionKind


class Adoption(models.Model):
    record = models.ForeignKey(
        LearningRecord,
        verbose_name=_("learning record"),
        on_delete=models.PROTECT,
        related_name="adoptions",
    )
    kind = models.CharField(_("adopted or adapted"), max_length=10, choices=AdoptionKind)
    # The adopting cluster, and the collaborative whose draft it is.
    cluster = models.ForeignKey(
        "organisations.OrganisationUnit",
        verbose_name=_("cluster"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    proposal = models.OneToOneField(
        "proposals.Proposal",
        verbose_name=_("proposal"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    changes = models.TextField(_("what was changed"), blank=True)
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
        ordering = ["-created_at", "-id"]
        verbose_name = _("adoption")

    def __str__(self):
        return f"{self.get_kind_display()}: {self.proposal_id}"
