"""Journey: a practitioner writes a proposal section by section, sees the pitch's word count
change as they type, is told what is still missing when they try to submit, and reads it back in
Welsh. Every page is checked with axe."""

import pytest
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, heading, sign_in

pytestmark = pytest.mark.browser

SECTIONS = [
    "The problem and the evidence",
    "Who it is for",
    "Kind of innovation",
    "Value proposition",
    "Local priorities",
    "Sponsoring collaboratives",
    "Co-authors",
    "Staff time needed",
    "Evaluation plan",
    "Attachments",
]


def save(page):
    page.locator("main").get_by_role("button", name="Save and continue").click()


def test_a_practitioner_writes_a_proposal_and_is_told_what_is_missing(page, live_server, demo):
    # Given a practitioner in a collaborative, signed in, on the list of proposals
    sign_in(page, live_server, "practitioner@arloesi.example")
    page.goto(f"{live_server.url}/en/proposals/")
    assert_accessible(page)

    # When they start a proposal without a title
    page.get_by_text("Start a proposal").first.click()
    page.locator("main").get_by_role("button", name="Start proposal").click()

    # Then they are told to enter one
    expect(page.locator(".nhsuk-error-summary")).to_contain_text("Enter a title for the proposal")
    assert_accessible(page)

    # When they give it a title
    page.get_by_label("Title").fill("Eye checks at the flu clinic")
    page.locator("main").get_by_role("button", name="Start proposal").click()

    # Then they see the task list of its sections
    expect(heading(page)).to_have_text("Write your proposal")
    assert_accessible(page)
    task_list = page.url

    # And every section opens as an accessible form
    for name in SECTIONS:
        page.goto(task_list)
        page.get_by_role("link", name=name, exact=True).click()
        expect(heading(page)).to_have_text(name)
        assert_accessible(page)

    # When they type their elevator pitch
    page.goto(task_list)
    page.get_by_role("link", name="Elevator pitch", exact=True).click()
    page.get_by_label("Hook").fill("Half of our falls start with poor eyesight")

    # Then the word count and read-aloud time follow what they type
    expect(page.locator("#pitch-count")).to_contain_text("8 words")
    save(page)
    expect(page.get_by_text("8 words – about 4 seconds to read aloud")).to_be_visible()

    # When they give the money needed in words
    page.get_by_role("link", name="Money and time needed", exact=True).click()
    page.get_by_label("Money needed, in pounds").fill("lots")
    save(page)

    # Then they are asked for a number, and what they typed is still there
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(
        "Enter “Money needed” as an amount in pounds"
    )
    expect(page.get_by_label("Money needed, in pounds")).to_have_value("lots")
    assert_accessible(page)

    # When they try to submit it half written
    page.goto(task_list)
    page.get_by_text("Check and submit").click()
    page.locator("main").get_by_role("button", name="Submit proposal").click()

    # Then they are told what is missing, with a link to the evaluation plan
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_contain_text("Add an evaluation plan")
    assert_accessible(page)
    summary.get_by_role("link", name="Add an evaluation plan", exact=False).click()
    expect(heading(page)).to_have_text("Evaluation plan")

    # When they read the proposal in Welsh
    page.goto(task_list.replace("/edit/", "/").replace("/en/", "/cy/"))

    # Then it is shown in Welsh
    expect(page.locator("html")).to_have_attribute("lang", "cy")
    expect(page.get_by_role("heading", name="Y broblem a’r dystiolaeth")).to_be_visible()
    assert_accessible(page)
