"""The words of evaluation: the kinds of report, their stages, the recommendation, and the four
outcomes of the Welsh Government innovation programme's logic model with the result a report
gives for each."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class ReportKind(models.TextChoices):
    FORMATIVE = "formative", _("Formative (interim)")
    SUMMATIVE = "summative", _("Summative (final)")


class ReportStatus(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("evaluation report", "Draft")
    ISSUED = "issued", pgettext_lazy("evaluation report", "Issued")
    WITHDRAWN = "withdrawn", pgettext_lazy("evaluation report", "Withdrawn")


class Recommendation(models.TextChoices):
    CONTINUE = "continue", _("Continue and evaluate again")
    MAINSTREAM = "mainstream", _("Mainstream")
    SCALE_UP = "scale_up", _("Scale up")
    STOP = "stop", _("Stop")


# A summative report ends the evaluation: it recommends what happens next, never "continue".
SUMMATIVE_RECOMMENDATIONS = (
    Recommendation.MAINSTREAM,
    Recommendation.SCALE_UP,
    Recommendation.STOP,
)


class ProgrammeOutcome(models.TextChoices):
    """The four outcomes of the innovation programme's logic model, in its order."""

    ADOPTION = "adoption", _("Adoption of innovation")
    PATIENT_OUTCOMES = "patient_outcomes", _("Patient and citizen outcomes")
    PATIENT_EXPERIENCE = "patient_experience", _("Patient and citizen experience")
    RESOURCE_EFFICIENCY = "resource_efficiency", _("Resource efficiency")


class Result(models.TextChoices):
    IMPROVED = "improved", _("Improved")
    NO_CHANGE = "no_change", _("No change")
    WORSE = "worse", _("Worse")
    NOT_MEASURED = "not_measured", _("Not measured")


# The logic model's parts, in the order a reader follows them.
LOGIC_MODEL_PARTS = (
    "inputs",
    "activities",
    "outputs",
    "outcomes",
    "impact",
    "assumptions",
    "external_factors",
)
