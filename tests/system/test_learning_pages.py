"""The learning records', adoption's and resources library's pages, opened in a browser in
English and in Welsh — by the cluster lead, by a practitioner who may adopt, and signed out for
the public ones: each is in the page's language, links to itself in the other one and passes
axe, and so does a form sent back with its errors.

The state is made by the services: a closed project with a charted measure, a draft record, a
record waiting for approval and a published bilingual one (readable signed out).
"""

import re

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, main, signed_in_page

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "cy"]
OTHER = {"en": "cy", "cy": "en"}

CLUSTER_LEAD = "cluster.lead@arloesi.example"
PRACTITIONER = "practitioner@arloesi.example"
COLLABORATIVE = "CTM-RHONDDA-GMS"


@pytest.fixture
def state(demo):
    from arloesi.learning import services
    from arloesi.learning.tests.factories import published_record
    from arloesi.organisations.models import OrganisationUnit, Person
    from arloesi.projects.tests.factories import started_project

    started = started_project(OrganisationUnit.objects.get(code=COLLABORATIVE))
    written = published_record(
        started,
        title_cy="Gwirio cwympiadau mewn cartrefi gofal",
        summary_cy="Roedd fferyllwyr yn gwirio meddyginiaethau ar ôl pob cwymp.",
    )
    lead = written.lead
    draft = services.record_create(actor=lead, project=written.project, title="Second record")
    waiting = services.record_create(actor=lead, project=written.project, title="Waiting")
    waiting = services.record_update(
        actor=lead,
        record=waiting,
        expected_version=waiting.version,
        summary_en="A summary",
        tried="Tried",
        worked="Worked",
        did_not_work="Did not",
        why="Why",
        recommendations="Do it",
    )
    services.record_submit(actor=lead, record=waiting)
    # The demo's cluster lead approves Rhondda's records.
    assert Person.objects.filter(email=CLUSTER_LEAD).exists()
    return {"written": written, "draft": draft, "waiting": waiting}


def check_page(page, language):
    other = OTHER[language]
    expect(page.locator("html")).to_have_attribute("lang", language)
    switch = page.locator(".app-language-switch")
    expect(switch).to_have_attribute("hreflang", other)
    expect(switch).to_have_attribute("href", re.compile(rf"^/{other}/"))
    assert_accessible(page)


def visit(page, live_server, address, language):
    page.goto(f"{live_server.url}{re.sub(r'^/en/', f'/{language}/', address)}")
    expect(page.locator("h1")).to_be_visible()
    check_page(page, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_learning_pages_are_accessible(new_page, live_server, state, language):
    record = {"record_id": state["written"].record.pk}
    lead_pages = [
        reverse("learning:project_records", kwargs={"project_id": state["written"].project.pk}),
        reverse("learning:record", kwargs=record),
        reverse("learning:record", kwargs={"record_id": state["waiting"].pk}),
        reverse("learning:record_edit", kwargs={"record_id": state["draft"].pk}),
        reverse("learning:record_edit", kwargs=record),
        reverse("learning:record_return", kwargs={"record_id": state["waiting"].pk}),
        reverse("learning:record_withdraw", kwargs=record),
        reverse("learning:record_history", kwargs=record),
        reverse("learning:adoption_compare", kwargs=record),
        reverse("learning:published"),
        reverse("learning:waiting"),
        reverse("learning:resources"),
    ]
    page = signed_in_page(new_page, live_server, CLUSTER_LEAD)
    for address in lead_pages:
        visit(page, live_server, address, language)

    # Returning a record with no reason comes back with its error, accessibly.
    visit(page, live_server, lead_pages[5], language)
    main(page).locator("form button[type=submit]").last.click()
    with translation.override(language):
        problem = translation.gettext("There is a problem")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(problem)
    check_page(page, language)

    adopter = signed_in_page(new_page, live_server, PRACTITIONER)
    visit(adopter, live_server, reverse("learning:adopt", kwargs=record), language)
    main(adopter).locator("form button[type=submit]").last.click()
    expect(adopter.locator(".nhsuk-error-summary")).to_contain_text(problem)
    check_page(adopter, language)

    anyone = new_page()
    for address in (
        reverse("learning:record", kwargs=record),
        reverse("learning:published"),
        reverse("learning:resources"),
    ):
        visit(anyone, live_server, address, language)
