"""Journey: a practitioner browses the directory of NHS Wales primary care, from the health
boards down to a professional collaborative, and back up in Welsh."""

import re

import pytest
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, heading, sign_in

pytestmark = pytest.mark.browser


def tab_to(page, name, *, limit=40):
    """Press Tab until the link or button called ``name`` has the focus."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("document.activeElement.textContent.trim()")
        if focused == name:
            return
    pytest.fail(f"{name!r} could not be reached with the Tab key")


def switch_language(page, expected_lang):
    page.locator(".app-language-switch").click()
    expect(page.locator("html")).to_have_attribute("lang", expected_lang)


def test_a_practitioner_browses_from_health_board_to_collaborative(page, live_server, demo):
    # Given a practitioner in the Rhondda Community Pharmacy Collaborative, signed in
    sign_in(page, live_server, "practitioner@arloesi.example")

    # When they choose Organisations in the header, using only the keyboard
    tab_to(page, "Organisations")
    page.keyboard.press("Enter")

    # Then they see Wales's seven health boards
    expect(heading(page)).to_have_text("Organisations in NHS Wales primary care")
    boards = page.get_by_role("table", name="Health boards")
    expect(boards.locator("tbody tr")).to_have_count(7)
    assert_accessible(page)

    # When they open their health board
    page.get_by_role("link", name="Cwm Taf Morgannwg University Health Board").click()

    # Then they see its planning groups, each with its clusters
    expect(heading(page)).to_have_text("Cwm Taf Morgannwg University Health Board")
    expect(page.locator(".nhsuk-caption-l")).to_have_text("Health board")
    expect(page.get_by_role("heading", level=3)).to_have_count(3)
    expect(page.get_by_role("link", name="Rhondda", exact=True)).to_be_visible()
    assert_accessible(page)

    # When they open the Rhondda Cynon Taf planning group
    page.get_by_role("link", name="Rhondda Cynon Taf Pan-cluster Planning Group").click()

    # Then they see its four clusters, each with its number of collaboratives
    expect(heading(page)).to_have_text("Rhondda Cynon Taf Pan-cluster Planning Group")
    clusters = page.locator("main ul.nhsuk-list > li")
    expect(clusters).to_have_count(4)
    expect(clusters.filter(has_text="Rhondda")).to_contain_text("5 collaboratives")
    assert_accessible(page)

    # When they open the Rhondda cluster with the keyboard
    tab_to(page, "Rhondda")
    page.keyboard.press("Enter")

    # Then they see its five collaboratives, and the people in the cluster, who are within
    # their reach
    expect(heading(page)).to_have_text("Rhondda")
    expect(page.locator(".nhsuk-caption-l")).to_have_text("Cluster")
    names = page.locator(".nhsuk-summary-list")
    expect(names.locator("span[lang=en]")).to_have_text("Rhondda")
    expect(names.locator("span[lang=cy]")).to_have_text("Rhondda")
    expect(names).not_to_contain_text("<span")
    collaboratives = page.locator("main ul.nhsuk-list > li")
    expect(collaboratives).to_have_count(5)
    expect(collaboratives.first).to_have_text("Rhondda Community Nursing Collaborative")
    people = page.get_by_role("table", name="People and their roles")
    expect(people).to_contain_text("Owain Jones")
    expect(people).to_contain_text("Cluster lead")
    expect(people).to_contain_text("Rhys Evans")
    expect(people).to_contain_text("Catrin Hughes")
    expect(page.get_by_role("link", name="Invite someone")).to_have_count(0)
    page.screenshot(path="/tmp/arloesi-cluster.png", full_page=True)
    assert_accessible(page)

    # When they open the pharmacy collaborative
    page.get_by_role("link", name="Rhondda Community Pharmacy Collaborative").click()

    # Then they see its profession and its practitioner
    expect(heading(page)).to_have_text("Rhondda Community Pharmacy Collaborative")
    expect(page.locator(".nhsuk-summary-list")).to_contain_text("Community pharmacy")
    expect(page.get_by_role("table", name="People and their roles")).to_contain_text("Rhys Evans")
    assert_accessible(page)

    # When they switch to Welsh and walk back up through the breadcrumbs
    switch_language(page, "cy")

    # Then every page is in Welsh, with Welsh names, and passes the accessibility checks
    expect(heading(page)).to_have_text("Cydweithredfa Fferylliaeth Gymunedol Rhondda")
    expect(page).to_have_url(re.compile(r"/cy/organisations/\d+/$"))
    assert_accessible(page)
    breadcrumbs = page.locator(".nhsuk-breadcrumb__list")
    for name in [
        "Rhondda",
        "Grŵp Cynllunio Clystyrau Cyfan Rhondda Cynon Taf",
        "Bwrdd Iechyd Prifysgol Cwm Taf Morgannwg",
    ]:
        breadcrumbs.get_by_role("link", name=name, exact=True).click()
        expect(heading(page)).to_have_text(name)
        expect(page.locator("html")).to_have_attribute("lang", "cy")
        assert_accessible(page)
    breadcrumbs.get_by_role("link").first.click()
    expect(page).to_have_url(re.compile(r"/cy/organisations/$"))
    expect(page.get_by_role("link", name="Bwrdd Iechyd Addysgu Powys")).to_be_visible()
    assert_accessible(page)


def test_people_outside_a_persons_reach_are_not_listed(page, live_server, demo):
    # Given a practitioner in North Powys, signed in
    sign_in(page, live_server, "powys.practitioner@arloesi.example")

    # When they open the Rhondda cluster, in another health board
    page.goto(f"{live_server.url}/en/organisations/")
    page.get_by_role("link", name="Cwm Taf Morgannwg University Health Board").click()
    page.get_by_role("link", name="Rhondda", exact=True).click()

    # Then they see its collaboratives but not who works in them
    expect(heading(page)).to_have_text("Rhondda")
    expect(page.locator("main ul.nhsuk-list > li")).to_have_count(5)
    expect(page.get_by_role("heading", name="People")).to_have_count(0)
    expect(page.locator("main")).not_to_contain_text("Owain Jones")
    assert_accessible(page)


def test_only_the_section_a_person_is_in_is_marked_current(page, live_server, demo):
    # Given a practitioner, signed in
    sign_in(page, live_server, "practitioner@arloesi.example")

    # When they open the directory
    page.goto(f"{live_server.url}/en/organisations/")

    # Then the header marks Organisations, and nothing else, as where they are
    current = page.locator(".nhsuk-header__navigation [aria-current]")
    expect(current).to_have_count(1, timeout=1000)
    expect(current).to_have_text("Organisations")
