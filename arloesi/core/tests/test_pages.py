import os
import secrets
import subprocess
import sys
from unittest import mock

import pytest
from django.db.utils import OperationalError


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_does_not(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError):
        response = client.get("/healthz")
    assert response.status_code == 503


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/en/accessibility/", "/cy/privacy/", "/en/cookies/"])
def test_footer_pages_need_no_sign_in_and_send_a_strict_csp(client, path):
    response = client.get(path)
    assert response.status_code == 200
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self' 'nonce-" in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    # The only inline script on the page carries the nonce.
    assert f'nonce="{nonce}"' in response.content.decode()
    assert "<script>" not in response.content.decode()


@pytest.mark.django_db
def test_every_page_links_to_itself_in_the_other_language(client):
    english = client.get("/en/accessibility/").content.decode()
    welsh = client.get("/cy/accessibility/").content.decode()
    assert 'href="/cy/accessibility/"' in english and 'lang="cy"' in english
    assert 'href="/en/accessibility/"' in welsh and '<html lang="cy"' in welsh


@pytest.mark.django_db
def test_unknown_pages_get_a_translated_404(client):
    response = client.get("/cy/dim-yma/")
    assert response.status_code == 404
    assert '<html lang="cy"' in response.content.decode()


def test_production_settings_pass_the_deploy_check(tmp_path):
    """The settings as production sets them (environment variables only) raise no warning."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "PYTEST_VERSION",
            "DEBUG",
            "ARLOESI_DEMO",
            "DATABASE_URL",
            "EMAIL_BACKEND",
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    env |= {
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "arloesi.example.wales",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'check.sqlite3'}",
        "ARLOESI_VAR_DIR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-m", "arloesi.cli", "check", "--deploy", "--fail-level", "WARNING"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
