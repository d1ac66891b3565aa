"""Journey: a cluster lead invites a new practitioner, who accepts from the e-mail's link and
lands signed in, with their new role."""

import re

import pytest
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, sign_in

pytestmark = pytest.mark.browser

COLLABORATIVE = "Rhondda Community Pharmacy Collaborative"
NEW_PASSWORD = "llwybr-arfordir-2026"


def test_a_cluster_lead_invites_a_practitioner_who_accepts(
    page, new_page, live_server, demo, mailoutbox
):
    # Given a cluster lead, signed in, on a collaborative in their cluster
    sign_in(page, live_server, "cluster.lead@arloesi.example")
    page.get_by_role("link", name="Rhondda", exact=True).click()
    page.get_by_role("link", name=COLLABORATIVE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COLLABORATIVE)

    # When they choose to invite someone and send the form empty
    page.get_by_role("button", name="Invite someone").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Invite someone")
    assert_accessible(page)
    page.get_by_role("button", name="Send invitation").click()

    # Then each missing answer is listed, and shown by its question
    summary = page.locator(".nhsuk-error-summary")
    expect(summary).to_be_focused()
    for message in [
        "Enter the person's full name",
        "Enter the person's email address",
        "Select a role",
    ]:
        expect(summary.get_by_role("link", name=message)).to_be_visible()
        expect(page.locator(".nhsuk-error-message", has_text=message)).to_be_visible()
    expect(page).to_have_title(re.compile(r"^Error: "))
    assert not mailoutbox
    assert_accessible(page)

    # And following an error's link takes them to its question
    summary.get_by_role("link", name="Enter the person's email address").click()
    expect(page.get_by_label("Email address")).to_be_focused()

    # When they fill the form in properly
    page.get_by_label("Full name").fill("Nia Lewis")
    page.get_by_label("Email address").fill("Nia.Lewis@arloesi.example")
    page.get_by_role("radio", name="Practitioner").check()
    page.get_by_role("button", name="Send invitation").click()

    # Then they are back on the collaborative, told the invitation was sent, which waits there
    expect(page.get_by_role("heading", level=1)).to_have_text(COLLABORATIVE)
    expect(page.locator(".nhsuk-notification-banner--success")).to_contain_text(
        "An invitation has been sent to nia.lewis@arloesi.example."
    )
    waiting = page.get_by_role("table", name="Invitations waiting for a reply")
    expect(waiting).to_contain_text("Nia Lewis")
    assert_accessible(page)

    # And Nia has an e-mail with a link to accept
    assert len(mailoutbox) == 1
    email = mailoutbox[0]
    assert email.to == ["nia.lewis@arloesi.example"]
    assert "Practitioner" in email.subject
    accept = re.search(r"https?://\S+(/en/invitations/[^/\s]+/)", email.body)
    assert accept, email.body

    # When Nia opens the link in her own browser
    nia = new_page()
    nia.goto(f"{live_server.url}{accept.group(1)}")

    # Then she sees what she is invited to, with her name filled in
    expect(nia.get_by_role("heading", level=1)).to_have_text("Accept your invitation")
    details = nia.locator(".nhsuk-summary-list")
    expect(details).to_contain_text(COLLABORATIVE)
    expect(details).to_contain_text("Owain Jones")
    expect(nia.get_by_label("Full name")).to_have_value("Nia Lewis")
    assert_accessible(nia)

    # When she chooses a password and accepts
    nia.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    nia.get_by_label("New password again").fill(NEW_PASSWORD)
    nia.get_by_role("button", name="Accept and create account").click()

    # Then she is signed in, on her home page, with her new role
    expect(nia).to_have_url(re.compile(r"/en/$"))
    expect(nia.locator(".nhsuk-notification-banner--success")).to_contain_text(
        f"You are now Practitioner in {COLLABORATIVE}."
    )
    expect(nia.get_by_role("heading", level=1)).to_have_text("Hello, Nia")
    roles = nia.get_by_role("table", name="Your organisations and roles")
    expect(roles).to_contain_text(COLLABORATIVE)
    expect(roles).to_contain_text("Practitioner")
    assert_accessible(nia)

    # And the cluster lead no longer sees the invitation waiting, but Nia among the people
    page.reload()
    expect(page.get_by_role("table", name="Invitations waiting for a reply")).to_have_count(0)
    expect(page.get_by_role("table", name="People and their roles")).to_contain_text("Nia Lewis")
