"""Browser journeys: real Chromium, driven by Playwright, against Django's live server.

Every page a journey visits is checked with the axe accessibility engine (WCAG 2.0, 2.1 and 2.2,
levels A and AA).
"""

import importlib
import os
from pathlib import Path

import pytest

from arloesi.core.sampledata import DEMO_PASSWORD

# Playwright's sync API runs an event loop in the test thread, which makes Django refuse database
# calls from it unless told that this is deliberate.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
TIMEOUT_MS = 10_000


def pytest_collection_modifyitems(config, items):
    """Without Chromium, skip the browser tests on a developer's machine; in CI, fail them."""
    if CHROMIUM.exists() or os.environ.get("CI"):
        return
    skip = pytest.mark.skip(
        reason=f"Chromium is not installed at {CHROMIUM}: run `make browser` to install it"
    )
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"Chromium is not installed at {CHROMIUM}; the browser tests need it in CI")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            headless=True, executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture
def new_page(browser, live_server):
    """Opens pages in fresh browser contexts: each one a different person's browser."""
    contexts = []

    def open_page():
        context = browser.new_context(locale="en-GB", base_url=live_server.url)
        context.set_default_timeout(TIMEOUT_MS)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


# On SQLite, the database as the first journey's demo left it: each later journey starts from a
# copy of it (SQLite's backup, milliseconds) instead of loading the demo again (a second or two).
_DEMO_COPY: dict[str, object] = {}


@pytest.fixture
def demo(settings, live_server):
    """The demo organisations and people (Cwm Taf Morgannwg and Powys, one person a role)."""
    settings.DEMO_MODE = True
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection

    from arloesi.organisations.sampledata.demo import load_demo

    if connection.vendor == "sqlite" and "demo" in _DEMO_COPY:
        connection.ensure_connection()
        _DEMO_COPY["demo"].backup(connection.connection)
        ContentType.objects.clear_cache()
        return
    _add_wales_and_health_boards()
    load_demo()
    if connection.vendor == "sqlite":
        import sqlite3

        copy = sqlite3.connect(":memory:", check_same_thread=False)
        connection.connection.backup(copy)
        _DEMO_COPY["demo"] = copy


def _add_wales_and_health_boards():
    """Wales and its health boards come from a data migration, and the flush after each
    live-server test removes them. A serialised rollback cannot put them back here: once
    Playwright's event loop runs, this thread gets a new database connection, without the
    serialised copy Django keeps on the first one."""
    from django.apps import apps

    migration = importlib.import_module(
        "arloesi.organisations.migrations.0002_wales_and_health_boards"
    )
    migration.add_reference_units(apps, schema_editor=None)


def sign_in(page, live_server, email, password=DEMO_PASSWORD):
    """Sign in through the sign-in page, and wait to be taken past it."""
    page.goto(f"{live_server.url}/en/sign-in/")
    page.get_by_label("Email address").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.locator("main").get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/sign-in/" not in url)


def signed_in_page(new_page, live_server, email):
    """A browser of ``email``'s own, already signed in: the session is made on the server side,
    as signing in would (the sign-in page itself is the sign-in journey's to check)."""
    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    page = new_page()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )
    return page


def main(page):
    return page.get_by_role("main")


def heading(page):
    return page.get_by_role("heading", level=1)


def success_banner(page):
    return page.locator(".nhsuk-notification-banner--success")


def sign_out(page):
    page.locator(".nhsuk-header__account-form").get_by_role("button").click()
    page.wait_for_url("**/sign-in/")


def assert_accessible(page):
    """Fail with every axe violation on the page, each with the elements it was found on."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(
        page,
        options={
            "runOnly": {"type": "tag", "values": AXE_TAGS},
            "resultTypes": ["violations"],
        },
    )
    violations = results.response["violations"]
    if not violations:
        return
    lines = [f"{len(violations)} accessibility violation(s) on {page.url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            lines.append(f"    at {target}")
    pytest.fail("\n".join(lines), pytrace=False)
