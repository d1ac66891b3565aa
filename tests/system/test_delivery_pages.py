"""The delivery and risk register pages the journey (test_delivery_journey.py) does not pass
through, opened in a browser in English and in Welsh: each is in the page's language, links to
itself in the other one and passes axe — and so does each form sent back with its errors.

The state is made by the services: the Rhondda cluster's project with two tasks (one waiting for
the other), the hours its people give (and an absence), the health board's offer of pharmacist
hours for a local priority, an accepted allocation whose work that did not fit is on the
cluster's register, with a further action. The cluster lead opens the cluster's pages, the
health-board officer the board's (the offer, the risk matrix, its register and its
unaddressed potential for improvement).
"""

import importlib
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
PHARMACIST = "practitioner@arloesi.example"
HB_OFFICER = "hb.officer@arloesi.example"
CLUSTER = "CTM-RHONDDA"
HEALTH_BOARD = "CTMUHB"
COLLABORATIVE = "CTM-RHONDDA-GMS"


def next_month():
    first = timezone.localdate().replace(day=1)
    return (first + timedelta(days=32)).replace(day=1)


def end_of(month):
    return (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)


@pytest.fixture
def state(demo):
    from django.apps import apps

    from arloesi.delivery import services
    from arloesi.delivery.allocation.scoring import Weights
    from arloesi.delivery.models import Skill
    from arloesi.organisations.models import OrganisationUnit, Person
    from arloesi.projects import selectors as projects
    from arloesi.projects.tests.factories import started_project
    from arloesi.risks import services as risks
    from arloesi.risks.models import RiskEntry

    # The skills come from a data migration, which the flush after each live-server test removes
    importlib.import_module("arloesi.delivery.migrations.0002_seed_skills").seed_skills(
        apps, schema_editor=None
    )
    units = {u.code: u for u in OrganisationUnit.objects.filter(code__in=[CLUSTER, HEALTH_BOARD])}
    cluster, board = units[CLUSTER], units[HEALTH_BOARD]
    lead, pharmacist, officer = (
        Person.objects.get(email=email) for email in (CLUSTER_LEAD, PHARMACIST, HB_OFFICER)
    )
    started = started_project(OrganisationUnit.objects.get(code=COLLABORATIVE))
    skills = {s.code: s for s in Skill.objects.all()}
    month = next_month()
    services.declaration_add(
        actor=pharmacist,
        cluster=cluster,
        skill=skills["pharmacist"],
        hours_per_month=20,
        from_month=month,
    )
    services.declaration_add(
        actor=lead, cluster=cluster, skill=skills["gp"], hours_per_month=8, from_month=month
    )
    services.absence_add(
        actor=lead, first_day=month + timedelta(days=3), last_day=month + timedelta(days=5)
    )
    offer = services.offer_add(
        actor=officer,
        health_board=board,
        cluster=cluster,
        skill=skills["pharmacist"],
        hours_per_month=10,
        from_month=month,
        to_month=month,
        priorities=[started.s.priority],
    )
    node = projects.change_ideas_of(started.project)[0]
    first = services.task_create(
        actor=lead,
        cluster=cluster,
        change_idea=node,
        title="Agree the round's checklist",
        starts_on=month,
        due_on=end_of(month),
        needs=[(skills["gp"], 6)],
        assigned_person=lead,
    )
    second = services.task_create(
        actor=lead,
        cluster=cluster,
        change_idea=node,
        title="Train every care home's staff",
        starts_on=month,
        due_on=end_of(month),
        needs=[(skills["practice_nurse"], 30)],
        dependencies=[first],
    )
    run = services.allocation_propose(
        actor=lead, cluster=cluster, first_month=month, last_month=month, weights=Weights()
    )
    lines = list(run.lines.all())
    services.allocation_accept(
        actor=lead,
        run=run,
        kept_line_ids={line.pk for line in lines if line.allocated},
        unaccommodated_line_ids={line.pk for line in lines if not line.allocated},
    )
    entry = RiskEntry.objects.get(unit=cluster, source_id=second.pk)
    risks.action_add(
        actor=lead, entry=entry, text="Ask the health board for nurse time", owner=lead
    )
    return {
        "cluster": cluster,
        "board": board,
        "task": first,
        "offer": offer,
        "entry": entry,
    }


def lead_addresses(state) -> list[str]:
    cluster = {"unit_id": state["cluster"].pk}
    task = {"task_id": state["task"].pk}
    entry = {"entry_id": state["entry"].pk}
    return [
        reverse("delivery:board", kwargs=cluster),
        reverse("delivery:task_edit", kwargs=task),
        reverse("delivery:task_status", kwargs=task),
        reverse("delivery:priority_override", kwargs=task),
        reverse("delivery:capacity", kwargs=cluster),
        reverse("delivery:my_capacity"),
        reverse("risks:entry", kwargs=entry),
        reverse("risks:entry_edit", kwargs=entry),
        reverse("risks:rescore", kwargs=entry),
        reverse("risks:review", kwargs=entry),
        reverse("risks:action_add", kwargs=entry),
        reverse("risks:status", kwargs=entry),
        reverse("risks:history", kwargs=entry),
        reverse("risks:entry_add", kwargs=cluster),
        reverse("risks:import", kwargs=cluster),
    ]


def officer_addresses(state) -> list[str]:
    return [
        reverse("delivery:offer_add", kwargs={"unit_id": state["cluster"].pk}),
        reverse("risks:settings", kwargs={"unit_id": state["board"].pk}),
        reverse("risks:register", kwargs={"unit_id": state["board"].pk}),
        reverse("delivery:unaddressed", kwargs={"unit_id": state["board"].pk}),
    ]


def check_page(page, language):
    other = OTHER[language]
    expect(page.locator("html")).to_have_attribute("lang", language)
    switch = page.locator(".app-language-switch")
    expect(switch).to_have_attribute("hreflang", other)
    expect(switch).to_have_attribute("href", re.compile(rf"^/{other}/"))
    assert_accessible(page)


def localised(live_server, address, language):
    return f"{live_server.url}{re.sub(r'^/en/', f'/{language}/', address)}"


def open_pages(page, live_server, addresses, language):
    for address in addresses:
        page.goto(localised(live_server, address, language))
        expect(page.locator("h1")).to_be_visible()
        check_page(page, language)


def send_with_errors(page, live_server, address, language, fill=None, problem="There is a problem"):
    """Open the form, (fill what ``fill`` fills and) send it: it comes back with its errors,
    summed up under ``problem``."""
    page.goto(localised(live_server, address, language))
    if fill:
        fill(page)
    main(page).locator("form button[type=submit]").last.click()
    with translation.override(language):
        problem = translation.gettext(problem)
    expect(page.locator(".nhsuk-error-summary").first).to_contain_text(problem)
    check_page(page, language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_delivery_and_risk_pages_and_their_errors_are_accessible(
    new_page, live_server, state, language, tmp_path
):
    lead = signed_in_page(new_page, live_server, CLUSTER_LEAD)
    open_pages(lead, live_server, lead_addresses(state), language)
    officer = signed_in_page(new_page, live_server, HB_OFFICER)
    open_pages(officer, live_server, officer_addresses(state), language)

    # Forms sent empty, or wrong, come back with their errors, accessibly
    node = {"node_id": state["task"].change_idea_id}
    send_with_errors(lead, live_server, reverse("delivery:task_add", kwargs=node), language)
    send_with_errors(
        lead,
        live_server,
        reverse("delivery:allocation_new", kwargs={"unit_id": state["cluster"].pk}),
        language,
    )
    send_with_errors(
        lead,
        live_server,
        reverse("risks:rescore", kwargs={"entry_id": state["entry"].pk}),
        language,
    )
    send_with_errors(
        officer,
        live_server,
        reverse("delivery:offer_add", kwargs={"unit_id": state["cluster"].pk}),
        language,
    )

    # A spreadsheet with a wrong cell: nothing is imported, each problem with its row and column
    wrong = tmp_path / "risks.csv"
    wrong.write_text("title,category,initial_consequence,initial_likelihood\nFloods,weather,7,2\n")
    send_with_errors(
        lead,
        live_server,
        reverse("risks:import", kwargs={"unit_id": state["cluster"].pk}),
        language,
        fill=lambda page: page.locator("input[type=file]").set_input_files(str(wrong)),
        problem="Nothing was imported: fix these problems and upload the file again",
    )
    expect(main(lead).locator("#import-problems tbody tr")).to_have_count(2)
