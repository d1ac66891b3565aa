"""Journey: a cluster lead runs the project an approved proposal started, in four stages, each in
English and in Welsh, every page checked with axe and every page offering the other language:

1. they go from the approved proposal to its project, set the plan (start and planned end),
   add a milestone and give a RAG status with its reason; the history lists the changes, and
   the project's lead finds the project, with its next milestone, under "Projects";
2. they start a ramp on a change idea of the project's driver diagram and plan its three PDSA
   cycles, the first already past its planned end (so it is due);
3. they record what happened, the study and the act ("adapt") of the first cycle, which is then
   completed, and the completion rate of cycles on the cluster's dashboard moves from 0% to 100%;
4. they filter the cluster's schedule and download it as a spreadsheet (XLSX), to print (PDF)
   and as a calendar of milestones (iCalendar).

Each stage starts from a state the services make (the fixtures ``project``, ``first_cycle``
and ``scheduled``), so a failure names the stage it is in. The words looked for on the pages come
from the service's translations (``t``), so the Welsh run checks the Welsh pages with the same
steps.
"""

import re
from datetime import timedelta
from io import BytesIO
from pathlib import Path

import pytest
from django.utils import timezone, translation
from playwright.sync_api import expect

from tests.system.conftest import assert_accessible, heading, main, signed_in_page, success_banner

pytestmark = pytest.mark.browser

LANGUAGES = ["en", "cy"]
OTHER = {"en": "cy", "cy": "en"}

CLUSTER_LEAD = "cluster.lead@arloesi.example"
CLUSTER = "CTM-RHONDDA"
COLLABORATIVE = "CTM-RHONDDA-GMS"

MILESTONE = "First care home live"
RAG_REASON = "Two of the four care homes have not yet agreed a day for the ward round."
CHANGE_IDEA = "Weekly MDT ward round"  # a change idea of the CARE_HOMES driver diagram
CYCLES = [
    # (title, first day, last day), in days from today: the first has ended, so it is due
    ("Ward round at one care home for one week", -14, -7),
    ("Ward round at two care homes", -3, 10),
    ("Ward round at every care home", 11, 40),
]
DONE = {
    "What happened": "The GP, the pharmacist and the nurse saw six residents in an hour.",
    "Observations": "The home's staff asked for the round to start after lunch.",
    "Problems": "The pharmacist could not see the home's medicines records.",
}
STUDY = "We predicted eight residents and saw six; the records were the bottleneck."
NEXT = "Start after lunch, with the records printed beforehand."
OTHER_PROJECT = "Text reminders for flu vaccination"


def t(language, text, **values):
    """The service's words in the journey's language."""
    with translation.override(language):
        translated = translation.gettext(text)
    return translated % values if values else translated


def optional(language, label):
    """The label of a field that may be left empty."""
    return f"{t(language, label)} {t(language, '(optional)')}"


def tp(language, context, text):
    """The service's words, said in ``context``, in the journey's language."""
    with translation.override(language):
        return translation.pgettext(context, text)


def day(days):
    return timezone.localdate() + timedelta(days=days)


def unit(code):
    from arloesi.organisations.models import OrganisationUnit

    return OrganisationUnit.objects.get(code=code)


def person(email):
    from arloesi.organisations.models import Person

    return Person.objects.get(email=email)


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


def open_from_projects(page, language, link):
    """Open "Projects" from the menu, then the link to the person's unit's schedule or
    dashboard (``link``: its words before the unit's name)."""
    open_from_menu(page, t(language, "Projects"))
    expect(heading(page)).to_have_text(t(language, "Projects"))
    prefix = t(language, link).split("%(unit)s")[0]
    main(page).get_by_role("link", name=re.compile("^" + re.escape(prefix))).click()


def download(page, link):
    with page.expect_download() as started:
        link.click()
    return started.value


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


# --- The state each stage starts from, made by the services -----------------------------------


@pytest.fixture
def project(demo):
    """Stage 1's start: the Rhondda general medical collaborative's proposal, with the care-homes
    driver diagram, approved by the planning group's chair, which started its project."""
    from arloesi.projects.tests.factories import started_project

    return started_project(unit(COLLABORATIVE))


@pytest.fixture
def first_cycle(project):
    """Stage 3's start (stage 2's end): a ramp on the change idea, with its three cycles; the
    first of them."""
    from arloesi.projects import selectors, services

    lead = person(CLUSTER_LEAD)
    node = next(n for n in selectors.change_ideas_of(project.project) if n.text == CHANGE_IDEA)
    ramp = services.ramp_start(actor=lead, project=project.project, diagram_node_id=node.pk)
    cycles = [
        services.cycle_plan(
            actor=lead,
            project=project.project,
            ramp=ramp,
            title=title,
            planned_start_on=day(first),
            planned_end_on=day(last),
        )
        for title, first, last in CYCLES
    ]
    return cycles[0]


@pytest.fixture
def scheduled(project):
    """Stage 4's start (stage 1's end): the project planned, with a milestone and an amber RAG
    status; and another project of the cluster, with neither."""
    from arloesi.diagrams.tests.factories import approved
    from arloesi.projects import services
    from arloesi.proposals.tests.factories import complete_draft

    lead, started = person(CLUSTER_LEAD), project.project
    started = services.project_plan_update(
        actor=lead,
        project=started,
        expected_version=started.version,
        starts_on=day(-30),
        planned_end_on=day(335),
    )
    services.milestone_add(actor=lead, project=started, title=MILESTONE, due_on=day(20))
    services.project_rag_change(
        actor=lead,
        project=started,
        expected_version=started.version,
        rag="amber",
        reason=RAG_REASON,
    )
    approved(project.s, complete_draft(project.s, title=OTHER_PROJECT))
    return started


def test_the_words_the_journey_looks_for_are_really_in_welsh():
    for text in ["Go to the project", "Start a ramp", "Completion rate of PDSA cycles"]:
        assert t("cy", text) != text, text


# --- Stage 1: from the approved proposal to the project: plan, milestone, RAG status ---------


@pytest.mark.parametrize("language", LANGUAGES)
def test_1_a_cluster_lead_opens_the_project_the_approval_started_and_plans_it(
    new_page, live_server, project, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    title = project.project.title

    # Given the cluster lead, on the approved proposal's page
    lead = person_in_own_browser(
        new_page, live_server, CLUSTER_LEAD, language, f"proposals/{project.project.proposal_id}/"
    )
    expect(heading(lead)).to_have_text(title)
    check_page(lead, language)

    # When they follow the link to the project the approval started
    main(lead).get_by_role("link", name=_("Go to the project")).click()

    # Then they are on the project's page, at its first stage, with no RAG status yet
    expect(heading(lead)).to_have_text(title)
    expect(main(lead)).to_contain_text(_("Started by the planning group’s approval"))
    expect(main(lead)).to_contain_text(_("No RAG status yet"))
    project_url = lead.url
    check_page(lead, language)

    # When they set the start and planned end dates
    main(lead).get_by_role("link", name=_("Change the dates or the lead")).click()
    expect(heading(lead)).to_have_text(_("Dates and lead"))
    check_page(lead, language)
    optional = _("(optional)")
    lead.get_by_label(f"{_('Start date')} {optional}", exact=True).fill(day(-30).isoformat())
    lead.get_by_label(f"{_('Planned end date')} {optional}", exact=True).fill(day(335).isoformat())
    lead.get_by_role("button", name=_("Save the plan")).click()

    # Then the project's page has them
    expect(success_banner(lead)).to_contain_text(_("The project’s plan was saved."))
    expect(summary_value(lead, _("Start date"))).not_to_have_text("–")
    expect(summary_value(lead, _("Planned end date"))).not_to_have_text("–")

    # When they add a milestone
    main(lead).get_by_role("link", name=_("Add a milestone")).click()
    expect(heading(lead)).to_have_text(_("Add a milestone"))
    check_page(lead, language)
    lead.get_by_label(_("Milestone"), exact=True).fill(MILESTONE)
    lead.get_by_label(_("Due date"), exact=True).fill(day(20).isoformat())
    lead.get_by_role("button", name=_("Add the milestone")).click()

    # Then it is in the project's milestones, not done yet
    expect(success_banner(lead)).to_contain_text(_("The milestone was added."))
    milestones = main(lead).get_by_role("table", name=_("Milestones, in the order they are due"))
    expect(milestones.get_by_role("row").filter(has_text=MILESTONE)).to_contain_text(
        _("Not done yet")
    )

    # When they give the project a RAG status, with the reason for it
    main(lead).get_by_role("link", name=_("Change the RAG status")).click()
    expect(heading(lead)).to_have_text(_("RAG status"))
    check_page(lead, language)
    lead.get_by_role("radio", name=_("Amber")).check()
    lead.get_by_label(_("Why this status?"), exact=True).fill(RAG_REASON)
    lead.get_by_role("button", name=_("Save the RAG status")).click()

    # Then the project shows the status with its reason, and the RAG history has it
    expect(success_banner(lead)).to_contain_text(_("The RAG status was saved."))
    expect(main(lead)).to_contain_text(_("RAG: %(status)s", status=_("Amber")))
    expect(summary_value(lead, _("RAG status"))).to_have_text(f"{_('Amber')}: {RAG_REASON}")
    history = main(lead).get_by_role("table", name=_("RAG status history, newest first"))
    expect(history).to_contain_text(RAG_REASON)
    assert lead.url.split("#")[0] == project_url
    check_page(lead, language)

    # And the history of changes lists who changed the project
    main(lead).get_by_role("link", name=_("History of changes")).click()
    expect(main(lead)).to_contain_text(person(CLUSTER_LEAD).full_name)
    check_page(lead, language)

    # And the project's lead finds the project in "Projects", with its next milestone
    owner = person_in_own_browser(new_page, live_server, project.lead.email, language, "")
    open_from_menu(owner, _("Projects"))
    expect(heading(owner)).to_have_text(_("Projects"))
    row = main(owner).get_by_role("row").filter(has_text=title)
    expect(row).to_contain_text(_("You lead it"))
    expect(row).to_contain_text(MILESTONE)
    expect(row).to_contain_text(_("RAG: %(status)s", status=_("Amber")))
    check_page(owner, language)


# --- Stage 2: a ramp of three PDSA cycles on a change idea of the driver diagram -------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_2_a_cluster_lead_plans_a_ramp_of_three_pdsa_cycles_on_a_change_idea(
    new_page, live_server, project, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731

    # Given the cluster lead, on the project's PDSA cycles
    lead = person_in_own_browser(
        new_page, live_server, CLUSTER_LEAD, language, f"projects/{project.project.pk}/cycles/"
    )
    expect(heading(lead)).to_have_text(_("PDSA cycles"))
    expect(main(lead)).to_contain_text(_("No PDSA cycles have been planned for this project yet."))
    check_page(lead, language)

    # When they start a ramp on a change idea chosen from the project's driver diagram
    main(lead).get_by_role("button", name=_("Start a ramp")).click()
    expect(heading(lead)).to_have_text(_("Start a ramp"))
    check_page(lead, language)
    lead.get_by_role("radio", name=CHANGE_IDEA, exact=True).check()
    lead.get_by_role("button", name=_("Start the ramp")).click()

    # Then the ramp's page asks for its first cycle
    expect(heading(lead)).to_have_text(CHANGE_IDEA)
    expect(success_banner(lead)).to_contain_text(
        _("The ramp has been started: plan its first cycle.")
    )
    expect(main(lead)).to_contain_text(_("This change idea is on the project’s driver diagram."))
    check_page(lead, language)
    ramp_url = lead.url

    # When they plan the three cycles, the first from the ramp's page, the others in the ramp
    for number, (title, first, last) in enumerate(CYCLES, start=1):
        if number == 1:
            main(lead).get_by_role("button", name=_("Plan the first cycle")).click()
        else:
            lead.goto(f"/{language}/projects/{project.project.pk}/cycles/")
            main(lead).get_by_role("button", name=_("Plan a PDSA cycle")).click()
            lead.get_by_label(optional(language, "Ramp"), exact=True).select_option(
                label=CHANGE_IDEA
            )
        expect(heading(lead)).to_have_text(_("Plan a PDSA cycle"))
        expect(lead.get_by_label(optional(language, "Ramp"), exact=True)).to_have_value(
            re.compile(r"^\d+$")
        )
        if number == 1:
            check_page(lead, language)
        lead.get_by_label(_("Title"), exact=True).fill(title)
        lead.get_by_label(_("Planned start"), exact=True).fill(day(first).isoformat())
        lead.get_by_label(_("Planned end"), exact=True).fill(day(last).isoformat())
        lead.get_by_role("button", name=_("Plan the cycle")).click()

        # Then each is the next cycle of the ramp
        expect(heading(lead)).to_have_text(title)
        expect(success_banner(lead)).to_contain_text(_("The PDSA cycle has been planned."))
        expect(summary_value(lead, _("Ramp"))).to_contain_text(_("cycle %(number)s", number=number))
        if number == 1:
            # (the first has ended without its study and act: it is overdue)
            expect(main(lead).locator(".nhsuk-tag").first).to_have_text(_("Overdue"))
            check_page(lead, language)

    # And the ramp lists the three, in order: overdue, running and planned
    lead.goto(ramp_url)
    cycles = main(lead).get_by_role("table", name=_("Cycles in this ramp, in order"))
    rows = cycles.locator("tbody tr")
    expect(rows).to_have_count(3)
    for row, (title, _first, _last), state in zip(
        rows.all(), CYCLES, ["Overdue", "Running", "Planned"], strict=True
    ):
        expect(row).to_contain_text(title)
        expect(row.locator(".nhsuk-tag")).to_have_text(_(state))
    check_page(lead, language)

    # And so does the project's page, under the change idea
    main(lead).get_by_role("link", name=project.project.title).click()
    section = main(lead).get_by_role("heading", name=_("Change idea: %(idea)s", idea=CHANGE_IDEA))
    expect(section).to_be_visible()
    for title, _first, _last in CYCLES:
        expect(main(lead).get_by_role("link", name=title)).to_be_visible()
    check_page(lead, language)


# --- Stage 3: the first cycle's do, study and act; the completion rate moves ----------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_3_a_cluster_lead_completes_the_first_cycle_and_the_completion_rate_moves(
    new_page, live_server, first_cycle, language
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    rate = _("Completion rate of PDSA cycles")
    completed = tp(language, "PDSA cycle", "Completed")

    # Given the cluster lead, on their cluster's dashboard from the menu's "Projects"
    lead = person_in_own_browser(new_page, live_server, CLUSTER_LEAD, language)
    open_from_projects(lead, language, "Project dashboard: %(unit)s")
    expect(heading(lead)).to_have_text(_("Project dashboard"))
    dashboard_url = lead.url

    # Then none of the cycles due is completed yet: the first is overdue
    before = summary_value(lead, rate)
    expect(before).to_contain_text(re.compile(r"^\s*0%"))
    expect(before).to_contain_text(
        _(
            "%(completed)s completed of %(due)s that should be finished by now (completed or "
            "overdue)",
            completed=0,
            due=1,
        )
    )
    check_page(lead, language)

    # When they follow the number of overdue cycles to the first cycle and record what happened
    figures = main(lead).get_by_role("table", name=_("PDSA cycles of the current projects"))
    figures.get_by_role("row").filter(has_text=_("Overdue")).get_by_role("link").click()
    expect(heading(lead)).to_have_text(_("PDSA cycles"))
    listed = main(lead).locator("tbody tr")
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text(_("Overdue"))
    check_page(lead, language)
    listed.get_by_role("link", name=first_cycle.title).click()
    expect(heading(lead)).to_have_text(first_cycle.title)
    expect(main(lead)).to_contain_text(
        _(
            "This cycle is past its planned end. Record its study and act to complete it, or "
            "change its planned end in the plan."
        )
    )
    check_page(lead, language)
    main(lead).get_by_role("link", name=f"{_('Change')} {_('Do')}").click()
    expect(heading(lead)).to_have_text(_("Do"))
    check_page(lead, language)
    for label, text in DONE.items():
        lead.get_by_label(optional(language, label), exact=True).fill(text)
    lead.get_by_role("button", name=_("Save")).click()
    expect(success_banner(lead)).to_contain_text(
        _("“%(section)s” has been saved.", section=_("Do"))
    )

    # And its study, results against predictions
    main(lead).get_by_role("link", name=f"{_('Change')} {_('Study')}").click()
    expect(heading(lead)).to_have_text(_("Study"))
    lead.get_by_label(optional(language, "Results against predictions"), exact=True).fill(STUDY)
    lead.get_by_role("button", name=_("Save")).click()
    expect(success_banner(lead)).to_contain_text(
        _("“%(section)s” has been saved.", section=_("Study"))
    )
    expect(main(lead).locator(".nhsuk-tag").first).to_have_text(_("Overdue"))

    # And the act: adapt the change, and what the next cycle will test
    main(lead).get_by_role("link", name=f"{_('Change')} {_('Act')}").click()
    expect(heading(lead)).to_have_text(_("Act"))
    check_page(lead, language)
    lead.get_by_role("radio", name=_("Adapt")).check()
    lead.get_by_label(optional(language, "Next cycle"), exact=True).fill(NEXT)
    lead.get_by_role("button", name=_("Save")).click()

    # Then the cycle is completed, with all it recorded
    expect(success_banner(lead)).to_contain_text(
        _("“%(section)s” has been saved.", section=_("Act"))
    )
    expect(main(lead).locator(".nhsuk-tag").first).to_have_text(completed)
    expect(summary_value(lead, _("Completed"))).not_to_be_empty()
    for text in [*DONE.values(), STUDY, NEXT, _("Adapt")]:
        expect(main(lead)).to_contain_text(text)
    check_page(lead, language)

    # And on the dashboard, the completion rate has moved: the one cycle due is completed
    lead.goto(dashboard_url)
    after = summary_value(lead, rate)
    expect(after).to_contain_text("100%")
    expect(after).to_contain_text(
        _(
            "%(completed)s completed of %(due)s that should be finished by now (completed or "
            "overdue)",
            completed=1,
            due=1,
        )
    )
    check_page(lead, language)

    # And the number of completed cycles leads to the cycle, completed
    figures.get_by_role("row").filter(has_text=_("Completed")).get_by_role("link").click()
    expect(heading(lead)).to_have_text(_("PDSA cycles"))
    expect(listed).to_have_count(1)
    expect(listed).to_contain_text(first_cycle.title)
    expect(listed).to_contain_text(completed)


# --- Stage 4: the schedule, filtered and exported ------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_4_a_cluster_lead_filters_the_schedule_and_exports_it(
    new_page, live_server, scheduled, language, tmp_path
):
    _ = lambda text, **values: t(language, text, **values)  # noqa: E731
    from openpyxl import load_workbook

    # Given the cluster lead, on their cluster's schedule from the menu's "Projects"
    lead = person_in_own_browser(new_page, live_server, CLUSTER_LEAD, language)
    open_from_projects(lead, language, "Schedule of current projects: %(unit)s")
    expect(heading(lead)).to_have_text(_("Schedule of projects"))
    projects = main(lead).get_by_role(
        "table",
        name=_("The projects on the timeline, with their dates, milestones and PDSA cycles"),
    )
    expect(projects).to_contain_text(scheduled.title)
    expect(projects).to_contain_text(OTHER_PROJECT)
    check_page(lead, language)

    # When they show only the amber projects
    lead.get_by_label(_("RAG status"), exact=True).select_option(label=_("Amber"))
    lead.get_by_role("button", name=_("Show projects")).click()

    # Then only the project with that status is left, with its next milestone
    expect(lead.get_by_label(_("RAG status"), exact=True)).to_have_value("amber")
    row = projects.get_by_role("row").filter(has_text=scheduled.title)
    expect(row).to_contain_text(_("Amber"))
    expect(row).to_contain_text(MILESTONE)
    expect(projects).not_to_contain_text(OTHER_PROJECT)
    check_page(lead, language)

    # When they download the filtered schedule as a spreadsheet
    xlsx = download(
        lead,
        main(lead).get_by_role("link", name=_("Download the schedule as a spreadsheet (XLSX)")),
    )

    # Then it has the project, and not the one the filter left out
    assert xlsx.suggested_filename.endswith(".xlsx")
    sheet = load_workbook(BytesIO(Path(xlsx.path()).read_bytes()), read_only=True).active
    cells = [str(cell) for row in sheet.iter_rows(values_only=True) for cell in row if cell]
    assert _("Project") in cells
    assert scheduled.title in cells
    assert MILESTONE in " ".join(cells)
    assert OTHER_PROJECT not in cells

    # When they download it to print
    printed = download(
        lead, main(lead).get_by_role("link", name=_("Download the schedule to print (PDF)"))
    )

    # Then it is a PDF
    assert printed.suggested_filename.endswith(".pdf")
    assert Path(printed.path()).read_bytes().startswith(b"%PDF")

    # When they download the milestones for their calendar
    calendar = download(
        lead,
        main(lead).get_by_role(
            "link", name=_("Download the milestones for your calendar (iCalendar)")
        ),
    )

    # Then the milestone is an event of the calendar, on the day it is due
    assert calendar.suggested_filename.endswith(".ics")
    text = Path(calendar.path()).read_bytes().decode("utf-8").replace("\r\n ", "")
    assert text.startswith("BEGIN:VCALENDAR")
    events = re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", text, re.S)
    assert len(events) == 1
    assert f"SUMMARY:{MILESTONE} – {scheduled.title}" in events[0]
    assert f"DTSTART;VALUE=DATE:{day(20):%Y%m%d}" in events[0]
