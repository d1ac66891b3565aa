"""Reminders sent about cycles, milestones and progress updates: one row per reminder, so a
reminder is sent once however often the worker runs (or restarts)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReminderSent(models.Model):
    class Kind(models.TextChoices):
        CYCLE_DUE = "cycle_due", _("PDSA cycle ends soon")
        CYCLE_OVERDUE = "cycle_overdue", _("PDSA cycle overdue")
        MILESTONE_DUE = "milestone_due", _("Milestone due soon")
        MILESTONE_OVERDUE = "milestone_overdue", _("Milestone overdue")
        UPDATE_DUE = "update_due", _("Progress update due")

    kind = models.CharField(_("reminder"), max_length=20, choices=Kind)
    # The cycle, milestone or project it is about.
    object_id = models.PositiveBigIntegerField(_("about"))
    # The date it is about: a changed due date gets its own reminder.
    due_on = models.DateField(_("due date"))
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent to"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    sent_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder sent")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "object_id", "due_on", "recipient"], name="reminder_sent_once"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} – {self.due_on}"
