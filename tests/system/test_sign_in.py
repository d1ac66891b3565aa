"""Journey: a practitioner signs in, sees their organisations and roles, and signs out."""

import re

import pytest
from playwright.sync_api import expect

from tests.system.conftest import DEMO_PASSWORD, assert_accessible, sign_out

pytestmark = pytest.mark.browser

EMAIL = "practitioner@arloesi.example"


def test_a_practitioner_signs_in_and_out(page, live_server, demo):
    # Given an anonymous visitor
    # When they open the service
    page.goto(f"{live_server.url}/")

    # Then they are asked to sign in, in English
    expect(page).to_have_url(re.compile(r"/en/sign-in/\?next=/en/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in to Arloesi")
    assert_accessible(page)

    # And the first press of Tab offers a link past the header to the page's content
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#maincontent")).to_be_focused()

    # When they sign in with the wrong password
    page.get_by_label("Email address").fill(EMAIL)
    page.get_by_label("Password", exact=True).fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()

    # Then the error summary says so, the page title starts with "Error" and the e-mail address
    # they typed is still there
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("There is a problem")
    expect(summary).to_contain_text("The email address or password is not right")
    expect(summary).to_be_focused()
    expect(page).to_have_title(re.compile(r"^Error: Sign in"))
    expect(page.get_by_label("Email address")).to_have_value(EMAIL)
    expect(page.get_by_label("Password", exact=True)).to_have_value("")
    assert_accessible(page)

    # When they sign in with the right password
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    # Then they land on their home page, which shows their organisations and roles
    expect(page).to_have_url(re.compile(r"/en/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Rhys")
    roles = page.get_by_role("table", name="Your organisations and roles")
    expect(roles.get_by_role("row")).to_have_count(2)
    row = roles.get_by_role("row").nth(1)
    expect(row).to_contain_text("Rhondda Community Pharmacy Collaborative")
    expect(row).to_contain_text("Professional collaborative")
    expect(row).to_contain_text("Practitioner")
    expect(page.locator(".nhsuk-header")).to_contain_text("Rhys Evans")
    assert_accessible(page)

    # When they sign out
    sign_out(page)

    # Then they are back at sign-in, told they have signed out
    expect(page).to_have_url(re.compile(r"/en/sign-in/$"))
    expect(page.locator(".nhsuk-notification-banner")).to_contain_text("You have signed out.")
    assert_accessible(page)

    # And their home page asks them to sign in again
    page.goto(f"{live_server.url}/en/")
    expect(page).to_have_url(re.compile(r"/en/sign-in/\?next=/en/$"))
