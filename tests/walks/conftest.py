"""Organisation B's data, built once for every test in this package.

The world is made inside a transaction that stays open while the package's tests run; each test
runs in a savepoint of it (pytest-django's ``db``), so what one test changes is undone before the
next, and the whole world is rolled back after the last one.
"""

import pytest
from django.db import transaction
from django.test.utils import override_settings

from tests.overrides import TEST_SETTINGS
from tests.walks.world import World


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(**TEST_SETTINGS), transaction.atomic():
        built = World()
        yield built
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _organisation_sign_in_on(organisation_sign_in):
    """Every page as a deployment offering both ways in shows it: the organisation's button on
    the sign-in page, its redirect to the provider, the provider's way back."""
