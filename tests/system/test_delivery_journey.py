"""Journey: the Rhondda cluster's lead plans the delivery of a change idea, in English and in
Welsh, every page checked with axe and every page offering the other language:

1. they give their own hours on "My capacity" (a data analyst's, beside a pharmacist's hours
   the cluster already has), then break the change idea "Weekly MDT ward round" into three tasks
   on its task page, each needing hours of a skill between two dates;
2. they rank the work on the priorities page and run an allocation for next month: the first
   task fits, two do not, each with the explanation in words ("needs 30 h of pharmacist time,
   5 h free"); they accept it, confirming the two onto the risk register, then open the
   cluster's register and the entry of the work that could not be accommodated, with its task,
   change idea, driver and aim, and what is missing;
3. they open the unaddressed-potential report from the priorities: the aim, the driver and the
   skills that lose out, by how many hours, each task leading to its risk entry, and the tasks as
   a spreadsheet (CSV);
4. a health-board officer opens the register of the planning group above the cluster and finds
   the entry whose suggested score reached the escalation score (15), escalated from the cluster
   with the link kept.

Each stage starts from a state the services make (the fixtures ``planned``, ``tasks`` and
``confirmed``), so a failure names the stage it is in. The words looked for on the pages come from
the service's translations (``t``), so the Welsh run checks the Welsh pages with the same steps.
"""

import re
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, heading, main, signed_in_page, success_banner

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "cy"]
OTHER = {"en": "cy", "cy": "en"}

CLUSTER_LEAD = "cluster.lead@arloesi.example"
PHARMACIST = "practitioner@arloesi.example"  # Rhys Evans, of the cluster's pharmacy collaborative
HB_OFFICER = "hb.officer@arloesi.example"
CLUSTER = "CTM-RHONDDA"
PLANNING_GROUP = "CTM-RCT"
COLLABORATIVE = "CTM-RHONDDA-GMS"

CHANGE_IDEA = "Weekly MDT ward round"  # on the CARE_HOMES driver diagram, under these
DRIVER = "Anticipatory care plans in place"
AIM = "Reduce avoidable A&E attendances from care homes by 20% by March 2028"

LEAD_HOURS = ("data_analyst", 10)  # the lead's own, a month
PHARMACIST_HOURS = ("pharmacist", 20)  # the pharmacist's, a month
# (what, skill, hours): all in next month. The first fits; the second is 25 h short of a
# pharmacist (the first took 15 of the 20), the third 30 h short of a data analyst.
TASKS = [
    ("Review each resident's medicines before the round", "pharmacist", 15),
    ("Reconcile medicines after every round", "pharmacist", 30),
    ("Build a dashboard of A&E attendances from the homes", "data_analyst", 40),
]
FITS, SHORT_OF_PHARMACIST, SHORT_OF_ANALYST = (task[0] for task in TASKS)


def t(language, text, **values):
    """The service's words in the journey's language."""
    with translation.override(language):
        translated = translation.gettext(text)
    return translated % values if values else translated


def in_language(language, function, *args):
    with translation.override(language):
        return function(*args)


def next_month():
    first = timezone.localdate().replace(day=1)
    return (first + timedelta(days=32)).replace(day=1)


def end_of(month):
    return (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def month_label(language, month):
    from arloesi.delivery.selectors.capacity import month_label

    return in_language(language, month_label, month)


def unit(code):
    from arloesi.organisations.models import OrganisationUnit

    return OrganisationUnit.objects.get(code=code)


def person(email):
    from arloesi.organisations.models import Person

    return Person.objects.get(email=email)


def skill(code):
    from arloesi.delivery.models import Skill

    return Skill.objects.get(code=code)


def name_in(language, obj):
    """A unit's or a skill's name in the journey's language."""
    with translation.override(language):
        return obj.name


def check_page(page, language):
    """The page is in the journey's language, links to itself in the other one, and passes axe."""
    other = OTHER[language]
    expect(page.locator("html")).to_have_attribute("lang", language)
    switch = page.locator(".app-language-switch")
    expect(switch).to_have_attribute("hreflang", other)
    expect(switch).to_have_attribute("href", re.compile(rf"^/{other}/"))
    assert_accessible(page)


def person_in_own_browser(new_page, live_server, email, language, path=""):
    """A person signed in in a browser of their own, on a page in the journey's language."""
    page = signed_in_page(new_page, live_server, email)
    page.goto(f"/{language}/{path}")
    expect(page.locator("html")).to_have_attribute("lang", language)
    return page


def open_from_menu(page, name):
    """Follow a link of the menu: in a row too narrow for every link, it is under "More"."""
    menu = page.locator(".nhsuk-header__navigation")
    link = menu.get_by_role("link", name=name, exact=True)
    if not link.is_visible():
        menu.locator(".nhsuk-header__menu-toggle").click()
    link.click()


def summary_value(page, key):
    """The value beside ``key`` in a summary list of the page."""
    return (
        main(page)
        .locator(".nhsuk-summary-list__row")
        .filter(
            has=page.locator(
                ".nhsuk-summary-list__key", has_text=re.compile(rf"^\s*{re.escape(key)}\s*$")
            )
        )
        .locator(".nhsuk-summary-list__value")
    )


def short_of(language, hours_needed, skill_code, hours_free):
    """The allocator's explanation of a task short of hours in next month, in words."""
    return t(
        language,
        "Not allocated: needs %(needed)s h of %(skill)s time in %(first)s, %(free)s h free",
        needed=hours_needed,
        skill=name_in(language, skill(skill_code)),
        first=month_label(language, next_month()),
        free=hours_free,
    )


# --- The state each stage starts from, made by the services -----------------------------------


@pytest.fixture
def planned(demo):
    """Stage 1's start: the Rhondda general medical collaborative's project, with the care-homes
    driver diagram, started by the planning group's approval; the cluster's pharmacist gives 20
    hours a month from next month."""
    from arloesi.delivery import services
    from arloesi.projects.tests.factories import started_project

    _add_skills()
    started = started_project(unit(COLLABORATIVE))
    code, hours = PHARMACIST_HOURS
    services.declaration_add(
        actor=person(PHARMACIST),
        cluster=unit(CLUSTER),
        skill=skill(code),
        hours_per_month=hours,
        from_month=next_month(),
    )
    return started


def _add_skills():
    """The list of skills comes from a data migration, which the flush after each live-server
    test removes (as Wales and its health boards: see the conftest)."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("arloesi.delivery.migrations.0002_seed_skills")
    migration.seed_skills(apps, schema_editor=None)


def change_idea(project):
    from arloesi.projects import selectors

    return next(n for n in selectors.change_ideas_of(project) if n.text == CHANGE_IDEA)


@pytest.fixture
def tasks(planned):
    """Stage 2's start (stage 1's end): the lead's hours given, and the change idea broken into
    the three tasks."""
    from arloesi.delivery import services

    lead, cluster = person(CLUSTER_LEAD), unit(CLUSTER)
    code, hours = LEAD_HOURS
    services.declaration_add(
        actor=lead,
        cluster=cluster,
        skill=skill(code),
        hours_per_month=hours,
        from_month=next_month(),
    )
    node = change_idea(planned.project)
    for title, code, hours in TASKS:
        services.task_create(
            actor=lead,
            cluster=cluster,
            change_idea=node,
            title=title,
            starts_on=next_month(),
            due_on=end_of(next_month()),
            needs=[(skill(code), hours)],
        )
    return planned


@pytest.fixture
def confirmed(tasks, language):
    """Stage 3's start (stage 2's end): the allocation of next month accepted, the two tasks that
    do not fit confirmed onto the cluster's risk register (in the journey's language, as the
    lead's page would have written them)."""
    from arloesi.delivery import services
    from arloesi.delivery.allocation.scoring import Weights

    lead, cluster = person(CLUSTER_LEAD), unit(CLUSTER)
    with translation.override(language):
        run = services.allocation_propose(
            actor=lead,
            cluster=cluster,
            first_month=next_month(),
            last_month=next_month(),
            weights=Weights(),
        )
        lines = list(run.lines.all())
        services.allocation_accept(
            actor=lead,
            run=run,
            kept_line_ids={line.pk for line in lines if line.allocated},
            unaccommodated_line_ids={line.pk for line in lines if not line.allocated},
        )
    return run


def test_the_words_the_journey_looks_for_are_really_in_welsh():
    for text in ["My capacity", "Add a task", "Run an allocation", "Not accommodated: %(task)s"]:
        assert t("cy", text) != text, text


# --- Stage 1: capacity, then the change idea broken into tasks ------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_1_a_cluster_lead_gives_their_hours_and_breaks_a_change_idea_into_tasks(
    new_page, live_server, planned, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    cluster = name_in(language, unit(CLUSTER))
    analyst = name_in(language, skill(LEAD_HOURS[0]))

    # Given the cluster lead, on "My capacity" from the menu, with no hours given yet
    lead = person_in_own_browser(new_page, live_server, CLUSTER_LEAD, language)
    open_from_menu(lead, _("My capacity"))
    expect(heading(lead)).to_have_text(_("My capacity"))
    expect(main(lead)).to_contain_text(_("You have not given any hours yet."))
    check_page(lead, language)

    # When they give 10 hours a month as a data analyst, from next month
    lead.get_by_label(_("Cluster"), exact=True).select_option(label=cluster)
    lead.get_by_label(_("Skill"), exact=True).select_option(label=analyst)
    lead.get_by_label(_("Hours a month"), exact=True).fill(str(LEAD_HOURS[1]))
    lead.get_by_label(_("From"), exact=True).fill(next_month().isoformat())
    lead.get_by_role("button", name=_("Add the hours")).click()

    # Then their hours are listed
    expect(success_banner(lead)).to_contain_text(_("Your capacity was added."))
    hours = main(lead).get_by_role("table", name=_("Your hours"))
    row = hours.locator("tbody tr")
    expect(row).to_have_count(1)
    expect(row).to_contain_text(analyst)
    expect(row.locator("td").nth(2)).to_have_text(str(LEAD_HOURS[1]))
    check_page(lead, language)

    # And the cluster's demand against capacity counts them, beside the pharmacist's
    main(lead).get_by_role(
        "link", name=_("Demand against capacity – %(cluster)s", cluster=cluster)
    ).click()
    expect(heading(lead)).to_have_text(_("Demand against capacity"))
    table = main(lead).get_by_role(
        "table", name=_("Hours needed and available, by skill and month")
    )
    for code, given in (LEAD_HOURS, PHARMACIST_HOURS):
        expect(
            table.get_by_role("row").filter(has_text=name_in(language, skill(code)))
        ).to_contain_text(_("Available: %(hours)s", hours=given))
    check_page(lead, language)

    # When they open the change idea's tasks, which has none yet
    node = change_idea(planned.project)
    lead.goto(f"/{language}/delivery/change-ideas/{node.pk}/tasks/")
    expect(heading(lead)).to_have_text(CHANGE_IDEA)
    expect(main(lead)).to_contain_text(_("No tasks yet."))
    check_page(lead, language)

    # And add three tasks, each needing hours of a skill in next month
    for number, (title, code, needed) in enumerate(TASKS, start=1):
        main(lead).get_by_role("link", name=_("Add a task")).click()
        expect(heading(lead)).to_have_text(_("Add a task"))
        if number == 1:
            check_page(lead, language)
        lead.get_by_label(_("What is the task?"), exact=True).fill(title)
        lead.locator("#id_skill_1").select_option(label=name_in(language, skill(code)))
        lead.locator("#id_hours_1").fill(str(needed))
        lead.get_by_label(_("Earliest start"), exact=True).fill(next_month().isoformat())
        lead.get_by_label(_("Due date"), exact=True).fill(end_of(next_month()).isoformat())
        lead.get_by_role("button", name=_("Add the task")).click()
        expect(success_banner(lead)).to_contain_text(_("The task was added."))

    # Then the change idea's page lists the three, not started, with the hours they need
    expect(heading(lead)).to_have_text(CHANGE_IDEA)
    rows = main(lead).locator("tbody tr")
    expect(rows).to_have_count(3)
    for title, code, needed in TASKS:
        row = rows.filter(has_text=title)
        expect(row).to_contain_text(name_in(language, skill(code)))
        expect(row).to_contain_text(str(needed))
    total = sum(needed for _title, _code, needed in TASKS)
    expect(main(lead)).to_contain_text(str(total))
    check_page(lead, language)


# --- Stage 2: the allocation, two tasks that do not fit, the risk register -----------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_2_a_cluster_lead_runs_the_allocation_and_confirms_what_does_not_fit_as_risks(
    new_page, live_server, tasks, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    cluster = unit(CLUSTER)
    month = next_month()

    # Given the cluster lead, on the cluster's priorities: the three tasks, cheapest first
    lead = person_in_own_browser(
        new_page, live_server, CLUSTER_LEAD, language, f"delivery/clusters/{cluster.pk}/priorities/"
    )
    expect(heading(lead)).to_have_text(_("Priorities"))
    ranked = main(lead).get_by_role("table", name=_("Tasks by priority score")).locator("tbody tr")
    expect(ranked).to_have_count(3)
    for row, (title, _code, _hours) in zip(ranked.all(), TASKS, strict=True):
        expect(row).to_contain_text(title)
    check_page(lead, language)

    # When they run an allocation for next month
    main(lead).get_by_role("link", name=_("Run an allocation")).click()
    expect(heading(lead)).to_have_text(_("Run an allocation"))
    check_page(lead, language)
    lead.get_by_label(_("First month"), exact=True).fill(month.isoformat())
    lead.get_by_label(_("Last month"), exact=True).fill(month.isoformat())
    lead.get_by_role("button", name=_("Propose the allocation")).click()

    # Then the first task fits; the two others do not, and the page says why, in words
    expect(success_banner(lead)).to_contain_text(
        _("The allocation is proposed: nothing is allocated until you accept it.")
    )
    allocated = main(lead).get_by_role(
        "table", name=_("Tasks allocated, in the order they got the hours")
    )
    expect(allocated.locator("tbody tr")).to_have_count(1)
    expect(allocated).to_contain_text(FITS)
    expect(allocated).to_contain_text(person(PHARMACIST).full_name)
    not_fitting = main(lead).get_by_role("table", name=_("Tasks that do not fit, and why"))
    expect(not_fitting.locator("tbody tr")).to_have_count(2)
    expect(not_fitting.get_by_role("row").filter(has_text=SHORT_OF_PHARMACIST)).to_contain_text(
        short_of(language, 30, "pharmacist", 5)
    )
    expect(not_fitting.get_by_role("row").filter(has_text=SHORT_OF_ANALYST)).to_contain_text(
        short_of(language, 40, "data_analyst", 10)
    )
    check_page(lead, language)

    # When they accept it, confirming the two as not accommodated
    to_register = lead.get_by_role(
        "group", name=_("Tasks to put on the risk register as not accommodated")
    )
    for title in (SHORT_OF_PHARMACIST, SHORT_OF_ANALYST):
        to_register.get_by_role("checkbox", name=title).check()
    lead.get_by_role("radio", name=_("Accept the allocation")).check()
    lead.get_by_role("button", name=_("Save the decision")).click()

    # Then the allocation is accepted, the two confirmed
    expect(success_banner(lead)).to_contain_text(_("The allocation was accepted."))
    for title in (SHORT_OF_PHARMACIST, SHORT_OF_ANALYST):
        expect(not_fitting.get_by_role("row").filter(has_text=title)).to_contain_text(
            _("Confirmed as not accommodated")
        )
    check_page(lead, language)

    # When they open the cluster's risk register from the menu
    open_from_menu(lead, _("Risk registers"))
    expect(heading(lead)).to_have_text(_("Risk registers"))
    main(lead).get_by_role("link", name=name_in(language, cluster), exact=True).click()

    # Then both are on it, as unaddressed potential for improvement
    expect(heading(lead)).to_have_text(
        _("Risk register: %(unit)s", unit=name_in(language, cluster))
    )
    risks = main(lead).get_by_role("table", name=_("Risks, highest current score first"))
    for title in (SHORT_OF_PHARMACIST, SHORT_OF_ANALYST):
        expect(risks.get_by_role("row").filter(has_text=title)).to_contain_text(
            _("Unaddressed potential for improvement")
        )
    check_page(lead, language)

    # And the entry of the pharmacist's work shows its links, the gap and its escalation
    title = _("Not accommodated: %(task)s", task=SHORT_OF_PHARMACIST)
    risks.get_by_role("link", name=title).click()
    expect(heading(lead)).to_have_text(title)
    expect(summary_value(lead, _("Task"))).to_have_text(SHORT_OF_PHARMACIST)
    expect(summary_value(lead, _("Change idea"))).to_have_text(CHANGE_IDEA)
    expect(summary_value(lead, _("Driver"))).to_contain_text(DRIVER)
    expect(summary_value(lead, _("Aim"))).to_have_text(AIM)
    expect(summary_value(lead, _("What is missing"))).to_have_text(
        short_of(language, 30, "pharmacist", 5)
    )
    expect(main(lead)).to_contain_text(_("Current score %(score)d", score=20))
    planning_group = name_in(language, unit(PLANNING_GROUP))
    expect(main(lead).locator("#escalation ~ p").first).to_contain_text(planning_group)
    check_page(lead, language)


# --- Stage 3: the unaddressed-potential report ---------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_3_a_cluster_lead_opens_the_unaddressed_potential_for_improvement(
    new_page, live_server, confirmed, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    cluster = unit(CLUSTER)
    pharmacist = name_in(language, skill("pharmacist"))
    analyst = name_in(language, skill("data_analyst"))

    # Given the cluster lead, on the cluster's priorities after the allocation was accepted
    lead = person_in_own_browser(
        new_page, live_server, CLUSTER_LEAD, language, f"delivery/clusters/{cluster.pk}/priorities/"
    )
    expect(heading(lead)).to_have_text(_("Priorities"))

    # When they follow the link to the unaddressed potential for improvement
    main(lead).get_by_role("link", name=_("See the unaddressed potential for improvement")).click()

    # Then the two tasks, 70 hours of work, are 55 hours short (25 of a pharmacist's, 30 of a
    # data analyst's), and the aim and the driver they serve lose out by those hours
    expect(heading(lead)).to_have_text(_("Unaddressed potential for improvement"))
    expect(summary_value(lead, _("Tasks not accommodated"))).to_have_text("2")
    expect(summary_value(lead, _("Hours of work not done"))).to_have_text("70")
    expect(summary_value(lead, _("Hours short"))).to_have_text("55")
    aims = main(lead).get_by_role("table", name=_("Aims that lose out, most hours short first"))
    expect(aims.get_by_role("row").filter(has_text=AIM).locator("td").nth(2)).to_have_text("55")
    drivers = main(lead).get_by_role(
        "table", name=_("Drivers that lose out, most hours short first")
    )
    expect(drivers.get_by_role("row").filter(has_text=DRIVER).locator("td").nth(2)).to_have_text(
        "55"
    )
    skills = main(lead).get_by_role(
        "table", name=_("By skill: the hours of work not done and the hours short")
    )
    for name, needed, short in ((pharmacist, 30, 25), (analyst, 40, 30)):
        cells = skills.get_by_role("row").filter(has_text=name).locator("td")
        expect(cells.nth(1)).to_have_text(str(needed))
        expect(cells.nth(2)).to_have_text(str(short))
    listed = main(lead).get_by_role(
        "table", name=_("The tasks confirmed as not accommodated, most hours short first")
    )
    rows = listed.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text(SHORT_OF_ANALYST)  # the most hours short
    check_page(lead, language)

    # And the tasks download as a spreadsheet, a row for each task and skill
    with lead.expect_download() as started:
        main(lead).get_by_role("link", name=_("Download the tasks as CSV")).click()
    text = Path(started.value.path()).read_text(encoding="utf-8-sig")
    assert SHORT_OF_PHARMACIST in text
    assert SHORT_OF_ANALYST in text
    assert AIM in text

    # And each task leads to its entry on the risk register
    rows.filter(has_text=SHORT_OF_PHARMACIST).get_by_role("link").click()
    expect(heading(lead)).to_have_text(_("Not accommodated: %(task)s", task=SHORT_OF_PHARMACIST))


# --- Stage 4: the health board sees the escalated entry ------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_4_a_health_board_officer_sees_the_escalated_entry_above_the_cluster(
    new_page, live_server, confirmed, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    cluster = name_in(language, unit(CLUSTER))
    planning_group = name_in(language, unit(PLANNING_GROUP))
    escalated = _("Not accommodated: %(task)s", task=SHORT_OF_PHARMACIST)
    not_escalated = _("Not accommodated: %(task)s", task=SHORT_OF_ANALYST)

    # Given the health board's officer, on the risk registers from the menu
    officer = person_in_own_browser(new_page, live_server, HB_OFFICER, language)
    open_from_menu(officer, _("Risk registers"))
    expect(heading(officer)).to_have_text(_("Risk registers"))
    check_page(officer, language)

    # When they open the register of the planning group above the cluster
    main(officer).get_by_role("link", name=planning_group, exact=True).click()

    # Then the entry scored 20 is there, escalated from the cluster; the one scored 10 is not
    expect(heading(officer)).to_have_text(_("Risk register: %(unit)s", unit=planning_group))
    risks = main(officer).get_by_role("table", name=_("Risks, highest current score first"))
    row = risks.get_by_role("row").filter(has_text=escalated)
    expect(row).to_contain_text(_("Escalated from %(unit)s", unit=cluster))
    expect(row).to_contain_text("20")
    expect(risks).not_to_contain_text(not_escalated)
    check_page(officer, language)

    # And its page keeps the links, the gap and the way back to the cluster's entry
    row.get_by_role("link", name=escalated).click()
    expect(heading(officer)).to_have_text(escalated)
    expect(summary_value(officer, _("Change idea"))).to_have_text(CHANGE_IDEA)
    expect(summary_value(officer, _("What is missing"))).to_have_text(
        short_of(language, 30, "pharmacist", 5)
    )
    expect(main(officer)).to_contain_text(
        _("Escalated from the register of %(unit)s.", unit=cluster)
    )
    check_page(officer, language)
    main(officer).get_by_role("link", name=_("See the risk there")).click()
    expect(heading(officer)).to_have_text(escalated)
    expect(main(officer)).to_contain_text(_("Risk register: %(unit)s", unit=cluster))
