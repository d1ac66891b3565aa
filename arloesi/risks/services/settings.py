"""A health board's risk matrix: its bands, review intervals and escalation score. Reviews
already booked keep their dates; the next review or rescoring uses the new intervals."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from arloesi.core import audit, permissions
from arloesi.organisations.roles import Kind
from arloesi.risks.models import RiskMatrixSettings
from arloesi.risks.permissions import Perm

MATRIX_FIELDS = (
    "low_max",
    "moderate_max",
    "high_max",
    "review_months_low",
    "review_months_moderate",
    "review_months_high",
    "review_months_extreme",
    "escalation_score",
)


@transaction.atomic
def matrix_settings_save(
    *, actor, health_board, expected_version: int | None, **values: int
) -> RiskMatrixSettings:
    if health_board.kind != Kind.HEALTH_BOARD or not permissions.can(
        actor, Perm.CONFIGURE, health_board.path
    ):
        raise PermissionDenied
    fields = {name: values[name] for name in MATRIX_FIELDS}
    saved = RiskMatrixSettings.objects.filter(health_board=health_board).first()
    candidate = RiskMatrixSettings(health_board=health_board, **fields).as_matrix()
    problems = candidate.problems()
    errors = {}
    if "bands" in problems:
        errors["high_max"] = _(
            "The highest scores of the bands must rise: low below moderate below high, and "
            "high below 25"
        )
    if "review_months" in problems:
        errors["review_months_low"] = _("Each interval must be from 1 to 60 months")
    if "escalation_score" in problems:
        errors["escalation_score"] = _("The escalation score must be from 1 to 25")
    if errors:
        raise ValidationError(errors)
    if saved is None:
        return audit.create(RiskMatrixSettings, actor=actor, health_board=health_board, **fields)
    return audit.update(saved, actor=actor, expected_version=expected_version, **fields)
