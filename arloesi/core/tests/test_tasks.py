"""Finished task results are pruned on a schedule the worker keeps."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from arloesi.core import tasks

pytestmark = pytest.mark.django_db


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def finished(status, days_ago: float, name: str):
    at = timezone.now() - timedelta(days=days_ago)
    return DBTaskResult.objects.create(
        status=status,
        finished_at=at,
        run_after=at,
        args_kwargs={"args": [], "kwargs": {"name": name}},
        task_path=tasks.send_email.module_path,
        backend_name="default",
    )


def waiting_prunes():
    return DBTaskResult.objects.filter(
        task_path=tasks.task_results_prune.module_path, status=TaskResultStatus.READY
    )


def test_results_past_their_retention_are_deleted_and_the_next_prune_is_in_an_hour(
    database_tasks, settings
):
    settings.TASK_RESULTS_KEEP_SUCCEEDED_DAYS = 7
    settings.TASK_RESULTS_KEEP_FAILED_DAYS = 30
    DBTaskResult.objects.all().delete()
    finished(TaskResultStatus.SUCCESSFUL, 8, "old success")
    finished(TaskResultStatus.SUCCESSFUL, 6, "recent success")
    finished(TaskResultStatus.FAILED, 31, "old failure")
    finished(TaskResultStatus.FAILED, 8, "recent failure")
    waiting = tasks.send_email.enqueue(to="a@example.org", template="x", context={}, language="en")

    assert tasks.task_results_prune.call() == 2

    kept = {row.args_kwargs["kwargs"].get("name") for row in DBTaskResult.objects.all()}
    assert kept == {"recent success", "recent failure", None}
    assert DBTaskResult.objects.filter(pk=waiting.id).exists()
    (next_prune,) = waiting_prunes()
    assert timedelta(minutes=59) < next_prune.run_after - timezone.now() <= timedelta(hours=1)


def test_the_worker_keeps_exactly_one_prune_waiting(task_worker):
    DBTaskResult.objects.all().delete()
    assert tasks.task_results_prune_schedule() is True
    assert tasks.task_results_prune_schedule() is False
    # `arloesi worker` schedules it before it starts working (here: with nothing else to do).
    DBTaskResult.objects.all().delete()
    call_command("worker", batch=True, interval=0, startup_delay=False, verbosity=0)
    assert waiting_prunes().count() == 1
    assert DBTaskResult.objects.filter(status=TaskResultStatus.SUCCESSFUL).count() == 1


def test_migrate_seeds_the_prune(database_tasks):
    DBTaskResult.objects.all().delete()
    call_command("migrate", verbosity=0)
    assert waiting_prunes().count() == 1


def test_without_a_database_backend_nothing_is_scheduled():
    """Tests run tasks at once: a prune that scheduled itself there would never stop."""
    DBTaskResult.objects.all().delete()
    assert tasks.task_results_prune_schedule() is False
    assert not DBTaskResult.objects.exists()
