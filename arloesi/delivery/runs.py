"""An allocation run's statuses, decided in one place (applied by ``core.services.status_change``,
each step kept as an ``AllocationRunStatusChange``).

    proposed ──▶ accepted
        └──────▶ rejected

Only the cluster's leads (``delivery.manage``) decide, checked by the service. Nothing is
allocated while a run is proposed; a rejected run changes nothing.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from arloesi.core.workflow import Transition, Workflow


class RunStatus(models.TextChoices):
    PROPOSED = "proposed", _("Proposed")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")


RUN_WORKFLOW = Workflow(
    "allocation",
    [
        Transition(RunStatus.PROPOSED, RunStatus.ACCEPTED),
        Transition(RunStatus.PROPOSED, RunStatus.REJECTED),
    ],
)
