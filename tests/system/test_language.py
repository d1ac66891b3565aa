"""Journey: a practitioner switches the service to Welsh, and it stays in Welsh for them: on their
next visit, and after they sign out and in again on another computer."""

import re

import pytest
from playwright.sync_api import expect

from tests.system.conftest import DEMO_PASSWORD, assert_accessible, sign_in, sign_out

pytestmark = pytest.mark.browser

EMAIL = "practitioner@arloesi.example"
HEADER_AND_FOOTER_TEXT = (
    ".nhsuk-header__navigation-item > a, .nhsuk-header__account-button, .nhsuk-footer a"
)


def expect_welsh(page):
    """The page says it is in Welsh, and offers the same page in English."""
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page).to_have_url(re.compile(r"^https?://[^/]+/cy/"))
    switch = page.locator(".app-language-switch")
    expect(switch).to_have_text("English")
    expect(switch).to_have_attribute("lang", "en")
    expect(switch).to_have_attribute("href", re.compile(r"^/en/"))


def header_and_footer_text(page):
    """The words of the navigation, the sign-out button and the footer links."""
    return [text.strip() for text in page.locator(HEADER_AND_FOOTER_TEXT).all_inner_texts()]


def test_a_practitioner_switches_to_welsh_and_it_is_remembered(page, new_page, live_server, demo):
    # Given a practitioner, signed in, on their home page in English
    sign_in(page, live_server, EMAIL)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    english = header_and_footer_text(page)

    # When they follow the language link, which is marked as Welsh
    switch = page.locator(".app-language-switch")
    expect(switch).to_have_text("Cymraeg")
    expect(switch).to_have_attribute("lang", "cy")
    switch.click()

    # Then their home page is in Welsh, header and footer included, and names their
    # collaborative in Welsh
    expect_welsh(page)
    welsh = header_and_footer_text(page)
    assert len(welsh) == len(english)
    assert not [text for text in welsh if text in english], welsh
    expect(page).to_have_url(re.compile(r"/cy/$"))
    expect(page.get_by_role("table").first).to_contain_text(
        "Cydweithredfa Fferylliaeth Gymunedol Rhondda"
    )
    assert_accessible(page)

    # When they move around the service through its header
    page.locator(".nhsuk-header__navigation a[href='/cy/organisations/']").click()

    # Then each page stays in Welsh, names included
    expect_welsh(page)
    expect(page.get_by_role("link", name="Bwrdd Iechyd Addysgu Powys")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Bwrdd Iechyd Prifysgol Cwm Taf Morgannwg").click()
    expect_welsh(page)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Bwrdd Iechyd Prifysgol Cwm Taf Morgannwg"
    )
    assert_accessible(page)

    # And their account page records Welsh as their language
    page.locator(".nhsuk-header__account a[href='/cy/account/']").click()
    expect_welsh(page)
    expect(page.locator("input[name=preferred_language][value=cy]")).to_be_checked()
    assert_accessible(page)

    # When they come back to the service's address later
    page.goto(f"{live_server.url}/")

    # Then it opens in Welsh
    expect(page).to_have_url(re.compile(r"/cy/$"))
    expect_welsh(page)

    # When they sign out
    sign_out(page)

    # Then the sign-in page is in Welsh too
    expect(page).to_have_url(re.compile(r"/cy/sign-in/$"))
    expect_welsh(page)
    assert_accessible(page)

    # When they sign in on another computer, whose browser has never seen the service
    elsewhere = new_page()
    elsewhere.goto(f"{live_server.url}/")
    expect(elsewhere).to_have_url(re.compile(r"/en/sign-in/\?next=/en/$"))
    elsewhere.get_by_label("Email address").fill(EMAIL)
    elsewhere.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    elsewhere.get_by_role("button", name="Sign in").click()

    # Then the service uses the language they chose: Welsh
    expect(elsewhere).to_have_url(re.compile(r"/cy/$"))
    expect_welsh(elsewhere)
    assert_accessible(elsewhere)


def test_a_person_chooses_english_on_their_account_page(page, live_server, demo):
    # Given a practitioner, signed in, on their account page in Welsh
    sign_in(page, live_server, EMAIL)
    page.goto(f"{live_server.url}/cy/account/")

    # When they choose English
    page.locator("input[name=preferred_language][value=en]").check()
    page.locator("main form button[type=submit]").click()

    # Then they are told, in English, that it was saved, and English is their choice
    expect(page).to_have_url(re.compile(r"/en/account/$"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".nhsuk-notification-banner--success")).to_contain_text(
        "Your language has been saved.", timeout=1000
    )
    expect(page.locator("input[name=preferred_language][value=en]")).to_be_checked(timeout=1000)
    assert_accessible(page)
