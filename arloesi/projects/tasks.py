"""The projects app's background work: reminders by e-mail before and after due dates.

``reminders_send`` queues what is due (``services.reminders_send``: each reminder once), then
comes back the next morning. Its chain is seeded after every ``migrate`` and when the worker
starts (``core.tasks.register_recurring``, in the app's ``ready()``).
"""

from datetime import datetime, time, timedelta

from django.tasks import task
from django.utils import timezone

from arloesi.core.tasks import schedule_once
from arloesi.projects import services

# Reminders go out once a day, early in the working morning.
SEND_AT = time(7, 0)


def next_morning(now: datetime | None = None) -> datetime:
    """The next SEND_AT, local time, after ``now``."""
    now = timezone.localtime(now or timezone.now())
    at = now.replace(hour=SEND_AT.hour, minute=SEND_AT.minute, second=0, microsecond=0)
    return at if at > now else at + timedelta(days=1)


@task()
def reminders_send() -> int:
    """Queue the reminders due today, then come back tomorrow morning."""
    sent = services.reminders_send()
    reminders_send_schedule(run_after=next_morning())
    return sent


def reminders_send_schedule(*, run_after=None) -> bool:
    """Make sure one run of ``reminders_send`` is waiting (by default, for the next morning);
    True if this call scheduled it."""
    return schedule_once(reminders_send, run_after=run_after or next_morning())
