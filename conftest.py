"""Test-wide settings: background tasks run at once, e-mail stays in memory, English to start."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A request to a /cy/ page leaves Welsh active in this thread; each test starts in English.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)
