"""Journey: people read the pages every service has (accessibility, privacy, cookies), their
account page, and the page-not-found page, in English and in Welsh."""

import re

import pytest
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, heading, sign_in

pytestmark = pytest.mark.browser

FOOTER_PAGES = [
    ("Accessibility statement", "accessibility", "Accessibility statement for Arloesi"),
    ("Privacy notice", "privacy", "Privacy notice"),
    ("Cookies", "cookies", "Cookies"),
]


def switch_language(page, language):
    page.locator(".app-language-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page).to_have_url(re.compile(rf"^https?://[^/]+/{language}/"))


def test_a_visitor_reads_the_footer_pages_in_english_and_welsh(page, live_server):
    # Given a visitor who has not signed in, on the sign-in page
    page.goto(f"{live_server.url}/en/sign-in/")

    # When they follow each footer link in turn
    # Then each page opens, and passes the accessibility checks
    footer = page.locator(".nhsuk-footer")
    for link, slug, title in FOOTER_PAGES:
        footer.get_by_role("link", name=link).click()
        expect(page).to_have_url(re.compile(rf"/en/{slug}/$"))
        expect(heading(page)).to_have_text(title)
        assert_accessible(page)

    # When they switch to Welsh and follow the footer links again
    # Then each page is in Welsh, and passes the accessibility checks
    switch_language(page, "cy")
    for _link, slug, title in FOOTER_PAGES:
        footer.locator(f"a[href='/cy/{slug}/']").click()
        expect(page).to_have_url(re.compile(rf"/cy/{slug}/$"))
        expect(page.locator("html")).to_have_attribute("lang", "cy")
        expect(heading(page)).not_to_have_text(title)
        assert_accessible(page)


def test_a_signed_in_person_sees_their_account_and_a_missing_page(page, live_server, demo):
    # Given a practitioner, signed in
    sign_in(page, live_server, "practitioner@arloesi.example")

    # When they open their account page
    page.locator(".nhsuk-header__account a[href='/en/account/']").click()

    # Then it shows who they are and the language they use
    expect(heading(page)).to_have_text("Your account")
    details = page.locator(".nhsuk-summary-list")
    expect(details).to_contain_text("Rhys Evans")
    expect(details).to_contain_text("practitioner@arloesi.example")
    expect(page.get_by_role("radio", name="English")).to_be_checked()
    assert_accessible(page)

    # And in Welsh
    switch_language(page, "cy")
    expect(heading(page)).not_to_have_text("Your account")
    assert_accessible(page)

    # When they open an organisation that does not exist
    response = page.goto(f"{live_server.url}/en/organisations/999999/")

    # Then they are told the page is not found, with a way home
    assert response.status == 404
    expect(heading(page)).to_have_text("Page not found")
    expect(page.get_by_role("link", name="Go to your home page")).to_have_attribute("href", "/en/")
    assert_accessible(page)

    # And in Welsh
    switch_language(page, "cy")
    expect(heading(page)).not_to_have_text("Page not found")
    expect(page.locator("main a[href='/cy/']")).to_be_visible()
    assert_accessible(page)


def test_an_unknown_address_is_not_found_in_either_language(page, live_server):
    # Given a visitor who has not signed in
    # When they open an address that does not exist
    response = page.goto(f"{live_server.url}/en/no-such-page/")

    # Then they are told the page is not found
    assert response.status == 404
    expect(heading(page)).to_have_text("Page not found")
    assert_accessible(page)

    # And the same address in Welsh tells them in Welsh
    response = page.goto(f"{live_server.url}/cy/no-such-page/")
    assert response.status == 404
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(heading(page)).not_to_have_text("Page not found")
    assert_accessible(page)


def test_the_language_link_on_a_missing_page_goes_to_welsh(page, live_server):
    # Given a visitor on the page-not-found page for an unknown address
    page.goto(f"{live_server.url}/en/no-such-page/")

    # Then its language link goes to the Welsh version of the same address
    expect(page.locator(".app-language-switch")).to_have_attribute(
        "href", "/cy/no-such-page/", timeout=1000
    )
