"""The projects' pages the journey (test_project_journey.py) does not pass through, opened by the
cluster lead in a browser, in English and in Welsh: each is in the page's language, links to
itself in the other one and passes axe — and so does each form sent back with its errors.

The state is made by the services (a project with a condition of approval and a milestone, a
ramp whose first cycle adapted the change, and a cycle overdue), so every page has something to
show and every button it offers.
"""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, main, signed_in_page

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "cy"]
OTHER = {"en": "cy", "cy": "en"}

CLUSTER_LEAD = "cluster.lead@arloesi.example"
COLLABORATIVE = "CTM-RHONDDA-GMS"


def day(days):
    return timezone.localdate() + timedelta(days=days)


@pytest.fixture
def state(demo):
    """A project the cluster lead may change, with a condition and a milestone, and a ramp whose
    first cycle adapted the change (so the next cycle can be planned)."""
    from arloesi.organisations.models import OrganisationUnit, Person
    from arloesi.projects import selectors, services
    from arloesi.projects.models import ProjectCondition
    from arloesi.projects.tests.factories import started_project

    started = started_project(OrganisationUnit.objects.get(code=COLLABORATIVE))
    project, lead = started.project, Person.objects.get(email=CLUSTER_LEAD)
    condition = ProjectCondition.objects.create(
        project=project, text="Report to the cluster every quarter"
    )
    milestone = services.milestone_add(
        actor=lead, project=project, title="First care home live", due_on=day(-3)
    )
    node = selectors.change_ideas_of(project)[0]
    ramp = services.ramp_start(actor=lead, project=project, diagram_node_id=node.pk)
    first = services.cycle_plan(
        actor=lead,
        project=project,
        ramp=ramp,
        title="One care home for one week",
        planned_start_on=day(-20),
        planned_end_on=day(-10),
    )
    first = services.cycle_section_save(
        actor=lead,
        cycle=first,
        section="study",
        expected_version=first.version,
        values={"study_results": "Six residents seen, not eight."},
    )
    services.cycle_section_save(
        actor=lead,
        cycle=first,
        section="act",
        expected_version=first.version,
        values={"act_decision": "adapt", "act_next": "Start after lunch."},
    )
    return {
        "project": project,
        "condition": condition,
        "milestone": milestone,
        "cycle": first,
        "cluster": OrganisationUnit.objects.get(code=COLLABORATIVE).parent,
    }


def addresses(state) -> list[str]:
    project = {"project_id": state["project"].pk}
    return [
        reverse("projects:stage", kwargs=project),
        reverse("projects:update_add", kwargs=project),
        reverse("projects:milestone_add", kwargs=project),
        reverse(
            "projects:milestone_edit", kwargs={**project, "milestone_id": state["milestone"].pk}
        ),
        reverse(
            "projects:condition_close", kwargs={**project, "condition_id": state["condition"].pk}
        ),
        reverse("projects:cycle_next", kwargs={"cycle_id": state["cycle"].pk}),
        reverse(
            "projects:cycle_section", kwargs={"cycle_id": state["cycle"].pk, "section": "plan"}
        ),
        reverse("projects:cycle_list", kwargs={"unit_id": state["cluster"].pk})
        + "?state=completed",
    ]


def check_page(page, language):
    other = OTHER[language]
    expect(page.locator("html")).to_have_attribute("lang", language)
    switch = page.locator(".app-language-switch")
    expect(switch).to_have_attribute("hreflang", other)
    expect(switch).to_have_attribute("href", re.compile(rf"^/{other}/"))
    assert_accessible(page)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_projects_other_pages_and_their_errors_are_accessible(
    new_page, live_server, state, language
):
    page = signed_in_page(new_page, live_server, CLUSTER_LEAD)
    for address in addresses(state):
        localised = re.sub(r"^/en/", f"/{language}/", address)
        page.goto(f"{live_server.url}{localised}")
        expect(page.locator("h1")).to_be_visible()
        check_page(page, language)

    # A progress update sent empty comes back with its error, accessibly
    update = reverse("projects:update_add", kwargs={"project_id": state["project"].pk})
    page.goto(f"{live_server.url}{re.sub(r'^/en/', f'/{language}/', update)}")
    main(page).locator("form button[type=submit], form input[type=submit]").last.click()
    with translation.override(language):
        problem = translation.gettext("There is a problem")
    expect(page.locator(".nhsuk-error-summary")).to_contain_text(problem)
    check_page(page, language)
