"""Journey: a practice's information lead makes an API token on their account, copies it once,
reads how to use the API, and revokes the token — in English and in Welsh, every page checked
for accessibility."""

import pytest
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, heading, main, signed_in_page

pytestmark = pytest.mark.browser

WORDS = {
    "en": {"tokens": "API access tokens", "new": "Your new token", "create": "Create token"},
    "cy": {"tokens": "Tocynnau mynediad API", "new": "Eich tocyn newydd", "create": "Creu tocyn"},
}


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_person_makes_reads_about_and_revokes_a_token(new_page, live_server, demo, language):
    words = WORDS[language]
    # Given a practitioner, signed in, on their tokens page
    page = signed_in_page(new_page, live_server, "practitioner@arloesi.example")
    page.goto(f"{live_server.url}/{language}/account/tokens/")
    expect(heading(page)).to_have_text(words["tokens"])
    assert_accessible(page)

    # When they make a token without a name, they are told what to enter
    page.locator("#id_name").fill("")
    main(page).get_by_role("button", name=words["create"]).click()
    expect(page.locator(".nhsuk-error-summary")).to_be_visible()
    assert_accessible(page)

    # When they name it and make it, it is shown once
    page.locator("#id_name").fill("Monthly figures")
    main(page).get_by_role("button", name=words["create"]).click()
    expect(heading(page)).to_have_text(words["new"])
    expect(page.locator("#token")).to_contain_text("arl_")
    assert_accessible(page)

    # Then the documentation page reads, without a mouse, in the same language
    page.goto(f"{live_server.url}/{language}/api/v1/docs/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(heading(page)).to_contain_text("API")
    assert_accessible(page)

    # And the token is listed, and revoked with its own button
    page.goto(f"{live_server.url}/{language}/account/tokens/")
    expect(main(page).locator("table")).to_contain_text("Monthly figures")
    main(page).locator("table").get_by_role("button").first.press("Enter")
    expect(main(page).locator("table .nhsuk-tag--grey")).to_have_count(1)
    assert_accessible(page)
