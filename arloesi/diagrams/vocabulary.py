"""The diagram's words as choices: its columns (the exchange format's kinds), the strength of a
link, and what a diagram belongs to. Public vocabulary: pages and other apps may use it."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    """The columns, left to right (the exchange format's ``kind``)."""

    AIM = "aim", _("Aim")
    PRIMARY = "primary", _("Primary driver")
    SECONDARY = "secondary", _("Secondary driver")
    CHANGE_IDEA = "change_idea", _("Change idea")


COLUMN_OF = {kind: number for number, kind in enumerate(Kind.values)}


class Strength(models.TextChoices):
    STRONG = "strong", _("Strong")
    WEAK = "weak", _("Weak")


class OwnerKind(models.TextChoices):
    PROPOSAL = "proposal", _("Proposal")
    PROJECT = "project", _("Project")
    STANDALONE = "standalone", _("Your own diagram")
