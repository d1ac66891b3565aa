"""Settings every test runs with: background tasks at once, e-mail in memory (pytest-django's
locmem backend), a fast password hasher. The root conftest applies them to each test; data built
once for many tests (tests/walks/conftest.py) is built under them too."""

TEST_SETTINGS = {
    "TASKS": {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}},
    "PASSWORD_HASHERS": ["django.contrib.auth.hashers.MD5PasswordHasher"],
}
