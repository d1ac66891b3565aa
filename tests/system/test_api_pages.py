"""Journeys: a practice's information lead makes an API token on their account, copies it once,
reads how to use the API, and revokes the token; a project lead's token feeds a measure's data
from another program, the chart shows it, and once revoked the token is refused — in English and
in Welsh, every page checked for accessibility."""

import json
import urllib.error
import urllib.request
from datetime import timedelta

import pytest
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, heading, main, signed_in_page

pytestmark = pytest.mark.browser

WORDS = {
    "en": {
        "tokens": "API access tokens",
        "new": "Your new token",
        "create": "Create token",
        "table": "Every period’s figures",
    },
    "cy": {
        "tokens": "Tocynnau mynediad API",
        "new": "Eich tocyn newydd",
        "create": "Creu tocyn",
        "table": "Ffigurau pob cyfnod",
    },
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


def _put_series(url: str, secret: str, points: list[dict]) -> tuple[int, dict]:
    """What a practice system does: one HTTP request with the token, outside the browser."""
    request = urllib.request.Request(
        url,
        data=json.dumps({"points": points}).encode(),
        method="PUT",
        headers={"Authorization": f"Bearer {secret}", "Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:  # noqa: S310 (the test server)
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as refused:
        return refused.code, json.loads(refused.read())


@pytest.mark.parametrize("language", ["en", "cy"])
def test_a_token_feeds_a_measures_data_until_it_is_revoked(new_page, live_server, demo, language):
    from arloesi.measures.tests.factories import AFTER, BEFORE, MONDAY, measured_project, with_data
    from arloesi.organisations.models import OrganisationUnit
    from arloesi.projects.tests.factories import started_project

    words = WORDS[language]
    started = started_project(OrganisationUnit.objects.get(code="CTM-RHONDDA-GMS"))
    measured = with_data(measured_project(started, name="Residents seen at the ward round"))
    had = len(BEFORE) + len(AFTER)

    # Given the project's lead makes a token that may write, on their account
    page = signed_in_page(new_page, live_server, started.lead.email)
    page.goto(f"{live_server.url}/{language}/account/tokens/")
    page.locator("#id_name").fill("Practice system")
    page.locator("input[name=scope][value=write]").check()
    main(page).get_by_role("button", name=words["create"]).click()
    expect(heading(page)).to_have_text(words["new"])
    secret = page.locator("#token").inner_text().strip()
    assert_accessible(page)

    # When the practice system sends four more weeks with it
    url = f"{live_server.url}/api/v1/measures/{measured.measure.pk}/data"
    weeks = [MONDAY + timedelta(weeks=had + k) for k in range(4)]
    points = [{"period_start": w.isoformat(), "value": 21.5 + k} for k, w in enumerate(weeks)]
    status, answer = _put_series(url, secret, points)
    assert (status, answer) == (200, {"created": 4, "updated": 0, "unchanged": 0})

    # Then the measure's page charts them, and its table lists every period
    page.goto(f"{live_server.url}/{language}/measures/{measured.measure.pk}/")
    expect(page.locator("figure.app-spc-chart svg[role='img']")).to_be_visible()
    table = main(page).get_by_role("table", name=words["table"])
    expect(table.locator("tbody tr")).to_have_count(had + 4)
    expect(table).to_contain_text("24.5")
    assert_accessible(page)

    # When the lead revokes the token
    page.goto(f"{live_server.url}/{language}/account/tokens/")
    main(page).locator("table").get_by_role("button").first.press("Enter")
    expect(main(page).locator("table .nhsuk-tag--grey")).to_have_count(1)
    assert_accessible(page)

    # Then the next call with it is refused, and nothing more is written
    status, answer = _put_series(url, secret, [{"period_start": weeks[0].isoformat(), "value": 1}])
    assert status == 401
    assert answer["status"] == 401
    from arloesi.measures.models import DataPoint

    assert DataPoint.objects.filter(measure=measured.measure).count() == had + 4
