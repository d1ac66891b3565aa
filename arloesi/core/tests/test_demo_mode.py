"""Demo mode with the published development key serves this computer only; a demo or training
site with its own key is served like production."""

import json
import logging
import os
import subprocess
import sys

import pytest
from django.test import override_settings

SHOWN = [
    "DEVELOPMENT_KEY_IN_USE",
    "ALLOWED_HOSTS",
    "SESSION_COOKIE_SECURE",
    "CSRF_COOKIE_SECURE",
    "LANGUAGE_COOKIE_SECURE",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SESSION_IDLE_TIMEOUT_MINUTES",
    "SIGN_IN_MAX_FAILURES",
    "SIGN_IN_MAX_FAILURES_PER_CLIENT",
    "TASK_RESULTS_KEEP_SUCCEEDED_DAYS",
    "TASK_RESULTS_KEEP_FAILED_DAYS",
]
READ_SETTINGS = (
    "import json, django; django.setup(); from django.conf import settings; "
    f"print(json.dumps({{name: getattr(settings, name, None) for name in {SHOWN!r}}}))"
)


def run_settings(tmp_path, **env) -> subprocess.CompletedProcess:
    """Load the settings as a fresh process does, with only ``env`` set (no test runner)."""
    clean = {
        key: value
        for key, value in os.environ.items()
        if key not in {"PYTEST_VERSION", "DEBUG", "ARLOESI_DEMO", "SECRET_KEY", "ALLOWED_HOSTS"}
        and not key.startswith(("SESSION_", "SIGN_IN_", "TASK_RESULTS_"))
    }
    clean |= {
        "DJANGO_SETTINGS_MODULE": "arloesi.settings",
        "ARLOESI_VAR_DIR": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", READ_SETTINGS], env=clean, capture_output=True, text=True
    )


def settings_of(tmp_path, **env) -> dict:
    result = run_settings(tmp_path, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_make_run_demo_uses_the_development_key_on_this_computer_over_http(tmp_path):
    shown = settings_of(tmp_path, ARLOESI_DEMO="1")
    assert shown["DEVELOPMENT_KEY_IN_USE"] is True
    assert shown["ALLOWED_HOSTS"] == ["127.0.0.1", "localhost", "[::1]"]
    assert not shown["SESSION_COOKIE_SECURE"]
    assert not shown["SECURE_SSL_REDIRECT"]


def test_the_development_key_is_refused_for_another_host_name(tmp_path):
    result = run_settings(tmp_path, ARLOESI_DEMO="1", ALLOWED_HOSTS="demo.example.wales")
    assert result.returncode != 0
    assert "published development SECRET_KEY" in result.stderr
    assert "demo.example.wales" in result.stderr


def test_a_demo_site_with_its_own_key_is_served_like_production(tmp_path):
    shown = settings_of(
        tmp_path,
        ARLOESI_DEMO="1",
        SECRET_KEY="a-training-site-key-" + "x" * 40,
        ALLOWED_HOSTS="training.example.wales",
    )
    assert shown["DEVELOPMENT_KEY_IN_USE"] is False
    assert shown["ALLOWED_HOSTS"] == ["training.example.wales"]
    assert shown["SESSION_COOKIE_SECURE"] is True
    assert shown["CSRF_COOKIE_SECURE"] is True
    assert shown["LANGUAGE_COOKIE_SECURE"] is True
    assert shown["SECURE_SSL_REDIRECT"] is True
    assert shown["SECURE_HSTS_SECONDS"] >= 60 * 60 * 24 * 365


def test_the_trust_settings_come_from_the_environment(tmp_path):
    defaults = settings_of(tmp_path, ARLOESI_DEMO="1")
    assert defaults["SESSION_IDLE_TIMEOUT_MINUTES"] == 30
    assert (
        defaults["TASK_RESULTS_KEEP_SUCCEEDED_DAYS"],
        defaults["TASK_RESULTS_KEEP_FAILED_DAYS"],
    ) == (7, 30)
    shown = settings_of(
        tmp_path,
        ARLOESI_DEMO="1",
        SESSION_IDLE_TIMEOUT_MINUTES="10",
        SIGN_IN_MAX_FAILURES="4",
        SIGN_IN_MAX_FAILURES_PER_CLIENT="40",
        TASK_RESULTS_KEEP_SUCCEEDED_DAYS="3",
        TASK_RESULTS_KEEP_FAILED_DAYS="60",
    )
    assert [shown[name] for name in SHOWN[-5:]] == [10, 4, 40, 3, 60]


@pytest.mark.parametrize(
    "headers",
    [
        {"REMOTE_ADDR": "203.0.113.5"},
        {"REMOTE_ADDR": "10.1.2.3"},
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.5"},
        {"REMOTE_ADDR": "127.0.0.1", "HTTP_FORWARDED": "for=203.0.113.5"},
        {"REMOTE_ADDR": ""},
    ],
)
def test_with_the_development_key_requests_from_elsewhere_are_refused(client, caplog, headers):
    with caplog.at_level(logging.ERROR, logger="arloesi.core.middleware"):
        response = client.get("/en/accessibility/", **headers)
    assert response.status_code == 403
    body = response.content.decode()
    assert "published development secret key" in body
    assert "SECRET_KEY" in body
    assert "Set SECRET_KEY" in caplog.text


@pytest.mark.parametrize("address", ["127.0.0.1", "::1"])
def test_with_the_development_key_this_computer_is_served(client, address):
    assert client.get("/en/accessibility/", REMOTE_ADDR=address).status_code == 200


@override_settings(DEVELOPMENT_KEY_IN_USE=False)
def test_with_a_real_key_other_computers_are_served(client):
    assert client.get("/en/accessibility/", REMOTE_ADDR="203.0.113.5").status_code == 200
