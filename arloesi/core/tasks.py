"""Background work that every app uses. Runs in the database-backed task worker.

A task's arguments are kept in the task table until the result is pruned, so they never hold
a secret: a link that lets someone take a role or reset a password is made by the task itself,
from ids (see organisations.tasks). Finished results are pruned by ``task_results_prune``,
which reschedules itself every hour and is seeded after every ``migrate`` and when the worker
starts (``arloesi worker``).
"""

import logging
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.tasks import TaskResultStatus, task, task_backends
from django.template.loader import render_to_string
from django.utils import timezone, translation

logger = logging.getLogger(__name__)

PRUNE_EVERY = timedelta(hours=1)


def deliver(*, to: str, template: str, context: dict, language: str) -> None:
    """Render ``<template>_subject.txt`` and ``<template>_body.txt`` in the recipient's language
    and send them now. For use inside a task."""
    with translation.override(language):
        context = {**context, "site_url": settings.SITE_URL, "language": language}
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}_body.txt", context)
    message = EmailMultiAlternatives(subject=subject, body=body, to=[to])
    message.extra_headers["Content-Language"] = language
    message.send()


@task()
def send_email(*, to: str, template: str, context: dict, language: str) -> None:
    """An e-mail with nothing secret in it. ``context`` holds plain values only (tasks cross a
    process boundary, and their arguments are stored until the result is pruned)."""
    deliver(to=to, template=template, context=context, language=language)


def _deferring_backend():
    """The task backend, if it keeps tasks for later (the database one; not the immediate
    backend of the tests, where a task that reschedules itself would run forever)."""
    backend = task_backends["default"]
    return backend if backend.supports_defer else None


def _task_results():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects


@task()
def task_results_prune() -> int:
    """Delete finished task results past their retention, then come back in an hour."""
    now = timezone.now()
    succeeded_before = now - timedelta(days=settings.TASK_RESULTS_KEEP_SUCCEEDED_DAYS)
    failed_before = now - timedelta(days=settings.TASK_RESULTS_KEEP_FAILED_DAYS)
    deleted, _ = (
        _task_results()
        .filter(
            Q(status=TaskResultStatus.SUCCESSFUL, finished_at__lt=succeeded_before)
            | Q(status=TaskResultStatus.FAILED, finished_at__lt=failed_before)
        )
        .delete()
    )
    if deleted:
        logger.info("Pruned %d finished task results", deleted)
    task_results_prune_schedule(run_after=now + PRUNE_EVERY)
    return deleted


def task_results_prune_schedule(*, run_after=None) -> bool:
    """Make sure one prune is waiting to run; True if this call scheduled it."""
    return schedule_once(task_results_prune, run_after=run_after)


def schedule_once(recurring_task, *, run_after=None) -> bool:
    """Make sure one run of a task that reschedules itself is waiting; True if this call
    scheduled it. Safe to call from several places at once: a second waiting run only makes one
    extra, harmless run, and the chain goes back to one, because a run that finds another
    waiting adds none."""
    if _deferring_backend() is None:
        return False
    waiting = _task_results().filter(
        task_path=recurring_task.module_path, status=TaskResultStatus.READY
    )
    if waiting.exists():
        return False
    recurring_task.using(run_after=run_after or timezone.now()).enqueue()
    return True


# Other apps' tasks that reschedule themselves: each app registers the function that seeds its
# chain (``register_recurring``, in its AppConfig.ready()), and every chain is seeded with the
# prune after ``migrate`` and when the worker starts (``recurring_seed``).
_recurring: list[Callable[[], bool]] = []


def register_recurring(seed: Callable[[], bool]) -> None:
    if seed not in _recurring:
        _recurring.append(seed)


def recurring_seed() -> None:
    task_results_prune_schedule()
    for seed in _recurring:
        seed()
