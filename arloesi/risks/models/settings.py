"""A health board's risk matrix: score bands, review intervals by band and the escalation
score. Without a row, the board uses the defaults (``risks.matrix.DEFAULT``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from arloesi.core.models import VersionedModel
from arloesi.risks import matrix


class RiskMatrixSettings(VersionedModel):
    health_board = models.OneToOneField(
        "organisations.OrganisationUnit",
        verbose_name=_("health board"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    low_max = models.PositiveSmallIntegerField(_("highest low score"), default=3)
    moderate_max = models.PositiveSmallIntegerField(_("highest moderate score"), default=6)
    high_max = models.PositiveSmallIntegerField(_("highest high score"), default=12)
    review_months_low = models.PositiveSmallIntegerField(
        _("months between reviews: low"), default=12
    )
    review_months_moderate = models.PositiveSmallIntegerField(
        _("months between reviews: moderate"), default=6
    )
    review_months_high = models.PositiveSmallIntegerField(
        _("months between reviews: high"), default=3
    )
    review_months_extreme = models.PositiveSmallIntegerField(
        _("months between reviews: extreme"), default=1
    )
    escalation_score = models.PositiveSmallIntegerField(_("escalation score"), default=15)

    class Meta:
        verbose_name = _("risk matrix settings")

    def __str__(self):
        return str(self.health_board)

    def as_matrix(self) -> matrix.RiskMatrix:
        return matrix.RiskMatrix(
            low_max=self.low_max,
            moderate_max=self.moderate_max,
            high_max=self.high_max,
            review_months=(
                self.review_months_low,
                self.review_months_moderate,
                self.review_months_high,
                self.review_months_extreme,
            ),
            escalation_score=self.escalation_score,
        )
