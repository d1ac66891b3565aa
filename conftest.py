"""Test-wide settings: background tasks run at once, e-mail stays in memory, English to start."""

import importlib

import pytest
from django.apps import apps
from django.db.models.signals import post_migrate
from django.utils import translation

from tests.overrides import TEST_SETTINGS

# The reference data the migrations seed (Wales and its health boards, the list of skills),
# by the app that seeds it.
SEEDS = {
    "organisations": ("0002_wales_and_health_boards", "add_reference_units"),
    "delivery": ("0002_seed_skills", "seed_skills"),
    "learning": ("0004_records", "seed_resources"),
}


def _seed_again(sender, **kwargs):
    """A test that commits (a browser test's live server, a migration test) is followed by a
    flush of every table, and Django then sends ``post_migrate``: seed the reference data
    again, as the migrations did, so the tests that run after it — in any order, on any
    worker — find it."""
    seed = SEEDS.get(sender.label)
    if seed is not None:
        module = importlib.import_module(f"{sender.name}.migrations.{seed[0]}")
        getattr(module, seed[1])(apps, None)


post_migrate.connect(_seed_again, dispatch_uid="arloesi-tests-seed-again")


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


@pytest.fixture(scope="session")
def oidc_provider():
    """A real OpenID Connect provider on 127.0.0.1 (its own process), started once per test
    session (per worker) by the first test that needs it."""
    from arloesi.organisations.tests import oidc_provider as provider

    running = provider.start()
    yield running
    running.stop()


@pytest.fixture
def organisation_sign_in(settings, oidc_provider):
    """Signing in with the organisation's account switched on, against ``oidc_provider``."""
    from arloesi.organisations.tests import oidc_provider as provider

    provider.configure(settings, oidc_provider)
    return oidc_provider


# Fixtures through which a test reaches the database (pytest-django refuses it any other way).
DATABASE_FIXTURES = frozenset({"db", "transactional_db", "django_db_setup", "live_server"})


def reaches_database(item) -> bool:
    return item.get_closest_marker("django_db") is not None or bool(
        DATABASE_FIXTURES & set(getattr(item, "fixturenames", ()))
    )


def pytest_collection_modifyitems(config, items):
    """The browser journeys first; and on PostgreSQL, the suite's second database, only the
    tests that reach a database: a test pytest-django keeps away from the database (the SPC
    engine's properties, the layout of a diagram, the import rules) gives the same answer on
    every database, and has given it on SQLite; so does a test marked ``one_database``, which
    reaches the database but whose outcome is the code's, not the database's (which pages have
    forms with owners; how many queries a page makes, which `arloesi bench` also counts on
    PostgreSQL at two scales)."""
    from django.db import connection

    # The longest tests first (a browser journey's stage takes seconds; most tests take
    # milliseconds): the suite's workers take tests as they finish others, so the run ends on
    # short tests, with every worker busy to the end.
    items.sort(key=lambda item: item.get_closest_marker("browser") is None)
    if connection.vendor != "postgresql":
        return
    kept, left_out = [], []
    for item in items:
        runs_here = reaches_database(item) and item.get_closest_marker("one_database") is None
        (kept if runs_here else left_out).append(item)
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept
