"""Test-wide settings: background tasks run at once, e-mail stays in memory, English to start."""

import pytest
from django.utils import translation

from tests.overrides import TEST_SETTINGS


@pytest.fixture(autouse=True)
def _test_settings(settings):
    for name, value in TEST_SETTINGS.items():
        setattr(settings, name, value)
    # A request to a /cy/ page leaves Welsh active in this thread; each test starts in English.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def task_worker(settings, monkeypatch):
    """The real database task backend instead of the immediate one, and a function that runs
    the worker over what is waiting (as `arloesi worker --batch` would)."""
    from django_tasks_db.management.commands import db_worker

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    # Between tasks the worker closes "old" connections, which inside the test's transaction
    # would throw the test's data away; and it would take over the process's signal handlers.
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    monkeypatch.setattr(db_worker.Worker, "configure_signals", lambda self: None)

    def run() -> None:
        db_worker.Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run()

    return run
