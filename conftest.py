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
