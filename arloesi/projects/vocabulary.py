"""The words projects are described in: stages, outcomes, RAG status, PDSA decisions and the
state of a cycle. Pure (no database), shared by models, forms, selectors and templates."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Stage(models.TextChoices):
    PILOT = "pilot", _("Pilot or mobilising")
    DELIVERING = "delivering", _("Delivering")
    EVALUATING = "evaluating", _("Evaluating")
    CLOSED = "closed", _("Closed")


class Outcome(models.TextChoices):
    MAINSTREAMED = "mainstreamed", _("Mainstreamed")
    SCALE_UP = "scale_up", _("Candidate for scale-up")
    STOPPED = "stopped", _("Stopped")


class Rag(models.TextChoices):
    RED = "red", _("Red")
    AMBER = "amber", _("Amber")
    GREEN = "green", _("Green")


class ActDecision(models.TextChoices):
    ADOPT = "adopt", _("Adopt")
    ADAPT = "adapt", _("Adapt")
    ABANDON = "abandon", _("Abandon")


class CycleState(models.TextChoices):
    """Where a PDSA cycle is: worked out from its dates and what has been recorded."""

    PLANNED = "planned", _("Planned")
    RUNNING = "running", _("Running")
    OVERDUE = "overdue", _("Overdue")
    # A cylch is masculine in Welsh ("wedi’i gwblhau"), unlike a proposal's stages.
    COMPLETED = "completed", pgettext_lazy("PDSA cycle", "Completed")


class InnovationType(models.TextChoices):
    """The kinds of health innovation in the WHO's 2016 definition."""

    POLICY = "policy", _("Policy")
    SYSTEM = "system", _("System")
    PRODUCT = "product", _("Product")
    TECHNOLOGY = "technology", _("Technology")
    SERVICE = "service", _("Service")
    DELIVERY_METHOD = "delivery_method", _("Delivery method")
