"""The API app's background work: its use log is kept for ``API_TOKEN_USES_KEEP_DAYS`` (13
months by default), then removed, once a day. The chain is seeded after every ``migrate`` and
when the worker starts (``core.tasks.register_recurring``, in the app's ``ready()``). What a
token changed stays in the audit trail, which is never pruned."""

from datetime import timedelta

from django.conf import settings
from django.tasks import task
from django.utils import timezone

from arloesi.api.models import TokenUse
from arloesi.core.tasks import schedule_once

PRUNE_EVERY = timedelta(days=1)


@task()
def token_uses_prune() -> int:
    """Remove the uses older than their keeping, then come back tomorrow."""
    now = timezone.now()
    deleted = TokenUse.objects.past_keeping(now - timedelta(days=settings.API_TOKEN_USES_KEEP_DAYS))
    token_uses_prune_schedule(run_after=now + PRUNE_EVERY)
    return deleted


def token_uses_prune_schedule(*, run_after=None) -> bool:
    """Make sure one run of ``token_uses_prune`` is waiting (by default, a day from now); True
    if this call scheduled it."""
    return schedule_once(token_uses_prune, run_after=run_after or timezone.now() + PRUNE_EVERY)
