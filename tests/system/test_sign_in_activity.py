"""Journey: an administrator looks into failed sign-ins, including attempts with an e-mail
address that has no account, and narrows the list down."""

import pytest
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser


def test_an_administrator_reads_the_sign_in_activity(new_page, live_server, demo):
    # Given someone tried to sign in with an address that has no account
    stranger = new_page()
    stranger.goto(f"{live_server.url}/en/sign-in/")
    stranger.get_by_label("Email address").fill("guess@example.org")
    stranger.get_by_label("Password", exact=True).fill("Password123")
    stranger.locator("main").get_by_role("button", name="Sign in").click()
    expect(stranger.locator(".nhsuk-error-summary")).to_contain_text(
        "The email address or password is not right"
    )

    # When an administrator opens Sign-in activity from the header
    page = new_page()
    sign_in(page, live_server, "admin@arloesi.example")
    page.locator(".nhsuk-header").get_by_role("link", name="Sign-in activity").click()

    # Then the failed attempt is listed, with no account behind it, beside their own sign-in
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign-in activity")
    rows = page.get_by_role("table").locator("tbody tr")
    expect(rows.filter(has_text="guess@example.org")).to_contain_text("Sign-in failed")
    expect(rows.filter(has_text="guess@example.org")).to_contain_text("No account")
    expect(rows.filter(has_text="admin@arloesi.example")).to_contain_text("Signed in")
    assert_accessible(page)

    # When they show failed sign-ins only
    page.get_by_label("What happened").select_option(label="Sign-in failed")
    page.get_by_role("button", name="Apply filters").click()

    # Then only the failed attempt is left, and the same list can be downloaded
    expect(rows).to_have_count(1)
    expect(page.get_by_role("link", name="Download as CSV")).to_have_attribute(
        "href",
        "/en/organisations/sign-in-activity/export.csv?date_from=&date_to=&email=&outcome=sign_in_failed",
    )

    # And the page works in Welsh
    page.get_by_role("link", name="Cymraeg").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Gweithgarwch mewngofnodi")
    expect(rows).to_have_count(1)
    assert_accessible(page)
