"""The words risk registers are written in: categories, status, bands and which score a
rescoring changed. Pure (no database), shared by models, forms, selectors and templates."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Category(models.TextChoices):
    # Work that could not be accommodated in the delivery plan (raised by the delivery app).
    UNADDRESSED = "unaddressed", _("Unaddressed potential for improvement")
    CLINICAL = "clinical", _("Clinical and quality")
    WORKFORCE = "workforce", _("Workforce")
    FINANCIAL = "financial", _("Financial")
    REPUTATIONAL = "reputational", _("Reputational")
    INFORMATION_GOVERNANCE = "information_governance", _("Information governance")
    OTHER = "other", _("Other")


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Band(models.TextChoices):
    LOW = "low", _("Low")
    MODERATE = "moderate", _("Moderate")
    HIGH = "high", _("High")
    EXTREME = "extreme", _("Extreme")


class ScoreKind(models.TextChoices):
    INITIAL = "initial", _("Initial score")
    CURRENT = "current", _("Current score")
    TARGET = "target", _("Target score")


# The NHS 5 × 5 matrix's scales, 1 to 5, with their usual names.
CONSEQUENCES = [
    (1, _("1 – Negligible")),
    (2, _("2 – Minor")),
    (3, _("3 – Moderate")),
    (4, _("4 – Major")),
    (5, _("5 – Catastrophic")),
]
LIKELIHOODS = [
    (1, _("1 – Rare")),
    (2, _("2 – Unlikely")),
    (3, _("3 – Possible")),
    (4, _("4 – Likely")),
    (5, _("5 – Almost certain")),
]
