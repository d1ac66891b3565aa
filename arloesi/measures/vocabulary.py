"""The words of measurement as choices: what a measure is for, how often it is counted, which
way is better, the chart it is drawn on and the rules it is read with. Public vocabulary."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from arloesi.measures.spc.model import VALID_METHODS


class MeasureKind(models.TextChoices):
    OUTCOME = "outcome", _("Outcome measure")
    PROCESS = "process", _("Process measure")
    BALANCING = "balancing", _("Balancing measure")


class Frequency(models.TextChoices):
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")


class Direction(models.TextChoices):
    UP = "up", _("Higher is better")
    DOWN = "down", _("Lower is better")
    NEITHER = "neither", _("Neither")


# The engine's name for each direction.
ENGINE_DIRECTION = {
    Direction.UP: "increase",
    Direction.DOWN: "decrease",
    Direction.NEITHER: "neutral",
}


class ChartType(models.TextChoices):
    RUN = "run", _("Run chart")
    XMR = "xmr", _("XmR chart (individuals and moving range)")
    MR = "mr", _("Moving range chart")
    P = "p", _("p chart (proportions)")
    PP = "pp", _("p′ chart (proportions, Laney)")
    U = "u", _("u chart (rates)")
    UP = "up", _("u′ chart (rates, Laney)")
    C = "c", _("c chart (counts)")


# Charts whose points are a numerator over a denominator.
WITH_DENOMINATOR = frozenset({ChartType.P, ChartType.PP, ChartType.U, ChartType.UP})
# Proportions are shown as percentages.
PERCENT_CHARTS = frozenset({ChartType.P, ChartType.PP})


class RuleSet(models.TextChoices):
    MDC = "mdc", _("Making Data Count (NHS England)")
    ANHOEJ = "anhoej", _("Anhøj rules")
    IHI = "ihi", _("IHI run chart rules")


def default_rule_set(chart: str) -> str:
    """Making Data Count for an XmR chart, Anhøj's rules for every other."""
    return RuleSet.MDC if chart == ChartType.XMR else RuleSet.ANHOEJ


def rule_set_fits(chart: str, rule_set: str) -> bool:
    return rule_set in VALID_METHODS.get(chart, ())


class AnnotationKind(models.TextChoices):
    NOTE = "note", _("Note")
    REBASE = "rebase", _("Limits recalculated")
